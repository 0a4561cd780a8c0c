//! Failures users hit: a double-clicked Submit, the server killed in the
//! middle of Submit, a role that may not add customers, a sign-in that
//! expires mid-wizard, and the API's rate limit. Each scenario checks what
//! the user sees and what the server holds.
use super::*;

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use serde_json::Value;

const WIZARD_KEY: &str = "customer-wizard.wizard";

/// What `POST /v1/customers` takes for the garden company at `domain`.
fn customer_body(domain: &str) -> Value {
    let company = FOVAROSI;
    json!({
        "companyProfile": {"domain": domain, "companyName": company.name,
                           "organizationRegistrationNumber": company.registration_number},
        "billingProfile": {
            "email": company.email, "culture": "hu-HU", "language": company.language,
            "companyName": company.name,
            "defaultAddress": {
                "firstName": company.first_name, "lastName": company.last_name,
                "addressLine1": company.address_line1, "city": company.city,
                "postalCode": company.postal_code, "country": company.country,
                "phoneNumber": company.phone_number
            }
        }
    })
}

/// Signs in on the sign-in page on screen (keeping where it returns to).
async fn sign_in_here(client: &Client, user: &str) -> Outcome {
    heading(client, "Sign in").await?;
    use_demo_account(client, user).await
}

async fn sign_out(client: &Client) -> Outcome {
    click(client, ".site-header__sign-out").await?;
    heading(client, "Sign in").await
}

/// Account info filled in for the garden company at `prefix`, the
/// agreement confirmed when `accepted`; no Next.
async fn account_info(client: &Client, prefix: &str, accepted: bool) -> Outcome {
    heading(client, "Account info").await?;
    fill_account_info(client, &garden(prefix)).await?;
    if accepted {
        click(client, "#agreement-has-accepted").await?;
        wait_for(client, Locator::Id("acceptor-email")).await?;
    }
    Ok(())
}

/// The order lines of `licenses` licenses of one offer: none when 0.
fn lines(licenses: u64) -> Vec<u64> {
    (licenses > 0).then_some(licenses).into_iter().collect()
}

/// From Customers through Account info and Subscriptions (`licenses` of the
/// first offer) to Review, which shows all of it.
async fn to_review(client: &Client, prefix: &str, accepted: bool, licenses: u64) -> Outcome {
    add_customer(client).await?;
    account_info(client, prefix, accepted).await?;
    next(client).await?;
    subscribe(client, licenses).await?;
    next(client).await?;
    review_shows(client, &garden(prefix), &lines(licenses), &[])
        .await
        .map(drop)
}

/// Signed in as `user`, the garden company at `prefix` taken to Review (see
/// [`to_review`]); the API as the page calls it.
async fn draft_on_review(
    client: &Client,
    base_url: &str,
    user: &str,
    prefix: &str,
    accepted: bool,
    licenses: u64,
) -> Result<Api, String> {
    sign_in_as(client, base_url, user, "Customers").await?;
    to_review(client, prefix, accepted, licenses).await?;
    Api::of_page(client, base_url).await
}

/// Confirmation (after a Submit), and the server holding the customer once,
/// with one order of `licenses`: the customer Confirmation names.
async fn created_once(client: &Client, api: &Api, prefix: &str, licenses: u64) -> Outcome {
    let confirmed = confirmation_shows(client, prefix, &lines(licenses)).await?;
    let id = api
        .one_customer_and_order(&garden(prefix).domain(), licenses)
        .await?;
    check(confirmed.id == id, || {
        format!(
            "Confirmation shows {:?}, the server holds {id:?}",
            confirmed.id
        )
    })
}

/// Try again, after a failed Submit: [`created_once`].
async fn try_again_creates_once(
    client: &Client,
    api: &Api,
    prefix: &str,
    licenses: u64,
) -> Outcome {
    text_is(client, "#submit", "Try again").await?;
    click(client, "#submit").await?;
    created_once(client, api, prefix, licenses).await
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
    eventually(
        &format!("Submit progress {expected:?}"),
        async || progress(client).await,
        |states| states == expected,
    )
    .await
    .map(drop)
}

/// What Review says went wrong: `title`, and each of `said`.
async fn submit_problem(client: &Client, title: &str, said: &[&str]) -> Outcome {
    text_is(client, "#submit-problem h2", title).await?;
    text_until(client, "#submit-problem", |message| {
        said.iter().all(|part| message.contains(part))
    })
    .await
    .map(drop)
}

