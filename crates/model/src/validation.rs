//! Validation rules: each returns typed [`Issue`]s — a field, a rule code, its
//! parameters and a severity — never text, so the browser and the server report
//! the same codes and each client translates them.
//!
//! Rules see text NFC-normalized and trimmed, and count characters, not bytes.

mod company_name;
mod date;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use company_name::company_name;
pub use date::Date;

use crate::cloud::Cloud;
use crate::text;
use crate::wire::{Agreement, CountryValidationRules, Customer, Offer};

pub const DOMAIN_PREFIX_MAX: usize = 27;
pub const COMPANY_NAME_MAX: usize = 255;
pub const ADDRESS_LINE_MAX: usize = 200;
pub const PERSON_NAME_MAX: usize = 50;
pub const EMAIL_MAX: usize = 254;

/// Where an issue belongs: the JSON path of the request property it concerns.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    #[serde(rename = "billingProfile.defaultAddress.country")]
    Country,
    #[serde(rename = "companyProfile.companyName")]
    CompanyName,
    #[serde(rename = "companyProfile.domain")]
    DomainPrefix,
    #[serde(rename = "billingProfile.defaultAddress.addressLine1")]
    AddressLine1,
    #[serde(rename = "billingProfile.defaultAddress.addressLine2")]
    AddressLine2,
    #[serde(rename = "billingProfile.defaultAddress.addressLine3")]
    AddressLine3,
    #[serde(rename = "billingProfile.defaultAddress.city")]
    City,
    #[serde(rename = "billingProfile.defaultAddress.state")]
    State,
    #[serde(rename = "billingProfile.defaultAddress.postalCode")]
    PostalCode,
    #[serde(rename = "companyProfile.organizationRegistrationNumber")]
    RegistrationNumber,
    #[serde(rename = "billingProfile.defaultAddress.firstName")]
    FirstName,
    #[serde(rename = "billingProfile.defaultAddress.lastName")]
    LastName,
    #[serde(rename = "billingProfile.email")]
    Email,
    #[serde(rename = "billingProfile.defaultAddress.phoneNumber")]
    PhoneNumber,
    #[serde(rename = "billingProfile.language")]
    Language,
    #[serde(rename = "billingProfile.culture")]
    Culture,
    #[serde(rename = "dateAgreed")]
    AgreementDate,
    #[serde(rename = "primaryContact.firstName")]
    AcceptorFirstName,
    #[serde(rename = "primaryContact.lastName")]
    AcceptorLastName,
    #[serde(rename = "primaryContact.email")]
    AcceptorEmail,
    #[serde(rename = "primaryContact.phoneNumber")]
    AcceptorPhoneNumber,
    /// A chosen offer's license count; `params.offerId` says which.
    #[serde(rename = "lineItems.quantity")]
    Quantity,
}

impl Field {
    /// Every field, in the order of the wizard.
    pub const ALL: [Field; 22] = [
        Field::Country,
        Field::CompanyName,
        Field::DomainPrefix,
        Field::AddressLine1,
        Field::AddressLine2,
        Field::AddressLine3,
        Field::City,
        Field::State,
        Field::PostalCode,
        Field::RegistrationNumber,
        Field::FirstName,
        Field::LastName,
        Field::Email,
        Field::PhoneNumber,
        Field::Language,
        Field::Culture,
        Field::AgreementDate,
        Field::AcceptorFirstName,
        Field::AcceptorLastName,
        Field::AcceptorEmail,
        Field::AcceptorPhoneNumber,
        Field::Quantity,
    ];
}

/// What is wrong; translated by each client.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    Required,
    /// `min`
    TooShort,
    /// `max`
    TooLong,
    NoLettersOrDigits,
    /// The whole name is a legal form such as "Kft." or "LLC".
    LegalFormOnly,
    LooksLikeAcronym,
    ContainsDomainName,
    RepeatedCharacter,
    SpacedCharacters,
    TestName,
    /// Letters and digits only.
    InvalidCharacters,
    /// Control, invisible or text-direction characters, which make a name
    /// look other than it is (a "Contoso" that is not).
    InvisibleCharacters,
    /// Does not match the country's pattern; `example` when one is known.
    InvalidFormat,
    InvalidEmail,
    /// `domain`: the partner's own domain.
    PartnerDomainEmail,
    /// Not one of the country's values.
    NotAllowed,
    InvalidDate,
    DateInFuture,
    /// `min`, `max`, `offerId`
    OutOfRange,
    /// `offerId`
    UnknownOffer,
}

