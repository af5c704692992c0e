//! The few Linux system calls std does not offer, each wrapped once:
//! rename without replacing, advisory file locks, the descriptor limit,
//! the host name.
//!
//! Owns: every `unsafe` call into libc outside the store. Each wrapper
//! returns `io::Result` and never panics.

use std::ffi::CString;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

fn c_path(p: &Path) -> io::Result<CString> {
    CString::new(p.as_os_str().as_bytes())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
}

fn check(rc: libc::c_int) -> io::Result<()> {
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Which file a path names: `(device, inode)`.
pub type FileIdentity = (u64, u64);

/// The identity of the file at `path` now (links followed), `None` when there is none.
pub fn file_identity(path: &Path) -> Option<FileIdentity> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The identity of an open file.
pub fn open_identity(file: &std::fs::File) -> Option<FileIdentity> {
    use std::os::unix::fs::MetadataExt;
    file.metadata().ok().map(|m| (m.dev(), m.ino()))
}

/// Rename `from` to `to` unless `to` exists (`AlreadyExists` then). Falls
/// back to a check-then-rename on file systems without `RENAME_NOREPLACE`.
pub fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    let (f, t) = (c_path(from)?, c_path(to)?);
    // SAFETY: both are valid NUL-terminated paths; renameat2 only reads them.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            f.as_ptr(),
            libc::AT_FDCWD,
            t.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    match check(rc) {
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {
            if std::fs::symlink_metadata(to).is_ok() {
                return Err(io::Error::from(io::ErrorKind::AlreadyExists));
            }
            std::fs::rename(from, to)
        }
        other => other,
    }
}

/// Try to take an exclusive `flock` on `file` without waiting.
/// `Ok(false)`: another open file description holds a lock on it.
pub fn try_lock_exclusive(file: &std::fs::File) -> io::Result<bool> {
    flock(file, libc::LOCK_EX | libc::LOCK_NB)
}

/// Is an exclusive `flock` held on `file` by someone else? Asks with a
/// shared lock taken and dropped at once.
pub fn is_locked_by_other(file: &std::fs::File) -> io::Result<bool> {
    let free = flock(file, libc::LOCK_SH | libc::LOCK_NB)?;
    if free {
        flock(file, libc::LOCK_UN)?;
    }
    Ok(!free)
}

fn flock(file: &std::fs::File, op: libc::c_int) -> io::Result<bool> {
    // SAFETY: flock on a descriptor we own; no memory is touched.
    let rc = unsafe { libc::flock(file.as_raw_fd(), op) };
    match check(rc) {
        Ok(()) => Ok(true),
        Err(e) if e.raw_os_error() == Some(libc::EWOULDBLOCK) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `access(2)`: may this process read/write `path`, as the kernel decides
/// (permissions, read-only mounts, immutable files)?
pub fn access(path: &Path, mode: libc::c_int) -> io::Result<()> {
    let c = c_path(path)?;
    // SAFETY: `c` is a valid NUL-terminated path; access only reads it.
    check(unsafe { libc::access(c.as_ptr(), mode) })
}

/// Does any process have this file open for writing? A read lease is
/// refused (`EAGAIN`) exactly then. `None` when the kernel will not say
/// (the file belongs to another user and we lack `CAP_LEASE`).
pub fn open_for_writing(file: &std::fs::File) -> Option<bool> {
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor we own, with integer arguments.
    let rc = unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_RDLCK) };
    if rc == 0 {
        // SAFETY: as above; release the lease at once.
        unsafe { libc::fcntl(fd, libc::F_SETLEASE, libc::F_UNLCK) };
        return Some(false);
    }
    match io::Error::last_os_error().raw_os_error() {
        Some(libc::EAGAIN) => Some(true),
        _ => None,
    }
}

/// Kill the process group `pgid` (a child started in a group of its own).
pub fn kill_group(pgid: u32) {
    if let Ok(pgid) = libc::pid_t::try_from(pgid) {
        if pgid > 0 {
            // SAFETY: kill takes plain integers; a group that is gone is ESRCH.
            unsafe { libc::kill(-pgid, libc::SIGKILL) };
        }
    }
}

/// The soft and hard limits on open descriptors.
pub fn nofile_limit() -> io::Result<(u64, u64)> {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we pass.
    check(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) })?;
    Ok((r.rlim_cur, r.rlim_max))
}

/// Raise the soft descriptor limit to the hard limit; returns the new soft limit.
pub fn raise_nofile_limit() -> io::Result<u64> {
    let (soft, hard) = nofile_limit()?;
    if soft >= hard {
        return Ok(soft);
    }
    let r = libc::rlimit {
        rlim_cur: hard,
        rlim_max: hard,
    };
    // SAFETY: setrlimit reads the struct we pass.
    check(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &r) })?;
    Ok(hard)
}

/// The machine's host name, as the kernel has it (`gethostname(2)`);
/// `localhost` when it will not say.
pub fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most buf.len() bytes into buf.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return "localhost".to_string();
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// How many descriptors this process has open now.
pub fn open_descriptors() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| d.count())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_never_replaces() {
        let d = tempfile::tempdir().unwrap();
        let (a, b) = (d.path().join("a"), d.path().join("b"));
        std::fs::write(&a, "a").unwrap();
        std::fs::write(&b, "b").unwrap();
        let e = rename_noreplace(&a, &b).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "b");
        rename_noreplace(&a, &d.path().join("c")).unwrap();
        assert!(!a.exists());
    }

    #[test]
    fn a_file_open_for_writing_is_seen() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        let w = std::fs::File::create(&p).unwrap();
        let r = std::fs::File::open(&p).unwrap();
        assert_eq!(open_for_writing(&r), Some(true));
        drop(w);
        assert_eq!(open_for_writing(&r), Some(false));
    }

    #[test]
    fn a_second_lock_is_refused_and_seen() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("lock");
        let one = std::fs::File::create(&p).unwrap();
        let two = std::fs::File::open(&p).unwrap();
        assert!(!is_locked_by_other(&two).unwrap());
        assert!(try_lock_exclusive(&one).unwrap());
        assert!(!try_lock_exclusive(&two).unwrap());
        assert!(is_locked_by_other(&two).unwrap());
    }
}
