//! The intake daemon as a real process (the release build) under the budgets
//! of DESIGN.md §7:
//!
//! - idle CPU of `gridwatch intake` and of `gridwatch demo --speed 1` (in a
//!   pseudo-terminal), averaged over 30 s with nothing arriving: < 1 % of a core;
//! - 1 000 concurrent POSTs on new connections: p99 ≤ 500 ms, threads
//!   bounded, RSS < 100 MB;
//! - with the descriptor limit pinned at 1 024, 2 000 idle and 200 slow-loris
//!   connections open: `/health`, a POST and a spool file each ≤ 1 s.
//!
//! Prints figures; judges nothing (the tests assert the properties). The
//! helpers are the tests' own (`tests/common`).
//! Run: `cargo bench --bench daemon_load` (`IDLE_SECONDS=10` for a quick look).

use std::time::{Duration, Instant};

use gridwatch::store::{Durability as DbDurability, Figures, SqliteStore};

#[path = "../tests/common/mod.rs"]
mod common;
use common::daemon::{
    Flood, concurrent_posts, count, enough_descriptors, peak_threads, pin_descriptors, post_body,
    quantile, start, start_with,
};
use common::pty::Pty;
use common::{FORM, Room, complaint_live, cpu_share, http, request, rss_bytes, threads};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn idle(window: Duration) {
    let room = Room::new();
    let d = start(&room);
    std::thread::sleep(Duration::from_secs(1));
    println!(
        "idle daemon, {:>3} s                        {:>6.2} % of a core   RSS {} MB",
        window.as_secs(),
        cpu_share(d.pid(), window) * 100.0,
        rss_bytes(d.pid()) >> 20
    );
    d.stop();
    let mut pty = Pty::spawn(&room, &["demo", "--speed", "1"], 80, 24);
    pty.wait_text("DRILL", Duration::from_secs(20));
    std::thread::sleep(Duration::from_secs(2));
    let pid = pty.child.process_id().unwrap();
    println!(
        "idle demo --speed 1 (pty 80x24), {:>3} s    {:>6.2} % of a core   RSS {} MB",
        window.as_secs(),
        cpu_share(pid, window) * 100.0,
        rss_bytes(pid) >> 20
    );
    let _ = pty.child.kill();
}

fn posts_at_once(n: usize) {
    let room = Room::new();
    let d = start(&room);
    let (lat, peak) = peak_threads(d.pid(), || concurrent_posts(d.addr, n, "B-"));
    assert_eq!(count(&room), n);
    println!(
        "{n} concurrent POSTs, new connections       p50 {:>6.1} ms   p99 {:>6.1} ms   max {:>6.1} ms   peak threads {peak}   RSS {} MB",
        ms(quantile(&lat, 0.5)),
        ms(quantile(&lat, 0.99)),
        ms(quantile(&lat, 1.0)),
        rss_bytes(d.pid()) >> 20
    );
    d.stop();
}

fn flood() {
    enough_descriptors(4096);
    let room = Room::new();
    let d = start_with(&room, |cmd| pin_descriptors(cmd, 1024));
    let addr = d.addr;
    let mut flood = Flood::open(addr, 2000, 200);
    println!(
        "flood: descriptors pinned at 1 024, {} idle + {} slow-loris connections open",
        flood.idle.len(),
        flood.slow.len()
    );
    let times = |what: &str, f: &mut dyn FnMut(usize) -> Duration| {
        let mut v: Vec<Duration> = (0..9).map(&mut *f).collect();
        v.sort();
        println!(
            "  {what:<38} median {:>6.1} ms   max {:>6.1} ms",
            ms(v[4]),
            ms(v[8])
        );
    };
    times("/health", &mut |_| {
        let t = Instant::now();
        assert_eq!(
            http(addr, &request("GET", "/health", None, b"")).unwrap().0,
            200
        );
        t.elapsed()
    });
    times("POST requests.json", &mut |i| {
        let t = Instant::now();
        let body = post_body(&format!("F-{i}"));
        let (st, out) = http(
            addr,
            &request("POST", "/open311/v2/requests.json", FORM, &body),
        )
        .unwrap();
        assert_eq!(st, 201, "{out}");
        t.elapsed()
    });
    let spool = gridwatch::intake::Spool::new(room.path("spool"));
    let reader = SqliteStore::open(&room.db(), DbDurability::Normal).unwrap();
    let total = || {
        reader
            .counts(chrono::Utc::now(), chrono::Duration::zero())
            .unwrap()
            .total
    };
    times("spool file -> committed row", &mut |i| {
        let before = total();
        let body = complaint_live(&format!("S-{i}")).to_string();
        let t = Instant::now();
        spool.submit_bytes("flood.json", body.as_bytes()).unwrap();
        while total() == before {
            std::thread::sleep(Duration::from_micros(200));
        }
        t.elapsed()
    });
    println!(
        "  daemon RSS {} MB, {} threads",
        rss_bytes(d.pid()) >> 20,
        threads(d.pid())
    );
    flood.stop();
    drop(flood);
    d.stop();
}

fn main() {
    let secs = std::env::var("IDLE_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    idle(Duration::from_secs(secs));
    posts_at_once(1000);
    flood();
}
