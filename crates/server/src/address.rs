//! `POST /v1/validations/address`: deterministic validation from the country
//! rules and a small postal-code gazetteer of the demo countries
//! (`data/gazetteer.json`), answered with Partner Center's statuses.
//!
//! - a field the country's rules reject → `None`;
//! - a known postal code whose city (or US state) differs → `InteractionRequired`
//!   with the corrected address;
//! - a known postal code that agrees → `Verified` (`VerifiedShippable` in the US);
//! - anything we have no data for → `NotValidated`.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::Json;
use customer_model::text;
use customer_model::validation::{self, Field};
use customer_model::wire::{
    Address, AddressValidationResponse, AddressValidationStatus, Attributes,
};
use serde::Deserialize;

use crate::auth::Caller;
use crate::country_rules;
use crate::error::ApiResult;
use crate::extract::JsonBody;

const FILE: &str = include_str!("../data/gazetteer.json");

#[derive(Debug, Clone, Deserialize)]
struct Place {
    city: String,
    state: Option<String>,
}

type Gazetteer = HashMap<String, HashMap<String, Place>>;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    // A malformed file means no data (every address NotValidated); a test
    // guards the file.
    GAZETTEER.get_or_init(|| serde_json::from_str(FILE).unwrap_or_default())
}

/// The postal code as the gazetteer keys it.
fn postal_key(country: &str, postal_code: &str) -> String {
    let code = postal_code.trim().to_ascii_uppercase();
    match country {
        "US" => code.chars().take(5).collect(),
        "GB" => {
            let compact: Vec<char> = code.chars().filter(|ch| !ch.is_whitespace()).collect();
            if (5..=7).contains(&compact.len()) {
                let (outward, inward) = compact.split_at(compact.len() - 3);
                format!(
                    "{} {}",
                    String::from_iter(outward),
                    String::from_iter(inward)
                )
            } else {
                String::from_iter(compact)
            }
        }
        _ => code,
    }
}

fn property_name(field: Field) -> &'static str {
    match field {
        Field::AddressLine1 | Field::AddressLine2 | Field::AddressLine3 => "AddressLine",
        Field::City => "City",
        Field::State => "Region",
        Field::PostalCode => "PostalCode",
        _ => "Country",
    }
}

pub fn validate(address: &Address) -> AddressValidationResponse {
    let answer =
        |status, suggestions: Vec<Address>, message: Option<String>| AddressValidationResponse {
            original_address: address.clone(),
            suggested_addresses: suggestions,
            status,
            validation_message: message,
            attributes: Attributes::of("AddressValidationResponse"),
        };
    let country = address.country.trim().to_ascii_uppercase();
    let Some(rules) = country_rules::lookup(&country) else {
        return answer(
            AddressValidationStatus::None,
            Vec::new(),
            Some("Address field invalid for property: 'Country'".to_owned()),
        );
    };
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let mut issues = validation::address_line(Field::AddressLine1, &address.address_line1);
    issues.extend(validation::city(&text(&address.city), rules));
    issues.extend(validation::state(&text(&address.state), rules));
    issues.extend(validation::postal_code(&text(&address.postal_code), rules));
    if validation::has_errors(&issues) {
        let mut properties: Vec<&str> = issues
            .iter()
            .map(|issue| property_name(issue.field))
            .collect();
        properties.dedup();
        let quoted: Vec<String> = properties.iter().map(|name| format!("'{name}'")).collect();
        return answer(
            AddressValidationStatus::None,
            Vec::new(),
            Some(format!(
                "Address field invalid for property: {}",
                quoted.join(", ")
            )),
        );
    }
    let postal = postal_key(&country, &text(&address.postal_code));
    let Some(place) = gazetteer()
        .get(&country)
        .and_then(|places| places.get(&postal))
    else {
        return answer(AddressValidationStatus::NotValidated, Vec::new(), None);
    };
    let same_city =
        text::fold(&validation::normalize(&text(&address.city))) == text::fold(&place.city);
    let same_state = match &place.state {
        Some(state) => text(&address.state).trim().eq_ignore_ascii_case(state),
        None => true,
    };
    let suggestion = Address {
        city: Some(place.city.clone()),
        state: place.state.clone().or_else(|| address.state.clone()),
        postal_code: Some(postal),
        country: country.clone(),
        ..address.clone()
    };
    if same_city && same_state {
        let status = if country == "US" {
            AddressValidationStatus::VerifiedShippable
        } else {
            AddressValidationStatus::Verified
        };
        answer(status, vec![suggestion], None)
    } else {
        let mut fields = Vec::new();
        if !same_city {
            fields.push("'City'");
        }
        if !same_state {
            fields.push("'Region'");
        }
        answer(
            AddressValidationStatus::InteractionRequired,
            vec![suggestion],
            Some(format!(
                "Address field invalid for property: {}",
                fields.join(", ")
            )),
        )
    }
}

