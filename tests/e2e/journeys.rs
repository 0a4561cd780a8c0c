//! Journeys through the wizard beyond the main happy path (issue 7): each
//! partner type, an address kept against the service's suggestion, every
//! Account info field's message, a field the server refuses, reload and
//! Back/Forward on every step, and markup typed into every text field.
//! Each checks what the user sees and what the server then holds.

use customer_model::validation::{Code, Field, Issue};
use serde_json::Value;

use super::*;

const TAB: &str = "\u{E004}";

/// The English message of a rule, as the page shows it.
fn message(issue: Issue) -> String {
    (Locale::En.texts().issue)(&issue)
}

/// Percent-encodes a query parameter's value.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Calls the API as the page's signed-in user (its token in sessionStorage):
/// the status and the JSON body (`null` when there is none).
async fn api(client: &Client, method: &str, path: &str) -> Result<(u64, Value), String> {
    let answer = client
        .execute_async(
            "const [method, path, done] = arguments;
             const token = sessionStorage.getItem('customer-wizard.token');
             fetch(path, { method, headers: { Authorization: 'Bearer ' + token } })
               .then(async response => done([response.status, await response.text()]))
               .catch(error => done([0, String(error)]));",
            vec![json!(method), json!(path)],
        )
        .await
        .map_err(failed(&format!("{method} {path}")))?;
    let status = answer[0].as_u64().unwrap_or_default();
    let body = answer[1].as_str().unwrap_or_default();
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).unwrap_or_else(|_| Value::String(body.to_owned()))
    };
    Ok((status, body))
}

/// `GET path`, which must answer 200.
async fn api_get(client: &Client, path: &str) -> Result<Value, String> {
    match api(client, "GET", path).await? {
        (200, body) => Ok(body),
        (status, body) => Err(format!("GET {path}: {status} {body}")),
    }
}

/// The customers of ours whose domain starts with `prefix`.
async fn customers_with_domain(client: &Client, prefix: &str) -> Result<Vec<Value>, String> {
    let filter = json!({"Field": "Domain", "Value": prefix, "Operator": "starts_with"});
    let list = api_get(
        client,
        &format!("/v1/customers?filter={}", encode(&filter.to_string())),
    )
    .await?;
    Ok(list["items"].as_array().cloned().unwrap_or_default())
}

/// The created customer, its agreements and its orders, as the API holds them.
async fn held(
    client: &Client,
    customer_id: &str,
) -> Result<(Value, Vec<Value>, Vec<Value>), String> {
    let customer = api_get(client, &format!("/v1/customers/{customer_id}")).await?;
    let items = |list: Value| list["items"].as_array().cloned().unwrap_or_default();
    let agreements =
        items(api_get(client, &format!("/v1/customers/{customer_id}/agreements")).await?);
    let orders = items(api_get(client, &format!("/v1/customers/{customer_id}/orders")).await?);
    Ok((customer, agreements, orders))
}

