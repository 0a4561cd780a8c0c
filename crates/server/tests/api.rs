//! The HTTP surface, exercised through the router (no socket) on a real SQLite
//! database.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use customer_api::{AppState, app, db};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

async fn state() -> AppState {
    AppState {
        db: db::connect("sqlite::memory:")
            .await
            .expect("in-memory database"),
    }
}

async fn add_customer(state: &AppState, id: &str, domain: &str, name: &str) {
    sqlx::query("INSERT INTO customers (id, domain, company_name) VALUES (?1, ?2, ?3)")
        .bind(id)
        .bind(domain)
        .bind(name)
        .execute(&state.db)
        .await
        .expect("insert customer");
}

async fn get(router: axum::Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let request = Request::get(uri)
        .header("MS-RequestId", "3f0a5c2e-0000-4000-8000-000000000001")
        .header("MS-CorrelationId", "3f0a5c2e-0000-4000-8000-000000000002")
        .body(Body::empty())
        .expect("request");
    let response = router.oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, headers, body.to_vec())
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("JSON body")
}

#[tokio::test]
async fn health_check_answers() {
    let (status, _, body) = get(app(state().await, None), "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"ok");
}

#[tokio::test]
async fn customer_list_is_an_empty_collection_at_first() {
    let (status, headers, body) = get(app(state().await, None), "/v1/customers").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/json",
        "content type"
    );
    assert_eq!(
        json(&body),
        serde_json::json!({"totalCount": 0, "items": [], "attributes": {"objectType": "Collection"}})
    );
}

#[tokio::test]
async fn customer_list_returns_customers_sorted_by_name() {
    let state = state().await;
    add_customer(&state, "b1", "wingtip.onmicrosoft.com", "Wingtip Toys").await;
    add_customer(&state, "a1", "contoso.onmicrosoft.com", "Contoso Ltd").await;
    let (status, _, body) = get(app(state, None), "/v1/customers").await;
    assert_eq!(status, StatusCode::OK);
    let list = json(&body);
    assert_eq!(list["totalCount"], 2);
    assert_eq!(
        list["items"][0]["companyProfile"]["companyName"],
        "Contoso Ltd"
    );
    assert_eq!(
        list["items"][0]["companyProfile"]["domain"],
        "contoso.onmicrosoft.com"
    );
    assert_eq!(list["items"][0]["attributes"]["objectType"], "Customer");
    assert_eq!(list["items"][1]["id"], "b1");
}

#[tokio::test]
async fn customer_search_matches_a_prefix_of_name_or_domain_case_insensitively() {
    let state = state().await;
    add_customer(&state, "a1", "contoso.onmicrosoft.com", "Contoso Ltd").await;
    add_customer(&state, "b1", "wingtip.onmicrosoft.com", "Wingtip Toys").await;
    add_customer(&state, "c1", "fabrikam.onmicrosoft.com", "Contoso Fabrikam").await;
    let by_name = r#"{"Field":"CompanyName","Value":"CONTOSO","Operator":"starts_with"}"#;
    let by_domain = r#"{"Field":"Domain","Value":"wing","Operator":"starts_with"}"#;
    let router = app(state, None);
    let (_, _, body) = get(
        router.clone(),
        &format!("/v1/customers?filter={}", encode(by_name)),
    )
    .await;
    let names: Vec<_> = json(&body)["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["companyProfile"]["companyName"].clone())
        .collect();
    assert_eq!(names, ["Contoso Fabrikam", "Contoso Ltd"]);
    let (_, _, body) = get(
        router,
        &format!("/v1/customers?filter={}", encode(by_domain)),
    )
    .await;
    assert_eq!(json(&body)["items"][0]["id"], "b1");
    assert_eq!(json(&body)["totalCount"], 1);
}

#[tokio::test]
async fn a_malformed_filter_is_a_400_fault() {
    let (status, _, body) = get(app(state().await, None), "/v1/customers?filter=nope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let fault = json(&body);
    assert_eq!(fault["code"], 800002);
    assert!(
        fault["description"]
            .as_str()
            .is_some_and(|text| text.contains("filter"))
    );
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404_with_the_request_ids_echoed() {
    let (status, headers, body) = get(app(state().await, None), "/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["code"], 404);
    assert_eq!(
        headers["ms-requestid"],
        "3f0a5c2e-0000-4000-8000-000000000001"
    );
    assert_eq!(
        headers["ms-correlationid"],
        "3f0a5c2e-0000-4000-8000-000000000002"
    );
}

#[tokio::test]
async fn deep_links_into_the_spa_serve_its_index_page() {
    let dist = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>wizard</title>",
    )
    .expect("write index.html");
    std::fs::write(dist.path().join("app.js"), "console.log(1)").expect("write app.js");
    let router = app(state().await, Some(dist.path()));

    let (status, _, body) = get(router.clone(), "/customers/new/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&body).contains("<title>wizard</title>"));

    let (status, _, body) = get(router.clone(), "/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"console.log(1)");

    // API paths never fall back to the SPA.
    let (status, _, body) = get(router, "/v1/unknown").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["code"], 404);
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn country_rules_are_served_per_country_and_unknown_countries_are_404() {
    let router = app(state().await, None);
    let (status, _, body) = get(router.clone(), "/v1/countryvalidationrules/hu").await;
    assert_eq!(status, StatusCode::OK);
    let rules = json(&body);
    assert_eq!(rules["iso2Code"], "HU");
    assert_eq!(rules["postalCodeRegex"], r"^(?:\d{4})$");
    assert_eq!(
        rules["customerOrganizationRegistrationNumberRequired"],
        true
    );
    assert_eq!(rules["attributes"]["objectType"], "CountryValidationRules");
    let (status, _, body) = get(router, "/v1/countryvalidationrules/XX").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json(&body)["code"], 404);
}
