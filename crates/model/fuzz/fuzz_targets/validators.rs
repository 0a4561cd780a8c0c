#![no_main]

use customer_model::draft::{AccountInfo, AgreementChoice, Draft};
use customer_model::validation::{Context, Date};
use customer_model::wire::CountryValidationRules;
use libfuzzer_sys::fuzz_target;

// The input, split on newlines, fills the draft's fields and the country's
// patterns: every rule runs over arbitrary text and arbitrary regexes.
fuzz_target!(|data: &str| {
    let mut parts = data.split('\n').map(str::to_owned);
    let mut next = || parts.next().unwrap_or_default();
    let rules = CountryValidationRules {
        iso2_code: "HU".into(),
        postal_code_regex: Some(next()),
        phone_number_regex: Some(next()),
        customer_organization_registration_number_regex: Some(next()),
        supported_states_list: vec![next()],
        is_postal_code_required: true,
        is_state_required: true,
        customer_organization_registration_number_required: true,
        customer_organization_phone_number_required: true,
        ..Default::default()
    };
    let mut draft = Draft {
        account: AccountInfo {
            country: "HU".into(),
            company_name: next(),
            domain_prefix: next(),
            address_line1: next(),
            city: next(),
            state: next(),
            postal_code: next(),
            registration_number: next(),
            first_name: next(),
            last_name: next(),
            email: next(),
            phone_number: next(),
            language: next(),
            culture: next(),
            ..Default::default()
        },
        ..Default::default()
    };
    draft.agreement.choice = AgreementChoice::CustomerHasAccepted;
    draft.agreement.date_agreed = next();
    let partner = [next()];
    let context = Context { rules: &rules, partner_domains: &partner, today: Date::from_days_since_epoch(20_413), cloud: Default::default() };
    let _ = draft.account_issues(&context);
});
