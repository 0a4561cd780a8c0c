//! The reference implementation of the customer API the wizard speaks: the
//! Partner Center REST dialect under `/v1`, plus (optionally) the built SPA on the
//! same origin.

mod country_rules;
mod customers;
pub mod db;
mod error;

use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::http::HeaderName;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use tower_http::services::{ServeDir, ServeFile};

pub use db::Db;
use error::ApiError;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
}

/// Partner Center echoes these request headers on every response.
const ECHOED_HEADERS: [HeaderName; 2] = [
    HeaderName::from_static("ms-requestid"),
    HeaderName::from_static("ms-correlationid"),
];

/// The whole HTTP surface. With `spa_dir`, unknown non-API paths serve its
/// `index.html` so that the SPA's deep links survive a reload.
pub fn app(state: AppState, spa_dir: Option<&Path>) -> Router {
    let api = Router::new()
        .route("/customers", get(customers::list))
        .route("/countryvalidationrules/{iso2}", get(country_rules::get))
        .fallback(async || ApiError::NotFound);
    let router = Router::new()
        .route("/healthz", get(async || "ok"))
        .nest("/v1", api);
    let router = match spa_dir {
        Some(dir) => router
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => router.fallback(async || ApiError::NotFound),
    };
    router
        .layer(middleware::from_fn(echo_request_ids))
        .with_state(state)
}

async fn echo_request_ids(request: Request, next: Next) -> Response {
    let echoed: Vec<_> = ECHOED_HEADERS
        .iter()
        .filter_map(|name| Some((name.clone(), request.headers().get(name)?.clone())))
        .collect();
    let mut response = next.run(request).await;
    response.headers_mut().extend(echoed);
    response
}
