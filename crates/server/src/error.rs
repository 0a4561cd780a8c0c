//! The one error type of the API; every failure leaves as a Partner Center fault
//! (`{code, description, data, source}`), never as an HTML page.
//!
//! Where Partner Center documents a code it is used; our own faults carry
//! string codes that say what happened.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use customer_model::validation::Issue;
use customer_model::wire::{ApiFault, FaultCode, MFA_REQUIRED_FAULT, NOT_STAFF_FAULT};

#[derive(Debug)]
pub enum ApiError {
    /// The request is malformed; the text says which part.
    BadInput(String),
    /// The body broke validation rules: field-level issues for the client.
    Invalid(Vec<Issue>),
    /// A documented Partner Center 400 with its own code.
    Rejected {
        code: i64,
        description: String,
    },
    /// No token, an unknown one, or an expired one.
    Unauthorized,
    /// Wrong user name or password.
    SignInFailed,
    /// A valid identity-provider token without multifactor authentication,
    /// where it is required: Partner Center's code, and RFC 9470's challenge.
    MfaRequired,
    /// A valid identity-provider token for someone who is not on the staff:
    /// a 403, so that a client does not send them to sign in again and again.
    NotStaff(String),
    /// Signed in, but the role may not do this; the text says why.
    Forbidden(String),
    NotFound,
    MethodNotAllowed,
    /// The state of the resource forbids the request.
    Conflict {
        code: FaultCode,
        description: String,
    },
    PayloadTooLarge,
    UnsupportedMediaType,
    /// Over a rate limit: come back after this many seconds.
    TooManyRequests {
        retry_after: u64,
    },
    Timeout,
    Internal(String),
    Database(sqlx::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn conflict(code: &str, description: impl Into<String>) -> Self {
        Self::Conflict {
            code: FaultCode::Text(code.to_owned()),
            description: description.into(),
        }
    }
}

/// What went wrong, for logs: never a secret (requests' bodies and
/// credentials are not in any variant).
impl std::fmt::Display for ApiError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadInput(detail) => write!(formatter, "bad input: {detail}"),
            Self::Invalid(issues) => write!(formatter, "{} broken validation rules", issues.len()),
            Self::Rejected { code, description } => {
                write!(formatter, "rejected ({code}): {description}")
            }
            Self::Unauthorized => formatter.write_str("not signed in"),
            Self::SignInFailed => formatter.write_str("wrong user name or password"),
            Self::MfaRequired => formatter.write_str("multifactor authentication required"),
            Self::NotStaff(user_name) => write!(formatter, "{user_name} is not on the staff"),
            Self::Forbidden(reason) => write!(formatter, "forbidden: {reason}"),
            Self::NotFound => formatter.write_str("not found"),
            Self::MethodNotAllowed => formatter.write_str("method not allowed"),
            Self::Conflict { code, description } => {
                write!(formatter, "conflict ({code:?}): {description}")
            }
            Self::PayloadTooLarge => formatter.write_str("body too large"),
            Self::UnsupportedMediaType => formatter.write_str("body not JSON"),
            Self::TooManyRequests { retry_after } => {
                write!(formatter, "over a rate limit; retry after {retry_after} s")
            }
            Self::Timeout => formatter.write_str("timed out"),
            Self::Internal(detail) => write!(formatter, "internal error: {detail}"),
            Self::Database(error) => write!(formatter, "database error: {error}"),
        }
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Database(error) => Some(error),
            _ => None,
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> Self {
        Self::Database(error)
    }
}

/// Refuses a request whose validation found errors (warnings pass).
pub fn refuse_errors(issues: Vec<Issue>) -> ApiResult<()> {
    let errors: Vec<Issue> = issues.into_iter().filter(Issue::is_error).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Invalid(errors))
    }
}

/// Whether `error` is a unique-constraint violation (a lost race for a key).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(inner) if inner.is_unique_violation())
}

