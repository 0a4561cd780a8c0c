use super::*;
use crate::wire::{Address, BillingProfile, CompanyProfile, Contact};

fn codes(issues: &[Issue]) -> Vec<Code> {
    issues.iter().map(|issue| issue.code).collect()
}

fn only(issues: Vec<Issue>) -> (Code, Severity) {
    assert_eq!(issues.len(), 1, "{issues:?}");
    (issues[0].code, issues[0].severity)
}

/// Rules of the shape the server serves (see crates/server/data).
fn hungary() -> CountryValidationRules {
    CountryValidationRules {
        iso2_code: "HU".into(),
        default_culture: "hu-HU".into(),
        supported_languages_list: vec!["hu".into(), "en".into()],
        supported_cultures_list: vec!["hu-HU".into(), "en-US".into()],
        is_postal_code_required: true,
        postal_code_regex: Some(r"^(?:\d{4})$".into()),
        is_city_required: true,
        phone_number_regex: Some(r"^(?:(?:\+|00)36|06)?[ ./()-]*(?:\d[ ./()-]*){8,9}$".into()),
        customer_organization_registration_number_required: true,
        customer_organization_registration_number_regex: Some(r"^\d{2}-\d{2}-\d{6}$".into()),
        customer_organization_registration_number_sample: Some("01-09-123456".into()),
        customer_organization_phone_number_required: true,
        ..Default::default()
    }
}

fn turkey() -> CountryValidationRules {
    CountryValidationRules {
        iso2_code: "TR".into(),
        supported_states_list: vec!["İstanbul".into(), "Ankara".into(), "İzmir".into()],
        is_state_required: true,
        postal_code_regex: Some(r"^(?:\d{5})$".into()),
        is_postal_code_required: true,
        phone_number_regex: Some(r"^\(?(?:(?:\+|00)90|0)?[ ./()-]*(?:\d[ ./()-]*){10}$".into()),
        ..hungary()
    }
}

fn united_states() -> CountryValidationRules {
    CountryValidationRules {
        iso2_code: "US".into(),
        is_state_required: true,
        supported_states_list: vec!["WA".into(), "NY".into()],
        supported_languages_list: vec!["en".into(), "es".into()],
        supported_cultures_list: vec!["en-US".into(), "es-US".into()],
        is_postal_code_required: true,
        postal_code_regex: Some(r"^\d{5}(-\d{4})?$".into()),
        is_city_required: true,
        phone_number_regex: Some(
            r"^(1[ \-\/\.]?)?(\((\d{3})\)|(\d{3}))[ \-\/\.]?(\d{3})[ \-\/\.]?(\d{4})$".into(),
        ),
        ..Default::default()
    }
}

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 21,
};

mod company_names {
    use super::*;

    #[test]
    fn legal_names_in_english_hungarian_and_turkish_pass_silently() {
        for name in [
            "Contoso Ltd",
            "Fabrikam, Inc.",
            "Kovács és Társa Kft.",
            "Magyar Telekom Nyrt.",
            "Yıldız Teknoloji A.Ş.",
            "Özgür Gıda Sanayi ve Ticaret Ltd. Şti.",
            "Testa Ristorante",
            "Protestan Vakfı",
            "Contest Media Kft.",
        ] {
            assert_eq!(company_name(name), vec![], "{name}");
        }
    }

    #[test]
    fn rejects_empty_single_character_and_punctuation_only() {
        assert_eq!(only(company_name("")), (Code::Required, Severity::Error));
        assert_eq!(
            only(company_name(" \t ")),
            (Code::Required, Severity::Error)
        );
        assert_eq!(only(company_name("Ő")), (Code::TooShort, Severity::Error));
        assert_eq!(company_name("ı")[0].params["min"], "2");
        assert_eq!(
            only(company_name("-- ., !")),
            (Code::NoLettersOrDigits, Severity::Error)
        );
    }

    #[test]
    fn rejects_a_bare_legal_form_in_any_of_the_three_languages() {
        for name in [
            "llc",
            "Inc.",
            "LTD",
            "GmbH",
            "kft",
            "Kft.",
            "ZRT.",
            "bt",
            "Nyrt",
            "a.ş.",
            "A.Ş.",
            "Ltd. Şti.",
            "LTD. ŞTİ.",
        ] {
            assert_eq!(
                only(company_name(name)),
                (Code::LegalFormOnly, Severity::Error),
                "{name}"
            );
        }
    }

