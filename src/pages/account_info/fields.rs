//! The Account info inputs: their ids (error-summary links point at them) and
//! their bindings to the draft.

use customer_model::draft::{Draft, Person};
use customer_model::validation::{Field, Issue};
use leptos::prelude::*;

use crate::components::text_field::Bound;
use crate::wizard::Wizard;

/// The input a field's issues are shown at.
pub fn field_id(field: Field) -> &'static str {
    match field {
        Field::Country => "country",
        Field::CompanyName => "company-name",
        Field::DomainPrefix => "domain-prefix",
        Field::AddressLine1 => "address-line1",
        Field::AddressLine2 => "address-line2",
        Field::AddressLine3 => "address-line3",
        Field::City => "city",
        Field::State => "state",
        Field::PostalCode => "postal-code",
        Field::RegistrationNumber => "registration-number",
        Field::FirstName => "first-name",
        Field::LastName => "last-name",
        Field::Email => "email",
        Field::PhoneNumber => "phone-number",
        Field::Language => "language",
        Field::Culture => "culture",
        Field::AgreementDate => "agreement-date",
        Field::AcceptorFirstName => "acceptor-first-name",
        Field::AcceptorLastName => "acceptor-last-name",
        Field::AcceptorEmail => "acceptor-email",
        Field::AcceptorPhoneNumber => "acceptor-phone-number",
        Field::Quantity => "subscriptions",
    }
}

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
