//! Adding customers from a file: a partner's 50-row file, mixing valid rows,
//! every kind of invalid value, a domain repeated in the file, a domain taken
//! and Hungarian and Turkish text, is read and checked; two rows are fixed in
//! place, one left out, the warnings accepted; the rows are sent, the server
//! is killed mid-file and started again, the user resumes — and the server
//! holds each valid row exactly once, as the results file says.

use std::collections::HashMap;

use customer_model::batch::{COLUMNS, csv_line};
use fantoccini::key::Key;
use serde_json::Value;

use super::keyboard::{press, sign_in_with_the_keyboard, tab_and_press, tab_and_type, tab_to};
use super::*;

/// A row of the file: these columns' values, the rest left empty.
fn line(values: &[(&str, String)]) -> String {
    let by_name: HashMap<&str, &str> = values
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    let fields: Vec<&str> = COLUMNS
        .iter()
        .map(|column| by_name.get(column.name).copied().unwrap_or_default())
        .collect();
    csv_line(&fields)
}

/// A file of `rows` under the template's header, saved to choose.
fn saved_file(rows: &[Vec<(&str, String)>]) -> Result<tempfile::NamedTempFile, String> {
    let header: Vec<&str> = COLUMNS.iter().map(|column| column.name).collect();
    let mut lines = vec![csv_line(&header)];
    lines.extend(rows.iter().map(|row| line(row)));
    let saved = tempfile::Builder::new()
        .suffix(".csv")
        .tempfile()
        .map_err(|error| format!("a temporary file: {error}"))?;
    std::fs::write(saved.path(), lines.join("\r\n"))
        .map_err(|error| format!("write the file: {error}"))?;
    Ok(saved)
}

/// A Budapest company whose domain is `prefix`.
fn hungarian(prefix: &str) -> Vec<(&'static str, String)> {
    vec![
        ("companyName", format!("Fővárosi Kertészet {prefix} Kft.")),
        ("domainPrefix", prefix.to_owned()),
        ("country", "HU".to_owned()),
        ("addressLine1", "Váci utca 1.".to_owned()),
        ("city", "Budapest".to_owned()),
        ("postalCode", "1052".to_owned()),
        ("registrationNumber", "12892312-2-42".to_owned()),
        ("firstName", "Anna".to_owned()),
        ("lastName", "Kiss".to_owned()),
        ("email", format!("anna.kiss@{prefix}.hu")),
        ("phoneNumber", "+36 1 234 5678".to_owned()),
        ("agreement", "willAccept".to_owned()),
    ]
}

/// An İstanbul company whose domain is `prefix`, that has accepted the agreement.
fn turkish(prefix: &str) -> Vec<(&'static str, String)> {
    vec![
        ("companyName", format!("Anadolu Tekstil {prefix} A.Ş.")),
        ("domainPrefix", prefix.to_owned()),
        ("country", "TR".to_owned()),
        ("addressLine1", "Büyükdere Caddesi No: 100".to_owned()),
        ("city", "İstanbul".to_owned()),
        ("postalCode", "34394".to_owned()),
        ("registrationNumber", "4540536920".to_owned()),
        ("firstName", "Ayşe".to_owned()),
        ("lastName", "Yılmaz".to_owned()),
        ("email", format!("ayse.yilmaz@{prefix}.com.tr")),
        ("phoneNumber", "+90 212 555 01 00".to_owned()),
        ("agreement", "hasAccepted".to_owned()),
        ("dateAgreed", "2026-01-15".to_owned()),
    ]
}

