//! Bearer tokens from an OpenID Connect provider (Entra ID, Keycloak, any
//! other), beside the server's own password tokens: JWT access tokens signed
//! with an asymmetric key from the provider's key set, issued by the
//! configured issuer for this API's audience, not expired (a minute of leeway
//! for clock skew), carrying the required scope and, when required, proof of
//! multifactor authentication. The identity maps to a staff user by a claim,
//! so roles stay in the `users` table.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{Jwk, JwkSet, KeyAlgorithm};
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode, decode_header};
use serde::Deserialize;
use serde_json::{Map, Value};
use tokio::sync::{Mutex, RwLock};

use crate::error::{ApiError, ApiResult};

/// Asymmetric algorithms only: `none` and the HMAC family (whose "secret" an
/// attacker could take from the public key set) are never accepted.
const ALLOWED_ALGORITHMS: [Algorithm; 8] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
];

/// Clock skew tolerated on `exp`.
const LEEWAY_SECONDS: u64 = 60;

/// A key id nobody knows makes the key set be fetched again, but no more
/// often than this, so forged key ids cannot make the server hammer the
/// provider.
const REFETCH_INTERVAL: Duration = Duration::from_secs(60);

/// Where the provider's public keys are.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// `jwks_uri` of `{issuer}/.well-known/openid-configuration`.
    Discovery,
    Url(String),
    /// A key set on disk: no outbound HTTP at all.
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct OidcSettings {
    /// The expected `iss`.
    pub issuer: String,
    /// The accepted `aud` values (any one of them).
    pub audiences: Vec<String>,
    pub keys: KeySource,
    /// A scope the token must carry in `scp` (Entra) or `scope` (RFC 9068);
    /// an entry matches when it is the scope or ends in `/` and the scope, so
    /// `user_impersonation` accepts `https://api…/user_impersonation`.
    pub required_scope: Option<String>,
    /// The claim naming the staff user; `upn`, then `sub`, when it is absent.
    pub user_claim: String,
    /// `amr` must contain `mfa`.
    pub require_mfa: bool,
}

/// Who a valid token speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `sub`: stable per user at the provider, for the audit log.
    pub subject: String,
    /// What to look the staff user up by.
    pub user_name: String,
}

/// Checks tokens against the provider's key set, which it caches.
pub struct Verifier {
    settings: OidcSettings,
    /// The key set's URL, or `None` for a file.
    jwks_url: Option<String>,
    http: reqwest::Client,
    keys: RwLock<JwkSet>,
    /// When an unknown key id last made the set be fetched again.
    last_refetch: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Verifier")
            .field("settings", &self.settings)
            .field("jwks_url", &self.jwks_url)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct Discovery {
    jwks_uri: String,
}

impl Verifier {
    /// Reads the key set (through discovery unless given), so that a wrong
    /// issuer or key set stops the server at start with the reason.
    pub async fn start(settings: OidcSettings) -> Result<Verifier, String> {
        if settings.audiences.is_empty() {
            return Err("--oidc-audience: at least one audience is needed".to_owned());
        }
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|error| format!("cannot make an HTTP client: {error}"))?;
        let jwks_url = match &settings.keys {
            KeySource::File(_) => None,
            KeySource::Url(url) => Some(url.clone()),
            KeySource::Discovery => {
                let url = format!(
                    "{}/.well-known/openid-configuration",
                    settings.issuer.trim_end_matches('/')
                );
                let discovery: Discovery = get_json(&http, &url).await?;
                Some(discovery.jwks_uri)
            }
        };
        let verifier = Verifier {
            keys: RwLock::new(JwkSet { keys: Vec::new() }),
            last_refetch: Mutex::new(None),
            settings,
            jwks_url,
            http,
        };
        let keys = verifier.fetch_keys().await?;
        *verifier.keys.write().await = keys;
        Ok(verifier)
    }

    async fn fetch_keys(&self) -> Result<JwkSet, String> {
        match (&self.jwks_url, &self.settings.keys) {
            (Some(url), _) => get_json(&self.http, url).await,
            (None, KeySource::File(path)) => {
                let text = tokio::fs::read_to_string(path)
                    .await
                    .map_err(|error| format!("{}: {error}", path.display()))?;
                serde_json::from_str(&text)
                    .map_err(|error| format!("{}: not a JSON Web Key Set: {error}", path.display()))
            }
            (None, _) => Err("no key set location".to_owned()),
        }
    }