/// Makes the page's next `method` request to a path ending in `path_end`
/// wait: with `answer` false it is not sent until `window.__release()`; with
/// `answer` true it is sent, but its answer never reaches the app (as when
/// the connection drops after the server acted). `window.__held` tells how
/// far it got. A test instrument only: the app's own code runs unchanged.
async fn hold_next(client: &Client, method: &str, path_end: &str, answer: bool) -> Outcome {
    client
        .execute(
            "const [method, pathEnd, answer] = arguments;
             const original = window.fetch;
             window.__held = null;
             window.fetch = function (input, init) {
                 const request = input instanceof Request ? input : new Request(input, init);
                 const path = new URL(request.url, location.href).pathname;
                 if (window.__held !== null || request.method !== method || !path.endsWith(pathEnd)) {
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
            vec![json!(method), json!(path_end), json!(answer)],
        )
        .await
        .map(|_| ())
        .map_err(failed(&format!("hold the next {method}")))
}

/// Submits with the next POST to `path_end` held (see [`hold_next`])
/// until it is `state`: by then the server holds the customer, once.
async fn submit_held(
    client: &Client,
    api: &Api,
    prefix: &str,
    path_end: &str,
    answer: bool,
    state: &str,
) -> Outcome {
    hold_next(client, "POST", path_end, answer).await?;
    click(client, "#submit").await?;
    eventually(
        &format!("the held request {state}"),
        async || {
            client
                .execute("return window.__held;", vec![])
                .await
                .map_err(failed("read __held"))
        },
        |held| held.as_str() == Some(state),
    )
    .await?;
    let customers = api.customers_at(&garden(prefix).domain()).await?;
    check(customers.len() == 1, || {
        format!("the customers at {prefix} while Submit is held: {customers:?}")
    })
}

// ---------------------------------------------------------------------------
// Item 5: a double-clicked Submit.

/// A real double click (two presses of the mouse button, as fast as the
/// browser takes them) on Submit: one customer, one order, one confirmation.
async fn double_click_on_submit(client: &Client, base_url: &str) -> Outcome {
    let prefix = "kertdupla";
    let api = draft_on_review(client, base_url, "adminagent", prefix, true, 4).await?;
    trap_errors(client).await?;
    let submit = wait_for(client, Locator::Id("submit")).await?;
    let mut mouse = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
        element: submit,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    for _ in 0..2 {
        mouse = mouse
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
    }
    client
        .perform_actions(mouse)
        .await
        .map_err(failed("double-click Submit"))?;
    created_once(client, &api, prefix, 4).await?;
    screenshot(client, "double-click-confirmation").await?;
    nothing_reported(client).await
}

/// Nothing went to the error trap (`trap_errors`) since it was set.
async fn nothing_reported(client: &Client) -> Outcome {
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
    run("double-click", &[], double_click_on_submit).await;
}

/// Typing a company name and a domain prefix schedules their checks for when
/// the typing pauses; the user leaves Account info before that. The checks
/// and their answers come to a page that is gone: the app goes on running,
/// with nothing reported.
async fn leaving_account_info_with_checks_pending(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    add_customer(client).await?;
    trap_errors(client).await?;
    type_in(client, "company-name", "Wingtip Toys Kft.").await?;
    type_in(client, "domain-prefix", "leavingsoon").await?;
    click(client, ".back-link").await?;
    heading(client, "Customers").await?;
    // Past the typing pause and the answers to its checks.
    tokio::time::sleep(Duration::from_millis(2_000)).await;
    count_is(client, "#crash", 0).await?;
    heading(client, "Customers").await?;
    nothing_reported(client).await
}

#[tokio::test(flavor = "multi_thread")]
async fn checks_that_answer_after_the_user_left_account_info_leave_the_app_running() {
    run(
        "left-mid-check",
        &[],
        leaving_account_info_with_checks_pending,
    )
    .await;
}

/// Next pressed while the country's rules are still on their way (as after
/// a reload, or a country just chosen): the page says so, and goes on to
/// Subscriptions once they are in, without another press.
async fn next_before_the_rules(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    add_customer(client).await?;
    account_info(client, "rulesontheirway", false).await?;
    choose_country(client, "TR", "tr").await?;
    hold_next(client, "GET", "/countryvalidationrules/HU", false).await?;
    choose(client, "country", "HU").await?;
    trap_errors(client).await?;
    next(client).await?;
    main_showing(
        client,
        &["The rules of the chosen country are still loading. The next step opens as soon as they are in."],
    )
    .await?;
    heading(client, "Account info").await?;
    client
        .execute("window.__release();", vec![])
        .await
        .map_err(failed("release the rules"))?;
    heading(client, "Subscriptions").await?;
    nothing_reported(client).await
}

#[tokio::test(flavor = "multi_thread")]
async fn next_pressed_before_the_country_s_rules_are_in_goes_on_once_they_are() {
    run("rules-on-their-way", &[], next_before_the_rules).await;
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
    let api = draft_on_review(client, &base_url, "adminagent", prefix, true, 3).await?;
    submit_held(client, &api, prefix, "/carts", false, "waiting").await?;
    harness.kill_server();
    client
        .execute("window.__release();", vec![])
        .await
        .map_err(failed("release the order"))?;

    submit_problem(
        client,
        "The order could not be placed",
        &["could not be reached", "Nothing is lost"],
    )
    .await?;
    wait_for_progress(client, &["done", "done", "failed"]).await?;
    text_is(client, "#submit", "Try again").await?;
    review_shows(client, &garden(prefix), &[3], &[]).await?;
    let stored = stored_wizard(client).await?;
    check(
        stored["draft"]["account"]["company_name"] == FOVAROSI.name
            && stored["submission"]["customer"]["done"]["domain"] == garden(prefix).domain(),
        || format!("the stored wizard: {stored}"),
    )?;
    screenshot(client, "server-killed-before-order").await?;

    harness.restart_server();
    try_again_creates_once(client, &api, prefix, 3).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_before_the_order_resumes_at_the_order() {
    in_browser_with_server("killed-before-order", killed_before_the_order).await;
}

/// The server is down when the user submits: Review says the customer could
/// not be created and why. The server comes back; the user reloads (the
/// session and every answer survive both) and selects Try again.
async fn down_at_submit(client: &Client, harness: &mut Harness) -> Outcome {
    let base_url = harness.base_url.clone();
    let prefix = "kertleallas";
    let api = draft_on_review(client, &base_url, "salesagent", prefix, false, 2).await?;

    harness.kill_server();
    click(client, "#submit").await?;
    submit_problem(
        client,
        "The customer could not be created",
        &["could not be reached"],
    )
    .await?;
    wait_for_progress(client, &["failed", "waiting"]).await?;
    review_shows(client, &garden(prefix), &[2], &[]).await?;
    screenshot(client, "server-down-at-submit").await?;

    harness.restart_server();
    reload(client).await?;
    review_shows(client, &garden(prefix), &[2], &[]).await?;
    try_again_creates_once(client, &api, prefix, 2).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_down_at_submit_is_reported_and_try_again_completes() {
    in_browser_with_server("down-at-submit", down_at_submit).await;
}

/// The server creates the customer and dies before its answer reaches the
/// browser; the page waits, the user reloads. After the restart, Review
/// tells the user Submit was interrupted and offers Try again, which sends
/// the same request id: the server answers with the customer it stored (the
/// one-time password included) instead of creating another.
async fn killed_after_creating_the_customer(client: &Client, harness: &mut Harness) -> Outcome {
    let base_url = harness.base_url.clone();
    let prefix = "kertvalasz";
    let api = draft_on_review(client, &base_url, "salesagent", prefix, false, 1).await?;
    submit_held(client, &api, prefix, "/v1/customers", true, "answered").await?;
    harness.kill_server();
    harness.restart_server();
    reload(client).await?;

    review_shows(client, &garden(prefix), &[1], &[]).await?;
    text_until(client, "#submit-resume", |resume| {
        resume.contains("Try again")
    })
    .await?;
    screenshot(client, "server-killed-after-customer").await?;
    try_again_creates_once(client, &api, prefix, 1).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_killed_after_creating_the_customer_creates_it_once() {
    in_browser_with_server("killed-after-customer", killed_after_creating_the_customer).await;
}

// ---------------------------------------------------------------------------
// Item 9: roles without permission.

/// `user`, whose role may not add customers, is refused by the API with a
/// 403 naming `wire_role`; Customers and Account info (opened directly) say
/// why, in the words of `role`, and offer neither Add customer nor the form.
async fn refused_to(
    client: &Client,
    base_url: &str,
    user: &str,
    role: &str,
    wire_role: &str,
) -> Outcome {
    let api = Api::signed_in(base_url, user).await?;
    let body = customer_body("kerttilos.onmicrosoft.com");
    let refused = api.call("POST", "/v1/customers", Some(&body)).await?;
    check(
        refused.status == 403
            && refused.body["code"] == 600006
            && refused.body["description"]
                .as_str()
                .is_some_and(|text| text.contains(wire_role)),
        || format!("POST /v1/customers: {} {}", refused.status, refused.body),
    )?;

    let reason = (texts_in(Locale::En).common.cannot_add)(role);
    sign_in_as(client, base_url, user, "Customers").await?;
    text_is(client, "#cannot-add", &reason).await?;
    count_is(client, "a[href='/customers/new/account']", 0).await?;
    screenshot(client, &format!("cannot-add-{user}")).await?;

    // The wizard's address, typed in: the same reason, and no form.
    open_account_info(client, base_url).await?;
    text_is(client, "#cannot-add", &reason).await?;
    let form_shown = wait_for(client, Locator::Id("company-name"))
        .await?
        .is_displayed()
        .await
        .map_err(failed("is the form shown"))?;
    check(!form_shown, || "the Account info form is shown".to_owned())?;
    screenshot(client, &format!("cannot-add-account-info-{user}")).await?;

    // Adding customers from a file: the same reason, and no file to choose.
    open(client, base_url, "/customers/new/from-file").await?;
    text_is(client, "#cannot-add", &reason).await?;
    count_is(client, "#batch-file", 0).await?;
    sign_out(client).await
}

/// Helpdesk agents and Billing admins read customers but may not add them:
/// Customers and Account info (opened directly) say why; a draft completed
/// earlier in the tab cannot be submitted; and the API refuses them with a
/// 403 that names the role, whoever calls it.
async fn roles_that_may_not_add(client: &Client, base_url: &str) -> Outcome {
    for (user, role, wire_role) in [
        ("helpdeskagent", "Helpdesk agent", "helpdesk_agent"),
        ("billingadmin", "Billing admin", "billing_admin"),
    ] {
        refused_to(client, base_url, user, role, wire_role)
            .await
            .map_err(|failure| format!("{user}: {failure}"))?;
    }

    // A draft completed by a Sales agent earlier in this tab, whose sign-in
    // then expired (signing out would have cleared the draft): a Helpdesk
    // agent who signs in next cannot submit it, and is told why.
    let prefix = "kerttilos";
    draft_on_review(client, base_url, "salesagent", prefix, false, 0).await?;
    expire_session(client, base_url).await?;
    sign_in_as(client, base_url, "helpdeskagent", "Customers").await?;
    open(client, base_url, "/customers/new/review").await?;
    heading(client, "Review").await?;
    click(client, "#submit").await?;
    submit_problem(
        client,
        "The customer could not be created",
        &["may not add customers"],
    )
    .await?;
    screenshot(client, "cannot-submit-helpdesk").await?;
    // Signing out takes the draft with it.
    sign_out(client).await?;
    let stored = client
        .execute("return JSON.stringify(sessionStorage);", vec![])
        .await
        .map_err(failed("read sessionStorage"))?;
    check(!stored.to_string().contains(prefix), || {
        format!("the draft outlived signing out: {stored}")
    })?;
    let admin = Api::signed_in(base_url, "adminagent").await?;
    let created = admin.customers_at(&garden(prefix).domain()).await?;
    check(created.is_empty(), || {
        format!("a refused role created {created:?}")
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_role_that_may_not_add_customers_sees_why_and_is_refused() {
    run("roles-refused", &[], roles_that_may_not_add).await;
}

/// On Account info, `user` finds the option that the customer has accepted
/// the agreement enabled when `allowed`; otherwise disabled, described by the
/// reason, and not chosen by a click on its label.
async fn agreement_option(client: &Client, base_url: &str, user: &str, allowed: bool) -> Outcome {
    sign_in_as(client, base_url, user, "Customers").await?;
    add_customer(client).await?;
    // The option follows the user's roles: judged once they are known.
    answered(client, "/v1/me").await?;
    let option = wait_for(client, Locator::Id("agreement-has-accepted")).await?;
    let disabled = if allowed { "false" } else { "true" };
    eventually(
        &format!("the agreement option's disabled to be {disabled}"),
        async || option.prop("disabled").await.map_err(failed("disabled")),
        |found| found.as_deref() == Some(disabled),
    )
    .await?;
    if allowed {
        let reasons = client
            .find_all(Locator::Id("agreement-not-allowed"))
            .await
            .map_err(failed("find the reason"))?;
        check(reasons.is_empty(), || {
            "told they may not confirm the agreement".to_owned()
        })?;
    } else {
        let described = option
            .attr("aria-describedby")
            .await
            .map_err(failed("aria-describedby"))?;
        check(
            described.as_deref() == Some("agreement-not-allowed"),
            || format!("the option is described by {described:?}"),
        )?;
        text_is(
            client,
            "#agreement-not-allowed",
            texts_in(Locale::En).account.agreement_not_allowed,
        )
        .await?;
        // Clicking the label does not choose it.
        click(client, "label[for=agreement-has-accepted]").await?;
        let chosen = option.prop("checked").await.map_err(failed("checked"))?;
        check(chosen.as_deref() == Some("false"), || {
            "the disabled option could be chosen".to_owned()
        })?;
        screenshot(client, &format!("agreement-disabled-{user}")).await?;
    }
    sign_out(client).await
}

/// Global admins and User management admins add customers but may not
/// confirm the customer agreement for them: the option is disabled and says
/// why (an Admin agent's is not), and the API refuses it with a 403.
async fn agreement_for_admins(client: &Client, base_url: &str) -> Outcome {
    for (user, allowed) in [
        ("globaladmin", false),
        ("usermanagementadmin", false),
        ("adminagent", true),
    ] {
        agreement_option(client, base_url, user, allowed)
            .await
            .map_err(|failure| format!("{user}: {failure}"))?;
    }

    // The API: a Global admin may add a customer, not record its agreement.
    let api = Api::signed_in(base_url, "globaladmin").await?;
    let body = customer_body("kertglobal.onmicrosoft.com");
    let created = api.call("POST", "/v1/customers", Some(&body)).await?;
    check(created.status == 201, || {
        format!(
            "POST /v1/customers as globaladmin: {} {}",
            created.status, created.body
        )
    })?;
    let id = created.body["id"].as_str().unwrap_or_default();
    let templates = api
        .get("/v1/agreements?agreementType=MicrosoftCustomerAgreement")
        .await?;
    let template = templates["items"][0]["templateId"].clone();
    let path = format!("/v1/customers/{id}/agreements");
    let company = FOVAROSI;
    let agreement = json!({
        "primaryContact": {"firstName": company.first_name, "lastName": company.last_name,
                           "email": company.email, "phoneNumber": company.phone_number},
        "templateId": template,
        "dateAgreed": "2026-01-05T00:00:00.000Z",
        "type": "MicrosoftCustomerAgreement"
    });
    let refused = api.call("POST", &path, Some(&agreement)).await?;
    check(refused.status == 403, || {
        format!(
            "POST {path} as globaladmin: {} {}",
            refused.status, refused.body
        )
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn admins_see_the_agreement_option_disabled_with_its_reason() {
    run("agreement-roles", &[], agreement_for_admins).await;
}

// ---------------------------------------------------------------------------
// Item 10: the sign-in expires mid-wizard.

/// Ends the page's session on the server, as an expiry does.
async fn expire_session(client: &Client, base_url: &str) -> Outcome {
    let api = Api::of_page(client, base_url).await?;
    let answer = api.call("DELETE", "/v1/auth/token", None).await?;
    check(answer.status == 204, || {
        format!("DELETE /v1/auth/token: {} {}", answer.status, answer.body)
    })?;
    let me = api.call("GET", "/v1/me", None).await?;
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

/// The user's Next, on a page whose session has ended. Account info also
/// looks the domain up by itself half a second after it opens: when that
/// lookup meets the ended session first, the page goes to Sign in under the
/// click, which is as good — either way the user is asked to sign in.
async fn next_after_expiry(client: &Client) -> Outcome {
    match next(client).await {
        Err(failure) if failure.contains("stale element") => Ok(()),
        outcome => outcome,
    }
}

/// The session expires, the user's next step asks them to sign in again,
/// and they do.
async fn expires_and_signs_in_again(client: &Client, base_url: &str, back_to: &str) -> Outcome {
    expire_session(client, base_url).await?;
    next_after_expiry(client).await?;
    asked_to_sign_in(client, back_to).await?;
    sign_in_here(client, "salesagent").await
}

/// The session ends on Account info, then on Subscriptions, then on Account
/// info again from Review: each time the next step that asks the API
/// something (Next, or Review's Submit) asks them to sign in, and signing
/// in brings them back to where they were with every answer; then Submit
/// creates the customer once.
async fn expiry_mid_wizard(client: &Client, base_url: &str) -> Outcome {
    let prefix = "kertlejart";
    let company = garden(prefix);
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    add_customer(client).await?;
    account_info(client, prefix, true).await?;
    expire_session(client, base_url).await?;
    next_after_expiry(client).await?;
    asked_to_sign_in(client, "/customers/new/account").await?;
    screenshot(client, "expired-sign-in").await?;
    sign_in_here(client, "salesagent").await?;
    heading(client, "Account info").await?;
    address_is(client, "/customers/new/account").await?;
    for (id, expected) in [
        ("company-name", company.name),
        ("domain-prefix", prefix),
        ("address-line1", company.address_line1),
        ("phone-number", "+36 1 234 5678"),
        ("acceptor-email", company.email),
    ] {
        value_is(client, id, expected)
            .await
            .map_err(|failure| format!("after signing in again: {failure}"))?;
    }
    next(client).await?;

    subscribe(client, 6).await?;
    expire_session(client, base_url).await?;
    // Review asks the API nothing (it shows the offers Subscriptions
    // loaded): its Submit is the step that finds the sign-in ended.
    next(client).await?;
    review_shows(client, &company, &[6], &[]).await?;
    click(client, "#submit").await?;
    asked_to_sign_in(client, "/customers/new/review").await?;
    sign_in_here(client, "salesagent").await?;
    review_shows(client, &company, &[6], &[]).await?;

    // Update from Review keeps its way back to Review across a sign-in.
    update_account_info(client).await?;
    type_in(client, "address-line2", "3. emelet").await?;
    expires_and_signs_in_again(client, base_url, "/customers/new/account?return=review").await?;
    saves_and_returns_to_review(client).await?;
    // The change made before the sign-in.
    value_is(client, "address-line2", "3. emelet").await?;
    next(client).await?;
    review_shows(client, &company, &[6], &["3. emelet"]).await?;

    click(client, "#submit").await?;
    let api = Api::of_page(client, base_url).await?;
    created_once(client, &api, prefix, 6).await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_sign_in_mid_wizard_returns_to_the_draft() {
    run("expired-sign-in", &[], expiry_mid_wizard).await;
}

// ---------------------------------------------------------------------------
// A licence count the server refuses is shown at its offer.

/// The server refuses a licence count the catalogue allows (`serve
/// --fail-field lineItems.quantity`: a check the browser cannot run), after
/// creating the customer. Review links to that offer's count; Subscriptions
/// shows the message there and in its summary until the user changes the
/// count; submitted again, the one customer gets its one order.
async fn refused_licence_count(client: &Client, base_url: &str) -> Outcome {
    let prefix = "kertszamlalo";
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    add_customer(client).await?;
    account_info(client, prefix, false).await?;
    next(client).await?;
    let offer = subscribe(client, 6).await?;
    next(client).await?;
    review_shows(client, &garden(prefix), &[6], &[]).await?;
    click(client, "#submit").await?;

    let input = format!("quantity-{offer}");
    let link =
        format!("#submit-problem a[href='/customers/new/subscriptions?return=review#{input}']");
    let refused = text_of(client, &link).await?;
    check(refused.contains("between"), || {
        format!("Review links the count with {refused:?}")
    })?;
    screenshot(client, "server-quantity-error-review").await?;
    click(client, &link).await?;
    heading(client, "Subscriptions").await?;
    shows_error(client, &input, &refused).await?;
    text_is(
        client,
        &format!(".error-summary a[href='#{input}']"),
        &refused,
    )
    .await?;
    screenshot(client, "server-quantity-error-subscriptions").await?;
    type_in(client, &input, "7").await?;
    shows_no_error(client, &input).await?;
    next(client).await?;

    review_shows(client, &garden(prefix), &[7], &[]).await?;
    click(client, "#submit").await?;
    let api = Api::of_page(client, base_url).await?;
    created_once(client, &api, prefix, 7).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_licence_count_the_server_refuses_is_shown_at_its_offer() {
    run(
        "server-quantity-error",
        &["--fail-field", "lineItems.quantity"],
        refused_licence_count,
    )
    .await;
}

// ---------------------------------------------------------------------------
// The API's per-user rate limit reached: the app waits out the 429.

/// The server allows this user 12 requests a minute, then one every 5 s:
/// longer than the steps between spending the allowance and searching.
const REQUESTS_PER_MINUTE: u32 = 12;

/// With the user's allowance spent, a search is answered 429 with
/// `Retry-After`: the header says the app is waiting and counts down, then
/// the search is sent again by itself and its answer shown.
async fn waits_out_the_rate_limit(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    type_in(client, "customer-search", "kovacs").await?;
    let api = Api::of_page(client, base_url).await?;
    // The same user's other requests spend the allowance the page shares.
    let mut spent = 0;
    loop {
        let answer = api.call("GET", "/v1/customers?size=1", None).await?;
        if answer.status == 429 {
            break;
        }
        spent += 1;
        check(spent <= REQUESTS_PER_MINUTE, || {
            format!("still answered {} after {spent} requests", answer.status)
        })?;
    }
    click(client, "form.search button[type=submit]").await?;
    text_until(client, "#waiting-notice", |text| {
        text.starts_with("The customer service asked us to slow down. Trying again in")
    })
    .await?;
    accessible(client, "the waiting notice").await?;
    // The notice goes once the search is answered.
    text_is(client, "#waiting-notice", "").await?;
    let table = text_until(client, ".customer-table", |table| {
        table.contains("Kovács és Társa Bt.")
    })
    .await?;
    check(!table.contains("Margie's Travel"), || {
        format!("the search showed more than its match: {table}")
    })?;
    count_is(client, ".error-summary", 0).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rate_limited_search_waits_out_retry_after_and_says_so() {
    run(
        "rate-limited",
        &["--requests-per-minute", &REQUESTS_PER_MINUTE.to_string()],
        waits_out_the_rate_limit,
    )
    .await;
}

// ---------------------------------------------------------------------------
// The app itself fails: the release build stops at a panic.

/// What the browser reports when the app's code traps (a panic in the
/// release build): an uncaught `WebAssembly.RuntimeError`. Dispatched, since
/// an error thrown by WebDriver's script reaches the page muted, without it.
const TRAP: &str = "window.dispatchEvent(new ErrorEvent('error', \
    { error: new WebAssembly.RuntimeError('unreachable') }));";

/// The app stops working mid-wizard: the page says so in the user's
/// language, with Reload focused; reloading brings back the draft.
async fn a_crash_offers_a_reload_that_keeps_the_draft(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    add_customer(client).await?;
    type_in(client, "company-name", "Összeomlás Kft.").await?;
    switch_language(client, "hu").await?;
    client
        .execute(TRAP, vec![])
        .await
        .map_err(failed("make the app trap"))?;
    text_is(client, "#crash h2", "Hiba történt ezen az oldalon.").await?;
    let focused = client
        .execute(
            "return document.activeElement?.closest('#crash') !== null;",
            vec![],
        )
        .await
        .map_err(failed("read the focus"))?;
    check(focused.as_bool() == Some(true), || {
        "Reload is not focused".to_owned()
    })?;
    // A second failure does not stack a second panel.
    client
        .execute(TRAP, vec![])
        .await
        .map_err(failed("make the app trap again"))?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let panels = client
        .find_all(Locator::Css(".crash"))
        .await
        .map_err(failed("find the panels"))?;
    check(panels.len() == 1, || format!("{} panels", panels.len()))?;
    click(client, "#crash button").await?;
    value_is(client, "company-name", "Összeomlás Kft.").await?;
    let gone = client
        .find_all(Locator::Css("#crash"))
        .await
        .map_err(failed("find the panel"))?;
    check(gone.is_empty(), || {
        "the panel outlived the reload".to_owned()
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn when_the_app_stops_working_the_page_offers_a_reload_that_keeps_the_draft() {
    run("crash", &[], a_crash_offers_a_reload_that_keeps_the_draft).await;
}
