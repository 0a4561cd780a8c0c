//! Journeys through the wizard beyond the main happy path (issue 7): each
//! partner type, an address kept against the service's suggestion, every
//! Account info field's message, a field the server refuses, reload and
//! Back/Forward on every step, and markup typed into every text field.
//! Each checks what the user sees and what the server then holds.

use customer_model::validation::{Code, Field, Issue};

use super::*;

const TAB: &str = "\u{E004}";

/// The English message of a rule, as the page shows it.
fn message(issue: Issue) -> String {
    (texts_in(Locale::En).issue)(&issue)
}

/// Types into the field as it is (no clearing) and leaves it with Tab.
async fn type_and_leave(client: &Client, id: &str, text: &str) -> Outcome {
    let input = wait_for(client, Locator::Id(id)).await?;
    input
        .send_keys(&format!("{text}{TAB}"))
        .await
        .map_err(failed(&format!("type into #{id} and leave")))
}

const M365_E3: &str = "566BF9D7-C55A-45F8-91A6-E55E9B9B1325";
const M365_E5: &str = "8BDBB60B-E526-43E9-92EF-AB760C8E0B72";

/// An airline in Austin that will accept the agreement itself.
const BLUE_YONDER: Company<'static> = Company {
    country: "US",
    language: "en",
    name: "Blue Yonder Airlines Inc.",
    domain_prefix: "blueyonderair",
    address_line1: "1 Congress Avenue",
    city: "Austin",
    state: Some("TX"),
    postal_code: "78701",
    registration_number: None,
    first_name: "Dana",
    last_name: "Whitley",
    email: "dana.whitley@blueyonderairlines.com",
    phone_number: None,
};

/// A coffee company in London.
const FOURTH_COFFEE: Company<'static> = Company {
    country: "GB",
    language: "en",
    name: "Fourth Coffee Limited",
    domain_prefix: "fourthcoffeeuk",
    address_line1: "1 Lime Street",
    city: "London",
    state: None,
    postal_code: "EC3N 4AB",
    registration_number: None,
    first_name: "Oliver",
    last_name: "Hughes",
    email: "oliver.hughes@fourthcoffee.co.uk",
    phone_number: None,
};

/// A logistics company at the address of [`ANADOLU`], but in the city the
/// user typed: Ankara.
const BOGAZICI: Company<'static> = Company {
    name: "Boğaziçi Lojistik A.Ş.",
    domain_prefix: "bogazicilojistik",
    city: "Ankara",
    ..ANADOLU
};

/// A garden company in Szentendre that passes every rule.
const DUNAKANYAR: Company<'static> = Company {
    country: "HU",
    language: "hu",
    name: "Dunakanyar Kertészet Kft.",
    domain_prefix: "dunakanyarkerteszet",
    address_line1: "Fő tér 12.",
    city: "Szentendre",
    state: None,
    postal_code: "2000",
    registration_number: Some("12892312-2-42"),
    first_name: "Péter",
    last_name: "Kertész",
    email: "peter.kertesz@dunakanyar.hu",
    phone_number: Some("+36 26 310 000"),
};