    /// The key for `kid`; an unknown one fetches the set again, at most once
    /// per [`REFETCH_INTERVAL`] (the provider rotates its keys).
    async fn key(&self, kid: Option<&str>) -> Option<Jwk> {
        if let Some(jwk) = find(&*self.keys.read().await, kid) {
            return Some(jwk);
        }
        let mut last = self.last_refetch.lock().await;
        if last.is_some_and(|at| at.elapsed() < REFETCH_INTERVAL) {
            return None;
        }
        *last = Some(Instant::now());
        match self.fetch_keys().await {
            Ok(keys) => {
                let found = find(&keys, kid);
                *self.keys.write().await = keys;
                found
            }
            Err(error) => {
                tracing::warn!(%error, "cannot fetch the identity provider's key set again");
                None
            }
        }
    }

    /// The identity of a valid token; otherwise why not, as the API answers it.
    pub async fn verify(&self, token: &str) -> ApiResult<Identity> {
        let header = decode_header(token).map_err(|_| ApiError::Unauthorized)?;
        if !ALLOWED_ALGORITHMS.contains(&header.alg) {
            return Err(ApiError::Unauthorized);
        }
        let jwk = self
            .key(header.kid.as_deref())
            .await
            .ok_or(ApiError::Unauthorized)?;
        // A key published for one algorithm is not used with another.
        if jwk
            .common
            .key_algorithm
            .is_some_and(|alg| alg != KeyAlgorithm::from(header.alg))
        {
            return Err(ApiError::Unauthorized);
        }
        let key = DecodingKey::from_jwk(&jwk).map_err(|_| ApiError::Unauthorized)?;
        let mut validation = Validation::new(header.alg);
        validation.leeway = LEEWAY_SECONDS;
        validation.set_issuer(&[self.settings.issuer.as_str()]);
        validation.set_audience(&self.settings.audiences);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        let claims = decode::<Map<String, Value>>(token, &key, &validation)
            .map_err(|_| ApiError::Unauthorized)?
            .claims;
        if let Some(scope) = &self.settings.required_scope
            && !has_scope(&claims, scope)
        {
            return Err(ApiError::Forbidden(format!(
                "The token does not carry the scope {scope}."
            )));
        }
        if self.settings.require_mfa && !has_mfa(&claims) {
            return Err(ApiError::MfaRequired);
        }
        let text = |name: &str| {
            claims
                .get(name)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        let subject = text("sub").ok_or(ApiError::Unauthorized)?;
        let user_name = text(&self.settings.user_claim)
            .or_else(|| text("upn"))
            .unwrap_or_else(|| subject.clone());
        Ok(Identity { subject, user_name })
    }
}

fn find(keys: &JwkSet, kid: Option<&str>) -> Option<Jwk> {
    match kid {
        Some(kid) => keys.find(kid).cloned(),
        // Without a key id, only a set of one key says which key it is.
        None if keys.keys.len() == 1 => keys.keys.first().cloned(),
        None => None,
    }
}

async fn get_json<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
) -> Result<T, String> {
    let response = http
        .get(url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| format!("{url}: {error}"))?;
    let text = response
        .text()
        .await
        .map_err(|error| format!("{url}: {error}"))?;
    serde_json::from_str(&text).map_err(|error| format!("{url}: unexpected answer: {error}"))
}

/// Whether `scp` or `scope` (space-separated, or a list) names `scope`.
fn has_scope(claims: &Map<String, Value>, scope: &str) -> bool {
    let suffix = format!("/{scope}");
    ["scp", "scope"]
        .iter()
        .filter_map(|name| claims.get(*name))
        .flat_map(|value| match value {
            Value::String(text) => text.split_whitespace().map(str::to_owned).collect(),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        })
        .any(|entry| entry == scope || entry.ends_with(&suffix))
}

fn has_mfa(claims: &Map<String, Value>) -> bool {
    claims
        .get("amr")
        .and_then(Value::as_array)
        .is_some_and(|methods| methods.iter().any(|method| method.as_str() == Some("mfa")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn a_scope_matches_by_its_name_or_as_the_last_part_of_a_uri() {
        let scope = "user_impersonation";
        assert!(has_scope(
            &claims(serde_json::json!({"scp": "openid user_impersonation"})),
            scope
        ));
        assert!(has_scope(
            &claims(serde_json::json!({"scope": "http://127.0.0.1:8080/user_impersonation"})),
            scope
        ));
        assert!(has_scope(
            &claims(serde_json::json!({"scp": ["user_impersonation"]})),
            scope
        ));
        assert!(!has_scope(
            &claims(serde_json::json!({"scp": "not_user_impersonation openid"})),
            scope
        ));
        assert!(!has_scope(&claims(serde_json::json!({})), scope));
    }

    #[test]
    fn mfa_is_an_amr_entry() {
        assert!(has_mfa(&claims(serde_json::json!({"amr": ["pwd", "mfa"]}))));
        assert!(!has_mfa(&claims(serde_json::json!({"amr": ["pwd"]}))));
        assert!(!has_mfa(&claims(serde_json::json!({"amr": "mfa"}))));
    }
}