    #[test]
    fn counts_characters_not_bytes_after_nfc() {
        let longest = format!("{}á", "áb".repeat(COMPANY_NAME_MAX / 2));
        assert_eq!(longest.chars().count(), COMPANY_NAME_MAX);
        assert_eq!(company_name(&longest), vec![]);
        let decomposed = format!("{}a\u{301}", "a\u{301}b".repeat(COMPANY_NAME_MAX / 2));
        assert_eq!(
            company_name(&decomposed),
            vec![],
            "NFD input is the same name"
        );
        let issues = company_name(&format!("{longest}ő"));
        assert_eq!(only(issues.clone()), (Code::TooLong, Severity::Error));
        assert_eq!(issues[0].params["max"], "255");
    }

    #[test]
    fn warns_about_test_names_whatever_their_case_accents_and_turkish_i() {
        for name in [
            "TEST",
            "test company",
            "Teszt Kft.",
            "TESZT ZRT.",
            "DENEME A.Ş.",
            "İstanbul Deneme Ltd. Şti.",
            "Örnek Şirket",
            "Próba Bt.",
            "asdf",
            "Lorem Ipsum LLC",
            "Demo Ltd",
        ] {
            let issues = company_name(name);
            assert!(
                codes(&issues).contains(&Code::TestName),
                "{name}: {issues:?}"
            );
            assert!(!has_errors(&issues), "{name} is a warning only");
        }
    }

    #[test]
    fn warns_about_acronyms_and_short_forms() {
        for name in ["IBM", "MSFT", "OTP Nyrt.", "İTÜ"] {
            assert_eq!(
                only(company_name(name)),
                (Code::LooksLikeAcronym, Severity::Warning),
                "{name}"
            );
        }
        assert_eq!(company_name("OTP Bank Nyrt."), vec![]);
        assert_eq!(company_name("Ikea"), vec![]);
    }

    #[test]
    fn warns_about_domain_names_repeats_and_spaced_characters() {
        assert_eq!(
            only(company_name("contoso.com")),
            (Code::ContainsDomainName, Severity::Warning)
        );
        assert_eq!(
            only(company_name("Kovacs.hu Kft.")),
            (Code::ContainsDomainName, Severity::Warning)
        );
        assert_eq!(
            only(company_name("Firma 999")),
            (Code::RepeatedCharacter, Severity::Warning)
        );
        assert_eq!(
            only(company_name("Ááá Kereskedelmi Bt.")),
            (Code::RepeatedCharacter, Severity::Warning)
        );
        assert_eq!(
            only(company_name("1 2 3 Holding")),
            (Code::SpacedCharacters, Severity::Warning)
        );
        assert_eq!(
            company_name("Yıldız Teknoloji A.Ş."),
            vec![],
            "a legal form's dots are not a domain"
        );
    }
}

#[test]
fn domain_prefix_is_letters_and_digits_up_to_27() {
    assert_eq!(domain_prefix("contoso2026"), vec![]);
    assert_eq!(domain_prefix(&"a".repeat(27)), vec![]);
    assert_eq!(only(domain_prefix("")), (Code::Required, Severity::Error));
    assert_eq!(
        only(domain_prefix(&"a".repeat(28))),
        (Code::TooLong, Severity::Error)
    );
    for bad in ["kovács", "yıldız", "contoso-ltd", "contoso.hu", "a b"] {
        assert_eq!(
            only(domain_prefix(bad)),
            (Code::InvalidCharacters, Severity::Error),
            "{bad}"
        );
    }
    assert_eq!(
        canonical_domain(" Contoso ", Cloud::Public),
        "contoso.onmicrosoft.com"
    );
    assert_eq!(
        canonical_domain("Contoso", Cloud::China),
        "contoso.partner.onmschina.cn"
    );
}

