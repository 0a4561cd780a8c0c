//! Every text of the app in English, Hungarian and Turkish (the language
//! itself is `locale`'s).
//!
//! Each page's texts are one struct in its own module, with the three
//! languages' constants side by side: a text missing in any language is a
//! missing field, so the build fails. Code reads its page's module only
//! (`review::texts()`, `t!(review.title)`), so that a page whose code is
//! fetched when opened (`pages::lazy_route!`) takes its texts with it.
//! Numbers, dates and plural forms come from the browser's `Intl` (see
//! `format`), so no locale data is in the bundle.

/// `texts()`, the module's texts in the UI language; views that read them
/// follow a change of language.
macro_rules! in_ui_language {
    ($texts:ty) => {
        pub fn texts() -> &'static $texts {
            match $crate::locale::current() {
                customer_model::locale::Locale::En => &EN,
                customer_model::locale::Locale::Hu => &HU,
                customer_model::locale::Locale::Tr => &TR,
            }
        }
    };
}

pub mod account;
pub mod batch;
pub mod common;
pub mod confirmation;
pub mod customers;
pub mod issues;
pub mod relationship;
pub mod review;
pub mod sign_in;
pub mod subscriptions;

use customer_model::locale::Locale;
use customer_model::validation::{Field, Issue};
use customer_model::wire::{BillingCycle, Role};
use leptos::prelude::*;

use crate::api::ApiError;

/// Every text of the UI in `locale`, for the tests to read.
pub fn texts_in(locale: Locale) -> &'static Texts {
    match locale {
        Locale::En => &EN,
        Locale::Hu => &HU,
        Locale::Tr => &TR,
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
    pub batch: batch::Batch,
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
    batch: batch::EN,
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
    batch: batch::HU,
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
    batch: batch::TR,
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

/// A text of the UI language as a view or attribute that follows a change of
/// language: `t!(customers.title)` is `customers::texts().title`.
macro_rules! t {
    ($module:ident . $($path:ident).+) => {
        (move || $crate::i18n::$module::texts().$($path).+)
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
    let common = common::texts();
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
    issues::message(issue)
}

pub fn api_error_message(error: &ApiError) -> String {
    let common = common::texts();
    if error.is_not_staff() {
        common.not_staff.to_owned()
    } else {
        (common.api_error)(error)
    }
}

/// The label of a field's input on Account info (or Subscriptions).
pub fn field_label(field: Field) -> &'static str {
    let account = account::texts();
    match field {
        Field::Country => account.country_label,
        Field::CompanyName => account.company_name_label,
        Field::DomainPrefix => account.domain_label,
        Field::AddressLine1 => account.address_line1_label,
        Field::AddressLine2 => account.address_line2_label,
        Field::AddressLine3 => account.address_line3_label,
        Field::City => account.city_label,
        Field::State => account.state_label,
        Field::PostalCode => account.postal_code_label,
        Field::RegistrationNumber => account.registration_number_label,
        Field::FirstName => account.first_name_label,
        Field::LastName => account.last_name_label,
        Field::Email => account.email_label,
        Field::PhoneNumber => account.phone_number_label,
        Field::Language => account.language_label,
        Field::Culture => account.culture_label,
        Field::AgreementDate => account.agreement_date_label,
        Field::AcceptorFirstName => account.acceptor_first_name_label,
        Field::AcceptorLastName => account.acceptor_last_name_label,
        Field::AcceptorEmail => account.acceptor_email_label,
        Field::AcceptorPhoneNumber => account.acceptor_phone_number_label,
        Field::Quantity => common::texts().licenses_label,
    }
}

pub fn role_name(role: Role) -> &'static str {
    (common::texts().role)(role)
}

pub fn billing_cycle_name(cycle: BillingCycle) -> &'static str {
    (common::texts().billing_cycle)(cycle)
}
