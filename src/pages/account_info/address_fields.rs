//! The address and registration fields, shaped by the country's rules:
//! required marks, a state list or a free text, the registration number's
//! example. Without rules (none chosen yet, or loading) every field is shown.

use customer_model::validation::{Field, Issue};
use customer_model::wire::CountryValidationRules;
use leptos::prelude::*;

use super::fields::{bind, issues_of};
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::i18n::{t, texts};
use crate::wizard::Wizard;

#[component]
pub fn AddressFields(
    #[prop(into)] rules: Signal<Option<CountryValidationRules>>,
    #[prop(into)] issues: Signal<Vec<Issue>>,
    #[prop(into)] reveal: Signal<bool>,
) -> impl IntoView {
    let wizard = Wizard::get();
    let attempted = reveal;
    let all_issues = Memo::new(move |_| issues.get());
    let text_field_issues = move |field: Field| issues_of(all_issues, field);
    let rule = move |read: fn(&CountryValidationRules) -> bool| {
        Signal::derive(move || rules.with(|rules| rules.as_ref().is_some_and(read)))
    };
    let states = Memo::new(move |_| {
        rules.with(|rules| {
            rules
                .as_ref()
                .map(|rules| {
                    rules
                        .supported_states_list
                        .iter()
                        .map(|state| (state.clone(), state.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let registration_hint = Signal::derive(move || {
        let sample = rules.with(|rules| {
            rules.as_ref().and_then(|rules| {
                rules
                    .customer_organization_registration_number_sample
                    .clone()
            })
        });
        let texts = &texts().account;
        match sample {
            Some(sample) => (texts.registration_number_hint_example)(&sample),
            None => texts.registration_number_hint.to_owned(),
        }
    });
    view! {
        <h2 class="section-heading">{t!(account.address_heading)}</h2>
        <TextField
            id="address-line1"
            label=t!(account.address_line1_label)
            autocomplete="address-line1"
            value=bind(wizard, Field::AddressLine1, |draft| &draft.account.address_line1, |draft| &mut draft.account.address_line1)
            issues=text_field_issues(Field::AddressLine1)
            reveal=attempted
        />
        <TextField
            id="address-line2"
            label=t!(account.address_line2_label)
            optional=true
            autocomplete="address-line2"
            value=bind(wizard, Field::AddressLine2, |draft| &draft.account.address_line2, |draft| &mut draft.account.address_line2)
            issues=text_field_issues(Field::AddressLine2)
            reveal=attempted
        />
        <TextField
            id="address-line3"
            label=t!(account.address_line3_label)
            optional=true
            autocomplete="address-line3"
            value=bind(wizard, Field::AddressLine3, |draft| &draft.account.address_line3, |draft| &mut draft.account.address_line3)
            issues=text_field_issues(Field::AddressLine3)
            reveal=attempted
        />
        <TextField
            id="city"
            label=t!(account.city_label)
            optional=Signal::derive(move || !rule(|rules| rules.is_city_required).get())
            autocomplete="address-level2"
            width="20"
            value=bind(wizard, Field::City, |draft| &draft.account.city, |draft| &mut draft.account.city)
            issues=text_field_issues(Field::City)
            reveal=attempted
        />
        {move || {
            let optional = Signal::derive(move || !rule(|rules| rules.is_state_required).get());
            let value = bind(wizard, Field::State, |draft| &draft.account.state, |draft| &mut draft.account.state);
            if states.with(Vec::is_empty) {
                view! {
                    <TextField
                        id="state"
                        label=t!(account.state_label)
                        optional
                        autocomplete="address-level1"
                        width="20"
                        value
                        issues=text_field_issues(Field::State)
                        reveal=attempted
                    />
                }
                    .into_any()
            } else {
                view! {
                    <SelectField
                        id="state"
                        label=t!(account.state_label)
                        optional
                        options=states
                        placeholder=t!(account.state_placeholder)
                        value
                        issues=text_field_issues(Field::State)
                        reveal=attempted
                        autocomplete="address-level1"
                    />
                }
                    .into_any()
            }
        }}
        <TextField
            id="postal-code"
            label=t!(account.postal_code_label)
            optional=Signal::derive(move || !rule(|rules| rules.is_postal_code_required).get())
            autocomplete="postal-code"
            width="10"
            value=bind(wizard, Field::PostalCode, |draft| &draft.account.postal_code, |draft| &mut draft.account.postal_code)
            issues=text_field_issues(Field::PostalCode)
            reveal=attempted
        />
        <TextField
            id="registration-number"
            label=t!(account.registration_number_label)
            hint=registration_hint
            optional=Signal::derive(move || !rule(|rules| rules.customer_organization_registration_number_required).get())
            width="20"
            value=bind(wizard, Field::RegistrationNumber, |draft| &draft.account.registration_number, |draft| &mut draft.account.registration_number)
            issues=text_field_issues(Field::RegistrationNumber)
            reveal=attempted
        />

    }
}
