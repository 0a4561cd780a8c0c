//! Every call to the customer API goes through here: the bearer token, the
//! JSON bodies (read case-insensitively by the shared model) and tolerant
//! fault parsing.

use customer_model::wire::{
    self, AccessToken, ApiFault, Collection, Customer, DemoInfo, Me, SignIn,
};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;

use crate::config::api_url;
use crate::session;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API could not be reached.
    Network(String),
    /// The API answered with an error status and, usually, a fault body.
    Fault {
        status: u16,
        fault: Option<ApiFault>,
    },
    /// The API answered with a body the contract does not allow.
    UnexpectedBody(String),
}

impl ApiError {
    /// The sign-in is missing or no longer valid.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ApiError::Fault { status: 401, .. })
    }
}

fn with_token(request: RequestBuilder) -> RequestBuilder {
    let request = request.header("Accept", "application/json");
    match session::stored_token() {
        Some(token) => request.header("Authorization", &format!("Bearer {token}")),
        None => request,
    }
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    if !response.ok() {
        return Err(ApiError::Fault {
            status,
            fault: wire::from_json::<ApiFault>(&body).ok(),
        });
    }
    wire::from_json(&body).map_err(|error| ApiError::UnexpectedBody(error.to_string()))
}

async fn send_get<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    let response = with_token(request)
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    read(response).await
}

async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    send_get(Request::get(&api_url(path))).await
}

/// What a customer search looks in: Partner Center searches one field at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchField {
    CompanyName,
    Domain,
}

impl SearchField {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchField::CompanyName => "CompanyName",
            SearchField::Domain => "Domain",
        }
    }

    pub fn parse(text: &str) -> SearchField {
        if text.eq_ignore_ascii_case("domain") {
            SearchField::Domain
        } else {
            SearchField::CompanyName
        }
    }
}

pub const CUSTOMERS_PER_PAGE: u32 = 20;

/// A page of customers: the first of a search, or the one after `continuation`.
pub async fn list_customers(
    search: Option<(SearchField, String)>,
    continuation: Option<String>,
) -> Result<Collection<Customer>, ApiError> {
    let request = match continuation {
        Some(token) => Request::get(&api_url(&format!(
            "/v1/customers?size={CUSTOMERS_PER_PAGE}&seekOperation=Next"
        )))
        .header("MS-ContinuationToken", &token),
        None => {
            let filter = search.map(|(field, value)| {
                let filter = serde_json::json!({
                    "Field": field.as_str(), "Value": value, "Operator": "starts_with"
                });
                format!(
                    "&filter={}",
                    js_sys::encode_uri_component(&filter.to_string())
                )
            });
            Request::get(&api_url(&format!(
                "/v1/customers?size={CUSTOMERS_PER_PAGE}{}",
                filter.unwrap_or_default()
            )))
        }
    };
    send_get(request).await
}

/// Who is signed in, with their roles and partner.
pub async fn me() -> Result<Me, ApiError> {
    get_json("/v1/me").await
}

/// The demo accounts, when the server runs in demo mode (404 otherwise).
pub async fn demo_info() -> Result<DemoInfo, ApiError> {
    get_json("/v1/demo").await
}

pub async fn sign_in(user_name: String, password: String) -> Result<AccessToken, ApiError> {
    let request = Request::post(&api_url("/v1/auth/token"))
        .header("Accept", "application/json")
        .json(&SignIn {
            user_name,
            password,
        })
        .map_err(|error| ApiError::UnexpectedBody(error.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    read(response).await
}

/// Ends the session on the server; the caller forgets the token either way.
pub async fn sign_out() {
    let _ = with_token(Request::delete(&api_url("/v1/auth/token")))
        .send()
        .await;
}
