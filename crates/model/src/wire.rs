//! Resources as they travel on the wire (camelCase, `attributes.objectType`).

use serde::{Deserialize, Serialize};

/// `attributes` carried by every resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    #[serde(default)]
    pub object_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// `{totalCount, items, attributes:{objectType:"Collection"}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    pub total_count: u64,
    pub items: Vec<T>,
    #[serde(default)]
    pub attributes: Attributes,
}

impl<T> Collection<T> {
    pub fn new(items: Vec<T>) -> Self {
        Self {
            total_count: items.len() as u64,
            items,
            attributes: Attributes::of("Collection"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    pub domain: String,
    #[serde(default)]
    pub company_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_registration_number: Option<String>,
    #[serde(default)]
    pub attributes: Attributes,
}

/// A customer as the list endpoint returns it (the trimmed form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: String,
    pub company_profile: CompanyProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship_to_partner: Option<String>,
    #[serde(default)]
    pub attributes: Attributes,
}

/// A fault's `code` is a number from some endpoints and a string from others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FaultCode {
    Number(i64),
    Text(String),
}

/// The error body of every 4xx/5xx response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiFault {
    pub code: FaultCode,
    /// Partner Center sends `description`; some newer endpoints only `message`.
    #[serde(default, alias = "message")]
    pub description: String,
    #[serde(default)]
    pub data: Vec<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_list_round_trips_in_camel_case() {
        let body = r#"{"totalCount":1,"items":[{"id":"dfd8cc0a","companyProfile":{
            "tenantId":"dfd8cc0a","domain":"contoso.onmicrosoft.com","companyName":"Contoso Ltd",
            "attributes":{"objectType":"CustomerCompanyProfile"}},"relationshipToPartner":"reseller",
            "links":{"self":{"uri":"/customers/dfd8cc0a","method":"GET","headers":[]}},
            "attributes":{"objectType":"Customer"}}],"attributes":{"objectType":"Collection"}}"#;
        let list: Collection<Customer> = serde_json::from_str(body).unwrap();
        assert_eq!(list.items[0].company_profile.company_name, "Contoso Ltd");
        let written = serde_json::to_value(&list).unwrap();
        assert_eq!(
            written["items"][0]["companyProfile"]["domain"],
            "contoso.onmicrosoft.com"
        );
        assert_eq!(written["attributes"]["objectType"], "Collection");
    }

    #[test]
    fn fault_code_may_be_number_or_string_and_message_stands_for_description() {
        let numeric: ApiFault =
            serde_json::from_str(r#"{"code":600050,"description":"invalid","data":[]}"#).unwrap();
        assert_eq!(numeric.code, FaultCode::Number(600050));
        let text: ApiFault =
            serde_json::from_str(r#"{"code":"600061","message":"exists"}"#).unwrap();
        assert_eq!(text.code, FaultCode::Text("600061".into()));
        assert_eq!(text.description, "exists");
    }
}
