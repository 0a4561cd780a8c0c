//! Staff sign-in (our extension of the dialect): argon2id password hashes,
//! random bearer tokens stored only as SHA-256 hashes, expiry, and the
//! [`Caller`] extractor that every protected handler takes.

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use customer_model::wire::{AccessToken, Attributes, Me, Role, SignIn};
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ApiResult};
use crate::extract::JsonBody;
use crate::oidc::Identity;
use crate::throttle::ClientAddress;
use crate::{AppState, Db, audit, db};

/// The signed-in staff member a request acts for.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: String,
    pub user_name: String,
    pub role: Role,
    /// The identity provider's `sub`, when signed in with its token.
    pub subject: Option<String>,
    /// The server's own token, when signed in with a password.
    token_hash: Option<String>,
}

impl Caller {
    /// Refuses with a 403 that names the role and what it may not do.
    pub fn require(&self, allowed: fn(Role) -> bool, action: &str) -> ApiResult<()> {
        if allowed(self.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "The role {} may not {action}.",
                self.role.as_str()
            )))
        }
    }

    pub fn may_add_customers(&self) -> ApiResult<()> {
        self.require(Role::can_add_customers, "add customers or buy for them")
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| {
                let (scheme, token) = value.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .filter(|token| !token.is_empty())
            .ok_or(ApiError::Unauthorized)?;
        if is_jwt(token) {
            let verifier = state.settings.oidc.as_ref().ok_or(ApiError::Unauthorized)?;
            let identity = verifier.verify(token).await?;
            return staff_member(state, identity).await;
        }
        if !state.settings.dialect.password_sign_in() {
            return Err(ApiError::Unauthorized);
        }
        let token_hash = sha256_hex(token);
        let row: Option<(String, String, String)> = sqlx::query_as(
            "SELECT users.id, users.user_name, users.role FROM tokens \
             JOIN users ON users.id = tokens.user_id \
             WHERE tokens.token_hash = $1 AND tokens.expires_at > $2 AND users.demo <= $3 \
             AND users.disabled = 0",
        )
        .bind(&token_hash)
        .bind(db::now())
        .bind(demo_allowed(state))
        .fetch_optional(&state.db)
        .await?;
        let (user_id, user_name, role) = row.ok_or(ApiError::Unauthorized)?;
        state.throttle.admit_request(&user_id)?;
        Ok(Caller {
            role: parse_role(&user_name, &role)?,
            user_id,
            user_name,
            subject: None,
            token_hash: Some(token_hash),
        })
    }
}

/// Three base64url parts: a JWS, as identity providers issue; the server's
/// own tokens are hexadecimal.
fn is_jwt(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
        })
}

/// The staff user an identity-provider identity names; someone else is
/// refused with a 403, not a 401: signing in again would not help.
async fn staff_member(state: &AppState, identity: Identity) -> ApiResult<Caller> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT id, user_name, role FROM users \
         WHERE lower(user_name) = lower($1) AND demo <= $2 AND disabled = 0",
    )
    .bind(&identity.user_name)
    .bind(demo_allowed(state))
    .fetch_optional(&state.db)
    .await?;
    let (user_id, user_name, role) = row.ok_or(ApiError::NotStaff(identity.user_name))?;
    state.throttle.admit_request(&user_id)?;
    Ok(Caller {
        role: parse_role(&user_name, &role)?,
        user_id,
        user_name,
        subject: Some(identity.subject),
        token_hash: None,
    })
}

/// `users.demo` may be 1 only in demo mode: the demo accounts (whose
/// passwords a demo server prints and serves) never authenticate elsewhere.
fn demo_allowed(state: &AppState) -> i64 {
    i64::from(state.settings.demo.is_some())
}

fn parse_role(user_name: &str, role: &str) -> ApiResult<Role> {
    Role::parse(role)
        .ok_or_else(|| ApiError::Internal(format!("user {user_name} has unknown role {role}")))
}

pub fn sha256_hex(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// `len` random characters from an alphabet without look-alikes.
pub fn random_text(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    let mut bytes = vec![0u8; len];
    OsRng.fill_bytes(&mut bytes);
    // 256 is not a multiple of the alphabet's size; the bias is immaterial here.
    bytes
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(*byte) % ALPHABET.len()]))
        .collect()
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    crate::hex::encode(&bytes)
}

/// An argon2id PHC string; slow on purpose, so it runs off the async threads.
pub async fn hash_password(password: String) -> ApiResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|error| ApiError::Internal(format!("password hashing failed: {error}")))
    })
    .await
    .map_err(|error| ApiError::Internal(format!("password hashing stopped: {error}")))?
}

async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// Creates a staff user, or gives an existing one a new password and role,
/// which ends every sign-in made before. Without a password the user signs
/// in only through the identity provider.
pub async fn upsert_user(
    db: &Db,
    user_name: &str,
    password: Option<&str>,
    role: Role,
) -> ApiResult<()> {
    store_user(db, user_name, password, role, true).await
}

/// [`upsert_user`]; `revoke` false keeps the user's sign-ins (demo mode,
/// which gives its accounts new passwords at every start, keeps the pages it
/// served signed in across a restart).
pub(crate) async fn store_user(
    db: &Db,
    user_name: &str,
    password: Option<&str>,
    role: Role,
    revoke: bool,
) -> ApiResult<()> {
    let hash = match password {
        Some(password) => hash_password(password.to_owned()).await?,
        None => String::new(),
    };
    // A user an administrator adds is staff, not a demo account.
    let updated = sqlx::query(
        "UPDATE users SET password_hash = $1, role = $2, demo = 0 WHERE lower(user_name) = lower($3)",
    )
    .bind(&hash)
    .bind(role.as_str())
    .bind(user_name)
    .execute(db)
    .await?;
    if revoke {
        revoke_tokens(db, user_name).await?;
    }
    if updated.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO users (id, user_name, password_hash, role, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(user_name)
        .bind(&hash)
        .bind(role.as_str())
        .bind(db::timestamp())
        .execute(db)
        .await?;
    }
    Ok(())
}

