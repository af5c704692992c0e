//! Shared helpers of the integration tests: a scratch directory with a copy of
//! the shipped config, and the real `gridwatch` binary run inside it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_gridwatch");

/// A scratch duty room: its own config copy, database and spool.
pub struct Room {
    pub dir: tempfile::TempDir,
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Room {
    /// A room with the shipped demo config, initialised.
    pub fn new() -> Room {
        let room = Room::bare();
        room.ok(&["init"]);
        room
    }

    /// A room with the shipped config, not initialised.
    pub fn bare() -> Room {
        Room::bare_in(&std::env::temp_dir())
    }

    /// An initialised room under the build's own directory: the same file
    /// system as the checkout (where `chattr` works), not a tmpfs.
    pub fn on_disk() -> Room {
        let room = Room::bare_in(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")));
        room.ok(&["init"]);
        room
    }

    fn bare_in(parent: &Path) -> Room {
        let dir = tempfile::tempdir_in(parent).unwrap();
        copy_dir(&repo().join("config"), &dir.path().join("config"));
        Room { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn db(&self) -> PathBuf {
        self.path("gridwatch.db")
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.current_dir(self.dir.path())
            .env_remove("GRIDWATCH_CONFIG")
            .env_remove("GRIDWATCH_DB")
            .env_remove("GRIDWATCH_FAILPOINT")
            .env("GRIDWATCH_ACTOR", "tester")
            .args(args);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    /// Run and require exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "gridwatch {args:?} failed ({:?}):\n{}\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Run and require `code`; returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "gridwatch {args:?}: stdout {}\nstderr {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// The `external_ref` of every stored complaint, newest first.
    pub fn refs(&self) -> Vec<String> {
        self.json(&["list", "--json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["external_ref"].as_str().unwrap().to_string())
            .collect()
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(&p, content).unwrap();
        p
    }

    /// Deliver files into the spool as another system would (its own
    /// maildir writer: tmp/, fsync, rename into new/), whatever they hold —
    /// `gridwatch submit` refuses a broken file before it gets there.
    pub fn deliver(&self, paths: &[&Path]) {
        let spool = gridwatch::intake::Spool::new(self.path("spool"));
        for p in paths {
            spool.submit(p).unwrap();
        }
    }

    /// File names in a spool directory, sorted.
    pub fn spool(&self, sub: &str) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.path("spool").join(sub))
            .map(|it| {
                it.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }
}

/// A valid complaint object with the given external reference.
pub fn complaint(external_ref: &str) -> serde_json::Value {
    serde_json::json!({
        "source": "hotline",
        "external_ref": external_ref,
        "received_at": "2026-11-30T09:12:00+08:00",
        "category": "air",
        "description": "夜间烟囱冒黑烟",
        "location": {"address": "临江经济开发区化工园纬2路13号"},
        "enterprise": "E0102",
        "reporter": {"name": "张先生", "phone": "13812345678"}
    })
}

/// A valid complaint received "now" (no `received_at`: the intake time), for
/// a daemon on the real clock — a fixed date would one day be refused as
/// implausibly old.
pub fn complaint_live(external_ref: &str) -> serde_json::Value {
    let mut c = complaint(external_ref);
    c.as_object_mut().unwrap().remove("received_at");
    c
}

pub const NOW: &str = "--now=2026-11-30T09:30:00+08:00";

/// A raw HTTP/1.1 exchange over a real socket: the bytes go out exactly as
/// given (so tests can send broken encodings); returns (status, body).
pub fn http(addr: std::net::SocketAddr, request: &[u8]) -> std::io::Result<(u16, String)> {
    http_with_head(addr, request).map(|(status, _, body)| (status, body))
}

/// Like [`http`], with the response head too: (status, head, body).
pub fn http_with_head(
    addr: std::net::SocketAddr,
    request: &[u8],
) -> std::io::Result<(u16, String, String)> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr)?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(20)))?;
    s.write_all(request)?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((status, head.to_string(), body.to_string()))
}

/// Build a request with `Connection: close` and a correct Content-Length.
pub fn request(method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut r = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    if let Some(ct) = content_type {
        r.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        r.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    r.push_str("\r\n");
    let mut bytes = r.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

pub const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

/// Wait for `cond` with a deadline, checking every 20 ms. For processes we do
/// not control the clock of (a daemon child); in-process tests use paused time.
pub fn wait_for(what: &str, deadline: std::time::Duration, mut cond: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < deadline,
            "timed out after {deadline:?} waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
pub mod daemon;
pub mod hook;
pub mod incident;
pub mod pty;
pub mod tui;

/// CPU time a process has used so far (user + system), from `/proc/PID/stat`.
pub fn cpu_time(pid: u32) -> std::time::Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The command name may hold spaces: count fields after its closing ')'.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap();
    // SAFETY: sysconf reads a constant.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as u64;
    std::time::Duration::from_millis(ticks * 1000 / hz)
}

/// The share of one core a process used over `window` (it keeps running).
pub fn cpu_share(pid: u32, window: std::time::Duration) -> f64 {
    let (a, t) = (cpu_time(pid), std::time::Instant::now());
    std::thread::sleep(window);
    let used = cpu_time(pid) - a;
    used.as_secs_f64() / t.elapsed().as_secs_f64()
}

/// Resident memory of a process, from `/proc/PID/status`.
pub fn rss_bytes(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0)
        * 1024
}

/// Threads of a process now.
pub fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .map(|d| d.count())
        .unwrap_or(0)
}
