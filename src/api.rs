//! Every call to the customer API goes through here: the bearer token, the
//! JSON bodies (read case-insensitively by the shared model), tolerant fault
//! parsing, a timeout on every request, cancellation of a page's reads when
//! the user leaves it, and retries — only for calls that are safe to repeat:
//! reads, and writes that carry an `MS-RequestId` the server deduplicates.
//! A 401 ends the session: the page asks to sign in, then comes back —
//! after one refresh of the provider's token, when signed in through one;
//! a 401 that asks for multifactor authentication says so instead.

use std::cell::RefCell;

use customer_model::validation::Issue;
use customer_model::wire::{
    self, AccessToken, Address, AddressValidationResponse, Agreement, AgreementMetaData, ApiFault,
    Cart, CartCheckoutResult, Collection, CountryValidationRules, Customer, DemoInfo, FaultCode,
    MFA_REQUIRED_FAULT, Me, NOT_STAFF_FAULT, Offer, PartnerProfile, PartnerRelationship,
    PartnerType, RelationshipRequest, Role, SignIn,
};
use gloo_net::http::{Method, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use web_sys::{AbortController, AbortSignal};

use crate::browser::sleep;
use crate::config::{self, api_url};
use crate::oidc::{self, OidcError};
use crate::session::{self, Ending};
use crate::waiting;

/// Partner Center answers within seconds; past this the user is told and may retry.
const TIMEOUT_MS: u32 = 30_000;
/// The pauses before the second and third try of a repeatable call.
const RETRY_DELAYS_MS: [u32; 2] = [400, 1_500];
/// The longest `Retry-After` we wait out before telling the user.
const LONGEST_RETRY_AFTER_MS: u32 = 5_000;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API could not be reached.
    Network(String),
    /// No answer within the time limit.
    Timeout,
    /// The user left the page that asked.
    Cancelled,
    /// The API answered with an error status and, usually, a fault body.
    Fault {
        status: u16,
        fault: Option<Box<ApiFault>>,
    },
    /// The API answered with a body the contract does not allow.
    UnexpectedBody(String),
}

/// A piece of the app's own code (`split`) that could not be fetched: as
/// for the API, the connection is the likely cause.
impl From<leptos::wasm_split::SplitLoaderError> for ApiError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ApiError::Network("a part of the app could not be fetched".to_owned())
    }
}

impl ApiError {
    /// The sign-in is missing or no longer valid.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }

    /// The API wants multifactor authentication (Partner Center's 900421).
    pub fn is_mfa_required(&self) -> bool {
        self.status() == Some(401)
            && self.fault_code() == Some(FaultCode::Number(MFA_REQUIRED_FAULT))
    }

    /// Signed in, but not as a staff member of the partner.
    pub fn is_not_staff(&self) -> bool {
        self.status() == Some(403)
            && self.fault_code() == Some(FaultCode::Text(NOT_STAFF_FAULT.to_owned()))
    }

