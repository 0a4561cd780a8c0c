//! The messages of the shared validation rules' codes, per language. Each
//! language matches every code and every field, so a new rule or field fails
//! the build until all three have its text.

use customer_model::validation::{Code, Field, Issue};

fn field_name_en(field: Field) -> &'static str {
    match field {
        Field::Country => "country or region",
        Field::CompanyName => "company name",
        Field::DomainPrefix => "domain name",
        Field::AddressLine1 => "address line 1",
        Field::AddressLine2 => "address line 2",
        Field::AddressLine3 => "address line 3",
        Field::City => "city",
        Field::State => "state or province",
        Field::PostalCode => "postal code",
        Field::RegistrationNumber => "organization registration number",
        Field::FirstName => "first name",
        Field::LastName => "last name",
        Field::Email => "email address",
        Field::PhoneNumber => "phone number",
        Field::Language => "language",
        Field::Culture => "culture",
        Field::AgreementDate => "agreement acceptance date",
        Field::AcceptorFirstName => "first name of the person who accepted",
        Field::AcceptorLastName => "last name of the person who accepted",
        Field::AcceptorEmail => "email address of the person who accepted",
        Field::AcceptorPhoneNumber => "phone number of the person who accepted",
        Field::Quantity => "number of licenses",
    }
}

/// Fields whose value is chosen from a list: "Choose…" rather than "Enter…".
fn chosen_from_list(field: Field) -> bool {
    matches!(
        field,
        Field::Country | Field::State | Field::Language | Field::Culture
    )
}

/// The text with its first letter capitalized (Turkish dotted and dotless i
/// included), for sentences that start with a field's name.
fn sentence(text: String, turkish: bool) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return text;
    };
    let capital = match first {
        'i' if turkish => "İ".to_owned(),
        'ı' if turkish => "I".to_owned(),
        _ => customer_model::text::uppercase(first.encode_utf8(&mut [0; 4])),
    };
    capital + chars.as_str()
}

/// The message of a validation rule's code, for its field, in the UI
/// language.
pub fn message(issue: &Issue) -> String {
    match crate::locale::current() {
        customer_model::locale::Locale::En => en(issue),
        customer_model::locale::Locale::Hu => hu(issue),
        customer_model::locale::Locale::Tr => tr(issue),
    }
}

pub fn en(issue: &Issue) -> String {
    let field = field_name_en(issue.field);
    let param = |name: &str| issue.params.get(name).map_or("", String::as_str);
    match issue.code {
        Code::Required if chosen_from_list(issue.field) => format!("Choose the {field}"),
        Code::Required => format!("Enter the {field}"),
        Code::TooShort => format!("The {field} must be at least {} characters", param("min")),
        Code::TooLong => format!("The {field} must be {} characters or fewer", param("max")),
        Code::NoLettersOrDigits => format!("The {field} must contain letters or digits"),
        Code::LegalFormOnly => "Enter the full legal name, not only the company form".to_owned(),
        Code::LooksLikeAcronym => {
            "This looks like an acronym: use the full legal name if there is one".to_owned()
        }
        Code::ContainsDomainName => "This looks like a web address: use the legal name".to_owned(),
        Code::RepeatedCharacter => "A character is repeated: check the name is correct".to_owned(),
        Code::SpacedCharacters => {
            "Characters are separated by spaces: check the name is correct".to_owned()
        }
        Code::TestName => {
            "This looks like a test name: use the customer's real legal name".to_owned()
        }
        Code::InvalidCharacters => format!("The {field} can only contain letters and digits"),
        Code::InvisibleCharacters => format!(
            "The {field} contains invisible or text-direction characters: type it again rather than pasting it"
        ),
        Code::InvalidFormat => match issue.params.get("example") {
            Some(example) => format!("Enter the {field} in the correct format, like {example}"),
            None => format!("Enter the {field} in the correct format"),
        },
        Code::InvalidEmail => {
            format!("Enter the {field} in the correct format, like name@example.com")
        }
        Code::PartnerDomainEmail => match issue.field {
            Field::Email => format!(
                "Enter the customer's own {field}, not one on {}",
                param("domain")
            ),
            // "the customer's own email address of the person who accepted"
            // would not read.
            _ => format!(
                "The {field} can't be on {}: use the customer's own address",
                param("domain")
            ),
        },
        Code::NotAllowed => format!("Choose a {field} from the list"),
        Code::InvalidDate => format!("Enter the {field} as a real date"),
        Code::DateInFuture => format!("The {field} must be today or in the past"),
        Code::OutOfRange => {
            format!(
                "The {field} must be between {} and {}",
                param("min"),
                param("max")
            )
        }
        Code::UnknownOffer => "This offer is no longer available".to_owned(),
    }
}

