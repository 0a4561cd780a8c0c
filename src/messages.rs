//! The English texts for rule codes and API errors.

use customer_model::validation::{Code, Field, Issue};
use customer_model::wire::{BillingCycle, Role};

use crate::api::ApiError;

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Country => "country or region",
        Field::CompanyName => "company name",
        Field::DomainPrefix => "domain name",
        Field::AddressLine1 => "address line 1",
        Field::AddressLine2 => "address line 2",
        Field::AddressLine3 => "address line 3",
        Field::City => "city",
        Field::State => "state or province",
        Field::PostalCode => "postal code",
        Field::RegistrationNumber => "organization registration number",
        Field::FirstName => "first name",
        Field::LastName => "last name",
        Field::Email => "email address",
        Field::PhoneNumber => "phone number",
        Field::Language => "language",
        Field::Culture => "culture",
        Field::AgreementDate => "agreement acceptance date",
        Field::AcceptorFirstName => "first name of the person who accepted",
        Field::AcceptorLastName => "last name of the person who accepted",
        Field::AcceptorEmail => "email address of the person who accepted",
        Field::AcceptorPhoneNumber => "phone number of the person who accepted",
        Field::Quantity => "number of licenses",
    }
}

pub fn issue_message(issue: &Issue) -> String {
    let field = field_name(issue.field);
    let param = |name: &str| issue.params.get(name).map_or("", String::as_str);
    match issue.code {
        Code::Required => match issue.field {
            Field::Country | Field::State | Field::Language | Field::Culture => {
                format!("Choose the {field}")
            }
            _ => format!("Enter the {field}"),
        },
        Code::TooShort => format!("The {field} must be at least {} characters", param("min")),
        Code::TooLong => format!("The {field} must be {} characters or fewer", param("max")),
        Code::NoLettersOrDigits => format!("The {field} must contain letters or digits"),
        Code::LegalFormOnly => "Enter the full legal name, not only the company form".to_owned(),
        Code::LooksLikeAcronym => {
            "This looks like an acronym: use the full legal name if there is one".to_owned()
        }
        Code::ContainsDomainName => "This looks like a web address: use the legal name".to_owned(),
        Code::RepeatedCharacter => "A character is repeated: check the name is correct".to_owned(),
        Code::SpacedCharacters => {
            "Characters are separated by spaces: check the name is correct".to_owned()
        }
        Code::TestName => {
            "This looks like a test name: use the customer's real legal name".to_owned()
        }
        Code::InvalidCharacters => format!("The {field} can only contain letters and digits"),
        Code::InvalidFormat => match issue.params.get("example") {
            Some(example) => format!("Enter the {field} in the correct format, like {example}"),
            None => format!("Enter the {field} in the correct format"),
        },
        Code::InvalidEmail => {
            format!("Enter the {field} in the correct format, like name@example.com")
        }
        Code::PartnerDomainEmail => {
            format!(
                "Enter the customer's own {field}, not one on {}",
                param("domain")
            )
        }
        Code::NotAllowed => format!("Choose a {field} from the list"),
        Code::InvalidDate => format!("Enter the {field} as a real date"),
        Code::DateInFuture => format!("The {field} must be today or in the past"),
        Code::OutOfRange => {
            format!(
                "The {field} must be between {} and {}",
                param("min"),
                param("max")
            )
        }
        Code::UnknownOffer => "This offer is no longer available".to_owned(),
    }
}

pub fn api_error_message(error: &ApiError) -> String {
    match error {
        ApiError::Network(_) => {
            "The customer service could not be reached. Check your connection and try again."
                .to_owned()
        }
        ApiError::Timeout => {
            "The customer service did not answer in time. Try again in a moment.".to_owned()
        }
        ApiError::Cancelled => "The request was cancelled.".to_owned(),
        ApiError::Fault { status, fault } => match fault.as_ref().and_then(|fault| fault.text()) {
            Some(text) => format!("The customer service reported a problem: {text}"),
            None => format!("The customer service reported a problem (HTTP {status})."),
        },
        ApiError::UnexpectedBody(_) => {
            "The customer service sent an answer this app does not understand.".to_owned()
        }
    }
}

pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::GlobalAdmin => "Global admin",
        Role::UserManagementAdmin => "User management admin",
        Role::AdminAgent => "Admin agent",
        Role::SalesAgent => "Sales agent",
        Role::BillingAdmin => "Billing admin",
        Role::HelpdeskAgent => "Helpdesk agent",
    }
}

pub fn billing_cycle_name(cycle: BillingCycle) -> &'static str {
    match cycle {
        BillingCycle::Monthly => "Monthly",
        BillingCycle::Annual => "Annual",
        BillingCycle::Triennial => "Triennial",
        BillingCycle::OneTime => "One-time",
        BillingCycle::None | BillingCycle::Unknown => "Other",
    }
}
