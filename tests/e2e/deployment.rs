//! One build serves any deployment (issue 5, item 10): the same `dist/`,
//! copied as a deployer ships it — its own `config.json`, and `<base href>`
//! edited for a sub-path — served by a second `customer-api` that serves
//! only the app (`--spa-dir`, `--spa-path`; its own API is unused), while
//! the harness's demo server is the API on another origin: with
//! `--cors-origin` for the app's origin the wizard works, without it the
//! browser blocks the calls and the app says so. And a link that names a
//! reseller that is not the partner's.
use std::path::Path;

use customer_wizard::testing::ApiError;

use super::*;

/// The app, deployed apart from the API.
struct Deployment {
    /// The demo API (and chromedriver); it also holds the app's server, so
    /// that both are killed however the test ends.
    harness: Harness,
    /// Where the app is, without a final slash: `http://127.0.0.1:P` or
    /// `http://127.0.0.1:P/wizard`.
    app_url: String,
    /// The app's files, as deployed (`<site>/dist`).
    files: std::path::PathBuf,
    _site: tempfile::TempDir,
}

impl Deployment {
    /// `dist/` under `path` (`/` or e.g. `/wizard`) on its own origin, with a
    /// `config.json` naming the demo API, which allows the app's origin
    /// (`--cors-origin`) when `cors`.
    fn start(path: &str, cors: bool) -> Deployment {
        let (site, files) = deployed_copy(path);

        let port = free_port();
        let origin = format!("http://127.0.0.1:{port}");
        let flags: &[&str] = if cors {
            &["--cors-origin", &origin]
        } else {
            &[]
        };
        let mut harness = Harness::start_with(flags);
        let database_url = format!("sqlite://{}", site.path().join("app-host.db").display());
        let mut server = server_command()
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .args(["--database-url", &database_url, "--spa-path", path])
            .arg("--spa-dir")
            .arg(&files)
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the app's server");
        let stdout = server.stdout.take().expect("the app's server's stdout");
        harness.processes.push(server);
        let first_line = first_line_of(stdout);
        assert_eq!(
            first_line.trim(),
            format!("listening on {origin}"),
            "the app's server"
        );

        let config = json!({ "apiBaseUrl": harness.base_url }).to_string();
        std::fs::write(files.join("config.json"), config).expect("write config.json");
        Deployment {
            harness,
            app_url: format!("{origin}{}", path.trim_end_matches('/')),
            files,
            _site: site,
        }
    }
}

/// `dist/` as a deployer ships it under `path` (`/` or e.g. `/wizard`): a
/// copy in a new directory (`<dir>/dist`), with `<base href>` edited for a
/// sub-path; the directory and the copy.
pub(crate) fn deployed_copy(path: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dist = workspace().join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the SPA first (`make dist`)",
        dist.display()
    );
    let site = tempfile::tempdir().expect("a directory for the app's files");
    let files = site.path().join("dist");
    copy_dir(&dist, &files);
    if path != "/" {
        // The one line a deployer edits (README: Deploying the SPA elsewhere).
        let index = files.join("index.html");
        let html = std::fs::read_to_string(&index).expect("read index.html");
        let root = r#"<base href="/""#;
        assert!(html.contains(root), "dist/index.html has no {root}");
        let edited = html.replacen(root, &format!(r#"<base href="{path}/""#), 1);
        std::fs::write(&index, edited).expect("write index.html");
    }
    (site, files)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a directory");
    for entry in std::fs::read_dir(from).expect("list a directory") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("its type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy a file");
        }
    }
}

type DeploymentScenario =
    for<'a> fn(&'a Client, &'a Deployment) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>;

/// [`in_browser`] for a [`Deployment`].
async fn in_deployment(name: &str, path: &str, cors: bool, scenario: DeploymentScenario) {
    let deployment = Deployment::start(path, cors);
    let client = deployment.harness.browser().await;
    let outcome = scenario(&client, &deployment).await;
    conclude(client, name, outcome).await;
}

