//! The SQLite backend: the one file every console and the daemon share, and
//! the **only** module that imports rusqlite.
//!
//! Owns: connection setup (WAL, busy_timeout, foreign keys), the schema and its
//! migrations, and every read and write. Every write is one `BEGIN IMMEDIATE`
//! transaction, so concurrent writers queue on the busy timeout instead of
//! failing with "database is locked" half-way through. Instants are stored as
//! integer milliseconds UTC.

mod acks;
mod actions;
mod assessment;
mod audit;
mod complaints;
mod db;
mod error;
pub(crate) mod escalate;
mod figures;
mod grid_figures;
mod handovers;
mod heartbeat;
mod incidents;
mod intake;
mod merge;
mod migrate;
mod outbox;
mod patrols;
mod reference;
mod roster;
mod sets;
mod triage;
mod water;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::sys::{FileIdentity, file_identity};

pub use db::{Db, DbFile};
pub use intake::{FileIntake, IntakeTx};
pub use migrate::{LATEST_VERSION, MIGRATIONS};
pub use reference::SyncCounts;

use crate::store::{Result, StoreError};

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
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// `(device, inode)` of the file this connection opened: the file at
    /// `path` must still be this one before a write is acknowledged.
    identity: Option<FileIdentity>,
}

/// However a connection ends, it never copies the `-wal` beside its path
/// into its file once that file is no longer at the path: the frames may be
/// another file's by then (seen: a database removed and made anew by `init`
/// while the daemon ran lost its tables when the daemon stopped).
///
/// And while it is still there, a connection that ends leaves the `-wal`
/// empty if it can (a command run while a console holds the database would
/// otherwise leave its write only beside the path).
impl Drop for SqliteStore {
    fn drop(&mut self) {
        if self.verify_file().is_err() {
            self.no_checkpoint_on_close();
        } else if self.wal_in_use() {
            let _ = self.empty_wal();
        }
    }
}

