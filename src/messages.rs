//! The English texts for rule codes and API errors.

use customer_model::validation::{Code, Field, Issue};

use crate::api::ApiError;

fn field_name(field: Field) -> &'static str {
    match field {
        Field::CompanyName => "company name",
    }
}

pub fn issue_message(issue: &Issue) -> String {
    let field = field_name(issue.field);
    let param = |name: &str| issue.params.get(name).map_or("", String::as_str);
    match issue.code {
        Code::Required => format!("Enter the {field}"),
        Code::TooShort => format!("The {field} must be at least {} characters", param("min")),
        Code::TooLong => format!("The {field} must be {} characters or fewer", param("max")),
        Code::NoLettersOrDigits => format!("The {field} must contain letters or digits"),
    }
}

pub fn api_error_message(error: &ApiError) -> String {
    match error {
        ApiError::Network(_) => {
            "The customer service could not be reached. Check your connection and try again."
                .to_owned()
        }
        ApiError::Fault {
            fault: Some(fault), ..
        } if !fault.description.is_empty() => {
            format!(
                "The customer service reported a problem: {}",
                fault.description
            )
        }
        ApiError::Fault { status, .. } => {
            format!("The customer service reported a problem (HTTP {status}).")
        }
        ApiError::UnexpectedBody(_) => {
            "The customer service sent an answer this app does not understand.".to_owned()
        }
    }
}
