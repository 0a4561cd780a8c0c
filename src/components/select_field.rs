use customer_model::validation::Field;
use leptos::prelude::*;

use crate::components::text_field::{FieldHead, FieldInput, described_by, is_error};

/// A labelled drop-down; `placeholder` is the empty first choice. Its id,
/// value and issues are its field's in the form around it.
#[component]
pub fn SelectField(
    field: Field,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    /// (value, text) pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] placeholder: Option<TextProp>,
    #[prop(optional, into)] optional: Signal<bool>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let FieldInput {
        id,
        value,
        left,
        message,
    } = FieldInput::of(field);
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
                prop:value=move || value.get.get()
            >
                {placeholder.map(|text| view! { <option value="">{move || text.get()}</option> })}
                // Rendered again only when the options change (a new
                // language, the countries named): a new value is the select's
                // `value` above, not a pass over every option (249 countries).
                {move || {
                    let current = value.get.get_untracked();
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
