//! Reads of the Open311 endpoint (`GET requests`, `/health`) on a small pool
//! of connections, each on the blocking pool, at most `size` at a time: a
//! thousand clients wait their turn asynchronously instead of each holding a
//! thread. Each connection belongs to the daemon's database file (see
//! [`DbFile`]), however late it is first opened.

use std::path::Path;
use std::sync::Mutex;

use tokio::sync::Semaphore;

use crate::store::{Db, DbFile, Durability, SqliteStore, StoreError};

/// Page cache of a reader: lists are read once, not browsed.
const READER_CACHE_KIB: u32 = 2048;

pub struct ReadPool {
    file: DbFile,
    idle: Mutex<Vec<Db>>,
    permits: Semaphore,
}

impl ReadPool {
    pub fn new(file: &DbFile, size: usize) -> ReadPool {
        ReadPool {
            file: file.clone(),
            idle: Mutex::new(Vec::new()),
            permits: Semaphore::new(size.max(1)),
        }
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Run `f` with a checked connection on the blocking pool.
    pub async fn run<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut SqliteStore) -> Result<R, StoreError> + Send + 'static,
    ) -> Result<R, StoreError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| StoreError::Internal("the read pool is closed".into()))?;
        let mut db = self
            .idle
            .lock()
            .ok()
            .and_then(|mut v| v.pop())
            .unwrap_or_else(|| {
                self.file
                    .connect(Durability::Normal)
                    .with_cache(READER_CACHE_KIB)
            });
        let (db, result) = tokio::task::spawn_blocking(move || {
            let r = db.get().and_then(|(s, _)| f(s));
            (db, r)
        })
        .await
        .map_err(|e| StoreError::Internal(format!("a read task failed: {e}")))?;
        if let Ok(mut v) = self.idle.lock() {
            v.push(db);
        }
        result.map_err(|e| e.at(self.file.path()))
    }
}
