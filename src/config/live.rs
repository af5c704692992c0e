//! Configuration that changes while the program runs (#11): `roster.toml`
//! and `enterprises.toml` are taken up by a running daemon or console
//! without a restart, as the calendar files are (`config::calendar::Watch`).
//!
//! Owns: [`Live`], a value every clone of the configuration shares and that
//! one writer replaces whole (readers see the old value or the new, never a
//! part), and [`FileWatch`], which notices that one file changed (its size,
//! modification time or inode) without reading it. Reading and validating
//! the new file is the business of the file's own module; a new file that
//! does not validate is refused and the value in force is kept.

use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

/// A value shared by every clone, replaced whole.
pub struct Live<T> {
    slot: Arc<RwLock<Arc<T>>>,
}

impl<T> Live<T> {
    pub fn new(value: T) -> Self {
        Live {
            slot: Arc::new(RwLock::new(Arc::new(value))),
        }
    }

    /// The value in force now. Hold it for one piece of work, then ask again.
    pub fn current(&self) -> Arc<T> {
        // A writer that panicked left a whole value behind: still usable.
        self.slot
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Put `value` in force for every clone.
    pub fn replace(&self, value: T) {
        *self.slot.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(value);
    }
}

impl<T> Clone for Live<T> {
    /// A clone shares the value: a replacement is seen by every clone.
    fn clone(&self) -> Self {
        Live {
            slot: self.slot.clone(),
        }
    }
}

impl<T: Default> Default for Live<T> {
    fn default() -> Self {
        Live::new(T::default())
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Live<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Live").field(&self.current()).finish()
    }
}

/// What is known of a file without reading it: (size, mtime s, mtime ns,
/// inode), or `None` when it is not there.
type Stamp = Option<(u64, i64, i64, u64)>;

fn stamp(path: &Path) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.mtime(), m.mtime_nsec(), m.ino()))
}

/// Notices that one file changed since the last look.
#[derive(Debug, Clone)]
pub struct FileWatch {
    path: PathBuf,
    seen: Stamp,
}

impl FileWatch {
    /// Watch `path`, as it is now: only later changes are reported.
    pub fn new(path: PathBuf) -> Self {
        let seen = stamp(&path);
        FileWatch { path, seen }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True once for every change (written, replaced, removed, back).
    pub fn changed(&mut self) -> bool {
        let now = stamp(&self.path);
        if now == self.seen {
            return false;
        }
        self.seen = now;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replacement_is_seen_by_every_clone() {
        let a = Live::new(1);
        let b = a.clone();
        let held = a.current();
        b.replace(2);
        assert_eq!((*held, *a.current(), *b.current()), (1, 2, 2));
    }

    #[test]
    fn a_file_change_is_reported_once() {
        let dir = std::env::temp_dir().join(format!("gw-live-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("roster.toml");
        std::fs::write(&f, "a").unwrap();
        let mut w = FileWatch::new(f.clone());
        assert!(!w.changed());
        std::fs::write(&f, "ab").unwrap();
        assert!(w.changed());
        assert!(!w.changed());
        std::fs::remove_file(&f).unwrap();
        assert!(w.changed());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
