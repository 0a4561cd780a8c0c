//! The resources the wizard reads before its first field is usable — who is
//! signed in, the resellers, a country's rules, the customers' names — and
//! the fault of any refused call, read by hand from a JSON value. A derived
//! reader is compiled again for every format that reads it, about a kilobyte
//! of wasm per field, on every first load; these are compiled once.
//!
//! They serve the server and the tests too, so they keep what the derived
//! readers did: property names in any letter case, unknown properties
//! ignored, a missing property its default, and a property of the wrong type
//! an error (a `null` counts as missing).

use serde::de::{Deserialize, DeserializeOwned, Deserializer, Error as _};
use serde_json::{Map, Value};

use super::{
    ApiFault, Attributes, Collection, CompanyName, CountryValidationRules, CustomerName, FaultCode,
    KeyValue, Link, Links, Me, PartnerProfile, PartnerRelationship, PartnerType, Role,
};

type Read<T> = Result<T, String>;

/// Implements `Deserialize` through `$read`, from the value as parsed.
macro_rules! by_hand {
    ($($type:ty => $read:path),+ $(,)?) => {$(
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = Value::deserialize(deserializer)?;
                $read(&value).map_err(D::Error::custom)
            }
        }
    )+};
}

by_hand! {
    Attributes => attributes,
    KeyValue => key_value,
    Link => link,
    Me => me,
    PartnerRelationship => partner_relationship,
    CountryValidationRules => country_rules,
    CustomerName => customer_name,
    ApiFault => fault,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Collection<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        collection(&value).map_err(D::Error::custom)
    }
}

/// The items are read by their own reader, whatever it is.
fn collection<T: DeserializeOwned>(value: &Value) -> Read<Collection<T>> {
    let properties = Properties::of(value, "a collection")?;
    Ok(Collection {
        total_count: properties.number("totalCount")?,
        items: properties.list("items", |item| {
            super::from_value(item.clone()).map_err(|error| error.to_string())
        })?,
        links: properties.read("links", links)?,
        attributes: properties.read("attributes", attributes)?,
    })
}

/// A resource's properties, found whatever their letter case.
struct Properties<'a>(&'a Map<String, Value>);

impl<'a> Properties<'a> {
    fn of(value: &'a Value, what: &str) -> Read<Properties<'a>> {
        value
            .as_object()
            .map(Properties)
            .ok_or_else(|| format!("expected {what} (an object)"))
    }

    /// The property `name`; none when it is missing or null.
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.0
            .get(name)
            .or_else(|| {
                self.0
                    .iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(name))
                    .map(|(_, value)| value)
            })
            .filter(|value| !value.is_null())
    }

    /// The property `name` read by `read`; its default when it is missing.
    fn read<T: Default>(&self, name: &str, read: impl Fn(&Value) -> Read<T>) -> Read<T> {
        self.get(name)
            .map(|value| read(value).map_err(|error| format!("{name}: {error}")))
            .transpose()
            .map(Option::unwrap_or_default)
    }

    fn optional_text(&self, name: &str) -> Read<Option<String>> {
        self.read(name, |value| text(value).map(Some))
    }

    fn text(&self, name: &str) -> Read<String> {
        self.read(name, text)
    }

    fn flag(&self, name: &str) -> Read<bool> {
        self.read(name, |value| {
            value.as_bool().ok_or_else(|| expected("true or false"))
        })
    }

    fn number(&self, name: &str) -> Read<u64> {
        self.read(name, |value| {
            value.as_u64().ok_or_else(|| expected("a whole number"))
        })
    }

    fn list<T>(&self, name: &str, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
        self.read(name, |value| match value {
            Value::Array(items) => items.iter().map(&read).collect(),
            _ => Err(expected("a list")),
        })
    }

    fn texts(&self, name: &str) -> Read<Vec<String>> {
        self.list(name, text)
    }
}

fn expected(what: &str) -> String {
    format!("expected {what}")
}

fn text(value: &Value) -> Read<String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| expected("a string"))
}

fn attributes(value: &Value) -> Read<Attributes> {
    let properties = Properties::of(value, "attributes")?;
    Ok(Attributes {
        object_type: properties.text("objectType")?,
        etag: properties.optional_text("etag")?,
    })
}

fn links(value: &Value) -> Read<Links> {
    let Some(links) = value.as_object() else {
        return Err(expected("links (an object)"));
    };
    links
        .iter()
        .map(|(name, value)| Ok((name.clone(), link(value)?)))
        .collect()
}

