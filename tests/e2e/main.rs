//! End to end: the real server, serving the release build of the SPA from
//! `dist/`, driven in Debian's Chromium through chromedriver (WebDriver).
//!
//! `make test` builds both first; run alone, build them with `make dist` and
//! `cargo build -p customer-api` (or point `CUSTOMER_API_BIN` at a binary).
#![cfg(not(target_arch = "wasm32"))]

mod failures;
mod journeys;
mod keyboard;

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use customer_wizard::i18n::Locale;
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

/// The server and chromedriver, killed when the test ends however it ends.
struct Harness {
    base_url: String,
    driver_url: String,
    processes: Vec<Child>,
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
        let dist = workspace().join("dist");
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
        let data = tempfile::tempdir().expect("temporary data directory");
        let database_url = format!("sqlite://{}", data.path().join("e2e.db").display());
        let mut harness = Harness {
            base_url: String::new(),
            driver_url: String::new(),
            processes: Vec::new(),
            _data: data,
        };

        let mut server = Command::new(&binary)
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--database-url",
                &database_url,
                "--demo",
            ])
            .args(flags)
            .arg("--spa-dir")
            .arg(&dist)
            .stdout(Stdio::piped())
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

fn check(condition: bool, what: impl FnOnce() -> String) -> Outcome {
    if condition { Ok(()) } else { Err(what()) }
}

async fn screenshot(client: &Client, name: &str) -> Outcome {
    let dir = target_dir().join("e2e-screenshots");
    let png = client
        .screenshot()
        .await
        .map_err(|e| format!("screenshot {name}: {e}"))?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).map_err(|e| format!("write {}: {e}", path.display()))
}

async fn wait_for(
    client: &Client,
    locator: Locator<'_>,
) -> Result<fantoccini::elements::Element, String> {
    client
        .wait()
        .at_most(WAIT)
        .for_element(locator)
        .await
        .map_err(|error| format!("waiting for {locator:?}: {error}"))
}

async fn text_of(client: &Client, css: &str) -> Result<String, String> {
    wait_for(client, Locator::Css(css))
        .await?
        .text()
        .await
        .map_err(|error| format!("text of {css}: {error}"))
}