/// Always 200, as Partner Center has answered since 2021.
#[utoipa::path(post, path = "/validations/address", tag = "customers", request_body = Address,
    responses((status = 200, description = "The verdict, with suggestions", body = AddressValidationResponse)))]
pub async fn post(
    _caller: Caller,
    JsonBody(address): JsonBody<Address>,
) -> ApiResult<Json<AddressValidationResponse>> {
    Ok(Json(validate(&address)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(country: &str, city: &str, postal_code: &str, state: Option<&str>) -> Address {
        Address {
            address_line1: "Fő utca 1.".to_owned(),
            city: Some(city.to_owned()),
            postal_code: Some(postal_code.to_owned()),
            state: state.map(str::to_owned),
            country: country.to_owned(),
            ..Default::default()
        }
    }

    #[test]
    fn the_gazetteer_parses_and_covers_the_demo_countries() {
        let parsed: Gazetteer = serde_json::from_str(FILE).expect("gazetteer parses");
        for country in ["US", "GB", "DE", "HU", "TR"] {
            assert!(
                parsed.get(country).is_some_and(|places| places.len() >= 10),
                "{country}"
            );
        }
    }

    #[test]
    fn a_known_postal_code_with_its_city_is_verified() {
        let answer = validate(&address("HU", "budapest", "1051", None));
        assert_eq!(answer.status, AddressValidationStatus::Verified);
        assert_eq!(
            answer.suggested_addresses[0].city.as_deref(),
            Some("Budapest")
        );
        let answer = validate(&address("US", "Redmond", "98052-6399", Some("WA")));
        assert_eq!(answer.status, AddressValidationStatus::VerifiedShippable);
    }

    #[test]
    fn a_wrong_city_for_a_known_postal_code_needs_the_user() {
        let answer = validate(&address("HU", "Szeged", "1051", None));
        assert_eq!(answer.status, AddressValidationStatus::InteractionRequired);
        assert_eq!(answer.suggested_addresses.len(), 1);
        assert_eq!(
            answer.suggested_addresses[0].city.as_deref(),
            Some("Budapest")
        );
        assert_eq!(answer.original_address.city.as_deref(), Some("Szeged"));
    }

    #[test]
    fn fields_the_rules_reject_give_none_and_unknown_places_not_validated() {
        let answer = validate(&address("HU", "Budapest", "12345", None));
        assert_eq!(answer.status, AddressValidationStatus::None);
        assert!(
            answer
                .validation_message
                .unwrap_or_default()
                .contains("PostalCode")
        );
        assert_eq!(
            validate(&address("XX", "A", "1", None)).status,
            AddressValidationStatus::None
        );
        assert_eq!(
            validate(&address("HU", "Budapest", "1999", None)).status,
            AddressValidationStatus::NotValidated
        );
    }

    #[test]
    fn british_postcodes_are_keyed_in_canonical_form() {
        assert_eq!(postal_key("GB", "sw1a1aa"), "SW1A 1AA");
        assert_eq!(postal_key("GB", "M1  1AE"), "M1 1AE");
        assert_eq!(postal_key("US", "98052-6399"), "98052");
    }
}
