//! What every endpoint shares: faults instead of HTML, echoed ids, limits, CORS.

use axum::http::{Method, StatusCode};
use customer_api::{Settings, Spa, app, base_href};
use customer_model::wire::Role;
use serde_json::json;
use tower::ServiceExt;

use crate::support::TestApi;

const IDS: [(&str, &str); 2] = [
    ("MS-RequestId", "3f0a5c2e-0000-4000-8000-000000000001"),
    ("MS-CorrelationId", "3f0a5c2e-0000-4000-8000-000000000002"),
];

#[tokio::test]
async fn health_check_answers() {
    let api = TestApi::direct().await;
    let reply = api.send(Method::GET, "/healthz", None, None, &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, b"ok");
}

#[tokio::test]
async fn unknown_routes_are_json_404s_with_the_request_ids_echoed() {
    let api = TestApi::direct().await;
    let reply = api
        .send(Method::GET, "/v1/nothing-here", None, None, &IDS)
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["code"], "NotFound");
    assert_eq!(reply.headers["ms-requestid"], IDS[0].1);
    assert_eq!(reply.headers["ms-correlationid"], IDS[1].1);
    let reply = api.send(Method::GET, "/not-api", None, None, &IDS).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["code"], "NotFound");
}

#[tokio::test]
async fn errors_echo_the_ids_too_and_wrong_methods_are_json_405s() {
    let api = TestApi::direct().await;
    let reply = api
        .send(Method::GET, "/v1/customers", None, None, &IDS)
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.headers["ms-requestid"], IDS[0].1);
    let reply = api
        .send(Method::PUT, "/v1/customers", None, None, &IDS)
        .await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.json()["code"], "MethodNotAllowed");
    assert_eq!(reply.headers["ms-correlationid"], IDS[1].1);
}

#[tokio::test]
async fn bodies_must_be_json_of_bounded_size() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let request = |content_type: &str, body: String| {
        axum::http::Request::post("/v1/customers")
            .header("Authorization", format!("Bearer {token}"))
            .header("Content-Type", content_type)
            .body(axum::body::Body::from(body))
            .expect("request")
    };
    let status = |request: axum::http::Request<axum::body::Body>| async {
        api.router()
            .oneshot(request)
            .await
            .expect("response")
            .status()
    };
    assert_eq!(
        status(request("text/plain", "{}".into())).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(
        status(request("application/json", "{not json".into())).await,
        StatusCode::BAD_REQUEST
    );
    let huge = json!({"companyProfile": {"companyName": "x".repeat(100_000)}}).to_string();
    assert_eq!(
        status(request("application/json", huge)).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test]
async fn deep_links_into_the_spa_serve_its_index_page() {
    let dist = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>wizard</title>",
    )
    .expect("write");
    std::fs::write(dist.path().join("app.js"), "console.log(1)").expect("write");
    let api = TestApi::direct().await;
    let router = app(api.state.clone(), Some(&Spa::at_root(dist.path())));
    let get = |uri: &'static str| get_text(router.clone(), uri);
    let (status, body) = get("/customers/new/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>wizard</title>"));
    assert_eq!(
        get("/app.js").await,
        (StatusCode::OK, "console.log(1)".to_owned())
    );
    // API paths never fall back to the SPA.
    let (status, body) = get("/v1/unknown").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("NotFound"));
}