/// An error blocks the step; a warning may be accepted by the user.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub field: Field,
    pub code: Code,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
    #[serde(default)]
    pub severity: Severity,
}

impl Issue {
    pub fn error(field: Field, code: Code) -> Self {
        Self {
            field,
            code,
            params: BTreeMap::new(),
            severity: Severity::Error,
        }
    }

    pub fn warning(field: Field, code: Code) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(field, code)
        }
    }

    pub fn with_param(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.to_owned(), value.to_string());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Whether any issue blocks.
pub fn has_errors(issues: &[Issue]) -> bool {
    issues.iter().any(Issue::is_error)
}

/// What the rules need besides the input itself.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub rules: &'a CountryValidationRules,
    /// The partner's own email domains: a customer's email must not be on them.
    pub partner_domains: &'a [String],
    pub today: Date,
    /// Which cloud the customer is created in: its initial-domain suffix.
    pub cloud: Cloud,
}

/// Text as the rules see it: NFC and trimmed.
pub fn normalize(input: &str) -> String {
    text::nfc(input).trim().to_owned()
}

fn length(field: Field, value: &str, min: usize, max: usize) -> Option<Issue> {
    let count = value.chars().count();
    if count == 0 && min > 0 {
        Some(Issue::error(field, Code::Required))
    } else if count < min {
        Some(Issue::error(field, Code::TooShort).with_param("min", min))
    } else if count > max {
        Some(Issue::error(field, Code::TooLong).with_param("max", max))
    } else {
        None
    }
}

fn required_text(field: Field, input: &str, max: usize) -> Vec<Issue> {
    length(field, &normalize(input), 1, max)
        .into_iter()
        .collect()
}

fn optional_text(field: Field, input: &str, max: usize) -> Vec<Issue> {
    length(field, &normalize(input), 0, max)
        .into_iter()
        .collect()
}

/// The normalized value, or the issues of an empty one (none when optional).
fn filled(field: Field, input: &str, required: bool) -> Result<String, Vec<Issue>> {
    let value = normalize(input);
    if !value.is_empty() {
        Ok(value)
    } else if required {
        Err(vec![Issue::error(field, Code::Required)])
    } else {
        Err(Vec::new())
    }
}

/// A value that must match the country's `pattern`, required when `required`.
fn patterned(
    field: Field,
    input: &str,
    required: bool,
    pattern: Option<&str>,
    example: Option<&str>,
) -> Vec<Issue> {
    let value = match filled(field, input, required) {
        Ok(value) => value,
        Err(issues) => return issues,
    };
    match pattern.map(|pattern| text::matches(pattern, &value)) {
        // A pattern the platform cannot read leaves the value to the API.
        Some(Ok(false)) => {
            let issue = Issue::error(field, Code::InvalidFormat);
            vec![match example {
                Some(example) => issue.with_param("example", example),
                None => issue,
            }]
        }
        _ => Vec::new(),
    }
}

/// The part before `.onmicrosoft.com`: letters and digits, at most 27.
pub fn domain_prefix(input: &str) -> Vec<Issue> {
    let field = Field::DomainPrefix;
    let prefix = input.trim();
    if prefix.is_empty() {
        vec![Issue::error(field, Code::Required)]
    } else if !prefix.chars().all(|ch| ch.is_ascii_alphanumeric()) {
        vec![Issue::error(field, Code::InvalidCharacters)]
    } else if prefix.len() > DOMAIN_PREFIX_MAX {
        vec![Issue::error(field, Code::TooLong).with_param("max", DOMAIN_PREFIX_MAX)]
    } else {
        Vec::new()
    }
}

/// The prefix of an initial domain, given with or without a cloud's suffix
/// (`.onmicrosoft.com`, `.partner.onmschina.cn`; any letter case).
pub fn prefix_of(domain: &str) -> &str {
    let domain = domain.trim();
    Cloud::ALL
        .into_iter()
        .find_map(|cloud| {
            let suffix = cloud.domain_suffix();
            let cut = domain.len().checked_sub(suffix.len())?;
            domain
                .get(cut..)
                .filter(|end| end.eq_ignore_ascii_case(suffix))
                .and_then(|_| domain.get(..cut))
        })
        .unwrap_or(domain)
}