pub(crate) fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn from_ms(v: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(v)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// How long a write waits for another's transaction before it gives up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The tables every gridwatch schema has had since version 1.
const OWN_TABLES: [&str; 3] = ["complaint", "audit", "intake_file"];

impl SqliteStore {
    fn connect(path: &Path, durability: Durability, create: bool) -> Result<SqliteStore> {
        // Messages name the file absolutely: a relative path means little in a log.
        let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let before = file_identity(path);
        let open_err = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotGridwatch {
                path: path.to_path_buf(),
                why: "it is not a SQLite database file (check --db or [database] path)".into(),
            },
            // Damage is a failure, not the operator's path to fix.
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::from(e).at(path),
            _ => StoreError::Open {
                path: path.to_path_buf(),
                why: error::explain_open(path, &e),
            },
        };
        // A device, a FIFO or a socket is never a database (SQLite would
        // write a journal beside /dev/null, or block on a FIFO).
        if let Ok(m) = std::fs::metadata(path) {
            if !m.is_file() && !m.is_dir() {
                return Err(StoreError::Open {
                    path: path.to_path_buf(),
                    why: "it is not a regular file (a device, a FIFO or a socket); give the database file's path".into(),
                });
            }
        }
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        // A spool file is one transaction: a 100 000-line file holds the
        // write lock for seconds. A console or command waits its turn.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
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
        let after = file_identity(path);
        // Replaced between our two looks: we cannot tell which file we hold.
        let identity = if before.is_none() || before == after {
            after
        } else {
            None
        };
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            identity,
        })
    }

    /// Refuse a file that is a SQLite database but not one of ours: a
    /// negative version, or tables of another program and no gridwatch schema.
    fn check_ours(&self, version: i64) -> Result<()> {
        let not_ours = |why: String| StoreError::NotGridwatch {
            path: self.path.clone(),
            why,
        };
        if version < 0 {
            return Err(not_ours(format!(
                "its schema version is {version}, which no gridwatch writes (damaged, or another program's file)"
            )));
        }
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let ours = OWN_TABLES.iter().all(|t| tables.iter().any(|n| n == t));
        match (version, tables.is_empty(), ours) {
            (0, true, _) | (_, _, true) => Ok(()),
            (0, false, false) => Err(not_ours(format!(
                "it holds tables of another program ({}) and no gridwatch schema; give a new file with --db",
                tables
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            (v, _, false) => Err(not_ours(format!(
                "it says schema version {v} but has no gridwatch tables"
            ))),
        }
    }

    /// Create the file if needed and bring the schema up to date (`gridwatch init`).
    pub fn init(path: &Path) -> Result<SqliteStore> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                why: format!("cannot create its directory {}: {e}", dir.display()),
            })?;
        }
        // A new file must not take up the -wal of a removed one (a process
        // may still use that file): its frames would become this file's.
        let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        if !path.exists() && std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            return Err(StoreError::Open {
                path: path.to_path_buf(),
                why: format!(
                    "{} of an earlier database file is still beside it: a daemon or console may still be using the removed file; stop them first (or, if none runs, remove the -wal and -shm)",
                    std::path::Path::new(&wal).display()
                ),
            });
        }
        let mut store = SqliteStore::connect(path, Durability::Normal, true)?;
        let found = store.schema_version()?;
        store.check_ours(found)?;
        store.migrate()?;
        Ok(store)
    }

    /// Create or open the file without touching its schema: for tools and
    /// tests that build databases of earlier versions.
    pub fn create_unmigrated(path: &Path) -> Result<SqliteStore> {
        SqliteStore::connect(path, Durability::Normal, true)
    }

    /// Open an initialised database at the current schema; refuse anything else.
    pub fn open(path: &Path, durability: Durability) -> Result<SqliteStore> {
        let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::Missing {
                    path: path.to_path_buf(),
                });
            }
            // An empty file is an empty database: say so without writing to it.
            Ok(m) if m.is_file() && m.len() == 0 => {
                return Err(StoreError::NotInitialised {
                    path: path.to_path_buf(),
                });
            }
            _ => {}
        }
        let store = SqliteStore::connect(path, durability, false)?;
        let found = store.schema_version()?;
        store.check_ours(found)?;
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

    /// Is the file at the path still the one this connection opened? A
    /// database replaced by rename (or removed) must not take writes that
    /// nobody else will ever see.
    pub fn verify_file(&self) -> Result<()> {
        match (self.identity, file_identity(&self.path)) {
            (Some(mine), Some(now)) if mine == now => Ok(()),
            _ => Err(StoreError::Replaced {
                path: self.path.clone(),
            }),
        }
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotGridwatch {
                    path: self.path.clone(),
                    why: "it is not a SQLite database file (check --db or [database] path)".into(),
                },
                _ => StoreError::from(e).at(&self.path),
            })
    }

    /// `PRAGMA data_version`: changes when another connection commits. Cheap (~µs).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Copy committed pages from the WAL into the database file itself
    /// (`PRAGMA wal_checkpoint`; `truncate` also empties the WAL when no
    /// reader holds it). An acknowledged complaint then lives in the file the
    /// connection opened, not only in the `-wal` beside the *path*, which a
    /// file renamed over the path would inherit.
    pub fn checkpoint(&self, truncate: bool) -> Result<()> {
        let sql = if truncate {
            "PRAGMA wal_checkpoint(TRUNCATE)"
        } else {
            "PRAGMA wal_checkpoint(PASSIVE)"
        };
        self.conn.query_row(sql, [], |_| Ok(()))?;
        Ok(())
    }

    /// Copy the WAL into the database file and empty it, if that can be
    /// done at once (no reader in the middle of a snapshot); `Ok(false)`
    /// when it could not, to try again later. Never waits.
    ///
    /// Whoever writes empties the WAL soon after: SQLite keeps the `-wal`
    /// beside the *path*, and a file renamed over the path (or created
    /// there after a removal, or after a crash) takes up whatever frames it
    /// holds as its own — a damaged database. An empty `-wal` makes such an
    /// operator's mistake harmless to both files.
    pub fn empty_wal(&self) -> Result<bool> {
        self.conn.busy_timeout(Duration::ZERO)?;
        let result = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            });
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        match result {
            Ok(busy) => Ok(busy == 0),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Does the `-wal` beside this database hold anything? (One `stat`.)
    pub fn wal_in_use(&self) -> bool {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0)
    }

    /// Keep this connection's page cache to `kib` (a reader of the daemon
    /// does not need the intake writer's 16 MiB).
    pub fn limit_cache(&self, kib: u32) -> Result<()> {
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = -{kib};"))?;
        Ok(())
    }

    /// Close a connection whose file is no longer at its path, without the
    /// checkpoint SQLite runs when the last connection closes: the `-wal`
    /// beside the path may hold another file's pages by now.
    pub fn abandon(self) {
        self.no_checkpoint_on_close();
    }

    fn no_checkpoint_on_close(&self) {
        let _ = self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        );
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
