//! The attack suite: the real binary on loopback, attacked the way a careful
//! reviewer would, each attack bounded in count and time. Password guessing
//! by the thousand, and sockets that never finish their headers.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{Method, Request, StatusCode};
use customer_model::wire::{DemoInfo, Role};
use http_body_util::Full;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use serde_json::json;
use tokio::task::JoinSet;

use crate::binary::{ANSWER_TIMEOUT, Http, Outcome, Server, causes, check};
use crate::support::{Reply, TestApi};

const WRONG_SIGN_INS: usize = 2_000;
const MOST_MEMORY_KIB: u64 = 300 * 1024;
const SLOWEST_HEALTH_CHECK: Duration = Duration::from_millis(100);
const SLOWEST_SIGN_IN_UNDER_ATTACK: Duration = Duration::from_secs(2);

/// Throttling is the same on either database; this runs once, on SQLite.
fn on_sqlite_only() -> bool {
    std::env::var_os("TEST_POSTGRES_URL").is_none()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_concurrent_wrong_sign_ins_leave_the_server_small_healthy_and_open_to_others()
{
    if on_sqlite_only()
        && let Err(failure) = password_guessing().await
    {
        panic!("{failure}");
    }
}

async fn password_guessing() -> Outcome {
    let api = TestApi::direct().await;
    let server = Server::start(&api, "guessing").await?;
    let http = Http::new(&server.origin);
    let demo = demo_accounts(&http).await?;
    let victim = account(&demo, Role::AdminAgent)?;
    let bystander = account(&demo, Role::SalesAgent)?;
    let health = HealthWatch::start(server.address()?.port());

    let attacker: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let guess = json!({"userName": victim.0, "password": "not-the-password"}).to_string();
    let mut guesses = JoinSet::new();
    for _ in 0..WRONG_SIGN_INS {
        let (attacker, guess, origin) = (attacker.clone(), guess.clone(), server.origin.clone());
        guesses.spawn(async move { post_sign_in(&attacker, &origin, guess).await });
    }
    // While the guesses arrive, the bystander signs in from another address
    // of this machine (127.0.0.2), with the right password.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut connector = HttpConnector::new();
    connector.set_local_address(Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2))));
    let elsewhere: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build(connector);
    let started = Instant::now();
    let credentials = json!({"userName": bystander.0, "password": bystander.1}).to_string();
    let reply = post_sign_in(&elsewhere, &server.origin, credentials).await?;
    let took = started.elapsed();
    check(reply.status == StatusCode::OK, || {
        format!("the bystander's sign-in under attack: {}", reply.text())
    })?;
    check(took <= SLOWEST_SIGN_IN_UNDER_ATTACK, || {
        format!("the bystander's sign-in took {took:?} under attack")
    })?;

    let (mut refused, mut throttled) = (0, 0);
    while let Some(joined) = guesses.join_next().await {
        let reply = joined.map_err(|error| format!("a guess panicked: {error}"))??;
        match reply.status {
            StatusCode::UNAUTHORIZED => refused += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                let wait: u64 = reply
                    .headers
                    .get(RETRY_AFTER)
                    .and_then(|value| value.to_str().ok()?.parse().ok())
                    .ok_or_else(|| format!("a 429 without Retry-After: {:?}", reply.headers))?;
                check((1..=60).contains(&wait), || format!("Retry-After: {wait}"))?;
                throttled += 1;
            }
            _ => return Err(format!("a wrong sign-in answered {}", reply.text())),
        }
    }
    let slowest = health.stop()?;
    check(slowest <= SLOWEST_HEALTH_CHECK, || {
        format!("/healthz took {slowest:?} at its slowest during the attack")
    })?;
    // The account allows 10 sign-ins a minute: the bystander's came from
    // another account, the guesses share one.
    check(refused <= 10 && throttled >= WRONG_SIGN_INS - 10, || {
        format!("{refused} guesses were checked and {throttled} throttled")
    })?;
    let peak = peak_memory_kib(&server)?;
    eprintln!(
        "password guessing: {refused} checked, {throttled} throttled; /healthz at worst {slowest:?}; \
         the bystander signed in in {took:?}; peak memory {} MiB",
        peak / 1024
    );
    check(peak <= MOST_MEMORY_KIB, || {
        format!("the server's memory peaked at {} MiB", peak / 1024)
    })?;
    // Every password checked is in the audit log, with the client's address.
    let logged: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT user_name, action, target FROM audit_log WHERE action LIKE 'sign-in%'",
    )
    .fetch_all(&api.state.db)
    .await
    .map_err(|error| format!("reading the audit log: {error}"))?;
    let refusals = logged
        .iter()
        .filter(|(user, action, target)| {
            user == &victim.0 && action == "sign-in refused" && target == "127.0.0.1"
        })
        .count();
    check(refusals == refused, || {
        format!("{refused} refusals answered, {refusals} logged: {logged:?}")
    })?;
    check(
        logged.iter().any(|(user, action, target)| {
            user == &bystander.0 && action == "sign-in" && target == "127.0.0.2"
        }),
        || format!("the bystander's sign-in is not logged: {logged:?}"),
    )?;
    server.kill().await
}

