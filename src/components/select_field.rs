use customer_model::validation::Field;
use leptos::html::Select;
use leptos::prelude::*;
use web_sys::{HtmlOptionElement, HtmlSelectElement};

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
    let list = NodeRef::<Select>::new();
    let placeholders = u32::from(placeholder.is_some());
    // Listed again only when the options change (a new language, the
    // countries named), as plain options in one fragment: a view for each of
    // 249 countries, with its own state and its own calls across to the
    // browser, made the task that lists them the longest after Account info
    // opened. A new value is the select's `value` below, not a pass over the
    // options.
    Effect::new(move || {
        if let Some(select) = list.get() {
            options.with(|options| list_options(&select, placeholders, options));
            select.set_value(&value.get.get_untracked());
        }
    });
    view! {
        <div class="field" class=("field--error", move || is_error(message))>
            <FieldHead id label optional hint message />
            <select
                node_ref=list
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
            </select>
        </div>
    }
}

/// `options`, (value, text) pairs, in place of the options of `select` after
/// its first `kept`.
fn list_options(select: &HtmlSelectElement, kept: u32, options: &[(String, String)]) {
    select.set_length(kept);
    let Some(document) = select.owner_document() else {
        return;
    };
    let listed = document.create_document_fragment();
    for (value, text) in options {
        if let Ok(option) = HtmlOptionElement::new_with_text_and_value(text, value) {
            let _ = listed.append_child(&option);
        }
    }
    let _ = select.append_child(&listed);
}
