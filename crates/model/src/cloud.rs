//! Which Microsoft cloud the partner sells in: it decides the new tenant's
//! initial-domain suffix, whether the customer agreement's acceptance can be
//! recorded on the customer's behalf (public cloud only) and whether
//! relationship requests exist (not in US Government), and where staff sign
//! in by default.

/// The public cloud, US Government, or 21Vianet (China).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cloud {
    #[default]
    Public,
    UsGov,
    China,
}

impl Cloud {
    pub const ALL: [Cloud; 3] = [Cloud::Public, Cloud::UsGov, Cloud::China];

    /// `public`, `usgov` or `china`, as configuration spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Public => "public",
            Cloud::UsGov => "usgov",
            Cloud::China => "china",
        }
    }

    pub fn parse(text: &str) -> Option<Cloud> {
        let text = text.trim();
        Cloud::ALL
            .into_iter()
            .find(|cloud| cloud.as_str().eq_ignore_ascii_case(text))
    }

    /// What every new tenant's initial domain ends in.
    pub fn domain_suffix(self) -> &'static str {
        match self {
            Cloud::Public | Cloud::UsGov => ".onmicrosoft.com",
            Cloud::China => ".partner.onmschina.cn",
        }
    }

    /// Whether the partner may record that the customer accepted the
    /// Microsoft Customer Agreement (the attestation API is public cloud only).
    pub fn offers_agreement_attestation(self) -> bool {
        self == Cloud::Public
    }

    /// Whether an existing customer can be invited to a relationship (US
    /// Government has no relationship requests).
    pub fn offers_relationship_requests(self) -> bool {
        self != Cloud::UsGov
    }

    /// The Entra ID sign-in host of the cloud.
    pub fn authority_host(self) -> &'static str {
        match self {
            Cloud::Public => "login.microsoftonline.com",
            Cloud::UsGov => "login.microsoftonline.us",
            Cloud::China => "login.partner.microsoftonline.cn",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cloud;

    #[test]
    fn each_cloud_has_its_suffix_its_offers_and_its_sign_in_host() {
        assert_eq!(Cloud::Public.domain_suffix(), ".onmicrosoft.com");
        assert_eq!(Cloud::UsGov.domain_suffix(), ".onmicrosoft.com");
        assert_eq!(Cloud::China.domain_suffix(), ".partner.onmschina.cn");
        let attesting: Vec<_> = Cloud::ALL
            .into_iter()
            .filter(|cloud| cloud.offers_agreement_attestation())
            .collect();
        assert_eq!(attesting, [Cloud::Public]);
        assert!(!Cloud::UsGov.offers_relationship_requests());
        assert!(Cloud::China.offers_relationship_requests());
        assert_eq!(Cloud::UsGov.authority_host(), "login.microsoftonline.us");
        for cloud in Cloud::ALL {
            assert_eq!(Cloud::parse(&cloud.as_str().to_uppercase()), Some(cloud));
        }
        assert_eq!(Cloud::parse("germany"), None);
    }
}