/// A field's name as the subject of a sentence, with its article.
fn field_name_hu(field: Field) -> &'static str {
    match field {
        Field::Country => "az ország vagy régió",
        Field::CompanyName => "a cégnév",
        Field::DomainPrefix => "a tartománynév",
        Field::AddressLine1 => "a cím 1. sora",
        Field::AddressLine2 => "a cím 2. sora",
        Field::AddressLine3 => "a cím 3. sora",
        Field::City => "a város",
        Field::State => "az állam vagy tartomány",
        Field::PostalCode => "az irányítószám",
        Field::RegistrationNumber => "a szervezet nyilvántartási száma",
        Field::FirstName => "az utónév",
        Field::LastName => "a vezetéknév",
        Field::Email => "az e-mail-cím",
        Field::PhoneNumber => "a telefonszám",
        Field::Language => "a nyelv",
        Field::Culture => "a területi beállítás",
        Field::AgreementDate => "a szerződés elfogadásának dátuma",
        Field::AcceptorFirstName => "az elfogadó személy utóneve",
        Field::AcceptorLastName => "az elfogadó személy vezetékneve",
        Field::AcceptorEmail => "az elfogadó személy e-mail-címe",
        Field::AcceptorPhoneNumber => "az elfogadó személy telefonszáma",
        Field::Quantity => "a licencek száma",
    }
}

/// A field's name as the object of "Adja meg" / "Válassza ki" (accusative).
fn field_object_hu(field: Field) -> &'static str {
    match field {
        Field::Country => "az országot vagy régiót",
        Field::CompanyName => "a cégnevet",
        Field::DomainPrefix => "a tartománynevet",
        Field::AddressLine1 => "a cím 1. sorát",
        Field::AddressLine2 => "a cím 2. sorát",
        Field::AddressLine3 => "a cím 3. sorát",
        Field::City => "a várost",
        Field::State => "az államot vagy tartományt",
        Field::PostalCode => "az irányítószámot",
        Field::RegistrationNumber => "a szervezet nyilvántartási számát",
        Field::FirstName => "az utónevet",
        Field::LastName => "a vezetéknevet",
        Field::Email => "az e-mail-címet",
        Field::PhoneNumber => "a telefonszámot",
        Field::Language => "a nyelvet",
        Field::Culture => "a területi beállítást",
        Field::AgreementDate => "a szerződés elfogadásának dátumát",
        Field::AcceptorFirstName => "az elfogadó személy utónevét",
        Field::AcceptorLastName => "az elfogadó személy vezetéknevét",
        Field::AcceptorEmail => "az elfogadó személy e-mail-címét",
        Field::AcceptorPhoneNumber => "az elfogadó személy telefonszámát",
        Field::Quantity => "a licencek számát",
    }
}