#[test]
fn email_must_look_deliverable_and_not_be_the_partners() {
    let partner = ["partner.example".to_owned()];
    for good in [
        "jane@contoso.com",
        "kovacs.janos@kovacs.hu",
        "ayse.yilmaz@yildiz.com.tr",
        "zoë@bücher.de",
    ] {
        assert_eq!(email(Field::Email, good, &partner), vec![], "{good}");
    }
    for bad in [
        "jane",
        "jane@",
        "@contoso.com",
        "jane@contoso",
        "jane doe@contoso.com",
        "jane@@contoso.com",
        "jane@contoso.c",
        "jane@-x.com",
        ".jane@contoso.com",
    ] {
        assert_eq!(
            only(email(Field::Email, bad, &partner)),
            (Code::InvalidEmail, Severity::Error),
            "{bad}"
        );
    }
    let issues = email(Field::Email, "jane@Partner.Example", &partner);
    assert_eq!(
        only(issues.clone()),
        (Code::PartnerDomainEmail, Severity::Error)
    );
    assert_eq!(issues[0].params["domain"], "partner.example");
    assert_eq!(
        only(email(Field::Email, "jane@sales.partner.example", &partner)).0,
        Code::PartnerDomainEmail
    );
    assert_eq!(
        only(email(Field::Email, "x@microsoft.com", &[])).0,
        Code::PartnerDomainEmail
    );
    assert_eq!(only(email(Field::Email, "", &[])).0, Code::Required);
}

#[test]
fn postal_codes_follow_the_country() {
    assert_eq!(postal_code("1051", &hungary()), vec![]);
    assert_eq!(
        only(postal_code("10510", &hungary())),
        (Code::InvalidFormat, Severity::Error)
    );
    assert_eq!(postal_code("34000", &turkey()), vec![]);
    assert_eq!(only(postal_code("3400", &turkey())).0, Code::InvalidFormat);
    assert_eq!(postal_code("98052", &united_states()), vec![]);
    assert_eq!(postal_code("98052-6399", &united_states()), vec![]);
    assert_eq!(
        only(postal_code("9805", &united_states())).0,
        Code::InvalidFormat
    );
    assert_eq!(only(postal_code("", &hungary())).0, Code::Required);
    let optional = CountryValidationRules {
        is_postal_code_required: false,
        ..hungary()
    };
    assert_eq!(postal_code("", &optional), vec![]);
}

#[test]
fn a_pattern_the_platform_cannot_read_leaves_the_value_to_the_api() {
    let broken = CountryValidationRules {
        postal_code_regex: Some("^(\\d{4}".into()),
        ..hungary()
    };
    assert_eq!(postal_code("anything", &broken), vec![]);
}

#[test]
fn phone_numbers_follow_the_country_and_are_required_where_it_says() {
    for good in ["+36 1 234 5678", "06 30 123 4567", "+36-20-123-4567"] {
        assert_eq!(
            phone_number(Field::PhoneNumber, good, &hungary()),
            vec![],
            "{good}"
        );
    }
    assert_eq!(
        phone_number(Field::PhoneNumber, "0212 555 12 34", &turkey()),
        vec![]
    );
    assert_eq!(
        phone_number(Field::PhoneNumber, "(425) 555-0101", &united_states()),
        vec![]
    );
    assert_eq!(
        only(phone_number(Field::PhoneNumber, "12", &hungary())).0,
        Code::InvalidFormat
    );
    assert_eq!(
        only(phone_number(Field::PhoneNumber, "", &hungary())).0,
        Code::Required
    );
    assert_eq!(
        phone_number(Field::PhoneNumber, "", &united_states()),
        vec![],
        "optional in the US"
    );
    assert_eq!(
        phone_number(Field::AcceptorPhoneNumber, "", &hungary()),
        vec![],
        "the acceptor's is optional"
    );
}

#[test]
fn registration_numbers_follow_the_country_with_its_example() {
    assert_eq!(registration_number("01-09-123456", &hungary()), vec![]);
    let issues = registration_number("123", &hungary());
    assert_eq!(only(issues.clone()).0, Code::InvalidFormat);
    assert_eq!(issues[0].params["example"], "01-09-123456");
    assert_eq!(only(registration_number("", &hungary())).0, Code::Required);
    assert_eq!(registration_number("", &united_states()), vec![]);
}

#[test]
fn state_city_language_and_culture_follow_the_country() {
    assert_eq!(state("WA", &united_states()), vec![]);
    assert_eq!(state("wa", &united_states()), vec![]);
    assert_eq!(only(state("XX", &united_states())).0, Code::NotAllowed);
    assert_eq!(only(state("", &united_states())).0, Code::Required);
    assert_eq!(state("İstanbul", &turkey()), vec![]);
    assert_eq!(state("", &hungary()), vec![], "no states in Hungary");
    assert_eq!(only(city("", &hungary())).0, Code::Required);
    assert_eq!(city("Budapest", &hungary()), vec![]);
    assert_eq!(language("hu", &hungary()), vec![]);
    assert_eq!(only(language("tr", &hungary())).0, Code::NotAllowed);
    assert_eq!(culture("hu-HU", &hungary()), vec![]);
    assert_eq!(only(culture("", &hungary())).0, Code::Required);
}

