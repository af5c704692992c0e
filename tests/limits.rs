//! The intake daemon under floods, as a real process on a real socket:
//! idle and slow-loris connections against a pinned descriptor limit, and a
//! thousand POSTs at once. Before: 1 100 idle connections took `/health`,
//! POSTs and the spool down; 1 000 POSTs made 518 threads.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

mod common;
use common::daemon::{count, start_with};
use common::{FORM, Room, complaint, http, request, wait_for};

/// This test opens thousands of sockets itself.
fn enough_descriptors(n: u64) {
    let soft = gridwatch::sys::raise_nofile_limit().unwrap();
    assert!(
        soft >= n,
        "this test needs {n} descriptors; the hard limit here is {soft} (raise it with ulimit -Hn)"
    );
}

fn post_body(ext: &str) -> Vec<u8> {
    format!(
        "api_key=k3y&service_code=noise&lat=30.5&long=114.3&description=loud&attribute%5Bexternal_ref%5D={ext}"
    )
    .into_bytes()
}

#[test]
fn idle_and_slow_connections_cannot_starve_health_posts_or_the_spool() {
    enough_descriptors(4096);
    let room = Room::new();
    let toml = std::fs::read_to_string(room.path("config/gridwatch.toml")).unwrap();
    room.write(
        "config/gridwatch.toml",
        toml.replace("header_timeout_seconds = 10", "header_timeout_seconds = 3"),
    );
    let d = start_with(&room, |cmd| {
        use std::os::unix::process::CommandExt;
        // SAFETY: only setrlimit between fork and exec. The daemon raises
        // its soft limit to the hard one: pin both at 1 024.
        unsafe {
            cmd.pre_exec(|| {
                let r = libc::rlimit {
                    rlim_cur: 1024,
                    rlim_max: 1024,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &r) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    });
    let addr = d.addr;
    // 2 000 connections that never send a byte.
    let mut idle = Vec::new();
    for _ in 0..2000 {
        if let Ok(s) = TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
            idle.push(s);
        }
    }
    assert!(
        idle.len() >= 1900,
        "only {} idle connections opened",
        idle.len()
    );
    // 200 slow-loris clients: headers begun, a byte now and then, never ended.
    let mut slow: Vec<TcpStream> = (0..200)
        .filter_map(|_| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok())
        .collect();
    for s in &mut slow {
        let _ = s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n");
    }
    let dripping = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let drip = {
        let dripping = dripping.clone();
        let mut slow: Vec<TcpStream> = slow.iter().filter_map(|s| s.try_clone().ok()).collect();
        std::thread::spawn(move || {
            while dripping.load(std::sync::atomic::Ordering::SeqCst) {
                for s in &mut slow {
                    let _ = s.write_all(b"X");
                }
                std::thread::sleep(Duration::from_millis(300));
            }
        })
    };

    // With all of that open: /health, a POST and a spool file, each within 1 s.
    let t = Instant::now();
    let (st, body) = http(addr, &request("GET", "/health", None, b"")).unwrap();
    let health = t.elapsed();
    assert_eq!(st, 200, "{body}");
    let t = Instant::now();
    let (st, body) = http(
        addr,
        &request(
            "POST",
            "/open311/v2/requests.json",
            FORM,
            &post_body("FLOOD-1"),
        ),
    )
    .unwrap();
    let posted = t.elapsed();
    assert_eq!(st, 201, "{body}");
    let p = room.write("flood.json", complaint("FLOOD-FILE").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    let t = Instant::now();
    wait_for("the spool file", Duration::from_secs(10), || {
        count(&room) == 2
    });
    let filed = t.elapsed();
    eprintln!("under the flood: /health {health:?}, POST {posted:?}, spool file {filed:?}");
    for (what, took) in [("/health", health), ("POST", posted), ("spool file", filed)] {
        assert!(took < Duration::from_secs(1), "{what} took {took:?}");
    }
    let rss = common::rss_bytes(d.pid());
    assert!(rss < 100 << 20, "RSS {} MB", rss >> 20);
    assert!(
        common::threads(d.pid()) <= 32,
        "{} threads",
        common::threads(d.pid())
    );

    // Slow-loris clients are cut off at the header timeout (3 s here).
    wait_for("the slow clients cut off", Duration::from_secs(10), || {
        slow.iter_mut().all(|s| {
            let _ = s.set_read_timeout(Some(Duration::from_millis(50)));
            let mut buf = [0u8; 512];
            match s.read(&mut buf) {
                Ok(0) => true, // closed by the server
                Ok(_) => true, // an error answer, then closed
                Err(e) => {
                    e.kind() != std::io::ErrorKind::WouldBlock
                        && e.kind() != std::io::ErrorKind::TimedOut
                }
            }
        })
    });
    dripping.store(false, std::sync::atomic::Ordering::SeqCst);
    let _ = drip.join();
    drop(idle);
    d.stop();
}

#[test]
fn a_thousand_concurrent_posts_are_all_stored_on_bounded_threads() {
    enough_descriptors(3000);
    let room = Room::new();
    let d = start_with(&room, |_| {});
    let addr: SocketAddr = d.addr;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let pid = d.pid();
    let peak_threads = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let watching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let watcher = {
        let (peak, watching) = (peak_threads.clone(), watching.clone());
        std::thread::spawn(move || {
            while watching.load(std::sync::atomic::Ordering::SeqCst) {
                peak.fetch_max(common::threads(pid), std::sync::atomic::Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let mut latencies: Vec<Duration> = rt.block_on(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let gate = std::sync::Arc::new(tokio::sync::Barrier::new(1000));
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..1000 {
            let gate = gate.clone();
            tasks.spawn(async move {
                let req = request(
                    "POST",
                    "/open311/v2/requests.json",
                    FORM,
                    &post_body(&format!("C-{i}")),
                );
                gate.wait().await;
                let t = Instant::now();
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
        v
    });
    watching.store(false, std::sync::atomic::Ordering::SeqCst);
    watcher.join().unwrap();
    latencies.sort();
    let p = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    eprintln!(
        "1000 concurrent POSTs: p50 {:?}, p99 {:?}, max {:?}; peak threads {}",
        p(0.5),
        p(0.99),
        p(1.0),
        peak_threads.load(std::sync::atomic::Ordering::SeqCst)
    );
    assert_eq!(count(&room), 1000, "every acknowledged POST is stored");
    let peak = peak_threads.load(std::sync::atomic::Ordering::SeqCst);
    assert!(peak <= 32, "{peak} threads at the peak");
    let rss = common::rss_bytes(pid);
    assert!(rss < 100 << 20, "RSS {} MB", rss >> 20);
    d.stop();
}