pub fn hu(issue: &Issue) -> String {
    let field = field_name_hu(issue.field);
    let object = field_object_hu(issue.field);
    let param = |name: &str| issue.params.get(name).map_or("", String::as_str);
    let text = match issue.code {
        Code::Required if chosen_from_list(issue.field) => format!("Válassza ki {object}"),
        Code::Required => format!("Adja meg {object}"),
        Code::TooShort => format!("{field} legalább {} karakter hosszú legyen", param("min")),
        Code::TooLong => format!("{field} legfeljebb {} karakter hosszú lehet", param("max")),
        Code::NoLettersOrDigits => format!("{field} tartalmazzon betűt vagy számjegyet"),
        Code::LegalFormOnly => "Adja meg a teljes hivatalos nevet, ne csak a cégformát".to_owned(),
        Code::LooksLikeAcronym => {
            "Ez betűszónak tűnik: ha van teljes hivatalos név, azt adja meg".to_owned()
        }
        Code::ContainsDomainName => "Ez webcímnek tűnik: adja meg a hivatalos nevet".to_owned(),
        Code::RepeatedCharacter => {
            "Egy karakter ismétlődik: ellenőrizze, hogy helyes-e a név".to_owned()
        }
        Code::SpacedCharacters => {
            "A karaktereket szóközök választják el: ellenőrizze, hogy helyes-e a név".to_owned()
        }
        Code::TestName => {
            "Ez tesztnévnek tűnik: adja meg az ügyfél valódi hivatalos nevét".to_owned()
        }
        Code::InvalidCharacters => format!("{field} csak betűket és számjegyeket tartalmazhat"),
        Code::InvisibleCharacters => format!(
            "{field} láthatatlan vagy írásirányt váltó karaktereket tartalmaz: beillesztés helyett gépelje be újra"
        ),
        Code::InvalidFormat => match issue.params.get("example") {
            Some(example) => {
                format!("Adja meg {object} helyes formátumban, például: {example}")
            }
            None => format!("Adja meg {object} helyes formátumban"),
        },
        Code::InvalidEmail => {
            format!("Adja meg {object} helyes formátumban, például: nev@example.com")
        }
        Code::PartnerDomainEmail => format!(
            "{field} nem tartozhat ehhez a tartományhoz: {}. Az ügyfél saját címét adja meg",
            param("domain")
        ),
        Code::NotAllowed => format!("Válassza ki a listából {object}"),
        Code::InvalidDate => format!("Adja meg {object} létező dátumként"),
        Code::DateInFuture => format!("{field} a mai vagy egy korábbi nap legyen"),
        Code::OutOfRange => format!("{field} {} és {} között legyen", param("min"), param("max")),
        Code::UnknownOffer => "Ez az ajánlat már nem érhető el".to_owned(),
    };
    sentence(text, false)
}

/// A field's name as the subject of a sentence.
fn field_name_tr(field: Field) -> &'static str {
    match field {
        Field::Country => "ülke veya bölge",
        Field::CompanyName => "şirket adı",
        Field::DomainPrefix => "etki alanı adı",
        Field::AddressLine1 => "adresin 1. satırı",
        Field::AddressLine2 => "adresin 2. satırı",
        Field::AddressLine3 => "adresin 3. satırı",
        Field::City => "şehir",
        Field::State => "eyalet veya il",
        Field::PostalCode => "posta kodu",
        Field::RegistrationNumber => "kuruluş kayıt numarası",
        Field::FirstName => "ad",
        Field::LastName => "soyadı",
        Field::Email => "e-posta adresi",
        Field::PhoneNumber => "telefon numarası",
        Field::Language => "dil",
        Field::Culture => "kültür",
        Field::AgreementDate => "sözleşmenin kabul tarihi",
        Field::AcceptorFirstName => "kabul eden kişinin adı",
        Field::AcceptorLastName => "kabul eden kişinin soyadı",
        Field::AcceptorEmail => "kabul eden kişinin e-posta adresi",
        Field::AcceptorPhoneNumber => "kabul eden kişinin telefon numarası",
        Field::Quantity => "lisans sayısı",
    }
}

/// A field's name as the object of "girin" / "seçin" (accusative).
fn field_object_tr(field: Field) -> &'static str {
    match field {
        Field::Country => "ülkeyi veya bölgeyi",
        Field::CompanyName => "şirket adını",
        Field::DomainPrefix => "etki alanı adını",
        Field::AddressLine1 => "adresin 1. satırını",
        Field::AddressLine2 => "adresin 2. satırını",
        Field::AddressLine3 => "adresin 3. satırını",
        Field::City => "şehri",
        Field::State => "eyaleti veya ili",
        Field::PostalCode => "posta kodunu",
        Field::RegistrationNumber => "kuruluş kayıt numarasını",
        Field::FirstName => "adı",
        Field::LastName => "soyadını",
        Field::Email => "e-posta adresini",
        Field::PhoneNumber => "telefon numarasını",
        Field::Language => "dili",
        Field::Culture => "kültürü",
        Field::AgreementDate => "sözleşmenin kabul tarihini",
        Field::AcceptorFirstName => "kabul eden kişinin adını",
        Field::AcceptorLastName => "kabul eden kişinin soyadını",
        Field::AcceptorEmail => "kabul eden kişinin e-posta adresini",
        Field::AcceptorPhoneNumber => "kabul eden kişinin telefon numarasını",
        Field::Quantity => "lisans sayısını",
    }
}

