//! The real `customer-api` binary on a free loopback port and a test's
//! database, and a plain HTTP/1.1 client of it: for the tests that need a
//! socket (a crash, the attack suite).

use std::net::SocketAddr;
use std::process::Stdio;
use std::time::Duration;

use axum::body::Bytes;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{Method, Request, StatusCode};
use customer_model::wire::{AccessToken, DemoInfo, Role};
use http_body_util::Full;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::json;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::support::{Reply, TestApi};

pub type Outcome<T = ()> = Result<T, String>;

const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);
/// Longer than any request takes; a request still unanswered then counts as
/// lost, as a client's timeout would.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(20);

/// The server binary: `API_TEST_SERVER_BIN` (`make test` gives the release
/// build, as deployed: the attack suite's timings are a deployment's), else
/// this test's debug build.
fn binary() -> std::path::PathBuf {
    std::env::var_os("API_TEST_SERVER_BIN")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_customer-api").into())
}

pub fn check(condition: bool, failure: impl FnOnce() -> String) -> Outcome {
    if condition { Ok(()) } else { Err(failure()) }
}

/// `customer-api serve --demo` on a free loopback port and the test's
/// database; its log goes to a file beside the database.
pub struct Server {
    pub process: Child,
    pub origin: String,
}

impl Server {
    pub async fn start(api: &TestApi, name: &str) -> Outcome<Server> {
        Server::start_with(api, name, &[]).await
    }

    /// [`Server::start`] with more `serve` flags.
    pub async fn start_with(api: &TestApi, name: &str, flags: &[&str]) -> Outcome<Server> {
        let log_path = api.dir.path().join(format!("{name}-server.log"));
        let log = std::fs::File::create(&log_path)
            .map_err(|error| format!("cannot create {}: {error}", log_path.display()))?;
        let mut process = Command::new(binary())
            .args(["serve", "--bind", "127.0.0.1:0", "--database-url"])
            .arg(&api.url)
            .arg("--demo")
            .arg("--key-file")
            .arg(api.dir.path().join("answers.key"))
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(log)
            // However the test ends, no server outlives it.
            .kill_on_drop(true)
            .spawn()
            .map_err(|error| format!("cannot start the {name} customer-api: {error}"))?;
        let stdout = process
            .stdout
            .take()
            .ok_or_else(|| format!("the {name} customer-api has no stdout pipe"))?;
        let mut lines = BufReader::new(stdout).lines();
        let first_line = tokio::time::timeout(STARTUP_TIMEOUT, lines.next_line()).await;
        let log = || std::fs::read_to_string(&log_path).unwrap_or_default();
        let origin = match first_line {
            Ok(Ok(Some(line))) => line
                .strip_prefix("listening on ")
                .map(str::to_owned)
                .ok_or_else(|| format!("the {name} customer-api printed {line:?} first"))?,
            Ok(Ok(None)) => {
                return Err(format!(
                    "the {name} customer-api exited before listening:\n{}",
                    log()
                ));
            }
            Ok(Err(error)) => {
                return Err(format!(
                    "cannot read the {name} customer-api's stdout: {error}"
                ));
            }
            Err(_) => {
                return Err(format!(
                    "the {name} customer-api did not listen within {STARTUP_TIMEOUT:?}:\n{}",
                    log()
                ));
            }
        };
        // The rest (the demo accounts) is drained, so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Server { process, origin })
    }

    /// The address it listens on.
    pub fn address(&self) -> Outcome<SocketAddr> {
        let address = self.origin.trim_start_matches("http://");
        address
            .parse()
            .map_err(|error| format!("{address} is not an address: {error}"))
    }

    /// SIGKILL: no graceful shutdown, every request in flight is cut off.
    pub async fn kill(mut self) -> Outcome {
        self.process
            .kill()
            .await
            .map_err(|error| format!("cannot kill customer-api: {error}"))
    }
}

/// A client of one server over real HTTP/1.1, one connection per request in flight.
#[derive(Clone)]
pub struct Http {
    client: Client<HttpConnector, Full<Bytes>>,
    pub origin: String,
}

impl Http {
    pub fn new(origin: &str) -> Http {
        Http {
            client: Client::builder(TokioExecutor::new()).build_http(),
            origin: origin.to_owned(),
        }
    }

    /// The reply, or why there is none: refused, cut off, or too slow.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<String>,
        request_id: Option<&str>,
    ) -> Outcome<Reply> {
        let what = format!("{method} {path}");
        let mut request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.origin));
        if let Some(token) = token {
            request = request.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some(request_id) = request_id {
            request = request.header("MS-RequestId", request_id);
        }
        let request = match body {
            Some(body) => request
                .header(CONTENT_TYPE, "application/json")
                .body(Full::new(Bytes::from(body))),
            None => request.body(Full::default()),
        }
        .map_err(|error| format!("{what}: cannot build the request: {error}"))?;
        let exchange = async {
            let response = self.client.request(request).await;
            let response = response.map_err(|error| causes(&error))?;
            Reply::read(response).await.map_err(|error| causes(&error))
        };
        match tokio::time::timeout(ANSWER_TIMEOUT, exchange).await {
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(error)) => Err(format!("{what}: {error}")),
            Err(_) => Err(format!("{what}: no answer within {ANSWER_TIMEOUT:?}")),
        }
    }

    /// Signs in as the demo account of `role`, as the sign-in page's Use button does.
    pub async fn sign_in(&self, role: Role) -> Outcome<String> {
        let reply = self.send(Method::GET, "/v1/demo", None, None, None).await?;
        check(reply.status == StatusCode::OK, || {
            format!("GET /v1/demo: {}", reply.text())
        })?;
        let demo: DemoInfo = serde_json::from_slice(&reply.body)
            .map_err(|error| format!("GET /v1/demo: {error}: {}", reply.text()))?;
        let account = demo
            .accounts
            .iter()
            .find(|account| account.role == Some(role))
            .ok_or_else(|| format!("GET /v1/demo lists no {} account", role.as_str()))?;
        let credentials = json!({"userName": account.user_name, "password": account.password});
        let reply = self
            .send(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(credentials.to_string()),
                None,
            )
            .await?;
        check(reply.status == StatusCode::OK, || {
            format!("signing in as {}: {}", account.user_name, reply.text())
        })?;
        let token: AccessToken = serde_json::from_slice(&reply.body)
            .map_err(|error| format!("POST /v1/auth/token: {error}: {}", reply.text()))?;
        Ok(token.access_token)
    }
}

/// An error with the errors that caused it: hyper's own says only "client error".
pub fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
