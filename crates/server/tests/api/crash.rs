//! The real `customer-api` binary killed (SIGKILL) in the middle of a burst of
//! concurrent creates, then restarted on the same database: every customer a
//! client was told about (201) is still there, retrying what went unanswered
//! creates nothing twice, and the database is intact. SQLite by default,
//! PostgreSQL when `TEST_POSTGRES_URL` is set, like every test here.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use customer_api::db::Backend;
use customer_model::wire::Role;
use serde_json::Value;
use tokio::task::JoinSet;

use crate::binary::{Http, Outcome, Server, check};
use crate::support::{Reply, TestApi, customer_body};

/// Distinct customers (domains) created by the burst.
const CUSTOMERS: usize = 200;
/// Every tenth customer is sent twice at once, same `MS-RequestId` and body:
/// a double click racing itself.
const SENT_TWICE_EVERY: usize = 10;
/// The server is killed once this many creates are acknowledged: about a
/// quarter into the burst, so that most requests are in flight or not yet sent.
const KILL_AFTER_ACKNOWLEDGED: usize = 50;
/// Every domain of the burst starts with this (and nothing else's does).
const DOMAIN_PREFIX: &str = "crashburst";
/// Every request id of the burst starts with this.
const REQUEST_ID_PREFIX: &str = "burst-";
/// How many times a client sends a lost create again after the restart.
const ATTEMPTS_AFTER_RESTART: usize = 5;
const PAUSE_BETWEEN_ATTEMPTS: Duration = Duration::from_millis(200);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_burst_keeps_every_acknowledged_customer_once() {
    if let Err(failure) = killed_mid_burst().await {
        panic!("{failure}");
    }
}

