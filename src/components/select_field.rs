use customer_model::validation::Issue;
use leptos::prelude::*;

use crate::components::text_field::{Bound, FieldHead, described_by, field_message, is_error};

/// A labelled drop-down; `placeholder` is the empty first choice.
#[component]
pub fn SelectField(
    id: &'static str,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    /// (value, text) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] placeholder: Option<TextProp>,
    #[prop(into)] value: Bound,
    #[prop(into)] issues: Signal<Vec<Issue>>,
    #[prop(into)] reveal: Signal<bool>,
    #[prop(optional, into)] optional: Signal<bool>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let left = RwSignal::new(false);
    let message = field_message(issues, left, reveal);
    let has_hint = hint.is_some();
    view! {
        <div class="field" class=("field--error", move || is_error(message))>
            <FieldHead id label optional hint message />
            <select
                id=id
                name=id
                autocomplete=autocomplete
                on:change=move |ev| {
                    value.set.run(event_target_value(&ev));
                    left.set(true);
                }
                on:blur=move |_| left.set(true)
                aria-invalid=move || is_error(message).then_some("true")
                aria-describedby=described_by(id, has_hint, message)
            >
                {placeholder.map(|text| view! { <option value="">{move || text.get()}</option> })}
                {move || {
                    let current = value.get.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(option, text)| {
                            let selected = option == current;
                            view! { <option value=option selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