fn fault(code: FaultCode, description: String, data: Vec<serde_json::Value>) -> ApiFault {
    ApiFault {
        code,
        description: Some(description),
        data,
        source: Some("customer-api".to_owned()),
        ..Default::default()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let number = FaultCode::Number;
        let (status, body) = match self {
            Self::BadInput(detail) => (
                StatusCode::BAD_REQUEST,
                fault(number(800002), detail, vec![]),
            ),
            Self::Invalid(issues) => {
                let data = issues
                    .iter()
                    .filter_map(|issue| serde_json::to_value(issue).ok())
                    .collect();
                let fields: Vec<_> = issues
                    .iter()
                    .filter_map(|issue| serde_json::to_value(issue.field).ok())
                    .filter_map(|field| field.as_str().map(str::to_owned))
                    .collect();
                let description = format!("A property has invalid data: {}.", fields.join(", "));
                (
                    StatusCode::BAD_REQUEST,
                    fault(number(27002), description, data),
                )
            }
            Self::Rejected { code, description } => (
                StatusCode::BAD_REQUEST,
                fault(number(code), description, vec![]),
            ),
            Self::Unauthorized => {
                let body = fault(
                    number(800001),
                    "Sign in: the bearer token is missing, unknown or expired.".to_owned(),
                    vec![],
                );
                let mut response = (StatusCode::UNAUTHORIZED, Json(body)).into_response();
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"customer-api\""),
                );
                return response;
            }
            Self::MfaRequired => {
                let body = fault(
                    number(MFA_REQUIRED_FAULT),
                    "Multifactor authentication is required: sign in again with MFA.".to_owned(),
                    vec![],
                );
                let mut response = (StatusCode::UNAUTHORIZED, Json(body)).into_response();
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(
                        "Bearer realm=\"customer-api\", error=\"insufficient_user_authentication\", \
                         error_description=\"Multifactor authentication is required\"",
                    ),
                );
                return response;
            }
            Self::NotStaff(user_name) => (
                StatusCode::FORBIDDEN,
                fault(
                    FaultCode::Text(NOT_STAFF_FAULT.to_owned()),
                    format!("{user_name} is not a staff member of this partner."),
                    vec![],
                ),
            ),
            Self::SignInFailed => (
                StatusCode::UNAUTHORIZED,
                fault(
                    FaultCode::Text("InvalidCredentials".to_owned()),
                    "The user name or password is incorrect.".to_owned(),
                    vec![],
                ),
            ),
            Self::Forbidden(reason) => {
                (StatusCode::FORBIDDEN, fault(number(600006), reason, vec![]))
            }
            Self::NotFound => (
                StatusCode::NOT_FOUND,
                fault(
                    FaultCode::Text("NotFound".to_owned()),
                    "The requested resource was not found.".to_owned(),
                    vec![],
                ),
            ),
            Self::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                fault(
                    FaultCode::Text("MethodNotAllowed".to_owned()),
                    "This resource does not support that method.".to_owned(),
                    vec![],
                ),
            ),
            Self::Conflict { code, description } => {
                (StatusCode::CONFLICT, fault(code, description, vec![]))
            }
            Self::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                fault(
                    FaultCode::Text("PayloadTooLarge".to_owned()),
                    "The request body is too large.".to_owned(),
                    vec![],
                ),
            ),
            Self::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                fault(
                    FaultCode::Text("UnsupportedMediaType".to_owned()),
                    "Send the body as application/json.".to_owned(),
                    vec![],
                ),
            ),
            Self::TooManyRequests { retry_after } => {
                // Partner Center's 429 says it in `message`; ours also in `description`.
                let text = format!("Rate limit is exceeded. Try again in {retry_after} seconds.");
                let body = ApiFault {
                    message: Some(text.clone()),
                    ..fault(number(429), text, vec![])
                };
                let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
                return response;
            }
            Self::Timeout => (
                StatusCode::SERVICE_UNAVAILABLE,
                fault(
                    FaultCode::Text("Timeout".to_owned()),
                    "The server took too long; retry with the same MS-RequestId.".to_owned(),
                    vec![],
                ),
            ),
            Self::Internal(_) | Self::Database(_) => {
                tracing::error!(error = %self, "answered 500");
                internal()
            }
        };
        (status, Json(body)).into_response()
    }
}

fn internal() -> (StatusCode, ApiFault) {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        fault(
            FaultCode::Number(500),
            "The server could not complete the request; retry with the same MS-RequestId."
                .to_owned(),
            vec![],
        ),
    )
}