pub fn tr(issue: &Issue) -> String {
    let field = field_name_tr(issue.field);
    let object = field_object_tr(issue.field);
    let param = |name: &str| issue.params.get(name).map_or("", String::as_str);
    let text = match issue.code {
        Code::Required if chosen_from_list(issue.field) => format!("{object} seçin"),
        Code::Required => format!("{object} girin"),
        Code::TooShort => format!("{field} en az {} karakter olmalıdır", param("min")),
        Code::TooLong => format!("{field} en fazla {} karakter olabilir", param("max")),
        Code::NoLettersOrDigits => format!("{field} harf veya rakam içermelidir"),
        Code::LegalFormOnly => "Yalnızca şirket türünü değil, tam yasal adı girin".to_owned(),
        Code::LooksLikeAcronym => {
            "Bu bir kısaltmaya benziyor: varsa tam yasal adı kullanın".to_owned()
        }
        Code::ContainsDomainName => "Bu bir web adresine benziyor: yasal adı kullanın".to_owned(),
        Code::RepeatedCharacter => {
            "Bir karakter tekrarlanıyor: adın doğru olup olmadığını kontrol edin".to_owned()
        }
        Code::SpacedCharacters => {
            "Karakterler boşluklarla ayrılmış: adın doğru olup olmadığını kontrol edin".to_owned()
        }
        Code::TestName => {
            "Bu bir test adına benziyor: müşterinin gerçek yasal adını kullanın".to_owned()
        }
        Code::InvalidCharacters => format!("{field} yalnızca harf ve rakam içerebilir"),
        Code::InvisibleCharacters => format!(
            "{field} görünmeyen veya yazı yönünü değiştiren karakterler içeriyor: yapıştırmak yerine yeniden yazın"
        ),
        Code::InvalidFormat => match issue.params.get("example") {
            Some(example) => format!("{object} doğru biçimde girin, örneğin: {example}"),
            None => format!("{object} doğru biçimde girin"),
        },
        Code::InvalidEmail => {
            format!("{object} doğru biçimde girin, örneğin: ad@example.com")
        }
        Code::PartnerDomainEmail => format!(
            "{field} şu etki alanında olamaz: {}. Müşterinin kendi adresini kullanın",
            param("domain")
        ),
        Code::NotAllowed => format!("{object} listeden seçin"),
        Code::InvalidDate => format!("{object} geçerli bir tarih olarak girin"),
        Code::DateInFuture => format!("{field} bugün veya geçmiş bir tarih olmalıdır"),
        Code::OutOfRange => format!(
            "{field} {} ile {} arasında olmalıdır",
            param("min"),
            param("max")
        ),
        Code::UnknownOffer => "Bu teklif artık kullanılamıyor".to_owned(),
    };
    sentence(text, true)
}

#[cfg(test)]
mod tests {
    use customer_model::validation::{Code, Field, Issue};

    const CODES: [Code; 20] = [
        Code::Required,
        Code::TooShort,
        Code::TooLong,
        Code::NoLettersOrDigits,
        Code::LegalFormOnly,
        Code::LooksLikeAcronym,
        Code::ContainsDomainName,
        Code::RepeatedCharacter,
        Code::SpacedCharacters,
        Code::TestName,
        Code::InvalidCharacters,
        Code::InvisibleCharacters,
        Code::InvalidFormat,
        Code::InvalidEmail,
        Code::PartnerDomainEmail,
        Code::NotAllowed,
        Code::InvalidDate,
        Code::DateInFuture,
        Code::OutOfRange,
        Code::UnknownOffer,
    ];

    /// Fails to build when a code is added, so that `CODES` gets it too.
    #[allow(dead_code)]
    fn is_listed(code: Code) {
        match code {
            Code::Required
            | Code::TooShort
            | Code::TooLong
            | Code::NoLettersOrDigits
            | Code::LegalFormOnly
            | Code::LooksLikeAcronym
            | Code::ContainsDomainName
            | Code::RepeatedCharacter
            | Code::SpacedCharacters
            | Code::TestName
            | Code::InvalidCharacters
            | Code::InvisibleCharacters
            | Code::InvalidFormat
            | Code::InvalidEmail
            | Code::PartnerDomainEmail
            | Code::NotAllowed
            | Code::InvalidDate
            | Code::DateInFuture
            | Code::OutOfRange
            | Code::UnknownOffer => {}
        }
    }

    /// Chosen, typed, possessive-named and numeric fields.
    const FIELDS: [Field; 8] = [
        Field::Country,
        Field::State,
        Field::CompanyName,
        Field::DomainPrefix,
        Field::AddressLine1,
        Field::Email,
        Field::AcceptorEmail,
        Field::Quantity,
    ];

