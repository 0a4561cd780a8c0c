//! The database: a SQLite file by default, PostgreSQL when the URL says so —
//! one code path through sqlx's `Any` driver. SQL uses `$1, $2…` placeholders
//! (both backends read them), `lower(…)` for case-insensitive comparisons, and
//! only TEXT and BIGINT columns, the types `Any` carries on both.

use std::sync::Once;

use customer_model::validation::Date;
use serde::Serialize;
use serde::de::DeserializeOwned;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, Executor, Transaction};

use crate::error::{ApiError, ApiResult};

pub type Db = AnyPool;

static SQLITE: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

#[derive(Debug)]
pub enum OpenError {
    UnsupportedUrl,
    Directory(std::io::Error),
    Database(sqlx::Error),
    Migration(sqlx::migrate::MigrateError),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnsupportedUrl => f.write_str("the URL must start with sqlite: or postgres:"),
            Self::Directory(error) => write!(f, "cannot create its file or directory: {error}"),
            Self::Database(error) => write!(f, "{error}"),
            Self::Migration(error) => write!(f, "migration failed: {error}"),
        }
    }
}

/// The file of a SQLite URL; `None` for another database or `:memory:`.
pub fn sqlite_file(url: &str) -> Option<&std::path::Path> {
    let location = url.split('?').next().unwrap_or_default();
    let path = location.strip_prefix("sqlite:")?.trim_start_matches("//");
    (!path.contains(":memory:")).then(|| std::path::Path::new(path))
}

/// A SQLite URL that creates its file (and directory) when missing.
fn prepare_sqlite(url: &str) -> Result<String, OpenError> {
    let (location, query) = url.split_once('?').unwrap_or((url, ""));
    if let Some(path) = sqlite_file(url) {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(OpenError::Directory)?;
        }
        create_private(path).map_err(OpenError::Directory)?;
    }
    Ok(if query.split('&').any(|pair| pair.starts_with("mode=")) {
        url.to_owned()
    } else if query.is_empty() {
        format!("{location}?mode=rwc")
    } else {
        format!("{url}&mode=rwc")
    })
}

/// Creates `path` readable and writable by this user only (0600), unless it
/// exists. SQLite gives its `-wal` and `-shm` files the same mode.
pub fn create_private(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

/// Opens and migrates the database at `url`.
pub async fn connect(url: &str) -> Result<Db, OpenError> {
    static DRIVERS: Once = Once::new();
    DRIVERS.call_once(sqlx::any::install_default_drivers);

    let backend = Backend::of(url).ok_or(OpenError::UnsupportedUrl)?;
    let url = match backend {
        Backend::Sqlite => prepare_sqlite(url)?,
        Backend::Postgres => url.to_owned(),
    };
    let options: AnyConnectOptions = url.parse().map_err(OpenError::Database)?;
    let pool = AnyPoolOptions::new()
        .max_connections(match backend {
            // SQLite writes one at a time anyway; WAL lets readers go on meanwhile.
            Backend::Sqlite => 4,
            Backend::Postgres => 16,
        })
        .after_connect(move |connection, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    connection.execute("PRAGMA journal_mode = WAL").await?;
                    connection.execute("PRAGMA foreign_keys = ON").await?;
                    connection.execute("PRAGMA busy_timeout = 10000").await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await
        .map_err(OpenError::Database)?;
    let migrator = match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    };
    migrator.run(&pool).await.map_err(OpenError::Migration)?;
    Ok(pool)
}

/// A transaction that will write. SQLite's plain BEGIN takes the write lock
/// only at the first write, and when another writer committed meanwhile that
/// upgrade fails at once with SQLITE_BUSY, whatever the busy timeout: under
/// concurrent creates that was a 500. BEGIN IMMEDIATE takes the lock first,
/// waiting for it up to the busy timeout.
pub async fn begin_write(db: &Db) -> sqlx::Result<Transaction<'static, Any>> {
    match Backend::of(db.connect_options().database_url.as_str()) {
        Some(Backend::Sqlite) => db.begin_with("BEGIN IMMEDIATE").await,
        _ => db.begin().await,
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() as i64)
}

/// An ISO 8601 UTC timestamp of `now()`, as the API writes dates.
pub fn timestamp() -> String {
    timestamp_of(now())
}

/// The UTC date `offset_days` from today (0: today).
pub fn utc_date(offset_days: i64) -> Date {
    Date::from_days_since_epoch(now().div_euclid(86_400) + offset_days)
}

/// A resource as stored in a `resource` column.
pub fn to_resource<T: Serialize>(value: &T) -> ApiResult<String> {
    serde_json::to_string(value)
        .map_err(|error| ApiError::Internal(format!("resource not serializable: {error}")))
}

/// A resource read back from a `resource` column.
pub fn from_resource<T: DeserializeOwned>(stored: &str) -> ApiResult<T> {
    serde_json::from_str(stored)
        .map_err(|error| ApiError::Internal(format!("stored resource unreadable: {error}")))
}

/// An ISO 8601 UTC timestamp of `seconds` since the Unix epoch.
pub fn timestamp_of(seconds: i64) -> String {
    let date = Date::from_days_since_epoch(seconds.div_euclid(86_400));
    let of_day = seconds.rem_euclid(86_400);
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_create_their_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}/nested/api.db", dir.path().display());
        assert_eq!(
            prepare_sqlite(&url).expect("prepared"),
            format!("{url}?mode=rwc")
        );
        assert!(dir.path().join("nested").is_dir());
        assert_eq!(
            prepare_sqlite("sqlite://x.db?mode=ro").expect("kept"),
            "sqlite://x.db?mode=ro"
        );
        assert_eq!(
            prepare_sqlite("sqlite:x.db?cache=shared").expect("added"),
            "sqlite:x.db?cache=shared&mode=rwc"
        );
    }

    #[test]
    fn backends_are_told_by_the_scheme() {
        assert_eq!(Backend::of("sqlite://data/a.db"), Some(Backend::Sqlite));
        assert_eq!(Backend::of("postgres://u@h/db"), Some(Backend::Postgres));
        assert_eq!(Backend::of("postgresql://u@h/db"), Some(Backend::Postgres));
        assert_eq!(Backend::of("mysql://u@h/db"), None);
    }

    #[test]
    fn timestamps_are_iso_utc() {
        let stamp = timestamp();
        assert_eq!(stamp.len(), 20, "{stamp}");
        assert!(
            stamp.ends_with('Z') && stamp.as_bytes()[10] == b'T',
            "{stamp}"
        );
    }
}
