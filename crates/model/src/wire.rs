//! Resources as they travel in the Partner Center REST dialect.
//!
//! Written camelCase (what Partner Center sends); read with
//! [`from_json`], which also accepts PascalCase and any other letter case.
//! Unknown properties are ignored, so newer servers do not break older clients.

mod by_hand;
mod case_insensitive;
mod json;
mod staff;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use case_insensitive::{from_json, from_value};
pub use json::{EXACT_INTEGERS, parse};
pub use staff::{
    AccessToken, DemoAccount, DemoInfo, MFA_REQUIRED_FAULT, Me, NOT_STAFF_FAULT, PartnerProfile,
    PartnerType, Role, SignIn,
};

/// `attributes` carried by every resource.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Attributes {
    pub object_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
}

impl Attributes {
    pub fn of(object_type: &str) -> Self {
        Self {
            object_type: object_type.to_owned(),
            etag: None,
        }
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
}

/// `{uri, method, headers}`; the `uri` is relative to `/v1`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Link {
    pub uri: String,
    pub method: String,
    pub headers: Vec<KeyValue>,
}

pub type Links = BTreeMap<String, Link>;

/// `{totalCount, items, links?, attributes:{objectType:"Collection"}}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    #[serde(default)]
    pub total_count: u64,
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    #[serde(default)]
    pub attributes: Attributes,
}

impl<T> Collection<T> {
    pub fn new(items: Vec<T>) -> Self {
        Self {
            total_count: items.len() as u64,
            items,
            links: Links::new(),
            attributes: Attributes::of("Collection"),
        }
    }

    /// The `MS-ContinuationToken` of the `next` link, when there are more pages.
    pub fn continuation_token(&self) -> Option<&str> {
        self.links
            .get("next")?
            .headers
            .iter()
            .find(|header| header.key.eq_ignore_ascii_case("MS-ContinuationToken"))
            .map(|header| header.value.as_str())
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    pub address_line1: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct CompanyProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    pub domain: String,
    pub company_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_registration_number: Option<String>,
    #[serde(skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    pub attributes: Attributes,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct BillingProfile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub email: String,
    pub culture: String,
    pub language: String,
    pub company_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    pub default_address: Address,
    pub attributes: Attributes,
}

/// The new tenant's admin; returned once, by the create call.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct UserCredentials {
    pub user_name: String,
    pub password: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipToPartner {
    None,
    Reseller,
    Advisor,
    Syndication,
    MicrosoftSupport,
    #[serde(other)]
    Unknown,
}

/// A customer: the create request, the create response and list items share it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Customer {
    /// The tenant id; absent in a create request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commerce_id: Option<String>,
    pub company_profile: CompanyProfile,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_profile: Option<BillingProfile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship_to_partner: Option<RelationshipToPartner>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_delegated_access: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_credentials: Option<UserCredentials>,
    /// The indirect reseller's tenant id, for a reseller's customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub associated_partner_id: Option<String>,
    #[serde(
        rename = "enableGDAPByDefault",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_gdap_by_default: Option<bool>,
    #[serde(skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    pub attributes: Attributes,
}

/// A customer as a look-up shows it: which one, and its company's name and
/// domain. The rest of the resource is left unread, so that a page that
/// only names customers does not carry the reader of all of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerName {
    pub id: Option<String>,
    pub company_profile: CompanyName,
}

/// The part of a [`CompanyProfile`] that names the company.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompanyName {
    pub domain: String,
    pub company_name: String,
}

/// `GET /v1/countryvalidationrules/{iso2}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct CountryValidationRules {
    pub iso2_code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso3_code: Option<String>,
    pub default_culture: String,
    pub is_state_required: bool,
    pub supported_states_list: Vec<String>,
    pub supported_languages_list: Vec<String>,
    pub supported_cultures_list: Vec<String>,
    pub is_postal_code_required: bool,
    pub postal_code_regex: Option<String>,
    pub is_city_required: bool,
    pub phone_number_regex: Option<String>,
    pub country_calling_codes_list: Vec<String>,
    pub customer_organization_registration_number_required: bool,
    pub customer_organization_registration_number_regex: Option<String>,
    pub customer_organization_registration_number_sample: Option<String>,
    pub customer_organization_phone_number_required: bool,
    pub attributes: Attributes,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AddressValidationStatus {
    VerifiedShippable,
    Verified,
    InteractionRequired,
    StreetPartial,
    PremisesPartial,
    Multiple,
    None,
    NotValidated,
}

impl AddressValidationStatus {
    /// The user should pick a suggestion or keep the address as entered.
    pub fn offers_suggestions(self) -> bool {
        matches!(
            self,
            Self::InteractionRequired
                | Self::StreetPartial
                | Self::PremisesPartial
                | Self::Multiple
        )
    }