async fn killed_mid_burst() -> Outcome {
    let started = Instant::now();
    // A fresh, migrated database; from here on only the server processes use it.
    let api = TestApi::direct().await;
    api.state.db.close().await;
    let creates = creates();
    let sends = sends();

    let server = Server::start(&api, "first").await?;
    let http = Http::new(&server.origin);
    let token = http.sign_in(Role::AdminAgent).await?;
    let mut burst = JoinSet::new();
    for (send, &of) in sends.iter().enumerate() {
        let (http, token, create) = (http.clone(), token.clone(), creates[of].clone());
        burst.spawn(async move { (send, Answer::of(http.create(&token, &create).await)) });
    }
    let mut answers: Vec<Option<Value>> = vec![None; sends.len()];
    let mut lost = Vec::new();
    let mut refused = Vec::new();
    let mut running = Some(server);
    while let Some(joined) = burst.join_next().await {
        let (send, answer) = joined.map_err(|error| format!("a create task failed: {error}"))?;
        match answer {
            Answer::Created(customer) => answers[send] = Some(customer),
            Answer::Lost(why) => lost.push((send, why)),
            Answer::Refused(why) => refused.push(why),
        }
        let acknowledged = answers.iter().flatten().count();
        if acknowledged >= KILL_AFTER_ACKNOWLEDGED
            && let Some(server) = running.take()
        {
            server.kill().await?;
        }
    }
    check(refused.is_empty(), || {
        format!("creates refused during the burst: {refused:#?}")
    })?;
    check(running.is_none(), || {
        format!(
            "the burst ended with only {} of {} creates acknowledged, so the server was never \
             killed; the first losses: {:#?}",
            answers.iter().flatten().count(),
            sends.len(),
            &lost[..lost.len().min(5)]
        )
    })?;
    let acknowledged_before_kill = answers.iter().flatten().count();
    check(!lost.is_empty(), || {
        format!(
            "all {} creates were answered before the kill took effect: nothing was cut off, \
             kill earlier",
            sends.len()
        )
    })?;

    // The client comes back once the server is up again: it signs in anew (demo
    // mode gives new passwords, to the same users) and sends every lost create
    // again, same id and body, all at once as before.
    let server = Server::start(&api, "restarted").await?;
    let http = Http::new(&server.origin);
    let token = http.sign_in(Role::AdminAgent).await?;
    let present_at_restart: BTreeSet<String> = http
        .customers(&token)
        .await?
        .iter()
        .filter_map(|customer| customer["companyProfile"]["domain"].as_str())
        .map(str::to_owned)
        .collect();
    let committed_but_lost: BTreeSet<&str> = lost
        .iter()
        .map(|&(send, _)| creates[sends[send]].domain.as_str())
        .filter(|domain| present_at_restart.contains(*domain))
        .collect();
    let mut retries = JoinSet::new();
    for &(send, _) in &lost {
        let (http, token, create) = (http.clone(), token.clone(), creates[sends[send]].clone());
        retries.spawn(async move { (send, http.create_until_created(&token, &create).await) });
    }
    while let Some(joined) = retries.join_next().await {
        let (send, answer) = joined.map_err(|error| format!("a retry task failed: {error}"))?;
        answers[send] = Some(answer?);
    }

    let customers = same_customer_for_every_send(&creates, &sends, &answers)?;
    for (id, domain) in &customers {
        let reply = http
            .send(
                Method::GET,
                &format!("/v1/customers/{id}"),
                Some(&token),
                None,
                None,
            )
            .await?;
        check(reply.status == StatusCode::OK, || {
            format!(
                "acknowledged customer {id} ({domain}) is missing: {}",
                reply.text()
            )
        })?;
        let found = json_of(&reply)?;
        check(found["companyProfile"]["domain"] == domain.as_str(), || {
            format!("customer {id} should be {domain}, is {found}")
        })?;
    }
    let listed = http.customers(&token).await?;
    let mut domains = BTreeSet::new();
    for customer in &listed {
        let domain = customer["companyProfile"]["domain"]
            .as_str()
            .map(str::to_ascii_lowercase)
            .ok_or_else(|| format!("a listed customer without a domain: {customer}"))?;
        check(domains.insert(domain.clone()), || {
            format!("{domain} is listed twice")
        })?;
    }
    let listed_burst: BTreeSet<&str> = listed
        .iter()
        .filter(|customer| {
            customer["companyProfile"]["domain"]
                .as_str()
                .is_some_and(|domain| domain.starts_with(DOMAIN_PREFIX))
        })
        .filter_map(|customer| customer["id"].as_str())
        .collect();
    let acknowledged: BTreeSet<&str> = customers.keys().map(String::as_str).collect();
    check(listed_burst == acknowledged, || {
        format!(
            "the list should hold exactly the {} acknowledged customers of the burst; \
             listed but not acknowledged: {:?}; acknowledged but not listed: {:?}",
            acknowledged.len(),
            listed_burst.difference(&acknowledged).collect::<Vec<_>>(),
            acknowledged.difference(&listed_burst).collect::<Vec<_>>()
        )
    })?;
    server.kill().await?;

    // The database as the last kill left it, opened afresh.
    let api = api.restarted().await;
    database_is_intact(&api, creates.len()).await?;
    println!(
        "{} creates of {CUSTOMERS} customers (every {SENT_TWICE_EVERY}th sent twice at once): \
         {acknowledged_before_kill} acknowledged before the SIGKILL, {} lost and retried after \
         the restart ({} of those customers already committed), {} customers in the end, {:.1} s",
        sends.len(),
        lost.len(),
        committed_but_lost.len(),
        customers.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// One customer of the burst and the exact request that creates it: a repeat
/// or a retry sends the same bytes under the same id, as a client must.
#[derive(Clone)]
struct Create {
    domain: String,
    request_id: String,
    body: String,
}

fn creates() -> Vec<Create> {
    (0..CUSTOMERS)
        .map(|index| {
            let prefix = format!("{DOMAIN_PREFIX}{index:03}");
            Create {
                domain: format!("{prefix}.onmicrosoft.com"),
                request_id: format!("{REQUEST_ID_PREFIX}{index:03}"),
                body: customer_body(&prefix).to_string(),
            }
        })
        .collect()
}

/// The POSTs of the burst, each as the index of its create; a create sent
/// twice stands twice, side by side, so that both copies leave together.
fn sends() -> Vec<usize> {
    (0..CUSTOMERS)
        .flat_map(|create| {
            let copies = if create % SENT_TWICE_EVERY == 0 { 2 } else { 1 };
            std::iter::repeat_n(create, copies)
        })
        .collect()
}

/// What a client makes of one POST.
enum Answer {
    /// 201: the customer it was told about.
    Created(Value),
    /// No answer (refused or cut connection, timeout): send it again.
    Lost(String),
    /// Any other answer, a 5xx included: concurrency alone must never make
    /// the server fail (SQLite's "database is locked" once did).
    Refused(String),
}

impl Answer {
    fn of(result: Outcome<Reply>) -> Answer {
        match result {
            Err(error) => Answer::Lost(error),
            Ok(reply) if reply.status == StatusCode::CREATED => match json_of(&reply) {
                Ok(customer) => Answer::Created(customer),
                Err(error) => Answer::Refused(error),
            },
            Ok(reply) => Answer::Refused(reply.text()),
        }
    }
}

/// Each create's sends were answered with one customer, the same answer
/// (one-time password included) however often the request was sent, and no
/// customer answers two creates: the customers by id, with their domains.
fn same_customer_for_every_send(
    creates: &[Create],
    sends: &[usize],
    answers: &[Option<Value>],
) -> Outcome<BTreeMap<String, String>> {
    let mut customers = BTreeMap::new();
    for (index, create) in creates.iter().enumerate() {
        let mut answered = Vec::new();
        for (send, _) in sends.iter().enumerate().filter(|(_, of)| **of == index) {
            answered.push(
                answers[send]
                    .as_ref()
                    .ok_or_else(|| format!("{} was never acknowledged", create.request_id))?,
            );
        }
        let first = answered
            .first()
            .ok_or_else(|| format!("{} was never sent", create.request_id))?;
        check(answered.iter().all(|answer| answer == first), || {
            format!(
                "{} was answered with different customers: {answered:#?}",
                create.request_id
            )
        })?;
        check(
            first["companyProfile"]["domain"] == create.domain.as_str(),
            || {
                format!(
                    "{} should create {}: {first}",
                    create.request_id, create.domain
                )
            },
        )?;
        let id = first["id"]
            .as_str()
            .ok_or_else(|| format!("{} was answered without an id: {first}", create.request_id))?;
        if let Some(other) = customers.insert(id.to_owned(), create.domain.clone()) {
            return Err(format!(
                "{id} was answered both for {other} and {}",
                create.domain
            ));
        }
    }
    Ok(customers)
}

/// Counts that hold on both backends, then SQLite's own checks of its file.
/// PostgreSQL enforces its foreign keys and unique indexes itself.
async fn database_is_intact(api: &TestApi, customers: usize) -> Outcome {
    let customers = customers as i64;
    let burst_domains = format!("{DOMAIN_PREFIX}%");
    let burst_request_ids = format!("{REQUEST_ID_PREFIX}%");
    let counts: [(&'static str, Option<&str>, i64, &str); 5] = [
        (
            "SELECT COUNT(*) FROM customers WHERE domain LIKE $1",
            Some(&burst_domains),
            customers,
            "customers of the burst",
        ),
        (
            "SELECT COUNT(*) FROM (SELECT lower(domain) FROM customers \
             GROUP BY lower(domain) HAVING COUNT(*) > 1) AS repeated",
            None,
            0,
            "domains held by more than one customer",
        ),
        (
            "SELECT COUNT(*) FROM idempotency_keys WHERE request_id LIKE $1 AND status = 201",
            Some(&burst_request_ids),
            customers,
            "stored answers to the burst's request ids",
        ),
        (
            "SELECT COUNT(*) FROM idempotency_keys WHERE status <> 201",
            None,
            0,
            "request ids stored without their answer",
        ),
        (
            "SELECT COUNT(*) FROM audit_log WHERE action = 'customer.create'",
            None,
            customers,
            "audit records of creates (one per customer, none for a replay)",
        ),
    ];
    for (sql, pattern, expected, what) in counts {
        let mut query = sqlx::query_as(sql);
        if let Some(pattern) = pattern {
            query = query.bind(pattern);
        }
        let (count,): (i64,) = query
            .fetch_one(&api.state.db)
            .await
            .map_err(|error| format!("counting {what}: {error}"))?;
        check(count == expected, || {
            format!("{what}: {count}, expected {expected}")
        })?;
    }
    if Backend::of(&api.url) == Some(Backend::Sqlite) {
        let verdict: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
            .fetch_all(&api.state.db)
            .await
            .map_err(|error| format!("PRAGMA integrity_check: {error}"))?;
        check(verdict == [("ok".to_owned(),)], || {
            format!("PRAGMA integrity_check: {verdict:?}")
        })?;
        let (dangling,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pragma_foreign_key_check")
            .fetch_one(&api.state.db)
            .await
            .map_err(|error| format!("PRAGMA foreign_key_check: {error}"))?;
        check(dangling == 0, || {
            format!("PRAGMA foreign_key_check: {dangling} rows reference nothing")
        })?;
    }
    Ok(())
}

fn json_of(reply: &Reply) -> Outcome<Value> {
    serde_json::from_slice(&reply.body).map_err(|error| {
        format!(
            "{} body is not JSON ({error}): {}",
            reply.status,
            reply.text()
        )
    })
}

/// What the crash test asks of the server.
impl Http {
    async fn create(&self, token: &str, create: &Create) -> Outcome<Reply> {
        let body = Some(create.body.clone());
        let request_id = Some(create.request_id.as_str());
        self.send(Method::POST, "/v1/customers", Some(token), body, request_id)
            .await
    }

    /// Sends a lost create again, as a client does, until it is acknowledged.
    async fn create_until_created(&self, token: &str, create: &Create) -> Outcome<Value> {
        let mut last = String::new();
        for attempt in 0..ATTEMPTS_AFTER_RESTART {
            if attempt > 0 {
                tokio::time::sleep(PAUSE_BETWEEN_ATTEMPTS).await;
            }
            match Answer::of(self.create(token, create).await) {
                Answer::Created(customer) => return Ok(customer),
                Answer::Lost(why) => last = why,
                Answer::Refused(why) => {
                    return Err(format!("{} sent again: {why}", create.request_id));
                }
            }
        }
        Err(format!(
            "{} still unanswered after {ATTEMPTS_AFTER_RESTART} attempts: {last}",
            create.request_id
        ))
    }

    /// Every customer, in one page (the burst and the demo's fit in one).
    async fn customers(&self, token: &str) -> Outcome<Vec<Value>> {
        let reply = self
            .send(
                Method::GET,
                "/v1/customers?size=500",
                Some(token),
                None,
                None,
            )
            .await?;
        check(reply.status == StatusCode::OK, || {
            format!("listing the customers: {}", reply.text())
        })?;
        let page = json_of(&reply)?;
        check(page["links"]["next"].is_null(), || {
            "the customers do not fit in one page of 500".to_owned()
        })?;
        page["items"]
            .as_array()
            .cloned()
            .ok_or_else(|| format!("the customer list has no items: {page}"))
    }
}