/// Polls `probe` every 50 ms until it gives `Some`, for at most [`WAIT`];
/// `what` describes the last value seen when it never does.
async fn until<T, S: std::fmt::Debug>(
    what: &str,
    mut probe: impl AsyncFnMut() -> Result<Result<T, S>, String>,
) -> Result<T, String> {
    let deadline = Instant::now() + WAIT;
    loop {
        match probe().await? {
            Ok(value) => return Ok(value),
            Err(seen) if Instant::now() >= deadline => {
                return Err(format!("{what}; last seen: {seen:?}"));
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

/// The text of `main` once it contains every one of `wanted`.
async fn main_showing(client: &Client, wanted: &[&str]) -> Result<String, String> {
    until(&format!("main showing {wanted:?}"), async || {
        let text = text_of(client, "main").await?;
        Ok(if wanted.iter().all(|part| text.contains(part)) {
            Ok(text)
        } else {
            Err(text)
        })
    })
    .await
}

/// What a field shows: its error message (the text of `#<id>-error` when it
/// is an error), its `aria-invalid` and its `aria-describedby`.
#[derive(Debug)]
struct FieldState {
    error: Option<String>,
    invalid: bool,
    described_by: String,
}

async fn field_state(client: &Client, id: &str) -> Result<FieldState, String> {
    let state = client
        .execute(
            "const [id] = arguments;
             const input = document.getElementById(id);
             const error = document.querySelector(`#${id}-error.error-message`);
             return [error ? error.textContent : null,
                     input ? input.getAttribute('aria-invalid') : null,
                     input ? input.getAttribute('aria-describedby') : null];",
            vec![json!(id)],
        )
        .await
        .map_err(failed(&format!("state of #{id}")))?;
    Ok(FieldState {
        error: state[0].as_str().map(str::to_owned),
        invalid: state[1].as_str() == Some("true"),
        described_by: state[2].as_str().unwrap_or_default().to_owned(),
    })
}

/// The field shows `expected` as its error, is marked invalid and described by it.
async fn shows_error(client: &Client, id: &str, expected: &str) -> Outcome {
    until(&format!("#{id} showing {expected:?}"), async || {
        let state = field_state(client, id).await?;
        let shown = state
            .error
            .as_deref()
            .is_some_and(|text| text.contains(expected))
            && state.invalid
            && state
                .described_by
                .split(' ')
                .any(|part| part == format!("{id}-error"));
        Ok(if shown { Ok(()) } else { Err(state) })
    })
    .await
}

/// The field shows no error and is not marked invalid.
async fn shows_no_error(client: &Client, id: &str) -> Outcome {
    until(&format!("#{id} without an error"), async || {
        let state = field_state(client, id).await?;
        Ok(if state.error.is_none() && !state.invalid {
            Ok(())
        } else {
            Err(state)
        })
    })
    .await
}

/// Types into the field as it is (no clearing) and leaves it with Tab.
async fn type_and_leave(client: &Client, id: &str, text: &str) -> Outcome {
    let input = wait_for(client, Locator::Id(id)).await?;
    input
        .send_keys(&format!("{text}{TAB}"))
        .await
        .map_err(failed(&format!("type into #{id} and leave")))
}

async fn open_account_info(client: &Client, base_url: &str) -> Outcome {
    client
        .goto(&format!("{base_url}/customers/new/account"))
        .await
        .map_err(failed("open account info"))?;
    heading(client, "Account info").await
}

async fn choose_country(client: &Client, country: &str, language: &str) -> Outcome {
    choose(client, "country", country).await?;
    wait_for(
        client,
        Locator::Css(&format!("#language option[value={language}]")),
    )
    .await
    .map(|_| ())
}

async fn next(client: &Client) -> Outcome {
    click(client, "form button[type=submit]").await
}

/// The customer id Confirmation shows.
async fn confirmed_customer(client: &Client) -> Result<String, String> {
    heading(client, "Customer added").await?;
    let id = text_of(client, "#customer-id").await?;
    check(!id.trim().is_empty(), || "no customer id".to_owned())?;
    Ok(id.trim().to_owned())
}

/// A chosen offer of the demo catalogue with `licenses` licenses.
async fn choose_offer(client: &Client, offer_id: &str, licenses: u32) -> Outcome {
    click(client, &format!("#offer-{offer_id}")).await?;
    type_in(
        client,
        &format!("quantity-{offer_id}"),
        &licenses.to_string(),
    )
    .await
}

const M365_E3: &str = "566BF9D7-C55A-45F8-91A6-E55E9B9B1325";
const M365_E5: &str = "8BDBB60B-E526-43E9-92EF-AB760C8E0B72";

/// A direct-bill partner (`serve --demo --partner-type direct-bill`) sees no
/// reseller field; a US customer that will accept the agreement itself, two
/// licenses: the customer has no reseller and no agreement recorded.
async fn direct_bill_partner(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    let me = api_get(client, "/v1/me").await?;
    check(me["partner"]["partnerType"] == "direct_bill", || {
        format!("the partner: {}", me["partner"])
    })?;
    open_account_info(client, base_url).await?;
    choose_country(client, "US", "en").await?;
    type_in(client, "company-name", "Blue Yonder Airlines Inc.").await?;
    type_in(client, "domain-prefix", "blueyonderair").await?;
    type_in(client, "address-line1", "1 Congress Avenue").await?;
    type_in(client, "city", "Austin").await?;
    choose(client, "state", "TX").await?;
    type_in(client, "postal-code", "78701").await?;
    type_in(client, "first-name", "Dana").await?;
    type_in(client, "last-name", "Whitley").await?;
    type_in(client, "email", "dana.whitley@blueyonderairlines.com").await?;
    wait_for(client, Locator::Css(".availability--ok")).await?;
    let will_accept = wait_for(client, Locator::Id("agreement-will-accept"))
        .await?
        .prop("checked")
        .await
        .map_err(failed("will accept"))?;
    check(will_accept.as_deref() == Some("true"), || {
        format!("\"will accept\" is the default: {will_accept:?}")
    })?;
    let resellers = client
        .find_all(Locator::Id("reseller"))
        .await
        .map_err(failed("look for the reseller field"))?;
    let page = text_of(client, "main").await?;
    let texts = Locale::En.texts();
    check(
        resellers.is_empty() && !page.contains(texts.account.reseller_heading),
        || format!("a direct-bill partner sees a reseller field: {page:?}"),
    )?;
    screenshot(client, "direct-bill-account-info").await?;
    next(client).await?;

    heading(client, "Subscriptions").await?;
    choose_offer(client, M365_E3, 2).await?;
    next(client).await?;

    heading(client, "Review").await?;
    let review = main_showing(
        client,
        &[
            "Blue Yonder Airlines Inc.",
            "78701 Austin TX",
            texts.review.agreement_will_accept,
            "2 licenses",
        ],
    )
    .await?;
    check(!review.contains(texts.review.reseller), || {
        format!("Review names a reseller: {review:?}")
    })?;
    screenshot(client, "direct-bill-review").await?;
    click(client, "#submit").await?;

    let id = confirmed_customer(client).await?;
    wait_for(client, Locator::Id("orders")).await?;
    let (customer, agreements, orders) = held(client, &id).await?;
    check(customer["associatedPartnerId"].is_null(), || {
        format!("a direct customer has a reseller: {customer}")
    })?;
    check(agreements.is_empty(), || {
        format!("an agreement was recorded though the customer will accept it: {agreements:?}")
    })?;
    let lines = &orders.first().cloned().unwrap_or_default()["lineItems"];
    check(
        orders.len() == 1
            && lines[0]["offerId"] == M365_E3
            && lines[0]["quantity"] == 2
            && lines[0]["partnerIdOnRecord"].is_null(),
        || format!("orders: {orders:?}"),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_direct_bill_partner_adds_a_customer_without_a_reseller() {
    in_browser_with_flags(
        "direct-bill",
        &["--partner-type", "direct-bill"],
        |client, base_url| Box::pin(direct_bill_partner(client, base_url)),
    )
    .await;
}

/// An indirect provider (the demo partner) adds a British customer for one of
/// its resellers: Review names the reseller, and the customer and its order
/// carry it.
async fn indirect_provider_with_reseller(client: &Client, base_url: &str) -> Outcome {
    const RESELLER: &str = "484e548c-f5f3-4528-93a9-c16c6373cb59";
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    choose_country(client, "GB", "en").await?;
    type_in(client, "company-name", "Fourth Coffee Limited").await?;
    type_in(client, "domain-prefix", "fourthcoffeeuk").await?;
    type_in(client, "address-line1", "1 Lime Street").await?;
    type_in(client, "city", "London").await?;
    type_in(client, "postal-code", "EC3N 4AB").await?;
    type_in(client, "first-name", "Oliver").await?;
    type_in(client, "last-name", "Hughes").await?;
    type_in(client, "email", "oliver.hughes@fourthcoffee.co.uk").await?;
    choose(client, "reseller", RESELLER).await?;
    let name = text_of(client, &format!("#reseller option[value='{RESELLER}']")).await?;
    check(name == "First Up Consultants", || {
        format!("the reseller's option: {name:?}")
    })?;
    screenshot(client, "indirect-account-info").await?;
    next(client).await?;

    heading(client, "Subscriptions").await?;
    choose_offer(client, M365_E5, 4).await?;
    next(client).await?;

    heading(client, "Review").await?;
    let review = main_showing(client, &["Indirect reseller", "First Up Consultants"]).await?;
    check(!review.contains(RESELLER), || {
        format!("Review shows the reseller's id: {review:?}")
    })?;
    screenshot(client, "indirect-review").await?;
    click(client, "#submit").await?;

    let id = confirmed_customer(client).await?;
    wait_for(client, Locator::Id("orders")).await?;
    let (customer, _, orders) = held(client, &id).await?;
    check(customer["associatedPartnerId"] == RESELLER, || {
        format!("the customer's reseller: {customer}")
    })?;
    let lines = &orders.first().cloned().unwrap_or_default()["lineItems"];
    check(
        orders.len() == 1
            && lines[0]["quantity"] == 4
            && lines[0]["partnerIdOnRecord"] == "4847383",
        || format!("the order names the reseller's PartnerID: {orders:?}"),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn an_indirect_providers_customer_belongs_to_the_chosen_reseller() {
    in_browser("indirect-reseller", |client, base_url| {
        Box::pin(indirect_provider_with_reseller(client, base_url))
    })
    .await;
}

/// The service corrects the city of 34394 to İstanbul; the user keeps
/// "Ankara", and Review and the created customer hold what they typed.
async fn address_kept(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    choose_country(client, "TR", "tr").await?;
    type_in(client, "company-name", "Boğaziçi Lojistik A.Ş.").await?;
    type_in(client, "domain-prefix", "bogazicilojistik").await?;
    turkish_address_and_contact(client, "Ankara").await?;
    next(client).await?;

    let suggestion = text_of(client, "dialog[open] label[for=address-suggestion-0]").await?;
    let kept = text_of(client, "dialog[open] label[for=address-keep]").await?;
    check(
        suggestion.contains("34394 İstanbul") && kept.contains("34394 Ankara"),
        || format!("the dialog offers {suggestion:?} and {kept:?}"),
    )?;
    click(client, "#address-keep").await?;
    screenshot(client, "address-kept-dialog").await?;
    click(client, "#address-accept").await?;

    heading(client, "Subscriptions").await?;
    next(client).await?;
    heading(client, "Review").await?;
    let review = main_showing(client, &["Büyükdere Caddesi No: 100, 34394 Ankara"]).await?;
    check(!review.contains("İstanbul"), || {
        format!("Review holds the suggestion: {review:?}")
    })?;
    click(client, "#submit").await?;

    let id = confirmed_customer(client).await?;
    let (customer, _, _) = held(client, &id).await?;
    let address = &customer["billingProfile"]["defaultAddress"];
    check(
        address["city"] == "Ankara" && address["postalCode"] == "34394",
        || format!("the stored address: {address}"),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn an_address_is_kept_against_the_services_suggestion() {
    in_browser("address-kept", |client, base_url| {
        Box::pin(address_kept(client, base_url))
    })
    .await;
}

/// Every Account info field given a wrong value and left with Tab shows its
/// message at the field (and `aria-invalid`, and is described by it); once
/// corrected, the message goes — email twice: a bad address, then one on the
/// partner's own domain. With everything right, Next goes on.
async fn every_field_error(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    let me = api_get(client, "/v1/me").await?;
    let partner_domain = me["partner"]["domains"][0]
        .as_str()
        .ok_or_else(|| format!("the partner's domains: {me}"))?
        .to_owned();
    open_account_info(client, base_url).await?;
    choose_country(client, "HU", "hu").await?;

    let error = |field, code| message(Issue::error(field, code));
    let too_long =
        |field, max: usize| message(Issue::error(field, Code::TooLong).with_param("max", max));
    let long_line = "Fő utca ".repeat(26);
    let long_name = "Péter".repeat(11);
    // (field, wrong value, its message, a right value)
    let cases: Vec<(&str, &str, String, &str)> = vec![
        (
            "company-name",
            "!!",
            error(Field::CompanyName, Code::NoLettersOrDigits),
            "Szentendrei Kertész Kft.",
        ),
        (
            "domain-prefix",
            "szentendre-kertesz",
            error(Field::DomainPrefix, Code::InvalidCharacters),
            "szentendrekertesz",
        ),
        (
            "address-line1",
            long_line.as_str(),
            too_long(Field::AddressLine1, 200),
            "Fő tér 12.",
        ),
        (
            "city",
            "   ",
            error(Field::City, Code::Required),
            "Szentendre",
        ),
        (
            "postal-code",
            "20000",
            error(Field::PostalCode, Code::InvalidFormat),
            "2000",
        ),
        (
            "registration-number",
            "1234",
            message(
                Issue::error(Field::RegistrationNumber, Code::InvalidFormat)
                    .with_param("example", "12892312-2-42"),
            ),
            "12892312-2-42",
        ),
        (
            "first-name",
            long_name.as_str(),
            too_long(Field::FirstName, 50),
            "Péter",
        ),
        (
            "last-name",
            "  ",
            error(Field::LastName, Code::Required),
            "Kertész",
        ),
        (
            "email",
            "peter.kertesz@",
            error(Field::Email, Code::InvalidEmail),
            "peter.kertesz@szentendrekertesz.hu",
        ),
        (
            "phone-number",
            "12",
            error(Field::PhoneNumber, Code::InvalidFormat),
            "+36 26 310 000",
        ),
    ];
    for (id, wrong, expected, _) in &cases {
        type_and_leave(client, id, wrong).await?;
        shows_error(client, id, expected).await?;
    }
    screenshot(client, "account-info-every-error").await?;

    for (id, _, _, right) in &cases {
        if *id == "email" {
            let own = format!("peter@{partner_domain}");
            type_in(client, id, &own).await?;
            let expected = message(
                Issue::error(Field::Email, Code::PartnerDomainEmail)
                    .with_param("domain", &partner_domain),
            );
            shows_error(client, id, &expected).await?;
        }
        if *id == "phone-number" {
            // Next lists the one error left in the summary, linked to its field.
            next(client).await?;
            let link = text_of(client, ".error-summary a[href='#phone-number']").await?;
            check(
                link == error(Field::PhoneNumber, Code::InvalidFormat),
                || format!("the summary's link: {link:?}"),
            )?;
            let links = client
                .find_all(Locator::Css(".error-summary a"))
                .await
                .map_err(failed("summary links"))?;
            check(links.len() == 1, || {
                format!("{} errors in the summary, 1 expected", links.len())
            })?;
        }
        type_in(client, id, right).await?;
        shows_no_error(client, id).await?;
    }
    next(client).await?;
    heading(client, "Subscriptions").await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_account_info_field_shows_its_error_then_clears_it() {
    in_browser("field-errors", |client, base_url| {
        Box::pin(every_field_error(client, base_url))
    })
    .await;
}

/// A Hungarian customer that passes every rule: `company` at `prefix`.
async fn hungarian_customer(client: &Client, company: &str, prefix: &str) -> Outcome {
    choose_country(client, "HU", "hu").await?;
    type_in(client, "company-name", company).await?;
    type_in(client, "domain-prefix", prefix).await?;
    type_in(client, "address-line1", "Fő tér 12.").await?;
    type_in(client, "city", "Szentendre").await?;
    type_in(client, "postal-code", "2000").await?;
    type_in(client, "registration-number", "12892312-2-42").await?;
    type_in(client, "first-name", "Péter").await?;
    type_in(client, "last-name", "Kertész").await?;
    type_in(client, "email", "peter.kertesz@dunakanyar.hu").await?;
    type_in(client, "phone-number", "+36 26 310 000").await
}

/// The server refuses the company name (`serve --fail-field
/// companyProfile.companyName`: a check the browser cannot run). Submit shows
/// the message linked to the field; the field shows it too, until the user
/// changes it; submitted again, exactly one customer exists, with the new name.
async fn server_field_error(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    hungarian_customer(client, "Dunakanyar Kertészet Kft.", "dunakanyarkerteszet").await?;
    next(client).await?;
    heading(client, "Subscriptions").await?;
    next(client).await?;
    heading(client, "Review").await?;
    click(client, "#submit").await?;

    let expected = message(Issue::error(Field::CompanyName, Code::InvalidFormat));
    let link = "#submit-problem a[href='/customers/new/account?return=review#company-name']";
    let shown = text_of(client, link).await?;
    check(shown == expected, || {
        format!("the refusal's link: {shown:?}")
    })?;
    check(
        customers_with_domain(client, "dunakanyarkerteszet")
            .await?
            .is_empty(),
        || "a refused create left a customer".to_owned(),
    )?;
    screenshot(client, "server-field-error-review").await?;

    click(client, link).await?;
    heading(client, "Account info").await?;
    shows_error(client, "company-name", &expected).await?;
    let summary = text_of(client, ".error-summary a[href='#company-name']").await?;
    check(summary == expected, || {
        format!("the summary on Account info: {summary:?}")
    })?;
    screenshot(client, "server-field-error-account-info").await?;
    type_in(
        client,
        "company-name",
        "Dunakanyar Kertészet és Faiskola Kft.",
    )
    .await?;
    shows_no_error(client, "company-name").await?;
    next(client).await?;

    heading(client, "Review").await?;
    main_showing(client, &["Dunakanyar Kertészet és Faiskola Kft."]).await?;
    click(client, "#submit").await?;
    let id = confirmed_customer(client).await?;
    let customers = customers_with_domain(client, "dunakanyarkerteszet").await?;
    check(
        customers.len() == 1
            && customers[0]["id"] == id.as_str()
            && customers[0]["companyProfile"]["companyName"]
                == "Dunakanyar Kertészet és Faiskola Kft.",
        || format!("customers with the domain: {customers:?}"),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_field_the_server_refuses_is_shown_at_that_field() {
    in_browser_with_flags(
        "server-field-error",
        &["--fail-field", "companyProfile.companyName"],
        |client, base_url| Box::pin(server_field_error(client, base_url)),
    )
    .await;
}

/// The Account info inputs of the reload scenario and what they hold.
const TURKISH_INPUT: [(&str, &str); 15] = [
    ("country", "TR"),
    ("company-name", "Marmara Gıda Sanayi A.Ş."),
    ("domain-prefix", "marmaragida"),
    ("address-line1", "Büyükdere Caddesi No: 185"),
    ("address-line2", "Kat 7"),
    ("address-line3", "Levent"),
    ("city", "İstanbul"),
    ("state", "İstanbul"),
    ("postal-code", "34394"),
    ("registration-number", "6120345678"),
    ("first-name", "Elif"),
    ("last-name", "Demir"),
    ("email", "elif.demir@marmaragida.com.tr"),
    ("phone-number", "+90 212 555 22 33"),
    ("language", "en"),
];

/// Every Account info input holds what the user entered, the agreement's
/// acceptor and GDAP included.
async fn account_info_intact(client: &Client, when: &str) -> Outcome {
    heading(client, "Account info").await?;
    for (id, expected) in TURKISH_INPUT.into_iter().chain([
        ("acceptor-first-name", "Mehmet"),
        ("acceptor-email", "mehmet.oz@marmaragida.com.tr"),
    ]) {
        let value = until(&format!("#{id} {when}"), async || {
            let value = value_of(client, id).await?;
            Ok(if value == expected {
                Ok(())
            } else {
                Err(value)
            })
        })
        .await;
        value.map_err(|problem| format!("{problem} (expected {expected:?})"))?;
    }
    let checked = |id: &'static str| async move {
        wait_for(client, Locator::Id(id))
            .await?
            .prop("checked")
            .await
            .map_err(failed(id))
    };
    let has_accepted = checked("agreement-has-accepted").await?;
    let gdap = checked("gdap").await?;
    check(
        has_accepted.as_deref() == Some("true") && gdap.as_deref() == Some("false"),
        || format!("{when}: has accepted {has_accepted:?}, GDAP {gdap:?}"),
    )?;
    let reseller = value_of(client, "reseller").await?;
    check(reseller == "a3e8f1b2-5c6d-4e7f-9a0b-1c2d3e4f5a6b", || {
        format!("{when}: reseller {reseller:?}")
    })
}

/// The two offers and their licenses on Subscriptions.
async fn subscriptions_intact(client: &Client, when: &str) -> Outcome {
    heading(client, "Subscriptions").await?;
    for (offer, licenses) in [(M365_E5, "7"), (M365_E3, "3")] {
        until(&format!("{offer} {when}"), async || {
            let value = value_of(client, &format!("quantity-{offer}")).await?;
            Ok(if value == licenses {
                Ok(())
            } else {
                Err(value)
            })
        })
        .await?;
    }
    Ok(())
}

/// Review with every answer.
async fn review_intact(client: &Client) -> Outcome {
    heading(client, "Review").await?;
    main_showing(
        client,
        &[
            "Marmara Gıda Sanayi A.Ş.",
            "marmaragida.onmicrosoft.com",
            "Büyükdere Caddesi No: 185, Kat 7, Levent, 34394 İstanbul İstanbul",
            "6120345678",
            "Elif Demir",
            "elif.demir@marmaragida.com.tr",
            "+90 212 555 22 33",
            "by Mehmet Demir (mehmet.oz@marmaragida.com.tr)",
            "Anadolu Bulut Çözümleri A.Ş.",
            "7 licenses",
            "3 licenses",
        ],
    )
    .await
    .map(|_| ())
}

async fn path_is(client: &Client, step: &str) -> Outcome {
    let url = client.current_url().await.map_err(failed("current url"))?;
    check(url.path() == format!("/customers/new/{step}"), || {
        format!("at {url}, not on {step}")
    })
}

/// A reload on every step, then Back and Forward through them, lose nothing;
/// the customer, its agreement and its order are then created as entered.
async fn reload_and_history(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    click(client, "#add-customer").await?;
    heading(client, "Account info").await?;
    choose_country(client, "TR", "tr").await?;
    for (id, value) in TURKISH_INPUT {
        match id {
            "country" => {}
            "state" | "language" => choose(client, id, value).await?,
            _ => type_in(client, id, value).await?,
        }
    }
    choose(client, "culture", "en-US").await?;
    click(client, "#agreement-has-accepted").await?;
    type_in(client, "acceptor-first-name", "Mehmet").await?;
    type_in(client, "acceptor-email", "mehmet.oz@marmaragida.com.tr").await?;
    click(client, "#gdap").await?;
    choose(client, "reseller", "a3e8f1b2-5c6d-4e7f-9a0b-1c2d3e4f5a6b").await?;
    client
        .refresh()
        .await
        .map_err(failed("reload account info"))?;
    account_info_intact(client, "after a reload").await?;
    next(client).await?;

    heading(client, "Subscriptions").await?;
    choose_offer(client, M365_E5, 7).await?;
    choose_offer(client, M365_E3, 3).await?;
    client
        .refresh()
        .await
        .map_err(failed("reload subscriptions"))?;
    subscriptions_intact(client, "after a reload").await?;
    next(client).await?;

    review_intact(client).await?;
    client.refresh().await.map_err(failed("reload review"))?;
    review_intact(client).await?;

    client
        .back()
        .await
        .map_err(failed("back to subscriptions"))?;
    subscriptions_intact(client, "after Back").await?;
    path_is(client, "subscriptions").await?;
    client
        .back()
        .await
        .map_err(failed("back to account info"))?;
    account_info_intact(client, "after Back").await?;
    path_is(client, "account").await?;
    client
        .forward()
        .await
        .map_err(failed("forward to subscriptions"))?;
    subscriptions_intact(client, "after Forward").await?;
    client
        .forward()
        .await
        .map_err(failed("forward to review"))?;
    review_intact(client).await?;
    path_is(client, "review").await?;
    click(client, "#submit").await?;

    let id = confirmed_customer(client).await?;
    wait_for(client, Locator::Id("orders")).await?;
    let (customer, agreements, orders) = held(client, &id).await?;
    let billing = &customer["billingProfile"];
    let address = &billing["defaultAddress"];
    check(
        customer["companyProfile"]["organizationRegistrationNumber"] == "6120345678"
            && customer["associatedPartnerId"] == "a3e8f1b2-5c6d-4e7f-9a0b-1c2d3e4f5a6b"
            && customer["enableGDAPByDefault"] == false
            && billing["language"] == "en"
            && billing["culture"] == "en-US"
            && address["addressLine2"] == "Kat 7"
            && address["addressLine3"] == "Levent"
            && address["state"] == "İstanbul"
            && address["phoneNumber"] == "+90 212 555 22 33",
        || format!("the stored customer: {customer}"),
    )?;
    let contact = &agreements.first().cloned().unwrap_or_default()["primaryContact"];
    check(
        agreements.len() == 1
            && contact["firstName"] == "Mehmet"
            && contact["lastName"] == "Demir"
            && contact["email"] == "mehmet.oz@marmaragida.com.tr",
        || format!("agreements: {agreements:?}"),
    )?;
    let mut licenses: Vec<(String, u64)> = orders
        .iter()
        .flat_map(|order| order["lineItems"].as_array().cloned().unwrap_or_default())
        .map(|line| {
            (
                line["offerId"].as_str().unwrap_or_default().to_owned(),
                line["quantity"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    licenses.sort();
    let mut expected = vec![(M365_E3.to_owned(), 3), (M365_E5.to_owned(), 7)];
    expected.sort();
    check(licenses == expected, || format!("orders: {orders:?}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn reload_and_back_forward_on_every_step_keep_all_input() {
    in_browser("reload-history", |client, base_url| {
        Box::pin(reload_and_history(client, base_url))
    })
    .await;
}

const IMG: &str = "<img src=x onerror=window.__xss=1>";
const SCRIPT: &str = "\"><script>window.__xss=1</script>";
const TEMPLATE: &str = "{{7*7}} &lt;b&gt; <b>bold</b>";
const SVG: &str = "<svg onload=window.__xss=1>";

/// No script ran and no element was made of the payloads: `window.__xss` is
/// unset and the page holds none of their elements or handlers.
async fn nothing_injected(client: &Client, page: &str) -> Outcome {
    let found = client
        .execute(
            "return [String(window.__xss),
                     document.querySelectorAll('img[src=x], main script, dialog script, svg[onload], [onerror], [onload], main b, dialog b').length];",
            vec![],
        )
        .await
        .map_err(failed("look for injected markup"))?;
    check(found[0] == "undefined" && found[1] == 0, || {
        format!("{page}: markup was injected: {found}")
    })
}

/// Markup and template payloads in every text field are shown as typed —
/// in the address dialog, on Review, on Confirmation, in the Customers list,
/// its search and the look-alike warning — and stored as typed; none of them
/// runs or becomes an element. An email payload is refused with the rule's
/// message.
async fn markup_payloads(client: &Client, base_url: &str) -> Outcome {
    let company = format!("{IMG} {SCRIPT} {{{{7*7}}}} &lt;b&gt;");
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    choose_country(client, "US", "en").await?;
    type_in(client, "company-name", &company).await?;
    type_in(client, "domain-prefix", "markupcheck").await?;
    type_in(client, "address-line1", &format!("{SCRIPT} 1")).await?;
    type_in(client, "address-line2", IMG).await?;
    type_in(client, "address-line3", TEMPLATE).await?;
    type_in(client, "city", SVG).await?;
    choose(client, "state", "TX").await?;
    type_in(client, "postal-code", "78701").await?;
    type_in(
        client,
        "registration-number",
        "<script>window.__xss=1</script>",
    )
    .await?;
    type_in(client, "first-name", IMG).await?;
    type_in(client, "last-name", SCRIPT).await?;
    type_and_leave(client, "email", &format!("{IMG}@example.com")).await?;
    shows_error(
        client,
        "email",
        &message(Issue::error(Field::Email, Code::InvalidEmail)),
    )
    .await?;
    nothing_injected(client, "Account info").await?;
    type_in(client, "email", "it@markupcheck.example").await?;
    click(client, "#agreement-has-accepted").await?;
    type_in(client, "acceptor-first-name", TEMPLATE).await?;
    type_in(client, "acceptor-last-name", SVG).await?;
    next(client).await?;

    // The city is not Austin's: the dialog shows the address as typed.
    let kept = text_of(client, "dialog[open] label[for=address-keep]").await?;
    check(
        [SCRIPT, IMG, TEMPLATE, SVG]
            .iter()
            .all(|payload| kept.contains(payload)),
        || format!("the address as typed: {kept:?}"),
    )?;
    nothing_injected(client, "the address dialog").await?;
    click(client, "#address-keep").await?;
    click(client, "#address-accept").await?;
    heading(client, "Subscriptions").await?;
    next(client).await?;

    heading(client, "Review").await?;
    main_showing(
        client,
        &[
            company.as_str(),
            format!("{SCRIPT} 1, {IMG}, {TEMPLATE}, 78701 {SVG} TX").as_str(),
            "<script>window.__xss=1</script>",
            format!("{IMG} {SCRIPT}").as_str(),
            format!("by {TEMPLATE} {SVG} (it@markupcheck.example)").as_str(),
        ],
    )
    .await?;
    nothing_injected(client, "Review").await?;
    screenshot(client, "markup-review").await?;
    click(client, "#submit").await?;

    let id = confirmed_customer(client).await?;
    main_showing(client, &[company.as_str()]).await?;
    nothing_injected(client, "Confirmation").await?;
    let (customer, agreements, _) = held(client, &id).await?;
    let address = &customer["billingProfile"]["defaultAddress"];
    check(
        customer["companyProfile"]["companyName"] == company.as_str()
            && address["addressLine3"] == TEMPLATE
            && address["city"] == SVG
            && address["firstName"] == IMG,
        || format!("stored as typed: {customer}"),
    )?;
    check(
        agreements
            .first()
            .is_some_and(|agreement| agreement["primaryContact"]["lastName"] == SVG),
        || format!("agreements: {agreements:?}"),
    )?;

    click(client, "#done").await?;
    wait_for(client, Locator::Id("customer-added")).await?;
    let row = text_of(client, ".customer-table tr.highlight").await?;
    check(row.contains(&company), || {
        format!("the new customer's row: {row:?}")
    })?;
    nothing_injected(client, "Customers").await?;
    screenshot(client, "markup-customers").await?;

    type_in(client, "customer-search", "<img src=x").await?;
    click(client, "form.search button[type=submit]").await?;
    until("the search for \"<img src=x\"", async || {
        let rows = client
            .find_all(Locator::Css(".customer-table tbody tr"))
            .await
            .map_err(failed("rows"))?;
        let table = text_of(client, "main").await?;
        Ok(if rows.len() == 1 && table.contains(&company) {
            Ok(())
        } else {
            Err(table)
        })
    })
    .await?;
    nothing_injected(client, "the search").await?;

    // A new customer at the same domain: the warning names the one above.
    click(client, "#add-customer").await?;
    heading(client, "Account info").await?;
    type_in(client, "domain-prefix", "markupcheck").await?;
    let look_alikes = text_of(client, "#look-alikes").await?;
    check(look_alikes.contains(&company), || {
        format!("the look-alike warning: {look_alikes:?}")
    })?;
    nothing_injected(client, "the look-alike warning").await
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_every_text_field_is_shown_as_text() {
    in_browser("markup", |client, base_url| {
        Box::pin(markup_payloads(client, base_url))
    })
    .await;
}
