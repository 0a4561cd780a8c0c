//! Properties every rule keeps, over generated input: nothing panics, and the
//! decomposed (NFD) spelling of an input is judged exactly like its NFC one.

use customer_model::draft::{AccountInfo, AgreementChoice, Draft};
use customer_model::validation::{self, Context, Date, Field};
use customer_model::wire::{self, CountryValidationRules, Customer};
use proptest::prelude::*;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Letters of the three languages (precomposed, so NFD differs), Turkish i's,
/// digits, punctuation and anything else Unicode has.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-ZáéíóöőúüűÁÉÍÓÖŐÚÜŰçğıİöşüÇĞÖŞÜ0-9 .,&@+()/-]{0,40}",
        "\\PC{0,60}",
        Just("İstanbul Deneme Ltd. Şti.".to_owned()),
    ]
}

fn rules() -> CountryValidationRules {
    CountryValidationRules {
        iso2_code: "HU".into(),
        supported_languages_list: vec!["hu".into(), "en".into()],
        supported_cultures_list: vec!["hu-HU".into(), "en-US".into()],
        supported_states_list: vec!["Budapest".into(), "Pest".into()],
        is_postal_code_required: true,
        postal_code_regex: Some(r"^(?:\d{4})$".into()),
        is_city_required: true,
        phone_number_regex: Some(r"^(?:(?:\+|00)36|06)?[ ./()-]*(?:\d[ ./()-]*){8,9}$".into()),
        customer_organization_registration_number_required: true,
        customer_organization_registration_number_regex: Some(r"^\d{2}-\d{2}-\d{6}$".into()),
        customer_organization_phone_number_required: true,
        ..Default::default()
    }
}

fn nfd(text: &str) -> String {
    text.nfd().collect()
}

fn draft(values: &[String]) -> Draft {
    let value = |index: usize| values[index % values.len()].clone();
    Draft {
        account: AccountInfo {
            country: "HU".into(),
            company_name: value(0),
            domain_prefix: value(1),
            address_line1: value(2),
            address_line2: value(3),
            city: value(4),
            state: value(5),
            postal_code: value(6),
            registration_number: value(7),
            first_name: value(8),
            last_name: value(9),
            email: value(10),
            phone_number: value(11),
            language: value(12),
            culture: value(13),
            ..Default::default()
        },
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn field_rules_never_panic_and_ignore_the_normal_form(input in text()) {
        let rules = rules();
        let partner = ["partner.example".to_owned()];
        let today = Date::new(2026, 11, 21).expect("a date");
        let run = |input: &str| {
            let mut issues = validation::company_name(input);
            issues.extend(validation::domain_prefix(input));
            issues.extend(validation::email(Field::Email, input, &partner));
            issues.extend(validation::postal_code(input, &rules));
            issues.extend(validation::phone_number(Field::PhoneNumber, input, &rules));
            issues.extend(validation::registration_number(input, &rules));
            issues.extend(validation::state(input, &rules));
            issues.extend(validation::city(input, &rules));
            issues.extend(validation::person_name(Field::FirstName, input));
            issues.extend(validation::address_line(Field::AddressLine1, input));
            issues.extend(validation::agreement_date(input, today));
            issues
        };
        prop_assert_eq!(run(&input), run(&nfd(&input)));
    }

    #[test]
    fn whole_drafts_never_panic_and_ignore_the_normal_form(values in prop::collection::vec(text(), 14), accepted: bool) {
        let rules = rules();
        let context = Context { rules: &rules, partner_domains: &[], today: Date::new(2026, 11, 21).expect("a date"), cloud: Default::default() };
        let mut composed = draft(&values);
        if accepted {
            composed.agreement.choice = AgreementChoice::CustomerHasAccepted;
            composed.agreement.date_agreed = values[0].clone();
        }
        let mut decomposed = composed.clone();
        decomposed.account.company_name = nfd(&composed.account.company_name);
        decomposed.account.city = nfd(&composed.account.city);
        decomposed.account.first_name = nfd(&composed.account.first_name);
        prop_assert_eq!(composed.account_issues(&context), decomposed.account_issues(&context));
    }

    #[test]
    fn arbitrary_patterns_from_an_api_never_panic(pattern in "\\PC{0,30}", input in text()) {
        let rules = CountryValidationRules { postal_code_regex: Some(pattern), ..rules() };
        let _ = validation::postal_code(&input, &rules);
    }

    #[test]
    fn the_case_insensitive_reader_never_panics_on_text(body in "\\PC{0,200}") {
        let _ = wire::from_json::<Customer>(&body);
    }

    #[test]
    fn the_case_insensitive_reader_never_panics_on_json(value in json()) {
        let _ = wire::from_value::<Customer>(value.clone());
        let _ = wire::from_value::<wire::Collection<wire::Offer>>(value.clone());
        let _ = wire::from_value::<wire::ApiFault>(value);
    }
}

/// JSON shaped like the resources, with keys in random letter case.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("companyProfile"),
        Just("CompanyProfile"),
        Just("DOMAIN"),
        Just("domain"),
        Just("companyName"),
        Just("billingProfile"),
        Just("defaultAddress"),
        Just("items"),
        Just("totalCount"),
        Just("code"),
        Just("description"),
        Just("data"),
        Just("x"),
    ]
    .prop_map(str::to_owned);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        "\\PC{0,10}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}
