//! Input no backend can store, refused before a handler sees it: request ids
//! that are not short printable text, and NUL characters (which PostgreSQL's
//! text cannot hold) in the path, the query or a JSON body.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::ECHOED_HEADERS;
use crate::error::ApiError;

/// Partner Center's request and correlation ids are GUIDs; this leaves room.
pub const MAX_REQUEST_ID_CHARS: usize = 128;

pub async fn refuse_unstorable(request: Request, next: Next) -> Response {
    for (name, spelled) in ECHOED_HEADERS
        .iter()
        .zip(["MS-RequestId", "MS-CorrelationId"])
    {
        let Some(value) = request.headers().get(name) else {
            continue;
        };
        let printable = value.len() <= MAX_REQUEST_ID_CHARS
            && value.as_bytes().iter().all(u8::is_ascii_graphic);
        if !printable {
            return ApiError::BadInput(format!(
                "{spelled}: at most {MAX_REQUEST_ID_CHARS} printable ASCII characters, such as a GUID."
            ))
            .into_response();
        }
    }
    let target = request
        .uri()
        .path_and_query()
        .map(|target| target.as_str())
        .unwrap_or_default();
    if target.to_ascii_lowercase().contains("%00") {
        return ApiError::BadInput("The path and query may not contain NUL.".to_owned())
            .into_response();
    }
    next.run(request).await
}

/// Whether any text of a JSON value (or a property name) holds a NUL.
pub fn holds_nul(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains('\0'),
        Value::Array(items) => items.iter().any(holds_nul),
        Value::Object(map) => map
            .iter()
            .any(|(name, value)| name.contains('\0') || holds_nul(value)),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}
