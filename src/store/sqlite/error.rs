//! SQLite's errors in the store's terms: what kind of failure, and words
//! that say what to check. SQLite's own messages ("unable to open database
//! file") never reach a duty officer bare.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::store::{SqlKind, StoreError};
use crate::sys::access;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sql {
            path: None,
            kind: kind(&e),
            message: describe(&e),
        }
    }
}

fn kind(e: &rusqlite::Error) -> SqlKind {
    match e.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => SqlKind::Constraint,
        Some(ErrorCode::ReadOnly) => SqlKind::ReadOnly,
        Some(ErrorCode::PermissionDenied | ErrorCode::AuthorizationForStatementDenied) => {
            SqlKind::Permission
        }
        Some(ErrorCode::CannotOpen) => SqlKind::CannotOpen,
        Some(ErrorCode::NotADatabase) => SqlKind::NotADatabase,
        Some(ErrorCode::DatabaseCorrupt) => SqlKind::Corrupt,
        Some(ErrorCode::SystemIoFailure) => SqlKind::Io,
        Some(ErrorCode::DiskFull) => SqlKind::Full,
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => SqlKind::Busy,
        _ => SqlKind::Other,
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
pub(super) fn explain_open(path: &Path, e: &rusqlite::Error) -> String {
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
