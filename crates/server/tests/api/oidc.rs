//! Identity-provider tokens beside the server's own (`serve --oidc-*`): the
//! tests sign their own access tokens with the test keys in `keys/`, whose
//! public halves the server reads as a key set file, as a deployment without
//! outbound HTTP would.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::http::{Method, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use customer_api::oidc::{KeySource, OidcSettings, Verifier};
use customer_api::{Dialect, Settings, auth};
use customer_model::wire::Role;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};

use crate::support::{TestApi, customer_body, direct_settings};

const ISSUER: &str = "https://login.example.test/partner-tenant/v2.0";
const AUDIENCE: &str = "api://customer-api";
const STAFF: &str = "ana@fabrikam.com";

fn keys() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/api/keys")
}

fn now() -> i64 {
    customer_api::db::now()
}

/// What a provider puts in an access token for `user`, valid for ten minutes.
fn claims(user: &str) -> Value {
    json!({
        "iss": ISSUER, "aud": AUDIENCE, "iat": now(), "exp": now() + 600,
        "sub": format!("subject-of-{user}"), "preferred_username": user,
        "scp": "user_impersonation", "amr": ["pwd", "mfa"],
    })
}

/// `claims` changed by `change`.
fn claims_with(user: &str, change: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Value {
    let mut value = claims(user);
    if let Value::Object(map) = &mut value {
        change(map);
    }
    value
}

/// A token signed RS256 with test key `key` (`a` or `b`), under key id `kid`.
fn signed(key: &str, kid: &str, claims: &Value) -> String {
    let pem = std::fs::read(keys().join(format!("rsa-{key}.pem"))).expect("a test key");
    let key = EncodingKey::from_rsa_pem(&pem).expect("an RSA key");
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(kid.to_owned());
    encode(&header, claims, &key).expect("a signed token")
}

/// A token signed with test key a, as the provider signs them.
fn token(claims: &Value) -> String {
    signed("a", "test-key-a", claims)
}

fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A server that accepts the provider's tokens, with the key set in a file
/// it may be told to read again (`jwks.json` in the test's directory).
struct Oidc {
    api: TestApi,
    jwks: PathBuf,
    _dir: tempfile::TempDir,
}

impl Oidc {
    async fn start(require_mfa: bool, dialect: Dialect) -> Oidc {
        Oidc::start_with(direct_settings(), require_mfa, dialect).await
    }

    async fn start_with(settings: Settings, require_mfa: bool, dialect: Dialect) -> Oidc {
        let dir = tempfile::tempdir().expect("a directory for the key set");
        let jwks = dir.path().join("jwks.json");
        std::fs::copy(keys().join("jwks-a.json"), &jwks).expect("copy the key set");
        let verifier = Verifier::start(OidcSettings {
            issuer: ISSUER.to_owned(),
            audiences: vec![AUDIENCE.to_owned()],
            keys: KeySource::File(jwks.clone()),
            required_scope: Some("user_impersonation".to_owned()),
            user_claim: "preferred_username".to_owned(),
            require_mfa,
        })
        .await
        .expect("the key set reads");
        let api = TestApi::new(Settings {
            oidc: Some(Arc::new(verifier)),
            dialect,
            ..settings
        })
        .await;
        auth::upsert_user(&api.state.db, STAFF, None, Role::AdminAgent)
            .await
            .expect("a staff user without a password");
        Oidc {
            api,
            jwks,
            _dir: dir,
        }
    }

    async fn me(&self, token: &str) -> crate::support::Reply {
        self.api.get("/v1/me", token).await
    }

    async fn customers(&self, token: &str) -> crate::support::Reply {
        self.api.get("/v1/customers", token).await
    }
}

#[tokio::test]
async fn a_provider_token_names_a_staff_user_whose_writes_the_audit_log_ties_to_the_subject() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    let token = token(&claims(STAFF));
    let me = oidc.me(&token).await;
    me.expect(StatusCode::OK);
    assert_eq!(me.json()["userName"], STAFF);
    assert_eq!(me.json()["roles"], json!(["admin_agent"]));
    oidc.api.create_customer(&token, "oidccustomer").await;
    let (user_name, subject): (String, Option<String>) =
        sqlx::query_as("SELECT user_name, subject FROM audit_log WHERE action = 'customer.create'")
            .fetch_one(&oidc.api.state.db)
            .await
            .expect("an audit record");
    assert_eq!(user_name, STAFF);
    assert_eq!(subject.as_deref(), Some("subject-of-ana@fabrikam.com"));
}

