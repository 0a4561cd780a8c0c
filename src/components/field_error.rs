use leptos::prelude::*;

use crate::i18n::t;

/// A field's error message, announced as an error to screen readers; the input
/// points at it through `aria-describedby`.
#[component]
pub fn FieldError(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">{t!(common.error_hidden_prefix)}</span>
                    {text}
                </p>
            }
        })
    }
}

/// A field's warning: the value is allowed, but the user should check it.
#[component]
pub fn FieldWarning(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p class="warning-message" id=id.clone()>
                    <span class="visually-hidden">{t!(common.warning_hidden_prefix)}</span>
                    {text}
                </p>
            }
        })
    }
}
