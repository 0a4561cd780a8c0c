//! Everything the user enters in the wizard, as one value the browser keeps in
//! `sessionStorage`, and the pure functions that turn it into the requests of
//! the submit sequence (product.md §4). It never holds passwords or tokens.

mod stored;

use serde::{Deserialize, Serialize};

use crate::cloud::Cloud;
use crate::validation::{self, Context, Field, Issue, canonical_domain};
use crate::wire::{
    Address, Agreement, AgreementType, Attributes, BillingCycle, BillingProfile, Cart,
    CartLineItem, CompanyProfile, Contact, CountryValidationRules, Customer, KeyValue, Offer,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct AccountInfo {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub company_name: String,
    /// The part before `.onmicrosoft.com`.
    pub domain_prefix: String,
    pub address_line1: String,
    pub address_line2: String,
    pub address_line3: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub registration_number: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
    pub language: String,
    pub culture: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgreementChoice {
    /// The customer will accept the agreement in the admin center: no API call.
    #[default]
    CustomerWillAccept,
    /// The partner records the customer's acceptance.
    CustomerHasAccepted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
}

/// The agreement choice keeps its date and acceptor when the user switches
/// back and forth, so no input is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct AgreementDraft {
    pub choice: AgreementChoice,
    /// `YYYY-MM-DD`.
    pub date_agreed: String,
    /// Who accepted; `None` means the primary contact.
    pub acceptor: Option<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChosenOffer {
    pub offer_id: String,
    pub quantity: u32,
    pub billing_cycle: BillingCycle,
}

impl Default for ChosenOffer {
    fn default() -> Self {
        Self {
            offer_id: String::new(),
            quantity: 1,
            billing_cycle: BillingCycle::Monthly,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub account: AccountInfo,
    pub agreement: AgreementDraft,
    /// "Default GDAP": checked unless the user unchecks it.
    pub enable_gdap_by_default: bool,
    /// The indirect reseller's tenant id, and its PartnerID for orders.
    pub reseller_id: Option<String>,
    pub reseller_mpn_id: Option<String>,
    pub offers: Vec<ChosenOffer>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            account: AccountInfo::default(),
            agreement: AgreementDraft::default(),
            enable_gdap_by_default: true,
            reseller_id: None,
            reseller_mpn_id: None,
            offers: Vec::new(),
        }
    }
}

/// The one table of which part of the draft each text field of Account info
/// edits; `$draft` is borrowed as `$($borrow)*` (`&` or `&mut`). The
/// acceptor's fields are [`acceptor_part`]'s.
macro_rules! account_text {
    ($draft:expr, $field:expr, $($borrow:tt)*) => {
        match $field {
            Field::Country => Some($($borrow)* $draft.account.country),
            Field::CompanyName => Some($($borrow)* $draft.account.company_name),
            Field::DomainPrefix => Some($($borrow)* $draft.account.domain_prefix),
            Field::AddressLine1 => Some($($borrow)* $draft.account.address_line1),
            Field::AddressLine2 => Some($($borrow)* $draft.account.address_line2),
            Field::AddressLine3 => Some($($borrow)* $draft.account.address_line3),
            Field::City => Some($($borrow)* $draft.account.city),
            Field::State => Some($($borrow)* $draft.account.state),
            Field::PostalCode => Some($($borrow)* $draft.account.postal_code),
            Field::RegistrationNumber => Some($($borrow)* $draft.account.registration_number),
            Field::FirstName => Some($($borrow)* $draft.account.first_name),
            Field::LastName => Some($($borrow)* $draft.account.last_name),
            Field::Email => Some($($borrow)* $draft.account.email),
            Field::PhoneNumber => Some($($borrow)* $draft.account.phone_number),
            Field::Language => Some($($borrow)* $draft.account.language),
            Field::Culture => Some($($borrow)* $draft.account.culture),
            Field::AgreementDate => Some($($borrow)* $draft.agreement.date_agreed),
            Field::AcceptorFirstName
            | Field::AcceptorLastName
            | Field::AcceptorEmail
            | Field::AcceptorPhoneNumber
            | Field::Quantity => None,
        }
    };
}

/// The detail of the agreement's acceptor a field edits.
fn acceptor_part(field: Field) -> Option<fn(&mut Person) -> &mut String> {
    match field {
        Field::AcceptorFirstName => Some(|person| &mut person.first_name),
        Field::AcceptorLastName => Some(|person| &mut person.last_name),
        Field::AcceptorEmail => Some(|person| &mut person.email),
        Field::AcceptorPhoneNumber => Some(|person| &mut person.phone_number),
        _ => None,
    }
}

/// Whether a field is a detail of the agreement's acceptor.
pub fn is_acceptor_detail(field: Field) -> bool {
    acceptor_part(field).is_some()
}

fn optional(value: &str) -> Option<String> {
    let value = validation::normalize(value);
    (!value.is_empty()).then_some(value)
}

impl Draft {
    /// The person who accepted the agreement: the one entered, or the primary contact.
    pub fn acceptor(&self) -> Person {
        self.agreement.acceptor.clone().unwrap_or_else(|| Person {
            first_name: self.account.first_name.clone(),
            last_name: self.account.last_name.clone(),
            email: self.account.email.clone(),
            phone_number: self.account.phone_number.clone(),
        })
    }

    /// What the user entered for a text field of Account info (empty for a
    /// field that is not one); the acceptor's are the primary contact's until
    /// the user changes them.
    pub fn text(&self, field: Field) -> String {
        if let Some(part) = acceptor_part(field) {
            return part(&mut self.acceptor()).clone();
        }
        account_text!(self, field, &).cloned().unwrap_or_default()
    }

    /// Sets what [`Draft::text`] reads; a field that is not a text is left alone.
    pub fn set_text(&mut self, field: Field, value: String) {
        if let Some(part) = acceptor_part(field) {
            let mut acceptor = self.acceptor();
            *part(&mut acceptor) = value;
            self.agreement.acceptor = Some(acceptor);
        } else if let Some(text) = account_text!(self, field, &mut) {
            *text = value;
        }
    }

    /// The country's first language and culture unless one it supports is
    /// chosen, and no state of another country; the rest stays as it is.
    pub fn apply_country_defaults(&mut self, rules: &CountryValidationRules) {
        let listed =
            |list: &[String], value: &str| list.iter().any(|item| item.eq_ignore_ascii_case(value));
        let first = |list: &[String]| list.first().cloned().unwrap_or_default();
        let account = &mut self.account;
        if !listed(&rules.supported_languages_list, &account.language) {
            account.language = first(&rules.supported_languages_list);
        }
        if !listed(&rules.supported_cultures_list, &account.culture) {
            account.culture = first(&rules.supported_cultures_list);
        }
        if !rules.supported_states_list.is_empty()
            && !listed(&rules.supported_states_list, &account.state)
        {
            account.state.clear();
        }
    }

    /// Step 1 of the submit sequence: `POST /v1/customers`, for `cloud`.
    pub fn customer_request(&self, cloud: Cloud) -> Customer {
        let account = &self.account;
        let text = validation::normalize;
        let company_name = text(&account.company_name);
        Customer {
            company_profile: CompanyProfile {
                domain: canonical_domain(&account.domain_prefix, cloud),
                company_name: company_name.clone(),
                organization_registration_number: optional(&account.registration_number),
                ..Default::default()
            },
            billing_profile: Some(BillingProfile {
                email: text(&account.email),
                culture: text(&account.culture),
                language: text(&account.language),
                company_name,
                first_name: optional(&account.first_name),
                last_name: optional(&account.last_name),
                default_address: Address {
                    first_name: optional(&account.first_name),
                    last_name: optional(&account.last_name),
                    address_line1: text(&account.address_line1),
                    address_line2: optional(&account.address_line2),
                    address_line3: optional(&account.address_line3),
                    city: optional(&account.city),
                    state: optional(&account.state),
                    postal_code: optional(&account.postal_code),
                    country: account.country.trim().to_ascii_uppercase(),
                    phone_number: optional(&account.phone_number),
                    ..Default::default()
                },
                ..Default::default()
            }),
            associated_partner_id: self.reseller_id.clone(),
            enable_gdap_by_default: Some(self.enable_gdap_by_default),
            ..Default::default()
        }
    }

    /// Step 2, only when the customer has accepted: `POST …/agreements`.
    pub fn agreement_request(&self, template_id: &str) -> Option<Agreement> {
        if self.agreement.choice != AgreementChoice::CustomerHasAccepted {
            return None;
        }
        let acceptor = self.acceptor();
        Some(Agreement {
            primary_contact: Contact {
                first_name: validation::normalize(&acceptor.first_name),
                last_name: validation::normalize(&acceptor.last_name),
                email: validation::normalize(&acceptor.email),
                phone_number: optional(&acceptor.phone_number),
            },
            template_id: template_id.to_owned(),
            date_agreed: match self.agreement.date_agreed.trim() {
                "" => String::new(),
                date => format!("{date}T00:00:00.000Z"),
            },
            agreement_type: AgreementType::MicrosoftCustomerAgreement,
            ..Default::default()
        })
    }

    /// Step 3, only when offers were chosen: `POST …/carts` (then checkout).
    pub fn cart_request(&self) -> Option<Cart> {
        if self.offers.is_empty() {
            return None;
        }
        let participants: Vec<KeyValue> = self
            .reseller_mpn_id
            .iter()
            .map(|mpn_id| KeyValue {
                key: "transaction_reseller".to_owned(),
                value: mpn_id.clone(),
            })
            .collect();
        let line_items = self
            .offers
            .iter()
            .zip(0..)
            .map(|(chosen, id)| CartLineItem {
                id,
                catalog_item_id: chosen.offer_id.clone(),
                quantity: chosen.quantity,
                billing_cycle: chosen.billing_cycle,
                participants: participants.clone(),
                ..Default::default()
            })
            .collect();
        Some(Cart {
            line_items,
            attributes: Attributes::of("Cart"),
            ..Default::default()
        })
    }

    /// The Account info step: every rule over the create request, plus the
    /// agreement's when the customer has accepted.
    pub fn account_issues(&self, context: &Context) -> Vec<Issue> {
        let mut issues = validation::customer(&self.customer_request(context.cloud), context);
        if let Some(agreement) = self.agreement_request("") {
            issues.extend(validation::agreement(&agreement, context));
        }
        issues
    }

    /// The Subscriptions step: each chosen offer exists and its count is in bounds.
    pub fn subscription_issues(&self, catalogue: &[Offer]) -> Vec<Issue> {
        self.offers
            .iter()
            .flat_map(
                |chosen| match catalogue.iter().find(|offer| offer.id == chosen.offer_id) {
                    Some(offer) => validation::quantity(offer, chosen.quantity),
                    None => vec![
                        Issue::error(validation::Field::Quantity, validation::Code::UnknownOffer)
                            .with_param("offerId", &chosen.offer_id),
                    ],
                },
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Code, Date};
    use crate::wire::CountryValidationRules;

    fn turkish_draft() -> Draft {
        Draft {
            account: AccountInfo {
                country: "tr".into(),
                company_name: " Yıldız Teknoloji A.Ş. ".into(),
                domain_prefix: "YildizTeknoloji".into(),
                address_line1: "Büyükdere Cd. No:1".into(),
                city: "İstanbul".into(),
                state: "İstanbul".into(),
                postal_code: "34394".into(),
                registration_number: "1234567890".into(),
                first_name: "Ayşe".into(),
                last_name: "Yılmaz".into(),
                email: "ayse@yildiz.com.tr".into(),
                phone_number: "0212 555 12 34".into(),
                language: "tr".into(),
                culture: "tr-TR".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn builds_the_create_customer_request() {
        let request = turkish_draft().customer_request(Cloud::Public);
        assert_eq!(
            request.company_profile.domain,
            "yildizteknoloji.onmicrosoft.com"
        );
        assert_eq!(
            request.company_profile.company_name,
            "Yıldız Teknoloji A.Ş."
        );
        assert_eq!(
            request
                .company_profile
                .organization_registration_number
                .as_deref(),
            Some("1234567890")
        );
        let billing = request.billing_profile.expect("billing profile");
        assert_eq!(billing.default_address.country, "TR");
        assert_eq!(
            billing.default_address.address_line2, None,
            "empty optional lines are left out"
        );
        assert_eq!(billing.default_address.first_name.as_deref(), Some("Ayşe"));
        assert_eq!(request.enable_gdap_by_default, Some(true));
        assert_eq!(request.associated_partner_id, None);
    }

    #[test]
    fn a_resellers_customer_carries_the_reseller_in_the_customer_and_the_cart() {
        let draft = Draft {
            reseller_id: Some("484e548c".into()),
            reseller_mpn_id: Some("4847383".into()),
            offers: vec![ChosenOffer {
                offer_id: "o-1".into(),
                quantity: 5,
                billing_cycle: BillingCycle::Annual,
            }],
            ..turkish_draft()
        };
        assert_eq!(
            draft
                .customer_request(Cloud::Public)
                .associated_partner_id
                .as_deref(),
            Some("484e548c")
        );
        let cart = draft.cart_request().expect("a cart");
        assert_eq!(cart.line_items[0].quantity, 5);
        assert_eq!(cart.line_items[0].billing_cycle, BillingCycle::Annual);
        assert_eq!(cart.line_items[0].participants[0].value, "4847383");
    }

    #[test]
    fn no_offers_no_cart_and_will_accept_no_agreement() {
        let draft = turkish_draft();
        assert_eq!(draft.cart_request(), None);
        assert_eq!(draft.agreement_request("t"), None);
    }

    #[test]
    fn has_accepted_records_the_primary_contact_unless_another_acceptor_is_given() {
        let mut draft = turkish_draft();
        draft.agreement.choice = AgreementChoice::CustomerHasAccepted;
        draft.agreement.date_agreed = "2026-11-20".into();
        let agreement = draft.agreement_request("117a77b0").expect("an agreement");
        assert_eq!(agreement.template_id, "117a77b0");
        assert_eq!(agreement.date_agreed, "2026-11-20T00:00:00.000Z");
        assert_eq!(agreement.primary_contact.email, "ayse@yildiz.com.tr");
        draft.agreement.acceptor = Some(Person {
            first_name: "Mehmet".into(),
            last_name: "Öz".into(),
            email: "mehmet@yildiz.com.tr".into(),
            ..Default::default()
        });
        let agreement = draft.agreement_request("117a77b0").expect("an agreement");
        assert_eq!(agreement.primary_contact.first_name, "Mehmet");
        assert_eq!(agreement.primary_contact.phone_number, None);
    }

    #[test]
    fn account_issues_include_the_agreement_and_subscription_issues_the_bounds() {
        let rules = CountryValidationRules {
            iso2_code: "TR".into(),
            supported_languages_list: vec!["tr".into(), "en".into()],
            supported_cultures_list: vec!["tr-TR".into(), "en-US".into()],
            ..Default::default()
        };
        let context = Context {
            rules: &rules,
            partner_domains: &[],
            today: Date {
                year: 2026,
                month: 11,
                day: 21,
            },
            cloud: Cloud::Public,
        };
        let mut draft = turkish_draft();
        assert_eq!(draft.account_issues(&context), vec![]);
        draft.agreement.choice = AgreementChoice::CustomerHasAccepted;
        draft.agreement.date_agreed = "2026-12-01".into();
        let issues = draft.account_issues(&context);
        assert_eq!(
            (issues[0].field, issues[0].code),
            (Field::AgreementDate, Code::DateInFuture)
        );

        let catalogue = [Offer {
            id: "o-1".into(),
            minimum_quantity: 1,
            maximum_quantity: 10,
            ..Default::default()
        }];
        draft.offers = vec![
            ChosenOffer {
                offer_id: "o-1".into(),
                quantity: 11,
                ..Default::default()
            },
            ChosenOffer {
                offer_id: "gone".into(),
                ..Default::default()
            },
        ];
        let codes: Vec<Code> = draft
            .subscription_issues(&catalogue)
            .iter()
            .map(|issue| issue.code)
            .collect();
        assert_eq!(codes, [Code::OutOfRange, Code::UnknownOffer]);
    }

    #[test]
    fn the_draft_survives_a_round_trip_through_storage_and_old_drafts_still_load() {
        let draft = turkish_draft();
        let stored = serde_json::to_string(&draft).expect("serializes");
        assert_eq!(
            serde_json::from_str::<Draft>(&stored).expect("reads"),
            draft
        );
        let old: Draft =
            serde_json::from_str(r#"{"account":{"company_name":"X"}}"#).expect("partial draft");
        assert!(old.enable_gdap_by_default);
        assert_eq!(old.account.company_name, "X");
    }

    /// The value the field's rules read: the request property its issues name.
    fn on_the_wire(draft: &Draft, field: Field) -> Option<String> {
        let path = serde_json::to_value(field).ok()?;
        let request = match path.as_str()? {
            path if path.starts_with("companyProfile") || path.starts_with("billingProfile") => {
                serde_json::to_value(draft.customer_request(Cloud::Public)).ok()?
            }
            _ => serde_json::to_value(draft.agreement_request("t")?).ok()?,
        };
        let mut value = &request;
        for key in path.as_str()?.split('.') {
            value = value.get(key)?;
        }
        value.as_str().map(str::to_owned)
    }

    #[test]
    fn every_text_field_edits_its_own_part_of_the_draft_which_its_rules_read() {
        let mut draft = Draft::default();
        draft.agreement.choice = AgreementChoice::CustomerHasAccepted;
        let value = |index: usize| format!("x{}q", char::from(b'a' + index as u8));
        let texts = || {
            Field::ALL
                .into_iter()
                .filter(|field| *field != Field::Quantity)
        };
        for (index, field) in texts().enumerate() {
            draft.set_text(field, value(index));
        }
        for (index, field) in texts().enumerate() {
            assert_eq!(draft.text(field), value(index), "{field:?}");
            let wire = on_the_wire(&draft, field).unwrap_or_default();
            assert!(
                wire.to_lowercase().contains(&value(index)),
                "{field:?} is {wire:?} on the wire"
            );
        }
        draft.set_text(Field::Quantity, "7".into());
        assert_eq!(draft.text(Field::Quantity), "");
    }

    #[test]
    fn the_acceptor_is_the_primary_contact_until_the_user_changes_a_detail() {
        let mut draft = turkish_draft();
        draft.set_text(Field::FirstName, "Ayşe".into());
        assert_eq!(draft.text(Field::AcceptorFirstName), "Ayşe");
        draft.set_text(Field::AcceptorEmail, "ali@example.com".into());
        draft.set_text(Field::FirstName, "Elif".into());
        assert_eq!(draft.text(Field::AcceptorFirstName), "Ayşe");
        assert_eq!(draft.text(Field::AcceptorEmail), "ali@example.com");
    }
}
