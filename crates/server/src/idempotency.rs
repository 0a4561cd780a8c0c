//! `MS-RequestId` idempotency, stored in the database in the same transaction
//! as the write it guards: a retry after a timeout, a dropped connection, a
//! double click or a server restart gets the first answer again instead of a
//! second customer or order.
//!
//! - same caller + same request id + same request → the stored response,
//!   before the request is checked again ([`prior`]);
//! - same caller + same request id + another request → 409;
//! - a request that failed stored nothing (its transaction rolled back), so
//!   retrying it runs it again.
//!
//! Two copies arriving at once serialize on the key's primary key: the second
//! waits for the first to commit, then replays its answer.

use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sqlx::{Any, Transaction};

use crate::auth::{Caller, sha256_hex};
use crate::error::{ApiError, ApiResult};
use crate::sealed::SealKey;
use crate::{AppState, Db, Settings, db};

/// Stored answers are kept this long; clients retry within minutes.
pub const RETENTION_SECONDS: i64 = 24 * 3600;

pub struct Key {
    caller: String,
    request_id: String,
    request_hash: String,
    /// Seals the stored answer, which may hold a one-time password.
    seal: SealKey,
}

impl Key {
    /// The key of a write, when the client sent an `MS-RequestId`.
    fn of(
        settings: &Settings,
        caller: &Caller,
        headers: &HeaderMap,
        operation: &str,
        body: &[u8],
    ) -> Option<Key> {
        let request_id = headers.get("ms-requestid")?.to_str().ok()?.trim();
        if request_id.is_empty() {
            return None;
        }
        let mut fingerprint = String::with_capacity(operation.len() + body.len() + 1);
        fingerprint.push_str(operation);
        fingerprint.push('\n');
        fingerprint.push_str(&String::from_utf8_lossy(body));
        Some(Key {
            caller: caller.user_id.clone(),
            request_id: request_id.to_owned(),
            request_hash: sha256_hex(&fingerprint),
            seal: settings.seal.clone(),
        })
    }
}

pub enum Claim {
    /// First time: do the work, then [`finish`].
    Fresh,
    /// Seen before: answer with this.
    Replay(Response),
}

/// Claims `key` inside `tx`, or finds the answer it already has.
pub async fn claim(tx: &mut Transaction<'static, Any>, key: Option<&Key>) -> ApiResult<Claim> {
    let Some(key) = key else {
        return Ok(Claim::Fresh);
    };
    let now = db::now();
    let inserted = sqlx::query(
        "INSERT INTO idempotency_keys (caller, request_id, request_hash, status, body, created_at) \
         VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT (caller, request_id) DO NOTHING",
    )
    .bind(&key.caller)
    .bind(&key.request_id)
    .bind(&key.request_hash)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if inserted.rows_affected() == 1 {
        return Ok(Claim::Fresh);
    }
    let stored = stored_row(&mut **tx, key)
        .await?
        .ok_or_else(|| ApiError::Internal("a claimed request id has no row".to_owned()))?;
    if stored.created_at + RETENTION_SECONDS < now {
        // Too old to be a retry: forget it and treat the request as new.
        sqlx::query(
            "UPDATE idempotency_keys SET request_hash = $1, status = 0, body = '', created_at = $2 \
             WHERE caller = $3 AND request_id = $4",
        )
        .bind(&key.request_hash)
        .bind(now)
        .bind(&key.caller)
        .bind(&key.request_id)
        .execute(&mut **tx)
        .await?;
        return Ok(Claim::Fresh);
    }
    replay(key, stored).map(Claim::Replay)
}

/// A write as it arrives: answered before, or to be done under its key.
pub enum Prior {
    Answered(Response),
    New(Option<Key>),
}

