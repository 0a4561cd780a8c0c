//! Text services the rules need, from the platform that runs them: in the
//! browser its own `RegExp`, `String.prototype.normalize` and letter case
//! (nothing added to the wasm bundle: Rust's own Unicode case tables alone
//! would be 25 KB of it), natively the `regex` and `unicode-normalization`
//! crates and Rust's letter case.

/// A country pattern (postal code, phone, registration number) that is not a
/// valid regular expression; the rule treats the value as unverifiable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPattern;

#[cfg(target_arch = "wasm32")]
mod platform {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use js_sys::JsString;
    use wasm_bindgen::prelude::*;

    use super::InvalidPattern;

    #[wasm_bindgen]
    extern "C" {
        /// `RegExp`, bound so that a syntax error comes back as an `Err`.
        #[wasm_bindgen(js_name = RegExp)]
        type CheckedRegExp;

        #[wasm_bindgen(constructor, catch, js_class = "RegExp")]
        fn new(pattern: &str, flags: &str) -> Result<CheckedRegExp, JsValue>;

        #[wasm_bindgen(method)]
        fn test(this: &CheckedRegExp, text: &str) -> bool;
    }

    thread_local! {
        static COMPILED: RefCell<HashMap<String, Option<CheckedRegExp>>> = RefCell::new(HashMap::new());
    }

    /// Country patterns are few and reused for every row of a file: each is
    /// compiled once (without the `g` flag, `test` keeps no state).
    pub fn matches(pattern: &str, text: &str) -> Result<bool, InvalidPattern> {
        COMPILED.with(|compiled| {
            compiled
                .borrow_mut()
                .entry(pattern.to_owned())
                .or_insert_with(|| CheckedRegExp::new(pattern, "u").ok())
                .as_ref()
                .map(|regexp| regexp.test(text))
                .ok_or(InvalidPattern)
        })
    }

    pub fn normalize(text: &str, form: &str) -> String {
        JsString::from(text).normalize(form).into()
    }

    pub fn lowercase(text: &str) -> String {
        JsString::from(text).to_lower_case().into()
    }

    pub fn uppercase(text: &str) -> String {
        JsString::from(text).to_upper_case().into()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use regex::Regex;
    use unicode_normalization::UnicodeNormalization;

    use super::InvalidPattern;

    thread_local! {
        static COMPILED: RefCell<HashMap<String, Option<Regex>>> = RefCell::new(HashMap::new());
    }

    /// Country patterns are few and reused for every request: compile each once.
    pub fn matches(pattern: &str, text: &str) -> Result<bool, InvalidPattern> {
        COMPILED.with(|compiled| {
            let mut compiled = compiled.borrow_mut();
            let regex = compiled
                .entry(pattern.to_owned())
                .or_insert_with(|| Regex::new(&ascii_digits(pattern)).ok());
            regex
                .as_ref()
                .map(|regex| regex.is_match(text))
                .ok_or(InvalidPattern)
        })
    }

    /// JavaScript's `\d` is ASCII only, `regex`'s is any Unicode digit: spell
    /// it out so that a pattern accepts the same text on both sides.
    fn ascii_digits(pattern: &str) -> String {
        let mut out = String::with_capacity(pattern.len());
        let mut in_class = false;
        let mut chars = pattern.chars();
        while let Some(ch) = chars.next() {
            match ch {
                '\\' => match chars.next() {
                    Some('d') if in_class => out.push_str("0-9"),
                    Some('d') => out.push_str("[0-9]"),
                    Some('D') if !in_class => out.push_str("[^0-9]"),
                    Some(escaped) => {
                        out.push('\\');
                        out.push(escaped);
                    }
                    None => out.push('\\'),
                },
                '[' => {
                    in_class = true;
                    out.push(ch);
                }
                ']' => {
                    in_class = false;
                    out.push(ch);
                }
                _ => out.push(ch),
            }
        }
        out
    }

    pub fn normalize(text: &str, form: &str) -> String {
        match form {
            "NFD" => text.nfd().collect(),
            _ => text.nfc().collect(),
        }
    }

    pub fn lowercase(text: &str) -> String {
        text.to_lowercase()
    }

    pub fn uppercase(text: &str) -> String {
        text.to_uppercase()
    }
}

/// Whether `text` matches the regular expression `pattern` (JavaScript/`regex`
/// common syntax; anchors are the pattern's own).
pub fn matches(pattern: &str, text: &str) -> Result<bool, InvalidPattern> {
    platform::matches(pattern, text)
}

/// NFC: the form the rules compare and count in.
pub fn nfc(text: &str) -> String {
    normalized(text, "NFC")
}

/// ASCII text is the same in every normal form: no call to the platform.
fn normalized(text: &str, form: &str) -> String {
    if text.is_ascii() {
        text.to_owned()
    } else {
        platform::normalize(text, form)
    }
}

/// Unicode's lower case of the whole text (no language's own rules; a final
/// sigma becomes `ς`, as both platforms do it).
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        platform::lowercase(text)
    }
}

/// Unicode's upper case of the whole text (no language's own rules).
pub fn uppercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_uppercase()
    } else {
        platform::uppercase(text)
    }
}

/// Text reduced for comparing words whatever their case and accents:
/// decomposed, lower-cased, marks dropped — with Turkish dotted and dotless i
/// both becoming `i` (`İ` decomposes to `I` and a dot), so "İstanbul",
/// "ISTANBUL" and "istanbul" compare equal.
pub fn fold(text: &str) -> String {
    lowercase(&normalized(text, "NFD"))
        .chars()
        .filter(|ch| !is_combining_mark(*ch))
        .map(|ch| if ch == 'ı' { 'i' } else { ch })
        .collect()
}

fn is_combining_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_turkish_i() {
        assert_eq!(fold("İSTANBUL Deneme"), "istanbul deneme");
        assert_eq!(fold("ıspanak"), "ispanak");
        assert_eq!(fold("Árvíztűrő TÜKÖRFÚRÓGÉP"), "arvizturo tukorfurogep");
        assert_eq!(fold("Şirket A.Ş."), "sirket a.s.");
        assert_eq!(fold("Te\u{301}szt"), "teszt");
    }

    #[test]
    fn letter_case_is_unicode_s_whatever_the_script() {
        assert_eq!(lowercase("ÁRVÍZTŰRŐ Éves"), "árvíztűrő éves");
        assert_eq!(lowercase("ΟΔΟΣ"), "οδος");
        assert_eq!(uppercase("éves şirket"), "ÉVES ŞIRKET");
        assert_eq!(uppercase("straße"), "STRASSE");
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(nfc("a\u{301}"), "á");
        assert_eq!(nfc("a\u{301}").chars().count(), 1);
    }

    #[test]
    fn patterns_match_and_bad_patterns_are_reported() {
        assert_eq!(matches(r"^\d{4}$", "1051"), Ok(true));
        assert_eq!(matches(r"^\d{4}$", "10510"), Ok(false));
        assert_eq!(matches(r"^(\d{4}", "1051"), Err(InvalidPattern));
    }

    #[test]
    fn digits_are_ascii_digits_as_in_javascript() {
        assert_eq!(
            matches(r"^\d{4}$", "١٢٣٤"),
            Ok(false),
            "Arabic-Indic digits"
        );
        assert_eq!(matches(r"^[\d ]{5}$", "12 34"), Ok(true));
        assert_eq!(matches(r"^\D+$", "abc"), Ok(true));
        assert_eq!(matches(r"^a\.b$", "a.b"), Ok(true));
    }
}
