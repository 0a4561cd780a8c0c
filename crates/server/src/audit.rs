//! The audit trail: every write records who did what to which resource, when,
//! and under which request and correlation ids — in the write's transaction,
//! so there is no write without its record.

use axum::http::HeaderMap;
use sqlx::{Any, Transaction};

use crate::auth::Caller;
use crate::db;
use crate::error::ApiResult;

/// The log's texts are at most this long.
const MOST_CHARS: usize = 200;

fn bounded(text: &str) -> String {
    text.chars().take(MOST_CHARS).collect()
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(bounded)
}

pub async fn record(
    tx: &mut Transaction<'static, Any>,
    caller: &Caller,
    headers: &HeaderMap,
    action: &str,
    target: &str,
) -> ApiResult<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, user_name, action, target, request_id, correlation_id, subject) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(db::now())
    .bind(&caller.user_name)
    .bind(action)
    .bind(target)
    .bind(header(headers, "ms-requestid"))
    .bind(header(headers, "ms-correlationid"))
    .bind(caller.subject.as_deref())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A password sign-in's outcome (`sign-in` or `sign-in refused`), with the
/// user name tried and the client's address; no password, ever.
pub async fn record_sign_in(
    db: &db::Db,
    user_name: &str,
    outcome: &str,
    client: &str,
) -> ApiResult<()> {
    sqlx::query("INSERT INTO audit_log (at, user_name, action, target) VALUES ($1, $2, $3, $4)")
        .bind(db::now())
        .bind(bounded(user_name))
        .bind(outcome)
        .bind(client)
        .execute(db)
        .await?;
    Ok(())
}
