//! Validation rules: each returns typed [`Issue`]s — a field, a rule code and its
//! parameters — never text, so the browser and the server report the same codes
//! and each client translates them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Longest company name Partner Center accepts, in characters.
pub const COMPANY_NAME_MAX: usize = 255;

/// Where an issue belongs: the JSON path of the request property it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    #[serde(rename = "companyProfile.companyName")]
    CompanyName,
}

/// What is wrong; translated by each client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    Required,
    TooShort,
    TooLong,
    NoLettersOrDigits,
}

/// An error blocks the step; a warning may be accepted by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub field: Field,
    pub code: Code,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
    pub severity: Severity,
}

impl Issue {
    fn error(field: Field, code: Code) -> Self {
        Self {
            field,
            code,
            params: BTreeMap::new(),
            severity: Severity::Error,
        }
    }

    fn with_param(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.to_owned(), value.to_string());
        self
    }
}

/// Text as the rules see it: NFC-normalized (keyboards and IMEs may send
/// decomposed letters) and trimmed.
pub fn normalize(input: &str) -> String {
    input.nfc().collect::<String>().trim().to_owned()
}

/// The customer's exact legal name.
pub fn company_name(input: &str) -> Vec<Issue> {
    let name = normalize(input);
    let field = Field::CompanyName;
    let length = name.chars().count();
    if length == 0 {
        return vec![Issue::error(field, Code::Required)];
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
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(issues: &[Issue]) -> Vec<Code> {
        issues.iter().map(|issue| issue.code).collect()
    }

    #[test]
    fn accepts_legal_names_in_english_hungarian_and_turkish() {
        for name in [
            "Contoso Ltd",
            "Kovács és Társa Kft.",
            "Yıldız Teknoloji A.Ş.",
        ] {
            assert_eq!(company_name(name), vec![], "{name}");
        }
    }

    #[test]
    fn rejects_empty_and_blank_names() {
        assert_eq!(codes(&company_name("")), [Code::Required]);
        assert_eq!(codes(&company_name(" \t ")), [Code::Required]);
    }

    #[test]
    fn rejects_a_single_character_with_its_minimum() {
        let issues = company_name("Ő");
        assert_eq!(codes(&issues), [Code::TooShort]);
        assert_eq!(issues[0].params["min"], "2");
    }

    #[test]
    fn rejects_punctuation_only() {
        assert_eq!(codes(&company_name("-- ., !")), [Code::NoLettersOrDigits]);
    }

    #[test]
    fn counts_characters_not_bytes_and_normalizes_to_nfc() {
        // 255 two-byte letters fit; the decomposed form (a + combining acute,
        // 510 chars before NFC) is the same name.
        let composed = "á".repeat(COMPANY_NAME_MAX);
        assert_eq!(company_name(&composed), vec![]);
        assert_eq!(company_name(&"a\u{301}".repeat(COMPANY_NAME_MAX)), vec![]);
        let issues = company_name(&"á".repeat(COMPANY_NAME_MAX + 1));
        assert_eq!(codes(&issues), [Code::TooLong]);
        assert_eq!(issues[0].params["max"], "255");
    }

    #[test]
    fn issues_cross_the_wire_as_codes() {
        let json = serde_json::to_value(&company_name("x")[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"field": "companyProfile.companyName", "code": "too_short",
                               "params": {"min": "2"}, "severity": "error"})
        );
    }
}
