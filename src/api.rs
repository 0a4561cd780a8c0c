//! Every call to the customer API goes through here.

use customer_model::wire::{self, ApiFault, Collection, Customer};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;

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

pub async fn list_customers() -> Result<Collection<Customer>, ApiError> {
    get_json("/v1/customers").await
}

async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(path)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
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
