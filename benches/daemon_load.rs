//! The intake daemon as a real process under the budgets of DESIGN.md §7:
//!
//! - idle CPU of `gridwatch intake` and of `gridwatch demo --speed 1` (in a
//!   pseudo-terminal), averaged over 30 s with nothing arriving: < 1 % of a core;
//! - 1 000 concurrent POSTs on new connections: p99 ≤ 500 ms, threads
//!   bounded, RSS < 100 MB;
//! - with the descriptor limit pinned at 1 024, 2 000 idle and 200 slow-loris
//!   connections open: `/health`, a POST and a spool file each ≤ 1 s.
//!
//! Prints figures; judges nothing (the tests assert the properties).
//! Run: `cargo bench --bench daemon_load` (`IDLE_SECONDS=10` for a quick look).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_gridwatch");

fn copy_dir(from: &Path, to: &Path) {
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

fn room() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("config"),
        &dir.path().join("config"),
    );
    let ok = Command::new(BIN)
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert!(ok.status.success());
    dir
}

fn cpu(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap();
    // SAFETY: sysconf reads a constant.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as u64;
    Duration::from_millis(ticks * 1000 / hz)
}

fn share(pid: u32, window: Duration) -> f64 {
    let (a, t) = (cpu(pid), Instant::now());
    std::thread::sleep(window);
    (cpu(pid) - a).as_secs_f64() / t.elapsed().as_secs_f64()
}

