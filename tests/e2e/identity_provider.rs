//! Signing in through a real OpenID provider (npm `oidc-provider`, started
//! from `tests/e2e/oidc/provider.mjs` on a free port): the app's `config.json`
//! says `auth.type: "oidc"`, and the server accepts the provider's tokens and
//! nothing else (`--dialect partner-center`: no `/v1/me`, `/v1/auth/token`
//! or `/v1/demo`, as in front of Partner Center itself). The provider's own
//! login form is filled in; its login is the staff user name.
use super::deployment::{deployed_copy, fetched};
use super::*;

/// The API's audience and resource at the provider.
const API_AUDIENCE: &str = "api://customer-api";
/// Where the app keeps the provider's tokens (sessionStorage).
const TOKENS_KEY: &str = "customer-wizard.oidc.tokens";

/// Where the app, the API and the provider are.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// The API serves the app; the provider is on its own origin.
    AppWithApi,
    /// Three origins, the app under `/wizard/` (its own server), the API
    /// allowing the app's origin (CORS), and the provider.
    ThreeOrigins,
}

/// How the provider behaves, and the server's extra flags.
#[derive(Clone, Copy)]
struct Setup {
    layout: Layout,
    /// Access token lifetime, in seconds.
    access_token_seconds: u32,
    /// Whether the provider's tokens say MFA was used.
    mfa: bool,
    /// `--oidc-require-mfa`.
    require_mfa: bool,
    /// `config.json`'s `auth` lacks its `clientId`.
    broken_config: bool,
}

const USUAL: Setup = Setup {
    layout: Layout::AppWithApi,
    access_token_seconds: 600,
    mfa: true,
    require_mfa: false,
    broken_config: false,
};

/// The provider, the API (serving a copy of the app that signs in through
/// the provider) and chromedriver; all stopped at the end.
struct WithProvider {
    harness: Harness,
    /// The provider's URL: its issuer.
    issuer: String,
    /// Its port, to start it again on.
    provider_port: u16,
    setup: Setup,
    /// The app's URL (origin and base path, no final slash).
    app_url: String,
    _site: tempfile::TempDir,
}

impl WithProvider {
    fn start(setup: Setup) -> WithProvider {
        let port = free_port();
        let app_origin = format!("http://127.0.0.1:{port}");
        let app_url = match setup.layout {
            Layout::AppWithApi => app_origin.clone(),
            Layout::ThreeOrigins => format!("{app_origin}/wizard"),
        };
        let (provider, issuer) = start_provider(&app_url, setup, 0);
        let provider_port = issuer
            .rsplit(':')
            .next()
            .and_then(|port| port.parse().ok())
            .expect("the provider's port");

        let (site, files) = deployed_copy(match setup.layout {
            Layout::AppWithApi => "/",
            Layout::ThreeOrigins => "/wizard",
        });
        let api_port = match setup.layout {
            Layout::AppWithApi => port,
            Layout::ThreeOrigins => free_port(),
        };
        let api_url = format!("http://127.0.0.1:{api_port}");
        let config = json!({
            "apiBaseUrl": if setup.layout == Layout::AppWithApi { "" } else { api_url.as_str() },
            "auth": {
                "type": "oidc",
                "authority": issuer,
                "clientId": "customer-wizard",
                "scopes": ["openid", "profile", "offline_access", format!("{API_AUDIENCE}/user_impersonation")],
            }
        });
        let mut config = config;
        if setup.broken_config {
            config["auth"]
                .as_object_mut()
                .map(|auth| auth.remove("clientId"));
        }
        std::fs::write(files.join("config.json"), config.to_string()).expect("write config.json");

        let mut flags = vec![
            "--dialect",
            "partner-center",
            "--oidc-issuer",
            &issuer,
            "--oidc-audience",
            API_AUDIENCE,
            "--oidc-scope",
            "user_impersonation",
        ];
        if setup.require_mfa {
            flags.push("--oidc-require-mfa");
        }
        if setup.layout == Layout::ThreeOrigins {
            flags.extend(["--cors-origin", &app_origin]);
        }
        // Across origins the API's own copy of the app goes unused.
        let api_serves = match setup.layout {
            Layout::AppWithApi => files.clone(),
            Layout::ThreeOrigins => workspace().join("dist"),
        };
        let mut harness =
            Harness::start_serving(&flags, &api_serves, &format!("127.0.0.1:{api_port}"));
        harness.processes.push(provider);
        assert_eq!(
            harness.base_url, api_url,
            "the API listens where config.json says"
        );
        if setup.layout == Layout::ThreeOrigins {
            let database_url = format!("sqlite://{}", site.path().join("app-host.db").display());
            let mut app_server = server_command()
                .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
                .args(["--database-url", &database_url, "--spa-path", "/wizard"])
                .arg("--spa-dir")
                .arg(&files)
                .stdout(Stdio::piped())
                .spawn()
                .expect("start the app's server");
            let first_line = first_line_of(app_server.stdout.take().expect("its stdout"));
            // Before the provider, which restart_provider takes to be last.
            let provider = harness.processes.pop().expect("the provider");
            harness.processes.push(app_server);
            harness.processes.push(provider);
            assert_eq!(
                first_line.trim(),
                format!("listening on {app_origin}"),
                "the app's server"
            );
        }
        WithProvider {
            harness,
            issuer,
            provider_port,
            setup,
            app_url,
            _site: site,
        }
    }