fn link(value: &Value) -> Read<Link> {
    let properties = Properties::of(value, "a link")?;
    Ok(Link {
        uri: properties.text("uri")?,
        method: properties.text("method")?,
        headers: properties.list("headers", key_value)?,
    })
}

fn key_value(value: &Value) -> Read<KeyValue> {
    let properties = Properties::of(value, "a header")?;
    Ok(KeyValue {
        key: properties.text("key")?,
        value: properties.text("value")?,
    })
}

fn me(value: &Value) -> Read<Me> {
    let properties = Properties::of(value, "who is signed in")?;
    Ok(Me {
        user_name: properties.text("userName")?,
        // A role this version does not know grants nothing here.
        roles: properties
            .texts("roles")?
            .iter()
            .filter_map(|name| Role::ALL.into_iter().find(|role| role.as_str() == name))
            .collect(),
        partner: properties.read("partner", partner)?,
        attributes: properties.read("attributes", attributes)?,
        roles_unknown: false,
    })
}

fn partner(value: &Value) -> Read<PartnerProfile> {
    let properties = Properties::of(value, "a partner")?;
    Ok(PartnerProfile {
        tenant_id: properties.text("tenantId")?,
        name: properties.text("name")?,
        partner_type: properties.read("partnerType", |value| match value.as_str() {
            Some("direct_bill") => Ok(PartnerType::DirectBill),
            Some("indirect_provider") => Ok(PartnerType::IndirectProvider),
            _ => Err(expected("direct_bill or indirect_provider")),
        })?,
        domains: properties.texts("domains")?,
    })
}

fn partner_relationship(value: &Value) -> Read<PartnerRelationship> {
    let properties = Properties::of(value, "a reseller")?;
    Ok(PartnerRelationship {
        id: properties.text("id")?,
        name: properties.text("name")?,
        relationship_type: properties.text("relationshipType")?,
        state: properties.optional_text("state")?,
        mpn_id: properties.optional_text("mpnId")?,
        location: properties.optional_text("location")?,
        attributes: properties.read("attributes", attributes)?,
    })
}

fn country_rules(value: &Value) -> Read<CountryValidationRules> {
    let properties = Properties::of(value, "a country's rules")?;
    Ok(CountryValidationRules {
        iso2_code: properties.text("iso2Code")?,
        iso3_code: properties.optional_text("iso3Code")?,
        default_culture: properties.text("defaultCulture")?,
        is_state_required: properties.flag("isStateRequired")?,
        supported_states_list: properties.texts("supportedStatesList")?,
        supported_languages_list: properties.texts("supportedLanguagesList")?,
        supported_cultures_list: properties.texts("supportedCulturesList")?,
        is_postal_code_required: properties.flag("isPostalCodeRequired")?,
        postal_code_regex: properties.optional_text("postalCodeRegex")?,
        is_city_required: properties.flag("isCityRequired")?,
        phone_number_regex: properties.optional_text("phoneNumberRegex")?,
        country_calling_codes_list: properties.texts("countryCallingCodesList")?,
        customer_organization_registration_number_required: properties
            .flag("customerOrganizationRegistrationNumberRequired")?,
        customer_organization_registration_number_regex: properties
            .optional_text("customerOrganizationRegistrationNumberRegex")?,
        customer_organization_registration_number_sample: properties
            .optional_text("customerOrganizationRegistrationNumberSample")?,
        customer_organization_phone_number_required: properties
            .flag("customerOrganizationPhoneNumberRequired")?,
        attributes: properties.read("attributes", attributes)?,
    })
}

fn customer_name(value: &Value) -> Read<CustomerName> {
    let properties = Properties::of(value, "a customer")?;
    Ok(CustomerName {
        id: properties.optional_text("id")?,
        company_profile: properties.read("companyProfile", |value| {
            let profile = Properties::of(value, "a company profile")?;
            Ok(CompanyName {
                domain: profile.text("domain")?,
                company_name: profile.text("companyName")?,
            })
        })?,
    })
}

fn fault(value: &Value) -> Read<ApiFault> {
    let properties = Properties::of(value, "a fault")?;
    Ok(ApiFault {
        code: properties.read("code", |value| match value {
            Value::Number(number) => number
                .as_i64()
                .map(FaultCode::Number)
                .ok_or_else(|| expected("a whole number")),
            Value::String(text) => Ok(FaultCode::Text(text.clone())),
            _ => Err(expected("a number or a string")),
        })?,
        description: properties.optional_text("description")?,
        message: properties.optional_text("message")?,
        data: properties.list("data", |value| Ok(value.clone()))?,
        source: properties.optional_text("source")?,
    })
}