fn status_field(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn rss_mb(pid: u32) -> f64 {
    status_field(pid, "VmRSS:") as f64 / 1024.0
}

fn threads(pid: u32) -> u64 {
    status_field(pid, "Threads:")
}

struct Daemon {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn request(method: &str, path: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

fn exchange(addr: SocketAddr, req: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(req).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

fn post_body(ext: &str) -> Vec<u8> {
    format!("api_key=k&service_code=noise&lat=30.5&long=114.3&description=loud&attribute%5Bexternal_ref%5D={ext}").into_bytes()
}

fn daemon(dir: &Path, pin_descriptors: Option<u64>) -> Daemon {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .args(["intake", "--bind", "127.0.0.1:0"])
        .env("GRIDWATCH_API_KEYS", "k")
        .env("GRIDWATCH_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(n) = pin_descriptors {
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
    let mut child = cmd.spawn().unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    std::thread::spawn(move || for _ in lines {});
    let addr: SocketAddr = first
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|a| a.parse().ok())
        .unwrap();
    let start = Instant::now();
    while !exchange(addr, &request("GET", "/health", b"")).starts_with("HTTP/1.1 200") {
        assert!(start.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(20));
    }
    Daemon { child, addr }
}

fn idle(window: Duration) {
    let dir = room();
    let d = daemon(dir.path(), None);
    std::thread::sleep(Duration::from_secs(1));
    let s = share(d.child.id(), window);
    println!(
        "idle daemon, {:>3} s                       {:>6.2} % of a core   RSS {:.0} MB",
        window.as_secs(),
        s * 100.0,
        rss_mb(d.child.id())
    );
    drop(d);

    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(["demo", "--speed", "1"]);
    cmd.cwd(dir.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while matches!(reader.read(&mut buf), Ok(n) if n > 0) {}
    });
    std::thread::sleep(Duration::from_secs(3));
    let pid = child.process_id().unwrap();
    let s = share(pid, window);
    println!(
        "idle demo --speed 1 (pty 80x24), {:>3} s   {:>6.2} % of a core   RSS {:.0} MB",
        window.as_secs(),
        s * 100.0,
        rss_mb(pid)
    );
    let _ = child.kill();
    let _ = child.wait();
}

fn concurrent_posts(n: usize) {
    let dir = room();
    let d = daemon(dir.path(), None);
    let pid = d.child.id();
    let addr = d.addr;
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let on = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let watcher = {
        let (peak, on) = (peak.clone(), on.clone());
        std::thread::spawn(move || {
            while on.load(std::sync::atomic::Ordering::SeqCst) {
                peak.fetch_max(threads(pid), std::sync::atomic::Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut lat: Vec<Duration> = rt.block_on(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let gate = std::sync::Arc::new(tokio::sync::Barrier::new(n));
        let mut set = tokio::task::JoinSet::new();
        for i in 0..n {
            let gate = gate.clone();
            set.spawn(async move {
                let req = request(
                    "POST",
                    "/open311/v2/requests.json",
                    &post_body(&format!("B-{i}")),
                );
                gate.wait().await;
                let t = Instant::now();
                let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
                s.write_all(&req).await.unwrap();
                let mut out = Vec::new();
                s.read_to_end(&mut out).await.unwrap();
                assert!(out.starts_with(b"HTTP/1.1 201"));
                t.elapsed()
            });
        }
        let mut v = Vec::new();
        while let Some(r) = set.join_next().await {
            v.push(r.unwrap());
        }
        v
    });
    on.store(false, std::sync::atomic::Ordering::SeqCst);
    watcher.join().unwrap();
    lat.sort();
    let p = |q: f64| lat[((lat.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
    println!(
        "{n} concurrent POSTs, new connections        p50 {:>6.1} ms   p99 {:>6.1} ms   max {:>6.1} ms   peak threads {}   RSS {:.0} MB",
        p(0.5),
        p(0.99),
        p(1.0),
        peak.load(std::sync::atomic::Ordering::SeqCst),
        rss_mb(pid)
    );
}

fn flood() {
    let soft = gridwatch::sys::raise_nofile_limit().unwrap();
    assert!(soft >= 4096, "the flood needs 4 096 descriptors here");
    let dir = room();
    let d = daemon(dir.path(), Some(1024));
    let addr = d.addr;
    let idle: Vec<TcpStream> = (0..2000)
        .filter_map(|_| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok())
        .collect();
    let mut slow: Vec<TcpStream> = (0..200)
        .filter_map(|_| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok())
        .collect();
    for s in &mut slow {
        let _ = s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n");
    }
    let times = |what: &str, f: &mut dyn FnMut(usize) -> Duration| {
        let mut v: Vec<Duration> = (0..9).map(&mut *f).collect();
        v.sort();
        println!(
            "  {what:<38} median {:>6.1} ms   max {:>6.1} ms",
            v[4].as_secs_f64() * 1e3,
            v[8].as_secs_f64() * 1e3
        );
    };
    println!(
        "flood: descriptors pinned at 1 024, {} idle + {} slow-loris connections open",
        idle.len(),
        slow.len()
    );
    times("/health", &mut |_| {
        let t = Instant::now();
        assert!(exchange(addr, &request("GET", "/health", b"")).starts_with("HTTP/1.1 200"));
        t.elapsed()
    });
    times("POST requests.json", &mut |i| {
        let t = Instant::now();
        let out = exchange(
            addr,
            &request(
                "POST",
                "/open311/v2/requests.json",
                &post_body(&format!("F-{i}")),
            ),
        );
        assert!(out.starts_with("HTTP/1.1 201"), "{out}");
        t.elapsed()
    });
    let spool = gridwatch::intake::Spool::new(dir.path().join("spool"));
    let reader = gridwatch::store::Store::open(
        &dir.path().join("gridwatch.db"),
        gridwatch::store::Durability::Normal,
    )
    .unwrap();
    times("spool file -> committed row", &mut |i| {
        let before = reader
            .counts(chrono::Utc::now(), chrono::Duration::zero())
            .unwrap()
            .total;
        let body = format!(
            r#"{{"source":"hotline","external_ref":"S-{i}","category":"air","description":"smoke","location":{{"address":"石桥镇"}}}}"#
        );
        let t = Instant::now();
        spool.submit_bytes("flood.json", body.as_bytes()).unwrap();
        while reader
            .counts(chrono::Utc::now(), chrono::Duration::zero())
            .unwrap()
            .total
            == before
        {
            std::thread::sleep(Duration::from_micros(200));
        }
        t.elapsed()
    });
    println!(
        "  daemon RSS {:.0} MB, {} threads",
        rss_mb(d.child.id()),
        threads(d.child.id())
    );
}

fn main() {
    let secs = std::env::var("IDLE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    idle(Duration::from_secs(secs));
    concurrent_posts(1000);
    flood();
}
