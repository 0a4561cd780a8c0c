//! What ties a rule of the model to the page: the input each issue is shown
//! at (which the error summaries link to), and the form its inputs
//! take their text and their issues from — so a field is named once, by the
//! model's `Field`.

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

/// The licence count input of one offer on Subscriptions.
pub fn quantity_id(offer_id: &str) -> String {
    format!("quantity-{offer_id}")
}

/// Where an issue is shown: its field's input, or for a licence count the
/// input of the offer it names.
pub fn issue_target(issue: &Issue) -> String {
    match (issue.field, issue.params.get("offerId")) {
        (Field::Quantity, Some(offer_id)) => quantity_id(offer_id),
        (field, _) => field_id(field).to_owned(),
    }
}

/// The form the fields inside it belong to: they edit the wizard's draft,
/// and show the step's issues at once when `reveal` (Next was pressed), else
/// after the user leaves them.
#[derive(Clone, Copy)]
pub struct DraftForm {
    wizard: Wizard,
    issues: Memo<Vec<Issue>>,
    pub reveal: Signal<bool>,
}

impl DraftForm {
    pub fn provide(issues: Memo<Vec<Issue>>, reveal: Signal<bool>) -> DraftForm {
        let form = DraftForm {
            wizard: Wizard::get(),
            issues,
            reveal,
        };
        provide_context(form);
        form
    }

    pub fn get() -> DraftForm {
        expect_context()
    }

    /// The field's text in the draft. Editing it ends what the server said
    /// about it.
    pub fn value(self, field: Field) -> Bound {
        let wizard = self.wizard;
        Bound {
            get: Memo::new(move |_| wizard.draft(|draft| draft.text(field))).into(),
            set: Callback::new(move |value| {
                wizard.edit(|draft| draft.set_text(field, value));
                if wizard
                    .server_issues
                    .with_untracked(|issues| issues.iter().any(|issue| issue.field == field))
                {
                    wizard
                        .server_issues
                        .update(|issues| issues.retain(|issue| issue.field != field));
                }
            }),
        }
    }

    /// The field's issues, out of all of the step's.
    pub fn issues(self, field: Field) -> Signal<Vec<Issue>> {
        let all = self.issues;
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
}