#[tokio::test]
async fn the_staff_user_is_matched_without_regard_to_case_and_falls_back_to_upn() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    oidc.me(&token(&claims("Ana@Fabrikam.COM")))
        .await
        .expect(StatusCode::OK);
    let upn_only = claims_with(STAFF, |claims| {
        claims.remove("preferred_username");
        claims.insert("upn".to_owned(), json!(STAFF));
    });
    oidc.me(&token(&upn_only)).await.expect(StatusCode::OK);
}

#[tokio::test]
async fn tokens_for_another_audience_or_from_another_issuer_are_refused() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    for (claim, value) in [
        ("aud", json!("api://someone-else")),
        ("iss", json!("https://login.example.test/other-tenant/v2.0")),
    ] {
        let forged = claims_with(STAFF, |claims| {
            claims.insert(claim.to_owned(), value.clone());
        });
        oidc.customers(&token(&forged))
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    let without_audience = claims_with(STAFF, |claims| {
        claims.remove("aud");
    });
    oidc.customers(&token(&without_audience))
        .await
        .expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_expired_token_is_refused_unless_it_expired_within_the_minute_of_clock_skew() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    let just_expired = claims_with(STAFF, |claims| {
        claims.insert("exp".to_owned(), json!(now() - 20));
    });
    oidc.customers(&token(&just_expired))
        .await
        .expect(StatusCode::OK);
    let expired = claims_with(STAFF, |claims| {
        claims.insert("exp".to_owned(), json!(now() - 120));
    });
    let reply = oidc.customers(&token(&expired)).await;
    reply.expect(StatusCode::UNAUTHORIZED);
    let without_expiry = claims_with(STAFF, |claims| {
        claims.remove("exp");
    });
    oidc.customers(&token(&without_expiry))
        .await
        .expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unsigned_tokens_and_tokens_signed_with_the_public_key_as_an_hmac_secret_are_refused() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    let payload = base64url(claims(STAFF).to_string().as_bytes());
    for alg in ["none", "None", "NONE"] {
        let header = base64url(
            json!({"alg": alg, "typ": "JWT", "kid": "test-key-a"})
                .to_string()
                .as_bytes(),
        );
        for unsigned in [
            format!("{header}.{payload}."),
            format!("{header}.{payload}.AA"),
        ] {
            oidc.customers(&unsigned)
                .await
                .expect(StatusCode::UNAUTHORIZED);
        }
    }
    let public_key = std::fs::read(keys().join("rsa-a.pub.pem")).expect("the public key");
    let jwks = std::fs::read(keys().join("jwks-a.json")).expect("the key set");
    for secret in [public_key, jwks] {
        for alg in [Algorithm::HS256, Algorithm::HS512] {
            let mut header = Header::new(alg);
            header.kid = Some("test-key-a".to_owned());
            let key = EncodingKey::from_secret(&secret).expect("an HMAC key");
            let forged = encode(&header, &claims(STAFF), &key).expect("an HMAC token");
            oidc.customers(&forged)
                .await
                .expect(StatusCode::UNAUTHORIZED);
        }
    }
    // Signed with a key the provider does not publish, under its key id.
    oidc.customers(&signed("b", "test-key-a", &claims(STAFF)))
        .await
        .expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_unknown_key_id_fetches_the_key_set_again_but_at_most_once_a_minute() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    // The provider rotates: key b joins the set after the server started.
    std::fs::copy(keys().join("jwks-ab.json"), &oidc.jwks).expect("publish key b");
    oidc.customers(&signed("b", "test-key-b", &claims(STAFF)))
        .await
        .expect(StatusCode::OK);
    // A forged key id right after: the set is not fetched again, even once
    // it would have the key, so forged ids cannot make the server fetch it
    // on every request.
    let later: Value = {
        let text = std::fs::read_to_string(keys().join("jwks-b.json")).expect("key set b");
        serde_json::from_str(&text.replace("test-key-b", "test-key-later")).expect("JSON")
    };
    std::fs::write(&oidc.jwks, later.to_string()).expect("publish a later key id");
    oidc.customers(&signed("b", "test-key-later", &claims(STAFF)))
        .await
        .expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_token_without_the_required_scope_is_forbidden() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    let other_scope = claims_with(STAFF, |claims| {
        claims.insert("scp".to_owned(), json!("openid profile"));
    });
    oidc.customers(&token(&other_scope))
        .await
        .expect(StatusCode::FORBIDDEN);
    // RFC 9068's `scope`, with the API's URI in front, is as good as Entra's `scp`.
    let uri_scope = claims_with(STAFF, |claims| {
        claims.remove("scp");
        claims.insert(
            "scope".to_owned(),
            json!("openid http://127.0.0.1:8080/user_impersonation"),
        );
    });
    oidc.customers(&token(&uri_scope))
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn without_mfa_under_require_mfa_the_answer_is_partner_center_s_401_and_a_step_up_challenge()
{
    let oidc = Oidc::start(true, Dialect::Reference).await;
    let password_only = claims_with(STAFF, |claims| {
        claims.insert("amr".to_owned(), json!(["pwd"]));
    });
    let reply = oidc.customers(&token(&password_only)).await;
    reply.expect(StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json()["code"], 900421);
    let challenge = reply
        .headers
        .get("www-authenticate")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    assert!(
        challenge.contains("error=\"insufficient_user_authentication\""),
        "{challenge}"
    );
    oidc.customers(&token(&claims(STAFF)))
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn a_valid_identity_that_is_not_on_the_staff_is_forbidden_not_asked_to_sign_in_again() {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    let reply = oidc.me(&token(&claims("mallory@elsewhere.example"))).await;
    reply.expect(StatusCode::FORBIDDEN);
    assert_eq!(reply.json()["code"], "NotStaffMember");
}

#[tokio::test]
async fn password_tokens_keep_working_beside_provider_tokens_and_users_without_a_password_cannot_use_one()
 {
    let oidc = Oidc::start(false, Dialect::Reference).await;
    let password_token = oidc.api.token(Role::SalesAgent).await;
    oidc.customers(&password_token).await.expect(StatusCode::OK);
    oidc.customers(&token(&claims(STAFF)))
        .await
        .expect(StatusCode::OK);
    for password in ["", "anything at all"] {
        oidc.api
            .send(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(json!({"userName": STAFF, "password": password})),
                &[],
            )
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn the_partner_center_dialect_serves_none_of_our_extensions_and_only_provider_tokens() {
    let oidc = Oidc::start(false, Dialect::PartnerCenter).await;
    let token = token(&claims(STAFF));
    for path in ["/v1/me", "/v1/demo"] {
        oidc.api
            .get(path, &token)
            .await
            .expect(StatusCode::NOT_FOUND);
    }
    oidc.api
        .send(
            Method::POST,
            "/v1/auth/token",
            None,
            Some(json!({"userName": STAFF, "password": "x"})),
            &[],
        )
        .await
        .expect(StatusCode::NOT_FOUND);
    // A password token made behind its back is not accepted either.
    auth::upsert_user(
        &oidc.api.state.db,
        "bo@fabrikam.com",
        Some("a long passphrase"),
        Role::AdminAgent,
    )
    .await
    .expect("a password user");
    let opaque = "0".repeat(64);
    oidc.customers(&opaque)
        .await
        .expect(StatusCode::UNAUTHORIZED);
    oidc.customers(&token).await.expect(StatusCode::OK);
    let reply = oidc
        .api
        .post("/v1/customers", &token, customer_body("pcdialect"), None)
        .await;
    reply.expect(StatusCode::CREATED);
    let openapi = oidc
        .api
        .send(Method::GET, "/openapi.json", None, None, &[])
        .await;
    let paths = openapi.json()["paths"].clone();
    assert!(
        paths.get("/me").is_none() && paths.get("/auth/token").is_none(),
        "{paths}"
    );
}
