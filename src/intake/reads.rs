//! Reads of the Open311 endpoint (`GET requests`, `/health`) on a small pool
//! of connections, each on the blocking pool, at most `size` at a time: a
//! thousand clients wait their turn asynchronously instead of each holding a
//! thread. Each connection follows its path (see [`Db`]).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tokio::sync::Semaphore;

use crate::store::{Db, Durability, SqliteStore, StoreError};

/// Page cache of a reader: lists are read once, not browsed.
const READER_CACHE_KIB: u32 = 2048;

pub struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<Db>>,
    permits: Semaphore,
}

impl ReadPool {
    pub fn new(path: &Path, size: usize) -> ReadPool {
        ReadPool {
            path: path.to_path_buf(),
            idle: Mutex::new(Vec::new()),
            permits: Semaphore::new(size.max(1)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
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
                Db::new(&self.path, Durability::Normal).with_cache(READER_CACHE_KIB)
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
        result.map_err(|e| e.at(&self.path))
    }
}
