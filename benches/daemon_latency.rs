//! Intake latency of the running daemon (in-process, real clock, real files
//! and sockets): from a file renamed into `spool/new` to its committed row,
//! and from an Open311 POST to its 2xx. Prints p50/p99/max.
//!
//! Run: `cargo bench --bench daemon_latency`

use std::io::{Read, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gridwatch::clock::{ClockMode, SystemClock};
use gridwatch::config::Config;
use gridwatch::daemon::{Daemon, run};
use gridwatch::domain::Actor;
use gridwatch::intake::Spool;
use gridwatch::store::{Durability, Figures, SqliteStore};
use tokio_util::sync::CancellationToken;

fn pct(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn report(what: &str, v: Vec<Duration>) {
    println!(
        "{what:<34} n={:<5} p50 {:>7.2} ms   p99 {:>7.2} ms   max {:>7.2} ms",
        v.len(),
        pct(v.clone(), 0.5).as_secs_f64() * 1e3,
        pct(v.clone(), 0.99).as_secs_f64() * 1e3,
        pct(v, 1.0).as_secs_f64() * 1e3
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::embedded().unwrap();
    config.settings.spool_dir = dir.path().join("spool");
    config.settings.api_keys = vec!["k".into()];
    let db = dir.path().join("gw.db");
    SqliteStore::init(&db)
        .unwrap()
        .sync_reference(&config)
        .unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let shutdown = CancellationToken::new();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let d = Daemon {
        config: Arc::new(config.clone()),
        db_path: db.clone(),
        clock: Arc::new(SystemClock),
        actor: Actor::new("bench", "bench", ClockMode::Real),
        on_ready: None,
    };
    let task = rt.spawn(run(d, Some(listener), shutdown.clone()));
    let spool = Spool::new(config.settings.spool_dir.clone());
    let reader = SqliteStore::open(&db, Durability::Normal).unwrap();
    // wait until the daemon is up
    while std::net::TcpStream::connect(addr).is_err() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut files = Vec::new();
    for i in 0..300 {
        let body = format!(
            r#"{{"source":"hotline","external_ref":"LAT-{i}","category":"air","description":"smoke","location":{{"address":"石桥镇"}}}}"#
        );
        let before = reader.data_version().unwrap();
        let t = Instant::now();
        spool.submit_bytes("lat.json", body.as_bytes()).unwrap();
        // The row is committed when the data version moves and the row is there.
        loop {
            if reader.data_version().unwrap() != before
                && reader
                    .counts(chrono::Utc::now(), chrono::Duration::zero())
                    .unwrap()
                    .total
                    > i
            {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        files.push(t.elapsed());
    }
    report("spool/new -> committed row", files);
    let mut posts = Vec::new();
    for i in 0..500 {
        let body = format!(
            "api_key=k&service_code=noise&lat=30.5&long=114.3&description=loud&attribute%5Bexternal_ref%5D=H{i}"
        );
        let req = format!(
            "POST /open311/v2/requests.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let t = Instant::now();
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.write_all(req.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        posts.push(t.elapsed());
        assert!(out.starts_with("HTTP/1.1 201"), "{out}");
    }
    report("POST requests.json -> 2xx", posts);
    shutdown.cancel();
    rt.block_on(task).unwrap().unwrap();
}