/// The initial domain as stored and compared, in `cloud`: Partner Center
/// domains are case-insensitive.
pub fn canonical_domain(prefix: &str, cloud: Cloud) -> String {
    format!(
        "{}{}",
        prefix.trim().to_ascii_lowercase(),
        cloud.domain_suffix()
    )
}

/// `local@domain.tld`, not on the partner's own domains.
pub fn email(field: Field, input: &str, partner_domains: &[String]) -> Vec<Issue> {
    let value = normalize(input);
    if value.is_empty() {
        return vec![Issue::error(field, Code::Required)];
    }
    if value.chars().count() > EMAIL_MAX {
        return vec![Issue::error(field, Code::TooLong).with_param("max", EMAIL_MAX)];
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return vec![Issue::error(field, Code::InvalidEmail)];
    };
    let domain_ok = domain.split('.').count() >= 2
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|ch| ch.is_alphanumeric() || ch == '-')
        })
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|ch| !ch.is_whitespace() && !ch.is_control() && !"@<>()[]\\,;:\"".contains(ch));
    if !(domain_ok && local_ok) {
        return vec![Issue::error(field, Code::InvalidEmail)];
    }
    let domain = domain.to_ascii_lowercase();
    let forbidden = partner_domains
        .iter()
        .map(String::as_str)
        .chain(["microsoft.com"])
        .find(|own| {
            let own = own.trim().to_ascii_lowercase();
            !own.is_empty() && (domain == own || domain.ends_with(&format!(".{own}")))
        });
    match forbidden {
        Some(own) => vec![
            Issue::error(field, Code::PartnerDomainEmail)
                .with_param("domain", own.trim().to_ascii_lowercase()),
        ],
        None => Vec::new(),
    }
}

/// One of `allowed` (compared ignoring ASCII case), or anything when the list is empty.
fn one_of(field: Field, input: &str, required: bool, allowed: &[String]) -> Vec<Issue> {
    let value = match filled(field, input, required) {
        Ok(value) => value,
        Err(issues) => return issues,
    };
    if allowed.is_empty() || allowed.iter().any(|item| item.eq_ignore_ascii_case(&value)) {
        Vec::new()
    } else {
        vec![Issue::error(field, Code::NotAllowed)]
    }
}

pub fn state(input: &str, rules: &CountryValidationRules) -> Vec<Issue> {
    one_of(
        Field::State,
        input,
        rules.is_state_required,
        &rules.supported_states_list,
    )
}

pub fn language(input: &str, rules: &CountryValidationRules) -> Vec<Issue> {
    one_of(
        Field::Language,
        input,
        true,
        &rules.supported_languages_list,
    )
}

pub fn culture(input: &str, rules: &CountryValidationRules) -> Vec<Issue> {
    one_of(Field::Culture, input, true, &rules.supported_cultures_list)
}

pub fn city(input: &str, rules: &CountryValidationRules) -> Vec<Issue> {
    if rules.is_city_required {
        required_text(Field::City, input, ADDRESS_LINE_MAX)
    } else {
        optional_text(Field::City, input, ADDRESS_LINE_MAX)
    }
}

pub fn postal_code(input: &str, rules: &CountryValidationRules) -> Vec<Issue> {
    patterned(
        Field::PostalCode,
        input,
        rules.is_postal_code_required,
        rules.postal_code_regex.as_deref(),
        None,
    )
}

pub fn phone_number(field: Field, input: &str, rules: &CountryValidationRules) -> Vec<Issue> {
    let required = field == Field::PhoneNumber && rules.customer_organization_phone_number_required;
    patterned(
        field,
        input,
        required,
        rules.phone_number_regex.as_deref(),
        None,
    )
}

pub fn registration_number(input: &str, rules: &CountryValidationRules) -> Vec<Issue> {
    patterned(
        Field::RegistrationNumber,
        input,
        rules.customer_organization_registration_number_required,
        rules
            .customer_organization_registration_number_regex
            .as_deref(),
        rules
            .customer_organization_registration_number_sample
            .as_deref(),
    )
}

pub fn person_name(field: Field, input: &str) -> Vec<Issue> {
    if has_invisible_characters(&normalize(input)) {
        return vec![Issue::error(field, Code::InvisibleCharacters)];
    }
    required_text(field, input, PERSON_NAME_MAX)
}

