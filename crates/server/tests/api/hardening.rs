//! What keeps the server's doors shut: demo accounts that only work in demo
//! mode, a demo server that answers only pages of this machine, and the
//! headers every answer carries.

use axum::http::{Method, StatusCode};
use customer_api::{AppState, Settings, demo};
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
