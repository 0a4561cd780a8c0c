//! Sign-in, sessions, roles and the demo accounts.

use axum::http::{Method, StatusCode};
use customer_api::demo;
use customer_model::wire::Role;
use serde_json::json;

use crate::support::TestApi;

#[tokio::test]
async fn staff_sign_in_and_see_who_they_are() {
    let api = TestApi::direct().await;
    let token = api.token(Role::SalesAgent).await;
    let me = api.get("/v1/me", &token).await;
    assert_eq!(me.status, StatusCode::OK);
    let me = me.json();
    assert_eq!(me["userName"], "sales_agent@contosopartner.com");
    assert_eq!(me["roles"], json!(["sales_agent"]));
    assert_eq!(me["partner"]["partnerType"], "direct_bill");
    assert_eq!(me["partner"]["domains"], json!(["contosopartner.com"]));
}

#[tokio::test]
async fn wrong_passwords_and_unknown_users_are_refused_alike() {
    let api = TestApi::direct().await;
    api.token(Role::AdminAgent).await;
    for (user, password) in [
        ("admin_agent@contosopartner.com", "wrong"),
        ("nobody", "correct horse battery staple"),
    ] {
        let reply = api
            .send(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(json!({"userName": user, "password": password})),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{user}");
        assert_eq!(reply.json()["code"], "InvalidCredentials");
    }
}

#[tokio::test]
async fn a_missing_unknown_or_revoked_token_is_401() {
    let api = TestApi::direct().await;
    let reply = api.send(Method::GET, "/v1/me", None, None, &[]).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.json()["code"], 800001);
    assert!(reply.headers.contains_key("www-authenticate"));
    assert_eq!(
        api.get("/v1/me", "not-a-token").await.status,
        StatusCode::UNAUTHORIZED
    );

    let token = api.token(Role::AdminAgent).await;
    let reply = api
        .send(Method::DELETE, "/v1/auth/token", Some(&token), None, &[])
        .await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(
        api.get("/v1/me", &token).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn tokens_expire() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    sqlx::query("UPDATE tokens SET expires_at = $1")
        .bind(customer_api::db::now() - 1)
        .execute(&api.state.db)
        .await
        .expect("expire");
    assert_eq!(
        api.get("/v1/me", &token).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn secrets_are_stored_only_as_hashes() {
    let api = TestApi::direct().await;
    let token = api.token(Role::AdminAgent).await;
    let (hash,): (String,) = sqlx::query_as("SELECT token_hash FROM tokens")
        .fetch_one(&api.state.db)
        .await
        .expect("token row");
    assert_ne!(hash, token);
    assert_eq!(hash, customer_api::auth::sha256_hex(&token));
    let (password_hash,): (String,) = sqlx::query_as("SELECT password_hash FROM users")
        .fetch_one(&api.state.db)
        .await
        .expect("user row");
    assert!(password_hash.starts_with("$argon2id$"), "{password_hash}");
}

#[tokio::test]
async fn roles_that_may_not_add_customers_get_a_403_that_says_why() {
    let api = TestApi::direct().await;
    for role in [Role::BillingAdmin, Role::HelpdeskAgent] {
        let token = api.token(role).await;
        let reply = api
            .post(
                "/v1/customers",
                &token,
                crate::support::customer_body("blocked"),
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{role:?}");
        let description = reply.json()["description"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(description.contains(role.as_str()), "{description}");
        // Reading is fine.
        assert_eq!(
            api.get("/v1/customers", &token).await.status,
            StatusCode::OK
        );
    }
    for role in [
        Role::GlobalAdmin,
        Role::UserManagementAdmin,
        Role::AdminAgent,
        Role::SalesAgent,
    ] {
        let token = api.token(role).await;
        let prefix = role.as_str().replace('_', "");
        api.create_customer(&token, &prefix).await;
    }
    assert_eq!(api.count("customers").await, 4);
}

#[tokio::test]
async fn demo_mode_seeds_once_and_lists_accounts_that_can_sign_in() {
    let api = TestApi::direct().await;
    let first = demo::seed(&api.state.db).await.expect("seed");
    let customers = api.count("customers").await;
    let second = demo::seed(&api.state.db).await.expect("seed again");
    assert_eq!(
        api.count("customers").await,
        customers,
        "seeding twice adds nothing"
    );
    assert!(customers >= 5);
    assert_eq!(api.count("resellers").await, 3);
    assert_eq!(second.accounts.len(), Role::ALL.len());
    assert_ne!(
        first.accounts[0].password, second.accounts[0].password,
        "new passwords each start"
    );

    // Outside demo mode there is nothing to show.
    assert_eq!(
        api.send(Method::GET, "/v1/demo", None, None, &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let mut settings = crate::support::indirect_settings();
    settings.demo = Some(second.clone());
    let demo_api = TestApi {
        state: customer_api::AppState::new(api.state.db.clone(), settings),
        ..api
    };
    let reply = demo_api
        .send(Method::GET, "/v1/demo", None, None, &[])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let account = &second.accounts[2];
    assert_eq!(
        reply.json()["accounts"][2]["userName"],
        account.user_name.as_str()
    );
    let reply = demo_api
        .send(
            Method::POST,
            "/v1/auth/token",
            None,
            Some(json!({"UserName": account.user_name, "Password": account.password})),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
}