    pub fn is_verified(self) -> bool {
        matches!(self, Self::Verified | Self::VerifiedShippable)
    }
}

/// `POST /v1/validations/address`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressValidationResponse {
    pub original_address: Address,
    #[serde(default)]
    pub suggested_addresses: Vec<Address>,
    pub status: AddressValidationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_message: Option<String>,
    #[serde(default)]
    pub attributes: Attributes,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AgreementType {
    MicrosoftCloudAgreement,
    #[default]
    MicrosoftCustomerAgreement,
}

/// The person who accepted an agreement.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// `GET /v1/agreements?agreementType=…` items: the template to attest against.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct AgreementMetaData {
    pub template_id: String,
    pub agreement_type: AgreementType,
    pub agreement_link: String,
    pub version_rank: i64,
    pub attributes: Attributes,
}

/// `POST /v1/customers/{id}/agreements`: the customer's acceptance.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Agreement {
    pub primary_contact: Contact,
    pub template_id: String,
    /// ISO 8601, e.g. `2018-06-14T00:00:00.000Z`.
    pub date_agreed: String,
    #[serde(rename = "type")]
    pub agreement_type: AgreementType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement_link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    pub attributes: Attributes,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum BillingCycle {
    #[default]
    Monthly,
    Annual,
    Triennial,
    OneTime,
    None,
    #[serde(other)]
    Unknown,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct OfferCategory {
    /// `Enterprise_Key`, `SmallBusiness_Key`, `Nonprofit_Key`, `Trial_Key`.
    pub id: String,
    pub name: String,
    pub rank: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub attributes: Attributes,
}

/// The reference server's extension: what one license costs per billing cycle.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Price {
    pub amount: f64,
    /// ISO 4217.
    pub currency: String,
    pub billing_cycle: BillingCycle,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub description: String,
    pub minimum_quantity: u32,
    pub maximum_quantity: u32,
    pub rank: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub category: OfferCategory,
    /// `none`, `usage` or `license`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing: Option<String>,
    pub supported_billing_cycles: Vec<BillingCycle>,
    pub is_trial: bool,
    pub is_add_on: bool,
    pub is_available_for_purchase: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    pub attributes: Attributes,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct CartLineItemError {
    pub error_code: i64,
    pub error_description: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct CartLineItem {
    pub id: u32,
    pub catalog_item_id: String,
    pub quantity: u32,
    pub billing_cycle: BillingCycle,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<KeyValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<CartLineItemError>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Cart {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_timestamp: Option<String>,
    /// `Active` or `Ordered`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    pub line_items: Vec<CartLineItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_on_record_attestation_accepted: Option<bool>,
    #[serde(skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    pub attributes: Attributes,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct OrderLineItem {
    pub line_item_number: u32,
    pub offer_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    pub quantity: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_id_on_record: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Order {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_customer_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_cycle: Option<BillingCycle>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    pub line_items: Vec<OrderLineItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    pub attributes: Attributes,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct OrderError {
    pub order_group_id: String,
    pub code: i64,
    pub description: String,
}

/// `POST …/carts/{cartId}/checkout`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct CartCheckoutResult {
    pub orders: Vec<Order>,
    pub order_errors: Vec<OrderError>,
}

/// An indirect reseller of the signed-in indirect provider.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct PartnerRelationship {
    /// The reseller's tenant id: the customer's `associatedPartnerId`.
    pub id: String,
    pub name: String,
    /// `is_indirect_cloud_solution_provider_of` or `is_indirect_reseller_of`.
    pub relationship_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The reseller's PartnerID, for orders placed on its behalf.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mpn_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub attributes: Attributes,
}

/// `GET /v1/customers/relationshiprequests`: the invitation for an existing customer.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct RelationshipRequest {
    pub url: String,
    pub attributes: Attributes,
}

/// A fault's `code` is a number from some endpoints and a string from others.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FaultCode {
    Number(i64),
    Text(String),
}

impl Default for FaultCode {
    fn default() -> Self {
        Self::Number(0)
    }
}

/// The error body of every 4xx/5xx response.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ApiFault {
    pub code: FaultCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Some newer endpoints, and 429 answers, send `message` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Field-level validation issues (`{field, code, params}`) for a 400.
    pub data: Vec<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ApiFault {
    /// The human-readable text: `description`, else `message`.
    pub fn text(&self) -> Option<&str> {
        [&self.description, &self.message]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .find(|text| !text.trim().is_empty())
    }
}

#[cfg(test)]
mod tests;
