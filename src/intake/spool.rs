//! The spool directory, maildir discipline (DESIGN.md §4.3): writers create a
//! file in `tmp/`, fsync it and rename it into `new/`; intake reads `new/`,
//! commits and only then renames into `cur/`; what it cannot accept goes to
//! `bad/` beside `NAME.reason`.
//!
//! Owns: the file-system side only — delivering into `new/`, listing it
//! without following or opening anything, and opening a file safely. The
//! moves out of `new/`, which never overwrite, are in `moves.rs`; what is
//! read from the files is `records`' business.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

#[derive(Debug, Clone)]
pub struct Spool {
    pub root: PathBuf,
}

/// What an entry of `new/` is, as `lstat` sees it (links are not followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Symlink,
    Dir,
    Fifo,
    /// A socket or a device.
    Special,
}

/// One entry of `new/`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub kind: EntryKind,
    /// Size from `lstat` (0 for what is not a file).
    pub bytes: u64,
}

impl Entry {
    pub fn name(&self) -> &OsStr {
        self.path.file_name().unwrap_or_default()
    }

    /// The name as one inert line for messages, logs and the database.
    pub fn shown(&self) -> String {
        crate::text::file_name(self.name())
    }

    /// Why an entry that is not a regular file cannot be taken, or `None`.
    pub fn refusal(&self) -> Option<String> {
        let what = match self.kind {
            EntryKind::File => return None,
            EntryKind::Symlink => {
                let target = fs::read_link(&self.path)
                    .map(|t| format!(" to {}", crate::text::file_name(t.as_os_str())))
                    .unwrap_or_default();
                format!("a symbolic link{target}")
            }
            EntryKind::Dir => "a directory".to_string(),
            EntryKind::Fifo => "a named pipe (FIFO)".to_string(),
            EntryKind::Special => "a socket or device".to_string(),
        };
        Some(format!(
            "{what}, not a regular file: spool/new takes files only and never follows or opens anything else (deliver the file itself with `gridwatch submit`)"
        ))
    }
}

/// Makes each name this process writes into the spool unique.
pub(super) static SEQ: AtomicU64 = AtomicU64::new(0);

