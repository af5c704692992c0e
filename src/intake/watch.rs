//! Wake the intake writer when a file may have arrived in `spool/new`, and
//! only then.
//!
//! Owns: the inotify watch of `new/` and the choice of events that can bring
//! a file — created, moved in, closed after writing — plus the signs that the
//! watch itself needs attention (the directory removed or moved, the kernel's
//! queue overflowed). Opening and reading, the intake's own scans included,
//! wake nothing: with notify's default mask every scan of `new/` raised an
//! event that asked for the next scan, and an idle daemon used most of a core.
//! The periodic rescan stays, for what inotify can miss.

use std::path::{Path, PathBuf};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind, RenameMode};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::sys::{FileIdentity, file_identity};

/// Can this event bring a file into `dir`, or does the watch need a look?
pub fn wakes(event: &notify::Result<notify::Event>, dir: &Path) -> bool {
    let Ok(event) = event else {
        return true; // an error of the watch: rescan
    };
    if event.need_rescan() {
        return true;
    }
    let about_dir = event.paths.iter().any(|p| p == dir);
    match event.kind {
        EventKind::Create(_) => true,
        EventKind::Modify(ModifyKind::Name(
            RenameMode::To | RenameMode::Both | RenameMode::Any,
        )) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        // The directory itself went away or moved: the watch must be renewed.
        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(RenameMode::From)) => about_dir,
        EventKind::Other | EventKind::Any => true,
        _ => false,
    }
}

/// The watch of one `new/` directory.
pub struct SpoolWatch {
    watcher: RecommendedWatcher,
    dir: PathBuf,
    watching: Option<FileIdentity>,
}

impl SpoolWatch {
    /// Watch `dir`; `wake` is called (from notify's thread) for each event
    /// that [`wakes`] the writer. It must not block.
    pub fn start(dir: &Path, wake: impl Fn() + Send + 'static) -> Result<SpoolWatch, String> {
        let filter_dir = dir.to_path_buf();
        let watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
            if wakes(&ev, &filter_dir) {
                wake();
            }
        })
        .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        let mut w = SpoolWatch {
            watcher,
            dir: dir.to_path_buf(),
            watching: None,
        };
        w.refresh()?;
        Ok(w)
    }

    /// Renew the watch when the directory was removed and made anew (a watch
    /// on the old one hears nothing). Cheap when nothing changed: one `stat`.
    pub fn refresh(&mut self) -> Result<(), String> {
        let now = file_identity(&self.dir);
        if now.is_some() && now == self.watching {
            return Ok(());
        }
        if self.watching.is_some() {
            let _ = self.watcher.unwatch(&self.dir);
            self.watching = None;
        }
        self.watcher
            .watch(&self.dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch {}: {e}", self.dir.display()))?;
        self.watching = now;
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
        let dir = Path::new("/spool/new");
        let file = dir.join("a.json");
        let ev = |k: EventKind, p: &Path| Ok(Event::new(k).add_path(p.to_path_buf()));
        let cases = [
            (ev(EventKind::Create(CreateKind::File), &file), true),
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
            (
                Ok(Event::new(EventKind::Other).set_flag(Flag::Rescan)),
                true,
            ),
            (Err(notify::Error::generic("queue overflow")), true),
        ];
        for (event, want) in cases {
            assert_eq!(wakes(&event, dir), want, "{event:?}");
        }
    }
}
