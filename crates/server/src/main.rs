// No unwrap or expect on anything a user, a network or a file can influence:
// outside tests there are none at all, and the lint keeps it so.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::HeaderValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use customer_api::listen::{self, ConnectionLimits};
use customer_api::oidc::{KeySource, OidcSettings, Verifier};
use customer_api::sealed::SealKey;
use customer_api::throttle::{Rates, at_least_one};
use customer_api::{AppState, Catalogue, Dialect, Settings, Spa, app, auth, base_href, db, demo};
use customer_model::cloud::Cloud;
use customer_model::validation::Field;
use customer_model::wire::{PartnerProfile, PartnerType, Role};
use tokio::net::TcpListener;

/// Reference server of the customer API (Partner Center REST dialect).
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (and, with --spa-dir, the built wizard) over HTTP.
    Serve(Box<ServeArgs>),
    /// Create or upgrade the database schema, then exit.
    Migrate(DatabaseArgs),
    /// Manage the partner staff who sign in to the wizard.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user (or reset an existing user's password and role, which
    /// ends their sign-ins).
    Add(UserAddArgs),
    /// Remove a user; their sign-ins end at once.
    Remove(UserNameArgs),
    /// Stop a user from signing in (password or identity provider), keeping
    /// the account; their sign-ins end at once.
    Disable(UserNameArgs),
    /// Let a disabled user sign in again.
    Enable(UserNameArgs),
}

#[derive(Args)]
/// The user a command acts on.
struct UserNameArgs {
    #[arg(long)]
    user_name: String,
    #[command(flatten)]
    database: DatabaseArgs,
}

#[derive(Args)]
struct UserAddArgs {
    /// The name they sign in with.
    #[arg(long)]
    user_name: String,
    /// global-admin, user-management-admin, admin-agent, sales-agent,
    /// billing-admin or helpdesk-agent.
    #[arg(long, value_parser = parse_role)]
    role: Role,
    /// Read the password from the first line of standard input; without it
    /// (and without --no-password) a password is generated and printed.
    #[arg(long, conflicts_with = "no_password")]
    password_stdin: bool,
    /// No password: the user signs in only through the identity provider
    /// (serve --oidc-issuer), as the user name its token names.
    #[arg(long)]
    no_password: bool,
    #[command(flatten)]
    database: DatabaseArgs,
}

fn parse_cloud(text: &str) -> Result<Cloud, String> {
    Cloud::parse(text).ok_or_else(|| "one of: public, usgov, china".to_owned())
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| {
        let names: Vec<_> = Role::ALL
            .iter()
            .map(|role| role.as_str().replace('_', "-"))
            .collect();
        format!("unknown role; one of: {}", names.join(", "))
    })
}

#[derive(Clone, Copy, ValueEnum)]
enum DialectKind {
    /// Partner Center's endpoints plus password sign-in, /v1/me and /v1/demo.
    Reference,
    /// Partner Center's endpoints only, and only identity-provider tokens.
    PartnerCenter,
}

#[derive(Clone, Copy, ValueEnum)]
enum PartnerKind {
    DirectBill,
    IndirectProvider,
}

