//! The Account info inputs' bindings to the draft (their ids are
//! `components::form::field_id`'s).

use customer_model::draft::{Draft, Person};
use customer_model::validation::{Field, Issue};
use leptos::prelude::*;

use crate::components::text_field::Bound;
use crate::wizard::Wizard;

/// Editing a field ends what the server said about it.
fn edited(wizard: Wizard, field: Field) {
    if wizard
        .server_issues
        .with_untracked(|issues| issues.iter().any(|issue| issue.field == field))
    {
        wizard
            .server_issues
            .update(|issues| issues.retain(|issue| issue.field != field));
    }
}

/// A text of the draft, shown and changed by one input.
pub fn bind(
    wizard: Wizard,
    field: Field,
    read: fn(&Draft) -> &String,
    write: fn(&mut Draft) -> &mut String,
) -> Bound {
    Bound {
        get: Memo::new(move |_| wizard.draft(|draft| read(draft).clone())).into(),
        set: Callback::new(move |value| {
            wizard.edit(|draft| *write(draft) = value);
            edited(wizard, field);
        }),
    }
}

/// A detail of the person who accepted the agreement: the primary contact's
/// until the user changes it.
pub fn bind_acceptor(wizard: Wizard, field: Field, part: fn(&mut Person) -> &mut String) -> Bound {
    Bound {
        get: Memo::new(move |_| wizard.draft(|draft| part(&mut draft.acceptor()).clone())).into(),
        set: Callback::new(move |value| {
            wizard.edit(|draft| {
                let mut acceptor = draft.acceptor();
                *part(&mut acceptor) = value;
                draft.agreement.acceptor = Some(acceptor);
            });
            edited(wizard, field);
        }),
    }
}

/// The issues of one field, out of all of the step's.
pub fn issues_of(all: Memo<Vec<Issue>>, field: Field) -> Signal<Vec<Issue>> {
    Signal::derive(move || {
        all.with(|issues| {
            issues
                .iter()
                .filter(|issue| issue.field == field)
                .cloned()
                .collect()
        })
    })
}
