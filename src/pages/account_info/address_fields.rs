//! The address and registration fields, shaped by the country's rules:
//! required marks, a state list or a free text, the registration number's
//! example. Without rules (none chosen yet, or loading) every field is shown.

use customer_model::validation::Field;
use customer_model::wire::CountryValidationRules;
use leptos::prelude::*;

use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::i18n::{self, t};

/// Inside Account info's form (a `DraftForm`).
#[component]
pub fn AddressFields(#[prop(into)] rules: Signal<Option<CountryValidationRules>>) -> impl IntoView {
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
        let texts = i18n::account::texts();
        match sample {
            Some(sample) => (texts.registration_number_hint_example)(&sample),
            None => texts.registration_number_hint.to_owned(),
        }
    });
    view! {
        <h2 class="section-heading">{t!(account.address_heading)}</h2>
        <TextField
            field=Field::AddressLine1
            label=t!(account.address_line1_label)
            autocomplete="address-line1"
        />
        <TextField
            field=Field::AddressLine2
            label=t!(account.address_line2_label)
            optional=true
            autocomplete="address-line2"
        />
        <TextField
            field=Field::AddressLine3
            label=t!(account.address_line3_label)
            optional=true
            autocomplete="address-line3"
        />
        <TextField
            field=Field::City
            label=t!(account.city_label)
            optional=Signal::derive(move || !rule(|rules| rules.is_city_required).get())
            autocomplete="address-level2"
            width="20"
        />
        {move || {
            let optional = Signal::derive(move || !rule(|rules| rules.is_state_required).get());
            if states.with(Vec::is_empty) {
                view! {
                    <TextField
                        field=Field::State
                        label=t!(account.state_label)
                        optional
                        autocomplete="address-level1"
                        width="20"
                    />
                }
                    .into_any()
            } else {
                view! {
                    <SelectField
                        field=Field::State
                        label=t!(account.state_label)
                        optional
                        options=states
                        placeholder=t!(account.state_placeholder)
                        autocomplete="address-level1"
                    />
                }
                    .into_any()
            }
        }}
        <TextField
            field=Field::PostalCode
            label=t!(account.postal_code_label)
            optional=Signal::derive(move || !rule(|rules| rules.is_postal_code_required).get())
            autocomplete="postal-code"
            width="10"
        />
        <TextField
            field=Field::RegistrationNumber
            label=t!(account.registration_number_label)
            hint=registration_hint
            optional=Signal::derive(move || !rule(|rules| rules.customer_organization_registration_number_required).get())
            width="20"
        />

    }
}
