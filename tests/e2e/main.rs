//! End to end: the real server, serving the release build of the SPA from
//! `dist/`, driven in Debian's Chromium through chromedriver (WebDriver).
//!
//! `make test` builds both first; run alone, build them with `make dist` and
//! `cargo build -p customer-api` (or point `CUSTOMER_API_BIN` at a binary).
//!
//! Here: the harness, the happy paths, the languages and the axe-core tour.
//! The steps every scenario is told in are in `steps.rs`, the API as a
//! client calls it in `api.rs`; the scenario modules take them, and all of
//! this file, with `use super::*`.
#![cfg(not(target_arch = "wasm32"))]

mod api;
mod batch;
mod catalogue;
mod clouds;
mod deployment;
mod failures;
mod identity_provider;
mod journeys;
mod keyboard;
mod return_paths;
mod steps;

pub(crate) use api::*;
pub(crate) use steps::*;

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use customer_wizard::testing::{Locale, texts_in};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

type Outcome = Result<(), String>;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"))
}

fn server_binary() -> PathBuf {
    std::env::var_os("CUSTOMER_API_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug").join("customer-api"))
}

/// The server binary, logging warnings and errors only: the access log of
/// every scenario would bury the test output.
fn server_command() -> Command {
    let mut command = Command::new(server_binary());
    command.env("RUST_LOG", "customer_api=warn,tower_http=warn");
    command
}

/// The server and chromedriver, killed when the test ends however it ends.
struct Harness {
    base_url: String,
    driver_url: String,
    processes: Vec<Child>,
    /// The extra `serve` flags, kept for a restart.
    flags: Vec<String>,
    /// The app the server serves: `dist/`, or a deployment's copy of it.
    spa_dir: PathBuf,
    _data: tempfile::TempDir,
}

