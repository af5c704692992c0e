//! [`Db`]: a connection that belongs to one database *file*, and refuses
//! to follow the path to another.

use std::path::{Path, PathBuf};

use super::{Durability, SqliteStore};
use crate::store::{Result, StoreError};
use crate::sys::{FileIdentity, file_identity};

/// A connection held to one database *file*: before each use it checks
/// that the file at its path is still the one it first opened.
///
/// When the path names another file (renamed over it, or removed), it stops:
/// every use is [`StoreError::Replaced`] until the original is back at the
/// path. It never switches to the other file by itself — SQLite keeps its
/// `-wal` and `-shm` beside the *path*, shared by whatever file is there, so
/// writing the new file while connections to the old one live would let one
/// file's pages be checkpointed into the other (seen: a swap that destroyed
/// the original). A restart takes up the file then at the path.
/// One database *file*: its path and which file it was when first opened.
/// Every connection a process makes from it ([`DbFile::connect`]) belongs
/// to that file, whenever it is first used — a connection first opened
/// while another file is at the path waits for the original instead of
/// taking up the other (seen: a daemon's reader, first used during a swap,
/// served the other file's complaints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbFile {
    path: PathBuf,
    identity: Option<FileIdentity>,
}

impl DbFile {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A connection handle that belongs to this file.
    pub fn connect(&self, durability: Durability) -> Db {
        Db {
            first: self.identity,
            ..Db::new(&self.path, durability)
        }
    }
}

impl SqliteStore {
    /// The file this connection opened, for more connections to the same file.
    pub fn file(&self) -> DbFile {
        DbFile {
            path: self.path.clone(),
            identity: self.identity,
        }
    }
}

#[derive(Debug)]
pub struct Db {
    path: PathBuf,
    durability: Durability,
    /// Page cache of each connection opened, if not the default.
    cache_kib: Option<u32>,
    store: Option<SqliteStore>,
    /// The file this handle belongs to, once it has opened it.
    first: Option<FileIdentity>,
}

impl Db {
    pub fn new(path: &Path, durability: Durability) -> Db {
        Db {
            path: path.to_path_buf(),
            durability,
            cache_kib: None,
            store: None,
            first: None,
        }
    }

    /// Connections with a page cache of `kib`.
    pub fn with_cache(mut self, kib: u32) -> Db {
        self.cache_kib = Some(kib);
        self
    }

    /// Start from an open connection.
    pub fn from_store(store: SqliteStore, durability: Durability) -> Db {
        Db {
            path: store.path.clone(),
            durability,
            cache_kib: None,
            first: store.identity,
            store: Some(store),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, checked; `fresh` is true when it was (re)opened just
    /// now (the first time, or the original file came back to the path).
    pub fn get(&mut self) -> Result<(&mut SqliteStore, bool)> {
        let usable = self.store.as_ref().is_some_and(|s| s.verify_file().is_ok());
        let mut fresh = false;
        if !usable {
            if let Some(old) = self.store.take() {
                // No checkpoint: by now the -wal beside the path may hold the
                // new file's pages (another process wrote it), and copying
                // them into the old file destroyed it (seen). What we wrote
                // is in the old file already: the WAL is emptied after every
                // write (`SqliteStore::empty_wal`).
                old.abandon();
            }
            let at_path = file_identity(&self.path);
            if self.first.is_some() && at_path != self.first {
                return Err(StoreError::Replaced {
                    path: self.path.clone(),
                });
            }
            let store = SqliteStore::open(&self.path, self.durability)?;
            if self.first.is_some() && store.identity != self.first {
                store.abandon();
                return Err(StoreError::Replaced {
                    path: self.path.clone(),
                });
            }
            if let Some(kib) = self.cache_kib {
                store.limit_cache(kib)?;
            }
            self.first = store.identity;
            self.store = Some(store);
            fresh = true;
        }
        match self.store.as_mut() {
            Some(s) => Ok((s, fresh)),
            None => Err(StoreError::Replaced {
                path: self.path.clone(),
            }),
        }
    }
}