#[derive(Args)]
struct DatabaseArgs {
    /// Database to use; the SQLite file and its directory are created if missing.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/customer-api.db"
    )]
    database_url: String,
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on; port 0 picks a free port (the chosen address is printed).
    #[arg(long, env = "CUSTOMER_API_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    #[command(flatten)]
    database: DatabaseArgs,
    /// Directory of the built SPA (`dist/`) to serve on the same origin.
    #[arg(long, env = "CUSTOMER_API_SPA_DIR")]
    spa_dir: Option<PathBuf>,
    /// The path the SPA is served under, e.g. /wizard; its index.html must then
    /// have <base href="/wizard/">.
    #[arg(
        long,
        env = "CUSTOMER_API_SPA_PATH",
        default_value = "/",
        value_parser = parse_spa_path,
        requires = "spa_dir"
    )]
    spa_path: String,
    /// Browser origins allowed to call the API (CORS), e.g. https://wizard.example.com;
    /// comma-separated in the environment.
    #[arg(
        long = "cors-origin",
        env = "CUSTOMER_API_CORS_ORIGINS",
        value_delimiter = ','
    )]
    cors_origins: Vec<String>,
    /// Demo mode (loopback only): an indirect provider with resellers, one
    /// account per role (passwords printed), a catalogue and sample customers.
    #[arg(long, env = "CUSTOMER_API_DEMO")]
    demo: bool,
    /// The partner's name, as shown to its staff.
    #[arg(
        long,
        env = "CUSTOMER_API_PARTNER_NAME",
        default_value = customer_api::DEFAULT_PARTNER_NAME
    )]
    partner_name: String,
    /// direct-bill (the default) or indirect-provider; in demo mode an
    /// indirect provider unless given.
    #[arg(long, env = "CUSTOMER_API_PARTNER_TYPE", value_enum)]
    partner_type: Option<PartnerKind>,
    /// The partner's tenant id (goes into relationship invitations).
    #[arg(
        long,
        env = "CUSTOMER_API_PARTNER_TENANT_ID",
        default_value = customer_api::DEFAULT_PARTNER_TENANT_ID
    )]
    partner_tenant_id: String,
    /// The partner's own email domains (customers' emails may not use them).
    #[arg(
        long = "partner-domain",
        env = "CUSTOMER_API_PARTNER_DOMAINS",
        value_delimiter = ','
    )]
    partner_domains: Vec<String>,
    /// How long a sign-in lasts, in minutes: 1 to 1440 (a day).
    #[arg(
        long,
        env = "CUSTOMER_API_TOKEN_MINUTES",
        default_value_t = 480,
        value_parser = clap::value_parser!(u64).range(1..=1440)
    )]
    token_minutes: u64,
    /// The offers to sell instead of the demo catalogue: a JSON file shaped
    /// like crates/server/data/demo-catalogue.json.
    #[arg(long, env = "CUSTOMER_API_CATALOGUE")]
    catalogue: Option<PathBuf>,
    /// reference (the default) or partner-center: only Partner Center's
    /// endpoints and identity-provider tokens (needs --oidc-issuer).
    #[arg(
        long,
        env = "CUSTOMER_API_DIALECT",
        value_enum,
        default_value = "reference"
    )]
    dialect: DialectKind,
    #[command(flatten)]
    oidc: OidcArgs,
    #[command(flatten)]
    limits: LimitArgs,
    /// The key that seals the answers kept for retries (they hold one-time
    /// admin passwords); created with mode 0600 when missing. Default: beside
    /// a SQLite database (`<file>.key`), else data/customer-api.key.
    #[arg(long, env = "CUSTOMER_API_KEY_FILE")]
    key_file: Option<PathBuf>,
    /// public (the default), usgov or china (21Vianet): the new tenants'
    /// domain suffix, and whether agreement attestation and relationship
    /// requests are offered.
    #[arg(long, env = "CUSTOMER_API_CLOUD", default_value = "public", value_parser = parse_cloud)]
    cloud: Cloud,
    /// Testing only, in debug builds: refuse the first valid `POST
    /// /v1/customers` with a 400 on this request property (e.g.
    /// companyProfile.companyName) — or, for lineItems.quantity, the first
    /// valid cart — as if the server had checks the client cannot run.
    #[arg(long, env = "CUSTOMER_API_FAIL_FIELD", value_parser = parse_field,
        hide = !cfg!(debug_assertions))]
    fail_field: Option<Field>,
}

/// What one client, one account and one user may ask of the server; every
/// figure is per server process.
#[derive(Args)]
struct LimitArgs {
    /// Password sign-ins a minute from one client address (an IPv6 /64).
    #[arg(long, env = "CUSTOMER_API_SIGN_INS_PER_ADDRESS", default_value_t = 30,
        value_parser = clap::value_parser!(u32).range(1..))]
    sign_ins_per_address: u32,
    /// Password sign-ins a minute for one user name.
    #[arg(long, env = "CUSTOMER_API_SIGN_INS_PER_ACCOUNT", default_value_t = 10,
        value_parser = clap::value_parser!(u32).range(1..))]
    sign_ins_per_account: u32,
    /// API requests a minute per signed-in user (Partner Center's published 500).
    #[arg(long, env = "CUSTOMER_API_REQUESTS_PER_MINUTE", default_value_t = 500,
        value_parser = clap::value_parser!(u32).range(1..))]
    requests_per_minute: u32,
    /// A header whose last address is the client's, set by the proxy in front
    /// of the server (e.g. X-Forwarded-For); without it, the socket's peer.
    #[arg(long, env = "CUSTOMER_API_CLIENT_ADDRESS_HEADER")]
    client_address_header: Option<String>,
    /// Connections open at once; further ones wait until one closes.
    #[arg(long, env = "CUSTOMER_API_MAX_CONNECTIONS", default_value_t = 4_096,
        value_parser = clap::value_parser!(u32).range(1..))]
    max_connections: u32,
    /// Seconds a client has to send a request's headers, and a kept-alive
    /// connection to start its next request.
    #[arg(long, env = "CUSTOMER_API_HEADER_TIMEOUT_SECONDS", default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=600))]
    header_timeout_seconds: u64,
}

