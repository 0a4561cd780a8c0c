//! The UI language, and every text of the app in English, Hungarian and Turkish.
//!
//! Each page's texts are one struct in its own module, with the three
//! languages' constants side by side: a text missing in any language is a
//! missing field, so the build fails. Numbers, dates and plural forms come from
//! the browser's `Intl` (see `format`), so no locale data is in the bundle.

mod account;
mod common;
mod confirmation;
mod customers;
mod issues;
mod relationship;
mod review;
mod sign_in;
mod subscriptions;

use customer_model::validation::Issue;
use customer_model::wire::{BillingCycle, Role};
use leptos::prelude::*;

use crate::api::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Hu,
    Tr,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Hu, Locale::Tr];

    /// The BCP 47 language tag, for `<html lang>` and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Hu => "hu",
            Locale::Tr => "tr",
        }
    }

    /// The culture sent as `X-Locale`, so that the API names offers in it.
    pub fn culture(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Hu => "hu-HU",
            Locale::Tr => "tr-TR",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Hu => "Magyar",
            Locale::Tr => "Türkçe",
        }
    }

    /// The locale of a language tag such as `hu-HU` or `TR`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag() == language)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &EN,
            Locale::Hu => &HU,
            Locale::Tr => &TR,
        }
    }
}

/// Every text of the UI in one language.
pub struct Texts {
    pub common: common::Common,
    pub sign_in: sign_in::SignIn,
    pub customers: customers::Customers,
    pub account: account::Account,
    pub subscriptions: subscriptions::Subscriptions,
    pub review: review::Review,
    pub confirmation: confirmation::Confirmation,
    pub relationship: relationship::Relationship,
    /// The message of a validation rule's code, for its field.
    pub issue: fn(&Issue) -> String,
}

static EN: Texts = Texts {
    common: common::EN,
    sign_in: sign_in::EN,
    customers: customers::EN,
    account: account::EN,
    subscriptions: subscriptions::EN,
    review: review::EN,
    confirmation: confirmation::EN,
    relationship: relationship::EN,
    issue: issues::en,
};

static HU: Texts = Texts {
    common: common::HU,
    sign_in: sign_in::HU,
    customers: customers::HU,
    account: account::HU,
    subscriptions: subscriptions::HU,
    review: review::HU,
    confirmation: confirmation::HU,
    relationship: relationship::HU,
    issue: issues::hu,
};

static TR: Texts = Texts {
    common: common::TR,
    sign_in: sign_in::TR,
    customers: customers::TR,
    account: account::TR,
    subscriptions: subscriptions::TR,
    review: review::TR,
    confirmation: confirmation::TR,
    relationship: relationship::TR,
    issue: issues::tr,
};

/// A text with a count in it: `{n}` stands for the number, written the
/// locale's way; the form is chosen by the browser's CLDR plural rules.
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    pub fn of(&self, count: usize) -> String {
        let form = if crate::format::is_plural_one(count) {
            self.one
        } else {
            self.other
        };
        form.replace("{n}", &crate::format::number(count as f64))
    }
}

const LOCALE_KEY: &str = "customer-wizard.locale";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language chosen before on this browser, else the browser's first
/// language we have, else English.
fn initial_locale() -> Locale {
    let remembered = local_storage()
        .and_then(|storage| storage.get_item(LOCALE_KEY).ok().flatten())
        .and_then(|tag| Locale::from_tag(&tag));
    remembered
        .or_else(|| {
            let languages = web_sys::window()?.navigator().languages();
            languages
                .iter()
                .filter_map(|language| language.as_string())
                .find_map(|language| Locale::from_tag(&language))
        })
        .unwrap_or(Locale::En)
}

thread_local! {
    static LOCALE: ArcRwSignal<Locale> = ArcRwSignal::new(initial_locale());
}

fn show_in_document(locale: Locale) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", locale.tag());
    }
}

/// The UI language; views that read it follow a change.
pub fn locale() -> Locale {
    LOCALE.with(|locale| locale.get())
}

/// The UI language, for code outside the views (request headers).
pub fn locale_untracked() -> Locale {
    LOCALE.with(|locale| locale.get_untracked())
}

/// The texts of the UI language; views that read them follow a change.
pub fn texts() -> &'static Texts {
    locale().texts()
}

/// Switches every text at once (input stays: only texts re-render), and
/// remembers the choice on this browser.
pub fn set_locale(locale: Locale) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LOCALE_KEY, locale.tag());
    }
    show_in_document(locale);
    LOCALE.with(|current| current.set(locale));
}

/// `<html lang>` for the language the app starts in.
pub fn start() {
    show_in_document(locale_untracked());
}

/// A text of the UI language as a view or attribute that follows a change of
/// language: `t!(customers.title)`.
macro_rules! t {
    ($($path:ident).+) => {
        (move || $crate::i18n::texts().$($path).+)
    };
}
pub(crate) use t;

/// A translated sentence with views in it (links, values): each placeholder
/// of `template` (such as `{link}`) is replaced by its view, wherever the
/// language puts it. Values are views, never spliced into the template, so a
/// value that looks like a placeholder stays text.
pub fn fill(template: &str, mut slots: Vec<(&'static str, AnyView)>) -> Vec<AnyView> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some((at, index)) = slots
        .iter()
        .enumerate()
        .filter_map(|(index, (placeholder, _))| rest.find(placeholder).map(|at| (at, index)))
        .min_by_key(|(at, _)| *at)
    {
        let (placeholder, view) = slots.swap_remove(index);
        pieces.push(rest[..at].to_owned().into_any());
        pieces.push(view);
        rest = &rest[at + placeholder.len()..];
    }
    pieces.push(rest.to_owned().into_any());
    pieces
}

/// A page's title, most specific part first, ending with the site's name;
/// "Error: " goes first while the page shows errors.
pub fn page_title(parts: &[&str], has_errors: bool) -> String {
    let common = &texts().common;
    let prefix = if has_errors {
        common.error_title_prefix
    } else {
        ""
    };
    let mut title = parts.to_vec();
    title.push(common.site_name);
    format!("{prefix}{}", title.join(" – "))
}

pub fn issue_message(issue: &Issue) -> String {
    (texts().issue)(issue)
}

pub fn api_error_message(error: &ApiError) -> String {
    let common = &texts().common;
    if error.is_not_staff() {
        common.not_staff.to_owned()
    } else {
        (common.api_error)(error)
    }
}

pub fn role_name(role: Role) -> &'static str {
    (texts().common.role)(role)
}

pub fn billing_cycle_name(cycle: BillingCycle) -> &'static str {
    (texts().common.billing_cycle)(cycle)
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn language_tags_choose_a_locale_by_their_language() {
        assert_eq!(Locale::from_tag("hu-HU"), Some(Locale::Hu));
        assert_eq!(Locale::from_tag("TR"), Some(Locale::Tr));
        assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de-DE"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
