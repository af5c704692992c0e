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
    /// The lines logged up to where it said it listens (a job's first
    /// words may come before that line).
    pub before: Vec<String>,
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
    let mut before = Vec::new();
    let first = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the daemon says where it listens");
        before.push(line.clone());
        if line.contains("listening on http://") {
            break line;
        }
    };
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
        before,
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

/// Pin the child's descriptor limit (soft and hard) at `n`: the daemon
/// raises its soft limit to the hard one, so both are set.
pub fn pin_descriptors(cmd: &mut Command, n: u64) {
    use std::os::unix::process::CommandExt;
    // SAFETY: only setrlimit between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let r = libc::rlimit {
                rlim_cur: n,
                rlim_max: n,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &r) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// This process opens thousands of sockets itself: raise its limit.
pub fn enough_descriptors(n: u64) {
    let soft = gridwatch::sys::raise_nofile_limit().unwrap();
    assert!(
        soft >= n,
        "this needs {n} descriptors; the hard limit here is {soft} (raise it with ulimit -Hn)"
    );
}

/// A form body for `POST requests.json` with this external reference.
pub fn post_body(ext: &str) -> Vec<u8> {
    format!(
        "api_key=k3y&service_code=noise&lat=30.5&long=114.3&description=loud&attribute%5Bexternal_ref%5D={ext}"
    )
    .into_bytes()
}

/// `n` POSTs released at once, each on a new connection; every one must be
/// answered 201. Returns each one's time to its answer.
pub fn concurrent_posts(addr: std::net::SocketAddr, n: usize, prefix: &str) -> Vec<Duration> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let prefix = prefix.to_string();
    rt.block_on(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let gate = std::sync::Arc::new(tokio::sync::Barrier::new(n));
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..n {
            let gate = gate.clone();
            let req = request(
                "POST",
                "/open311/v2/requests.json",
                FORM,
                &post_body(&format!("{prefix}{i}")),
            );
            tasks.spawn(async move {
                gate.wait().await;
                let t = std::time::Instant::now();
                let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
                s.write_all(&req).await.unwrap();
                let mut out = Vec::new();
                s.read_to_end(&mut out).await.unwrap();
                let text = String::from_utf8_lossy(&out);
                assert!(text.starts_with("HTTP/1.1 201"), "{text}");
                t.elapsed()
            });
        }
        let mut v = Vec::new();
        while let Some(r) = tasks.join_next().await {
            v.push(r.unwrap());
        }
        v.sort();
        v
    })
}

/// The `q` quantile of sorted durations.
pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// Run `f` while sampling the threads of `pid`; returns its result and the peak.
pub fn peak_threads<R>(pid: u32, f: impl FnOnce() -> R) -> (R, usize) {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let peak = std::sync::Arc::new(AtomicUsize::new(0));
    let on = std::sync::Arc::new(AtomicBool::new(true));
    let watcher = {
        let (peak, on) = (peak.clone(), on.clone());
        std::thread::spawn(move || {
            while on.load(Ordering::SeqCst) {
                peak.fetch_max(super::threads(pid), Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let r = f();
    on.store(false, Ordering::SeqCst);
    let _ = watcher.join();
    (r, peak.load(Ordering::SeqCst))
}

/// Connections that never send a byte, and slow-loris ones that began
/// their headers and add a byte every 300 ms until [`Flood::stop`].
pub struct Flood {
    pub idle: Vec<std::net::TcpStream>,
    pub slow: Vec<std::net::TcpStream>,
    dripping: std::sync::Arc<std::sync::atomic::AtomicBool>,
    drip: Option<std::thread::JoinHandle<()>>,
}

impl Flood {
    pub fn open(addr: std::net::SocketAddr, idle: usize, slow: usize) -> Flood {
        use std::io::Write;
        let connect = || std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok();
        let idle: Vec<_> = (0..idle).filter_map(|_| connect()).collect();
        let mut slow: Vec<_> = (0..slow).filter_map(|_| connect()).collect();
        for s in &mut slow {
            let _ = s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n");
        }
        let dripping = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let drip = {
            let dripping = dripping.clone();
            let mut slow: Vec<_> = slow.iter().filter_map(|s| s.try_clone().ok()).collect();
            std::thread::spawn(move || {
                while dripping.load(std::sync::atomic::Ordering::SeqCst) {
                    for s in &mut slow {
                        let _ = s.write_all(b"X");
                    }
                    std::thread::sleep(Duration::from_millis(300));
                }
            })
        };
        Flood {
            idle,
            slow,
            dripping,
            drip: Some(drip),
        }
    }

    pub fn stop(&mut self) {
        self.dripping
            .store(false, std::sync::atomic::Ordering::SeqCst);
        if let Some(d) = self.drip.take() {
            let _ = d.join();
        }
    }
}

impl Drop for Flood {
    fn drop(&mut self) {
        self.stop();
    }
}