/// A direct-bill partner (`serve --demo --partner-type direct-bill`) sees no
/// reseller field; a US customer that will accept the agreement itself, two
/// licenses: the customer has no reseller and no agreement recorded.
async fn direct_bill_partner(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    let api = Api::of_page(client, base_url).await?;
    let me = api.get("/v1/me").await?;
    check(me["partner"]["partnerType"] == "direct_bill", || {
        format!("the partner: {}", me["partner"])
    })?;
    open_account_info(client, base_url).await?;
    answered(client, "/v1/me").await?;
    fill_account_info(client, &BLUE_YONDER).await?;
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
    let texts = texts_in(Locale::En);
    check(
        resellers.is_empty() && !page.contains(texts.account.reseller_heading),
        || format!("a direct-bill partner sees a reseller field: {page:?}"),
    )?;
    screenshot(client, "direct-bill-account-info").await?;
    next(client).await?;

    heading(client, "Subscriptions").await?;
    choose_offer(client, M365_E3, 2).await?;
    next(client).await?;

    let review = review_shows(
        client,
        &BLUE_YONDER,
        &[2],
        &["78701 Austin TX", texts.review.agreement_will_accept],
    )
    .await?;
    check(!review.contains(texts.review.reseller), || {
        format!("Review names a reseller: {review:?}")
    })?;
    screenshot(client, "direct-bill-review").await?;
    click(client, "#submit").await?;

    let confirmed = confirmation_shows(client, BLUE_YONDER.domain_prefix, &[2]).await?;
    let held = api.held(&confirmed.id).await?;
    check(held.customer["associatedPartnerId"].is_null(), || {
        format!("a direct customer has a reseller: {}", held.customer)
    })?;
    check(held.agreements.is_empty(), || {
        format!(
            "an agreement was recorded though the customer will accept it: {:?}",
            held.agreements
        )
    })?;
    let lines = &held.orders.first().cloned().unwrap_or_default()["lineItems"];
    check(
        held.orders.len() == 1
            && lines[0]["offerId"] == M365_E3
            && lines[0]["quantity"] == 2
            && lines[0]["partnerIdOnRecord"].is_null(),
        || format!("orders: {:?}", held.orders),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_direct_bill_partner_adds_a_customer_without_a_reseller() {
    run(
        "direct-bill",
        &["--partner-type", "direct-bill"],
        direct_bill_partner,
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
    fill_account_info(client, &FOURTH_COFFEE).await?;
    choose(client, "reseller", RESELLER).await?;
    text_is(
        client,
        &format!("#reseller option[value='{RESELLER}']"),
        "First Up Consultants",
    )
    .await?;
    // Typing in another field leaves the list as it is (it is not built
    // again for every keystroke), and the choice with it.
    client
        .execute(
            "window.__resellerChanges = 0;\
             new MutationObserver((changes) => { window.__resellerChanges += changes.length; })\
                 .observe(document.getElementById('reseller'),\
                     { subtree: true, childList: true, attributes: true, characterData: true });",
            vec![],
        )
        .await
        .map_err(failed("watch the reseller list"))?;
    type_in(client, "company-name", FOURTH_COFFEE.name).await?;
    let changes = client
        .execute("return window.__resellerChanges;", vec![])
        .await
        .map_err(failed("count the reseller list's changes"))?;
    check(changes.as_u64() == Some(0), || {
        format!("typing a company name changed the reseller list {changes} times")
    })?;
    value_is(client, "reseller", RESELLER).await?;
    screenshot(client, "indirect-account-info").await?;
    next(client).await?;

    heading(client, "Subscriptions").await?;
    choose_offer(client, M365_E5, 4).await?;
    next(client).await?;

    let review = review_shows(
        client,
        &FOURTH_COFFEE,
        &[4],
        &["Indirect reseller", "First Up Consultants"],
    )
    .await?;
    check(!review.contains(RESELLER), || {
        format!("Review shows the reseller's id: {review:?}")
    })?;
    screenshot(client, "indirect-review").await?;
    // Three steps since the page loaded; who is signed in and the resellers
    // were asked for once, not by each step.
    for (call, path) in [
        ("/v1/me", "/v1/me"),
        ("the resellers", "/v1/relationships?relationship_type="),
    ] {
        let count = client
            .execute(
                "return performance.getEntriesByType('resource')\
                     .filter((entry) => entry.name.includes(arguments[0])).length;",
                vec![path.into()],
            )
            .await
            .map_err(failed("count the requests"))?;
        check(count.as_u64() == Some(1), || {
            format!("{call} was asked for {count} times")
        })?;
    }
    click(client, "#submit").await?;

    let confirmed = confirmation_shows(client, FOURTH_COFFEE.domain_prefix, &[4]).await?;
    let api = Api::of_page(client, base_url).await?;
    let held = api.held(&confirmed.id).await?;
    check(held.customer["associatedPartnerId"] == RESELLER, || {
        format!("the customer's reseller: {}", held.customer)
    })?;
    let lines = &held.orders.first().cloned().unwrap_or_default()["lineItems"];
    check(
        held.orders.len() == 1
            && lines[0]["quantity"] == 4
            && lines[0]["partnerIdOnRecord"] == "4847383",
        || {
            format!(
                "the order names the reseller's PartnerID: {:?}",
                held.orders
            )
        },
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn an_indirect_providers_customer_belongs_to_the_chosen_reseller() {
    run("indirect-reseller", &[], indirect_provider_with_reseller).await;
}

/// The service corrects the city of 34394 to İstanbul; the user keeps
/// "Ankara", and Review and the created customer hold what they typed.
async fn address_kept(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    fill_account_info(client, &BOGAZICI).await?;
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
    let review = review_shows(
        client,
        &BOGAZICI,
        &[],
        &["Büyükdere Caddesi No: 100, 34394 Ankara"],
    )
    .await?;
    check(!review.contains("İstanbul"), || {
        format!("Review holds the suggestion: {review:?}")
    })?;
    click(client, "#submit").await?;

    let confirmed = confirmation_shows(client, BOGAZICI.domain_prefix, &[]).await?;
    let api = Api::of_page(client, base_url).await?;
    let held = api.held(&confirmed.id).await?;
    let address = &held.customer["billingProfile"]["defaultAddress"];
    check(
        address["city"] == "Ankara" && address["postalCode"] == "34394",
        || format!("the stored address: {address}"),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn an_address_is_kept_against_the_services_suggestion() {
    run("address-kept", &[], address_kept).await;
}

/// Every Account info field given a wrong value and left with Tab shows its
/// message at the field (and `aria-invalid`, and is described by it); once
/// corrected, the message goes — email twice: a bad address, then one on the
/// partner's own domain. With everything right, Next goes on.
async fn every_field_error(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    let me = Api::of_page(client, base_url).await?.get("/v1/me").await?;
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
            text_is(
                client,
                ".error-summary a[href='#phone-number']",
                &error(Field::PhoneNumber, Code::InvalidFormat),
            )
            .await?;
            count_is(client, ".error-summary a", 1).await?;
        }
        type_in(client, id, right).await?;
        shows_no_error(client, id).await?;
    }
    next(client).await?;
    heading(client, "Subscriptions").await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_account_info_field_shows_its_error_then_clears_it() {
    run("field-errors", &[], every_field_error).await;
}

/// The server refuses the company name (`serve --fail-field
/// companyProfile.companyName`: a check the browser cannot run). Submit shows
/// the message linked to the field; the field shows it too, until the user
/// changes it; submitted again, exactly one customer exists, with the new name.
async fn server_field_error(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    fill_account_info(client, &DUNAKANYAR).await?;
    next(client).await?;
    heading(client, "Subscriptions").await?;
    next(client).await?;
    review_shows(client, &DUNAKANYAR, &[], &[]).await?;
    click(client, "#submit").await?;

    let expected = message(Issue::error(Field::CompanyName, Code::InvalidFormat));
    let link = "#submit-problem a[href='/customers/new/account?return=review#company-name']";
    text_is(client, link, &expected).await?;
    let api = Api::of_page(client, base_url).await?;
    check(
        api.customers_at(DUNAKANYAR.domain_prefix).await?.is_empty(),
        || "a refused create left a customer".to_owned(),
    )?;
    screenshot(client, "server-field-error-review").await?;

    click(client, link).await?;
    heading(client, "Account info").await?;
    shows_error(client, "company-name", &expected).await?;
    text_is(client, ".error-summary a[href='#company-name']", &expected).await?;
    screenshot(client, "server-field-error-account-info").await?;
    let renamed = Company {
        name: "Dunakanyar Kertészet és Faiskola Kft.",
        ..DUNAKANYAR
    };
    type_in(client, "company-name", renamed.name).await?;
    shows_no_error(client, "company-name").await?;
    next(client).await?;

    review_shows(client, &renamed, &[], &[]).await?;
    click(client, "#submit").await?;
    let confirmed = confirmation_shows(client, renamed.domain_prefix, &[]).await?;
    let customers = api.customers_at(renamed.domain_prefix).await?;
    check(
        customers.len() == 1
            && customers[0]["id"] == confirmed.id.as_str()
            && customers[0]["companyProfile"]["companyName"] == renamed.name,
        || format!("customers with the domain: {customers:?}"),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_field_the_server_refuses_is_shown_at_that_field() {
    run(
        "server-field-error",
        &["--fail-field", "companyProfile.companyName"],
        server_field_error,
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
    let intact = async {
        heading(client, "Account info").await?;
        for (id, expected) in TURKISH_INPUT.into_iter().chain([
            ("acceptor-first-name", "Mehmet"),
            ("acceptor-email", "mehmet.oz@marmaragida.com.tr"),
        ]) {
            value_is(client, id, expected).await?;
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
            || format!("has accepted {has_accepted:?}, GDAP {gdap:?}"),
        )?;
        value_is(client, "reseller", "a3e8f1b2-5c6d-4e7f-9a0b-1c2d3e4f5a6b").await
    };
    intact
        .await
        .map_err(|failure| format!("Account info {when}: {failure}"))
}

/// The two offers and their licenses on Subscriptions.
async fn subscriptions_intact(client: &Client, when: &str) -> Outcome {
    let intact = async {
        heading(client, "Subscriptions").await?;
        for (offer, licenses) in [(M365_E5, "7"), (M365_E3, "3")] {
            value_is(client, &format!("quantity-{offer}"), licenses).await?;
        }
        Ok::<_, String>(())
    };
    intact
        .await
        .map_err(|failure| format!("Subscriptions {when}: {failure}"))
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

/// A reload on every step, then Back and Forward through them, lose nothing;
/// the customer, its agreement and its order are then created as entered.
async fn reload_and_history(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    add_customer(client).await?;
    choose_country(client, "TR", "tr").await?;
    // The country is chosen: the rest, in the page's order.
    enter(client, &TURKISH_INPUT[1..]).await?;
    choose(client, "culture", "en-US").await?;
    click(client, "#agreement-has-accepted").await?;
    type_in(client, "acceptor-first-name", "Mehmet").await?;
    type_in(client, "acceptor-email", "mehmet.oz@marmaragida.com.tr").await?;
    click(client, "#gdap").await?;
    choose(client, "reseller", "a3e8f1b2-5c6d-4e7f-9a0b-1c2d3e4f5a6b").await?;
    reload(client).await?;
    account_info_intact(client, "after a reload").await?;
    next(client).await?;

    heading(client, "Subscriptions").await?;
    choose_offer(client, M365_E5, 7).await?;
    choose_offer(client, M365_E3, 3).await?;
    reload(client).await?;
    subscriptions_intact(client, "after a reload").await?;
    next(client).await?;

    review_intact(client).await?;
    reload(client).await?;
    review_intact(client).await?;

    back(client).await?;
    subscriptions_intact(client, "after Back").await?;
    path_is(client, "/customers/new/subscriptions").await?;
    back(client).await?;
    account_info_intact(client, "after Back").await?;
    path_is(client, "/customers/new/account").await?;
    forward(client).await?;
    subscriptions_intact(client, "after Forward").await?;
    forward(client).await?;
    review_intact(client).await?;
    path_is(client, "/customers/new/review").await?;
    click(client, "#submit").await?;

    let confirmed = confirmation_shows(client, "marmaragida", &[7, 3]).await?;
    let api = Api::of_page(client, base_url).await?;
    let held = api.held(&confirmed.id).await?;
    let customer = &held.customer;
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
    let agreements = &held.agreements;
    let contact = &agreements.first().cloned().unwrap_or_default()["primaryContact"];
    check(
        agreements.len() == 1
            && contact["firstName"] == "Mehmet"
            && contact["lastName"] == "Demir"
            && contact["email"] == "mehmet.oz@marmaragida.com.tr",
        || format!("agreements: {agreements:?}"),
    )?;
    let mut licenses = order_lines(&held.orders);
    licenses.sort();
    let mut expected = vec![(M365_E3.to_owned(), 3), (M365_E5.to_owned(), 7)];
    expected.sort();
    check(licenses == expected, || {
        format!("orders: {:?}", held.orders)
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn reload_and_back_forward_on_every_step_keep_all_input() {
    run("reload-history", &[], reload_and_history).await;
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
    enter(
        client,
        &[
            ("company-name", company.as_str()),
            ("domain-prefix", "markupcheck"),
            ("address-line1", format!("{SCRIPT} 1").as_str()),
            ("address-line2", IMG),
            ("address-line3", TEMPLATE),
            ("city", SVG),
            ("state", "TX"),
            ("postal-code", "78701"),
            ("registration-number", "<script>window.__xss=1</script>"),
            ("first-name", IMG),
            ("last-name", SCRIPT),
        ],
    )
    .await?;
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
    text_until(client, "dialog[open] label[for=address-keep]", |kept| {
        [SCRIPT, IMG, TEMPLATE, SVG]
            .iter()
            .all(|payload| kept.contains(payload))
    })
    .await?;
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

    let confirmed = confirmation_shows(client, "markupcheck", &[]).await?;
    main_showing(client, &[company.as_str()]).await?;
    nothing_injected(client, "Confirmation").await?;
    let api = Api::of_page(client, base_url).await?;
    let held = api.held(&confirmed.id).await?;
    let address = &held.customer["billingProfile"]["defaultAddress"];
    check(
        held.customer["companyProfile"]["companyName"] == company.as_str()
            && address["addressLine3"] == TEMPLATE
            && address["city"] == SVG
            && address["firstName"] == IMG,
        || format!("stored as typed: {}", held.customer),
    )?;
    check(
        held.agreements
            .first()
            .is_some_and(|agreement| agreement["primaryContact"]["lastName"] == SVG),
        || format!("agreements: {:?}", held.agreements),
    )?;

    click(client, "#done").await?;
    new_customer_highlighted(client, &company).await?;
    nothing_injected(client, "Customers").await?;
    screenshot(client, "markup-customers").await?;

    search_finds_only(client, "<img src=x", &company).await?;
    nothing_injected(client, "the search").await?;

    // A new customer at the same domain: the warning names the one above.
    add_customer(client).await?;
    type_in(client, "domain-prefix", "markupcheck").await?;
    text_until(client, "#look-alikes", |look_alikes| {
        look_alikes.contains(&company)
    })
    .await?;
    nothing_injected(client, "the look-alike warning").await
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_every_text_field_is_shown_as_text() {
    run("markup", &[], markup_payloads).await;
}

/// A test name is a warning, not an error: shown at the field, then asked
/// about once on Next ("Check these answers"); Continue anyway goes on, and
/// the same answers are not asked about again.
async fn warning_accepted(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    open_account_info(client, base_url).await?;
    let company = Company {
        name: "Teszt Kertészet Kft.",
        domain_prefix: "tesztkerteszet",
        ..FOVAROSI
    };
    fill_account_info(client, &company).await?;
    let warning = message(Issue::warning(Field::CompanyName, Code::TestName));
    text_until(client, "#company-name-error.warning-message", |text| {
        text.starts_with("Warning:") && text.ends_with(&warning)
    })
    .await?;
    let invalid = wait_for(client, Locator::Id("company-name"))
        .await?
        .attr("aria-invalid")
        .await
        .map_err(failed("aria-invalid"))?;
    check(invalid.is_none(), || {
        format!("a warning does not mark the field invalid: {invalid:?}")
    })?;

    next(client).await?;
    text_is(
        client,
        ".warning-summary:not([hidden]) a[href='#company-name']",
        &warning,
    )
    .await?;
    heading(client, "Account info").await?;
    screenshot(client, "account-info-warning").await?;
    click(client, "#continue-anyway").await?;
    heading(client, "Subscriptions").await?;

    back(client).await?;
    heading(client, "Account info").await?;
    next(client).await?;
    heading(client, "Subscriptions").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_warning_is_asked_about_once_and_may_be_accepted() {
    run("warning-accepted", &[], warning_accepted).await;
}