#[tokio::test]
async fn under_a_spa_path_only_that_path_serves_the_spa() {
    let dist = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dist.path().join("index.html"),
        r#"<!doctype html><base href="/wizard/"><title>wizard</title>"#,
    )
    .expect("write");
    std::fs::write(dist.path().join("app.js"), "console.log(1)").expect("write");
    let api = TestApi::direct().await;
    let spa = Spa {
        dir: dist.path().to_owned(),
        path: "/wizard".to_owned(),
    };
    let router = app(api.state.clone(), Some(&spa));
    let get = |uri: &'static str| get_text(router.clone(), uri);
    for deep_link in [
        "/wizard",
        "/wizard/",
        "/wizard/customers/new/account",
        "/wizard/customers?q=a",
    ] {
        let (status, body) = get(deep_link).await;
        assert_eq!(status, StatusCode::OK, "{deep_link}");
        assert!(
            body.contains("<title>wizard</title>"),
            "{deep_link}: {body}"
        );
    }
    assert_eq!(
        get("/wizard/app.js").await,
        (StatusCode::OK, "console.log(1)".to_owned())
    );
    // Outside the path: neither the SPA nor its files.
    for elsewhere in ["/", "/customers/new/account", "/app.js", "/wizardry"] {
        let (status, body) = get(elsewhere).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{elsewhere}");
        assert!(body.contains("NotFound"), "{elsewhere}: {body}");
    }
    let (status, _) = get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(spa.expected_base_href(), "/wizard/");
    assert_eq!(Spa::at_root("dist").expected_base_href(), "/");
}

/// What a browser asking for `uri` with `Accept-Encoding: accept` is sent:
/// the status, the headers that matter to caches, and the body.
async fn fetch_encoded(
    router: axum::Router,
    uri: &str,
    accept: &str,
) -> (StatusCode, [Option<String>; 3], String) {
    let request = axum::http::Request::get(uri)
        .header("Accept-Encoding", accept)
        .body(axum::body::Body::empty())
        .expect("request");
    let response = router.oneshot(request).await.expect("response");
    let status = response.status();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|value| value.to_str().unwrap_or_default().to_owned())
    };
    let headers = [
        header("content-encoding"),
        header("cache-control"),
        header("vary"),
    ];
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .expect("body")
        .to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn the_app_s_files_go_precompressed_and_only_hashed_ones_are_kept_for_a_year() {
    let dist = tempfile::tempdir().expect("temp dir");
    let wasm = "customer-wizard-8c1b7c1f2e0d9a34_bg.wasm";
    for (name, text) in [
        ("index.html", "<!doctype html><title>wizard</title>"),
        ("config.json", "{}"),
        (wasm, "raw wasm"),
        // Stand-ins: which copy was sent is told by its text.
        (&format!("{wasm}.br") as &str, "brotli wasm"),
        (&format!("{wasm}.gz"), "gzip wasm"),
    ] {
        std::fs::write(dist.path().join(name), text).expect("write");
    }
    let api = TestApi::direct().await;
    let router = app(api.state.clone(), Some(&Spa::at_root(dist.path())));
    let year = Some("public, max-age=31536000, immutable".to_owned());
    let again = Some("no-cache".to_owned());
    let vary = Some("accept-encoding".to_owned());
    let path = format!("/{wasm}");
    for (accept, encoding, body) in [
        ("br, gzip", Some("br"), "brotli wasm"),
        ("gzip, deflate", Some("gzip"), "gzip wasm"),
        ("identity", None, "raw wasm"),
    ] {
        let (status, [sent_as, cache, varies], sent) =
            fetch_encoded(router.clone(), &path, accept).await;
        assert_eq!(status, StatusCode::OK, "{accept}");
        assert_eq!(sent_as.as_deref(), encoding, "{accept}");
        assert_eq!(sent, body, "{accept}");
        assert_eq!((&cache, &varies), (&year, &vary), "{accept}");
    }
    // What a deployer edits, and every page, is asked for again each load.
    for uri in ["/", "/index.html", "/config.json", "/customers/new/account"] {
        let (status, [sent_as, cache, varies], _) =
            fetch_encoded(router.clone(), uri, "br, gzip").await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(sent_as, None, "{uri}");
        assert_eq!((&cache, &varies), (&again, &vary), "{uri}");
    }
    // A hashed name that is no file (another release's) is not found: not
    // the app's page, which the app would take for its code and a cache
    // would keep under that name.
    let (status, [_, cache, _], _) = fetch_encoded(
        router.clone(),
        "/customer-wizard-0123456789abcdef.js",
        "br, gzip",
    )
    .await;
    assert_eq!((status, &cache), (StatusCode::NOT_FOUND, &again));
    // The API's answers are never stored.
    let (_, [_, cache, _], _) = fetch_encoded(router.clone(), "/v1/me", "br").await;
    assert_eq!(cache.as_deref(), Some("no-store"));
}