impl LimitArgs {
    fn rates(&self) -> Rates {
        Rates {
            sign_ins_per_address: at_least_one(self.sign_ins_per_address),
            sign_ins_per_account: at_least_one(self.sign_ins_per_account),
            requests_per_user: at_least_one(self.requests_per_minute),
            client_address_header: self
                .client_address_header
                .as_deref()
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_owned),
            ..Rates::default()
        }
    }

    fn connections(&self) -> ConnectionLimits {
        ConnectionLimits {
            max_connections: self.max_connections,
            header_timeout: Duration::from_secs(self.header_timeout_seconds),
        }
    }
}

/// Accepting access tokens from an OpenID Connect provider (Entra ID, …).
#[derive(Args)]
struct OidcArgs {
    /// The provider's issuer (`iss`), e.g. https://login.microsoftonline.com/<tenant>/v2.0;
    /// its discovery document names the key set unless --oidc-jwks-url or -file does.
    #[arg(long, env = "CUSTOMER_API_OIDC_ISSUER")]
    oidc_issuer: Option<String>,
    /// An accepted audience (`aud`) of the tokens, e.g. api://customer-api;
    /// repeatable, comma-separated in the environment.
    #[arg(
        long = "oidc-audience",
        env = "CUSTOMER_API_OIDC_AUDIENCES",
        value_delimiter = ',',
        requires = "oidc_issuer"
    )]
    oidc_audiences: Vec<String>,
    /// The key set's URL, instead of discovery.
    #[arg(long, env = "CUSTOMER_API_OIDC_JWKS_URL", requires = "oidc_issuer")]
    oidc_jwks_url: Option<String>,
    /// The key set from a file (no outbound HTTP), instead of discovery.
    #[arg(
        long,
        env = "CUSTOMER_API_OIDC_JWKS_FILE",
        conflicts_with = "oidc_jwks_url",
        requires = "oidc_issuer"
    )]
    oidc_jwks_file: Option<PathBuf>,
    /// A scope every token must carry (in `scp` or `scope`), e.g. user_impersonation.
    #[arg(long, env = "CUSTOMER_API_OIDC_SCOPE", requires = "oidc_issuer")]
    oidc_scope: Option<String>,
    /// The claim that names the staff user (`user add --user-name`); `upn`,
    /// then `sub`, when a token lacks it.
    #[arg(
        long,
        env = "CUSTOMER_API_OIDC_USER_CLAIM",
        default_value = "preferred_username"
    )]
    oidc_user_claim: String,
    /// Refuse tokens whose `amr` lacks `mfa` (401, Partner Center's code 900421).
    #[arg(long, env = "CUSTOMER_API_OIDC_REQUIRE_MFA", requires = "oidc_issuer")]
    oidc_require_mfa: bool,
}

impl OidcArgs {
    fn settings(&self) -> Option<OidcSettings> {
        let issuer = self.oidc_issuer.as_ref()?.trim().to_owned();
        let keys = match (&self.oidc_jwks_url, &self.oidc_jwks_file) {
            (_, Some(path)) => KeySource::File(path.clone()),
            (Some(url), None) => KeySource::Url(url.trim().to_owned()),
            (None, None) => KeySource::Discovery,
        };
        Some(OidcSettings {
            issuer,
            audiences: self
                .oidc_audiences
                .iter()
                .map(|audience| audience.trim().to_owned())
                .filter(|audience| !audience.is_empty())
                .collect(),
            keys,
            required_scope: self
                .oidc_scope
                .clone()
                .filter(|scope| !scope.trim().is_empty()),
            user_claim: self.oidc_user_claim.trim().to_owned(),
            require_mfa: self.oidc_require_mfa,
        })
    }
}

