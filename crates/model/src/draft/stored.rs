//! Reading a draft back from the JSON its `Serialize` wrote, as the browser
//! keeps it in `sessionStorage`.
//!
//! By hand from a `serde_json::Value`, which the app parses anyway: a derived
//! reader is compiled once for every format that reads it and costs about a
//! kilobyte of wasm per field, in every first load. A property that is
//! missing or of another type keeps its default, so one odd value does not
//! lose the rest of the user's input.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::{AccountInfo, AgreementDraft, ChosenOffer, Draft, Person};

impl<'de> Deserialize<'de> for Draft {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(|value| Draft::from_stored(&value))
    }
}

impl Draft {
    /// The draft `value` holds, as its `Serialize` wrote it.
    pub fn from_stored(value: &Value) -> Draft {
        let default = Draft::default();
        Draft {
            account: value
                .get("account")
                .map(AccountInfo::from_stored)
                .unwrap_or_default(),
            agreement: value
                .get("agreement")
                .map(AgreementDraft::from_stored)
                .unwrap_or_default(),
            enable_gdap_by_default: value
                .get("enable_gdap_by_default")
                .and_then(Value::as_bool)
                .unwrap_or(default.enable_gdap_by_default),
            reseller_id: optional_text(value, "reseller_id"),
            reseller_mpn_id: optional_text(value, "reseller_mpn_id"),
            offers: value
                .get("offers")
                .and_then(Value::as_array)
                .map(|offers| offers.iter().map(ChosenOffer::from_stored).collect())
                .unwrap_or_default(),
        }
    }
}

impl AccountInfo {
    fn from_stored(value: &Value) -> AccountInfo {
        AccountInfo {
            country: text(value, "country"),
            company_name: text(value, "company_name"),
            domain_prefix: text(value, "domain_prefix"),
            address_line1: text(value, "address_line1"),
            address_line2: text(value, "address_line2"),
            address_line3: text(value, "address_line3"),
            city: text(value, "city"),
            state: text(value, "state"),
            postal_code: text(value, "postal_code"),
            registration_number: text(value, "registration_number"),
            first_name: text(value, "first_name"),
            last_name: text(value, "last_name"),
            email: text(value, "email"),
            phone_number: text(value, "phone_number"),
            language: text(value, "language"),
            culture: text(value, "culture"),
        }
    }
}

impl AgreementDraft {
    fn from_stored(value: &Value) -> AgreementDraft {
        AgreementDraft {
            // The choice's names are its derived serde names.
            choice: value
                .get("choice")
                .and_then(|choice| Deserialize::deserialize(choice).ok())
                .unwrap_or_default(),
            date_agreed: text(value, "date_agreed"),
            acceptor: value
                .get("acceptor")
                .filter(|acceptor| acceptor.is_object())
                .map(Person::from_stored),
        }
    }
}

impl Person {
    fn from_stored(value: &Value) -> Person {
        Person {
            first_name: text(value, "first_name"),
            last_name: text(value, "last_name"),
            email: text(value, "email"),
            phone_number: text(value, "phone_number"),
        }
    }
}

impl ChosenOffer {
    fn from_stored(value: &Value) -> ChosenOffer {
        let default = ChosenOffer::default();
        ChosenOffer {
            offer_id: text(value, "offer_id"),
            quantity: value
                .get("quantity")
                .and_then(Value::as_u64)
                .and_then(|quantity| u32::try_from(quantity).ok())
                .unwrap_or(default.quantity),
            billing_cycle: value
                .get("billing_cycle")
                .and_then(|cycle| Deserialize::deserialize(cycle).ok())
                .unwrap_or(default.billing_cycle),
        }
    }
}

fn text(value: &Value, name: &str) -> String {
    optional_text(value, name).unwrap_or_default()
}

fn optional_text(value: &Value, name: &str) -> Option<String> {
    value.get(name).and_then(Value::as_str).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::AgreementChoice;
    use crate::wire::{BillingCycle, from_json};

    /// Every field away from its default, so that a field the reader missed
    /// shows as a difference.
    fn full_draft() -> Draft {
        let text = |name: &str| format!("{name} value");
        Draft {
            account: AccountInfo {
                country: text("country"),
                company_name: text("company_name"),
                domain_prefix: text("domain_prefix"),
                address_line1: text("address_line1"),
                address_line2: text("address_line2"),
                address_line3: text("address_line3"),
                city: text("city"),
                state: text("state"),
                postal_code: text("postal_code"),
                registration_number: text("registration_number"),
                first_name: text("first_name"),
                last_name: text("last_name"),
                email: text("email"),
                phone_number: text("phone_number"),
                language: text("language"),
                culture: text("culture"),
            },
            agreement: AgreementDraft {
                choice: AgreementChoice::CustomerHasAccepted,
                date_agreed: "2026-12-06".into(),
                acceptor: Some(Person {
                    first_name: text("acceptor first_name"),
                    last_name: text("acceptor last_name"),
                    email: text("acceptor email"),
                    phone_number: text("acceptor phone_number"),
                }),
            },
            enable_gdap_by_default: false,
            reseller_id: Some(text("reseller_id")),
            reseller_mpn_id: Some(text("reseller_mpn_id")),
            offers: vec![ChosenOffer {
                offer_id: text("offer_id"),
                quantity: 7,
                billing_cycle: BillingCycle::Annual,
            }],
        }
    }

    #[test]
    fn every_field_of_a_stored_draft_is_read_back_by_either_reader() {
        let draft = full_draft();
        let stored = serde_json::to_string(&draft).expect("serializes");
        assert_eq!(
            serde_json::from_str::<Draft>(&stored).expect("reads"),
            draft
        );
        assert_eq!(from_json::<Draft>(&stored).expect("reads"), draft);
    }

    #[test]
    fn a_value_of_another_type_keeps_its_default_and_loses_nothing_else() {
        let mut stored = serde_json::to_value(full_draft()).expect("serializes");
        stored["account"]["city"] = Value::from(12);
        stored["enable_gdap_by_default"] = Value::from("no");
        stored["offers"][0]["quantity"] = Value::from(-1);
        stored["agreement"]["choice"] = Value::from("someone_else");
        let read: Draft = serde_json::from_value(stored).expect("reads");
        let mut expected = full_draft();
        expected.account.city = String::new();
        expected.enable_gdap_by_default = true;
        expected.offers[0].quantity = 1;
        expected.agreement.choice = AgreementChoice::CustomerWillAccept;
        assert_eq!(read, expected);
    }
}
