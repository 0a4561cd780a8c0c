//! The UI language the user chose: one signal for the whole app, remembered
//! on this browser. A leaf: it depends on nothing of ours, so the texts
//! (`i18n`), the formatting (`format`) and the API client (`api`, for
//! `X-Locale`) all read it without depending on one another.

use customer_model::locale::Locale;
use leptos::prelude::*;

const LOCALE_KEY: &str = "customer-wizard.locale";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language chosen before on this browser, else the browser's first
/// language we have, else English.
fn initial() -> Locale {
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
    static LOCALE: ArcRwSignal<Locale> = ArcRwSignal::new(initial());
}

fn show_in_document(locale: Locale) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", locale.tag());
    }
}

/// The UI language; views that read it follow a change.
pub fn current() -> Locale {
    LOCALE.with(|locale| locale.get())
}

/// The UI language, for code outside the views (request headers).
pub fn current_untracked() -> Locale {
    LOCALE.with(|locale| locale.get_untracked())
}

/// Switches every text at once (input stays: only texts re-render), and
/// remembers the choice on this browser.
pub fn set(locale: Locale) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LOCALE_KEY, locale.tag());
    }
    show_in_document(locale);
    LOCALE.with(|current| current.set(locale));
}

/// `<html lang>` for the language the app starts in.
pub fn start() {
    show_in_document(current_untracked());
}