/// Ends every sign-in (password token) of the user named so.
async fn revoke_tokens(db: &Db, user_name: &str) -> ApiResult<()> {
    sqlx::query(
        "DELETE FROM tokens WHERE user_id IN \
         (SELECT id FROM users WHERE lower(user_name) = lower($1))",
    )
    .bind(user_name)
    .execute(db)
    .await?;
    Ok(())
}

/// Disables (or enables again) a staff user; disabling ends their sign-ins.
/// Whether there was one.
pub async fn set_disabled(db: &Db, user_name: &str, disabled: bool) -> ApiResult<bool> {
    let updated = sqlx::query("UPDATE users SET disabled = $1 WHERE lower(user_name) = lower($2)")
        .bind(i64::from(disabled))
        .bind(user_name)
        .execute(db)
        .await?;
    if disabled {
        revoke_tokens(db, user_name).await?;
    }
    Ok(updated.rows_affected() > 0)
}

/// Removes a staff user and ends their sign-ins; whether there was one.
pub async fn remove_user(db: &Db, user_name: &str) -> ApiResult<bool> {
    revoke_tokens(db, user_name).await?;
    let removed = sqlx::query("DELETE FROM users WHERE lower(user_name) = lower($1)")
        .bind(user_name)
        .execute(db)
        .await?;
    Ok(removed.rows_affected() > 0)
}

/// A hash to verify against when the user does not exist, so that a wrong
/// user name takes as long as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"decoy", &salt)
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    })
}

/// `POST /v1/auth/token`: user name and password → bearer token. Attempts
/// are limited per client address and per account (429 with `Retry-After`),
/// and every password checked leaves a line in the audit log.
#[utoipa::path(post, path = "/auth/token", tag = "staff", security(()),
    request_body = SignIn,
    responses((status = 200, description = "Signed in", body = AccessToken)))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    JsonBody(request): JsonBody<SignIn>,
) -> ApiResult<Json<AccessToken>> {
    state.throttle.admit_sign_in(client, &request.user_name)?;
    let turn = state.throttle.hashing_turn().await?;
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT id, password_hash FROM users \
         WHERE lower(user_name) = lower($1) AND demo <= $2 AND disabled = 0",
    )
    .bind(request.user_name.trim())
    .bind(demo_allowed(&state))
    .fetch_optional(&state.db)
    .await?;
    // A user without a password (identity provider only) takes as long to
    // refuse as anyone else.
    let (user_id, hash) = match row {
        Some((user_id, hash)) if !hash.is_empty() => (user_id, hash),
        _ => (String::new(), decoy_hash().to_owned()),
    };
    let verified = verify_password(request.password, hash).await && !user_id.is_empty();
    drop(turn);
    let client = client.map_or_else(|| "unknown".to_owned(), |address| address.to_string());
    let outcome = if verified {
        "sign-in"
    } else {
        "sign-in refused"
    };
    audit::record_sign_in(&state.db, request.user_name.trim(), outcome, &client).await?;
    if !verified {
        return Err(ApiError::SignInFailed);
    }
    let token = random_token();
    let lifetime = state.settings.token_lifetime.as_secs();
    let expires_at = db::now() + lifetime as i64;
    let mut tx = db::begin_write(&state.db).await?;
    // Expired tokens are dead weight; sweeping them here needs no scheduler.
    sqlx::query("DELETE FROM tokens WHERE expires_at <= $1")
        .bind(db::now())
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)")
        .bind(sha256_hex(&token))
        .bind(&user_id)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Json(AccessToken {
        access_token: token,
        token_type: "Bearer".to_owned(),
        expires_in: lifetime,
        expires_on: db::timestamp_of(expires_at),
        attributes: Attributes::of("AccessToken"),
    }))
}

/// `DELETE /v1/auth/token`: signs out (the token stops working at once).
#[utoipa::path(delete, path = "/auth/token", tag = "staff",
    responses((status = 204, description = "Signed out: the token no longer works")))]
pub async fn sign_out(State(state): State<AppState>, caller: Caller) -> ApiResult<StatusCode> {
    // An identity provider's token ends at the provider (its end-session endpoint).
    if let Some(token_hash) = &caller.token_hash {
        sqlx::query("DELETE FROM tokens WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&state.db)
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/me`: who is signed in, their roles and their partner.
#[utoipa::path(get, path = "/me", tag = "staff",
    responses((status = 200, description = "Who is signed in", body = Me)))]
pub async fn me(State(state): State<AppState>, caller: Caller) -> Json<Me> {
    Json(Me {
        user_name: caller.user_name,
        roles: vec![caller.role],
        partner: state.settings.partner.clone(),
        attributes: Attributes::of("Me"),
        roles_unknown: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_text_uses_the_unambiguous_alphabet() {
        let text = random_text(64);
        assert_eq!(text.chars().count(), 64);
        assert!(!text.contains(['0', 'O', 'o', '1', 'l', 'I']), "{text}");
        assert_ne!(random_text(16), random_text(16));
    }

    #[test]
    fn tokens_are_stored_as_sha256() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
