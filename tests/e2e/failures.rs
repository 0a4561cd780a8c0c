//! Failures users hit (issue 7, items 5, 6, 9 and 10): a double-clicked
//! Submit, the server killed in the middle of Submit, a role that may not add
//! customers, and a sign-in that expires mid-wizard. Each scenario checks what
//! the user sees and what the server holds.
use super::*;

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const TOKEN_KEY: &str = "customer-wizard.token";
const WIZARD_KEY: &str = "customer-wizard.wizard";
const COMPANY: &str = "Fővárosi Kertészet Kft.";

/// An answer of the API, read over a plain HTTP/1.1 connection.
struct Answer {
    status: u16,
    body: Value,
}

/// One request to the API, as any client would send it.
async fn call_api(
    base_url: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Result<Answer, String> {
    let what = format!("{method} {path}");
    let address = base_url
        .strip_prefix("http://")
        .ok_or_else(|| format!("not an http URL: {base_url}"))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nAccept: application/json\r\n\
         Connection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(token) = token {
        request.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(&body);
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(address).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await?;
        Ok::<_, std::io::Error>(raw)
    };
    let raw = tokio::time::timeout(WAIT, exchange)
        .await
        .map_err(|_| format!("{what}: no answer within {WAIT:?}"))?
        .map_err(|error| format!("{what}: {error}"))?;
    let text = String::from_utf8_lossy(&raw);
    let (head, content) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| format!("{what}: not an HTTP answer: {text:?}"))?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("{what}: no status in {head:?}"))?;
    let chunked = head
        .lines()
        .any(|line| line.eq_ignore_ascii_case("transfer-encoding: chunked"));
    let content = if chunked {
        dechunk(content)
    } else {
        content.to_owned()
    };
    let body = if content.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&content)
            .map_err(|error| format!("{what}: answer is not JSON ({error}): {content:?}"))?
    };
    Ok(Answer { status, body })
}

fn dechunk(mut content: &str) -> String {
    let mut body = String::new();
    while let Some((size, rest)) = content.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || rest.len() < size {
            break;
        }
        body.push_str(&rest[..size]);
        content = rest[size..].trim_start_matches("\r\n");
    }
    body
}

/// Percent-encodes a query value.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// The bearer token of the page's session.
async fn page_token(client: &Client) -> Result<String, String> {
    let token = client
        .execute(
            &format!("return sessionStorage.getItem('{TOKEN_KEY}');"),
            vec![],
        )
        .await
        .map_err(failed("read the token"))?;
    token
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| "the page holds no token".to_owned())
}

/// A token of a demo account, signed in over the API (not through the page).
async fn api_token(base_url: &str, user: &str) -> Result<String, String> {
    let demo = call_api(base_url, "GET", "/v1/demo", None, None).await?;
    let password = demo.body["accounts"]
        .as_array()
        .and_then(|accounts| {
            accounts
                .iter()
                .find(|account| account["userName"] == user)
                .and_then(|account| account["password"].as_str())
        })
        .ok_or_else(|| format!("no demo account {user}: {}", demo.body))?
        .to_owned();
    let answer = call_api(
        base_url,
        "POST",
        "/v1/auth/token",
        None,
        Some(&json!({"userName": user, "password": password})),
    )
    .await?;
    answer.body["accessToken"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("sign-in as {user}: {} {}", answer.status, answer.body))
}

/// The server's customers whose domain is exactly `domain`.
async fn customers_with_domain(
    base_url: &str,
    token: &str,
    domain: &str,
) -> Result<Vec<Value>, String> {
    let filter = json!({"Field": "Domain", "Value": domain, "Operator": "starts_with"});
    let path = format!(
        "/v1/customers?size=100&filter={}",
        encoded(&filter.to_string())
    );
    let answer = call_api(base_url, "GET", &path, Some(token), None).await?;
    check(answer.status == 200, || {
        format!("GET {path}: {} {}", answer.status, answer.body)
    })?;
    Ok(answer.body["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|customer| {
            customer["companyProfile"]["domain"]
                .as_str()
                .is_some_and(|found| found.eq_ignore_ascii_case(domain))
        })
        .collect())
}

