//! What keeps the server's doors shut: demo accounts that only work in demo
//! mode, a demo server that answers only pages of this machine, and the
//! headers every answer carries.

use axum::http::{Method, StatusCode};
use customer_api::{AppState, Settings, demo};
use customer_model::wire::Role;
use serde_json::json;

use crate::support::{TestApi, direct_settings};

/// The same database served with `settings`.
fn serving(api: &TestApi, settings: Settings) -> TestApi {
    TestApi {
        state: AppState::new(api.state.db.clone(), settings),
        url: api.url.clone(),
        dir: tempfile::tempdir().expect("temp dir"),
    }
}

async fn sign_in(api: &TestApi, user_name: &str, password: &str) -> crate::support::Reply {
    api.send(
        Method::POST,
        "/v1/auth/token",
        None,
        Some(json!({"userName": user_name, "password": password})),
        &[("Host", "127.0.0.1:8080")],
    )
    .await
}

#[tokio::test]
async fn demo_accounts_authenticate_only_while_the_server_runs_in_demo_mode() {
    let plain = TestApi::direct().await;
    let info = demo::seed(&plain.state.db).await.expect("demo accounts");
    let demo_mode = serving(
        &plain,
        Settings {
            demo: Some(info.clone()),
            ..direct_settings()
        },
    );
    let account = &info.accounts[0];
    let reply = sign_in(&demo_mode, &account.user_name, &account.password).await;
    reply.expect(StatusCode::OK);
    let token = reply.json()["accessToken"]
        .as_str()
        .expect("a token")
        .to_owned();
    demo_mode
        .get("/v1/customers", &token)
        .await
        .expect(StatusCode::OK);

    // The same database without --demo: the printed password and the token
    // it gave are worthless.
    sign_in(&plain, &account.user_name, &account.password)
        .await
        .expect(StatusCode::UNAUTHORIZED);
    plain
        .get("/v1/customers", &token)
        .await
        .expect(StatusCode::UNAUTHORIZED);

    // An administrator who adds that user name makes it staff.
    customer_api::auth::upsert_user(
        &plain.state.db,
        &account.user_name,
        Some("a long passphrase"),
        account.role.expect("a role"),
    )
    .await
    .expect("user add");
    sign_in(&plain, &account.user_name, "a long passphrase")
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn in_demo_mode_only_loopback_host_names_are_served() {
    let plain = TestApi::direct().await;
    let info = demo::seed(&plain.state.db).await.expect("demo accounts");
    let demo_mode = serving(
        &plain,
        Settings {
            demo: Some(info),
            ..direct_settings()
        },
    );
    for host in [
        "evil.example",
        "evil.example:8080",
        "127.0.0.1.evil.example",
        "localhost.evil",
    ] {
        let reply = demo_mode
            .send(Method::GET, "/v1/demo", None, None, &[("Host", host)])
            .await;
        reply.expect(StatusCode::BAD_REQUEST);
        assert!(
            !reply.text().contains("password\""),
            "{host}: {}",
            reply.text()
        );
    }
    for host in [
        "127.0.0.1:8080",
        "localhost",
        "LOCALHOST:9000",
        "[::1]:8080",
    ] {
        demo_mode
            .send(Method::GET, "/v1/demo", None, None, &[("Host", host)])
            .await
            .expect(StatusCode::OK);
    }
    // Outside demo mode a server behind a proxy answers any name.
    plain
        .send(
            Method::GET,
            "/healthz",
            None,
            None,
            &[("Host", "customers.fabrikam.com")],
        )
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn every_answer_is_never_sniffed_nor_a_referrer_and_api_answers_are_never_stored_or_framed() {
    let api = TestApi::direct().await;
    let health = api.send(Method::GET, "/healthz", None, None, &[]).await;
    let token = api.token(customer_model::wire::Role::AdminAgent).await;
    let customers = api.get("/v1/customers", &token).await;
    let refused = sign_in(&api, "nobody", "wrong password").await;
    for (what, reply) in [
        ("/healthz", &health),
        ("/v1/customers", &customers),
        ("a refused sign-in", &refused),
    ] {
        let header = |name: &str| {
            reply
                .headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{what}");
        if what != "/healthz" {
            assert_eq!(header("cache-control"), "no-store", "{what}");
            assert_eq!(
                header("content-security-policy"),
                "default-src 'none'; frame-ancestors 'none'",
                "{what}"
            );
        } else {
            assert_eq!(header("x-frame-options"), "DENY", "{what}");
        }
    }
}

fn limited(requests_per_minute: u32) -> Settings {
    Settings {
        rates: customer_api::throttle::Rates {
            requests_per_user: customer_api::throttle::at_least_one(requests_per_minute),
            ..Default::default()
        },
        ..direct_settings()
    }
}

#[tokio::test]
async fn an_account_guessed_at_is_throttled_with_retry_after_and_every_check_is_audited() {
    let api = TestApi::direct().await;
    let user = "guessed@contosopartner.com";
    customer_api::auth::upsert_user(&api.state.db, user, Some("the right one"), Role::AdminAgent)
        .await
        .expect("a user");
    for _ in 0..10 {
        sign_in(&api, user, "wrong")
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    // The eleventh is not even checked: the right password is no way to tell.
    let reply = sign_in(&api, "GUESSED@contosopartner.com", "the right one").await;
    reply.expect(StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = reply.headers["retry-after"]
        .to_str()
        .ok()
        .and_then(|value| value.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(reply.json()["code"], 429);
    assert!(
        reply.json()["message"]
            .as_str()
            .is_some_and(|text| text.contains(&format!("{wait} seconds")))
    );
    let (refused,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in refused' AND user_name = $1",
    )
    .bind(user)
    .fetch_one(&api.state.db)
    .await
    .expect("audit log");
    assert_eq!(refused, 10);
    // Another account is not held back.
    api.token(Role::SalesAgent).await;
}

#[tokio::test]
async fn a_signed_in_user_over_the_request_rate_gets_429_and_others_do_not() {
    let api = TestApi::new(limited(3)).await;
    let busy = api.token(Role::AdminAgent).await;
    let other = api.token(Role::SalesAgent).await;
    for _ in 0..3 {
        api.get("/v1/customers", &busy).await.expect(StatusCode::OK);
    }
    let reply = api.get("/v1/customers", &busy).await;
    reply.expect(StatusCode::TOO_MANY_REQUESTS);
    assert!(reply.headers.contains_key("retry-after"));
    api.get("/v1/customers", &other)
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn text_no_database_can_store_is_refused_with_400_not_500() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let mut body = crate::support::customer_body("nulname");
    body["companyProfile"]["companyName"] = json!("Contoso\u{0}Inc");
    let reply = api.post("/v1/customers", &token, body, None).await;
    reply.expect(StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("NUL"), "{}", reply.text());

    // The shared rules refuse what would make a name look other than it is.
    let mut body = crate::support::customer_body("bidiname");
    body["companyProfile"]["companyName"] = json!("Contoso \u{202E}cnI");
    body["billingProfile"]["defaultAddress"]["firstName"] = json!("Ja\u{200B}ne");
    let reply = api.post("/v1/customers", &token, body, None).await;
    assert_eq!(
        reply.issues(),
        [
            "companyProfile.companyName:invisible_characters",
            "billingProfile.defaultAddress.firstName:invisible_characters"
        ]
    );
    // Lone surrogates are not JSON text; a megabyte of name is over the body limit.
    let surrogate = axum::http::Request::post("/v1/customers")
        .header("Authorization", format!("Bearer {token}"))
        .header("Content-Type", "application/json")
        .body(axum::body::Body::from(
            crate::support::customer_body("surrogate")
                .to_string()
                .replacen("Contoso Incorporated", "Contoso \\ud800 Inc", 1),
        ))
        .expect("a request");
    let response = tower::ServiceExt::oneshot(api.router(), surrogate)
        .await
        .expect("an answer");
    let reply = crate::support::Reply::read(response).await.expect("a body");
    reply.expect(StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("hex escape"), "{}", reply.text());
    let mut huge = crate::support::customer_body("megabyte");
    huge["companyProfile"]["companyName"] = json!("a".repeat(1 << 20));
    api.post("/v1/customers", &token, huge, None)
        .await
        .expect(StatusCode::PAYLOAD_TOO_LARGE);

    let long_id = "r".repeat(10_000);
    let reply = api
        .post(
            "/v1/customers",
            &token,
            crate::support::customer_body("longid"),
            Some(&long_id),
        )
        .await;
    reply.expect(StatusCode::BAD_REQUEST);
    assert!(reply.text().contains("MS-RequestId"), "{}", reply.text());
    let reply = api
        .send(
            Method::GET,
            "/v1/customers",
            Some(&token),
            None,
            &[("MS-CorrelationId", "a b")],
        )
        .await;
    reply.expect(StatusCode::BAD_REQUEST);

    for uri in [
        "/v1/customers/abc%00def",
        "/v1/customers?filter=%00",
        "/v1/countryrules/U%00S",
    ] {
        api.get(uri, &token).await.expect(StatusCode::BAD_REQUEST);
    }
    // Odd path parameters: a 404 or a 400, never a 5xx.
    let long_id = format!("/v1/customers/{}", "x".repeat(5_000));
    for uri in [
        "/v1/customers/%2e%2e%2f%2e%2e%2fetc",
        "/v1/customers/%FF%FE",
        long_id.as_str(),
        "/v1/customers/%E2%80%AE/orders",
        "/v1/countryvalidationrules/%C3%9C%C3%9C",
        "/v1/offers/%20?country=US",
    ] {
        let status = api.get(uri, &token).await.status;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{uri}: {status}"
        );
    }
    let huge =
        json!({"Field": "CompanyName", "Value": "a".repeat(60_000), "Operator": "starts_with"});
    let uri = format!(
        "/v1/customers?filter={}",
        crate::support::encode(&huge.to_string())
    );
    api.get(&uri, &token).await.expect(StatusCode::BAD_REQUEST);
    assert_eq!(api.count("customers").await, 0);
}

/// A continuation token as the server writes it: hexadecimal JSON.
fn token_of(page: serde_json::Value) -> String {
    page.to_string()
        .bytes()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[tokio::test]
async fn a_forged_continuation_token_asks_no_more_than_a_filter_could() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    for prefix in ["alpha", "beta", "gamma"] {
        api.create_customer(&token, prefix).await;
    }
    let next = |continuation: String| {
        let api = &api;
        let token = token.clone();
        async move {
            api.send(
                Method::GET,
                "/v1/customers?seekOperation=Next",
                Some(&token),
                None,
                &[("MS-ContinuationToken", &continuation)],
            )
            .await
        }
    };
    // A wildcard in the prefix matches only itself: no customer is named "%".
    let wildcard =
        token_of(json!({"domain": true, "prefix": "%", "after_name": "", "after_id": ""}));
    let reply = next(wildcard).await;
    reply.expect(StatusCode::OK);
    assert_eq!(reply.json()["totalCount"], 0, "{}", reply.text());
    // The old shape (a SQL pattern), an oversized token and NUL are refused.
    let old = token_of(json!({"domain": true, "pattern": "%", "after_name": "", "after_id": ""}));
    next(old).await.expect(StatusCode::BAD_REQUEST);
    let oversized = token_of(
        json!({"domain": true, "prefix": "a".repeat(5_000), "after_name": "", "after_id": ""}),
    );
    next(oversized).await.expect(StatusCode::BAD_REQUEST);
    let nul =
        token_of(json!({"domain": false, "prefix": "", "after_name": "\u{0}", "after_id": ""}));
    next(nul).await.expect(StatusCode::BAD_REQUEST);
    next("zz".to_owned()).await.expect(StatusCode::BAD_REQUEST);
}

#[cfg(unix)]
#[tokio::test]
async fn a_new_sqlite_database_is_readable_by_the_server_s_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fresh.db");
    let db = customer_api::db::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("a new database");
    db.close().await;
    let mode = std::fs::metadata(&path)
        .expect("the file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
}