    fn issue(field: Field, code: Code) -> Issue {
        Issue::error(field, code)
            .with_param("min", 2)
            .with_param("max", 255)
            .with_param("example", "01-09-123456")
            .with_param("domain", "fabrikam.com")
    }

    fn messages(issue: &Issue) -> [(&'static str, String); 3] {
        [
            ("en", super::en(issue)),
            ("hu", super::hu(issue)),
            ("tr", super::tr(issue)),
        ]
    }

    #[test]
    fn every_code_has_a_whole_sentence_in_every_language() {
        for code in CODES {
            for field in FIELDS {
                let issue = issue(field, code);
                let [en, hu, tr] = messages(&issue);
                for (language, text) in [&en, &hu, &tr] {
                    let case = format!("{language} {code:?} {field:?}: {text:?}");
                    assert!(!text.trim().is_empty(), "{case}");
                    assert!(!text.contains(['{', '}']), "{case}");
                    assert!(text.starts_with(char::is_uppercase), "{case}");
                    assert!(!text.contains("  "), "{case}");
                }
                assert_ne!(hu.1, en.1, "hu {code:?} {field:?}");
                assert_ne!(tr.1, en.1, "tr {code:?} {field:?}");
                assert_ne!(hu.1, tr.1, "hu/tr {code:?} {field:?}");
            }
        }
    }

    #[test]
    fn every_field_has_a_name_in_every_language() {
        for field in Field::ALL {
            for name in [
                super::field_name_en(field),
                super::field_name_hu(field),
                super::field_object_hu(field),
                super::field_name_tr(field),
                super::field_object_tr(field),
            ] {
                assert!(!name.trim().is_empty(), "{field:?}");
            }
            // The Hungarian article agrees with the word after it.
            let name = super::field_name_hu(field);
            let vowel = name
                .split_once(' ')
                .and_then(|(_, rest)| rest.chars().next())
                .is_some_and(|first| "aáeéiíoóöőuúüű".contains(first));
            let article = if vowel { "az " } else { "a " };
            assert!(name.starts_with(article), "{name}");
            assert!(
                super::field_object_hu(field).starts_with(article),
                "{field:?}"
            );
            for (language, text) in messages(&issue(field, Code::Required)) {
                assert!(text.starts_with(char::is_uppercase), "{language} {text}");
            }
        }
    }

    #[test]
    fn parameters_appear_in_the_messages() {
        for (code, wanted) in [
            (Code::TooShort, "2"),
            (Code::TooLong, "255"),
            (Code::InvalidFormat, "01-09-123456"),
            (Code::PartnerDomainEmail, "fabrikam.com"),
            (Code::OutOfRange, "255"),
        ] {
            for (language, text) in messages(&issue(Field::Email, code)) {
                assert!(text.contains(wanted), "{language} {code:?}: {text}");
            }
        }
    }

    #[test]
    fn an_unknown_format_asks_for_the_format_alone() {
        let issue = Issue::error(Field::PostalCode, Code::InvalidFormat);
        assert_eq!(
            super::en(&issue),
            "Enter the postal code in the correct format"
        );
        assert_eq!(
            super::hu(&issue),
            "Adja meg az irányítószámot helyes formátumban"
        );
        assert_eq!(super::tr(&issue), "Posta kodunu doğru biçimde girin");
    }

    #[test]
    fn required_lists_ask_to_choose_and_inputs_to_enter() {
        let country = Issue::error(Field::Country, Code::Required);
        assert_eq!(super::en(&country), "Choose the country or region");
        assert_eq!(super::hu(&country), "Válassza ki az országot vagy régiót");
        assert_eq!(super::tr(&country), "Ülkeyi veya bölgeyi seçin");
        let name = Issue::error(Field::CompanyName, Code::Required);
        assert_eq!(super::en(&name), "Enter the company name");
        assert_eq!(super::hu(&name), "Adja meg a cégnevet");
        assert_eq!(super::tr(&name), "Şirket adını girin");
    }

    #[test]
    fn turkish_capitals_keep_the_dot_of_i() {
        assert_eq!(super::sentence("il".to_owned(), true), "İl");
        assert_eq!(super::sentence("ılık".to_owned(), true), "Ilık");
        assert_eq!(super::sentence("il".to_owned(), false), "Il");
        assert_eq!(super::sentence(String::new(), true), "");
    }
}
