use customer_model::validation::{Field, Severity};
use leptos::prelude::*;

use crate::components::field_error::{FieldError, FieldWarning};
use crate::components::form::{DraftForm, field_id};
use crate::i18n::{issue_message, t};

/// A value a field shows and changes: a signal of its own, or a part of the draft.
#[derive(Clone, Copy)]
pub struct Bound {
    pub get: Signal<String>,
    pub set: Callback<String>,
}

/// An input of a draft field, as the form around it has it: its id, its
/// text, whether the user has left it, and what it says under its label.
#[derive(Clone, Copy)]
pub struct FieldInput {
    pub id: &'static str,
    pub value: Bound,
    pub left: RwSignal<bool>,
    /// Its first error once the user has left it (or tried to go on), else
    /// its first warning.
    pub message: Memo<Option<(Severity, String)>>,
}

impl FieldInput {
    pub fn of(field: Field) -> FieldInput {
        let form = DraftForm::get();
        let issues = form.issues(field);
        let reveal = form.reveal;
        let left = RwSignal::new(false);
        let message = Memo::new(move |_| {
            if !(left.get() || reveal.get()) {
                return None;
            }
            issues.with(|issues| {
                let first = |severity| issues.iter().find(|issue| issue.severity == severity);
                first(Severity::Error)
                    .or_else(|| first(Severity::Warning))
                    .map(|issue| (issue.severity, issue_message(issue)))
            })
        });
        FieldInput {
            id: field_id(field),
            value: form.value(field),
            left,
            message,
        }
    }
}

/// The ids an input is described by: its hint and its message, when shown.
pub fn described_by(
    id: &str,
    has_hint: bool,
    message: Memo<Option<(Severity, String)>>,
) -> impl Fn() -> Option<String> + Clone + 'static {
    let (hint_id, message_id) = (format!("{id}-hint"), format!("{id}-error"));
    move || {
        let ids: Vec<&str> = [
            has_hint.then_some(hint_id.as_str()),
            message.with(Option::is_some).then_some(message_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// What stands above an input: its label ("(optional)" when it is), its
/// hint, and its message — an error or a warning.
#[component]
pub fn FieldHead(
    id: &'static str,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] optional: Signal<bool>,
    hint: Option<TextProp>,
    message: Memo<Option<(Severity, String)>>,
) -> impl IntoView {
    let of = move |wanted: Severity| {
        Signal::derive(move || {
            message.with(|message| match message {
                Some((severity, text)) if *severity == wanted => Some(text.clone()),
                _ => None,
            })
        })
    };
    view! {
        <label for=id>
            {move || label.get()}
            {move || optional.get().then(t!(common.optional))}
        </label>
        {hint.map(|text| view! { <span class="hint" id=format!("{id}-hint")>{move || text.get()}</span> })}
        <FieldError id=format!("{id}-error") message=of(Severity::Error) />
        <FieldWarning id=format!("{id}-error") message=of(Severity::Warning) />
    }
}

pub fn is_error(message: Memo<Option<(Severity, String)>>) -> bool {
    message.with(|message| matches!(message, Some((Severity::Error, _))))
}

/// A labelled text input after the GOV.UK pattern: hint, then message, then
/// input; its id, text and issues are its field's in the form around it.
#[component]
pub fn TextField(
    field: Field,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    /// Adds "(optional)" to the label.
    #[prop(optional, into)]
    optional: Signal<bool>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// A narrower input for short values (`width-10` etc.).
    #[prop(optional)]
    width: Option<&'static str>,
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
            <input
                type=input_type
                id=id
                name=id
                class=width.map(|width| format!("input--{width}"))
                autocomplete=autocomplete
                spellcheck=(input_type == "text").then_some("false")
                prop:value=move || value.get.get()
                on:input=move |ev| value.set.run(event_target_value(&ev))
                on:blur=move |_| left.set(true)
                aria-invalid=move || is_error(message).then_some("true")
                aria-describedby=described_by(id, has_hint, message)
            />
        </div>
    }
}
