//! The steps the scenarios are told in: reading and operating the page (each
//! waits for what it needs, for at most [`WAIT`]), waiting until the page
//! shows something, and the wizard's steps as a user takes them.
use super::*;

// ---------------------------------------------------------------------------
// Reading and operating the page.

pub(crate) fn check(condition: bool, what: impl FnOnce() -> String) -> Outcome {
    if condition { Ok(()) } else { Err(what()) }
}

pub(crate) fn failed(what: &str) -> impl FnOnce(fantoccini::error::CmdError) -> String {
    let what = what.to_owned();
    move |error| format!("{what}: {error}")
}

pub(crate) async fn screenshot(client: &Client, name: &str) -> Outcome {
    let dir = target_dir().join("e2e-screenshots");
    let png = client
        .screenshot()
        .await
        .map_err(|e| format!("screenshot {name}: {e}"))?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).map_err(|e| format!("write {}: {e}", path.display()))
}

pub(crate) async fn wait_for(
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

pub(crate) async fn text_of(client: &Client, css: &str) -> Result<String, String> {
    let mut tries = 3;
    loop {
        match wait_for(client, Locator::Css(css)).await?.text().await {
            Ok(text) => return Ok(text),
            // Drawn again (a new page, a new answer) between finding and reading.
            Err(error) if tries > 1 && error.to_string().contains("stale element") => tries -= 1,
            Err(error) => return Err(format!("text of {css}: {error}")),
        }
    }
}

pub(crate) async fn value_of(client: &Client, id: &str) -> Result<String, String> {
    wait_for(client, Locator::Id(id))
        .await?
        .prop("value")
        .await
        .map_err(failed(&format!("value of #{id}")))
        .map(Option::unwrap_or_default)
}

pub(crate) async fn click(client: &Client, css: &str) -> Outcome {
    wait_for(client, Locator::Css(css))
        .await?
        .click()
        .await
        .map_err(failed(&format!("click {css}")))
}

/// Replaces what the input `id` holds with `text`.
pub(crate) async fn type_in(client: &Client, id: &str, text: &str) -> Outcome {
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

/// Chooses `value` in the select `id`, once it is offered.
pub(crate) async fn choose(client: &Client, id: &str, value: &str) -> Outcome {
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

/// Enters each value into its field, in order: typed into an input (what it
/// held replaced), chosen in a select.
pub(crate) async fn enter(client: &Client, inputs: &[(&str, &str)]) -> Outcome {
    for &(id, value) in inputs {
        let tag = wait_for(client, Locator::Id(id))
            .await?
            .tag_name()
            .await
            .map_err(failed(&format!("the tag of #{id}")))?;
        if tag.eq_ignore_ascii_case("select") {
            choose(client, id, value).await?;
        } else {
            type_in(client, id, value).await?;
        }
    }
    Ok(())
}

pub(crate) async fn heading(client: &Client, text: &str) -> Outcome {
    wait_for(client, Locator::XPath(&format!("//h1[text()='{text}']")))
        .await
        .map(|_| ())
}

/// Opens `path` of the app, as typed into the address bar; what the page's
/// Content-Security-Policy blocks from then on is kept for [`conclude`].
pub(crate) async fn open(client: &Client, base_url: &str, path: &str) -> Outcome {
    client
        .goto(&format!("{base_url}{path}"))
        .await
        .map_err(failed(&format!("open {path}")))?;
    client
        .execute(
            "window.__csp = window.__csp ?? [];
             document.addEventListener('securitypolicyviolation',
                 e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));",
            vec![],
        )
        .await
        .map(drop)
        .map_err(failed("watch for CSP violations"))
}

pub(crate) async fn reload(client: &Client) -> Outcome {
    client.refresh().await.map_err(failed("reload"))
}

pub(crate) async fn back(client: &Client) -> Outcome {
    client.back().await.map_err(failed("go back"))
}

pub(crate) async fn forward(client: &Client) -> Outcome {
    client.forward().await.map_err(failed("go forward"))
}

// ---------------------------------------------------------------------------
// Waiting until the page shows something.

/// Waits until the page has had the answer to its request for `path` (such
/// as `/v1/me`) and drawn a frame since: what depends on it is then shown,
/// so its absence means something.
pub(crate) async fn answered(client: &Client, path: &str) -> Outcome {
    eventually(
        &format!("the answer to {path}"),
        async || {
            client
                .execute_async(
                    "const [path, done] = arguments;
                     const answered = performance.getEntriesByType('resource')
                         .some(entry => new URL(entry.name).pathname.endsWith(path) && entry.responseEnd > 0);
                     requestAnimationFrame(() => done(answered));",
                    vec![serde_json::Value::from(path)],
                )
                .await
                .map_err(failed(&format!("look for the answer to {path}")))
        },
        |answered| answered.as_bool() == Some(true),
    )
    .await
    .map(drop)
}

/// Asks `probe` every 50 ms, for at most [`WAIT`], until what it sees is
/// `wanted`; returns that. When it never is, says what was awaited and the
/// last thing seen.
pub(crate) async fn eventually<T: std::fmt::Debug>(
    what: &str,
    mut probe: impl AsyncFnMut() -> Result<T, String>,
    wanted: impl Fn(&T) -> bool,
) -> Result<T, String> {
    let deadline = Instant::now() + WAIT;
    loop {
        let seen = probe().await?;
        if wanted(&seen) {
            return Ok(seen);
        }
        if Instant::now() >= deadline {
            return Err(format!("{what}; last seen: {seen:?}"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The live region around `css` (`aria-live`, which a screen reader reads
/// out when it changes) comes to say `said`, and holds no list or table: a
/// search announces what it found in one sentence, not every row it shows.
pub(crate) async fn announces(client: &Client, css: &str, said: &str) -> Outcome {
    eventually(
        &format!("the live region around {css} saying {said:?} alone"),
        async || {
            client
                .execute(
                    "const region = document.querySelector(arguments[0])?.closest('[aria-live]');
                     return region ? [region.textContent.trim(), region.querySelectorAll('ul, ol, table, li, tr').length] : null;",
                    vec![json!(css)],
                )
                .await
                .map_err(failed(&format!("the live region around {css}")))
        },
        |seen| *seen == json!([said, 0]),
    )
    .await
    .map(drop)
}

/// The text of `css` once `wanted` holds for it.
pub(crate) async fn text_until(
    client: &Client,
    css: &str,
    wanted: impl Fn(&str) -> bool,
) -> Result<String, String> {
    eventually(
        &format!("the text of {css}"),
        async || text_of(client, css).await,
        |text| wanted(text),
    )
    .await
}

/// Waits until the text of `css` is `expected`.
pub(crate) async fn text_is(client: &Client, css: &str, expected: &str) -> Outcome {
    eventually(
        &format!("the text of {css} to be {expected:?}"),
        async || text_of(client, css).await,
        |text| text == expected,
    )
    .await
    .map(drop)
}

/// Waits until the input `id` holds `expected`.
pub(crate) async fn value_is(client: &Client, id: &str, expected: &str) -> Outcome {
    eventually(
        &format!("#{id} to hold {expected:?}"),
        async || value_of(client, id).await,
        |value| value == expected,
    )
    .await
    .map(drop)
}

/// The text of `main` once it contains every one of `wanted`.
pub(crate) async fn main_showing(client: &Client, wanted: &[&str]) -> Result<String, String> {
    eventually(
        &format!("main showing {wanted:?}"),
        async || text_of(client, "main").await,
        |text| wanted.iter().all(|part| text.contains(part)),
    )
    .await
}

/// Waits until as many elements as `expected` match `css`.
pub(crate) async fn count_is(client: &Client, css: &str, expected: usize) -> Outcome {
    eventually(
        &format!("{expected} of {css}"),
        async || {
            client
                .find_all(Locator::Css(css))
                .await
                .map(|found| found.len())
                .map_err(failed(&format!("find {css}")))
        },
        |count| *count == expected,
    )
    .await
    .map(drop)
}

/// Waits until the page's title starts with `prefix`.
pub(crate) async fn title_starts_with(client: &Client, prefix: &str) -> Outcome {
    eventually(
        &format!("a title starting with {prefix:?}"),
        async || client.title().await.map_err(failed("title")),
        |title| title.starts_with(prefix),
    )
    .await
    .map(drop)
}

/// Waits until the page's path is `expected`, whatever its query.
pub(crate) async fn path_is(client: &Client, expected: &str) -> Outcome {
    eventually(
        &format!("the path {expected}"),
        async || client.current_url().await.map_err(failed("current url")),
        |url| url.path() == expected,
    )
    .await
    .map(drop)
}

/// Waits until the page's path and query are `expected` (`/path?query`).
pub(crate) async fn address_is(client: &Client, expected: &str) -> Outcome {
    eventually(
        &format!("the address {expected}"),
        async || client.current_url().await.map_err(failed("current url")),
        |url| match url.query() {
            Some(query) => format!("{}?{query}", url.path()) == expected,
            None => url.path() == expected,
        },
    )
    .await
    .map(drop)
}

/// What a field shows: its error element (`#<id>-error`: its class and
/// text), its `aria-invalid` and its `aria-describedby`.
#[derive(Debug)]
pub(crate) struct FieldState {
    error_class: Option<String>,
    error: Option<String>,
    invalid: bool,
    described_by: String,
}

async fn field_state(client: &Client, id: &str) -> Result<FieldState, String> {
    let state = client
        .execute(
            "const [id] = arguments;
             const input = document.getElementById(id);
             const error = document.getElementById(`${id}-error`);
             return [error ? error.className : null,
                     error ? error.textContent : null,
                     input ? input.getAttribute('aria-invalid') : null,
                     input ? input.getAttribute('aria-describedby') : null];",
            vec![json!(id)],
        )
        .await
        .map_err(failed(&format!("state of #{id}")))?;
    Ok(FieldState {
        error_class: state[0].as_str().map(str::to_owned),
        error: state[1].as_str().map(str::to_owned),
        invalid: state[2].as_str() == Some("true"),
        described_by: state[3].as_str().unwrap_or_default().to_owned(),
    })
}

/// Waits until the field shows `expected` as its error message, is marked
/// invalid and is described by the message.
pub(crate) async fn shows_error(client: &Client, id: &str, expected: &str) -> Outcome {
    eventually(
        &format!("#{id} showing {expected:?}"),
        async || field_state(client, id).await,
        |state| {
            state
                .error_class
                .as_deref()
                .is_some_and(|class| class.split(' ').any(|name| name == "error-message"))
                && state
                    .error
                    .as_deref()
                    .is_some_and(|text| text.contains(expected))
                && state.invalid
                && state
                    .described_by
                    .split(' ')
                    .any(|part| part == format!("{id}-error"))
        },
    )
    .await
    .map(drop)
}

/// Waits until the field has no error message (no `#<id>-error` at all) and
/// is not marked invalid.
pub(crate) async fn shows_no_error(client: &Client, id: &str) -> Outcome {
    eventually(
        &format!("#{id} without an error"),
        async || field_state(client, id).await,
        |state| state.error.is_none() && !state.invalid,
    )
    .await
    .map(drop)
}

// ---------------------------------------------------------------------------
// Signing in, and the page's language.

/// On Sign in: a demo account's Use button, then Sign in.
pub(crate) async fn use_demo_account(client: &Client, user: &str) -> Outcome {
    let fill_and_submit = async || {
        click(client, &format!("button[data-user='{user}']")).await?;
        value_is(client, "user-name", user).await?;
        click(client, "form button[type=submit]").await
    };
    // The page may still be drawing after a redirect here (a sign-in that
    // ended mid-wizard), slowly when the machine is busy: a form drawn again
    // under the click is filled again, for as long as any other wait.
    let deadline = Instant::now() + WAIT;
    loop {
        match fill_and_submit().await {
            Err(failure) if Instant::now() < deadline && failure.contains("stale element") => {
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            outcome => return outcome,
        }
    }
}

/// Signs in with a demo account's Use button; `customers` is the Customers
/// heading in the UI language.
pub(crate) async fn sign_in_as(
    client: &Client,
    base_url: &str,
    user: &str,
    customers: &str,
) -> Outcome {
    open(client, base_url, "/sign-in").await?;
    use_demo_account(client, user).await?;
    heading(client, customers).await
}

pub(crate) async fn switch_language(client: &Client, tag: &str) -> Outcome {
    click(client, &format!("#language-{tag}")).await?;
    eventually(
        &format!("<html lang={tag}>"),
        async || {
            client
                .execute("return document.documentElement.lang;", vec![])
                .await
                .map_err(failed("read <html lang>"))
        },
        |lang| lang.as_str() == Some(tag),
    )
    .await
    .map(drop)
}

// ---------------------------------------------------------------------------
// Customers.

/// Searches Customers for `query`: one row is listed, `name`'s.
pub(crate) async fn search_finds_only(client: &Client, query: &str, name: &str) -> Outcome {
    type_in(client, "customer-search", query).await?;
    click(client, "form.search button[type=submit]").await?;
    eventually(
        &format!("the search for {query:?} listing {name:?} alone"),
        async || {
            let rows = client
                .find_all(Locator::Css(".customer-table tbody tr"))
                .await
                .map_err(failed("rows"))?;
            Ok((rows.len(), text_of(client, ".customer-table").await?))
        },
        |(rows, table)| *rows == 1 && table.contains(name),
    )
    .await?;
    announces(client, "#customers-shown", "1 customer shown").await
}

/// Back on Customers after Done: the new customer's row is highlighted.
pub(crate) async fn new_customer_highlighted(client: &Client, name: &str) -> Outcome {
    wait_for(client, Locator::Id("customer-added")).await?;
    text_until(client, ".customer-table tr.highlight", |row| {
        row.contains(name)
    })
    .await
    .map(drop)
}

// ---------------------------------------------------------------------------
// Account info.

/// A customer's company as the user enters it on Account info.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Company<'a> {
    pub(crate) country: &'a str,
    /// A language the country's rules offer (once they are loaded).
    pub(crate) language: &'a str,
    pub(crate) name: &'a str,
    pub(crate) domain_prefix: &'a str,
    pub(crate) address_line1: &'a str,
    pub(crate) city: &'a str,
    /// Where the country's rules list states.
    pub(crate) state: Option<&'a str>,
    pub(crate) postal_code: &'a str,
    pub(crate) registration_number: Option<&'a str>,
    pub(crate) first_name: &'a str,
    pub(crate) last_name: &'a str,
    pub(crate) email: &'a str,
    pub(crate) phone_number: Option<&'a str>,
}

/// A Budapest garden company whose agreement the admin agent may confirm.
pub(crate) const FOVAROSI: Company<'static> = Company {
    country: "HU",
    language: "hu",
    name: "Fővárosi Kertészet Kft.",
    domain_prefix: "fovarosikerteszet",
    address_line1: "Váci utca 1.",
    city: "Budapest",
    state: None,
    postal_code: "1052",
    registration_number: Some("12892312-2-42"),
    first_name: "Anna",
    last_name: "Kiss",
    email: "anna.kiss@fovarosikerteszet.hu",
    phone_number: Some("+36 1 234 5678"),
};

/// [`FOVAROSI`] at `<prefix>.onmicrosoft.com`: a scenario's own domain.
pub(crate) fn garden(prefix: &str) -> Company<'_> {
    Company {
        domain_prefix: prefix,
        ..FOVAROSI
    }
}

/// A textile company in İstanbul (postal code 34394).
pub(crate) const ANADOLU: Company<'static> = Company {
    country: "TR",
    language: "tr",
    name: "Anadolu Tekstil Sanayi A.Ş.",
    domain_prefix: "anadolutekstil",
    address_line1: "Büyükdere Caddesi No: 100",
    city: "İstanbul",
    state: None,
    postal_code: "34394",
    registration_number: Some("4540536920"),
    first_name: "Ayşe",
    last_name: "Yılmaz",
    email: "ayse.yilmaz@anadolutekstil.com.tr",
    phone_number: Some("+90 212 555 01 00"),
};

impl<'a> Company<'a> {
    /// The initial domain: `<prefix>.onmicrosoft.com`.
    pub(crate) fn domain(&self) -> String {
        format!("{}.onmicrosoft.com", self.domain_prefix)
    }

    /// Every input after the country, in the page's order, with its value.
    pub(crate) fn inputs(&self) -> Vec<(&'static str, &'a str)> {
        let mut inputs = vec![
            ("company-name", self.name),
            ("domain-prefix", self.domain_prefix),
        ];
        inputs.extend(self.address_and_contact());
        inputs
    }

    /// The address and contact inputs, in the page's order, with their values.
    pub(crate) fn address_and_contact(&self) -> Vec<(&'static str, &'a str)> {
        [
            Some(("address-line1", self.address_line1)),
            Some(("city", self.city)),
            self.state.map(|state| ("state", state)),
            Some(("postal-code", self.postal_code)),
            self.registration_number
                .map(|number| ("registration-number", number)),
            Some(("first-name", self.first_name)),
            Some(("last-name", self.last_name)),
            Some(("email", self.email)),
            self.phone_number.map(|phone| ("phone-number", phone)),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// From Customers: Add customer, to Account info.
pub(crate) async fn add_customer(client: &Client) -> Outcome {
    click(client, "#add-customer").await?;
    heading(client, "Account info").await
}

/// Account info opened by its address.
pub(crate) async fn open_account_info(client: &Client, base_url: &str) -> Outcome {
    open(client, base_url, "/customers/new/account").await?;
    heading(client, "Account info").await
}

/// Chooses the country, and waits until its rules offer `language`.
pub(crate) async fn choose_country(client: &Client, country: &str, language: &str) -> Outcome {
    choose(client, "country", country).await?;
    wait_for(
        client,
        Locator::Css(&format!("#language option[value={language}]")),
    )
    .await
    .map(|_| ())
}

/// Account info filled in for `company`, its domain found available; no Next.
pub(crate) async fn fill_account_info(client: &Client, company: &Company<'_>) -> Outcome {
    choose_country(client, company.country, company.language).await?;
    enter(client, &company.inputs()).await?;
    wait_for(client, Locator::Css(".availability--ok"))
        .await
        .map(|_| ())
}

/// The rest of Account info for a company in İstanbul (postal code 34394),
/// with `city` as the user typed it.
pub(crate) async fn turkish_address_and_contact(client: &Client, city: &str) -> Outcome {
    enter(client, &Company { city, ..ANADOLU }.address_and_contact()).await
}

/// Account info, reached from Review: its button saves and returns there.
pub(crate) async fn saves_and_returns_to_review(client: &Client) -> Outcome {
    heading(client, "Account info").await?;
    text_is(
        client,
        "form button[type=submit]",
        "Save and return to review",
    )
    .await
}

/// Review's Update of the account: Account info, which returns to Review.
pub(crate) async fn update_account_info(client: &Client) -> Outcome {
    click(client, "#update-account").await?;
    saves_and_returns_to_review(client).await
}

/// The step's Next (or Save and return to review).
pub(crate) async fn next(client: &Client) -> Outcome {
    click(client, "form button[type=submit]").await
}

// ---------------------------------------------------------------------------
// Subscriptions, Review and Confirmation.

/// The id of the first offer on Subscriptions, once the offers are listed.
pub(crate) async fn first_offer(client: &Client) -> Result<String, String> {
    let id = wait_for(client, Locator::Css(".offer input[type=checkbox]"))
        .await?
        .attr("id")
        .await
        .map_err(failed("the first offer's id"))?
        .unwrap_or_default();
    id.strip_prefix("offer-")
        .map(str::to_owned)
        .ok_or_else(|| format!("the first offer's checkbox is #{id}"))
}

/// Chooses the offer and types in its number of licenses.
pub(crate) async fn choose_offer(client: &Client, offer_id: &str, licenses: u64) -> Outcome {
    wait_for(client, Locator::Id(&format!("offer-{offer_id}")))
        .await?
        .click()
        .await
        .map_err(failed(&format!("choose the offer {offer_id}")))?;
    type_in(
        client,
        &format!("quantity-{offer_id}"),
        &licenses.to_string(),
    )
    .await
}

/// On Subscriptions, once the offers are listed: `licenses` of the first
/// offer, or none with 0; no Next. The first offer's id.
pub(crate) async fn subscribe(client: &Client, licenses: u64) -> Result<String, String> {
    heading(client, "Subscriptions").await?;
    let offer = first_offer(client).await?;
    if licenses > 0 {
        choose_offer(client, &offer, licenses).await?;
    }
    Ok(offer)
}

pub(crate) fn licenses_text(licenses: u64) -> String {
    match licenses {
        1 => "1 license".to_owned(),
        _ => format!("{licenses} licenses"),
    }
}

/// Review, once it shows what was entered for `company` (its name, domain,
/// first address line, postal code and city, registration number, contact
/// and email), the licenses of each chosen offer (or that none is chosen)
/// and each of `also`; its text.
pub(crate) async fn review_shows(
    client: &Client,
    company: &Company<'_>,
    licenses: &[u64],
    also: &[&str],
) -> Result<String, String> {
    heading(client, "Review").await?;
    if licenses.is_empty() {
        wait_for(client, Locator::Id("review-no-subscriptions")).await?;
    }
    let domain = company.domain();
    let place = format!("{} {}", company.postal_code, company.city);
    let contact = format!("{} {}", company.first_name, company.last_name);
    let licenses: Vec<String> = licenses.iter().copied().map(licenses_text).collect();
    let mut wanted = vec![
        company.name,
        domain.as_str(),
        company.address_line1,
        place.as_str(),
        contact.as_str(),
        company.email,
    ];
    wanted.extend(company.registration_number);
    wanted.extend(licenses.iter().map(String::as_str));
    wanted.extend(also);
    main_showing(client, &wanted).await
}

/// What Confirmation shows of the new customer.
pub(crate) struct Confirmed {
    pub(crate) id: String,
    pub(crate) password: String,
}

/// Confirmation after Submit: the customer's id, its admin user at
/// `<domain_prefix>.onmicrosoft.com`, a one-time password (nothing of it
/// lost) and an order line of each of `licenses` (or no order).
pub(crate) async fn confirmation_shows(
    client: &Client,
    domain_prefix: &str,
    licenses: &[u64],
) -> Result<Confirmed, String> {
    heading(client, "Customer added").await?;
    let id = text_of(client, "#customer-id").await?.trim().to_owned();
    check(!id.is_empty(), || "no customer id".to_owned())?;
    let admin = format!("admin@{domain_prefix}.onmicrosoft.com");
    text_is(client, "#admin-user-name", &admin).await?;
    let password = text_of(client, "#admin-password").await?;
    check(password.chars().count() >= 8, || {
        format!("one-time password: {password:?}")
    })?;
    if licenses.is_empty() {
        wait_for(client, Locator::Id("no-orders")).await?;
    } else {
        let lines: Vec<String> = licenses.iter().copied().map(licenses_text).collect();
        text_until(client, "#orders", |orders| {
            lines.iter().all(|line| orders.contains(line))
        })
        .await?;
    }
    Ok(Confirmed { id, password })
}