/// Characters that are not seen, or that turn the direction of what follows:
/// controls, zero-width spaces and joiners, direction marks, embeddings,
/// overrides and isolates, word joiners, the soft hyphen and the byte-order mark.
fn has_invisible_characters(text: &str) -> bool {
    text.chars().any(|ch| {
        ch.is_control()
            || matches!(
                ch,
                '\u{00AD}'
                    | '\u{061C}'
                    | '\u{180E}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{FEFF}'
            )
    })
}

pub fn address_line(field: Field, input: &str) -> Vec<Issue> {
    match field {
        Field::AddressLine1 => required_text(field, input, ADDRESS_LINE_MAX),
        _ => optional_text(field, input, ADDRESS_LINE_MAX),
    }
}

/// `YYYY-MM-DD` (or an ISO date-time starting so), not after today.
pub fn agreement_date(input: &str, today: Date) -> Vec<Issue> {
    let field = Field::AgreementDate;
    let value = input.trim();
    if value.is_empty() {
        return vec![Issue::error(field, Code::Required)];
    }
    match Date::parse_iso(value) {
        None => vec![Issue::error(field, Code::InvalidDate)],
        Some(date) if date > today => vec![Issue::error(field, Code::DateInFuture)],
        Some(_) => Vec::new(),
    }
}

/// A license count within the offer's bounds.
pub fn quantity(offer: &Offer, quantity: u32) -> Vec<Issue> {
    let (min, max) = (offer.minimum_quantity.max(1), offer.maximum_quantity.max(1));
    if (min..=max).contains(&quantity) {
        Vec::new()
    } else {
        vec![
            Issue::error(Field::Quantity, Code::OutOfRange)
                .with_param("min", min)
                .with_param("max", max)
                .with_param("offerId", &offer.id),
        ]
    }
}

/// Every rule over a create-customer request: what the Account info step runs
/// in the browser and what `POST /v1/customers` runs on the server.
pub fn customer(request: &Customer, context: &Context) -> Vec<Issue> {
    let rules = context.rules;
    let profile = &request.company_profile;
    let billing = request.billing_profile.clone().unwrap_or_default();
    let address = &billing.default_address;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let prefix = prefix_of(&profile.domain);

    let mut issues = Vec::new();
    if address.country.trim().is_empty() {
        issues.push(Issue::error(Field::Country, Code::Required));
    } else if !address.country.eq_ignore_ascii_case(&rules.iso2_code) {
        issues.push(Issue::error(Field::Country, Code::NotAllowed));
    }
    issues.extend(company_name(&profile.company_name));
    issues.extend(domain_prefix(prefix));
    issues.extend(address_line(Field::AddressLine1, &address.address_line1));
    issues.extend(address_line(
        Field::AddressLine2,
        &text(&address.address_line2),
    ));
    issues.extend(address_line(
        Field::AddressLine3,
        &text(&address.address_line3),
    ));
    issues.extend(city(&text(&address.city), rules));
    issues.extend(state(&text(&address.state), rules));
    issues.extend(postal_code(&text(&address.postal_code), rules));
    issues.extend(registration_number(
        &text(&profile.organization_registration_number),
        rules,
    ));
    issues.extend(person_name(Field::FirstName, &text(&address.first_name)));
    issues.extend(person_name(Field::LastName, &text(&address.last_name)));
    issues.extend(email(Field::Email, &billing.email, context.partner_domains));
    issues.extend(phone_number(
        Field::PhoneNumber,
        &text(&address.phone_number),
        rules,
    ));
    issues.extend(language(&billing.language, rules));
    issues.extend(culture(&billing.culture, rules));
    issues
}

/// The rules over an agreement attestation (`POST …/agreements`).
pub fn agreement(request: &Agreement, context: &Context) -> Vec<Issue> {
    let contact = &request.primary_contact;
    let mut issues = agreement_date(&request.date_agreed, context.today);
    issues.extend(person_name(Field::AcceptorFirstName, &contact.first_name));
    issues.extend(person_name(Field::AcceptorLastName, &contact.last_name));
    issues.extend(email(
        Field::AcceptorEmail,
        &contact.email,
        context.partner_domains,
    ));
    issues.extend(phone_number(
        Field::AcceptorPhoneNumber,
        contact.phone_number.as_deref().unwrap_or_default(),
        context.rules,
    ));
    issues
}

#[cfg(test)]
mod tests;
