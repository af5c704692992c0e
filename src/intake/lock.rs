//! One intake daemon per spool: an exclusive `flock` on `<spool>/.intake.lock`,
//! and a check that it is still the lock.
//!
//! Owns: taking the lock, telling who holds it, and noticing that the lock
//! file was removed (`rm -rf spool` while the daemon runs): a lock on a
//! deleted file protects nothing, so the daemon takes a new one at once, and
//! stops if another daemon took the spool meanwhile. (Several `intake --once`
//! runs at once are safe without it; a test proves that.)

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::sys::{file_identity, is_locked_by_other, open_identity, try_lock_exclusive};

/// The lock file's name inside the spool.
pub const NAME: &str = ".intake.lock";

#[derive(Debug)]
pub struct SpoolLock {
    file: File,
    path: PathBuf,
}

fn open(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind();
    let _ = file.read_to_string(&mut text);
    match text.trim().parse::<u32>() {
        Ok(pid) => format!("pid {pid}"),
        Err(_) => "unknown pid".to_string(),
    }
}

impl SpoolLock {
    /// Take the lock of `spool`, or say which daemon holds it.
    pub fn acquire(spool: &Path) -> Result<SpoolLock, String> {
        std::fs::create_dir_all(spool)
            .map_err(|e| format!("cannot create spool {}: {e}", spool.display()))?;
        let path = spool.join(NAME);
        let mut file = open(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        // A `status` or `submit` asking whether a daemon runs holds a shared
        // lock for a moment: try a few times before giving up.
        let mut taken = false;
        for _ in 0..20 {
            taken = try_lock_exclusive(&file)
                .map_err(|e| format!("cannot lock {}: {e}", path.display()))?;
            if taken {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        if !taken {
            return Err(format!(
                "another intake daemon ({}) already runs on spool {}; stop it first",
                holder(&mut file),
                spool.display()
            ));
        }
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        let _ = file.sync_all();
        Ok(SpoolLock { file, path })
    }

    /// Is the file at the lock's path still the one we hold? If it was
    /// removed, take a new lock; `Err` when another daemon holds the spool now.
    pub fn verify(&mut self) -> Result<bool, String> {
        if file_identity(&self.path).is_some()
            && file_identity(&self.path) == open_identity(&self.file)
        {
            return Ok(false);
        }
        let spool = self.path.parent().unwrap_or(Path::new("."));
        match SpoolLock::acquire(spool) {
            Ok(fresh) => {
                *self = fresh;
                Ok(true)
            }
            Err(e) => Err(format!(
                "the spool lock {} was removed while this daemon ran, and it could not be taken again: {e}",
                self.path.display()
            )),
        }
    }

    /// Which daemon holds the lock of `spool` now, if any (`Some("pid N")`).
    pub fn holder_of(spool: &Path) -> Option<String> {
        let mut file = File::open(spool.join(NAME)).ok()?;
        match is_locked_by_other(&file) {
            Ok(true) => Some(holder(&mut file)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removed_lock_is_taken_again_and_a_second_daemon_still_refused() {
        let d = tempfile::tempdir().unwrap();
        let spool = d.path().join("spool");
        let mut lock = SpoolLock::acquire(&spool).unwrap();
        assert!(SpoolLock::holder_of(&spool).is_some());
        assert!(
            SpoolLock::acquire(&spool)
                .unwrap_err()
                .contains("already runs")
        );
        assert!(!lock.verify().unwrap());
        std::fs::remove_dir_all(&spool).unwrap();
        assert_eq!(SpoolLock::holder_of(&spool), None);
        assert!(lock.verify().unwrap(), "taken again");
        let err = SpoolLock::acquire(&spool).unwrap_err();
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
    }
}
