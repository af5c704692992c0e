//! Why the daemon could not start, or had to stop — typed by whose it is
//! to fix: the operator's (exit 1: a path, a permission, another daemon on
//! the spool, the database's state) or ours (exit 2: a failure part-way,
//! a crashed writer).

use std::path::PathBuf;

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The spool directory cannot be made or used.
    #[error("spool {}: {source}", path.display())]
    Spool {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The spool's lock: another daemon holds it, or it cannot be taken.
    #[error("{0}")]
    Lock(String),
    /// The intake writer stopped with this reason (e.g. its lock was taken).
    #[error("{0}")]
    Writer(String),
    /// The intake writer crashed or could not be joined: a bug.
    #[error("{0}")]
    Crashed(String),
}

impl DaemonError {
    /// True when the operator can fix it (exit 1).
    pub fn is_user_error(&self) -> bool {
        match self {
            DaemonError::Store(e) => e.is_user_error(),
            DaemonError::Spool { .. } | DaemonError::Lock(_) | DaemonError::Writer(_) => true,
            DaemonError::Crashed(_) => false,
        }
    }
}
