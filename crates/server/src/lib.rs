//! The reference implementation of the customer API the wizard speaks: the
//! Partner Center REST dialect under `/v1`, our sign-in extension, and
//! (optionally) the built SPA on the same origin.

// No unwrap or expect on anything a user, a network or a file can influence:
// outside tests there are none at all, and the lint keeps it so.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod address;
mod agreements;
mod audit;
pub mod auth;
mod bounds;
mod catalogue;
mod country_rules;
pub mod customers;
pub mod db;
pub mod demo;
mod error;
mod extract;
mod hex;
mod idempotency;
pub mod listen;
pub mod oidc;
mod openapi;
mod orders;
mod relationships;
pub mod sealed;
mod spa_files;
mod spa_policy;
pub mod throttle;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use customer_model::cloud::Cloud;
use customer_model::validation::Field;
use customer_model::wire::{DemoInfo, PartnerProfile};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use catalogue::Catalogue;
pub use db::Db;
pub use error::ApiError;

/// How the server is set up: who the partner is, and its limits.
#[derive(Debug, Clone)]
pub struct Settings {
    pub partner: PartnerProfile,
    pub token_lifetime: Duration,
    pub request_timeout: Duration,
    /// Origins (`https://app.example`) allowed to call the API from a browser.
    pub cors_origins: Vec<HeaderValue>,
    /// The demo accounts, when running with `--demo`.
    pub demo: Option<DemoInfo>,
    /// The offers sold; `None` sells the embedded demo catalogue.
    pub catalogue: Option<Arc<Catalogue>>,
    /// Which endpoints are served, and which tokens accepted.
    pub dialect: Dialect,
    /// The Microsoft cloud the partner sells in: initial-domain suffix,
    /// agreement attestation, relationship requests.
    pub cloud: Cloud,
    /// Accepts an OpenID Connect provider's access tokens.
    pub oidc: Option<Arc<oidc::Verifier>>,
    /// Sign-in and request rate limits.
    pub rates: throttle::Rates,
    /// Seals the answers kept for retries (`--key-file`).
    pub seal: sealed::SealKey,
    /// Testing only (`serve --fail-field`): the next request that passes
    /// validation and has this property (`POST /v1/customers`, or a cart's
    /// `lineItems.quantity`) is refused on it, once.
    pub fail_field: Arc<Mutex<Option<Field>>>,
}

impl Settings {
    /// The refusal `--fail-field` asked for, if it is still to come and is
    /// one of `this_request`'s properties; never in a release build.
    pub fn take_injected_failure(&self, this_request: impl Fn(Field) -> bool) -> Option<Field> {
        if !cfg!(debug_assertions) {
            return None;
        }
        let mut asked = self.fail_field.lock().ok()?;
        asked.take_if(|field| this_request(*field))
    }
}

/// What the server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Partner Center's endpoints and our extensions: password sign-in
    /// (`/v1/auth/token`), `/v1/me`, `/v1/demo`.
    #[default]
    Reference,
    /// Only Partner Center's endpoints, and only identity-provider tokens:
    /// what the wizard meets in front of Partner Center itself.
    PartnerCenter,
}

impl Dialect {
    /// Whether the server's own password tokens are issued and accepted.
    pub fn password_sign_in(self) -> bool {
        self == Dialect::Reference
    }
}

/// The partner a server represents unless configured otherwise.
pub const DEFAULT_PARTNER_NAME: &str = "Contoso Partner";
pub const DEFAULT_PARTNER_TENANT_ID: &str = "00000000-0000-4000-8000-000000000001";

