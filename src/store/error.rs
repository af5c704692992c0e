//! What can go wrong in the store, and whose it is to fix.
//!
//! Owns: the one classification every front end uses — an error the operator
//! can fix (a wrong path, permissions, a read-only file, a file that is not a
//! gridwatch database, a newer schema, bad input) versus a failure part-way
//! through an operation (an I/O or fsync error, a full disk, damage) — and
//! the words for each, naming the file and the cause. SQLite's own messages
//! ("unable to open database file") never reach a duty officer bare.

use std::path::{Path, PathBuf};

use crate::domain::arrival::ArrivalTimeError;
use crate::domain::complaint::{Status, TransitionError};
use crate::domain::incident::IncidentError;
use crate::domain::triage::TriageError;

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
    #[error("unknown grid '{0}' (see `gridwatch oncall` for the grids)")]
    NoSuchGrid(String),
    /// A triage rule refused the change (its grid, a rejection's words).
    #[error("complaint {id}: {source}")]
    Triage { id: i64, source: TriageError },
    #[error("no escalation with id {0}")]
    NoSuchEscalation(i64),
    /// The status machine refused the change.
    #[error("complaint {id}: {source}")]
    Transition { id: i64, source: TransitionError },
    /// The arrival time given cannot be right.
    #[error("complaint {id}: {source}")]
    ArrivalTime { id: i64, source: ArrivalTimeError },
    /// Only an open complaint can be escalated.
    #[error("complaint {id}: cannot escalate: complaint is {status}")]
    NotOpen { id: i64, status: Status },
    /// A statement failed; `path` is the database it ran against, once known
    /// (see [`StoreError::at`]). `message` already says what to check.
    #[error("{}{message}", prefix(path.as_deref()))]
    Sql {
        path: Option<PathBuf>,
        kind: SqlKind,
        message: String,
    },
    /// The store's own machinery failed (a poisoned lock, a closed pool, a
    /// read task that died): a bug or a crash, never the caller's input.
    #[error("{0}")]
    Internal(String),
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// An incident rule refused the change (#10).
    #[error(transparent)]
    Incident(#[from] IncidentError),
    /// The merge rule refused (#11): the words name the complaint to use.
    #[error("cannot merge: {0}")]
    Merge(#[from] crate::domain::merge::MergeError),
}

/// What kind of failure a statement met, whatever the backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqlKind {
    /// A constraint of the schema refused the data.
    Constraint,
    /// The file or the database cannot be written.
    ReadOnly,
    /// Not allowed (permissions, authorisation).
    Permission,
    /// The database cannot be opened where it was looked for.
    CannotOpen,
    /// The file is not a database.
    NotADatabase,
    /// The database is damaged.
    Corrupt,
    /// A disk or file-system error.
    Io,
    /// The disk is full.
    Full,
    /// Another connection held the lock too long.
    Busy,
    /// Anything else (a bug, a misuse).
    Other,
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
            StoreError::Sql {
                path: None,
                kind,
                message,
            } => StoreError::Sql {
                path: Some(db.to_path_buf()),
                kind,
                message,
            },
            other => other,
        }
    }

    /// A constraint of the schema refused the data (the data's fault, not a passing state).
    pub fn is_constraint(&self) -> bool {
        matches!(
            self,
            StoreError::Sql {
                kind: SqlKind::Constraint,
                ..
            }
        )
    }

    pub fn blame(&self) -> Blame {
        match self {
            StoreError::NoSuchComplaint(_)
            | StoreError::NoSuchOfficer(_)
            | StoreError::NoSuchGrid(_)
            | StoreError::Triage { .. }
            | StoreError::NoSuchEscalation(_)
            | StoreError::Transition { .. }
            | StoreError::ArrivalTime { .. }
            | StoreError::NotOpen { .. }
            | StoreError::Incident(_)
            | StoreError::Merge(_) => Blame::Input,
            StoreError::Open { .. }
            | StoreError::NotGridwatch { .. }
            | StoreError::TooNew { .. }
            | StoreError::NotInitialised { .. }
            | StoreError::Missing { .. }
            | StoreError::NeedsUpgrade { .. }
            | StoreError::Replaced { .. } => Blame::Setup,
            StoreError::Migration { .. } | StoreError::Corrupt(_) | StoreError::Internal(_) => {
                Blame::Failure
            }
            StoreError::Sql { kind, .. } => match kind {
                SqlKind::Constraint => Blame::Input,
                SqlKind::ReadOnly
                | SqlKind::Permission
                | SqlKind::CannotOpen
                | SqlKind::NotADatabase => Blame::Setup,
                SqlKind::Corrupt | SqlKind::Io | SqlKind::Full | SqlKind::Busy | SqlKind::Other => {
                    Blame::Failure
                }
            },
        }
    }

    /// True when the error is the user's or the operator's to fix, not a failure of ours.
    pub fn is_user_error(&self) -> bool {
        self.blame() != Blame::Failure
    }

    /// The file's content is damaged (the backend says corrupt, or not a database).
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            StoreError::Sql {
                kind: SqlKind::Corrupt | SqlKind::NotADatabase,
                ..
            } | StoreError::Corrupt(_)
        )
    }

    /// The database cannot be written or read as it stands (the daemon stops acknowledging).
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Sql { kind, .. } => *kind != SqlKind::Constraint,
            _ => self.blame() != Blame::Input,
        }
    }
}

fn prefix(path: Option<&Path>) -> String {
    match path {
        Some(p) => format!("database {}: ", p.display()),
        None => "database error: ".into(),
    }
}
