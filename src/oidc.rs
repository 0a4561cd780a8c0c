//! Signing in through an OpenID Connect provider (Entra ID, Okta, Keycloak…)
//! as a public client: the authorization code flow with PKCE (S256), `state`
//! and `nonce` checked on return, tokens in this tab's `sessionStorage` under
//! this deployment's keys, refreshed shortly before they expire — one refresh
//! at a time, the rotated refresh token always kept — and sign-out through
//! the provider's end-session endpoint.
//!
//! The access token belongs to the API and is never parsed here (Entra's may
//! be opaque). The ID token comes straight from the token endpoint over TLS,
//! so its claims are checked (issuer, audience, expiry, nonce) without its
//! signature (OpenID Connect Core §3.1.3.7), for the name the app shows.

use std::cell::{Cell, RefCell};
use std::pin::Pin;

use customer_model::wire;
use gloo_net::http::{Request, Response};
use leptos::wasm_split::SplitLoaderError;
use serde_json::{Value, json};
use web_sys::{RequestCache, UrlSearchParams};

use crate::browser::{self, base64url, from_base64url, now_ms, random_bytes, sleep};
use crate::config::{self, OidcConfig};
use crate::router;

/// A sign-in that went to the provider and has not come back yet.
const PENDING_KEY: &str = "oidc.pending";
const TOKENS_KEY: &str = "oidc.tokens";
/// A callback for a sign-in older than this is stale.
const PENDING_LIFETIME_MS: f64 = 10.0 * 60.0 * 1000.0;
/// An access token with less left than this is refreshed before use.
const REFRESH_MARGIN_MS: f64 = 60_000.0;
/// Clock skew tolerated on the ID token's expiry.
const ID_TOKEN_LEEWAY_MS: f64 = 5.0 * 60.0 * 1000.0;

/// Why signing in or keeping the session failed; each has its own message.
#[derive(Debug, Clone, PartialEq)]
pub enum OidcError {
    /// The provider said no (`error` in the callback or at the token
    /// endpoint): `access_denied`, `interaction_required`, …
    Provider {
        error: String,
        description: Option<String>,
    },
    /// A callback this tab did not ask for, or one it already used: a
    /// forged or replayed response.
    UnexpectedCallback,
    /// A callback for a sign-in started too long ago.
    Stale,
    /// The ID token is not for this app, from this provider, current, or
    /// this sign-in; the reason is for the console.
    BadIdToken(String),
    /// The provider could not be reached or answered nonsense.
    Unreachable(String),
    /// The browser lacks what the flow needs (Web Crypto, storage).
    Unsupported(String),
    /// Sign-in is not configured for a provider.
    NotConfigured,
    /// The browser is on its way to the provider.
    Redirecting,
}

impl OidcError {
    /// What went wrong, for the console.
    pub fn detail(&self) -> String {
        match self {
            OidcError::Provider { error, description } => {
                format!("{error} {}", description.as_deref().unwrap_or_default())
            }
            OidcError::BadIdToken(reason)
            | OidcError::Unreachable(reason)
            | OidcError::Unsupported(reason) => reason.clone(),
            OidcError::UnexpectedCallback => "a callback this tab did not ask for".to_owned(),
            OidcError::Stale => "a callback older than 10 minutes".to_owned(),
            OidcError::NotConfigured => "not signed in through a provider".to_owned(),
            OidcError::Redirecting => "on the way to the provider".to_owned(),
        }
    }
}

/// A failed callback, and where the user was going.
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackFailure {
    pub error: OidcError,
    pub return_to: String,
}

// The JSON here is read and written through `serde_json::Value`, which the
// app has anyway: derived (de)serializers would add their code to every
// user's first load.

/// A text property of a JSON object.
fn text(value: &Value, name: &str) -> Option<String> {
    value.get(name)?.as_str().map(str::to_owned)
}

/// What the provider's discovery document says (or `auth.endpoints`).
#[derive(Debug, Clone)]
struct ProviderEndpoints {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    end_session_endpoint: Option<String>,
}

