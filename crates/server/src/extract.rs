//! Request bodies: JSON read case-insensitively by the shared model, with every
//! rejection answered as a fault (415, 413, 400) rather than axum's plain text.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// The largest body any endpoint accepts.
pub const BODY_LIMIT: usize = 64 * 1024;

/// A JSON body, plus its raw bytes (what idempotency keys hash).
pub struct JsonBody<T>(pub T);

/// Like [`JsonBody`], keeping the bytes.
pub struct JsonWithBytes<T> {
    pub value: T,
    pub bytes: Bytes,
}

fn is_json(request: &Request) -> bool {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|mime| {
            let mime = mime.trim().to_ascii_lowercase();
            mime == "application/json"
                || (mime.starts_with("application/") && mime.ends_with("+json"))
        })
        .unwrap_or(false)
}

async fn read<T: DeserializeOwned, S: Send + Sync>(
    request: Request,
    state: &S,
) -> Result<JsonWithBytes<T>, ApiError> {
    if !is_json(&request) {
        return Err(ApiError::UnsupportedMediaType);
    }
    let bytes = Bytes::from_request(request, state)
        .await
        .map_err(|rejection| match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
            _ => ApiError::BadInput(format!("The body could not be read: {rejection}")),
        })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| ApiError::BadInput("The body is not UTF-8 text.".to_owned()))?;
    let not_expected = |error: serde_json::Error| {
        ApiError::BadInput(format!("The body is not the expected JSON: {error}"))
    };
    let json: serde_json::Value = serde_json::from_str(text).map_err(not_expected)?;
    if crate::bounds::holds_nul(&json) {
        return Err(ApiError::BadInput(
            "The body's texts may not contain NUL characters.".to_owned(),
        ));
    }
    let value = customer_model::wire::from_value(json).map_err(not_expected)?;
    Ok(JsonWithBytes { value, bytes })
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        read(request, state).await.map(|body| JsonBody(body.value))
    }
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonWithBytes<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        read(request, state).await
    }
}

/// Query parameters; a malformed query string is a 400 fault.
pub struct QueryParams<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| QueryParams(value))
            .map_err(|rejection| {
                ApiError::BadInput(format!(
                    "The query string is not valid: {}",
                    rejection.body_text()
                ))
            })
    }
}

/// Path segments; one that cannot be read (e.g. not UTF-8) is a 400 fault.
pub struct PathParams<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for PathParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| PathParams(value))
            .map_err(|rejection| {
                ApiError::BadInput(format!("The path is not valid: {}", rejection.body_text()))
            })
    }
}