impl Default for Settings {
    fn default() -> Self {
        Self {
            partner: PartnerProfile {
                tenant_id: DEFAULT_PARTNER_TENANT_ID.to_owned(),
                name: DEFAULT_PARTNER_NAME.to_owned(),
                partner_type: Default::default(),
                domains: Vec::new(),
            },
            token_lifetime: Duration::from_secs(8 * 3600),
            request_timeout: Duration::from_secs(30),
            cors_origins: Vec::new(),
            demo: None,
            catalogue: None,
            dialect: Dialect::default(),
            cloud: Cloud::default(),
            oidc: None,
            rates: throttle::Rates::default(),
            seal: sealed::SealKey::random(),
            fail_field: Arc::default(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub throttle: Arc<throttle::Throttle>,
}

impl AppState {
    pub fn new(db: Db, settings: Settings) -> Self {
        Self {
            db,
            throttle: Arc::new(throttle::Throttle::new(&settings.rates)),
            settings: Arc::new(settings),
        }
    }
}

/// Every few minutes while the server runs: expired answers (with their
/// one-time passwords) are deleted whether or not anything is written, and
/// the rate limiters forget whoever is back at a full allowance.
pub fn spawn_housekeeping(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(300));
        loop {
            every.tick().await;
            if let Err(error) = idempotency::forget_expired(&state.db).await {
                tracing::warn!(%error, "could not delete expired answers");
            }
            state.throttle.forget_idle();
        }
    });
}

/// Partner Center echoes these request headers on every response.
pub(crate) const ECHOED_HEADERS: [HeaderName; 2] = [
    HeaderName::from_static("ms-requestid"),
    HeaderName::from_static("ms-correlationid"),
];

/// The `/v1` API and its OpenAPI document, both from the same handlers.
fn api(dialect: Dialect) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let extensions = match dialect {
        Dialect::Reference => OpenApiRouter::new()
            .routes(routes!(auth::sign_in, auth::sign_out))
            .routes(routes!(auth::me))
            .routes(routes!(demo::info)),
        Dialect::PartnerCenter => OpenApiRouter::new(),
    };
    let (router, document) = extensions
        .routes(routes!(customers::list, customers::create))
        .routes(routes!(relationships::request))
        .routes(routes!(customers::get))
        .routes(routes!(agreements::list, agreements::accept))
        .routes(routes!(orders::create_cart))
        .routes(routes!(orders::checkout))
        .routes(routes!(orders::list_orders, orders::create_order))
        .routes(routes!(customers::head_domain))
        .routes(routes!(address::post))
        .routes(routes!(agreements::templates))
        .routes(routes!(catalogue::list))
        .routes(routes!(catalogue::get))
        .routes(routes!(catalogue::categories))
        .routes(routes!(relationships::list))
        .routes(routes!(country_rules::get))
        .split_for_parts();
    let router = router
        .fallback(async || ApiError::NotFound)
        .method_not_allowed_fallback(async || ApiError::MethodNotAllowed);
    (router, openapi::finish(document))
}

/// The built SPA (`dist/`) and the path it is served under.
#[derive(Debug, Clone)]
pub struct Spa {
    pub dir: PathBuf,
    /// `/`, or a path such as `/wizard` (no final slash): the SPA is then
    /// served at `/wizard/…` only, and its `index.html` must say
    /// `<base href="/wizard/">` ([`base_href`]).
    pub path: String,
}

impl Spa {
    /// The SPA at the root of the site.
    pub fn at_root(dir: impl Into<PathBuf>) -> Spa {
        Spa {
            dir: dir.into(),
            path: "/".to_owned(),
        }
    }

    /// What `<base href>` the SPA's `index.html` must have to be served here.
    pub fn expected_base_href(&self) -> String {
        format!("{}/", self.path.trim_end_matches('/'))
    }
}

/// The `href` of an HTML page's `<base>` element, if it has one.
pub fn base_href(html: &str) -> Option<&str> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<base")?;
    let tag = &lower[start..start + lower[start..].find('>')?];
    let at = start + tag.find("href=")? + "href=".len();
    let quote = html[at..]
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')?;
    let value = &html[at + 1..];
    Some(&value[..value.find(quote)?])
}