impl ProviderEndpoints {
    fn from_json(value: &Value) -> Option<ProviderEndpoints> {
        Some(ProviderEndpoints {
            issuer: text(value, "issuer")?,
            authorization_endpoint: text(value, "authorization_endpoint")?,
            token_endpoint: text(value, "token_endpoint")?,
            end_session_endpoint: text(value, "end_session_endpoint"),
        })
    }
}

#[derive(Debug, Clone)]
struct Pending {
    state: String,
    nonce: String,
    verifier: String,
    return_to: String,
    started_at: f64,
}

impl Pending {
    fn to_json(&self) -> Value {
        json!({
            "state": self.state, "nonce": self.nonce, "verifier": self.verifier,
            "return_to": self.return_to, "started_at": self.started_at,
        })
    }

    fn from_json(value: &Value) -> Option<Pending> {
        Some(Pending {
            state: text(value, "state")?,
            nonce: text(value, "nonce")?,
            verifier: text(value, "verifier")?,
            return_to: text(value, "return_to")?,
            started_at: value.get("started_at")?.as_f64()?,
        })
    }
}

/// The signed-in user's tokens, as kept in `sessionStorage`.
#[derive(Debug, Clone)]
struct Tokens {
    access_token: String,
    /// Milliseconds since the epoch, from the token answer's `expires_in`.
    expires_at: f64,
    refresh_token: Option<String>,
    /// For `id_token_hint` at sign-out.
    id_token: String,
    name: String,
    /// The configured role claim's values, if the ID token has it.
    roles: Option<Vec<String>>,
}

impl Tokens {
    fn to_json(&self) -> Value {
        json!({
            "access_token": self.access_token, "expires_at": self.expires_at,
            "refresh_token": self.refresh_token, "id_token": self.id_token,
            "name": self.name, "roles": self.roles,
        })
    }

    fn from_json(value: &Value) -> Option<Tokens> {
        Some(Tokens {
            access_token: text(value, "access_token")?,
            expires_at: value.get("expires_at")?.as_f64()?,
            refresh_token: text(value, "refresh_token"),
            id_token: text(value, "id_token")?,
            name: text(value, "name").unwrap_or_default(),
            roles: value.get("roles").and_then(Value::as_array).map(|roles| {
                roles
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            }),
        })
    }
}

/// Who signed in, from the ID token.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub name: String,
    /// The values of the configured role claim; `None` without one.
    pub roles: Option<Vec<String>>,
}

/// A token endpoint's success.
struct TokenAnswer {
    access_token: String,
    expires_in: Option<f64>,
    refresh_token: Option<String>,
    id_token: Option<String>,
}

thread_local! {
    static ENDPOINTS: RefCell<Option<ProviderEndpoints>> = const { RefCell::new(None) };
    /// A refresh is under way: other calls wait for its tokens.
    static REFRESHING: Cell<bool> = const { Cell::new(false) };
}

fn read(name: &str) -> Option<Value> {
    wire::parse(&browser::session_item(&config::storage_key(name))?).ok()
}

fn write(name: &str, value: Option<Value>) {
    let text = value.map(|value| value.to_string());
    browser::set_session_item(&config::storage_key(name), text.as_deref());
}

fn stored_tokens() -> Option<Tokens> {
    Tokens::from_json(&read(TOKENS_KEY)?)
}

fn settings() -> Result<OidcConfig, OidcError> {
    config::oidc().ok_or(OidcError::NotConfigured)
}

async fn get_json(url: &str) -> Result<Value, OidcError> {
    let unreachable = |error: String| OidcError::Unreachable(format!("{url}: {error}"));
    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|error| unreachable(error.to_string()))?;
    if !response.ok() {
        return Err(unreachable(format!("HTTP {}", response.status())));
    }
    let body = response
        .text()
        .await
        .map_err(|error| unreachable(error.to_string()))?;
    wire::parse(&body).map_err(|error| unreachable(error.to_string()))
}