impl Drop for Harness {
    fn drop(&mut self) {
        for process in &mut self.processes {
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}

impl Harness {
    fn start() -> Self {
        Self::start_with(&[])
    }

    /// [`Harness::start`] with extra `serve` flags (after `--demo`).
    fn start_with(flags: &[&str]) -> Self {
        Self::start_serving(flags, &workspace().join("dist"), "127.0.0.1:0")
    }

    /// The server on `bind`, with extra `serve` flags, serving the app in
    /// `spa_dir`; and chromedriver.
    fn start_serving(flags: &[&str], spa_dir: &std::path::Path, bind: &str) -> Self {
        let dist = spa_dir.to_path_buf();
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: build the SPA first (`make dist`)",
            dist.display()
        );
        let binary = server_binary();
        assert!(
            binary.is_file(),
            "{} is missing: run `cargo build -p customer-api` or set CUSTOMER_API_BIN",
            binary.display()
        );
        let mut harness = Harness {
            base_url: String::new(),
            driver_url: String::new(),
            processes: Vec::new(),
            flags: flags.iter().map(|flag| (*flag).to_owned()).collect(),
            spa_dir: dist,
            _data: tempfile::tempdir().expect("temporary data directory"),
        };

        let mut server = harness
            .server(bind)
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", binary.display()));
        let stdout = server.stdout.take().expect("server stdout");
        harness.processes.push(server);
        let first_line = first_line_of(stdout);
        harness.base_url = first_line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line from the server: {first_line:?}"))
            .to_owned();

        let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
        let port = free_port();
        let chromedriver = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!("cannot start {driver} (run `make bootstrap`): {error}")
            });
        harness.processes.push(chromedriver);
        wait_for_port(port);
        harness.driver_url = format!("http://127.0.0.1:{port}");
        harness
    }

    /// `serve --demo` with the harness's flags on `bind`, on the harness's
    /// database, serving `dist/`; its first line of output tells its address.
    fn server(&self, bind: &str) -> Command {
        let database_url = format!("sqlite://{}", self._data.path().join("e2e.db").display());
        let mut command = server_command();
        command
            .args(["serve", "--bind", bind, "--database-url", &database_url])
            .arg("--demo")
            .args(&self.flags)
            .arg("--spa-dir")
            .arg(&self.spa_dir)
            .stdout(Stdio::piped());
        command
    }

    async fn browser(&self) -> Client {
        let profile = self._data.path().join("chromium-profile");
        let capabilities = json!({
            "goog:chromeOptions": {
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.driver_url)
            .await
            .unwrap_or_else(|error| panic!("cannot start a Chromium session: {error}"))
    }

    /// Kills the server the way a crash does (SIGKILL) and waits until it is gone.
    fn kill_server(&mut self) {
        let server = &mut self.processes[0];
        let _ = server.kill();
        let _ = server.wait();
    }

    /// Starts the server again, with the same flags, on the same database
    /// file and the same port, so that the page keeps its origin (and its
    /// session).
    fn restart_server(&mut self) {
        self.kill_server();
        let address = self
            .base_url
            .strip_prefix("http://")
            .expect("an http base URL")
            .to_owned();
        let deadline = Instant::now() + WAIT;
        loop {
            let mut server = self
                .server(&address)
                .stderr(Stdio::null())
                .spawn()
                .expect("start the server again");
            let first_line = first_line_of(server.stdout.take().expect("server stdout"));
            if first_line.trim() == format!("listening on {}", self.base_url) {
                self.processes[0] = server;
                return;
            }
            // The port may take a moment to be free again.
            let _ = server.kill();
            let _ = server.wait();
            assert!(
                Instant::now() < deadline,
                "the server did not start again on {address}: {first_line:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Reads the first line a child prints, then keeps draining its output so the
/// child never writes into a closed pipe.
fn first_line_of(stdout: std::process::ChildStdout) -> String {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        let _ = sender.send(first);
        lines.for_each(drop);
    });
    receiver
        .recv_timeout(Duration::from_secs(30))
        .expect("the server printed its address within 30 s")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free loopback port")
        .port()
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + WAIT;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A scenario as a function pointer: `|client, base_url| Box::pin(…)`.
type Scenario = for<'a> fn(&'a Client, &'a str) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>;

/// [`run`] for a [`Scenario`], against a server without extra flags.
async fn in_browser(name: &str, scenario: Scenario) {
    run(name, &[], scenario).await;
}

/// [`run`] for a [`Scenario`].
async fn in_browser_with_flags(name: &str, flags: &[&str], scenario: Scenario) {
    run(name, flags, scenario).await;
}

/// Runs a scenario — an `async fn(&Client, base_url: &str) -> Outcome` —
/// against a fresh server, started with extra `serve` flags (e.g.
/// `--partner-type direct-bill`), in a fresh browser; a failure reports what
/// the page showed, in screenshots named after `name`. The browser session
/// is closed on every path, or headless Chromium outlives the test.
async fn run(
    name: &str,
    flags: &[&str],
    scenario: impl for<'a> AsyncFnOnce(&'a Client, &'a str) -> Outcome,
) {
    let harness = Harness::start_with(flags);
    let client = harness.browser().await;
    let outcome = scenario(&client, &harness.base_url).await;
    conclude(client, name, outcome).await;
}

/// [`run`] for scenarios that also hold the server: they may kill it and
/// start it again.
async fn in_browser_with_server(
    name: &str,
    scenario: impl for<'a> AsyncFnOnce(&'a Client, &'a mut Harness) -> Outcome,
) {
    let mut harness = Harness::start();
    let client = harness.browser().await;
    let outcome = scenario(&client, &mut harness).await;
    conclude(client, name, outcome).await;
}

/// Fails the test with what the page showed when the scenario failed, after
/// closing the browser session whatever the outcome.
async fn conclude(client: Client, name: &str, outcome: Outcome) {
    let outcome = match outcome {
        Ok(()) => csp_kept(&client).await,
        failed => failed,
    };
    let outcome = match outcome {
        Err(failure) => Err(format!("{failure}\n{}", diagnostics(&client, name).await)),
        ok => ok,
    };
    let closed = client.close().await;
    outcome.unwrap_or_else(|failure| panic!("{failure}"));
    closed.expect("close the browser session");
}

/// Nothing the page on screen did was blocked by its Content-Security-Policy.
async fn csp_kept(client: &Client) -> Outcome {
    let violations = client
        .execute("return window.__csp ?? [];", vec![])
        .await
        .map_err(failed("read the CSP violations"))?;
    let empty = violations.as_array().is_none_or(Vec::is_empty);
    check(empty, || {
        format!("the Content-Security-Policy blocked: {violations}")
    })
}

/// Keeps the page's uncaught errors and console errors (a Rust panic's
/// message among them) for [`diagnostics`].
async fn trap_errors(client: &Client) -> Outcome {
    client
        .execute(
            "window.__errors = [];
             addEventListener('error', e => window.__errors.push(String(e.message)));
             addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));
             const original = console.error;
             console.error = (...args) => { window.__errors.push(args.join(' ')); original(...args); };",
            vec![],
        )
        .await
        .map(|_| ())
        .map_err(failed("install the error trap"))
}

/// What the page showed and reported, for a failure message; and a screenshot.
async fn diagnostics(client: &Client, name: &str) -> String {
    let _ = screenshot(client, &format!("{name}-failure")).await;
    let page = client
        .execute(
            "return [location.href, document.querySelector('main')?.innerText ?? '', JSON.stringify(window.__errors ?? [])].join('\\n');",
            vec![],
        )
        .await
        .map(|value| value.as_str().unwrap_or_default().to_owned())
        .unwrap_or_else(|error| format!("(page not readable: {error})"));
    format!("page at failure:\n{page}")
}

/// WCAG 1.4.10 (reflow): at 320 CSS pixels wide — what 1280 pixels are at
/// 400% zoom, so 200% zoom is covered too — nothing needs scrolling sideways.
async fn reflows(client: &Client, what: &str) -> Outcome {
    client
        .set_window_size(320, 900)
        .await
        .map_err(failed("narrow the window"))?;
    let overflowing = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => {
                 const width = document.documentElement.clientWidth;
                 const wide = [...document.querySelectorAll('body *')]
                     .filter(element => element.getBoundingClientRect().right > width + 1)
                     .slice(0, 5)
                     .map(element => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`);
                 done(document.documentElement.scrollWidth > width ? wide.join(', ') || 'the page' : '');
             }));",
            vec![],
        )
        .await
        .map_err(failed("measure the page's width"))?;
    screenshot(client, &format!("{what}-320px")).await?;
    client
        .set_window_size(1280, 900)
        .await
        .map_err(failed("widen the window again"))?;
    let overflowing = overflowing.as_str().unwrap_or_default();
    check(overflowing.is_empty(), || {
        format!("{what}: at 320 px wide these need sideways scrolling: {overflowing}")
    })
}

/// The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core (npm, installed by
/// `scripts/bootstrap.sh` into tests/a11y) on the page as it is now, and reflow
/// at 320 px.
async fn accessible(client: &Client, what: &str) -> Outcome {
    reflows(client, what).await?;
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .map_err(failed("look for axe"))?;
    if loaded.as_bool() != Some(true) {
        let path = workspace().join("tests/a11y/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path)
            .map_err(|error| format!("{} (run `make bootstrap`): {error}", path.display()))?;
        client
            .execute(&source, vec![])
            .await
            .map_err(failed("inject axe-core"))?;
    }
    let violations = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values:
                 ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })
               .then(result => done(result.violations.map(violation =>
                   `${violation.id} (${violation.impact}): ${violation.help} at ` +
                   violation.nodes.map(node => node.target.join(' ')).join(', '))))
               .catch(error => done([`axe failed: ${error}`]));",
            vec![],
        )
        .await
        .map_err(failed("run axe-core"))?;
    let violations: Vec<String> = violations
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe result: {violations}")]);
    check(violations.is_empty(), || {
        format!("{what}: WCAG violations:\n{}", violations.join("\n"))
    })
}

/// [`accessible`], and a screenshot of the page as `name`.
async fn accessible_and_photographed(client: &Client, name: &str) -> Outcome {
    accessible(client, name).await?;
    screenshot(client, name).await
}

// ---------------------------------------------------------------------------
// The happy paths.

/// Signed out, Customers sends to Sign in, which lists the demo accounts;
/// signed in, Customers shows the API's customers → Add customer → Account
/// info, where the company name is validated by the shared model crate.
async fn customers_to_account_info(client: &Client, base_url: &str) -> Outcome {
    open(client, base_url, "/customers").await?;
    heading(client, "Sign in").await?;
    path_is(client, "/sign-in").await?;
    click(client, "button[data-user='adminagent']").await?;
    screenshot(client, "sign-in").await?;
    click(client, "form button[type=submit]").await?;
    heading(client, "Customers").await?;
    text_until(client, ".customer-table", |table| {
        table.contains("Wingtip Toys") && table.contains("wingtiptoys.onmicrosoft.com")
    })
    .await?;
    screenshot(client, "customers").await?;

    // Search by the start of the name, whatever the case and accents.
    search_finds_only(client, "kovacs", "Kovács és Társa Bt.").await?;
    address_is(client, "/customers?q=kovacs&by=name").await?;
    screenshot(client, "customers-search").await?;

    wait_for(client, Locator::LinkText("Add customer"))
        .await?
        .click()
        .await
        .map_err(failed("click Add customer"))?;
    heading(client, "Account info").await?;
    path_is(client, "/customers/new/account").await?;

    next(client).await?;
    text_is(
        client,
        ".error-summary a[href='#company-name']",
        "Enter the company name",
    )
    .await?;
    shows_error(client, "company-name", "Enter the company name").await?;
    title_starts_with(client, "Error: Account info").await?;
    screenshot(client, "account-info-errors").await?;

    type_in(client, "company-name", "Contoso Ltd").await?;
    shows_no_error(client, "company-name").await?;
    screenshot(client, "account-info").await?;

    // A deep link, loaded fresh, is served the SPA (server-side fallback), and
    // the session survives the reload.
    open_account_info(client, base_url).await
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_page_leads_to_a_validated_account_info_step() {
    run("customers", &[], customers_to_account_info).await;
}

/// The whole wizard the way a user goes through it: a Hungarian customer
/// whose agreement the admin agent confirms, five licenses of an offer,
/// Review with an Update round trip and a reload, Submit, Confirmation with
/// the one-time password (which no storage holds), Done → Customers.
async fn happy_path(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    add_customer(client).await?;
    fill_account_info(client, &FOVAROSI).await?;
    text_is(
        client,
        ".availability--ok",
        "fovarosikerteszet.onmicrosoft.com is available",
    )
    .await?;
    click(client, "#agreement-has-accepted").await?;
    // The acceptor defaults to the primary contact.
    value_is(client, "acceptor-email", FOVAROSI.email).await?;
    screenshot(client, "account-info-filled").await?;
    next(client).await?;

    let offer = subscribe(client, 5).await?;
    text_until(client, "#totals dl", |totals| totals.contains("total")).await?;
    screenshot(client, "subscriptions").await?;
    reload(client).await?;
    heading(client, "Subscriptions").await?;
    value_is(client, &format!("quantity-{offer}"), "5").await?;
    next(client).await?;

    review_shows(client, &FOVAROSI, &[5], &[]).await?;
    screenshot(client, "review").await?;

    // Update returns to Review through the step's own button.
    update_account_info(client).await?;
    type_in(client, "address-line2", "3. emelet").await?;
    next(client).await?;
    heading(client, "Review").await?;
    reload(client).await?;
    heading(client, "Review").await?;
    main_showing(client, &["3. emelet"]).await?;

    trap_errors(client).await?;
    click(client, "#submit").await?;
    let confirmed = confirmation_shows(client, FOVAROSI.domain_prefix, &[5]).await?;
    screenshot(client, "confirmation").await?;
    let stored = client
        .execute(
            "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage);",
            vec![],
        )
        .await
        .map_err(failed("read storage"))?;
    check(!stored.to_string().contains(&confirmed.password), || {
        "the one-time password was written to storage".to_owned()
    })?;
    reload(client).await?;
    wait_for(client, Locator::Id("password-gone")).await?;

    click(client, "#done").await?;
    heading(client, "Customers").await?;
    new_customer_highlighted(client, FOVAROSI.name).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_is_added_through_every_step_of_the_wizard() {
    run("happy-path", &[], happy_path).await;
}

/// A domain another tenant uses, and a name like one of our customers', lead
/// to Request a relationship: the invitation link, an email text holding it,
/// and a mailto link with that text.
async fn existing_customer(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    type_in(client, "company-name", "Wingtip Toys Kft.").await?;
    type_in(client, "domain-prefix", "contoso").await?;
    text_until(client, ".availability--taken", |taken| {
        taken.starts_with("contoso.onmicrosoft.com is already in use")
    })
    .await?;
    text_until(client, "#look-alikes", |look_alikes| {
        look_alikes.contains("Wingtip Toys (wingtiptoys.onmicrosoft.com)")
    })
    .await?;
    screenshot(client, "account-info-existing-customer").await?;

    click(client, ".availability--taken a").await?;
    heading(client, "Request a relationship").await?;
    let link = eventually(
        "the invitation link",
        async || value_of(client, "invitation-link").await,
        |link| link.starts_with("http"),
    )
    .await?;
    eventually(
        "the email text holding the invitation link",
        async || value_of(client, "invitation-email").await,
        |email| email.contains(&link),
    )
    .await?;
    let mailto = wait_for(client, Locator::Id("email-invitation"))
        .await?
        .attr("href")
        .await
        .map_err(failed("mailto"))?
        .unwrap_or_default();
    check(mailto.starts_with("mailto:?subject="), || {
        format!("mailto: {mailto:?}")
    })?;
    screenshot(client, "relationship-request").await?;
    click(client, "#relationship-done").await?;
    heading(client, "Customers").await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_existing_customer_is_offered_a_relationship_request() {
    run("existing-customer", &[], existing_customer).await;
}

/// A Turkish customer entered while the UI language changes under the user:
/// English → Hungarian → Turkish on Account info, the choice kept across a
/// reload, the offers named in the UI language, and no input lost; the
/// customer takes no subscriptions.
async fn languages_mid_wizard(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    choose_country(client, ANADOLU.country, ANADOLU.language).await?;
    type_in(client, "company-name", ANADOLU.name).await?;
    type_in(client, "domain-prefix", ANADOLU.domain_prefix).await?;

    switch_language(client, "hu").await?;
    heading(client, "Fiókadatok").await?;
    value_is(client, "company-name", ANADOLU.name).await?;
    screenshot(client, "hu-account-info").await?;
    turkish_address_and_contact(client, ANADOLU.city).await?;

    switch_language(client, "tr").await?;
    heading(client, "Hesap bilgileri").await?;
    text_is(client, "form button[type=submit]", "İleri: Abonelikler").await?;
    value_is(client, "domain-prefix", ANADOLU.domain_prefix).await?;
    screenshot(client, "tr-account-info").await?;
    next(client).await?;

    heading(client, "Abonelikler").await?;
    main_showing(client, &["Kurumsal"]).await?;
    reload(client).await?;
    heading(client, "Abonelikler").await?;
    screenshot(client, "tr-subscriptions").await?;
    switch_language(client, "en").await?;
    heading(client, "Subscriptions").await?;
    // The offers are asked for again, in English.
    main_showing(client, &["Enterprise"]).await?;
    next(client).await?;

    review_shows(client, &ANADOLU, &[], &[]).await?;
    trap_errors(client).await?;
    click(client, "#submit").await?;
    confirmation_shows(client, ANADOLU.domain_prefix, &[])
        .await
        .map(drop)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_changes_mid_wizard_without_losing_input() {
    run("languages", &[], languages_mid_wizard).await;
}

/// Country's options, by their text, once there are 249 and `own_name` (its
/// own country, by name in the UI language) is among them.
async fn countries_listed(client: &Client, own_name: &str) -> Result<Vec<String>, String> {
    eventually(
        &format!("Country's 249 options with {own_name}"),
        async || {
            let names = client
                .execute(
                    "return [...document.querySelectorAll('#country option')]
                        .filter((option) => option.value)
                        .map((option) => option.textContent);",
                    vec![],
                )
                .await
                .map_err(failed("read Country's options"))?;
            serde_json::from_value::<Vec<String>>(names).map_err(|error| error.to_string())
        },
        |names| names.len() == 249 && names.iter().any(|name| name == own_name),
    )
    .await
}

/// Country's options are named in the language `tag` (`own_name` among
/// them), in the order of the browser's collator for it, with `first` before
/// `then`.
async fn countries_in_dictionary_order(
    client: &Client,
    tag: &str,
    own_name: &str,
    [first, then]: [&str; 2],
) -> Outcome {
    let names = countries_listed(client, own_name).await?;
    let sorted = client
        .execute(
            "const [names, tag] = arguments;
             const { compare } = new Intl.Collator(tag);
             return names.every((name, i) => i === 0 || compare(names[i - 1], name) <= 0);",
            vec![json!(names), json!(tag)],
        )
        .await
        .map_err(failed("compare Country's options"))?;
    check(sorted == json!(true), || {
        format!("Country's options are not in {tag} order: {names:?}")
    })?;
    let place = |name: &str| names.iter().position(|listed| listed == name);
    check(
        matches!((place(first), place(then)), (Some(a), Some(b)) if a < b),
        || format!("{first} is not listed before {then}: {names:?}"),
    )
}

/// The countries are named and put in order the UI language's way, where a
/// dictionary of that language differs from English: Hungarian "Ö" after
/// "O", Turkish "Ç" after "C". The page's first language is named and sorted
/// by a worker (`public/intl.js`), another one by the page itself.
async fn countries_in_the_ui_language(client: &Client, base_url: &str) -> Outcome {
    let (hu, tr) = (texts_in(Locale::Hu), texts_in(Locale::Tr));
    open(client, base_url, "/sign-in").await?;
    switch_language(client, "hu").await?;
    sign_in_as(client, base_url, "salesagent", hu.customers.title).await?;
    click(client, "#add-customer").await?;
    heading(client, hu.common.step_account).await?;
    countries_in_dictionary_order(
        client,
        "hu",
        "Magyarország",
        ["Oroszország", "Örményország"],
    )
    .await?;

    switch_language(client, "tr").await?;
    heading(client, tr.common.step_account).await?;
    countries_in_dictionary_order(client, "tr", "Macaristan", ["Cibuti", "Çad"]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_countries_are_named_and_sorted_in_the_ui_language() {
    run("countries", &[], countries_in_the_ui_language).await;
}

/// Every page and state a user meets, in one language: each checked by
/// axe-core and photographed (`target/e2e-screenshots/<lang>-<page>.png`).
/// The address is one the service corrects, so the dialog opens too.
async fn accessibility_tour(client: &Client, base_url: &str, locale: Locale) -> Outcome {
    let texts = texts_in(locale);
    let lang = locale.tag();
    let page = |name: &str| format!("{lang}-{name}");
    open(client, base_url, "/sign-in").await?;
    switch_language(client, lang).await?;
    accessible_and_photographed(client, &page("sign-in")).await?;
    sign_in_as(client, base_url, "adminagent", texts.customers.title).await?;
    accessible_and_photographed(client, &page("customers")).await?;

    click(client, "#add-customer").await?;
    heading(client, texts.common.step_account).await?;
    next(client).await?;
    wait_for(client, Locator::Css(".error-summary:not([hidden]) a")).await?;
    title_starts_with(client, texts.common.error_title_prefix).await?;
    accessible_and_photographed(client, &page("account-info-errors")).await?;

    // 34394 is in İstanbul: the service suggests the corrected city.
    let domain_prefix = format!("anadolutekstil{lang}");
    let company = Company {
        domain_prefix: &domain_prefix,
        city: "Ankara",
        ..ANADOLU
    };
    fill_account_info(client, &company).await?;
    accessible_and_photographed(client, &page("account-info")).await?;
    next(client).await?;
    wait_for(client, Locator::Css("dialog[open] #address-suggestion-0")).await?;
    accessible_and_photographed(client, &page("address-dialog")).await?;
    click(client, "#address-accept").await?;

    heading(client, texts.common.step_subscriptions).await?;
    click(client, ".offer input[type=checkbox]").await?;
    accessible_and_photographed(client, &page("subscriptions")).await?;
    next(client).await?;

    heading(client, texts.common.step_review).await?;
    // The suggested city.
    main_showing(client, &["İstanbul"]).await?;
    accessible_and_photographed(client, &page("review")).await?;
    click(client, "#submit").await?;

    wait_for(client, Locator::Id("admin-password")).await?;
    accessible_and_photographed(client, &page("confirmation")).await?;
    click(client, "#done").await?;
    wait_for(client, Locator::Id("customer-added")).await?;

    open(client, base_url, "/customers/relationship-request").await?;
    wait_for(client, Locator::Css("#invitation-link")).await?;
    accessible_and_photographed(client, &page("relationship-request")).await?;

    open(client, base_url, "/no-such-page").await?;
    heading(client, texts.common.not_found_title).await?;
    accessible_and_photographed(client, &page("not-found")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_accessible_in_english() {
    run("a11y-en", &[], async |client, base_url| {
        accessibility_tour(client, base_url, Locale::En).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_accessible_in_hungarian() {
    run("a11y-hu", &[], async |client, base_url| {
        accessibility_tour(client, base_url, Locale::Hu).await
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_accessible_in_turkish() {
    run("a11y-tr", &[], async |client, base_url| {
        accessibility_tour(client, base_url, Locale::Tr).await
    })
    .await;
}