pub(super) fn fsync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned.trim_start_matches('.');
    if trimmed.is_empty() {
        "complaint.json".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Entries whose name starts with a dot are a writer's business, not ours.
fn hidden(name: &OsStr) -> bool {
    name.as_bytes().first() == Some(&b'.')
}

/// The suffix of a reason beside a file in `bad/` (see `moves.rs`).
pub(super) const REASON: &[u8] = b".reason";

impl Spool {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Spool { root: root.into() }
    }

    pub fn dir(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// Create `tmp/ new/ cur/ bad/` if missing.
    pub fn ensure(&self) -> io::Result<()> {
        for d in ["tmp", "new", "cur", "bad"] {
            fs::create_dir_all(self.dir(d))?;
        }
        Ok(())
    }

    /// Deliver `bytes` atomically: write into `tmp/`, fsync, rename into `new/`.
    /// The name keeps `hint`'s extension (`.jsonl` is streamed).
    pub fn submit_bytes(&self, hint: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        self.ensure()?;
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        // The host name goes into the file name: letters, digits and `-` only.
        let host: String = crate::sys::host_name()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let unique = format!(
            "{}.{:06}.P{}Q{:08}.{}.{}",
            now.as_secs(),
            now.subsec_micros(),
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed),
            host,
            safe_name(hint)
        );
        let tmp = self.dir("tmp").join(&unique);
        let mut f = File::create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        let dest = self.dir("new").join(&unique);
        fs::rename(&tmp, &dest)?;
        fsync_dir(&self.dir("new"))?;
        Ok(dest)
    }

    /// Deliver a file from anywhere (the `submit` command).
    pub fn submit(&self, src: &Path) -> io::Result<PathBuf> {
        let bytes = fs::read(src)?;
        let hint = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.submit_bytes(&hint, &bytes)
    }

    /// Everything waiting in `new/` (dot-names excepted), by name. Nothing is
    /// followed or opened: `lstat` says what each entry is.
    pub fn pending(&self) -> io::Result<Vec<Entry>> {
        let mut out = Vec::new();
        for e in fs::read_dir(self.dir("new"))? {
            let e = e?;
            if hidden(&e.file_name()) {
                continue;
            }
            let path = e.path();
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue; // gone meanwhile
            };
            let t = meta.file_type();
            let kind = if t.is_file() {
                EntryKind::File
            } else if t.is_symlink() {
                EntryKind::Symlink
            } else if t.is_dir() {
                EntryKind::Dir
            } else if t.is_fifo() {
                EntryKind::Fifo
            } else {
                EntryKind::Special
            };
            let bytes = if kind == EntryKind::File {
                meta.len()
            } else {
                0
            };
            out.push(Entry { path, kind, bytes });
        }
        out.sort_by(|a, b| a.name().as_bytes().cmp(b.name().as_bytes()));
        Ok(out)
    }

    /// Open a regular file of `new/` for reading: never follows a link, never
    /// blocks on a FIFO put there meanwhile. `Ok(None)`: it is gone.
    pub fn open(&self, entry: &Entry) -> io::Result<Option<File>> {
        let opened = fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(&entry.path);
        let f = match opened {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        if !f.metadata()?.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "replaced by something that is not a regular file",
            ));
        }
        // Written straight into new/ and not closed yet: not now (the
        // close wakes the writer). Where the kernel cannot tell us (another
        // user's file), the maildir rule is trusted.
        if crate::sys::open_for_writing(&f) == Some(true) {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "still open for writing",
            ));
        }
        Ok(Some(f))
    }

    /// Files left in `tmp/` for longer than `age` (a writer died mid-delivery).
    pub fn stale_tmp(&self, age: Duration) -> Vec<PathBuf> {
        let cutoff = SystemTime::now()
            .checked_sub(age)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let Ok(entries) = fs::read_dir(self.dir("tmp")) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter(|e| {
                e.metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t < cutoff)
            })
            .map(|e| e.path())
            .collect()
    }

    /// How many entries of `new/` intake will take, or files quarantined in `bad/`.
    pub fn count(&self, dir: &str) -> usize {
        fs::read_dir(self.dir(dir))
            .map(|it| {
                it.filter_map(Result::ok)
                    .filter(|e| {
                        let n = e.file_name();
                        !hidden(&n) && !n.as_bytes().ends_with(REASON)
                    })
                    .count()
            })
            .unwrap_or(0)
    }
}

/// A fresh spool in a temporary directory, for tests.
#[cfg(test)]
pub(super) fn scratch() -> (tempfile::TempDir, Spool) {
    let d = tempfile::tempdir().unwrap();
    let s = Spool::new(d.path().join("spool"));
    s.ensure().unwrap();
    (d, s)
}

#[cfg(test)]
mod tests {
    use super::scratch as spool;
    use super::*;

    #[test]
    fn links_fifos_and_directories_are_listed_as_what_they_are() {
        let (d, s) = spool();
        let target = d.path().join("real.json");
        fs::write(&target, "{}").unwrap();
        std::os::unix::fs::symlink(&target, s.dir("new").join("link.json")).unwrap();
        fs::create_dir(s.dir("new").join("dir.json")).unwrap();
        let fifo =
            std::ffi::CString::new(s.dir("new").join("fifo.json").as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid path; mkfifo only reads it.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        fs::write(s.dir("new").join(".hidden"), "x").unwrap();
        let kinds: Vec<(String, EntryKind)> = s
            .pending()
            .unwrap()
            .iter()
            .map(|e| (e.shown(), e.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("dir.json".to_string(), EntryKind::Dir),
                ("fifo.json".to_string(), EntryKind::Fifo),
                ("link.json".to_string(), EntryKind::Symlink),
            ]
        );
        for e in s.pending().unwrap() {
            let why = e.refusal().unwrap();
            s.quarantine(&e, &why).unwrap().unwrap();
        }
        assert!(s.pending().unwrap().is_empty());
        assert_eq!(s.count("bad"), 3);
        // The link moved as a link: its target is untouched.
        assert_eq!(fs::read_to_string(&target).unwrap(), "{}");
        assert!(
            fs::symlink_metadata(s.dir("bad").join("link.json"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}