/// The provider's endpoints, from `auth.endpoints` or, once per page load,
/// its discovery document.
async fn endpoints(settings: &OidcConfig) -> Result<ProviderEndpoints, OidcError> {
    if let Some(endpoints) = &settings.endpoints {
        return Ok(ProviderEndpoints {
            issuer: endpoints.issuer.clone(),
            authorization_endpoint: endpoints.authorization.clone(),
            token_endpoint: endpoints.token.clone(),
            end_session_endpoint: endpoints.end_session.clone(),
        });
    }
    if let Some(known) = ENDPOINTS.with(|known| known.borrow().clone()) {
        return Ok(known);
    }
    let url = format!(
        "{}/.well-known/openid-configuration",
        settings.authority.trim_end_matches('/')
    );
    let discovered = ProviderEndpoints::from_json(&get_json(&url).await?)
        .ok_or_else(|| OidcError::Unreachable(format!("{url}: not a discovery document")))?;
    ENDPOINTS.with(|known| *known.borrow_mut() = Some(discovered.clone()));
    Ok(discovered)
}

fn random_text() -> Result<String, OidcError> {
    random_bytes::<32>()
        .map(|bytes| base64url(&bytes))
        .ok_or_else(|| OidcError::Unsupported("crypto.getRandomValues".to_owned()))
}

/// `base64url(SHA-256(verifier))`, PKCE's S256 challenge (RFC 7636 §4.2).
async fn challenge_of(verifier: &str) -> Result<String, OidcError> {
    let unsupported = || OidcError::Unsupported("crypto.subtle.digest".to_owned());
    let subtle = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .ok_or_else(unsupported)?
        .subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", verifier.as_bytes())
        .map_err(|_| unsupported())?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| unsupported())?;
    Ok(base64url(&js_sys::Uint8Array::new(&digest).to_vec()))
}

/// A URL with these query parameters added.
fn with_query(base: &str, params: &[(&str, &str)]) -> Result<String, OidcError> {
    let url = web_sys::Url::new(base)
        .map_err(|_| OidcError::Unreachable(format!("{base} is not a URL")))?;
    let query = url.search_params();
    for (name, value) in params {
        query.append(name, value);
    }
    Ok(url.href())
}

fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// How the provider is asked to treat the user at sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Its usual way: no prompt at all while its session lasts.
    Usual,
    /// Ask for the credentials again (`prompt=login`), e.g. to step up to MFA.
    Login,
}

/// Sends the browser to the provider to sign in, to come back to the app's
/// page `return_to`.
pub async fn begin_sign_in(return_to: &str, prompt: Prompt) -> Result<(), OidcError> {
    let settings = settings()?;
    let endpoints = endpoints(&settings).await?;
    let pending = Pending {
        state: random_text()?,
        nonce: random_text()?,
        verifier: random_text()?,
        return_to: config::safe_return(Some(return_to.to_owned())),
        started_at: now_ms(),
    };
    let challenge = challenge_of(&pending.verifier).await?;
    let redirect_uri = config::absolute_href(&settings.redirect_path);
    let scope = settings.scopes.join(" ");
    let mut params: Vec<(&str, &str)> = settings
        .extra_authorize_params
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .filter(|(name, _)| !(prompt == Prompt::Login && *name == "prompt"))
        .collect();
    params.extend([
        ("response_type", "code"),
        ("client_id", settings.client_id.as_str()),
        ("redirect_uri", redirect_uri.as_str()),
        ("scope", scope.as_str()),
        ("state", pending.state.as_str()),
        ("nonce", pending.nonce.as_str()),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ]);
    if prompt == Prompt::Login {
        params.push(("prompt", "login"));
    }
    let url = with_query(&endpoints.authorization_endpoint, &params)?;
    write(PENDING_KEY, Some(pending.to_json()));
    go_to(&url);
    Ok(())
}

/// Whether `route` (the app's own path) is the provider's way back.
pub fn is_callback(route: &str) -> bool {
    config::oidc().is_some_and(|settings| settings.redirect_path == route)
}