#[test]
fn the_base_href_of_a_page_is_found_in_any_case_and_quotes() {
    assert_eq!(
        base_href(r#"<head><base href="/wizard/" /></head>"#),
        Some("/wizard/")
    );
    assert_eq!(base_href("<HEAD><BASE HREF='/'></HEAD>"), Some("/"));
    assert_eq!(base_href(r#"<base target="_blank">"#), None);
    assert_eq!(base_href("<title>no base</title>"), None);
}

#[tokio::test]
async fn country_rules_are_served_per_country_and_unknown_countries_are_404() {
    let api = TestApi::direct().await;
    let reply = api
        .send(
            Method::GET,
            "/v1/countryvalidationrules/hu",
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let rules = reply.json();
    assert_eq!(rules["iso2Code"], "HU");
    assert_eq!(rules["postalCodeRegex"], r"^(?:\d{4})$");
    assert_eq!(
        rules["customerOrganizationRegistrationNumberRequired"],
        true
    );
    assert_eq!(rules["attributes"]["objectType"], "CountryValidationRules");
    let reply = api
        .send(
            Method::GET,
            "/v1/countryvalidationrules/XX",
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn cors_allows_only_the_configured_origins() {
    let settings = Settings {
        cors_origins: vec!["https://wizard.example".parse().expect("origin")],
        ..Settings::default()
    };
    let api = TestApi::new(settings).await;
    let preflight = |origin: &'static str| {
        axum::http::Request::builder()
            .method(Method::OPTIONS)
            .uri("/v1/customers")
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization,content-type,ms-requestid",
            )
            .body(axum::body::Body::empty())
            .expect("request")
    };
    let response = api
        .router()
        .oneshot(preflight("https://wizard.example"))
        .await
        .expect("response");
    let headers = response.headers();
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://wizard.example"
    );
    let allowed = headers["access-control-allow-headers"]
        .to_str()
        .expect("text")
        .to_ascii_lowercase();
    assert!(
        allowed.contains("ms-requestid") && allowed.contains("authorization"),
        "{allowed}"
    );
    let response = api
        .router()
        .oneshot(preflight("https://evil.example"))
        .await
        .expect("response");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

#[tokio::test]
async fn malformed_query_strings_are_faults_too() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let reply = api.get("/v1/customers?size=-1", &token).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.headers["content-type"], "application/json");
    assert_eq!(reply.json()["code"], 800002);
}

#[tokio::test]
async fn the_openapi_document_describes_every_route_and_its_faults() {
    let api = TestApi::direct().await;
    let reply = api
        .send(Method::GET, "/openapi.json", None, None, &[])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let document = reply.json();
    assert_eq!(document["servers"][0]["url"], "/v1");
    let paths = document["paths"].as_object().expect("paths");
    for path in [
        "/customers",
        "/customers/{id}/carts/{cart_id}/checkout",
        "/domains/{domain}",
        "/validations/address",
        "/auth/token",
    ] {
        assert!(paths.contains_key(path), "{path} documented");
    }
    let create = &document["paths"]["/customers"]["post"];
    assert_eq!(
        create["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Customer"
    );
    assert_eq!(
        create["responses"]["409"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ApiFault"
    );
    assert!(
        document["components"]["schemas"]["Customer"]["properties"]["companyProfile"].is_object()
    );
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
}

/// A GET through the router: the status and the body as text.
async fn get_text(router: axum::Router, uri: &str) -> (StatusCode, String) {
    let request = axum::http::Request::get(uri)
        .body(axum::body::Body::empty())
        .expect("request");
    let response = router.oneshot(request).await.expect("response");
    let status = response.status();
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .expect("body")
        .to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}