/// Signed out, Customers sends to Sign in, which lists the demo accounts;
/// signed in, Customers shows the API's customers → Add customer → Account
/// info, where the company name is validated by the shared model crate.
async fn customers_to_account_info(client: &Client, base_url: &str) -> Outcome {
    client
        .goto(&format!("{base_url}/customers"))
        .await
        .map_err(failed("open customers"))?;
    wait_for(client, Locator::XPath("//h1[text()='Sign in']")).await?;
    let url = client.current_url().await.map_err(failed("current url"))?;
    check(url.path() == "/sign-in", || {
        format!("URL when signed out: {url}")
    })?;
    wait_for(client, Locator::Css("button[data-user='adminagent']"))
        .await?
        .click()
        .await
        .map_err(failed("use the demo admin agent"))?;
    screenshot(client, "sign-in").await?;
    client
        .find(Locator::Css("form button[type=submit]"))
        .await
        .map_err(failed("find Sign in"))?
        .click()
        .await
        .map_err(failed("click Sign in"))?;
    wait_for(client, Locator::XPath("//h1[text()='Customers']")).await?;
    let table = text_of(client, ".customer-table").await?;
    check(
        table.contains("Wingtip Toys") && table.contains("wingtiptoys.onmicrosoft.com"),
        || format!("customer list: {table:?}"),
    )?;
    screenshot(client, "customers").await?;

    // Search by the start of the name, whatever the case and accents.
    client
        .find(Locator::Id("customer-search"))
        .await
        .map_err(failed("find search"))?
        .send_keys("kovacs")
        .await
        .map_err(failed("type search"))?;
    client
        .find(Locator::Css("form.search button[type=submit]"))
        .await
        .map_err(failed("find Search"))?
        .click()
        .await
        .map_err(failed("click Search"))?;
    let deadline = Instant::now() + WAIT;
    loop {
        let rows = client
            .find_all(Locator::Css(".customer-table tbody tr"))
            .await
            .map_err(failed("rows"))?;
        let table = text_of(client, ".customer-table").await?;
        if rows.len() == 1 && table.contains("Kovács és Társa Bt.") {
            break;
        }
        check(Instant::now() < deadline, || {
            format!("search result: {table:?}")
        })?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let url = client.current_url().await.map_err(failed("current url"))?;
    check(url.query() == Some("q=kovacs&by=name"), || {
        format!("search URL: {url}")
    })?;
    screenshot(client, "customers-search").await?;

    client
        .find(Locator::LinkText("Add customer"))
        .await
        .map_err(failed("find Add customer"))?
        .click()
        .await
        .map_err(failed("click Add customer"))?;
    wait_for(client, Locator::XPath("//h1[text()='Account info']")).await?;
    let url = client.current_url().await.map_err(failed("current url"))?;
    check(url.path() == "/customers/new/account", || {
        format!("URL after Add customer: {url}")
    })?;

    client
        .find(Locator::Css("button[type=submit]"))
        .await
        .map_err(failed("find Next"))?
        .click()
        .await
        .map_err(failed("click Next"))?;
    let summary_link = text_of(client, ".error-summary a[href='#company-name']").await?;
    check(summary_link == "Enter the company name", || {
        format!("summary link: {summary_link:?}")
    })?;
    let input = client
        .find(Locator::Id("company-name"))
        .await
        .map_err(failed("find company name"))?;
    let invalid = input
        .attr("aria-invalid")
        .await
        .map_err(failed("aria-invalid"))?;
    check(invalid.as_deref() == Some("true"), || {
        format!("aria-invalid: {invalid:?}")
    })?;
    let title = client.title().await.map_err(failed("title"))?;
    check(title.starts_with("Error: Account info"), || {
        format!("title: {title:?}")
    })?;
    screenshot(client, "account-info-errors").await?;

    input
        .send_keys("Contoso Ltd")
        .await
        .map_err(failed("type company name"))?;
    let deadline = Instant::now() + WAIT;
    while !client
        .find_all(Locator::Id("company-name-error"))
        .await
        .map_err(failed("find the company name's error"))?
        .is_empty()
    {
        check(Instant::now() < deadline, || {
            "the error stayed after a valid name".to_owned()
        })?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    screenshot(client, "account-info").await?;

    // A deep link, loaded fresh, is served the SPA (server-side fallback), and
    // the session survives the reload.
    client
        .goto(&format!("{base_url}/customers/new/account"))
        .await
        .map_err(failed("open account info directly"))?;
    wait_for(client, Locator::XPath("//h1[text()='Account info']")).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_page_leads_to_a_validated_account_info_step() {
    in_browser("customers", |client, base_url| {
        Box::pin(customers_to_account_info(client, base_url))
    })
    .await;
}

type Scenario = for<'a> fn(&'a Client, &'a str) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>;

/// Runs a scenario against a fresh server in a fresh browser; a failure
/// reports what the page showed. The browser session is closed on every
/// path, or headless Chromium outlives the test.
async fn in_browser(name: &str, scenario: Scenario) {
    in_browser_with_flags(name, &[], scenario).await;
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

fn failed(what: &str) -> impl FnOnce(fantoccini::error::CmdError) -> String {
    let what = what.to_owned();
    move |error| format!("{what}: {error}")
}

async fn click(client: &Client, css: &str) -> Outcome {
    wait_for(client, Locator::Css(css))
        .await?
        .click()
        .await
        .map_err(failed(&format!("click {css}")))
}

async fn type_in(client: &Client, id: &str, text: &str) -> Outcome {
    let input = wait_for(client, Locator::Id(id)).await?;
    input
        .clear()
        .await
        .map_err(failed(&format!("clear #{id}")))?;
    input
        .send_keys(text)
        .await
        .map_err(failed(&format!("type into #{id}")))
}

async fn heading(client: &Client, text: &str) -> Outcome {
    wait_for(client, Locator::XPath(&format!("//h1[text()='{text}']")))
        .await
        .map(|_| ())
}

/// Signs in with a demo account's Use button; `customers` is the Customers
/// heading in the UI language.
async fn sign_in_as(client: &Client, base_url: &str, user: &str, customers: &str) -> Outcome {
    client
        .goto(&format!("{base_url}/sign-in"))
        .await
        .map_err(failed("open sign in"))?;
    click(client, &format!("button[data-user='{user}']")).await?;
    click(client, "form button[type=submit]").await?;
    heading(client, customers).await
}

/// The whole wizard the way a user goes through it: a Hungarian customer
/// whose agreement the admin agent confirms, five licenses of an offer,
/// Review with an Update round trip and a reload, Submit, Confirmation with
/// the one-time password (which no storage holds), Done → Customers.
async fn happy_path(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    click(client, "a[href='/customers/new/account']").await?;
    heading(client, "Account info").await?;

    wait_for(client, Locator::Css("#country option[value=HU]")).await?;
    client
        .find(Locator::Id("country"))
        .await
        .map_err(failed("find country"))?
        .select_by_value("HU")
        .await
        .map_err(failed("choose Hungary"))?;
    wait_for(client, Locator::Css("#language option[value=hu]")).await?;
    type_in(client, "company-name", "Fővárosi Kertészet Kft.").await?;
    type_in(client, "domain-prefix", "fovarosikerteszet").await?;
    let available = text_of(client, ".availability--ok").await?;
    check(
        available == "fovarosikerteszet.onmicrosoft.com is available",
        || format!("availability: {available:?}"),
    )?;
    type_in(client, "address-line1", "Váci utca 1.").await?;
    type_in(client, "city", "Budapest").await?;
    type_in(client, "postal-code", "1052").await?;
    type_in(client, "registration-number", "12892312-2-42").await?;
    type_in(client, "first-name", "Anna").await?;
    type_in(client, "last-name", "Kiss").await?;
    type_in(client, "email", "anna.kiss@fovarosikerteszet.hu").await?;
    type_in(client, "phone-number", "+36 1 234 5678").await?;
    click(client, "#agreement-has-accepted").await?;
    let acceptor = wait_for(client, Locator::Id("acceptor-email"))
        .await?
        .prop("value")
        .await
        .map_err(failed("acceptor email"))?;
    check(
        acceptor.as_deref() == Some("anna.kiss@fovarosikerteszet.hu"),
        || format!("the acceptor defaults to the primary contact: {acceptor:?}"),
    )?;
    screenshot(client, "account-info-filled").await?;
    click(client, "form button[type=submit]").await?;

    heading(client, "Subscriptions").await?;
    click(client, ".offer input[type=checkbox]").await?;
    let quantity = wait_for(client, Locator::Css(".offer input[type=number]")).await?;
    quantity.clear().await.map_err(failed("clear licenses"))?;
    quantity
        .send_keys("5")
        .await
        .map_err(failed("type licenses"))?;
    let totals = text_of(client, "#totals dl").await?;
    check(totals.contains("total"), || format!("totals: {totals:?}"))?;
    screenshot(client, "subscriptions").await?;
    client
        .refresh()
        .await
        .map_err(failed("reload subscriptions"))?;
    heading(client, "Subscriptions").await?;
    let kept = wait_for(client, Locator::Css(".offer input[type=number]"))
        .await?
        .prop("value")
        .await
        .map_err(failed("licenses after reload"))?;
    check(kept.as_deref() == Some("5"), || {
        format!("licenses after reload: {kept:?}")
    })?;
    click(client, "form button[type=submit]").await?;

    heading(client, "Review").await?;
    let review = text_of(client, "main").await?;
    check(
        review.contains("Fővárosi Kertészet Kft.")
            && review.contains("fovarosikerteszet.onmicrosoft.com")
            && review.contains("5 licenses"),
        || format!("review: {review:?}"),
    )?;
    screenshot(client, "review").await?;

    // Update returns to Review through the step's own button.
    click(client, "#update-account").await?;
    heading(client, "Account info").await?;
    let button = text_of(client, "form button[type=submit]").await?;
    check(button == "Save and return to review", || {
        format!("button after Update: {button:?}")
    })?;
    type_in(client, "address-line2", "3. emelet").await?;
    click(client, "form button[type=submit]").await?;
    heading(client, "Review").await?;
    client.refresh().await.map_err(failed("reload review"))?;
    heading(client, "Review").await?;
    let review = text_of(client, "main").await?;
    check(review.contains("3. emelet"), || {
        format!("the updated address: {review:?}")
    })?;

    trap_errors(client).await?;
    click(client, "#submit").await?;
    heading(client, "Customer added").await?;
    let user = text_of(client, "#admin-user-name").await?;
    check(user == "admin@fovarosikerteszet.onmicrosoft.com", || {
        format!("admin user: {user:?}")
    })?;
    let password = text_of(client, "#admin-password").await?;
    check(password.chars().count() >= 8, || {
        format!("password: {password:?}")
    })?;
    let orders = text_of(client, "#orders").await?;
    check(orders.contains("5 licenses"), || {
        format!("orders: {orders:?}")
    })?;
    screenshot(client, "confirmation").await?;
    let stored = client
        .execute(
            "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage);",
            vec![],
        )
        .await
        .map_err(failed("read storage"))?;
    check(!stored.to_string().contains(&password), || {
        "the one-time password was written to storage".to_owned()
    })?;
    client
        .refresh()
        .await
        .map_err(failed("reload confirmation"))?;
    wait_for(client, Locator::Id("password-gone")).await?;

    click(client, "#done").await?;
    heading(client, "Customers").await?;
    wait_for(client, Locator::Id("customer-added")).await?;
    let highlighted = text_of(client, ".customer-table tr.highlight").await?;
    check(highlighted.contains("Fővárosi Kertészet Kft."), || {
        format!("highlighted row: {highlighted:?}")
    })?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_is_added_through_every_step_of_the_wizard() {
    in_browser("happy-path", |client, base_url| {
        Box::pin(happy_path(client, base_url))
    })
    .await;
}

/// A domain another tenant uses, and a name like one of our customers', lead
/// to Request a relationship: the invitation link, an email text holding it,
/// and a mailto link with that text.
async fn existing_customer(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    client
        .goto(&format!("{base_url}/customers/new/account"))
        .await
        .map_err(failed("open account info"))?;
    heading(client, "Account info").await?;
    type_in(client, "company-name", "Wingtip Toys Kft.").await?;
    type_in(client, "domain-prefix", "contoso").await?;
    let taken = text_of(client, ".availability--taken").await?;
    check(
        taken.starts_with("contoso.onmicrosoft.com is already in use"),
        || format!("availability: {taken:?}"),
    )?;
    let look_alikes = text_of(client, "#look-alikes").await?;
    check(
        look_alikes.contains("Wingtip Toys (wingtiptoys.onmicrosoft.com)"),
        || format!("look-alike warning: {look_alikes:?}"),
    )?;
    screenshot(client, "account-info-existing-customer").await?;

    click(client, ".availability--taken a").await?;
    heading(client, "Request a relationship").await?;
    let deadline = Instant::now() + WAIT;
    let link = loop {
        let link = wait_for(client, Locator::Id("invitation-link"))
            .await?
            .prop("value")
            .await
            .map_err(failed("invitation link"))?
            .unwrap_or_default();
        if link.starts_with("http") {
            break link;
        }
        check(Instant::now() < deadline, || {
            format!("invitation link: {link:?}")
        })?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let email = wait_for(client, Locator::Id("invitation-email"))
        .await?
        .prop("value")
        .await
        .map_err(failed("email text"))?
        .unwrap_or_default();
    check(email.contains(&link), || format!("email text: {email:?}"))?;
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
    in_browser("existing-customer", |client, base_url| {
        Box::pin(existing_customer(client, base_url))
    })
    .await;
}

async fn switch_language(client: &Client, tag: &str) -> Outcome {
    click(client, &format!("#language-{tag}")).await?;
    let deadline = Instant::now() + WAIT;
    loop {
        let lang = client
            .execute("return document.documentElement.lang;", vec![])
            .await
            .map_err(failed("read <html lang>"))?;
        if lang.as_str() == Some(tag) {
            return Ok(());
        }
        check(Instant::now() < deadline, || format!("<html lang>: {lang}"))?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The rest of Account info for a company in İstanbul (postal code 34394),
/// with `city` as the user typed it.
async fn turkish_address_and_contact(client: &Client, city: &str) -> Outcome {
    type_in(client, "address-line1", "Büyükdere Caddesi No: 100").await?;
    type_in(client, "city", city).await?;
    type_in(client, "postal-code", "34394").await?;
    type_in(client, "registration-number", "4540536920").await?;
    type_in(client, "first-name", "Ayşe").await?;
    type_in(client, "last-name", "Yılmaz").await?;
    type_in(client, "email", "ayse.yilmaz@anadolutekstil.com.tr").await?;
    type_in(client, "phone-number", "+90 212 555 01 00").await
}

async fn value_of(client: &Client, id: &str) -> Result<String, String> {
    wait_for(client, Locator::Id(id))
        .await?
        .prop("value")
        .await
        .map_err(failed(&format!("value of #{id}")))
        .map(Option::unwrap_or_default)
}

/// A Turkish customer entered while the UI language changes under the user:
/// English → Hungarian → Turkish on Account info, the choice kept across a
/// reload, the offers named in the UI language, and no input lost; the
/// customer takes no subscriptions.
async fn languages_mid_wizard(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    client
        .goto(&format!("{base_url}/customers/new/account"))
        .await
        .map_err(failed("open account info"))?;
    heading(client, "Account info").await?;
    wait_for(client, Locator::Css("#country option[value=TR]")).await?;
    client
        .find(Locator::Id("country"))
        .await
        .map_err(failed("find country"))?
        .select_by_value("TR")
        .await
        .map_err(failed("choose Türkiye"))?;
    wait_for(client, Locator::Css("#language option[value=tr]")).await?;
    type_in(client, "company-name", "Anadolu Tekstil Sanayi A.Ş.").await?;
    type_in(client, "domain-prefix", "anadolutekstil").await?;

    switch_language(client, "hu").await?;
    heading(client, "Fiókadatok").await?;
    let name = value_of(client, "company-name").await?;
    check(name == "Anadolu Tekstil Sanayi A.Ş.", || {
        format!("company name after switching to Hungarian: {name:?}")
    })?;
    screenshot(client, "hu-account-info").await?;
    turkish_address_and_contact(client, "İstanbul").await?;

    switch_language(client, "tr").await?;
    heading(client, "Hesap bilgileri").await?;
    let button = text_of(client, "form button[type=submit]").await?;
    check(button == "İleri: Abonelikler", || {
        format!("Next in Turkish: {button:?}")
    })?;
    let domain = value_of(client, "domain-prefix").await?;
    check(domain == "anadolutekstil", || {
        format!("domain after switching to Turkish: {domain:?}")
    })?;
    screenshot(client, "tr-account-info").await?;
    click(client, "form button[type=submit]").await?;

    heading(client, "Abonelikler").await?;
    let offers = text_of(client, "main").await?;
    check(offers.contains("Kurumsal"), || {
        format!("categories in Turkish: {offers:?}")
    })?;
    client
        .refresh()
        .await
        .map_err(failed("reload subscriptions"))?;
    heading(client, "Abonelikler").await?;
    screenshot(client, "tr-subscriptions").await?;
    switch_language(client, "en").await?;
    heading(client, "Subscriptions").await?;
    let deadline = Instant::now() + WAIT;
    while !text_of(client, "main").await?.contains("Enterprise") {
        check(Instant::now() < deadline, || {
            "the offers were not asked for again in English".to_owned()
        })?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    click(client, "form button[type=submit]").await?;

    heading(client, "Review").await?;
    let review = text_of(client, "main").await?;
    check(
        review.contains("Anadolu Tekstil Sanayi A.Ş.")
            && review.contains("Büyükdere Caddesi No: 100")
            && review.contains("Yılmaz"),
        || format!("review: {review:?}"),
    )?;
    trap_errors(client).await?;
    click(client, "#submit").await?;
    heading(client, "Customer added").await?;
    let user = text_of(client, "#admin-user-name").await?;
    check(user == "admin@anadolutekstil.onmicrosoft.com", || {
        format!("admin user: {user:?}")
    })?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_changes_mid_wizard_without_losing_input() {
    in_browser("languages", |client, base_url| {
        Box::pin(languages_mid_wizard(client, base_url))
    })
    .await;
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

async fn choose(client: &Client, id: &str, value: &str) -> Outcome {
    wait_for(
        client,
        Locator::Css(&format!("#{id} option[value='{value}']")),
    )
    .await?;
    client
        .find(Locator::Id(id))
        .await
        .map_err(failed(&format!("find #{id}")))?
        .select_by_value(value)
        .await
        .map_err(failed(&format!("choose {value} in #{id}")))
}

/// Every page and state a user meets, in one language: each checked by
/// axe-core and photographed (`target/e2e-screenshots/<lang>-<page>.png`).
/// The address is one the service corrects, so the dialog opens too.
async fn accessibility_tour(client: &Client, base_url: &str, locale: Locale) -> Outcome {
    let texts = locale.texts();
    let lang = locale.tag();
    let page = |name: &str| format!("{lang}-{name}");
    client
        .goto(&format!("{base_url}/sign-in"))
        .await
        .map_err(failed("open sign in"))?;
    switch_language(client, lang).await?;
    accessible(client, &page("sign-in")).await?;
    screenshot(client, &page("sign-in")).await?;
    sign_in_as(client, base_url, "adminagent", texts.customers.title).await?;
    accessible(client, &page("customers")).await?;
    screenshot(client, &page("customers")).await?;

    click(client, "a[href='/customers/new/account']").await?;
    heading(client, texts.common.step_account).await?;
    click(client, "form button[type=submit]").await?;
    wait_for(client, Locator::Css(".error-summary:not([hidden]) a")).await?;
    let title = client.title().await.map_err(failed("title"))?;
    check(title.starts_with(texts.common.error_title_prefix), || {
        format!("title with errors: {title:?}")
    })?;
    accessible(client, &page("account-info-errors")).await?;
    screenshot(client, &page("account-info-errors")).await?;

    choose(client, "country", "TR").await?;
    wait_for(client, Locator::Css("#language option[value=tr]")).await?;
    type_in(client, "company-name", "Anadolu Tekstil Sanayi A.Ş.").await?;
    type_in(client, "domain-prefix", &format!("anadolutekstil{lang}")).await?;
    // 34394 is in İstanbul: the service suggests the corrected city.
    turkish_address_and_contact(client, "Ankara").await?;
    accessible(client, &page("account-info")).await?;
    screenshot(client, &page("account-info")).await?;
    click(client, "form button[type=submit]").await?;
    wait_for(client, Locator::Css("dialog[open] #address-suggestion-0")).await?;
    accessible(client, &page("address-dialog")).await?;
    screenshot(client, &page("address-dialog")).await?;
    click(client, "#address-accept").await?;

    heading(client, texts.common.step_subscriptions).await?;
    click(client, ".offer input[type=checkbox]").await?;
    accessible(client, &page("subscriptions")).await?;
    screenshot(client, &page("subscriptions")).await?;
    click(client, "form button[type=submit]").await?;

    heading(client, texts.common.step_review).await?;
    let review = text_of(client, "main").await?;
    check(review.contains("İstanbul"), || {
        format!("the suggested city on Review: {review:?}")
    })?;
    accessible(client, &page("review")).await?;
    screenshot(client, &page("review")).await?;
    click(client, "#submit").await?;

    wait_for(client, Locator::Id("admin-password")).await?;
    accessible(client, &page("confirmation")).await?;
    screenshot(client, &page("confirmation")).await?;
    click(client, "#done").await?;
    wait_for(client, Locator::Id("customer-added")).await?;

    client
        .goto(&format!("{base_url}/customers/relationship-request"))
        .await
        .map_err(failed("open request a relationship"))?;
    wait_for(client, Locator::Css("#invitation-link")).await?;
    accessible(client, &page("relationship-request")).await?;
    screenshot(client, &page("relationship-request")).await?;

    client
        .goto(&format!("{base_url}/no-such-page"))
        .await
        .map_err(failed("open a missing page"))?;
    heading(client, texts.common.not_found_title).await?;
    accessible(client, &page("not-found")).await?;
    screenshot(client, &page("not-found")).await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_accessible_in_english() {
    in_browser("a11y-en", |client, base_url| {
        Box::pin(accessibility_tour(client, base_url, Locale::En))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_accessible_in_hungarian() {
    in_browser("a11y-hu", |client, base_url| {
        Box::pin(accessibility_tour(client, base_url, Locale::Hu))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_is_accessible_in_turkish() {
    in_browser("a11y-tr", |client, base_url| {
        Box::pin(accessibility_tour(client, base_url, Locale::Tr))
    })
    .await;
}

/// A scenario that also holds the server: it may kill it and start it again.
type ServerScenario =
    for<'a> fn(&'a Client, &'a mut Harness) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>;

/// [`in_browser`] for scenarios that kill and restart the server.
async fn in_browser_with_server(name: &str, scenario: ServerScenario) {
    let mut harness = Harness::start();
    let client = harness.browser().await;
    let outcome = match scenario(&client, &mut harness).await {
        Err(failure) => Err(format!("{failure}\n{}", diagnostics(&client, name).await)),
        ok => ok,
    };
    let closed = client.close().await;
    outcome.unwrap_or_else(|failure| panic!("{failure}"));
    closed.expect("close the browser session");
}

impl Harness {
    /// Kills the server the way a crash does (SIGKILL) and waits until it is gone.
    fn kill_server(&mut self) {
        let server = &mut self.processes[0];
        let _ = server.kill();
        let _ = server.wait();
    }

    /// Starts the server again, in demo mode, on the same database file and
    /// the same port, so that the page keeps its origin (and its session).
    fn restart_server(&mut self) {
        self.kill_server();
        let address = self
            .base_url
            .strip_prefix("http://")
            .expect("an http base URL")
            .to_owned();
        let database_url = format!("sqlite://{}", self._data.path().join("e2e.db").display());
        let deadline = Instant::now() + WAIT;
        loop {
            let mut server = Command::new(server_binary())
                .args(["serve", "--bind", &address, "--database-url", &database_url])
                .arg("--demo")
                .arg("--spa-dir")
                .arg(workspace().join("dist"))
                .stdout(Stdio::piped())
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

/// [`in_browser`] against a server started with extra `serve` flags, e.g.
/// `--partner-type direct-bill`.
async fn in_browser_with_flags(name: &str, flags: &[&str], scenario: Scenario) {
    let harness = Harness::start_with(flags);
    let client = harness.browser().await;
    let outcome = match scenario(&client, &harness.base_url).await {
        Err(failure) => Err(format!("{failure}\n{}", diagnostics(&client, name).await)),
        ok => ok,
    };
    let closed = client.close().await;
    outcome.unwrap_or_else(|failure| panic!("{failure}"));
    closed.expect("close the browser session");
}