/// Finishes a sign-in on the callback page: takes `code` out of the address
/// bar and history at once, checks `state` (and `iss` when the provider sends
/// it, RFC 9207) against this tab's pending sign-in — which is used up, so a
/// replay finds none — redeems the code with the PKCE verifier, and checks
/// the ID token. Where the user was going, or why not.
pub async fn complete_callback() -> Result<(String, Identity), CallbackFailure> {
    let fail = |error: OidcError, return_to: &str| CallbackFailure {
        error,
        return_to: return_to.to_owned(),
    };
    let location = web_sys::window().map(|window| window.location());
    let search = location
        .as_ref()
        .and_then(|location| location.search().ok())
        .unwrap_or_default();
    let pathname = location
        .as_ref()
        .and_then(|location| location.pathname().ok())
        .unwrap_or_default();
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&pathname));
    }
    let query = UrlSearchParams::new_with_str(&search)
        .map_err(|_| fail(OidcError::UnexpectedCallback, "/customers"))?;
    let pending = read(PENDING_KEY).and_then(|value| Pending::from_json(&value));
    write(PENDING_KEY, None);
    let return_to = pending
        .as_ref()
        .map_or_else(|| "/customers".to_owned(), |p| p.return_to.clone());
    let fail = |error: OidcError| fail(error, &return_to);
    let Some(pending) = pending else {
        return Err(fail(OidcError::UnexpectedCallback));
    };
    if query.get("state").as_deref() != Some(pending.state.as_str()) {
        return Err(fail(OidcError::UnexpectedCallback));
    }
    if now_ms() - pending.started_at > PENDING_LIFETIME_MS {
        return Err(fail(OidcError::Stale));
    }
    if let Some(error) = query.get("error") {
        return Err(fail(OidcError::Provider {
            error,
            description: query.get("error_description"),
        }));
    }
    let settings = settings().map_err(fail)?;
    let endpoints = endpoints(&settings).await.map_err(fail)?;
    if query
        .get("iss")
        .is_some_and(|issuer| issuer != endpoints.issuer)
    {
        return Err(fail(OidcError::UnexpectedCallback));
    }
    let Some(code) = query.get("code") else {
        return Err(fail(OidcError::UnexpectedCallback));
    };
    let redirect_uri = config::absolute_href(&settings.redirect_path);
    let answer = redeem(
        &endpoints.token_endpoint,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", &redirect_uri),
            ("client_id", &settings.client_id),
            ("code_verifier", &pending.verifier),
        ],
    )
    .await
    .map_err(fail)?;
    let id_token = answer.id_token.clone().ok_or_else(|| {
        fail(OidcError::BadIdToken(
            "no id_token in the answer".to_owned(),
        ))
    })?;
    let claims = id_token_claims(
        &id_token,
        &endpoints.issuer,
        &settings.client_id,
        &pending.nonce,
    )
    .map_err(|reason| fail(OidcError::BadIdToken(reason)))?;
    let tokens = Tokens {
        access_token: answer.access_token,
        expires_at: expiry(answer.expires_in),
        refresh_token: answer.refresh_token,
        id_token,
        name: display_name(&claims),
        roles: role_values(&claims, settings.role_claim.as_deref()),
    };
    write(TOKENS_KEY, Some(tokens.to_json()));
    Ok((pending.return_to, identity_of(&tokens)))
}

fn expiry(expires_in: Option<f64>) -> f64 {
    // Without `expires_in` (it is recommended, not required) an hour, as Entra gives.
    now_ms() + expires_in.unwrap_or(3600.0) * 1000.0
}

/// Posts a form to the token endpoint; no custom headers, so the browser
/// sends it without a preflight.
async fn redeem(url: &str, form: &[(&str, &str)]) -> Result<TokenAnswer, OidcError> {
    let unreachable = |error: String| OidcError::Unreachable(format!("{url}: {error}"));
    let body = UrlSearchParams::new().map_err(|_| unreachable("no URLSearchParams".to_owned()))?;
    for (name, value) in form {
        body.append(name, value);
    }
    let response: Response = Request::post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(String::from(body.to_string()))
        .map_err(|error| unreachable(error.to_string()))?
        .send()
        .await
        .map_err(|error| unreachable(error.to_string()))?;
    let body = response
        .text()
        .await
        .map_err(|error| unreachable(error.to_string()))?;
    let answer = wire::parse(&body).unwrap_or_default();
    if !response.ok() {
        return Err(match text(&answer, "error") {
            Some(error) => OidcError::Provider {
                error,
                description: text(&answer, "error_description"),
            },
            None => unreachable(format!("HTTP {}", response.status())),
        });
    }
    Ok(TokenAnswer {
        access_token: text(&answer, "access_token")
            .ok_or_else(|| unreachable("no access_token in the answer".to_owned()))?,
        expires_in: answer.get("expires_in").and_then(Value::as_f64),
        refresh_token: text(&answer, "refresh_token"),
        id_token: text(&answer, "id_token"),
    })
}