fn with(
    mut row: Vec<(&'static str, String)>,
    column: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    row.retain(|(name, _)| *name != column);
    row.push((column, value.to_owned()));
    row
}

/// The file: its text, the valid rows' (domain prefix, licenses), and the
/// prefixes of the rows that must not be created.
struct File {
    text: String,
    valid: Vec<(String, u64)>,
    refused: Vec<String>,
}

/// Row 2 of the file is its first customer (the header is row 1).
const FIX_EMAIL_ROW: usize = 40;
const FIX_POSTAL_CODE_ROW: usize = 41;
const LEFT_OUT_ROW: usize = 42;
const REPEATED_ROW: usize = 44;

fn file(offer_id: &str) -> File {
    let mut rows = Vec::new();
    let mut valid = Vec::new();
    // Rows 2–39: 38 valid customers, every fourth Hungarian one with 3
    // licences of an offer, one with a reseller.
    for i in 0..38 {
        let prefix = if i % 2 == 0 {
            format!("tetelhu{i}")
        } else {
            format!("tetelhu{i}tr")
        };
        let mut row = if i % 2 == 0 {
            hungarian(&prefix)
        } else {
            turkish(&prefix)
        };
        let mut licenses = 0;
        if i % 4 == 0 {
            row = with(with(row, "offerId", offer_id), "quantity", "3");
            licenses = 3;
        }
        if i == 2 {
            row = with(row, "resellerId", "7c1d9e2a-3b4f-4a5c-8d6e-0f1a2b3c4d5e");
        }
        rows.push(row);
        valid.push((prefix, licenses));
    }
    // Rows 40 and 41: fixed in place on the page.
    rows.push(with(hungarian("tetelemail"), "email", "anna.kiss@"));
    rows.push(with(hungarian("tetelirsz"), "postalCode", "10520"));
    valid.push(("tetelemail".to_owned(), 0));
    valid.push(("tetelirsz".to_owned(), 0));
    // Rows 42–50: each kind of mistake; 42 is left out, the rest stay unsent.
    let invalid = [
        with(hungarian("tetelnev"), "companyName", ""),
        with(hungarian("tetelrossz"), "domainPrefix", "rossz domain!"),
        hungarian("tetelhu0"),
        with(hungarian("tetelmegallapodas"), "agreement", "maybe"),
        with(
            with(hungarian("tetelszam"), "offerId", offer_id),
            "quantity",
            "három",
        ),
        with(hungarian("tetelajanlat"), "quantity", "3"),
        with(
            hungarian("tetelviszontelado"),
            "resellerId",
            "00000000-0000-0000-0000-000000000000",
        ),
        hungarian("contoso"),
        with(turkish("tetelgelecek"), "dateAgreed", "2099-01-01"),
    ];
    let mut refused = Vec::new();
    for row in invalid {
        let prefix = row
            .iter()
            .find(|(name, _)| *name == "domainPrefix")
            .map(|(_, value)| value.clone())
            .unwrap_or_default();
        if !["tetelhu0", "contoso", "rossz domain!"].contains(&prefix.as_str()) {
            refused.push(prefix);
        }
        rows.push(row);
    }
    // Row 51: a test word in the name, a warning the user accepts.
    rows.push(with(
        hungarian("tetelteszt"),
        "companyName",
        "Teszt Kertészet Kft.",
    ));
    valid.push(("tetelteszt".to_owned(), 0));
    let header: Vec<&str> = COLUMNS.iter().map(|column| column.name).collect();
    let mut lines = vec![csv_line(&header)];
    lines.extend(rows.iter().map(|row| line(row)));
    File {
        text: format!("\u{feff}{}\r\n", lines.join("\r\n")),
        valid,
        refused,
    }
}

async fn counts_are(
    client: &Client,
    locale: Locale,
    ready: usize,
    to_fix: usize,
    left_out: usize,
) -> Outcome {
    let expected = (texts_in(locale).batch.counts)(ready, to_fix, left_out);
    text_until(client, "#batch-counts", |text| text == expected)
        .await
        .map(drop)
        .map_err(|failure| format!("{failure}; expected {expected:?}"))
}

/// Replaces a row's value of a field it has a problem with, then leaves it.
async fn fix(client: &Client, id: &str, value: &str) -> Outcome {
    type_in(client, id, &format!("{value}\t")).await
}

/// The text of the first file the page offered to save, read in the page.
async fn first_download(client: &Client) -> Result<String, String> {
    let text = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const wait = () => window.__downloads.length
                 ? window.__downloads[0].text().then(done)
                 : setTimeout(wait, 50);
             wait();",
            vec![],
        )
        .await
        .map_err(failed("read the downloaded file"))?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

/// Every file the page offers to save is kept for [`first_download`].
async fn keep_downloads(client: &Client) -> Outcome {
    client
        .execute(
            "window.__downloads = [];
             const original = URL.createObjectURL;
             URL.createObjectURL = blob => { window.__downloads.push(blob); return original(blob); };",
            vec![],
        )
        .await
        .map(drop)
        .map_err(failed("keep downloads"))
}

/// For the next `milliseconds`, every request for country rules fails as
/// when the network is down.
async fn unreachable_country_rules_for(client: &Client, milliseconds: u64) -> Outcome {
    client
        .execute(
            "const until = Date.now() + arguments[0];
             const original = window.fetch;
             window.fetch = function (input, init) {
                 const request = input instanceof Request ? input : new Request(input, init);
                 if (Date.now() < until && request.url.includes('/v1/countryvalidationrules/')) {
                     return Promise.reject(new TypeError('Failed to fetch'));
                 }
                 return original.call(window, input, init);
             };",
            vec![milliseconds.into()],
        )
        .await
        .map(drop)
        .map_err(failed("make the country rules unreachable"))
}

/// Each customer POST waits 300 ms, so that the server can be killed mid-file.
async fn slow_customer_posts(client: &Client) -> Outcome {
    client
        .execute(
            "const original = window.fetch;
             window.fetch = function (input, init) {
                 const request = input instanceof Request ? input : new Request(input, init);
                 const path = new URL(request.url, location.href).pathname;
                 if (request.method !== 'POST' || !path.endsWith('/v1/customers')) {
                     return original.call(window, input, init);
                 }
                 return new Promise(resolve => setTimeout(resolve, 300))
                     .then(() => original.call(window, input, init));
             };",
            vec![],
        )
        .await
        .map(drop)
        .map_err(failed("slow the customer POSTs"))
}

async fn added_at_least(client: &Client, count: usize) -> Outcome {
    let added = texts_in(Locale::En).batch.added;
    eventually(
        &format!("{count} rows added"),
        async || {
            let rows = client
                .find_all(Locator::Css(".batch-status--added"))
                .await
                .map_err(failed("the added rows"))?;
            Ok(rows.len())
        },
        |seen| *seen >= count,
    )
    .await
    .map(drop)
    .map_err(|failure| format!("{failure} ({added})"))
}

/// Chooses the file at `path` in the page's file input.
async fn choose_file(client: &Client, path: &std::path::Path) -> Outcome {
    wait_for(client, Locator::Id("batch-file"))
        .await?
        .send_keys(&path.display().to_string())
        .await
        .map_err(failed("choose the file"))
}

async fn a_file_of_customers(client: &Client, harness: &mut Harness) -> Outcome {
    let base_url = harness.base_url.clone();
    sign_in_as(client, &base_url, "salesagent", "Customers").await?;
    let api = Api::of_page(client, &base_url).await?;
    let offers = api.get("/v1/offers?country=HU").await?;
    let offer_id = offers["items"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let file = file(&offer_id);
    let saved = tempfile::Builder::new()
        .suffix(".csv")
        .tempfile()
        .map_err(|error| format!("a temporary file: {error}"))?;
    std::fs::write(saved.path(), &file.text).map_err(|error| format!("write the file: {error}"))?;

    click(client, "#add-from-file").await?;
    heading(client, texts_in(Locale::En).batch.title).await?;
    // A file without the template's header first: refused, and why.
    let headless = "Kertész Kft.;kerteszkft;HU\r\n";
    let problem = match customer_model::batch::read(headless.as_bytes()) {
        Err(problem) => problem,
        Ok(rows) => return Err(format!("a file without its header read as {rows:?}")),
    };
    let unread = tempfile::Builder::new()
        .suffix(".csv")
        .tempfile()
        .map_err(|error| format!("a temporary file: {error}"))?;
    std::fs::write(unread.path(), headless).map_err(|error| format!("write the file: {error}"))?;
    choose_file(client, unread.path()).await?;
    let message = (texts_in(Locale::En).batch.file_problem)(&problem);
    text_is(client, "#batch-file-error", &message).await?;
    text_until(client, ".error-summary", |text| text.contains(&message)).await?;
    choose_file(client, saved.path()).await?;
    // 38 valid; 2 to fix in place, 9 wrong, 1 with a warning.
    counts_are(client, Locale::En, 38, 12, 0).await?;
    let en = &texts_in(Locale::En).batch;
    text_until(client, &format!("#row-{REPEATED_ROW}"), |text| {
        text.contains(&(en.row_problem)(
            &customer_model::batch::RowProblem::RepeatedDomain(2),
        ))
    })
    .await?;
    text_until(client, "#row-49", |text| {
        text.contains(&(en.row_problem)(
            &customer_model::batch::RowProblem::DomainTaken,
        ))
    })
    .await?;
    accessible(client, "the file's rows, in English").await?;

    for locale in [Locale::Hu, Locale::Tr] {
        switch_language(client, locale.tag()).await?;
        counts_are(client, locale, 38, 12, 0).await?;
        let texts = &texts_in(locale).batch;
        text_until(client, &format!("#row-{REPEATED_ROW}"), |text| {
            text.contains(&(texts.row_problem)(
                &customer_model::batch::RowProblem::RepeatedDomain(2),
            ))
        })
        .await?;
        accessible(client, &format!("the file's rows in {}", locale.tag())).await?;
    }
    switch_language(client, "en").await?;

    fix(
        client,
        &format!("row-{FIX_EMAIL_ROW}-email"),
        "anna.kiss@tetelemail.hu",
    )
    .await?;
    fix(
        client,
        &format!("row-{FIX_POSTAL_CODE_ROW}-postal-code"),
        "1052",
    )
    .await?;
    counts_are(client, Locale::En, 40, 10, 0).await?;
    click(client, &format!("#row-{LEFT_OUT_ROW}-leave-out")).await?;
    counts_are(client, Locale::En, 40, 9, 1).await?;
    click(client, "#batch-accept-all").await?;
    counts_are(client, Locale::En, 41, 8, 1).await?;
    text_is(
        client,
        "#batch-submit",
        &en.submit.other.replace("{n}", "41"),
    )
    .await?;

    keep_downloads(client).await?;
    slow_customer_posts(client).await?;
    click(client, "#batch-submit").await?;
    added_at_least(client, 3).await?;
    harness.kill_server();
    wait_for(client, Locator::Id("batch-stopped")).await?;
    text_is(client, "#batch-submit", en.resume).await?;
    screenshot(client, "batch-server-down").await?;
    harness.restart_server();
    click(client, "#batch-submit").await?;
    let done = (en.progress)(41, 0, 0);
    text_until(client, "#batch-progress-text", |text| text == done)
        .await
        .map_err(|failure| format!("{failure}; expected {done:?}"))?;
    accessible(client, "the file's results").await?;

    // The server holds each valid row once, the results file says which.
    click(client, "#download-results").await?;
    let results = first_download(client).await?;
    let mut ids = HashMap::new();
    for line in results.trim_start_matches('\u{feff}').lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        check(fields.len() == 6 && !fields[5].is_empty(), || {
            format!("a results line without a password: {line:?}")
        })?;
        ids.insert(fields[2].to_owned(), fields[3].to_owned());
    }
    check(ids.len() == file.valid.len(), || {
        format!("the results file has {} customers: {results}", ids.len())
    })?;
    for (prefix, licenses) in &file.valid {
        let domain = format!("{prefix}.onmicrosoft.com");
        let id = api.one_customer_and_order(&domain, *licenses).await?;
        check(ids.get(&domain) == Some(&id), || {
            format!(
                "{domain}: the server holds {id}, the results file {:?}",
                ids.get(&domain)
            )
        })?;
    }
    let first: Vec<Value> = api.customers_at("tetelhu0.onmicrosoft.com").await?;
    check(
        first.len() == 1
            && first[0]["companyProfile"]["companyName"] == "Fővárosi Kertészet tetelhu0 Kft.",
        || format!("the repeated domain's customers: {first:?}"),
    )?;
    for prefix in &file.refused {
        let held = api
            .customers_at(&format!("{prefix}.onmicrosoft.com"))
            .await?;
        check(held.is_empty(), || {
            format!("{prefix} was created: {held:?}")
        })?;
    }

    // A reload keeps the file and what it came to, but not the passwords.
    reload(client).await?;
    counts_are(client, Locale::En, 0, 8, 1).await?;
    added_at_least(client, 41).await?;
    count_is(client, ".batch-result .password", 0).await
}

/// A small file worked through with the keyboard alone (one row's country
/// has no rules, and says so at its cell): the file input, a
/// fix typed in place, a row left out and a warning accepted with Space, Add
/// and the results' download with Enter; never a click.
async fn a_file_with_the_keyboard(client: &Client, base_url: &str) -> Outcome {
    let rows = [
        hungarian("billentyuegy"),
        with(hungarian("billentyuketto"), "email", "anna.kiss@"),
        with(hungarian("billentyuharom"), "companyName", ""),
        with(
            hungarian("billentyunegy"),
            "companyName",
            "Teszt Kertészet Kft.",
        ),
        // A country the API has no rules for.
        with(hungarian("billentyuot"), "country", "ZZ"),
    ];
    let saved = saved_file(&rows)?;

    sign_in_with_the_keyboard(client, base_url).await?;
    tab_and_press(client, "add-from-file", Key::Enter).await?;
    heading(client, texts_in(Locale::En).batch.title).await?;
    // The connection drops as the file is chosen, for longer than the API
    // layer's own retries: the country rules are asked for again, and the
    // rows are checked by them, not without them.
    unreachable_country_rules_for(client, 4_000).await?;
    // A file input takes the chosen file's path as its keys.
    wait_for(client, Locator::Id("batch-file")).await?;
    tab_and_type(client, "batch-file", &saved.path().display().to_string()).await?;
    counts_are(client, Locale::En, 1, 4, 0).await?;
    text_until(client, "#row-6", |text| {
        text.contains("Choose a country or region from the list")
    })
    .await?;

    tab_and_type(
        client,
        "row-3-email",
        &format!("{}billentyuketto.hu{}", Key::End, Key::Tab),
    )
    .await?;
    counts_are(client, Locale::En, 2, 3, 0).await?;
    tab_and_press(client, "row-4-leave-out", Key::Space).await?;
    counts_are(client, Locale::En, 2, 2, 1).await?;
    tab_and_press(client, "row-5-accept-warnings", Key::Space).await?;
    counts_are(client, Locale::En, 3, 1, 1).await?;

    keep_downloads(client).await?;
    tab_and_press(client, "batch-submit", Key::Enter).await?;
    let done = (texts_in(Locale::En).batch.progress)(3, 0, 0);
    text_until(client, "#batch-progress-text", |text| text == done)
        .await
        .map_err(|failure| format!("{failure}; expected {done:?}"))?;
    tab_to(client, "download-results").await?;
    press(client, &Key::Enter.to_string()).await?;
    let results = first_download(client).await?;
    check(results.lines().count() == 4, || {
        format!("the results of 3 rows: {results:?}")
    })
}

/// A file longer than a page: its rows a page at a time, a row fixed on the
/// second page, then only the rows still to fix listed.
async fn a_long_file(client: &Client, base_url: &str) -> Outcome {
    // Each row's number spelled in syllables: digits would repeat ("111")
    // and draw the repeated-character warning.
    let prefix = |index: usize| {
        let spelled: String = index
            .to_string()
            .chars()
            .map(|digit| {
                ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"]
                    [digit as usize - '0' as usize]
            })
            .collect();
        format!("hosszu{spelled}")
    };
    let mut rows: Vec<_> = (0..150).map(|index| hungarian(&prefix(index))).collect();
    // File rows 7 and 132: the header is row 1.
    for index in [5, 130] {
        rows[index] = with(hungarian(&prefix(index)), "email", "anna.kiss@");
    }
    let saved = saved_file(&rows)?;

    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    click(client, "#add-from-file").await?;
    heading(client, texts_in(Locale::En).batch.title).await?;
    choose_file(client, saved.path()).await?;
    counts_are(client, Locale::En, 148, 2, 0).await?;
    let listed = texts_in(Locale::En).batch.listed;
    text_is(client, "#batch-listed", &listed(1, 100, 150)).await?;
    count_is(client, "#batch-rows tbody tr", 100).await?;
    count_is(client, "#row-132", 0).await?;
    accessible(client, "a long file's first page").await?;

    click(client, "#batch-next-page").await?;
    text_is(client, "#batch-listed", &listed(101, 150, 150)).await?;
    count_is(client, "#batch-rows tbody tr", 50).await?;
    // Reading goes on at the new page's rows, above the buttons.
    let focused = client
        .execute("return document.activeElement.id", vec![])
        .await
        .map_err(failed("the focused element"))?;
    check(focused.as_str() == Some("batch-rows"), || {
        format!("the focus after Next page is on {focused:?}, not the rows")
    })?;
    fix(
        client,
        "row-132-email",
        &format!("anna.kiss@{}.hu", prefix(130)),
    )
    .await?;
    counts_are(client, Locale::En, 149, 1, 0).await?;

    click(client, "#batch-attention-only").await?;
    text_is(client, "#batch-listed", &listed(1, 1, 1)).await?;
    count_is(client, "#batch-rows tbody tr", 1).await?;
    wait_for(client, Locator::Id("row-7-email")).await?;
    click(client, "#batch-attention-only").await?;
    text_is(client, "#batch-listed", &listed(1, 100, 150)).await?;

    // Another file is listed whole, the box unticked.
    click(client, "#batch-attention-only").await?;
    text_is(client, "#batch-listed", &listed(1, 1, 1)).await?;
    let shorter = saved_file(&rows[..120])?;
    choose_file(client, shorter.path()).await?;
    text_is(client, "#batch-listed", &listed(1, 100, 120)).await?;
    let ticked = client
        .execute(
            "return document.getElementById('batch-attention-only').checked",
            vec![],
        )
        .await
        .map_err(failed("the box's state"))?;
    check(ticked.as_bool() == Some(false), || {
        format!("the box is {ticked:?} for a new file")
    })
}

/// The page left while its rows are being added: the row on its way
/// finishes, the app goes on running, and back on the page Resume adds the
/// rest, each customer once.
async fn a_file_left_mid_way(client: &Client, base_url: &str) -> Outcome {
    let prefixes: Vec<String> = ["elso", "masodik", "harmadik", "negyedik"]
        .iter()
        .map(|word| format!("elhagyott{word}"))
        .collect();
    let rows: Vec<_> = prefixes.iter().map(|prefix| hungarian(prefix)).collect();
    let saved = saved_file(&rows)?;
    sign_in_as(client, base_url, "salesagent", "Customers").await?;
    let api = Api::of_page(client, base_url).await?;
    click(client, "#add-from-file").await?;
    heading(client, texts_in(Locale::En).batch.title).await?;
    choose_file(client, saved.path()).await?;
    counts_are(client, Locale::En, 4, 0, 0).await?;
    slow_customer_posts(client).await?;
    click(client, "#batch-submit").await?;
    added_at_least(client, 1).await?;
    back(client).await?;
    heading(client, "Customers").await?;
    // The row on its way finishes in its own wizard; nothing stops the app.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    count_is(client, "#crash", 0).await?;
    heading(client, "Customers").await?;

    click(client, "#add-from-file").await?;
    heading(client, texts_in(Locale::En).batch.title).await?;
    let en = &texts_in(Locale::En).batch;
    text_is(client, "#batch-submit", en.resume).await?;
    click(client, "#batch-submit").await?;
    let done = (en.progress)(4, 0, 0);
    text_until(client, "#batch-progress-text", |text| text == done)
        .await
        .map_err(|failure| format!("{failure}; expected {done:?}"))?;
    for prefix in &prefixes {
        let held = api
            .customers_at(&format!("{prefix}.onmicrosoft.com"))
            .await?;
        check(held.len() == 1, || {
            format!("{prefix}: the server holds {} customers", held.len())
        })?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_left_while_its_rows_are_added_is_resumed_without_creating_any_twice() {
    run("batch-left", &[], a_file_left_mid_way).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_file_is_shown_a_page_at_a_time_and_its_rows_to_fix_alone_on_request() {
    run("batch-long", &[], a_long_file).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_of_customers_can_be_checked_fixed_and_added_with_the_keyboard_alone() {
    run("batch-keyboard", &[], a_file_with_the_keyboard).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_of_customers_is_checked_fixed_and_added_once_across_a_server_restart() {
    in_browser_with_server("batch", a_file_of_customers).await;
}
