//! The customer's exact legal name: Partner Center's rejects and warnings
//! (reference §8.4) plus the seeds' "no acronyms, no test names".

use super::{COMPANY_NAME_MAX, Code, Field, Issue, normalize};
use crate::text::fold;

/// Legal forms, folded and without punctuation or spaces. A name that is only
/// one of these is rejected; as a suffix they are ignored by the acronym check.
const LEGAL_FORMS: &[&str] = &[
    // English and international
    "llc",
    "llp",
    "lp",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "pty",
    "ptyltd",
    "gmbh",
    "ag",
    "kg",
    "ug",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "aps",
    "sl",
    "lda",
    "ooo",
    "ao",
    "pjsc",
    "jsc",
    // Hungarian
    "kft",
    "zrt",
    "nyrt",
    "rt",
    "bt",
    "kkt",
    "ev",
    "egyeni vallalkozo",
    "kht",
    "nkft",
    // Turkish
    "ltdsti",
    "sti",
    "limitedsirketi",
    "anonimsirketi",
    "koop",
];

/// Words that mark a made-up or placeholder company, in English, Hungarian
/// and Turkish, folded.
const TEST_WORDS: &[&str] = &[
    "test", "testing", "tester", "sample", "demo", "dummy", "fake", "example", "asdf", "qwerty",
    "xxx", "foo", "foobar", "lorem", "ipsum", "teszt", "proba", "minta", "pelda", "deneme",
    "ornek", "sahte",
];

/// Top-level domains that betray a web address instead of a legal name.
const DOMAIN_ENDINGS: &[&str] = &[
    "com", "org", "net", "info", "biz", "io", "co", "eu", "hu", "tr", "de", "uk", "us", "app",
    "dev", "online", "shop",
];

pub fn company_name(input: &str) -> Vec<Issue> {
    let field = Field::CompanyName;
    let name = normalize(input);
    let length = name.chars().count();
    if length == 0 {
        return vec![Issue::error(field, Code::Required)];
    }
    if super::has_invisible_characters(&name) {
        return vec![Issue::error(field, Code::InvisibleCharacters)];
    }
    if !name.chars().any(char::is_alphanumeric) {
        return vec![Issue::error(field, Code::NoLettersOrDigits)];
    }
    if length < 2 {
        return vec![Issue::error(field, Code::TooShort).with_param("min", 2)];
    }
    if length > COMPANY_NAME_MAX {
        return vec![Issue::error(field, Code::TooLong).with_param("max", COMPANY_NAME_MAX)];
    }
    let folded = fold(&name);
    if is_legal_form(&folded) {
        return vec![Issue::error(field, Code::LegalFormOnly)];
    }

    let warnings = [
        (looks_like_acronym(&name), Code::LooksLikeAcronym),
        (contains_domain_name(&folded), Code::ContainsDomainName),
        (has_repeated_character(&folded), Code::RepeatedCharacter),
        (has_spaced_characters(&name), Code::SpacedCharacters),
        (contains_test_word(&folded), Code::TestName),
    ];
    warnings
        .into_iter()
        .filter(|(found, _)| *found)
        .map(|(_, code)| Issue::warning(field, code))
        .collect()
}

fn letters_and_digits(text: &str) -> String {
    text.chars().filter(|ch| ch.is_alphanumeric()).collect()
}

fn is_legal_form(folded: &str) -> bool {
    let compact = letters_and_digits(folded);
    LEGAL_FORMS
        .iter()
        .any(|form| letters_and_digits(form) == compact)
}

fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// "IBM", "MSFT Kft.": the name, less its legal form, is 2–5 capitals.
fn looks_like_acronym(name: &str) -> bool {
    let significant: Vec<&str> = name
        .split_whitespace()
        .filter(|word| !is_legal_form(&fold(word)))
        .collect();
    let letters: String = significant
        .concat()
        .chars()
        .filter(|ch| ch.is_alphabetic())
        .collect();
    let count = letters.chars().count();
    (2..=5).contains(&count) && letters.chars().all(char::is_uppercase)
}

/// "contoso.com", "Contoso.co.uk Ltd".
fn contains_domain_name(folded: &str) -> bool {
    folded.match_indices('.').any(|(at, _)| {
        let label: String = folded[at + 1..]
            .chars()
            .take_while(|ch| ch.is_alphanumeric())
            .collect();
        let before = folded[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        before && DOMAIN_ENDINGS.contains(&label.as_str())
    })
}

/// "999", "Aaaa": one character three or more times in a row.
fn has_repeated_character(folded: &str) -> bool {
    let chars: Vec<char> = folded.chars().filter(|ch| !ch.is_whitespace()).collect();
    chars
        .windows(3)
        .any(|run| run[0] == run[1] && run[1] == run[2] && run[0].is_alphanumeric())
}

/// "1 2 3", "A B C Kft.": three single characters separated by spaces.
fn has_spaced_characters(name: &str) -> bool {
    let mut run = 0;
    for word in name.split(' ') {
        run = if word.chars().count() == 1 && word.chars().all(char::is_alphanumeric) {
            run + 1
        } else {
            0
        };
        if run >= 3 {
            return true;
        }
    }
    false
}

/// A whole word from the test list: "Teszt Kft." and "DENEME A.Ş." are caught,
/// "Testa Ristorante" and "Protestan Vakfı" are not.
fn contains_test_word(folded: &str) -> bool {
    words(folded).any(|word| TEST_WORDS.contains(&word))
}
