//! What ties a rule of the model to the page: the input each field's issues
//! are shown at, which the error summaries (Account info's, Review's) link to.

use customer_model::validation::Field;

/// The input a field's issues are shown at.
pub fn field_id(field: Field) -> &'static str {
    match field {
        Field::Country => "country",
        Field::CompanyName => "company-name",
        Field::DomainPrefix => "domain-prefix",
        Field::AddressLine1 => "address-line1",
        Field::AddressLine2 => "address-line2",
        Field::AddressLine3 => "address-line3",
        Field::City => "city",
        Field::State => "state",
        Field::PostalCode => "postal-code",
        Field::RegistrationNumber => "registration-number",
        Field::FirstName => "first-name",
        Field::LastName => "last-name",
        Field::Email => "email",
        Field::PhoneNumber => "phone-number",
        Field::Language => "language",
        Field::Culture => "culture",
        Field::AgreementDate => "agreement-date",
        Field::AcceptorFirstName => "acceptor-first-name",
        Field::AcceptorLastName => "acceptor-last-name",
        Field::AcceptorEmail => "acceptor-email",
        Field::AcceptorPhoneNumber => "acceptor-phone-number",
        Field::Quantity => "subscriptions",
    }
}