/// `/`, or an absolute path without a final slash, query or fragment.
fn parse_spa_path(text: &str) -> Result<String, String> {
    let path = text.trim().trim_end_matches('/');
    let plain = |segment: &str| {
        !matches!(segment, "" | "." | "..")
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
    };
    if path.is_empty() {
        Ok("/".to_owned())
    } else if path.starts_with('/') && path[1..].split('/').all(plain) {
        Ok(path.to_owned())
    } else {
        Err("a path such as /wizard: letters, digits, -, ., _ and ~ between slashes".to_owned())
    }
}

/// The SPA to serve, checked: its `index.html` exists and its `<base href>`
/// is the path it is served under, or every asset would miss.
fn spa(args: &ServeArgs) -> Result<Option<Spa>, String> {
    let Some(dir) = &args.spa_dir else {
        return Ok(None);
    };
    let spa = Spa {
        dir: dir.clone(),
        path: args.spa_path.clone(),
    };
    let index = dir.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|_| {
        format!(
            "--spa-dir {}: no index.html there (build the SPA with `trunk build --release`)",
            dir.display()
        )
    })?;
    let expected = spa.expected_base_href();
    match base_href(&html) {
        Some(href) if href == expected => Ok(Some(spa)),
        None if spa.path == "/" => Ok(Some(spa)),
        found => Err(format!(
            "--spa-path {}: {} has {}, but served there it needs <base href=\"{expected}\"> \
             (edit that line; README: Deploying the SPA elsewhere)",
            spa.path,
            index.display(),
            found.map_or_else(
                || "no <base href>".to_owned(),
                |href| format!("<base href=\"{href}\">")
            ),
        )),
    }
}

fn parse_field(text: &str) -> Result<Field, String> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned())).map_err(|_| {
        "not a property of the create-customer request, e.g. companyProfile.companyName".to_owned()
    })
}

/// Each password check allocates argon2id's ~19 MiB working memory. glibc
/// would keep every such block in the arena of the thread that freed it once
/// its adaptive mmap threshold has grown past that size, so that a burst of
/// sign-ins on the blocking threads left the server at hundreds of MB. A fixed
/// threshold of 1 MiB maps every large block on its own and unmaps it when
/// freed: memory goes back to the system after each check.
fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; it takes the
    // allocator's own locks and is called before any large allocation.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "customer_api=info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        // Plain text in a log file, colours on a terminal.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("customer-api: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Migrate(args) => {
            open_database(&args.database_url).await?;
            println!("database {} is up to date", args.database_url);
            Ok(())
        }
        Command::Serve(args) => serve(*args).await,
        Command::User(UserCommand::Add(args)) => add_user(args).await,
        Command::User(UserCommand::Remove(args)) => remove_user(args).await,
        Command::User(UserCommand::Disable(args)) => disable_user(args, true).await,
        Command::User(UserCommand::Enable(args)) => disable_user(args, false).await,
    }
}

async fn add_user(args: UserAddArgs) -> Result<(), String> {
    let db = open_database(&args.database.database_url).await?;
    let (password, generated) = if args.no_password {
        (None, false)
    } else if args.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|error| format!("cannot read the password: {error}"))?;
        let password = line.trim_end_matches(['\r', '\n']).to_owned();
        if password.chars().count() < 12 {
            return Err("the password must have at least 12 characters".to_owned());
        }
        (Some(password), false)
    } else {
        (Some(auth::random_text(16)), true)
    };
    auth::upsert_user(&db, args.user_name.trim(), password.as_deref(), args.role)
        .await
        .map_err(|error| format!("cannot save the user: {error:?}"))?;
    println!("user {} ({})", args.user_name.trim(), args.role.as_str());
    if let Some(password) = password.filter(|_| generated) {
        println!("password: {password}");
    }
    Ok(())
}

async fn disable_user(args: UserNameArgs, disabled: bool) -> Result<(), String> {
    let db = open_database(&args.database.database_url).await?;
    let user_name = args.user_name.trim();
    let done = if disabled { "disabled" } else { "enabled" };
    match auth::set_disabled(&db, user_name, disabled).await {
        Ok(true) => {
            println!("user {user_name} {done}");
            Ok(())
        }
        Ok(false) => Err(format!("no user {user_name}")),
        Err(error) => Err(format!("cannot change the user: {error:?}")),
    }
}

async fn remove_user(args: UserNameArgs) -> Result<(), String> {
    let db = open_database(&args.database.database_url).await?;
    let user_name = args.user_name.trim();
    match auth::remove_user(&db, user_name).await {
        Ok(true) => {
            println!("user {user_name} removed");
            Ok(())
        }
        Ok(false) => Err(format!("no user {user_name}")),
        Err(error) => Err(format!("cannot remove the user: {error:?}")),
    }
}