    /// Starts the provider again on its port: it forgets every session and
    /// grant (so every refresh token is dead), and signs with a new key.
    fn restart_provider(&mut self) {
        let index = self.harness.processes.len() - 1;
        let old = &mut self.harness.processes[index];
        let _ = old.kill();
        let _ = old.wait();
        let deadline = Instant::now() + WAIT;
        loop {
            let (provider, issuer) = start_provider(&self.app_url, self.setup, self.provider_port);
            if issuer == self.issuer {
                self.harness.processes[index] = provider;
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the provider did not start again: {issuer}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// `node provider.mjs` for the app at `app_url`; the process and its issuer
/// (or what it printed instead).
fn start_provider(app_url: &str, setup: Setup, port: u16) -> (Child, String) {
    let script = workspace().join("tests/e2e/oidc/provider.mjs");
    let mut provider = Command::new("node")
        .arg(&script)
        .env("OP_PORT", port.to_string())
        .env("OP_APPS", app_url)
        .env("OP_API", API_AUDIENCE)
        .env("OP_AT_TTL", setup.access_token_seconds.to_string())
        .env("OP_MFA", if setup.mfa { "1" } else { "0" })
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| {
            panic!(
                "cannot start node {} (make bootstrap): {error}",
                script.display()
            )
        });
    let first_line = first_line_of(provider.stdout.take().expect("the provider's stdout"));
    let issuer = first_line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or(first_line.trim())
        .to_owned();
    (provider, issuer)
}

type ProviderScenario =
    for<'a> fn(&'a Client, &'a mut WithProvider) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>;

async fn with_provider(name: &str, setup: Setup, scenario: ProviderScenario) {
    let mut world = WithProvider::start(setup);
    let client = world.harness.browser().await;
    let outcome = scenario(&client, &mut world).await;
    conclude(client, name, outcome).await;
}

/// On the provider's own login form: the login (the staff user name) and any
/// password.
async fn log_in_at_provider(client: &Client, login: &str) -> Outcome {
    let field = wait_for(client, Locator::Css("input[name=login]")).await?;
    field
        .send_keys(login)
        .await
        .map_err(failed("type the login"))?;
    wait_for(client, Locator::Css("input[name=password]"))
        .await?
        .send_keys("any password")
        .await
        .map_err(failed("type the password"))?;
    click(client, "button[type=submit]").await
}

/// From the app's Sign in page, through the provider, back to `heading`.
async fn sign_in_through_provider(client: &Client, login: &str, then: &str) -> Outcome {
    click(client, "#sign-in-with-provider").await?;
    log_in_at_provider(client, login).await?;
    heading(client, then).await
}

/// What this tab holds in sessionStorage, as JSON text.
async fn session_storage(client: &Client) -> Result<String, String> {
    client
        .execute("return JSON.stringify(sessionStorage);", vec![])
        .await
        .map(|value| value.as_str().unwrap_or_default().to_owned())
        .map_err(failed("read sessionStorage"))
}

/// The API paths the page has requested since it loaded.
async fn api_requests(client: &Client) -> Result<Vec<String>, String> {
    Ok(fetched(client)
        .await?
        .iter()
        .filter_map(|url| {
            let (_, rest) = url.split_once("://")?;
            Some(rest[rest.find('/')?..].to_owned())
        })
        .filter(|path| path.starts_with("/v1/"))
        .collect())
}

/// The whole wizard to Done, signed in through the provider, against an API
/// with only Partner Center's endpoints; the access tokens live 5 s, so that
/// every call refreshes first — and as the provider refuses a refresh token
/// used twice, finishing proves each rotated one was kept. A reload and a
/// deep link mid-wizard keep the session without another login.
async fn wizard_through_provider(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/customers").await?;
    heading(client, "Sign in").await?;
    sign_in_through_provider(client, "adminagent", "Customers").await?;
    let address = client
        .current_url()
        .await
        .map_err(failed("read the address"))?;
    check(!address.as_str().contains("code="), || {
        format!("the authorization code stayed in the address bar: {address}")
    })?;
    text_is(client, "#signed-in-user", "adminagent").await?;
    let stored = session_storage(client).await?;
    check(stored.contains(TOKENS_KEY), || {
        format!("no tokens stored: {stored}")
    })?;
    let requests = api_requests(client).await?;
    check(
        !requests
            .iter()
            .any(|path| path.starts_with("/v1/auth/") || path == "/v1/demo"),
        || format!("the app called the reference server's extensions: {requests:?}"),
    )?;

    add_customer(client).await?;
    fill_account_info(client, &FOVAROSI).await?;
    text_is(
        client,
        ".availability--ok",
        "fovarosikerteszet.onmicrosoft.com is available",
    )
    .await?;
    // Without `/v1/me`, the resellers tell the partner's type: asked for once
    // for that and for the reseller field both.
    let resellers = api_requests(client)
        .await?
        .into_iter()
        .filter(|path| path.starts_with("/v1/relationships?"))
        .count();
    check(resellers == 1, || {
        format!("the resellers were asked for {resellers} times")
    })?;
    reload(client).await?;
    heading(client, "Account info").await?;
    value_is(client, "company-name", FOVAROSI.name).await?;
    // Right after the reload, as a user would: the country's rules, asked
    // for again (a token refreshed first), may still be on their way, and
    // Next goes on once they are in.
    next(client).await?;
    subscribe(client, 3).await?;
    // A deep link, typed into the address bar: the same session.
    open(client, &app, "/customers/new/subscriptions").await?;
    heading(client, "Subscriptions").await?;
    next(client).await?;
    review_shows(client, &FOVAROSI, &[3], &[]).await?;
    click(client, "#submit").await?;
    confirmation_shows(client, FOVAROSI.domain_prefix, &[3]).await?;
    click(client, "#done").await?;
    heading(client, "Customers").await?;
    new_customer_highlighted(client, FOVAROSI.name).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_partner_signs_in_through_the_identity_provider_and_adds_a_customer_against_partner_center_s_endpoints_only()
 {
    let setup = Setup {
        access_token_seconds: 5,
        ..USUAL
    };
    with_provider("oidc-wizard", setup, |client, world| {
        Box::pin(wizard_through_provider(client, world))
    })
    .await;
}

/// The page passes axe-core in English, Hungarian and Turkish (each a
/// screenshot `<name>-<tag>`); then the page is in `back_to` again.
async fn accessible_in_every_language(client: &Client, name: &str, back_to: &str) -> Outcome {
    for tag in ["en", "hu", "tr"] {
        switch_language(client, tag).await?;
        accessible(client, &format!("{name}-{tag}")).await?;
    }
    switch_language(client, back_to).await
}

/// A callback nobody asked for — forged, or an old one opened again — is
/// refused: no token is stored and the API is not called; Try again leads to
/// the provider.
async fn forged_callback(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/auth/callback?code=stolen&state=forged").await?;
    heading(client, "Sign-in did not complete").await?;
    text_until(client, "#sign-in-problem", |text| {
        text.contains("not expected")
    })
    .await?;
    let address = client
        .current_url()
        .await
        .map_err(failed("read the address"))?;
    check(!address.as_str().contains("code="), || {
        format!("the code stayed in the address bar: {address}")
    })?;
    let stored = session_storage(client).await?;
    check(!stored.contains("oidc.tokens"), || {
        format!("a token was stored: {stored}")
    })?;
    let requests = api_requests(client).await?;
    check(requests.is_empty(), || {
        format!("the API was called: {requests:?}")
    })?;
    accessible_in_every_language(client, "oidc-callback-refused", "en").await?;

    // A real sign-in, then its own callback, code and state as the provider
    // sent them, replayed: the page was loaded from it, so the browser's
    // navigation entry still has it, though the address bar no longer does.
    click(client, "#try-sign-in-again").await?;
    log_in_at_provider(client, "adminagent").await?;
    heading(client, "Customers").await?;
    let callback = client
        .execute(
            "return performance.getEntriesByType('navigation')[0].name;",
            vec![],
        )
        .await
        .map_err(failed("read the callback's address"))?;
    let callback = callback.as_str().unwrap_or_default().to_owned();
    check(
        callback.contains("/auth/callback?")
            && callback.contains("code=")
            && callback.contains("state="),
        || format!("not the provider's callback: {callback:?}"),
    )?;
    client
        .goto(&callback)
        .await
        .map_err(failed("replay the callback"))?;
    heading(client, "Sign-in did not complete").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forged_callback_stores_no_token_and_calls_no_api() {
    with_provider("oidc-forged-callback", USUAL, |client, world| {
        Box::pin(forged_callback(client, world))
    })
    .await;
}

/// The provider forgets every grant (restarted): the next call's refresh is
/// refused, the app goes to the provider and comes back to the same step
/// with the draft as it was. The provider also signs with a new key, which
/// the API fetches on seeing its key id.
async fn dead_refresh_token(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/sign-in").await?;
    sign_in_through_provider(client, "salesagent", "Customers").await?;
    add_customer(client).await?;
    fill_account_info(client, &FOVAROSI).await?;
    world.restart_provider();
    next(client).await?;
    log_in_at_provider(client, "salesagent").await?;
    heading(client, "Account info").await?;
    value_is(client, "company-name", FOVAROSI.name).await?;
    next(client).await?;
    heading(client, "Subscriptions").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_refresh_signs_in_again_and_returns_to_the_same_step_with_the_draft() {
    let setup = Setup {
        access_token_seconds: 5,
        ..USUAL
    };
    with_provider("oidc-dead-refresh", setup, |client, world| {
        Box::pin(dead_refresh_token(client, world))
    })
    .await;
}

/// Someone the provider knows but the partner does not employ: told so, in
/// their language, on the page — not sent to sign in again and again.
async fn not_staff(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/sign-in").await?;
    switch_language(client, "hu").await?;
    sign_in_through_provider(client, "mallory@elsewhere.example", "Ügyfelek").await?;
    text_until(client, "main", |text| {
        text.contains("nem ennek a partnernek a munkatársaként")
    })
    .await?;
    // Still here a moment later: no loop through the provider.
    tokio::time::sleep(Duration::from_secs(2)).await;
    path_is(client, "/customers").await?;
    heading(client, "Ügyfelek").await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_identity_that_is_not_on_the_staff_is_told_so_without_a_sign_in_loop() {
    with_provider("oidc-not-staff", USUAL, |client, world| {
        Box::pin(not_staff(client, world))
    })
    .await;
}

/// The API requires MFA and the sign-in had none: the app says so (in
/// Turkish here), and only on request signs in again with `prompt=login` —
/// the provider asks for the credentials although its session is alive —
/// and, still without MFA, says so again instead of looping.
async fn mfa_missing(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/sign-in").await?;
    switch_language(client, "tr").await?;
    click(client, "#sign-in-with-provider").await?;
    log_in_at_provider(client, "adminagent").await?;
    wait_for(client, Locator::Id("mfa-required")).await?;
    text_until(client, "#mfa-required", |text| {
        text.contains("çok faktörlü")
    })
    .await?;
    path_is(client, "/sign-in").await?;
    accessible_in_every_language(client, "oidc-mfa-required", "tr").await?;
    click(client, "#sign-in-with-provider").await?;
    let address = client
        .current_url()
        .await
        .map_err(failed("read the address"))?;
    check(
        address.host_str() == Some("127.0.0.1") && address.port() == Some(world.provider_port),
        || format!("not at the provider: {address}"),
    )?;
    // prompt=login: the login form again, though the provider has a session.
    log_in_at_provider(client, "adminagent").await?;
    wait_for(client, Locator::Id("mfa-required")).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    path_is(client, "/sign-in").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_without_mfa_where_the_api_requires_it_is_explained_and_retried_with_prompt_login()
 {
    let setup = Setup {
        mfa: false,
        require_mfa: true,
        ..USUAL
    };
    with_provider("oidc-mfa", setup, |client, world| {
        Box::pin(mfa_missing(client, world))
    })
    .await;
}

/// Sign out goes through the provider's end-session page and back to Sign
/// in, leaving no token and no draft in the tab.
async fn sign_out(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/sign-in").await?;
    accessible_in_every_language(client, "oidc-sign-in", "en").await?;
    sign_in_through_provider(client, "adminagent", "Customers").await?;
    add_customer(client).await?;
    type_in(client, "company-name", "Signed Out Kft.").await?;
    click(client, ".site-header__sign-out").await?;
    // The provider asks to confirm the sign-out.
    click(client, "button[type=submit]").await?;
    heading(client, "Sign in").await?;
    path_is(client, "/sign-in").await?;
    let stored = session_storage(client).await?;
    check(
        !stored.contains("oidc.tokens") && !stored.contains("Signed Out"),
        || format!("sign-out left this in the tab: {stored}"),
    )?;
    // The provider's session ended too: signing in asks for the login again.
    click(client, "#sign-in-with-provider").await?;
    wait_for(client, Locator::Css("input[name=login]"))
        .await
        .map(drop)
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_ends_the_provider_session_and_leaves_nothing_in_the_tab() {
    with_provider("oidc-sign-out", USUAL, |client, world| {
        Box::pin(sign_out(client, world))
    })
    .await;
}

/// Cancelling at the provider (its login form's Cancel): the provider answers
/// `access_denied`, which the app tells in the user's language, with Try
/// again leading back to the provider.
async fn cancelled_at_provider(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/sign-in").await?;
    switch_language(client, "hu").await?;
    accessible(client, "oidc-sign-in-hu").await?;
    click(client, "#sign-in-with-provider").await?;
    click(client, "a[href*='/abort']").await?;
    heading(client, "A bejelentkezés nem fejeződött be").await?;
    text_until(client, "#sign-in-problem", |text| {
        text.contains("megszakították")
    })
    .await?;
    accessible_in_every_language(client, "oidc-cancelled", "hu").await?;
    click(client, "#try-sign-in-again").await?;
    log_in_at_provider(client, "adminagent").await?;
    heading(client, "Ügyfelek").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_cancelled_at_the_provider_is_told_with_try_again() {
    with_provider("oidc-cancelled", USUAL, |client, world| {
        Box::pin(cancelled_at_provider(client, world))
    })
    .await;
}

/// The app under `/wizard/` on one origin, the API on a second that allows
/// it, the provider on a third: sign-in, the customer list and a reload go
/// through, every API call to the API's origin.
async fn three_origins(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    let api = world.harness.base_url.clone();
    open(client, &app, "/customers").await?;
    heading(client, "Sign in").await?;
    sign_in_through_provider(client, "adminagent", "Customers").await?;
    path_is(client, "/wizard/customers").await?;
    wait_for(client, Locator::Css(".customer-table")).await?;
    add_customer(client).await?;
    reload(client).await?;
    heading(client, "Account info").await?;
    let fetched: Vec<String> = fetched(client)
        .await?
        .into_iter()
        .filter(|url| url.contains("/v1/"))
        .collect();
    check(
        !fetched.is_empty() && fetched.iter().all(|url| url.starts_with(&api)),
        || format!("API calls not all to {api}: {fetched:?}"),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_the_api_and_the_provider_on_three_origins_with_the_app_under_wizard() {
    let setup = Setup {
        layout: Layout::ThreeOrigins,
        ..USUAL
    };
    with_provider("oidc-three-origins", setup, |client, world| {
        Box::pin(three_origins(client, world))
    })
    .await;
}

/// Without `/v1/me` and without a role claim the app cannot know the role:
/// it offers adding a customer, and the API's refusal is shown at the step
/// it refused (Submit), not as a sign-in loop.
async fn role_left_to_the_api(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/sign-in").await?;
    sign_in_through_provider(client, "helpdeskagent", "Customers").await?;
    add_customer(client).await?;
    fill_account_info(client, &FOVAROSI).await?;
    next(client).await?;
    heading(client, "Subscriptions").await?;
    next(client).await?;
    heading(client, "Review").await?;
    click(client, "#submit").await?;
    text_until(client, "main", |text| text.contains("helpdesk_agent")).await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    path_is(client, "/customers/new/review").await
}

#[tokio::test(flavor = "multi_thread")]
async fn without_me_and_a_role_claim_the_api_s_refusal_is_shown_at_the_refused_step() {
    with_provider("oidc-role-left-to-api", USUAL, |client, world| {
        Box::pin(role_left_to_the_api(client, world))
    })
    .await;
}

/// An `auth` block that cannot work says so, translated, on Sign in; it does
/// not fall back to passwords.
async fn broken_auth(client: &Client, world: &mut WithProvider) -> Outcome {
    let app = world.app_url.clone();
    open(client, &app, "/customers").await?;
    for (tag, title) in [
        ("en", "Sign-in is not configured"),
        ("hu", "A bejelentkezés nincs beállítva"),
        ("tr", "Oturum açma yapılandırılmamış"),
    ] {
        switch_language(client, tag).await?;
        heading(client, title).await?;
        count_is(client, "input[type=password]", 0).await?;
        accessible(client, &format!("oidc-not-configured-{tag}")).await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broken_auth_block_says_sign_in_is_not_configured_in_every_language() {
    let setup = Setup {
        broken_config: true,
        ..USUAL
    };
    with_provider("oidc-broken-config", setup, |client, world| {
        Box::pin(broken_auth(client, world))
    })
    .await;
}
