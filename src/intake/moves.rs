//! Taking an entry out of `spool/new` once its fate is committed: into
//! `cur/`, or into `bad/` with its reason beside it in `NAME.reason`
//! (DESIGN.md §4.3).
//!
//! Owns: moves that never overwrite. Unique names (`NAME`, `NAME.2`, …); a
//! data file in `bad/` never ends in `.reason`, so a reason can only be a
//! reason; names keep their bytes, UTF-8 or not, and a name too long to take
//! a suffix is cut between characters (the reason says what it was).

use std::ffi::{OsStr, OsString};
use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use super::spool::{Entry, REASON, SEQ, Spool, fsync_dir};
use crate::sys::rename_noreplace;

/// The longest file name most file systems take.
const NAME_MAX: usize = 255;
/// Room kept for `.file`, `.NNNNN` and `.reason` after a base name.
const SUFFIX_ROOM: usize = 5 + 6 + 7;

/// `name`, then `name.2`, `name.3`, … — never ending in `.reason`, and short
/// enough that each (and its `.reason`) is a legal file name: a longer name
/// is cut (the reason says what it was).
fn candidates(name: &OsStr) -> impl Iterator<Item = OsString> {
    let mut base = name.as_bytes().to_vec();
    if base.len() > NAME_MAX - SUFFIX_ROOM {
        let mut cut = NAME_MAX - SUFFIX_ROOM;
        // Not inside a UTF-8 character: back up to where one begins.
        while cut > 0 && base[cut] & 0xC0 == 0x80 {
            cut -= 1;
        }
        base.truncate(cut);
    }
    if base.ends_with(REASON) {
        base.extend_from_slice(b".file");
    }
    (1u32..).map(move |n| {
        let mut c = base.clone();
        if n > 1 {
            c.extend_from_slice(format!(".{n}").as_bytes());
        }
        OsString::from_vec(c)
    })
}