#[test]
fn names_and_address_lines_have_their_bounds() {
    assert_eq!(person_name(Field::FirstName, "Ayşe"), vec![]);
    assert_eq!(only(person_name(Field::LastName, "")).0, Code::Required);
    assert_eq!(
        only(person_name(Field::LastName, &"ő".repeat(51))).0,
        Code::TooLong
    );
    assert_eq!(address_line(Field::AddressLine1, "Váci utca 1."), vec![]);
    assert_eq!(
        only(address_line(Field::AddressLine1, " ")).0,
        Code::Required
    );
    assert_eq!(address_line(Field::AddressLine2, ""), vec![]);
    assert_eq!(
        only(address_line(Field::AddressLine3, &"ş".repeat(201))).0,
        Code::TooLong
    );
}

#[test]
fn agreement_date_is_a_real_date_not_in_the_future() {
    assert_eq!(agreement_date("2026-11-21", TODAY), vec![]);
    assert_eq!(agreement_date("2018-06-14T00:00:00.000Z", TODAY), vec![]);
    assert_eq!(
        only(agreement_date("2026-11-22", TODAY)).0,
        Code::DateInFuture
    );
    assert_eq!(
        only(agreement_date("2026-02-30", TODAY)).0,
        Code::InvalidDate
    );
    assert_eq!(only(agreement_date("", TODAY)).0, Code::Required);
}

#[test]
fn quantities_stay_within_the_offers_bounds() {
    let offer = Offer {
        id: "o-1".into(),
        minimum_quantity: 1,
        maximum_quantity: 300,
        ..Default::default()
    };
    assert_eq!(quantity(&offer, 1), vec![]);
    assert_eq!(quantity(&offer, 300), vec![]);
    let issues = quantity(&offer, 301);
    assert_eq!(only(issues.clone()).0, Code::OutOfRange);
    assert_eq!(
        (
            issues[0].params["min"].as_str(),
            issues[0].params["max"].as_str()
        ),
        ("1", "300")
    );
    assert_eq!(issues[0].params["offerId"], "o-1");
    assert_eq!(only(quantity(&offer, 0)).0, Code::OutOfRange);
}

