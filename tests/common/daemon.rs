//! The intake daemon as a child process: started on a free port with its
//! stderr read line by line, killed if a test fails half-way.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::{FORM, Room, http, request};

pub struct Running {
    pub child: Child,
    pub addr: std::net::SocketAddr,
    pub lines: mpsc::Receiver<String>,
}

/// A failing assertion must not leave a daemon behind.
impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Running {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Stop with SIGTERM and require a clean exit.
    pub fn stop(mut self) -> Vec<String> {
        // SAFETY: signalling our own child.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status:?}");
        self.lines.try_iter().collect()
    }
}

pub fn start(room: &Room) -> Running {
    start_with(room, |_| {})
}

/// Start with the command adjusted first (environment, limits).
pub fn start_with(room: &Room, adjust: impl FnOnce(&mut Command)) -> Running {
    let mut cmd = room.cmd(&["intake", "--bind", "127.0.0.1:0"]);
    cmd.env("GRIDWATCH_API_KEYS", "k3y")
        .env("GRIDWATCH_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    adjust(&mut cmd);
    let mut child = cmd.spawn().unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let first = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the daemon says where it listens");
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    // The first line comes before the spool lock and the writer: ready is
    // when /health answers.
    super::wait_for("the daemon's /health", Duration::from_secs(20), || {
        matches!(
            http(addr, &request("GET", "/health", None, b"")),
            Ok((200, _))
        )
    });
    Running {
        child,
        addr,
        lines: rx,
    }
}

pub fn count(room: &Room) -> usize {
    room.json(&["list", "--json"]).as_array().unwrap().len()
}

pub fn post(addr: std::net::SocketAddr, ext: &str) -> std::io::Result<(u16, String)> {
    let body = format!(
        "api_key=k3y&service_code=noise&lat=30.5&long=114.3&description=loud&attribute%5Bexternal_ref%5D={ext}"
    );
    http(
        addr,
        &request("POST", "/open311/v2/requests.json", FORM, body.as_bytes()),
    )
}
