//! The store: the one SQLite file every console and the daemon share, and the
//! **only** module that imports rusqlite.
//!
//! Owns: connection setup (WAL, busy_timeout, foreign keys), the schema and its
//! migrations, and every read and write. Every write is one `BEGIN IMMEDIATE`
//! transaction, so concurrent writers queue on the busy timeout instead of
//! failing with "database is locked" half-way through. Instants are stored as
//! integer milliseconds UTC.

mod actions;
mod audit;
mod complaints;
mod escalate;
mod intake;
mod migrate;
mod reference;
mod status;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use actions::{Actor, ArrivalRequest};
pub use audit::AuditEntry;
pub use complaints::{
    ArrivalRow, ComplaintRow, DispatchRow, EscalationRow, Inserted, ListFilter, NewComplaint,
    RequestFilter,
};
pub use escalate::{Candidate, OutboxItem, OutboxState, StageRecord};
pub use intake::{Begin as IntakeBegin, FileOutcome, IntakeBatch};
pub use migrate::{LATEST_VERSION, MIGRATIONS};
pub use status::{Counts, Heartbeat};

/// What can go wrong in the store, in words a duty officer can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, newer than this gridwatch understands ({supported}); upgrade gridwatch"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("database {path} is not initialised (schema version 0); run `gridwatch init`")]
    NotInitialised { path: PathBuf },
    #[error(
        "database {path} needs an upgrade from schema {found} to {latest}; run `gridwatch init`"
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        latest: i64,
    },
    #[error("migration {version} failed: {source}")]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("no complaint with id {0}")]
    NoSuchComplaint(i64),
    #[error("unknown officer '{0}'")]
    NoSuchOfficer(String),
    #[error("{0}")]
    Rule(String),
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// A constraint of the schema refused the data (the data's fault, not a passing state).
    pub fn is_constraint(&self) -> bool {
        matches!(self, StoreError::Sql(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation))
    }

    /// True when the error is the user's to fix (bad id, illegal move), not ours.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::TooNew { .. }
                | StoreError::NotInitialised { .. }
                | StoreError::NeedsUpgrade { .. }
                | StoreError::NoSuchComplaint(_)
                | StoreError::NoSuchOfficer(_)
                | StoreError::Rule(_)
                | StoreError::Open { .. }
        )
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How durable commits must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=NORMAL`: survives a process crash (WAL), may lose the last
    /// commits on power loss. Consoles.
    Normal,
    /// `synchronous=FULL`: intake, where a commit is a promise to a sender.
    Full,
}

/// One connection to the database file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn from_ms(v: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(v)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

impl Store {
    fn connect(path: &Path, durability: Durability, create: bool) -> Result<Store> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(open_err)?;
        // journal_mode answers with a row; the others are silent.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(open_err)?;
        // Intake writes big transactions: a larger page cache keeps them from
        // spilling and re-reading pages (measured: about 2x on a 100k-line file).
        let (sync, cache_kib) = match durability {
            Durability::Normal => ("NORMAL", 16 * 1024),
            Durability::Full => ("FULL", 16 * 1024),
        };
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = {sync}; PRAGMA cache_size = -{cache_kib};"
        ))
        .map_err(open_err)?;
        // The bundled SQLite has STAT4, which re-prepares a cached statement
        // whenever a range parameter is rebound; plans here do not depend on
        // the values, so keep them stable (measured: ~20% of intake time).
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(open_err)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Create the file if needed and bring the schema up to date (`gridwatch init`).
    pub fn init(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                source: rusqlite::Error::ToSqlConversionFailure(Box::new(e)),
            })?;
        }
        let mut store = Store::connect(path, Durability::Normal, true)?;
        store.migrate()?;
        Ok(store)
    }

    /// Create or open the file without touching its schema: for tools and
    /// tests that build databases of earlier versions.
    pub fn create_unmigrated(path: &Path) -> Result<Store> {
        Store::connect(path, Durability::Normal, true)
    }

    /// Open an initialised database at the current schema; refuse anything else.
    pub fn open(path: &Path, durability: Durability) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::NotInitialised {
                path: path.to_path_buf(),
            });
        }
        let store = Store::connect(path, durability, false)?;
        let found = store.schema_version()?;
        match found {
            0 => Err(StoreError::NotInitialised {
                path: path.to_path_buf(),
            }),
            v if v > LATEST_VERSION => Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: v,
                supported: LATEST_VERSION,
            }),
            v if v < LATEST_VERSION => Err(StoreError::NeedsUpgrade {
                path: path.to_path_buf(),
                found: v,
                latest: LATEST_VERSION,
            }),
            _ => Ok(store),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA data_version`: changes when another connection commits. Cheap (~µs).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check` → "ok" or the problems.
    pub fn integrity_check(&self) -> Result<String> {
        let rows: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.join("; "))
    }

    /// Begin the one write transaction of an operation.
    fn write(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}
