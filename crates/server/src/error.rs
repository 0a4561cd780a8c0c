//! The one error type of the API; every failure leaves as a Partner Center fault.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use customer_model::wire::{ApiFault, FaultCode};

#[derive(Debug)]
pub enum ApiError {
    /// The request is malformed; the text says which part.
    BadInput(String),
    NotFound,
    Database(sqlx::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        Self::Database(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, description) = match self {
            Self::BadInput(detail) => (StatusCode::BAD_REQUEST, 800002, detail),
            Self::NotFound => (
                StatusCode::NOT_FOUND,
                404,
                "The requested resource was not found.".to_owned(),
            ),
            Self::Database(error) => {
                tracing::error!(%error, "database error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    500,
                    "The server could not complete the request.".to_owned(),
                )
            }
        };
        let fault = ApiFault {
            code: FaultCode::Number(code),
            description: Some(description),
            source: Some("customer-api".to_owned()),
            ..Default::default()
        };
        (status, Json(fault)).into_response()
    }
}