/// Exactly one customer with the domain on the server, with exactly one
/// order of `licenses` licenses (none when 0); its id.
async fn one_customer_and_order(
    base_url: &str,
    token: &str,
    domain: &str,
    licenses: u64,
) -> Result<String, String> {
    let customers = customers_with_domain(base_url, token, domain).await?;
    check(customers.len() == 1, || {
        format!("customers with the domain {domain}: {customers:?}")
    })?;
    let id = customers[0]["id"].as_str().unwrap_or_default().to_owned();
    let path = format!("/v1/customers/{id}/orders");
    let orders = call_api(base_url, "GET", &path, Some(token), None).await?;
    let items = orders.body["items"].as_array().cloned().unwrap_or_default();
    let expected = usize::from(licenses > 0);
    check(orders.status == 200 && items.len() == expected, || {
        format!("orders of {domain}: {} {}", orders.status, orders.body)
    })?;
    let quantity: u64 = items
        .iter()
        .flat_map(|order| order["lineItems"].as_array().cloned().unwrap_or_default())
        .map(|line| line["quantity"].as_u64().unwrap_or_default())
        .sum();
    check(quantity == licenses, || {
        format!("licenses ordered for {domain}: {quantity}, not {licenses}")
    })?;
    Ok(id)
}

/// Signs in on the sign-in page on screen (keeping where it returns to).
async fn sign_in_here(client: &Client, user: &str) -> Outcome {
    heading(client, "Sign in").await?;
    click(client, &format!("button[data-user='{user}']")).await?;
    click(client, "form button[type=submit]").await
}

async fn sign_out(client: &Client) -> Outcome {
    click(client, ".site-header__sign-out").await?;
    heading(client, "Sign in").await
}

async fn path_of(client: &Client) -> Result<String, String> {
    let url = client.current_url().await.map_err(failed("current url"))?;
    Ok(match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    })
}

/// Account info for a Hungarian company with the domain prefix `prefix`,
/// the agreement confirmed when `accepted`; no Next.
async fn fill_account_info(client: &Client, prefix: &str, accepted: bool) -> Outcome {
    heading(client, "Account info").await?;
    choose(client, "country", "HU").await?;
    wait_for(client, Locator::Css("#language option[value=hu]")).await?;
    type_in(client, "company-name", COMPANY).await?;
    type_in(client, "domain-prefix", prefix).await?;
    text_of(client, ".availability--ok").await?;
    type_in(client, "address-line1", "Váci utca 1.").await?;
    type_in(client, "city", "Budapest").await?;
    type_in(client, "postal-code", "1052").await?;
    type_in(client, "registration-number", "12892312-2-42").await?;
    type_in(client, "first-name", "Anna").await?;
    type_in(client, "last-name", "Kiss").await?;
    type_in(client, "email", "anna.kiss@fovarosikerteszet.hu").await?;
    type_in(client, "phone-number", "+36 1 234 5678").await?;
    if accepted {
        click(client, "#agreement-has-accepted").await?;
        wait_for(client, Locator::Id("acceptor-email")).await?;
    }
    Ok(())
}

/// `licenses` of the first offer (none when 0) on Subscriptions; no Next.
async fn choose_licenses(client: &Client, licenses: u64) -> Outcome {
    heading(client, "Subscriptions").await?;
    wait_for(client, Locator::Css(".offer input[type=checkbox]")).await?;
    if licenses > 0 {
        click(client, ".offer input[type=checkbox]").await?;
        let quantity = wait_for(client, Locator::Css(".offer input[type=number]")).await?;
        quantity.clear().await.map_err(failed("clear licenses"))?;
        quantity
            .send_keys(&licenses.to_string())
            .await
            .map_err(failed("type licenses"))?;
    }
    Ok(())
}

/// From Customers through Account info and Subscriptions to Review.
async fn to_review(client: &Client, prefix: &str, accepted: bool, licenses: u64) -> Outcome {
    click(client, "a[href='/customers/new/account']").await?;
    fill_account_info(client, prefix, accepted).await?;
    click(client, "form button[type=submit]").await?;
    choose_licenses(client, licenses).await?;
    click(client, "form button[type=submit]").await?;
    heading(client, "Review").await?;
    review_shows_the_draft(client, prefix, licenses).await
}