async fn open_database(url: &str) -> Result<db::Db, String> {
    db::connect(url)
        .await
        .map_err(|error| format!("cannot open database {url}: {error}"))
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    if args.fail_field.is_some() && !cfg!(debug_assertions) {
        return Err("--fail-field is a test switch: only debug builds have it".to_owned());
    }
    let spa = spa(&args)?;
    if args.demo && !args.bind.ip().is_loopback() {
        return Err(format!(
            "--demo prints its passwords and serves them to anyone: it binds only to loopback, not {}",
            args.bind
        ));
    }
    let cors_origins = args
        .cors_origins
        .iter()
        .map(|origin| {
            HeaderValue::from_str(origin.trim().trim_end_matches('/'))
                .map_err(|_| format!("--cors-origin {origin}: not a valid origin"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let catalogue = args.catalogue.as_deref().map(read_catalogue).transpose()?;
    let dialect = match args.dialect {
        DialectKind::Reference => Dialect::Reference,
        DialectKind::PartnerCenter => Dialect::PartnerCenter,
    };
    let oidc = match args.oidc.settings() {
        Some(settings) => Some(Arc::new(
            Verifier::start(settings)
                .await
                .map_err(|error| format!("--oidc-issuer: {error}"))?,
        )),
        None if dialect == Dialect::PartnerCenter => {
            return Err(
                "--dialect partner-center accepts only identity-provider tokens: give --oidc-issuer"
                    .to_owned(),
            );
        }
        None => None,
    };
    let db = open_database(&args.database.database_url).await?;
    // The demo partner is an indirect provider unless a type is given.
    let partner_type = match (args.partner_type, args.demo) {
        (Some(PartnerKind::DirectBill), _) | (None, false) => PartnerType::DirectBill,
        (Some(PartnerKind::IndirectProvider), _) | (None, true) => PartnerType::IndirectProvider,
    };
    let mut settings = Settings {
        partner: PartnerProfile {
            tenant_id: args.partner_tenant_id.clone(),
            name: args.partner_name.clone(),
            partner_type,
            domains: args.partner_domains.clone(),
        },
        token_lifetime: Duration::from_secs(args.token_minutes * 60),
        cors_origins,
        catalogue,
        dialect,
        cloud: args.cloud,
        oidc,
        rates: args.limits.rates(),
        seal: SealKey::load_or_create(&key_file(&args))
            .map_err(|error| format!("--key-file {error}"))?,
        fail_field: Arc::new(Mutex::new(args.fail_field)),
        ..Settings::default()
    };
    if args.demo {
        settings.partner = PartnerProfile {
            partner_type,
            ..demo::partner()
        };
        settings.demo = Some(
            demo::seed(&db)
                .await
                .map_err(|error| format!("cannot seed the demo data: {error:?}"))?,
        );
    }
    let listener = TcpListener::bind(args.bind)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", args.bind))?;
    let address = listener
        .local_addr()
        .map_err(|error| format!("cannot read the bound address: {error}"))?;
    // The first line on stdout is the address: scripts and tests read it.
    println!("listening on http://{address}");
    if let Some(demo) = &settings.demo {
        println!(
            "demo mode: {} ({:?}); sign in as",
            settings.partner.name, settings.partner.partner_type
        );
        for account in &demo.accounts {
            println!("  {:<22} password {}", account.user_name, account.password);
        }
    }
    let state = AppState::new(db, settings);
    customer_api::spawn_housekeeping(&state);
    let router = app(state, spa.as_ref());
    listen::serve(
        listener,
        router,
        args.limits.connections(),
        shutdown_signal(),
    )
    .await;
    Ok(())
}

/// `--key-file`, or its default for the database.
fn key_file(args: &ServeArgs) -> PathBuf {
    if let Some(path) = &args.key_file {
        return path.clone();
    }
    match db::sqlite_file(&args.database.database_url) {
        Some(database) => PathBuf::from(format!("{}.key", database.display())),
        None => PathBuf::from("data/customer-api.key"),
    }
}

fn read_catalogue(path: &std::path::Path) -> Result<Arc<Catalogue>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("--catalogue {}: {error}", path.display()))?;
    Catalogue::from_json(&text)
        .map(Arc::new)
        .map_err(|error| format!("--catalogue {}: {error}", path.display()))
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {}
        _ = terminate => {}
    }
}