/// The ID token's claims, if it is from `issuer`, for `client_id`, current,
/// and for the sign-in that sent `nonce`; otherwise why not.
fn id_token_claims(
    id_token: &str,
    issuer: &str,
    client_id: &str,
    nonce: &str,
) -> Result<Value, String> {
    let payload = id_token
        .split('.')
        .nth(1)
        .and_then(from_base64url)
        .ok_or("the ID token is not a JWT")?;
    let claims: Value = String::from_utf8(payload)
        .ok()
        .and_then(|text| wire::parse(&text).ok())
        .ok_or("the ID token's claims are not JSON")?;
    let claim = |name: &str| claims.get(name).and_then(Value::as_str);
    if claim("iss") != Some(issuer) {
        return Err(format!("iss {:?} is not {issuer:?}", claim("iss")));
    }
    let audience_ok = match claims.get("aud") {
        Some(Value::String(audience)) => audience == client_id,
        Some(Value::Array(audiences)) => audiences.iter().any(|a| a.as_str() == Some(client_id)),
        _ => false,
    };
    if !audience_ok {
        return Err(format!("aud is not {client_id:?}"));
    }
    let expires = claims.get("exp").and_then(Value::as_f64).unwrap_or(0.0) * 1000.0;
    if expires + ID_TOKEN_LEEWAY_MS < now_ms() {
        return Err("the ID token has expired".to_owned());
    }
    if claim("nonce") != Some(nonce) {
        return Err("the nonce is not this sign-in's".to_owned());
    }
    Ok(claims)
}

fn display_name(claims: &Value) -> String {
    ["name", "preferred_username", "email", "sub"]
        .iter()
        .find_map(|name| claims.get(*name).and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned()
}

fn role_values(claims: &Value, claim: Option<&str>) -> Option<Vec<String>> {
    match claims.get(claim?)? {
        Value::String(value) => Some(vec![value.clone()]),
        Value::Array(values) => Some(
            values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        ),
        _ => None,
    }
}

fn identity_of(tokens: &Tokens) -> Identity {
    Identity {
        name: tokens.name.clone(),
        roles: tokens.roles.clone(),
    }
}

/// Who is signed in, if anyone is in this tab.
pub fn identity() -> Option<Identity> {
    stored_tokens().map(|tokens| identity_of(&tokens))
}

/// The access token for the next call, refreshed first when it is about to
/// expire. A refresh the provider refuses sends the browser to sign in again,
/// back to the page on screen (the wizard's draft is in this tab's storage).
pub async fn access_token() -> Result<String, OidcError> {
    while REFRESHING.get() {
        sleep(50).await;
    }
    let tokens = stored_tokens().ok_or(OidcError::NotConfigured)?;
    if tokens.expires_at - now_ms() > REFRESH_MARGIN_MS {
        return Ok(tokens.access_token);
    }
    refresh_unless_newer(&tokens.access_token).await
}

/// After the API refused `refused`: a new access token, by refreshing unless
/// another call already did.
pub async fn refresh_unless_newer(refused: &str) -> Result<String, OidcError> {
    while REFRESHING.get() {
        sleep(50).await;
    }
    let tokens = stored_tokens().ok_or(OidcError::NotConfigured)?;
    if tokens.access_token != refused {
        return Ok(tokens.access_token);
    }
    REFRESHING.set(true);
    let refreshed = renewal(tokens).await;
    REFRESHING.set(false);
    refreshed
}

/// Refreshes `tokens`; a refresh the provider refuses sends the browser to
/// sign in again. Only a token about to expire needs this, so the `split`
/// build fetches its code (the provider's endpoints, the token request,
/// signing in) then, not with the first load; a file that cannot be fetched
/// is a provider that cannot be reached.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        oidc_renewal,
        fallible,
        wasm_split_path = ::leptos::wasm_split,
        return_wrapper(let renewal = _; { renewal.await } -> Result<String, OidcError>)
    )
)]
fn renewal(tokens: Tokens) -> Pin<Box<dyn Future<Output = Result<String, OidcError>>>> {
    Box::pin(async move {
        match refresh(tokens).await {
            Err(OidcError::Provider { .. }) | Err(OidcError::NotConfigured) => {
                write(TOKENS_KEY, None);
                begin_sign_in(&router::here(), Prompt::Usual).await?;
                Err(OidcError::Redirecting)
            }
            other => other,
        }
    })
}