fn hungarian_request() -> Customer {
    Customer {
        company_profile: CompanyProfile {
            domain: "kovacsestarsa.onmicrosoft.com".into(),
            company_name: "Kovács és Társa Kft.".into(),
            organization_registration_number: Some("01-09-123456".into()),
            ..Default::default()
        },
        billing_profile: Some(BillingProfile {
            email: "janos@kovacs.hu".into(),
            culture: "hu-HU".into(),
            language: "hu".into(),
            company_name: "Kovács és Társa Kft.".into(),
            default_address: Address {
                first_name: Some("János".into()),
                last_name: Some("Kovács".into()),
                address_line1: "Váci utca 1.".into(),
                city: Some("Budapest".into()),
                postal_code: Some("1051".into()),
                country: "HU".into(),
                phone_number: Some("+36 1 234 5678".into()),
                ..Default::default()
            },
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[test]
fn a_complete_hungarian_request_passes_and_a_broken_one_reports_each_field() {
    let rules = hungary();
    let partner = ["partner.example".to_owned()];
    let context = Context {
        rules: &rules,
        partner_domains: &partner,
        today: TODAY,
        cloud: Default::default(),
    };
    assert_eq!(customer(&hungarian_request(), &context), vec![]);

    let mut broken = hungarian_request();
    broken.company_profile.domain = "kovács.onmicrosoft.com".into();
    broken.company_profile.organization_registration_number = None;
    let billing = broken.billing_profile.as_mut().expect("billing");
    billing.email = "janos@partner.example".into();
    billing.default_address.postal_code = Some("10510".into());
    billing.default_address.phone_number = None;
    let fields: Vec<(Field, Code)> = customer(&broken, &context)
        .iter()
        .map(|issue| (issue.field, issue.code))
        .collect();
    assert_eq!(
        fields,
        [
            (Field::DomainPrefix, Code::InvalidCharacters),
            (Field::PostalCode, Code::InvalidFormat),
            (Field::RegistrationNumber, Code::Required),
            (Field::Email, Code::PartnerDomainEmail),
            (Field::PhoneNumber, Code::Required),
        ]
    );
}

#[test]
fn a_request_for_another_country_than_the_rules_is_refused() {
    let rules = turkey();
    let context = Context {
        rules: &rules,
        partner_domains: &[],
        today: TODAY,
        cloud: Default::default(),
    };
    let issues = customer(&hungarian_request(), &context);
    assert_eq!(issues[0].field, Field::Country);
    assert_eq!(issues[0].code, Code::NotAllowed);
}

#[test]
fn a_request_without_a_country_asks_for_one_even_against_empty_rules() {
    let rules = CountryValidationRules::default();
    let context = Context {
        rules: &rules,
        partner_domains: &[],
        today: TODAY,
        cloud: Default::default(),
    };
    let mut request = hungarian_request();
    if let Some(billing) = request.billing_profile.as_mut() {
        billing.default_address.country = " ".into();
    }
    let issues = customer(&request, &context);
    assert_eq!(
        (issues[0].field, issues[0].code),
        (Field::Country, Code::Required)
    );
}

#[test]
fn agreement_attestation_checks_the_date_and_the_acceptor() {
    let rules = turkey();
    let context = Context {
        rules: &rules,
        partner_domains: &[],
        today: TODAY,
        cloud: Default::default(),
    };
    let mut attestation = Agreement {
        primary_contact: Contact {
            first_name: "Ayşe".into(),
            last_name: "Yılmaz".into(),
            email: "ayse@yildiz.com.tr".into(),
            phone_number: Some("0212 555 12 34".into()),
        },
        template_id: "117a77b0-9360-443b-8795-c6dedc750cf9".into(),
        date_agreed: "2026-11-20".into(),
        ..Default::default()
    };
    assert_eq!(agreement(&attestation, &context), vec![]);
    attestation.date_agreed = "2027-01-01".into();
    attestation.primary_contact.email = "ayse".into();
    assert_eq!(
        codes(&agreement(&attestation, &context)),
        [Code::DateInFuture, Code::InvalidEmail]
    );
}

#[test]
fn issues_cross_the_wire_as_codes() {
    let json = serde_json::to_value(&company_name("x")[0]).expect("serializes");
    assert_eq!(
        json,
        serde_json::json!({"field": "companyProfile.companyName", "code": "too_short",
                           "params": {"min": "2"}, "severity": "error"})
    );
    let read: Issue = serde_json::from_value(
        serde_json::json!({"field": "billingProfile.email", "code": "invalid_email"}),
    )
    .expect("a server's {field, code} item");
    assert_eq!(
        (read.field, read.code, read.severity),
        (Field::Email, Code::InvalidEmail, Severity::Error)
    );
}

#[test]
fn a_domain_prefix_is_read_with_or_without_its_suffix() {
    use crate::validation::{canonical_domain, prefix_of};
    assert_eq!(prefix_of("contoso"), "contoso");
    assert_eq!(prefix_of(" Contoso.OnMicrosoft.com "), "Contoso");
    assert_eq!(prefix_of("contoso.partner.onmschina.cn"), "contoso");
    assert_eq!(prefix_of("contoso.example.com"), "contoso.example.com");
    assert_eq!(prefix_of("ő"), "ő");
    assert_eq!(
        canonical_domain(prefix_of("Contoso.onmicrosoft.com"), Cloud::Public),
        "contoso.onmicrosoft.com"
    );
}

#[test]
fn names_with_invisible_or_direction_changing_characters_are_refused() {
    for bad in [
        "Con\u{200B}toso",
        "Contoso\u{202E}lnc",
        "\u{2066}Contoso\u{2069} Kft.",
        "Con\u{00AD}toso Ltd",
        "Contoso\u{0007} Ltd",
        "\u{FEFF}Fabrikam GmbH",
    ] {
        assert_eq!(
            only(company_name(bad)),
            (Code::InvisibleCharacters, Severity::Error),
            "{bad:?}"
        );
        assert_eq!(
            only(person_name(Field::FirstName, bad)),
            (Code::InvisibleCharacters, Severity::Error),
            "{bad:?}"
        );
    }
    // Pasted with a line break after it: trimmed, not refused.
    assert_eq!(company_name("Contoso Ltd\n"), vec![]);
    assert_eq!(person_name(Field::FirstName, "Zoë\t"), vec![]);
}
