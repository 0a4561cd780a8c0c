use leptos::prelude::*;

/// A field's error message, announced as an error to screen readers; the input
/// points at it through `aria-describedby`.
#[component]
pub fn FieldError(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p class="error-message" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>
                    {text}
                </p>
            }
        })
    }
}
