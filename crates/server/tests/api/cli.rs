//! The `customer-api` binary itself: `user add`, `migrate`, and demo mode's
//! refusal to leave loopback.

use std::process::Command;

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApi, small_catalogue};

fn customer_api() -> Command {
    Command::new(env!("CARGO_BIN_EXE_customer-api"))
}

#[test]
fn demo_mode_refuses_a_non_loopback_address() {
    let output = customer_api()
        .args([
            "serve",
            "--demo",
            "--bind",
            "0.0.0.0:0",
            "--database-url",
            "sqlite::memory:",
        ])
        .output()
        .expect("run customer-api");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("loopback"), "{stderr}");
}

#[test]
fn serve_refuses_a_catalogue_it_cannot_use() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("catalogue.json");
    std::fs::write(&broken, small_catalogue("Missing_Key").to_string()).expect("write");
    let missing = dir.path().join("missing.json");
    for file in [&broken, &missing] {
        let output = customer_api()
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--database-url",
                "sqlite::memory:",
            ])
            .arg("--catalogue")
            .arg(file)
            .output()
            .expect("run customer-api");
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("--catalogue"), "{stderr}");
    }
}

#[tokio::test]
async fn user_add_prints_only_the_password_it_generated_and_the_user_can_sign_in() {
    let api = TestApi::direct().await;
    let url = api.url.clone();
    let output = customer_api()
        .args([
            "user",
            "add",
            "--user-name",
            "ana@contosopartner.com",
            "--role",
            "sales-agent",
            "--database-url",
            &url,
        ])
        .output()
        .expect("run customer-api");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let password = stdout
        .lines()
        .find_map(|line| line.strip_prefix("password: "))
        .expect("a generated password is printed")
        .to_owned();
    let reply = api
        .send(
            Method::POST,
            "/v1/auth/token",
            None,
            Some(json!({"userName": "ana@contosopartner.com", "password": password})),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);

    let mut child = customer_api()
        .args([
            "user",
            "add",
            "--user-name",
            "bo",
            "--role",
            "billing-admin",
            "--password-stdin",
            "--database-url",
            &url,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run customer-api");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"a long chosen passphrase\n")
            .expect("write password");
    }
    let output = child.wait_with_output().expect("wait");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.contains("passphrase") && !stdout.contains("password"),
        "{stdout}"
    );

    let output = customer_api()
        .args([
            "user",
            "add",
            "--user-name",
            "x",
            "--role",
            "owner",
            "--database-url",
            &url,
        ])
        .output()
        .expect("run customer-api");
    assert!(!output.status.success(), "an unknown role is refused");
}

#[tokio::test]
async fn a_password_reset_and_user_remove_end_the_user_s_sign_ins() {
    let api = TestApi::direct().await;
    let url = api.url.clone();
    let token = api.token(customer_model::wire::Role::SalesAgent).await;
    api.get("/v1/customers", &token)
        .await
        .expect(StatusCode::OK);
    let user_name = "sales_agent@contosopartner.com";
    let reset = customer_api()
        .args([
            "user",
            "add",
            "--user-name",
            user_name,
            "--role",
            "sales-agent",
        ])
        .args(["--database-url", &url])
        .output()
        .expect("run customer-api");
    assert!(
        reset.status.success(),
        "{}",
        String::from_utf8_lossy(&reset.stderr)
    );
    api.get("/v1/customers", &token)
        .await
        .expect(StatusCode::UNAUTHORIZED);

    let token = api.token(customer_model::wire::Role::SalesAgent).await;
    api.get("/v1/customers", &token)
        .await
        .expect(StatusCode::OK);
    let remove = |name: &str| {
        customer_api()
            .args([
                "user",
                "remove",
                "--user-name",
                name,
                "--database-url",
                &url,
            ])
            .output()
            .expect("run customer-api")
    };
    let removed = remove(&user_name.to_uppercase());
    assert!(
        removed.status.success(),
        "{}",
        String::from_utf8_lossy(&removed.stderr)
    );
    api.get("/v1/customers", &token)
        .await
        .expect(StatusCode::UNAUTHORIZED);
    let again = remove(user_name);
    assert!(!again.status.success(), "removing nobody is an error");
    assert!(String::from_utf8_lossy(&again.stderr).contains("no user"));
}

#[test]
fn a_sign_in_lasts_at_most_a_day() {
    for minutes in ["0", "1441"] {
        let output = customer_api()
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--database-url",
                "sqlite::memory:",
            ])
            .args(["--token-minutes", minutes])
            .output()
            .expect("run customer-api");
        assert!(!output.status.success(), "--token-minutes {minutes}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("--token-minutes"),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[tokio::test]
async fn a_disabled_user_is_signed_out_and_kept_out_until_enabled() {
    let api = TestApi::direct().await;
    let url = api.url.clone();
    let token = api.token(customer_model::wire::Role::AdminAgent).await;
    let user_name = "admin_agent@contosopartner.com";
    let run = |command: &str| {
        let output = customer_api()
            .args([
                "user",
                command,
                "--user-name",
                user_name,
                "--database-url",
                &url,
            ])
            .output()
            .expect("run customer-api");
        assert!(
            output.status.success(),
            "user {command}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run("disable");
    api.get("/v1/customers", &token)
        .await
        .expect(StatusCode::UNAUTHORIZED);
    let sign_in = json!({"userName": user_name, "password": "correct horse battery staple"});
    let refused = api
        .send(
            Method::POST,
            "/v1/auth/token",
            None,
            Some(sign_in.clone()),
            &[],
        )
        .await;
    refused.expect(StatusCode::UNAUTHORIZED);
    // The account and what it did stay.
    assert_eq!(api.count("users").await, 1);

    run("enable");
    let reply = api
        .send(Method::POST, "/v1/auth/token", None, Some(sign_in), &[])
        .await;
    reply.expect(StatusCode::OK);
}

/// `make test` gives the release build in `API_TEST_SERVER_BIN`: there, the
/// test-only failure switch refuses to start (a debug build has it).
#[test]
fn a_release_build_refuses_the_test_only_failure_switch() {
    let Some(release) = std::env::var_os("API_TEST_SERVER_BIN") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("api.db").display());
    let mut server = Command::new(&release)
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--database-url",
            &database,
        ])
        .args(["--fail-field", "companyProfile.companyName"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the release customer-api");
    // A build that accepts the switch would serve on: it is given 10 s.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.try_wait().expect("its status") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = server.kill();
            let _ = server.wait();
            panic!("{release:?} started serving with --fail-field");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut server.stderr.take().expect("its stderr"), &mut stderr)
        .expect("read its stderr");
    assert!(!status.success());
    assert!(stderr.contains("only debug builds have it"), "{stderr}");
}