impl Spool {
    /// Move a taken entry into `cur/`, under a unique name. `Ok(None)`: it
    /// was gone (another intake process moved it first; the commit counts).
    pub fn archive(&self, entry: &Entry) -> io::Result<Option<PathBuf>> {
        let cur = self.dir("cur");
        for name in candidates(entry.name()) {
            let dest = cur.join(&name);
            match rename_noreplace(&entry.path, &dest) {
                Ok(()) => {
                    fsync_dir(&cur)?;
                    return Ok(Some(dest));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(e),
            }
        }
        unreachable!("candidates never end")
    }

    /// Move `entry` into `bad/` with `reason` (one line) beside it in
    /// `<name>.reason`. Nothing there is ever overwritten: the reason is
    /// linked into place only if its name is free, the entry renamed only
    /// if its name is free, else the next name is tried. `Ok(None)`: the
    /// entry was gone.
    pub fn quarantine(&self, entry: &Entry, reason: &str) -> io::Result<Option<PathBuf>> {
        let bad = self.dir("bad");
        let mut reason = reason.replace(['\n', '\r'], " ");
        if entry.name().len() > NAME_MAX - SUFFIX_ROOM {
            reason.push_str(&format!(" (name shortened; it was {})", entry.shown()));
        }
        let line = format!("{reason}\n");
        let tmp = bad.join(format!(
            ".reason.{}.{}.tmp",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        let mut f = File::create_new(&tmp)?;
        f.write_all(line.as_bytes())?;
        f.sync_all()?;
        drop(f);
        let result = self.place_in_bad(entry, &tmp);
        let _ = fs::remove_file(&tmp);
        let placed = result?;
        fsync_dir(&bad)?;
        Ok(placed)
    }

    fn place_in_bad(&self, entry: &Entry, reason_tmp: &Path) -> io::Result<Option<PathBuf>> {
        let bad = self.dir("bad");
        for name in candidates(entry.name()) {
            let mut reason_name = name.clone();
            reason_name.push(".reason");
            let reason_path = bad.join(&reason_name);
            match fs::hard_link(reason_tmp, &reason_path) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
            let dest = bad.join(&name);
            match rename_noreplace(&entry.path, &dest) {
                Ok(()) => return Ok(Some(dest)),
                Err(e) => {
                    let _ = fs::remove_file(&reason_path);
                    match e.kind() {
                        io::ErrorKind::AlreadyExists => continue,
                        io::ErrorKind::NotFound => return Ok(None),
                        _ => return Err(e),
                    }
                }
            }
        }
        unreachable!("candidates never end")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::spool::scratch as spool;

    fn put(s: &Spool, name: &[u8], content: &str) -> Entry {
        let p = s.dir("new").join(OsStr::from_bytes(name));
        fs::write(&p, content).unwrap();
        s.pending()
            .unwrap()
            .into_iter()
            .find(|e| e.path == p)
            .unwrap()
    }

    fn names(s: &Spool, dir: &str) -> Vec<Vec<u8>> {
        let mut v: Vec<Vec<u8>> = fs::read_dir(s.dir(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_vec())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn quarantine_never_overwrites_a_file_or_a_reason() {
        let (_d, s) = spool();
        let first = put(&s, b"q.json", "one");
        s.quarantine(&first, "first reason").unwrap().unwrap();
        let second = put(&s, b"q.json", "two");
        s.quarantine(&second, "second reason").unwrap().unwrap();
        // A file named like a reason cannot take the place of one.
        let tricky = put(&s, b"q.json.reason", "three");
        s.quarantine(&tricky, "third reason").unwrap().unwrap();
        assert_eq!(
            names(&s, "bad"),
            [
                b"q.json".to_vec(),
                b"q.json.2".to_vec(),
                b"q.json.2.reason".to_vec(),
                b"q.json.reason".to_vec(),
                b"q.json.reason.file".to_vec(),
                b"q.json.reason.file.reason".to_vec(),
            ]
        );
        let read = |n: &str| fs::read_to_string(s.dir("bad").join(n)).unwrap();
        assert_eq!(read("q.json"), "one");
        assert_eq!(read("q.json.reason"), "first reason\n");
        assert_eq!(read("q.json.2"), "two");
        assert_eq!(read("q.json.2.reason"), "second reason\n");
        assert_eq!(read("q.json.reason.file"), "three");
        assert_eq!(read("q.json.reason.file.reason"), "third reason\n");
    }

    #[test]
    fn names_that_are_not_utf8_keep_their_bytes() {
        let (_d, s) = spool();
        for name in [&b"\xff-bad.json"[..], b"\xfe-bad.json"] {
            let e = put(&s, name, "x");
            s.quarantine(&e, "not json").unwrap().unwrap();
        }
        let bad = names(&s, "bad");
        assert!(bad.contains(&b"\xff-bad.json".to_vec()));
        assert!(bad.contains(&b"\xfe-bad.json".to_vec()));
        assert!(bad.contains(&b"\xff-bad.json.reason".to_vec()));
        assert_eq!(bad.len(), 4);
    }

    #[test]
    fn a_name_at_the_length_limit_still_finds_a_place() {
        let (_d, s) = spool();
        let long = vec![b'A'; 250];
        for _ in 0..2 {
            let e = put(&s, &long, "{bad");
            s.quarantine(&e, "malformed JSON").unwrap().unwrap();
        }
        let bad = names(&s, "bad");
        assert_eq!(bad.len(), 4, "two files, two reasons");
        assert!(bad.iter().all(|n| n.len() <= NAME_MAX));
        let reasons: Vec<String> = bad
            .iter()
            .filter(|n| n.ends_with(REASON))
            .map(|n| fs::read_to_string(s.dir("bad").join(OsStr::from_bytes(n))).unwrap())
            .collect();
        assert!(
            reasons
                .iter()
                .all(|r| r.contains("(name shortened; it was AAAA")),
            "{reasons:?}"
        );
        for _ in 0..2 {
            let e = put(&s, &long, "{}");
            s.archive(&e).unwrap().unwrap();
        }
        assert_eq!(names(&s, "cur").len(), 2);
        // A long Chinese name is cut between characters, not inside one.
        let chinese = "石".repeat(83); // 249 bytes
        let e = put(&s, chinese.as_bytes(), "{bad");
        s.quarantine(&e, "malformed JSON").unwrap().unwrap();
        let kept: Vec<Vec<u8>> = names(&s, "bad")
            .into_iter()
            .filter(|n| n.starts_with("石".as_bytes()) && !n.ends_with(REASON))
            .collect();
        assert_eq!(kept.len(), 1);
        assert!(std::str::from_utf8(&kept[0]).is_ok(), "{:?}", kept[0]);
    }

    #[test]
    fn archive_keeps_an_earlier_file_of_the_same_name() {
        let (_d, s) = spool();
        let a = put(&s, b"x.json", "a");
        s.archive(&a).unwrap().unwrap();
        let b = put(&s, b"x.json", "b");
        s.archive(&b).unwrap().unwrap();
        assert_eq!(names(&s, "cur"), [b"x.json".to_vec(), b"x.json.2".to_vec()]);
    }
}