async fn post_sign_in(
    client: &Client<HttpConnector, Full<Bytes>>,
    origin: &str,
    body: String,
) -> Outcome<Reply> {
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("{origin}/v1/auth/token"))
        .header(CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body)))
        .map_err(|error| format!("building a sign-in: {error}"))?;
    let exchange = async {
        let response = client
            .request(request)
            .await
            .map_err(|error| causes(&error))?;
        Reply::read(response).await.map_err(|error| causes(&error))
    };
    tokio::time::timeout(ANSWER_TIMEOUT, exchange)
        .await
        .map_err(|_| format!("a sign-in had no answer within {ANSWER_TIMEOUT:?}"))?
}

async fn demo_accounts(http: &Http) -> Outcome<DemoInfo> {
    let reply = http.send(Method::GET, "/v1/demo", None, None, None).await?;
    serde_json::from_slice(&reply.body).map_err(|error| format!("GET /v1/demo: {error}"))
}

/// The user name and password of the demo account of `role`.
fn account(demo: &DemoInfo, role: Role) -> Outcome<(String, String)> {
    demo.accounts
        .iter()
        .find(|account| account.role == Some(role))
        .map(|account| (account.user_name.clone(), account.password.clone()))
        .ok_or_else(|| format!("no demo {} account", role.as_str()))
}

/// The server process's peak resident memory (`VmHWM`).
fn peak_memory_kib(server: &Server) -> Outcome<u64> {
    let pid = server.process.id().ok_or("the server has exited")?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|error| format!("reading /proc/{pid}/status: {error}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| format!("no VmHWM in /proc/{pid}/status"))
}

/// `/healthz` asked every 20 ms on one kept-alive connection, from a thread
/// of its own so that the attack's tasks cannot delay the asking.
struct HealthWatch {
    running: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<Outcome<Duration>>,
}

impl HealthWatch {
    fn start(port: u16) -> HealthWatch {
        let running = Arc::new(AtomicBool::new(true));
        let thread = std::thread::spawn({
            let running = running.clone();
            move || {
                let mut stream = TcpStream::connect(("127.0.0.1", port))
                    .map_err(|error| format!("connecting for /healthz: {error}"))?;
                stream
                    .set_read_timeout(Some(Duration::from_secs(5)))
                    .map_err(|error| error.to_string())?;
                let mut slowest = Duration::ZERO;
                while running.load(Ordering::Relaxed) {
                    let asked = Instant::now();
                    stream
                        .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .map_err(|error| format!("asking /healthz: {error}"))?;
                    let mut answer = Vec::new();
                    let mut buffer = [0u8; 512];
                    while !answer.ends_with(b"ok") {
                        let read = stream
                            .read(&mut buffer)
                            .map_err(|error| format!("reading /healthz: {error}"))?;
                        if read == 0 {
                            return Err("/healthz's connection was closed".to_owned());
                        }
                        answer.extend_from_slice(&buffer[..read]);
                    }
                    slowest = slowest.max(asked.elapsed());
                    std::thread::sleep(Duration::from_millis(20));
                }
                Ok(slowest)
            }
        });
        HealthWatch { running, thread }
    }

    /// The slowest answer seen.
    fn stop(self) -> Outcome<Duration> {
        self.running.store(false, Ordering::Relaxed);
        self.thread
            .join()
            .map_err(|_| "the /healthz watch panicked".to_owned())?
    }
}

const STALE_SOCKETS: usize = 500;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_sockets_that_never_finish_their_headers_are_closed_and_block_no_one() {
    if on_sqlite_only()
        && let Err(failure) = stale_sockets().await
    {
        panic!("{failure}");
    }
}

async fn stale_sockets() -> Outcome {
    let api = TestApi::direct().await;
    let server = Server::start_with(&api, "stale", &["--header-timeout-seconds", "2"]).await?;
    let address = server.address()?;
    let opened = Instant::now();
    let mut stale = Vec::with_capacity(STALE_SOCKETS);
    for _ in 0..STALE_SOCKETS {
        let mut socket = TcpStream::connect(address)
            .map_err(|error| format!("opening a stale socket: {error}"))?;
        socket
            .write_all(b"GET /v1/demo HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .map_err(|error| format!("writing half a request: {error}"))?;
        stale.push(socket);
    }
    // A new client is served at once, beside them.
    let asked = Instant::now();
    let http = Http::new(&server.origin);
    let reply = http.send(Method::GET, "/healthz", None, None, None).await?;
    check(reply.status == StatusCode::OK, || {
        format!("/healthz beside the stale sockets: {}", reply.text())
    })?;
    check(asked.elapsed() < Duration::from_secs(1), || {
        format!(
            "/healthz took {:?} beside the stale sockets",
            asked.elapsed()
        )
    })?;
    // Each stale socket is closed by the server within the header timeout
    // (2 s, counted from when it was opened) and a little slack.
    let deadline = opened + Duration::from_secs(6);
    for socket in &mut stale {
        let left = deadline.saturating_duration_since(Instant::now());
        socket
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .map_err(|error| error.to_string())?;
        let mut buffer = [0u8; 1024];
        loop {
            match socket.read(&mut buffer) {
                Ok(0) => break,
                // hyper may answer 408 before closing; the close is what counts.
                Ok(_) => continue,
                Err(error) if error.kind() == std::io::ErrorKind::ConnectionReset => break,
                Err(error) => {
                    return Err(format!(
                        "a stale socket was still open {:?} after it was opened: {error}",
                        opened.elapsed()
                    ));
                }
            }
        }
    }
    server.kill().await
}
