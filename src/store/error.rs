//! What can go wrong in the store, and whose it is to fix.
//!
//! Owns: the one classification every front end uses — an error the operator
//! can fix (a wrong path, permissions, a read-only file, a file that is not a
//! gridwatch database, a newer schema, bad input) versus a failure part-way
//! through an operation (an I/O or fsync error, a full disk, damage) — and
//! the words for each, naming the file and the cause. SQLite's own messages
//! ("unable to open database file") never reach a duty officer bare.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::sys::access;

/// A store failure, typed by what failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened as a database; `why` says what to do.
    #[error("cannot open database {}: {why}", path.display())]
    Open { path: PathBuf, why: String },
    /// The file opens, but it is not (or no longer) a gridwatch database.
    #[error("{} is not a gridwatch database: {why}", path.display())]
    NotGridwatch { path: PathBuf, why: String },
    #[error(
        "database {} has schema version {found}, newer than this gridwatch understands ({supported}); upgrade gridwatch",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("database {} is not initialised (schema version 0); run `gridwatch init`", path.display())]
    NotInitialised { path: PathBuf },
    #[error(
        "no database at {}: `gridwatch init` creates one there; if the daemon uses another, run from its working directory or give it with --db (GRIDWATCH_DB)",
        path.display()
    )]
    Missing { path: PathBuf },
    #[error(
        "database {} needs an upgrade from schema {found} to {latest}; run `gridwatch init`",
        path.display()
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        latest: i64,
    },
    /// The file at the path is no longer the one this connection writes to.
    #[error(
        "database {} was replaced or removed while in use: nothing is written until the original file is back at that path, or the process is restarted to use the file there now",
        path.display()
    )]
    Replaced { path: PathBuf },
    /// A migration failed; only SQLite's one-line message is kept (never the SQL).
    #[error("upgrading the schema to version {version} failed: {message}")]
    Migration { version: i64, message: String },
    #[error("no complaint with id {0}")]
    NoSuchComplaint(i64),
    #[error("unknown officer '{0}'")]
    NoSuchOfficer(String),
    #[error("{0}")]
    Rule(String),
    /// A statement failed; `path` is the database it ran against, once known
    /// (see [`StoreError::at`]).
    #[error("{}{}", prefix(path.as_deref()), describe(source))]
    Sql {
        path: Option<PathBuf>,
        source: rusqlite::Error,
    },
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> Self {
        StoreError::Sql { path: None, source }
    }
}

/// Whose a failure is: it decides the exit code (1 and 2) and the HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blame {
    /// The request or the data was refused by a rule or a constraint.
    Input,
    /// The operator can fix it: path, permission, read-only, wrong file, schema.
    Setup,
    /// It broke part-way (I/O, full disk, damage, a timeout) or it is a bug.
    Failure,
}

impl StoreError {
    /// Name the database file in an error that does not name it yet.
    pub fn at(self, db: &Path) -> Self {
        match self {
            StoreError::Sql { path: None, source } => StoreError::Sql {
                path: Some(db.to_path_buf()),
                source,
            },
            other => other,
        }
    }

    /// A constraint of the schema refused the data (the data's fault, not a passing state).
    pub fn is_constraint(&self) -> bool {
        matches!(self, StoreError::Sql { source, .. } if source.sqlite_error_code() == Some(ErrorCode::ConstraintViolation))
    }

    pub fn blame(&self) -> Blame {
        match self {
            StoreError::NoSuchComplaint(_) | StoreError::NoSuchOfficer(_) | StoreError::Rule(_) => {
                Blame::Input
            }
            StoreError::Open { .. }
            | StoreError::NotGridwatch { .. }
            | StoreError::TooNew { .. }
            | StoreError::NotInitialised { .. }
            | StoreError::Missing { .. }
            | StoreError::NeedsUpgrade { .. }
            | StoreError::Replaced { .. } => Blame::Setup,
            StoreError::Migration { .. } | StoreError::Corrupt(_) => Blame::Failure,
            StoreError::Sql { source, .. } => match source.sqlite_error_code() {
                Some(ErrorCode::ConstraintViolation) => Blame::Input,
                Some(
                    ErrorCode::ReadOnly
                    | ErrorCode::PermissionDenied
                    | ErrorCode::AuthorizationForStatementDenied
                    | ErrorCode::CannotOpen
                    | ErrorCode::NotADatabase,
                ) => Blame::Setup,
                _ => Blame::Failure,
            },
        }
    }

    /// True when the error is the user's or the operator's to fix, not a failure of ours.
    pub fn is_user_error(&self) -> bool {
        self.blame() != Blame::Failure
    }

    /// The file's content is damaged (SQLite says corrupt, or not a database).
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Sql { source, .. } if matches!(
            source.sqlite_error_code(),
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
        )) || matches!(self, StoreError::Corrupt(_))
    }

    /// The database cannot be written or read as it stands (the daemon stops acknowledging).
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Sql { source, .. } => !matches!(
                source.sqlite_error_code(),
                Some(ErrorCode::ConstraintViolation)
            ),
            StoreError::Rule(_) | StoreError::NoSuchComplaint(_) | StoreError::NoSuchOfficer(_) => {
                false
            }
            _ => true,
        }
    }
}

fn prefix(path: Option<&Path>) -> String {
    match path {
        Some(p) => format!("database {}: ", p.display()),
        None => "database error: ".into(),
    }
}

/// SQLite's error in words that say what to check.
fn describe(e: &rusqlite::Error) -> String {
    let plain = match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    };
    match e.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => format!(
            "the file cannot be written ({plain}): check the permissions of the file and its directory, an immutable flag (lsattr), or a read-only mount"
        ),
        Some(ErrorCode::SystemIoFailure) => format!(
            "{plain}: check the disk, free space, the file system, an immutable flag (lsattr) or a read-only mount"
        ),
        Some(ErrorCode::DiskFull) => format!("the disk is full ({plain})"),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            format!("another process held the database too long ({plain}); try again")
        }
        Some(ErrorCode::NotADatabase) => format!("not a SQLite database ({plain})"),
        _ => plain,
    }
}

/// Why `path` could not be opened, in words: what is missing or not allowed.
pub(crate) fn explain_open(path: &Path, e: &rusqlite::Error) -> String {
    let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path.is_dir() {
        return "it is a directory; give the database file's path".into();
    }
    if !dir.is_dir() {
        return format!("its directory {} does not exist", dir.display());
    }
    if access(&dir, libc::W_OK | libc::X_OK).is_err() {
        return format!(
            "the directory {} is not writable for this user; SQLite (WAL mode) must create {name}-wal and {name}-shm beside the database",
            dir.display()
        );
    }
    if path.exists() {
        if access(path, libc::R_OK).is_err() {
            return "the file is not readable for this user".into();
        }
        if access(path, libc::W_OK).is_err() {
            return "the file is not writable for this user (or is immutable, or on a read-only mount)".into();
        }
    }
    describe(e)
}
