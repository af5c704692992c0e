//! Wake the intake writer when a file may have arrived in `spool/new`, and
//! only then.
//!
//! Owns: the inotify watches of the spool and its `new/`, and the choice of
//! events that can bring a file — moved in, or closed after writing —
//! plus the signs that need a look at once: `new/`, the spool or its lock
//! removed or moved (`rm -rf spool`), the kernel's queue overflowed. Opening and reading, the intake's own scans included,
//! wake nothing: with notify's default mask every scan of `new/` raised an
//! event that asked for the next scan, and an idle daemon used most of a core.
//! The periodic rescan stays, for what inotify can miss.

use std::path::{Path, PathBuf};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind, RenameMode};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::sys::{FileIdentity, file_identity};

/// Can this event bring a file into `<root>/new`, or does the watch (or
/// the spool lock) need a look?
pub fn wakes(event: &notify::Result<notify::Event>, root: &Path) -> bool {
    let Ok(event) = event else {
        return true; // an error of the watch: rescan
    };
    if event.need_rescan() {
        return true;
    }
    let new = root.join("new");
    let lock = root.join(super::lock::NAME);
    let in_new = event
        .paths
        .iter()
        .any(|p| p.parent() == Some(new.as_path()));
    // The spool, new/ or the lock went away: renew the watch, take the lock again.
    let vital = event
        .paths
        .iter()
        .any(|p| p == root || *p == new || *p == lock);
    match event.kind {
        // Not on creation: a file written straight into new/ (against the
        // maildir rule) is read when it is closed, not half-written.
        EventKind::Create(_) => false,
        EventKind::Modify(ModifyKind::Name(
            RenameMode::To | RenameMode::Both | RenameMode::Any,
        )) => in_new,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => in_new,
        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(RenameMode::From)) => vital,
        EventKind::Other | EventKind::Any => true,
        _ => false,
    }
}

/// The watch of a spool: its root (for the lock and `new/` itself) and `new/`.
pub struct SpoolWatch {
    watcher: RecommendedWatcher,
    dirs: [(PathBuf, Option<FileIdentity>); 2],
}

impl SpoolWatch {
    /// Watch the spool at `root`; `wake` is called (from notify's thread)
    /// for each event that [`wakes`] the writer. It must not block.
    pub fn start(root: &Path, wake: impl Fn() + Send + 'static) -> Result<SpoolWatch, String> {
        let filter_root = root.to_path_buf();
        let watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            if wakes(&ev, &filter_root) {
                wake();
            }
        })
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        let mut w = SpoolWatch {
            watcher,
            dirs: [(root.to_path_buf(), None), (root.join("new"), None)],
        };
        w.refresh()?;
        Ok(w)
    }

    /// Renew a watch whose directory was removed and made anew (a watch on
    /// the old one hears nothing). Cheap when nothing changed: two `stat`s.
    pub fn refresh(&mut self) -> Result<(), String> {
        for (dir, watching) in &mut self.dirs {
            let now = file_identity(dir);
            if now.is_some() && now == *watching {
                continue;
            }
            if watching.is_some() {
                let _ = self.watcher.unwatch(dir);
                *watching = None;
            }
            self.watcher
                .watch(dir, RecursiveMode::NonRecursive)
                .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
            *watching = now;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::Event;
    use notify::event::{CreateKind, DataChange, Flag, RemoveKind};

    #[test]
    fn only_arrivals_and_trouble_wake_the_writer() {
        let root = Path::new("/spool");
        let dir = &root.join("new");
        let file = dir.join("a.json");
        let lock = root.join(".intake.lock");
        let ev = |k: EventKind, p: &Path| Ok(Event::new(k).add_path(p.to_path_buf()));
        let cases = [
            (ev(EventKind::Create(CreateKind::File), &file), false),
            (
                ev(EventKind::Modify(ModifyKind::Name(RenameMode::To)), &file),
                true,
            ),
            (
                ev(
                    EventKind::Access(AccessKind::Close(AccessMode::Write)),
                    &file,
                ),
                true,
            ),
            // Our own scans and reads, and our own moves out of new/:
            (
                ev(EventKind::Access(AccessKind::Open(AccessMode::Any)), dir),
                false,
            ),
            (
                ev(EventKind::Access(AccessKind::Open(AccessMode::Any)), &file),
                false,
            ),
            (
                ev(
                    EventKind::Access(AccessKind::Close(AccessMode::Read)),
                    &file,
                ),
                false,
            ),
            (
                ev(EventKind::Modify(ModifyKind::Name(RenameMode::From)), &file),
                false,
            ),
            (
                ev(EventKind::Modify(ModifyKind::Data(DataChange::Any)), &file),
                false,
            ),
            (ev(EventKind::Remove(RemoveKind::File), &file), false),
            // The directory itself removed or moved away: renew the watch.
            (ev(EventKind::Remove(RemoveKind::Folder), dir), true),
            (
                ev(EventKind::Modify(ModifyKind::Name(RenameMode::From)), dir),
                true,
            ),
            (ev(EventKind::Remove(RemoveKind::Folder), root), true),
            // The lock removed: take it again at once.
            (ev(EventKind::Remove(RemoveKind::File), &lock), true),
            // The writer's own making of the spool and its lock.
            (ev(EventKind::Create(CreateKind::Folder), dir), false),
            (ev(EventKind::Create(CreateKind::File), &lock), false),
            (
                ev(
                    EventKind::Access(AccessKind::Close(AccessMode::Write)),
                    &lock,
                ),
                false,
            ),
            (
                Ok(Event::new(EventKind::Other).set_flag(Flag::Rescan)),
                true,
            ),
            (Err(notify::Error::generic("queue overflow")), true),
        ];
        for (event, want) in cases {
            assert_eq!(wakes(&event, root), want, "{event:?}");
        }
    }
}
