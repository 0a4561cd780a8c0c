//! The languages the wizard speaks, for the app's texts and the API's
//! (`X-Locale`: offer names and descriptions).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Hu,
    Tr,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Hu, Locale::Tr];

    /// The BCP 47 language tag, for `<html lang>` and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Hu => "hu",
            Locale::Tr => "tr",
        }
    }

    /// The culture sent as `X-Locale`, so that the API names offers in it.
    pub fn culture(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Hu => "hu-HU",
            Locale::Tr => "tr-TR",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Hu => "Magyar",
            Locale::Tr => "Türkçe",
        }
    }

    /// The locale of a language tag or culture such as `hu-HU`, `TR` or `en_GB`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag() == language)
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn language_tags_choose_a_locale_by_their_language() {
        assert_eq!(Locale::from_tag("hu-HU"), Some(Locale::Hu));
        assert_eq!(Locale::from_tag("TR"), Some(Locale::Tr));
        assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de-DE"), None);
        assert_eq!(Locale::from_tag("hungarian"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn every_locale_s_tag_and_culture_lead_back_to_it() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
            assert_eq!(Locale::from_tag(locale.culture()), Some(locale));
        }
    }
}