    fn fault_code(&self) -> Option<FaultCode> {
        match self {
            ApiError::Fault {
                fault: Some(fault), ..
            } => Some(fault.code.clone()),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Fault { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The server surely did not act on the request (it refused it), so a
    /// new attempt is a new operation; otherwise it may have, and a retry
    /// must repeat the same request id.
    pub fn is_refusal(&self) -> bool {
        matches!(self.status(), Some(status) if (400..500).contains(&status) && status != 408 && status != 429)
    }

    /// Worth trying again as it was.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) | ApiError::Timeout => true,
            ApiError::Fault { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            ApiError::Cancelled | ApiError::UnexpectedBody(_) => false,
        }
    }

    /// The field-level issues of a 400, in the shared validation codes; items
    /// this client does not know are skipped (the fault text still shows).
    pub fn issues(&self) -> Vec<Issue> {
        match self {
            ApiError::Fault {
                fault: Some(fault), ..
            } => fault
                .data
                .iter()
                .filter_map(|item| serde_json::from_value(item.clone()).ok())
                .collect(),
            _ => Vec::new(),
        }
    }
}

thread_local! {
    /// Aborts the reads of one page (by its path); replaced when the path changes.
    static PAGE: RefCell<Option<(String, AbortController)>> = const { RefCell::new(None) };
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default()
}

/// The abort signal of the page on screen; reads of a page left behind are
/// aborted first. Keyed by path, so a new page's reads never share the fate
/// of the old one's, whichever runs first.
fn page_signal() -> Option<AbortSignal> {
    let path = current_path();
    PAGE.with(|page| {
        let mut page = page.borrow_mut();
        match page.as_ref() {
            Some((owner, _)) if *owner == path => {}
            _ => {
                if let Some((_, stale)) = page.take() {
                    stale.abort();
                }
                *page = AbortController::new()
                    .ok()
                    .map(|controller| (path, controller));
            }
        }
        page.as_ref().map(|(_, controller)| controller.signal())
    })
}

/// Cancels the reads of pages the user has left: called when the route changes.
pub fn cancel_requests_of_left_pages() {
    let path = current_path();
    PAGE.with(|page| {
        let mut page = page.borrow_mut();
        if page.as_ref().is_some_and(|(owner, _)| *owner != path)
            && let Some((_, stale)) = page.take()
        {
            stale.abort();
        }
    });
}

/// The idempotency and tracing ids of one write (product.md §4).
#[derive(Debug, Clone, Default)]
pub struct Ids {
    /// Generated once per operation and repeated on every retry of it.
    pub request_id: String,
    /// One per wizard run.
    pub correlation_id: String,
}

/// One request, as it is sent on every try.
struct Call {
    method: Method,
    path: String,
    body: Option<String>,
    ids: Option<Ids>,
    headers: Vec<(&'static str, String)>,
    /// A read of the page on screen: abandoned when the user leaves it.
    page_bound: bool,
    /// Sending it twice does no harm, so a transient failure is retried.
    repeatable: bool,
    /// Sent with the session's token, so a 401 means the session is over.
    signed: bool,
}

impl Call {
    fn get(path: impl Into<String>) -> Call {
        Call {
            method: Method::GET,
            path: path.into(),
            body: None,
            ids: None,
            headers: Vec::new(),
            page_bound: true,
            repeatable: true,
            signed: true,
        }
    }

    fn head(path: impl Into<String>) -> Call {
        Call {
            method: Method::HEAD,
            ..Call::get(path)
        }
    }

    fn post(path: impl Into<String>, body: &impl Serialize) -> Result<Call, ApiError> {
        let body = serde_json::to_string(body)
            .map_err(|error| ApiError::UnexpectedBody(error.to_string()))?;
        Ok(Call {
            method: Method::POST,
            body: Some(body),
            repeatable: false,
            ..Call::get(path)
        })
    }

    /// A write of the submit sequence: the server deduplicates it by its
    /// request id, so it may be repeated; it goes on when the user navigates.
    fn with_ids(self, ids: &Ids) -> Call {
        Call {
            ids: Some(ids.clone()),
            page_bound: false,
            repeatable: true,
            ..self
        }
    }

    async fn send_once(&self, token: Option<&str>) -> Result<Response, ApiError> {
        let timeout = AbortSignal::timeout_with_u32(TIMEOUT_MS);
        let page = if self.page_bound { page_signal() } else { None };
        let signals = js_sys::Array::of1(&timeout);
        if let Some(page) = &page {
            signals.push(page);
        }
        let signal = AbortSignal::any(&signals);
        let mut request = RequestBuilder::new(&api_url(&self.path))
            .method(self.method.clone())
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        if let Some(token) = token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        request = request.header("X-Locale", crate::locale::current_untracked().culture());
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        if let Some(ids) = &self.ids {
            request = request
                .header("MS-RequestId", &ids.request_id)
                .header("MS-CorrelationId", &ids.correlation_id);
        }
        let request = match &self.body {
            Some(body) => request
                .header("Content-Type", "application/json")
                .body(body.clone()),
            None => request.build(),
        }
        .map_err(|error| ApiError::UnexpectedBody(error.to_string()))?;
        request.send().await.map_err(|error| {
            if page.as_ref().is_some_and(AbortSignal::aborted) {
                ApiError::Cancelled
            } else if timeout.aborted() {
                ApiError::Timeout
            } else {
                ApiError::Network(error.to_string())
            }
        })
    }

    /// The bearer token for the next try: the provider's (refreshed when it
    /// is about to expire), or the password sign-in's.
    async fn token(&self) -> Result<Option<String>, ApiError> {
        if !self.signed {
            return Ok(None);
        }
        if config::oidc().is_none() {
            return Ok(session::stored_token());
        }
        oidc::access_token()
            .await
            .map(Some)
            .map_err(|error| match error {
                // Not signed in (any more): as the API would answer.
                OidcError::NotConfigured => ApiError::Fault {
                    status: 401,
                    fault: None,
                },
                OidcError::Redirecting => ApiError::Cancelled,
                OidcError::Unreachable(reason) | OidcError::Unsupported(reason) => {
                    ApiError::Network(reason)
                }
                other => ApiError::Network(other.detail()),
            })
    }

    /// Sends, and for a repeatable call tries again after a transient failure,
    /// waiting as long as a 429's `Retry-After` says when it says so. A 401
    /// with a provider's token is tried once more after a refresh.
    async fn send(&self) -> Result<Response, ApiError> {
        let mut delays = RETRY_DELAYS_MS.iter();
        let mut refreshed = false;
        let mut token = self.token().await?;
        loop {
            let (error, retry_after) = match self.send_once(token.as_deref()).await {
                // An answer, not a failure: HEAD /v1/domains says "available" with it.
                Ok(response) if response.ok() || response.status() == 404 => return Ok(response),
                Ok(response) => {
                    let retry_after = retry_after_ms(&response);
                    let step_up = asks_for_mfa(&response);
                    let error = fault_of(response).await;
                    if self.signed && error.is_unauthorized() {
                        if step_up || error.is_mfa_required() {
                            session::ended(Ending::MfaRequired);
                            return Err(error);
                        }
                        if let (Some(refused), false) = (&token, refreshed)
                            && config::oidc().is_some()
                        {
                            refreshed = true;
                            match oidc::refresh_unless_newer(refused).await {
                                Ok(renewed) => {
                                    token = Some(renewed);
                                    continue;
                                }
                                Err(OidcError::Redirecting) => return Err(ApiError::Cancelled),
                                Err(_) => {}
                            }
                        }
                        // Every page then asks to sign in, and comes back.
                        session::expired();
                    }
                    (error, retry_after)
                }
                Err(error) => (error, None),
            };
            match (delays.next(), retry_after) {
                _ if !(self.repeatable && error.is_transient()) => return Err(error),
                (None, _) => return Err(error),
                (Some(_), Some(wait)) if wait > LONGEST_RETRY_AFTER_MS => return Err(error),
                // The server said how long: the header counts it down.
                (Some(_), Some(wait)) => waiting::wait_out(wait).await,
                (Some(delay), None) => sleep(*delay).await,
            }
            token = self.token().await?;
        }
    }

    async fn json<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        let response = self.send().await?;
        if !response.ok() {
            return Err(fault_of(response).await);
        }
        let body = response
            .text()
            .await
            .map_err(|error| ApiError::Network(error.to_string()))?;
        wire::from_json(&body).map_err(|error| ApiError::UnexpectedBody(error.to_string()))
    }
}

fn retry_after_ms(response: &Response) -> Option<u32> {
    let seconds: u32 = response.headers().get("Retry-After")?.trim().parse().ok()?;
    Some(seconds.saturating_mul(1_000))
}

/// RFC 9470's step-up challenge: `WWW-Authenticate: Bearer
/// error="insufficient_user_authentication"`.
fn asks_for_mfa(response: &Response) -> bool {
    response
        .headers()
        .get("WWW-Authenticate")
        .is_some_and(|challenge| challenge.contains("insufficient_user_authentication"))
}

async fn fault_of(response: Response) -> ApiError {
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    ApiError::Fault {
        status,
        fault: wire::from_json::<ApiFault>(&body).ok().map(Box::new),
    }
}

fn segment(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

/// A fresh random id for `MS-RequestId` and `MS-CorrelationId`.
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|window| window.crypto().ok())
        .map(|crypto| crypto.random_uuid())
        .unwrap_or_else(|| {
            format!(
                "{:x}",
                js_sys::Date::now() as u64 ^ js_sys::Math::random().to_bits()
            )
        })
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

/// A page of customers, read as `T` (all of a [`Customer`], or only what a
/// page shows): the first of a search, or the one after `continuation`.
pub async fn list_customers<T: DeserializeOwned>(
    search: Option<(SearchField, String)>,
    continuation: Option<String>,
) -> Result<Collection<T>, ApiError> {
    match continuation {
        Some(token) => {
            let mut call = Call::get(format!(
                "/v1/customers?size={CUSTOMERS_PER_PAGE}&seekOperation=Next"
            ));
            call.headers.push(("MS-ContinuationToken", token));
            call.json().await
        }
        None => {
            let filter = search.map(|(field, value)| {
                let filter = serde_json::json!({
                    "Field": field.as_str(), "Value": value, "Operator": "starts_with"
                });
                format!("&filter={}", segment(&filter.to_string()))
            });
            let path = format!(
                "/v1/customers?size={CUSTOMERS_PER_PAGE}{}",
                filter.unwrap_or_default()
            );
            Call::get(path).json().await
        }
    }
}

/// Who is signed in, with their roles and partner. An API without `/v1/me`
/// (Partner Center has none) answers 404: then the name comes from the
/// provider's ID token, the roles from its configured role claim (or, without
/// one, are left to the API to enforce), and the partner is an indirect
/// provider when it has indirect resellers: those come with the answer, so
/// that nobody asks for them again.
pub async fn me() -> Result<(Me, Option<Vec<PartnerRelationship>>), ApiError> {
    match Call::get("/v1/me").json().await {
        Err(error) if error.status() == Some(404) => match oidc::identity() {
            Some(identity) => Ok(me_without_the_extension(identity).await),
            None => Err(error),
        },
        answer => answer.map(|me| (me, None)),
    }
}

async fn me_without_the_extension(
    identity: oidc::Identity,
) -> (Me, Option<Vec<PartnerRelationship>>) {
    let resellers = resellers().await.ok().map(|list| list.items);
    let has_resellers = resellers.as_ref().is_some_and(|list| !list.is_empty());
    let roles = identity.roles.map(|values| {
        let map = config::oidc()
            .map(|settings| settings.role_map)
            .unwrap_or_default();
        values
            .iter()
            .filter_map(|value| {
                let mapped = map.iter().find(|(from, _)| from == value).map(|(_, to)| to);
                Role::parse(mapped.unwrap_or(value))
            })
            .collect::<Vec<_>>()
    });
    let me = Me {
        user_name: identity.name,
        roles_unknown: roles.is_none(),
        roles: roles.unwrap_or_default(),
        partner: PartnerProfile {
            partner_type: if has_resellers {
                PartnerType::IndirectProvider
            } else {
                PartnerType::DirectBill
            },
            ..PartnerProfile::default()
        },
        ..Me::default()
    };
    (me, resellers)
}

/// The demo accounts, when the server runs in demo mode (404 otherwise).
pub async fn demo_info() -> Result<DemoInfo, ApiError> {
    Call::get("/v1/demo").json().await
}

/// Signing in is not repeatable: a wrong password must not be tried twice.
pub async fn sign_in(user_name: String, password: String) -> Result<AccessToken, ApiError> {
    let call = Call::post(
        "/v1/auth/token",
        &SignIn {
            user_name,
            password,
        },
    )?;
    Call {
        signed: false,
        ..call
    }
    .json()
    .await
}

/// Ends the session on the server; the caller forgets the token either way.
pub async fn sign_out() {
    let call = Call {
        method: Method::DELETE,
        page_bound: false,
        ..Call::get("/v1/auth/token")
    };
    let _ = call.send_once(session::stored_token().as_deref()).await;
}

pub async fn country_rules(country: &str) -> Result<CountryValidationRules, ApiError> {
    Call::get(format!("/v1/countryvalidationrules/{}", segment(country)))
        .json()
        .await
}

/// Whether a tenant already uses the domain (`200`), or it is free (`404`).
pub async fn domain_taken(domain: &str) -> Result<bool, ApiError> {
    let response = Call::head(format!("/v1/domains/{}", segment(domain)))
        .send()
        .await?;
    match response.status() {
        200 => Ok(true),
        404 => Ok(false),
        _ => Err(fault_of(response).await),
    }
}

/// Address validation has no effect on the server, so it is repeatable.
pub async fn validate_address(address: &Address) -> Result<AddressValidationResponse, ApiError> {
    let mut call = Call::post("/v1/validations/address", address)?;
    call.repeatable = true;
    call.json().await
}

pub async fn offers(country: &str) -> Result<Collection<Offer>, ApiError> {
    Call::get(format!("/v1/offers?country={}", segment(country)))
        .json()
        .await
}

pub async fn resellers() -> Result<Collection<PartnerRelationship>, ApiError> {
    Call::get("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf")
        .json()
        .await
}

pub async fn relationship_request(
    reseller_id: Option<String>,
) -> Result<RelationshipRequest, ApiError> {
    let path = match reseller_id {
        Some(id) => format!(
            "/v1/customers/relationshiprequests?indirectResellerId={}",
            segment(&id)
        ),
        None => "/v1/customers/relationshiprequests".to_owned(),
    };
    Call::get(path).json().await
}

pub async fn agreement_templates() -> Result<Collection<AgreementMetaData>, ApiError> {
    let mut call = Call::get("/v1/agreements?agreementType=MicrosoftCustomerAgreement");
    call.page_bound = false;
    call.json().await
}

/// The new customer and its id.
pub async fn create_customer(
    customer: &Customer,
    ids: &Ids,
) -> Result<(String, Customer), ApiError> {
    let created: Customer = Call::post("/v1/customers", customer)?
        .with_ids(ids)
        .json()
        .await?;
    Ok((id_of(created.id.as_deref(), "customer")?, created))
}

/// A created resource's id: a success without one is an answer this app
/// does not understand, not a resource with an empty id.
fn id_of(id: Option<&str>, what: &str) -> Result<String, ApiError> {
    id.map(str::trim)
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| ApiError::UnexpectedBody(format!("the new {what} has no id")))
}

pub async fn record_agreement(
    customer_id: &str,
    agreement: &Agreement,
    ids: &Ids,
) -> Result<Agreement, ApiError> {
    let path = format!("/v1/customers/{}/agreements", segment(customer_id));
    Call::post(path, agreement)?.with_ids(ids).json().await
}

/// The new cart's id.
pub async fn create_cart(customer_id: &str, cart: &Cart, ids: &Ids) -> Result<String, ApiError> {
    let path = format!("/v1/customers/{}/carts", segment(customer_id));
    let created: Cart = Call::post(path, cart)?.with_ids(ids).json().await?;
    id_of(created.id.as_deref(), "cart")
}

pub async fn checkout(
    customer_id: &str,
    cart_id: &str,
    ids: &Ids,
) -> Result<CartCheckoutResult, ApiError> {
    let path = format!(
        "/v1/customers/{}/carts/{}/checkout",
        segment(customer_id),
        segment(cart_id)
    );
    let call = Call {
        method: Method::POST,
        ..Call::get(path)
    };
    call.with_ids(ids).json().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_resource_without_an_id_is_an_unexpected_answer() {
        assert_eq!(
            id_of(Some(" c-1 "), "customer").ok().as_deref(),
            Some("c-1")
        );
        for missing in [None, Some(""), Some("  ")] {
            assert!(matches!(
                id_of(missing, "cart"),
                Err(ApiError::UnexpectedBody(reason)) if reason == "the new cart has no id"
            ));
        }
    }
}
