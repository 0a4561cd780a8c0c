//! `/v1/customers`: the partner's customers — searched (`search`), created
//! (`creation`), read one at a time, with what they own, and their domains.

mod creation;
mod search;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use customer_model::wire::{Collection, Customer};

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::extract::PathParams;
use crate::{AppState, db};

pub(crate) use creation::check_reseller;
pub use creation::{__path_create, create, created_customer, store};
pub use search::{__path_list, list};

/// `GET /v1/customers/{id}`.
#[utoipa::path(get, path = "/customers/{id}", tag = "customers",
    params(("id" = String, Path, description = "The customer's tenant id")),
    responses((status = 200, description = "The customer", body = Customer)))]
pub async fn get(
    State(state): State<AppState>,
    _caller: Caller,
    PathParams(id): PathParams<String>,
) -> ApiResult<Json<Customer>> {
    stored(&state.db, &id).await.map(Json)
}

/// A customer of ours, as stored (without credentials); 404 for an unknown id.
async fn stored(db: &crate::Db, customer_id: &str) -> ApiResult<Customer> {
    let row: Option<(String,)> = sqlx::query_as("SELECT resource FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_optional(db)
        .await?;
    let (resource,) = row.ok_or(ApiError::NotFound)?;
    db::from_resource(&resource)
}

/// The country of a customer of ours; 404 for an unknown id.
pub async fn country_of(db: &crate::Db, customer_id: &str) -> ApiResult<String> {
    Ok(stored(db, customer_id)
        .await?
        .billing_profile
        .map(|billing| billing.default_address.country)
        .unwrap_or_default())
}

/// A customer's stored resources (agreements, orders) as a collection, oldest
/// first; 404 for an unknown customer.
pub async fn resources_of(
    db: &crate::Db,
    customer_id: &str,
    table: Owned,
) -> ApiResult<Json<Collection<serde_json::Value>>> {
    stored(db, customer_id).await?;
    let sql = match table {
        Owned::Agreements => {
            "SELECT resource FROM agreements WHERE customer_id = $1 ORDER BY created_at, id"
        }
        Owned::Orders => {
            "SELECT resource FROM orders WHERE customer_id = $1 ORDER BY created_at, id"
        }
    };
    let rows: Vec<(String,)> = sqlx::query_as(sql).bind(customer_id).fetch_all(db).await?;
    let items = rows
        .iter()
        .map(|(resource,)| db::from_resource(resource))
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(Json(Collection::new(items)))
}

/// What a customer owns that is listed by [`resources_of`].
pub enum Owned {
    Agreements,
    Orders,
}

/// Whether an initial domain exists: one of ours, or another partner's tenant.
async fn domain_taken<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    domain: &str,
) -> ApiResult<bool> {
    let domain = domain.trim().to_ascii_lowercase();
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM customers WHERE lower(domain) = $1 \
         UNION ALL SELECT 1 FROM taken_domains WHERE domain = $1",
    )
    .bind(&domain)
    .fetch_optional(executor)
    .await?;
    Ok(row.is_some())
}

/// `HEAD /v1/domains/{domain}`: 200 = taken, 404 = available (no body either way).
#[utoipa::path(head, path = "/domains/{domain}", tag = "customers",
    params(("domain" = String, Path, description = "A full initial domain, e.g. contoso.onmicrosoft.com")),
    responses((status = 200, description = "Taken"), (status = 404, description = "Available")))]
pub async fn head_domain(
    State(state): State<AppState>,
    _caller: Caller,
    PathParams(domain): PathParams<String>,
) -> ApiResult<StatusCode> {
    Ok(if domain_taken(&state.db, &domain).await? {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    })
}