impl From<SplitLoaderError> for OidcError {
    fn from(_: SplitLoaderError) -> Self {
        OidcError::Unreachable(
            "the app's code for renewing the sign-in could not be fetched".to_owned(),
        )
    }
}

async fn refresh(tokens: Tokens) -> Result<String, OidcError> {
    let settings = settings()?;
    let refresh_token = tokens
        .refresh_token
        .clone()
        .ok_or(OidcError::NotConfigured)?;
    let endpoints = endpoints(&settings).await?;
    // `offline_access` is for the first grant; asked for again on refresh,
    // some providers refuse the whole request.
    let scope: Vec<&str> = settings
        .scopes
        .iter()
        .map(String::as_str)
        .filter(|scope| *scope != "offline_access")
        .collect();
    let answer = redeem(
        &endpoints.token_endpoint,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh_token),
            ("client_id", &settings.client_id),
            ("scope", &scope.join(" ")),
        ],
    )
    .await?;
    let renewed = Tokens {
        access_token: answer.access_token,
        expires_at: expiry(answer.expires_in),
        // Rotated: the old one is refused from now on.
        refresh_token: answer.refresh_token.or(tokens.refresh_token),
        id_token: answer.id_token.unwrap_or(tokens.id_token),
        ..tokens
    };
    write(TOKENS_KEY, Some(renewed.to_json()));
    Ok(renewed.access_token)
}

/// Forgets this tab's tokens (the session ended at the API).
pub fn forget() {
    write(TOKENS_KEY, None);
}

/// Forgets this tab's tokens and ends the provider's session through its
/// end-session endpoint, which sends the browser back to the app's
/// `postLogoutRedirectPath`. `false` when the provider has none: the caller
/// then shows the sign-in page itself.
pub async fn sign_out() -> bool {
    let tokens = stored_tokens();
    write(TOKENS_KEY, None);
    write(PENDING_KEY, None);
    end_provider_session(tokens).await.unwrap_or(false)
}

/// Sends the browser to the provider's end-session endpoint. Only signing
/// out needs this, so the `split` build fetches its code then; if it cannot
/// be fetched, the tab has forgotten its tokens all the same, and the app
/// shows Sign in.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        oidc_sign_out,
        fallible,
        wasm_split_path = ::leptos::wasm_split,
        return_wrapper(let ending = _; { ending.await } -> Result<bool, SplitLoaderError>)
    )
)]
fn end_provider_session(
    tokens: Option<Tokens>,
) -> Pin<Box<dyn Future<Output = Result<bool, SplitLoaderError>>>> {
    Box::pin(async move {
        let Ok(settings) = settings() else {
            return Ok(false);
        };
        let Ok(endpoints) = endpoints(&settings).await else {
            return Ok(false);
        };
        let Some(end_session) = endpoints.end_session_endpoint else {
            return Ok(false);
        };
        let post_logout = config::absolute_href(&settings.post_logout_redirect_path);
        let mut params = vec![
            ("client_id", settings.client_id.as_str()),
            ("post_logout_redirect_uri", post_logout.as_str()),
        ];
        if let Some(tokens) = &tokens {
            params.push(("id_token_hint", tokens.id_token.as_str()));
        }
        Ok(match with_query(&end_session, &params) {
            Ok(url) => {
                go_to(&url);
                true
            }
            Err(_) => false,
        })
    })
}