/// Looks up the answer already given to this write, before the request is
/// checked again: a retry of a write that succeeded gets its answer even if
/// the request would no longer pass (the catalogue changed, the domain is now
/// taken by the customer it created).
pub async fn prior(
    state: &AppState,
    caller: &Caller,
    headers: &HeaderMap,
    operation: &str,
    body: &[u8],
) -> ApiResult<Prior> {
    let key = Key::of(&state.settings, caller, headers, operation, body);
    Ok(match stored_answer(&state.db, key.as_ref()).await? {
        Some(response) => Prior::Answered(response),
        None => Prior::New(key),
    })
}

async fn stored_answer(db: &Db, key: Option<&Key>) -> ApiResult<Option<Response>> {
    let Some(key) = key else {
        return Ok(None);
    };
    // An answer still kept; not one being written (status 0) nor expired.
    let answered = stored_row(db, key)
        .await?
        .filter(|stored| stored.status > 0 && stored.created_at + RETENTION_SECONDS >= db::now());
    answered.map(|stored| replay(key, stored)).transpose()
}

/// What is kept of a request id.
#[derive(sqlx::FromRow)]
struct Stored {
    request_hash: String,
    /// 0 while its write is under way.
    status: i64,
    body: String,
    created_at: i64,
}

async fn stored_row<'e>(
    executor: impl sqlx::Executor<'e, Database = Any>,
    key: &Key,
) -> ApiResult<Option<Stored>> {
    Ok(sqlx::query_as(
        "SELECT request_hash, status, body, created_at FROM idempotency_keys \
         WHERE caller = $1 AND request_id = $2",
    )
    .bind(&key.caller)
    .bind(&key.request_id)
    .fetch_optional(executor)
    .await?)
}

/// The stored answer of `key` as the answer to give: a 409 when the id was
/// used for another request.
fn replay(key: &Key, stored: Stored) -> ApiResult<Response> {
    let Stored {
        request_hash,
        status,
        body,
        ..
    } = stored;
    if request_hash != key.request_hash {
        return Err(ApiError::conflict(
            "RequestIdReused",
            "This MS-RequestId was already used for a different request; use a new one.",
        ));
    }
    let status = u16::try_from(status)
        .ok()
        .and_then(|status| StatusCode::from_u16(status).ok())
        .ok_or_else(|| ApiError::Internal(format!("stored status {status} is not HTTP")))?;
    let body = key.seal.open(&body).ok_or_else(|| {
        ApiError::Internal("a stored answer was sealed with another key (--key-file)".to_owned())
    })?;
    let body: serde_json::Value = serde_json::from_str(&body)
        .map_err(|error| ApiError::Internal(format!("stored body unreadable: {error}")))?;
    Ok((status, Json(body)).into_response())
}

/// Stores the answer to `key` (inside the same transaction as the work) and
/// returns it.
pub async fn finish<T: Serialize>(
    tx: &mut Transaction<'static, Any>,
    key: Option<&Key>,
    status: StatusCode,
    body: &T,
) -> ApiResult<Response> {
    let value = serde_json::to_value(body)
        .map_err(|error| ApiError::Internal(format!("response not serializable: {error}")))?;
    if let Some(key) = key {
        sqlx::query(
            "UPDATE idempotency_keys SET status = $1, body = $2 WHERE caller = $3 AND request_id = $4",
        )
        .bind(i64::from(status.as_u16()))
        .bind(key.seal.seal(&value.to_string()))
        .bind(&key.caller)
        .bind(&key.request_id)
        .execute(&mut **tx)
        .await?;
        forget_expired(&mut **tx).await?;
    }
    Ok((status, Json(value)).into_response())
}

/// Deletes the answers older than [`RETENTION_SECONDS`], one-time passwords
/// with them: at every write, and every few minutes while the server runs.
pub async fn forget_expired<'e>(
    executor: impl sqlx::Executor<'e, Database = Any>,
) -> ApiResult<()> {
    sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
        .bind(db::now() - RETENTION_SECONDS)
        .execute(executor)
        .await?;
    Ok(())
}