/// The whole HTTP surface. With `spa`, the paths under its path that are not
/// files serve its `index.html`, so that the SPA's deep links survive a reload.
pub fn app(state: AppState, spa: Option<&Spa>) -> Router {
    let (api, document) = api(state.settings.dialect);
    // Built once; each request shares the bytes.
    let document = axum::body::Bytes::from(document.to_json().unwrap_or_default());
    let router = Router::new()
        .route("/healthz", get(async || "ok"))
        .route(
            "/openapi.json",
            get(async move || ([(header::CONTENT_TYPE, "application/json")], document)),
        )
        .nest("/v1", api);
    let files = |spa: &Spa| spa_files::service(&spa.dir);
    let router = match spa {
        Some(spa) if spa.path.trim_end_matches('/').is_empty() => {
            router.fallback_service(files(spa))
        }
        // `/wizard`, `/wizard/` and everything under it.
        Some(spa) => router
            .nest_service(spa.path.trim_end_matches('/'), files(spa))
            .fallback(async || ApiError::NotFound),
        None => router.fallback(async || ApiError::NotFound),
    };
    let router = match spa {
        Some(spa) => router
            .layer(middleware::from_fn(spa_files::cache_policy))
            .layer(middleware::from_fn_with_state(
                Arc::new(spa_policy::SpaPolicy::of(&spa.dir)),
                spa_policy::apply,
            )),
        None => router,
    };
    let cors = cors(&state.settings.cors_origins);
    router
        .layer(DefaultBodyLimit::max(extract::BODY_LIMIT))
        .layer(middleware::from_fn_with_state(state.clone(), time_limit))
        .layer(middleware::from_fn(bounds::refuse_unstorable))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal("a handler panicked".to_owned()).into_response()
        }))
        .layer(middleware::from_fn(echo_request_ids))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            loopback_only_in_demo,
        ))
        .layer(middleware::from_fn(security_headers))
        .layer(cors)
        // The access log: one line per answer, with its status and latency.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(
                    DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(tower_http::LatencyUnit::Millis),
                ),
        )
        .with_state(state)
}

/// The span of a request's line in the access log: method, path and its
/// request and correlation ids, so that a client's report can be found.
/// Never the query string, the headers or the body: they may hold personal
/// data or credentials.
fn request_span(request: &Request) -> tracing::Span {
    let id = |name: &HeaderName| {
        request
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(|value| {
                value
                    .chars()
                    .take(bounds::MAX_REQUEST_ID_CHARS)
                    .collect::<String>()
            })
            .unwrap_or_default()
    };
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path().chars().take(200).collect::<String>(),
        request_id = %id(&ECHOED_HEADERS[0]),
        correlation_id = %id(&ECHOED_HEADERS[1]),
    )
}

/// Demo mode serves its accounts' passwords (`GET /v1/demo`): only to pages
/// of this machine. A request naming any other host (a page elsewhere that
/// rebinds its DNS name to 127.0.0.1) is refused.
async fn loopback_only_in_demo(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    match host {
        Some(host) if state.settings.demo.is_some() && !is_loopback_host(host) => {
            ApiError::BadInput("Demo mode serves only loopback host names.".to_owned())
                .into_response()
        }
        _ => next.run(request).await,
    }
}

/// `localhost`, `127.0.0.1` or `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "localhost" | "127.0.0.1" | "::1"
    )
}

/// What every response says about itself: never sniffed as another type,
/// never sent as a referrer, never framed; API answers never run as a page
/// nor stored by a cache.
async fn security_headers(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/v1/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if api {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
        // Tokens, demo passwords, new admins' one-time passwords: every
        // answer is this caller's, and none is kept by a cache on the way.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else {
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    response
}

/// A handler that outlives the limit is dropped, rolling back its transaction.
async fn time_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(state.settings.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Timeout.into_response(),
    }
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

/// What a browser on another origin needs to call the API; nothing when no
/// origin is allowed.
fn cors(origins: &[HeaderValue]) -> CorsLayer {
    if origins.is_empty() {
        return CorsLayer::new();
    }
    let request_headers = [
        header::AUTHORIZATION,
        header::CONTENT_TYPE,
        HeaderName::from_static("ms-requestid"),
        HeaderName::from_static("ms-correlationid"),
        HeaderName::from_static("x-locale"),
    ];
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.iter().cloned()))
        .allow_methods([Method::GET, Method::HEAD, Method::POST, Method::DELETE])
        .allow_headers(request_headers)
        .expose_headers([
            HeaderName::from_static("ms-requestid"),
            HeaderName::from_static("ms-correlationid"),
            header::RETRY_AFTER,
            // The step-up challenge of a 401 for missing MFA (RFC 9470).
            header::WWW_AUTHENTICATE,
        ])
        .max_age(Duration::from_secs(600))
}