/// Every URL the page has fetched since it was loaded (resource timing).
pub(crate) async fn fetched(client: &Client) -> Result<Vec<String>, String> {
    let names = client
        .execute(
            "return performance.getEntriesByType('resource').map(entry => entry.name);",
            vec![],
        )
        .await
        .map_err(failed("read the resource timings"))?;
    Ok(names
        .as_array()
        .map(|names| {
            names
                .iter()
                .filter_map(|name| name.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// The app on one origin, the API on another that allows it: the demo
/// accounts, sign-in, the customer list, the domain check and the address
/// check (preflighted: JSON bodies, the bearer token, `MS-*` and `X-Locale`
/// headers) all reach the API that `config.json` names, none the app's own
/// origin; signing out too.
async fn across_origins(client: &Client, deployment: &Deployment) -> Outcome {
    let app = &deployment.app_url;
    let api = &deployment.harness.base_url;
    open(client, app, "/customers").await?;
    heading(client, "Sign in").await?;
    address_is(client, "/sign-in?return=%2Fcustomers").await?;
    sign_in_as(client, app, "adminagent", "Customers").await?;
    text_until(client, ".customer-table", |table| {
        table.contains("Wingtip Toys")
    })
    .await?;
    add_customer(client).await?;
    fill_account_info(client, &FOVAROSI).await?;
    click(client, "#agreement-has-accepted").await?;
    next(client).await?;
    subscribe(client, 0).await?;
    address_is(client, "/customers/new/subscriptions").await?;
    screenshot(client, "cross-origin-subscriptions").await?;

    let fetched = fetched(client).await?;
    check(fetched.contains(&format!("{app}/config.json")), || {
        format!("config.json was not read from the app's origin: {fetched:#?}")
    })?;
    let calls: Vec<&String> = fetched.iter().filter(|url| url.contains("/v1/")).collect();
    for wanted in [
        "/v1/demo",
        "/v1/customers?",
        "/v1/domains/",
        "/v1/validations/address",
        "/v1/offers?",
    ] {
        check(
            calls
                .iter()
                .any(|url| url.starts_with(&format!("{api}{wanted}"))),
            || format!("no call to {api}{wanted}: {calls:#?}"),
        )?;
    }
    check(
        calls.iter().all(|url| url.starts_with(api.as_str())),
        || format!("calls not to the API's origin {api}: {calls:#?}"),
    )?;

    click(client, ".site-header__sign-out").await?;
    heading(client, "Sign in").await?;
    address_is(client, "/sign-in").await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_on_another_origin_uses_the_api_that_allows_it() {
    in_deployment("cross-origin", "/", true, |client, deployment| {
        Box::pin(across_origins(client, deployment))
    })
    .await;
}

/// The same, but the API does not allow the app's origin: the browser
/// blocks every call, and the app says the service could not be reached —
/// while the API itself answers.
async fn blocked_across_origins(client: &Client, deployment: &Deployment) -> Outcome {
    open(client, &deployment.app_url, "/sign-in").await?;
    heading(client, "Sign in").await?;
    enter(
        client,
        &[("user-name", "adminagent"), ("password", "any password")],
    )
    .await?;
    click(client, "form button[type=submit]").await?;
    let unreachable = (texts_in(Locale::En).common.api_error)(&ApiError::Network(String::new()));
    let message = text_of(client, "#user-name-error").await?;
    check(message.ends_with(&unreachable), || {
        format!("the sign-in's error: {message:?}, expected {unreachable:?}")
    })?;
    text_is(client, ".error-summary a[href='#user-name']", &unreachable).await?;
    count_is(client, "button[data-user]", 0).await?;
    screenshot(client, "cross-origin-blocked").await?;

    // Not a dead server: the API answers, only not to this origin's pages.
    open(client, &deployment.harness.base_url, "/healthz").await?;
    text_is(client, "body", "ok").await
}

/// A page whose code cannot be fetched (its wasm piece gone, as when a
/// connection drops or a host is half-updated) says so in place of the page,
/// with the app still running; once the piece is back, Try again opens it.
async fn page_not_loaded(client: &Client, deployment: &Deployment) -> Outcome {
    let piece = |name: &std::ffi::OsStr| {
        let name = name.to_string_lossy();
        name.starts_with("split_customers_page") && name.contains(".wasm")
    };
    let hidden = deployment.files.join("hidden");
    std::fs::create_dir_all(&hidden).map_err(|error| error.to_string())?;
    let mut moved = 0;
    for entry in std::fs::read_dir(&deployment.files).map_err(|error| error.to_string())? {
        let entry = entry.map_err(|error| error.to_string())?;
        if piece(&entry.file_name()) {
            std::fs::rename(entry.path(), hidden.join(entry.file_name()))
                .map_err(|error| error.to_string())?;
            moved += 1;
        }
    }
    check(moved > 0, || {
        "dist/ has no split_customers_page-<hash>.wasm: build it with `make dist`".to_owned()
    })?;

    open(client, &deployment.app_url, "/sign-in").await?;
    use_demo_account(client, "adminagent").await?;
    let common = &texts_in(Locale::En).common;
    heading(client, common.not_loaded_title).await?;
    text_until(client, "main", |main| main.contains(common.not_loaded_text)).await?;
    count_is(client, "#crash", 0).await?;
    screenshot(client, "page-not-loaded").await?;

    for entry in std::fs::read_dir(&hidden).map_err(|error| error.to_string())? {
        let entry = entry.map_err(|error| error.to_string())?;
        std::fs::rename(entry.path(), deployment.files.join(entry.file_name()))
            .map_err(|error| error.to_string())?;
    }
    click(client, "#reload-page").await?;
    heading(client, "Customers").await?;
    text_until(client, ".customer-table", |table| {
        table.contains("Wingtip Toys")
    })
    .await
    .map(drop)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_whose_code_cannot_be_fetched_says_so_and_opens_once_it_can() {
    in_deployment("page-not-loaded", "/", true, |client, deployment| {
        Box::pin(page_not_loaded(client, deployment))
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_cors_the_app_says_the_api_cannot_be_reached() {
    in_deployment("cross-origin-blocked", "/", false, |client, deployment| {
        Box::pin(blocked_across_origins(client, deployment))
    })
    .await;
}

/// The app under `/wizard/` (its `<base href>` edited, nothing rebuilt),
/// with the API elsewhere: a deep link opened fresh, reloaded, left by the
/// app's own links and come back to with Back and Forward; `config.json`
/// and the assets read from `/wizard/`; every address under `/wizard/`.
async fn under_a_sub_path(client: &Client, deployment: &Deployment) -> Outcome {
    let app = &deployment.app_url;
    let origin = app.trim_end_matches("/wizard");
    open(client, app, "/customers/new/account").await?;
    heading(client, "Sign in").await?;
    address_is(
        client,
        "/wizard/sign-in?return=%2Fcustomers%2Fnew%2Faccount",
    )
    .await?;
    // The demo accounts come from the API that /wizard/config.json names.
    use_demo_account(client, "adminagent").await?;
    heading(client, "Account info").await?;
    address_is(client, "/wizard/customers/new/account").await?;
    let fetched = fetched(client).await?;
    for wanted in [
        "/wizard/config.json",
        "/wizard/customer-wizard-",
        "/wizard/main-",
    ] {
        check(
            fetched
                .iter()
                .any(|url| url.starts_with(&format!("{origin}{wanted}"))),
            || format!("nothing fetched from {wanted}: {fetched:#?}"),
        )?;
    }

    reload(client).await?;
    heading(client, "Account info").await?;
    address_is(client, "/wizard/customers/new/account").await?;
    screenshot(client, "sub-path-account-info").await?;

    // The error summary's links stay on this page (not the base's).
    next(client).await?;
    click(client, ".error-summary a[href='#company-name']").await?;
    eventually(
        "the company name focused",
        async || {
            client
                .execute("return document.activeElement?.id ?? '';", vec![])
                .await
                .map_err(failed("read the focused element"))
        },
        |focused| focused.as_str() == Some("company-name"),
    )
    .await?;
    heading(client, "Account info").await?;
    address_is(client, "/wizard/customers/new/account").await?;

    // The app's links, Back and Forward, a search and its reload.
    click(client, "a.back-link[href='/wizard/customers']").await?;
    heading(client, "Customers").await?;
    address_is(client, "/wizard/customers").await?;
    back(client).await?;
    heading(client, "Account info").await?;
    address_is(client, "/wizard/customers/new/account").await?;
    forward(client).await?;
    heading(client, "Customers").await?;
    address_is(client, "/wizard/customers").await?;
    search_finds_only(client, "kovacs", "Kovács és Társa Bt.").await?;
    address_is(client, "/wizard/customers?q=kovacs&by=name").await?;
    reload(client).await?;
    text_until(client, ".customer-table", |table| {
        table.contains("Kovács és Társa Bt.")
    })
    .await?;
    click(client, "a[href='/wizard/customers/new/account']").await?;
    heading(client, "Account info").await?;
    address_is(client, "/wizard/customers/new/account").await?;

    // The path itself, with or without its slash, opens the app.
    for entry in ["", "/"] {
        open(client, app, entry).await?;
        heading(client, "Customers").await?;
        address_is(client, "/wizard/customers").await?;
    }
    open(client, app, "/no-such-page").await?;
    heading(client, texts_in(Locale::En).common.not_found_title).await?;
    click(client, "main a[href='/wizard/customers']").await?;
    heading(client, "Customers").await?;
    click(client, ".site-header__sign-out").await?;
    heading(client, "Sign in").await?;
    address_is(client, "/wizard/sign-in").await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_works_under_a_sub_path_without_a_rebuild() {
    in_deployment("sub-path", "/wizard", true, |client, deployment| {
        Box::pin(under_a_sub_path(client, deployment))
    })
    .await;
}

/// A reseller of no partner's.
const NOT_OURS: &str = "0f0f0f0f-1111-4222-8333-444444444444";
/// The demo partner's reseller Anadolu Bulut Çözümleri A.Ş., and its PartnerID.
const OURS: &str = "a3e8f1b2-5c6d-4e7f-9a0b-1c2d3e4f5a6b";
const OURS_MPN: &str = "6391825";

/// What this tab's `sessionStorage` holds (the draft).
async fn stored(client: &Client) -> Result<String, String> {
    client
        .execute("return JSON.stringify(sessionStorage);", vec![])
        .await
        .map_err(failed("read sessionStorage"))
        .map(|value| value.as_str().unwrap_or_default().to_owned())
}

/// `?reseller=` names a reseller that is not the partner's: once the list is
/// known the draft drops it and the user is told, in each language; one of
/// the partner's, written in capitals, is chosen with its PartnerID.
async fn reseller_links(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    open(
        client,
        base_url,
        &format!("/customers/new/account?reseller={NOT_OURS}"),
    )
    .await?;
    heading(client, "Account info").await?;
    wait_for(
        client,
        Locator::Css(&format!("#reseller option[value='{OURS}']")),
    )
    .await?;
    for locale in Locale::ALL {
        switch_language(client, locale.tag()).await?;
        let expected = (texts_in(locale).account.reseller_unknown)(NOT_OURS);
        text_is(client, "#unknown-reseller", &expected).await?;
    }
    screenshot(client, "tr-unknown-reseller").await?;
    switch_language(client, "en").await?;
    value_is(client, "reseller", "").await?;
    let draft = stored(client).await?;
    check(!draft.contains(NOT_OURS), || {
        format!("the draft kept the unknown reseller: {draft}")
    })?;

    let ours = OURS.to_uppercase();
    open(
        client,
        base_url,
        &format!("/customers/new/account?reseller={ours}"),
    )
    .await?;
    heading(client, "Account info").await?;
    value_is(client, "reseller", OURS).await?;
    eventually(
        "the reseller's PartnerID in the draft",
        async || stored(client).await,
        |draft| draft.contains(OURS) && draft.contains(OURS_MPN) && !draft.contains(&ours),
    )
    .await?;
    count_is(client, "#unknown-reseller", 0).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_naming_a_reseller_not_ours_is_dropped_and_said() {
    in_browser("reseller-link", |client, base_url| {
        Box::pin(reseller_links(client, base_url))
    })
    .await;
}

/// A direct-bill partner has no resellers: any reseller a link names is
/// dropped, and the user told.
async fn reseller_link_for_a_direct_bill_partner(client: &Client, base_url: &str) -> Outcome {
    sign_in_as(client, base_url, "adminagent", "Customers").await?;
    open(
        client,
        base_url,
        &format!("/customers/new/account?reseller={OURS}"),
    )
    .await?;
    heading(client, "Account info").await?;
    let expected = (texts_in(Locale::En).account.reseller_unknown)(OURS);
    text_is(client, "#unknown-reseller", &expected).await?;
    count_is(client, "#reseller", 0).await?;
    let draft = stored(client).await?;
    check(!draft.contains(OURS), || {
        format!("the draft kept the reseller: {draft}")
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_direct_bill_partner_drops_a_reseller_named_by_a_link() {
    in_browser_with_flags(
        "reseller-link-direct-bill",
        &["--partner-type", "direct-bill"],
        |client, base_url| Box::pin(reseller_link_for_a_direct_bill_partner(client, base_url)),
    )
    .await;
}
