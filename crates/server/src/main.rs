use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use customer_api::{AppState, app, db};
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
    Serve(ServeArgs),
    /// Create or upgrade the database schema, then exit.
    Migrate(DatabaseArgs),
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
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "customer_api=info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
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
        Command::Serve(args) => serve(args).await,
    }
}

async fn open_database(url: &str) -> Result<db::Db, String> {
    db::connect(url)
        .await
        .map_err(|error| format!("cannot open database {url}: {error}"))
}

async fn serve(args: ServeArgs) -> Result<(), String> {
    if let Some(dir) = &args.spa_dir
        && !dir.join("index.html").is_file()
    {
        return Err(format!(
            "--spa-dir {}: no index.html there (build the SPA with `trunk build --release`)",
            dir.display()
        ));
    }
    let db = open_database(&args.database.database_url).await?;
    let listener = TcpListener::bind(args.bind)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", args.bind))?;
    let address = listener
        .local_addr()
        .map_err(|error| format!("cannot read the bound address: {error}"))?;
    // The first line on stdout is the address: scripts and tests read it.
    println!("listening on http://{address}");
    let router = app(AppState { db }, args.spa_dir.as_deref());
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|error| format!("server error: {error}"))
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