fn licenses_text(licenses: u64) -> String {
    match licenses {
        1 => "1 license".to_owned(),
        _ => format!("{licenses} licenses"),
    }
}

/// Review lists what the user entered: nothing is lost.
async fn review_shows_the_draft(client: &Client, prefix: &str, licenses: u64) -> Outcome {
    let deadline = Instant::now() + WAIT;
    loop {
        let review = text_of(client, "main").await?;
        let shown = review.contains(COMPANY)
            && review.contains(&format!("{prefix}.onmicrosoft.com"))
            && review.contains("Váci utca 1.")
            && review.contains("anna.kiss@fovarosikerteszet.hu")
            && (licenses == 0 || review.contains(&licenses_text(licenses)));
        if shown {
            return Ok(());
        }
        check(Instant::now() < deadline, || {
            format!("Review does not show the draft: {review:?}")
        })?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The draft as this tab stores it.
async fn stored_wizard(client: &Client) -> Result<Value, String> {
    let stored = client
        .execute(
            &format!("return sessionStorage.getItem('{WIZARD_KEY}');"),
            vec![],
        )
        .await
        .map_err(failed("read the stored wizard"))?;
    let text = stored.as_str().unwrap_or("null");
    serde_json::from_str(text).map_err(|error| format!("stored wizard {text:?}: {error}"))
}

/// Each step of Submit's progress list, as its state class.
async fn progress(client: &Client) -> Result<Vec<String>, String> {
    let steps = client
        .find_all(Locator::Css(".progress li"))
        .await
        .map_err(failed("progress steps"))?;
    let mut states = Vec::new();
    for step in steps {
        let class = step
            .attr("class")
            .await
            .map_err(failed("progress class"))?
            .unwrap_or_default();
        let state = class
            .split_whitespace()
            .find_map(|name| name.strip_prefix("progress__step--"))
            .unwrap_or("?")
            .to_owned();
        states.push(state);
    }
    Ok(states)
}

async fn wait_for_progress(client: &Client, expected: &[&str]) -> Outcome {
    let deadline = Instant::now() + WAIT;
    loop {
        let states = progress(client).await?;
        if states == expected {
            return Ok(());
        }
        check(Instant::now() < deadline, || {
            format!("Submit progress {states:?}, expected {expected:?}")
        })?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Makes the page's next POST to a path ending in `path_end` wait: with
/// `answer` false it is not sent until `window.__release()`; with `answer`
/// true it is sent, but its answer never reaches the app (as when the
/// connection drops after the server acted). `window.__held` tells how far
/// it got. A test instrument only: the app's own code runs unchanged.
async fn hold_next_post(client: &Client, path_end: &str, answer: bool) -> Outcome {
    client
        .execute(
            "const [pathEnd, answer] = arguments;
             const original = window.fetch;
             window.__held = null;
             window.fetch = function (input, init) {
                 const request = input instanceof Request ? input : new Request(input, init);
                 const path = new URL(request.url, location.href).pathname;
                 if (window.__held !== null || request.method !== 'POST' || !path.endsWith(pathEnd)) {
                     return original.call(window, input, init);
                 }
                 if (answer) {
                     window.__held = 'sent';
                     return original.call(window, input, init).then(() => {
                         window.__held = 'answered';
                         return new Promise(() => {});
                     });
                 }
                 window.__held = 'waiting';
                 return new Promise(resolve => {
                     window.__release = () => {
                         window.__held = 'released';
                         resolve(original.call(window, input, init));
                     };
                 });
             };",
            vec![json!(path_end), json!(answer)],
        )
        .await
        .map(|_| ())
        .map_err(failed("hold the next POST"))
}

async fn wait_until_held(client: &Client, state: &str) -> Outcome {
    let deadline = Instant::now() + WAIT;
    loop {
        let held = client
            .execute("return window.__held;", vec![])
            .await
            .map_err(failed("read __held"))?;
        if held.as_str() == Some(state) {
            return Ok(());
        }
        check(Instant::now() < deadline, || {
            format!("the held request is {held}, not {state}")
        })?;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Confirmation after a submit: the customer, its admin, the one-time
/// password (nothing of it lost) and the order.
async fn confirmation_shows(client: &Client, prefix: &str, licenses: u64) -> Outcome {
    heading(client, "Customer added").await?;
    let user = text_of(client, "#admin-user-name").await?;
    check(user == format!("admin@{prefix}.onmicrosoft.com"), || {
        format!("admin user: {user:?}")
    })?;
    let password = text_of(client, "#admin-password").await?;
    check(password.chars().count() >= 8, || {
        format!("one-time password: {password:?}")
    })?;
    if licenses > 0 {
        let orders = text_of(client, "#orders").await?;
        check(orders.contains(&licenses_text(licenses)), || {
            format!("orders: {orders:?}")
        })?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Item 5: a double-clicked Submit.

/// A real double click (two presses of the mouse button, as fast as the
/// browser takes them) on Submit: one customer, one order, one confirmation.
async fn double_click_on_submit(client: &Client, base_url: &str) -> Outcome {
    let prefix = "kertdupla";
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    to_review(client, prefix, true, 4).await?;
    trap_errors(client).await?;
    let submit = wait_for(client, Locator::Id("submit")).await?;
    let mouse = MouseActions::new("mouse".to_owned())
        .then(PointerAction::MoveToElement {
            element: submit,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client
        .perform_actions(mouse)
        .await
        .map_err(failed("double-click Submit"))?;
    confirmation_shows(client, prefix, 4).await?;
    screenshot(client, "double-click-confirmation").await?;
    let token = page_token(client).await?;
    let domain = format!("{prefix}.onmicrosoft.com");
    let id = one_customer_and_order(base_url, &token, &domain, 4).await?;
    let shown = text_of(client, "#customer-id").await?;
    check(shown == id, || {
        format!("Confirmation shows {shown:?}, the server holds {id:?}")
    })?;
    let errors = client
        .execute("return window.__errors;", vec![])
        .await
        .map_err(failed("read errors"))?;
    check(errors.as_array().is_some_and(Vec::is_empty), || {
        format!("errors in the page: {errors}")
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_double_clicked_submit_creates_one_customer_and_one_order() {
    in_browser("double-click", |client, base_url| {
        Box::pin(double_click_on_submit(client, base_url))
    })
    .await;
}

// ---------------------------------------------------------------------------
// Item 6: the server killed during Submit and started again.

/// The customer and its agreement are written; the server dies before the
/// order reaches it. Review says the order failed (the customer and the
/// agreement done), keeps every answer; with the server back, Try again
/// places the order once, and Confirmation still has the one-time password.
async fn killed_before_the_order(client: &Client, harness: &mut Harness) -> Outcome {
    let base_url = harness.base_url.clone();
    let prefix = "kertrendeles";
    let domain = format!("{prefix}.onmicrosoft.com");
    sign_in_as(client, &base_url, "adminagent", "Customers").await?;
    to_review(client, prefix, true, 3).await?;
    let token = page_token(client).await?;

    hold_next_post(client, "/carts", false).await?;
    click(client, "#submit").await?;
    wait_until_held(client, "waiting").await?;
    check(
        customers_with_domain(&base_url, &token, &domain)
            .await?
            .len()
            == 1,
        || "the customer was not created before the order".to_owned(),
    )?;
    harness.kill_server();
    client
        .execute("window.__release();", vec![])
        .await
        .map_err(failed("release the order"))?;

    let problem = text_of(client, "#submit-problem h2").await?;
    check(problem == "The order could not be placed", || {
        format!("the failed step: {problem:?}")
    })?;
    let message = text_of(client, "#submit-problem").await?;
    check(
        message.contains("could not be reached") && message.contains("Nothing is lost"),
        || format!("what the user is told: {message:?}"),
    )?;
    wait_for_progress(client, &["done", "done", "failed"]).await?;
    let button = text_of(client, "#submit").await?;
    check(button == "Try again", || format!("the button: {button:?}"))?;
    review_shows_the_draft(client, prefix, 3).await?;
    let stored = stored_wizard(client).await?;
    check(
        stored["draft"]["account"]["company_name"] == COMPANY
            && stored["submission"]["customer"]["done"]["domain"] == domain.as_str(),
        || format!("the stored wizard: {stored}"),
    )?;
    screenshot(client, "server-killed-before-order").await?;

    harness.restart_server();
    click(client, "#submit").await?;
    confirmation_shows(client, prefix, 3).await?;
    one_customer_and_order(&base_url, &token, &domain, 3).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_before_the_order_resumes_at_the_order() {
    in_browser_with_server("killed-before-order", |client, harness| {
        Box::pin(killed_before_the_order(client, harness))
    })
    .await;
}

/// The server is down when the user submits: Review says the customer could
/// not be created and why. The server comes back; the user reloads (the
/// session and every answer survive both) and selects Try again.
async fn down_at_submit(client: &Client, harness: &mut Harness) -> Outcome {
    let base_url = harness.base_url.clone();
    let prefix = "kertleallas";
    let domain = format!("{prefix}.onmicrosoft.com");
    sign_in_as(client, &base_url, "salesagent", "Customers").await?;
    to_review(client, prefix, false, 2).await?;
    let token = page_token(client).await?;

    harness.kill_server();
    click(client, "#submit").await?;
    let problem = text_of(client, "#submit-problem h2").await?;
    check(problem == "The customer could not be created", || {
        format!("the failed step: {problem:?}")
    })?;
    let message = text_of(client, "#submit-problem").await?;
    check(message.contains("could not be reached"), || {
        format!("what the user is told: {message:?}")
    })?;
    wait_for_progress(client, &["failed", "waiting"]).await?;
    review_shows_the_draft(client, prefix, 2).await?;
    screenshot(client, "server-down-at-submit").await?;

    harness.restart_server();
    client.refresh().await.map_err(failed("reload review"))?;
    heading(client, "Review").await?;
    review_shows_the_draft(client, prefix, 2).await?;
    let button = text_of(client, "#submit").await?;
    check(button == "Try again", || format!("the button: {button:?}"))?;
    click(client, "#submit").await?;
    confirmation_shows(client, prefix, 2).await?;
    one_customer_and_order(&base_url, &token, &domain, 2).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_down_at_submit_is_reported_and_try_again_completes() {
    in_browser_with_server("down-at-submit", |client, harness| {
        Box::pin(down_at_submit(client, harness))
    })
    .await;
}

/// The server creates the customer and dies before its answer reaches the
/// browser; the page waits, the user reloads. After the restart, Review
/// tells the user Submit was interrupted and offers Try again, which sends
/// the same request id: the server answers with the customer it stored (the
/// one-time password included) instead of creating another.
async fn killed_after_creating_the_customer(client: &Client, harness: &mut Harness) -> Outcome {
    let base_url = harness.base_url.clone();
    let prefix = "kertvalasz";
    let domain = format!("{prefix}.onmicrosoft.com");
    sign_in_as(client, &base_url, "salesagent", "Customers").await?;
    to_review(client, prefix, false, 1).await?;
    let token = page_token(client).await?;

    hold_next_post(client, "/v1/customers", true).await?;
    click(client, "#submit").await?;
    wait_until_held(client, "answered").await?;
    check(
        customers_with_domain(&base_url, &token, &domain)
            .await?
            .len()
            == 1,
        || "the server did not create the customer".to_owned(),
    )?;
    harness.kill_server();
    harness.restart_server();
    client
        .refresh()
        .await
        .map_err(failed("reload during submit"))?;

    heading(client, "Review").await?;
    review_shows_the_draft(client, prefix, 1).await?;
    let resume = text_of(client, "#submit-resume").await?;
    check(resume.contains("Try again"), || {
        format!("what the user is told after the reload: {resume:?}")
    })?;
    let button = text_of(client, "#submit").await?;
    check(button == "Try again", || format!("the button: {button:?}"))?;
    screenshot(client, "server-killed-after-customer").await?;
    click(client, "#submit").await?;
    confirmation_shows(client, prefix, 1).await?;
    one_customer_and_order(&base_url, &token, &domain, 1).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_after_creating_the_customer_creates_it_once() {
    in_browser_with_server("killed-after-customer", |client, harness| {
        Box::pin(killed_after_creating_the_customer(client, harness))
    })
    .await;
}

// ---------------------------------------------------------------------------
// Item 9: roles without permission.

/// Helpdesk agents and Billing admins read customers but may not add them:
/// Customers and Account info (opened directly) say why; a draft completed
/// earlier in the tab cannot be submitted; and the API refuses them with a
/// 403 that names the role, whoever calls it.
async fn roles_that_may_not_add(client: &Client, base_url: &str) -> Outcome {
    let texts = Locale::En.texts();
    for (user, role, wire_role) in [
        ("helpdeskagent", "Helpdesk agent", "helpdesk_agent"),
        ("billingadmin", "Billing admin", "billing_admin"),
    ] {
        let token = api_token(base_url, user).await?;
        let refused = call_api(
            base_url,
            "POST",
            "/v1/customers",
            Some(&token),
            Some(&json!({
                "companyProfile": {"domain": "kerttilos.onmicrosoft.com", "companyName": COMPANY,
                                   "organizationRegistrationNumber": "12892312-2-42"},
                "billingProfile": {
                    "email": "anna.kiss@fovarosikerteszet.hu", "culture": "hu-HU", "language": "hu",
                    "companyName": COMPANY,
                    "defaultAddress": {
                        "firstName": "Anna", "lastName": "Kiss", "addressLine1": "Váci utca 1.",
                        "city": "Budapest", "postalCode": "1052", "country": "HU",
                        "phoneNumber": "+36 1 234 5678"
                    }
                }
            })),
        )
        .await?;
        check(
            refused.status == 403
                && refused.body["code"] == 600006
                && refused.body["description"]
                    .as_str()
                    .is_some_and(|text| text.contains(wire_role)),
            || {
                format!(
                    "POST /v1/customers as {user}: {} {}",
                    refused.status, refused.body
                )
            },
        )?;

        sign_in_as(client, base_url, user, "Customers").await?;
        let reason = text_of(client, "#cannot-add").await?;
        check(reason == (texts.customers.cannot_add)(role), || {
            format!("{user} on Customers: {reason:?}")
        })?;
        let links = client
            .find_all(Locator::Css("a[href='/customers/new/account']"))
            .await
            .map_err(failed("find Add customer"))?;
        check(links.is_empty(), || {
            format!("{user} is offered Add customer")
        })?;
        screenshot(client, &format!("cannot-add-{user}")).await?;

        // The wizard's address, typed in: the same reason, and no form.
        client
            .goto(&format!("{base_url}/customers/new/account"))
            .await
            .map_err(failed("open account info directly"))?;
        heading(client, "Account info").await?;
        let reason = text_of(client, "#cannot-add").await?;
        check(reason == (texts.customers.cannot_add)(role), || {
            format!("{user} on Account info: {reason:?}")
        })?;
        let form_shown = wait_for(client, Locator::Id("company-name"))
            .await?
            .is_displayed()
            .await
            .map_err(failed("is the form shown"))?;
        check(!form_shown, || {
            format!("{user} is shown the Account info form")
        })?;
        screenshot(client, &format!("cannot-add-account-info-{user}")).await?;
        sign_out(client).await?;
    }

    // A draft completed by a Sales agent earlier in this tab: a Helpdesk
    // agent who signs in next cannot submit it, and is told why.
    let prefix = "kerttilos";
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    to_review(client, prefix, false, 0).await?;
    sign_out(client).await?;
    sign_in_as(client, base_url, "helpdeskagent", "Customers").await?;
    client
        .goto(&format!("{base_url}/customers/new/review"))
        .await
        .map_err(failed("open review"))?;
    heading(client, "Review").await?;
    click(client, "#submit").await?;
    let problem = text_of(client, "#submit-problem h2").await?;
    check(problem == "The customer could not be created", || {
        format!("the failed step: {problem:?}")
    })?;
    let message = text_of(client, "#submit-problem").await?;
    check(message.contains("may not add customers"), || {
        format!("why the Helpdesk agent cannot submit: {message:?}")
    })?;
    screenshot(client, "cannot-submit-helpdesk").await?;
    let token = api_token(base_url, "adminagent").await?;
    let created =
        customers_with_domain(base_url, &token, &format!("{prefix}.onmicrosoft.com")).await?;
    check(created.is_empty(), || {
        format!("a refused role created {created:?}")
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_role_that_may_not_add_customers_sees_why_and_is_refused() {
    in_browser("roles-refused", |client, base_url| {
        Box::pin(roles_that_may_not_add(client, base_url))
    })
    .await;
}

/// Global admins and User management admins add customers but may not
/// confirm the customer agreement for them: the option is disabled and says
/// why (an Admin agent's is not), and the API refuses it with a 403.
async fn agreement_for_admins(client: &Client, base_url: &str) -> Outcome {
    let texts = Locale::En.texts();
    for (user, allowed) in [
        ("globaladmin", false),
        ("usermanagementadmin", false),
        ("adminagent", true),
    ] {
        sign_in_as(client, base_url, user, "Customers").await?;
        click(client, "a[href='/customers/new/account']").await?;
        heading(client, "Account info").await?;
        let option = wait_for(client, Locator::Id("agreement-has-accepted")).await?;
        let deadline = Instant::now() + WAIT;
        loop {
            let disabled = option.prop("disabled").await.map_err(failed("disabled"))?;
            if disabled.as_deref() == Some(if allowed { "false" } else { "true" }) {
                break;
            }
            check(Instant::now() < deadline, || {
                format!("{user}: the agreement option's disabled is {disabled:?}")
            })?;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if allowed {
            let reasons = client
                .find_all(Locator::Id("agreement-not-allowed"))
                .await
                .map_err(failed("find the reason"))?;
            check(reasons.is_empty(), || {
                format!("{user} is told they may not confirm the agreement")
            })?;
        } else {
            let described = option
                .attr("aria-describedby")
                .await
                .map_err(failed("aria-describedby"))?;
            check(
                described.as_deref() == Some("agreement-not-allowed"),
                || format!("{user}: the option is described by {described:?}"),
            )?;
            let reason = text_of(client, "#agreement-not-allowed").await?;
            check(reason == texts.account.agreement_not_allowed, || {
                format!("{user}: the reason {reason:?}")
            })?;
            // Clicking the label does not choose it.
            click(client, "label[for=agreement-has-accepted]").await?;
            let chosen = option.prop("checked").await.map_err(failed("checked"))?;
            check(chosen.as_deref() == Some("false"), || {
                format!("{user} could choose the disabled option")
            })?;
            screenshot(client, &format!("agreement-disabled-{user}")).await?;
        }
        sign_out(client).await?;
    }

    // The API: a Global admin may add a customer, not record its agreement.
    let token = api_token(base_url, "globaladmin").await?;
    let created = call_api(
        base_url,
        "POST",
        "/v1/customers",
        Some(&token),
        Some(&json!({
            "companyProfile": {"domain": "kertglobal.onmicrosoft.com", "companyName": COMPANY,
                               "organizationRegistrationNumber": "12892312-2-42"},
            "billingProfile": {
                "email": "anna.kiss@fovarosikerteszet.hu", "culture": "hu-HU", "language": "hu",
                "companyName": COMPANY,
                "defaultAddress": {
                    "firstName": "Anna", "lastName": "Kiss", "addressLine1": "Váci utca 1.",
                    "city": "Budapest", "postalCode": "1052", "country": "HU",
                    "phoneNumber": "+36 1 234 5678"
                }
            }
        })),
    )
    .await?;
    check(created.status == 201, || {
        format!(
            "POST /v1/customers as globaladmin: {} {}",
            created.status, created.body
        )
    })?;
    let id = created.body["id"].as_str().unwrap_or_default();
    let templates = call_api(
        base_url,
        "GET",
        "/v1/agreements?agreementType=MicrosoftCustomerAgreement",
        Some(&token),
        None,
    )
    .await?;
    let template = templates.body["items"][0]["templateId"].clone();
    let path = format!("/v1/customers/{id}/agreements");
    let refused = call_api(
        base_url,
        "POST",
        &path,
        Some(&token),
        Some(&json!({
            "primaryContact": {"firstName": "Anna", "lastName": "Kiss",
                               "email": "anna.kiss@fovarosikerteszet.hu", "phoneNumber": "+36 1 234 5678"},
            "templateId": template,
            "dateAgreed": "2026-01-05T00:00:00.000Z",
            "type": "MicrosoftCustomerAgreement"
        })),
    )
    .await?;
    check(refused.status == 403, || {
        format!(
            "POST {path} as globaladmin: {} {}",
            refused.status, refused.body
        )
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn admins_see_the_agreement_option_disabled_with_its_reason() {
    in_browser("agreement-roles", |client, base_url| {
        Box::pin(agreement_for_admins(client, base_url))
    })
    .await;
}

// ---------------------------------------------------------------------------
// Item 10: the sign-in expires mid-wizard.

/// Ends the page's session on the server, as an expiry does.
async fn expire_session(client: &Client, base_url: &str) -> Outcome {
    let token = page_token(client).await?;
    let answer = call_api(base_url, "DELETE", "/v1/auth/token", Some(&token), None).await?;
    check(answer.status == 204, || {
        format!("DELETE /v1/auth/token: {} {}", answer.status, answer.body)
    })?;
    let me = call_api(base_url, "GET", "/v1/me", Some(&token), None).await?;
    check(me.status == 401, || {
        format!("the revoked token still works: {}", me.status)
    })
}

/// The user is sent to sign in, returning to `path`.
async fn asked_to_sign_in(client: &Client, path: &str) -> Outcome {
    heading(client, "Sign in").await?;
    let url = client.current_url().await.map_err(failed("current url"))?;
    let back = url
        .query_pairs()
        .find(|(key, _)| key == "return")
        .map(|(_, value)| value.into_owned());
    check(
        url.path() == "/sign-in" && back.as_deref() == Some(path),
        || format!("sent to {url}, not to sign in and back to {path}"),
    )
}

/// The session ends on Account info, then on Subscriptions: each time the
/// next step the user takes asks them to sign in, and signing in brings
/// them back to where they were with every answer; then Submit completes.
async fn expiry_mid_wizard(client: &Client, base_url: &str) -> Outcome {
    let prefix = "kertlejart";
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    click(client, "a[href='/customers/new/account']").await?;
    fill_account_info(client, prefix, true).await?;
    expire_session(client, base_url).await?;
    click(client, "form button[type=submit]").await?;
    asked_to_sign_in(client, "/customers/new/account").await?;
    screenshot(client, "expired-sign-in").await?;
    sign_in_here(client, "salesagent").await?;
    heading(client, "Account info").await?;
    check(path_of(client).await? == "/customers/new/account", || {
        "not back on Account info".to_owned()
    })?;
    for (id, expected) in [
        ("company-name", COMPANY),
        ("domain-prefix", prefix),
        ("address-line1", "Váci utca 1."),
        ("phone-number", "+36 1 234 5678"),
        ("acceptor-email", "anna.kiss@fovarosikerteszet.hu"),
    ] {
        let value = value_of(client, id).await?;
        check(value == expected, || {
            format!("#{id} after signing in again: {value:?}")
        })?;
    }
    click(client, "form button[type=submit]").await?;

    choose_licenses(client, 6).await?;
    expire_session(client, base_url).await?;
    click(client, "form button[type=submit]").await?;
    asked_to_sign_in(client, "/customers/new/review").await?;
    sign_in_here(client, "salesagent").await?;
    heading(client, "Review").await?;
    review_shows_the_draft(client, prefix, 6).await?;

    // Update from Review keeps its way back to Review across a sign-in.
    click(client, "#update-account").await?;
    heading(client, "Account info").await?;
    type_in(client, "address-line2", "3. emelet").await?;
    expire_session(client, base_url).await?;
    click(client, "form button[type=submit]").await?;
    asked_to_sign_in(client, "/customers/new/account?return=review").await?;
    sign_in_here(client, "salesagent").await?;
    heading(client, "Account info").await?;
    let button = text_of(client, "form button[type=submit]").await?;
    check(button == "Save and return to review", || {
        format!("the button after signing in again: {button:?}")
    })?;
    let line2 = value_of(client, "address-line2").await?;
    check(line2 == "3. emelet", || {
        format!("the change made before the sign-in: {line2:?}")
    })?;
    click(client, "form button[type=submit]").await?;
    heading(client, "Review").await?;
    review_shows_the_draft(client, prefix, 6).await?;

    click(client, "#submit").await?;
    confirmation_shows(client, prefix, 6).await?;
    let token = page_token(client).await?;
    one_customer_and_order(base_url, &token, &format!("{prefix}.onmicrosoft.com"), 6).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_sign_in_mid_wizard_returns_to_the_draft() {
    in_browser("expired-sign-in", |client, base_url| {
        Box::pin(expiry_mid_wizard(client, base_url))
    })
    .await;
}
