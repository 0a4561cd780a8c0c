use customer_model::validation::{Issue, Severity};
use leptos::prelude::*;

use crate::components::field_error::FieldError;
use crate::messages::issue_message;

/// A labelled text input that shows its first error once the user has left
/// the field, or as soon as `reveal` is set (after a submit attempt).
#[component]
pub fn TextField(
    /// The input's id, also the target of error-summary links.
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] issues: Signal<Vec<Issue>>,
    #[prop(into)] reveal: Signal<bool>,
) -> impl IntoView {
    let left = RwSignal::new(false);
    let error = Memo::new(move |_| {
        if !(left.get() || reveal.get()) {
            return None;
        }
        issues.with(|issues| {
            issues
                .iter()
                .find(|issue| issue.severity == Severity::Error)
                .map(issue_message)
        })
    });
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = [
                hint.map(|_| hint_id.as_str()),
                error.with(Option::is_some).then_some(error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class=("field--error", move || error.with(Option::is_some))>
            <label for=id>{label}</label>
            {hint.map(|text| view! { <span class="hint" id=hint_id>{text}</span> })}
            <FieldError id=error_id message=error />
            <input
                type="text"
                id=id
                name=id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| left.set(true)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
        </div>
    }
}
