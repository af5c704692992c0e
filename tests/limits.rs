//! The intake daemon under floods, as a real process on a real socket:
//! idle and slow-loris connections against a pinned descriptor limit, and a
//! thousand POSTs at once. Before: 1 100 idle connections took `/health`,
//! POSTs and the spool down; 1 000 POSTs made 518 threads.

use std::io::Read;
use std::time::{Duration, Instant};

mod common;
use common::daemon::{
    Flood, concurrent_posts, count, enough_descriptors, peak_threads, pin_descriptors, post_body,
    quantile, start_with,
};
use common::{FORM, Room, complaint_live, http, request, wait_for};

#[test]
fn idle_and_slow_connections_cannot_starve_health_posts_or_the_spool() {
    enough_descriptors(4096);
    let room = Room::new();
    let toml = std::fs::read_to_string(room.path("config/gridwatch.toml")).unwrap();
    room.write(
        "config/gridwatch.toml",
        toml.replace("header_timeout_seconds = 10", "header_timeout_seconds = 3"),
    );
    let d = start_with(&room, |cmd| pin_descriptors(cmd, 1024));
    let addr = d.addr;
    let mut flood = Flood::open(addr, 2000, 200);
    assert!(
        flood.idle.len() >= 1900,
        "only {} idle connections opened",
        flood.idle.len()
    );
    assert!(
        flood.slow.len() >= 190,
        "only {} slow connections opened",
        flood.slow.len()
    );

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
    let p = room.write("flood.json", complaint_live("FLOOD-FILE").to_string());
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
        flood.slow.iter_mut().all(|s| {
            let _ = s.set_read_timeout(Some(Duration::from_millis(50)));
            let mut buf = [0u8; 512];
            match s.read(&mut buf) {
                Ok(0) => true,  // closed by the server
                Ok(n) => n > 0, // an error answer (408), then closed
                Err(e) => {
                    e.kind() != std::io::ErrorKind::WouldBlock
                        && e.kind() != std::io::ErrorKind::TimedOut
                }
            }
        })
    });
    flood.stop();
    drop(flood);
    d.stop();
}

#[test]
fn a_thousand_concurrent_posts_are_all_stored_on_bounded_threads() {
    enough_descriptors(3000);
    let room = Room::new();
    let d = start_with(&room, |_| {});
    let (latencies, peak) = peak_threads(d.pid(), || concurrent_posts(d.addr, 1000, "C-"));
    eprintln!(
        "1000 concurrent POSTs: p50 {:?}, p99 {:?}, max {:?}; peak threads {peak}",
        quantile(&latencies, 0.5),
        quantile(&latencies, 0.99),
        quantile(&latencies, 1.0),
    );
    assert_eq!(count(&room), 1000, "every acknowledged POST is stored");
    assert!(peak <= 32, "{peak} threads at the peak");
    let rss = common::rss_bytes(d.pid());
    assert!(rss < 100 << 20, "RSS {} MB", rss >> 20);
    d.stop();
}

/// At the cap the newest connection is not the one dropped: with room for
/// one connection, every client in turn is served; with every connection
/// inside a request, a new client waits for one to end.
#[test]
fn at_the_cap_a_new_client_waits_its_turn() {
    use std::io::Write;
    let room = Room::new();
    let toml = std::fs::read_to_string(room.path("config/gridwatch.toml")).unwrap();
    room.write(
        "config/gridwatch.toml",
        toml.replace("max_connections = 0", "max_connections = 2"),
    );
    let d = start_with(&room, |_| {});
    for i in 0..20 {
        let (st, body) = http(d.addr, &request("GET", "/health", None, b"")).unwrap();
        assert_eq!(st, 200, "request {i}: {body}");
    }
    // Two clients inside their POSTs (headers sent, body not yet).
    let body = post_body("HELD");
    let mut held: Vec<std::net::TcpStream> = (0..2)
        .map(|_| {
            let mut s = std::net::TcpStream::connect(d.addr).unwrap();
            let req = request("POST", "/open311/v2/requests.json", FORM, &body);
            s.write_all(&req[..req.len() - 10]).unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300)); // both are inside the handler now
    let addr = d.addr;
    let waiting = std::thread::spawn(move || http(addr, &request("GET", "/health", None, b"")));
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !waiting.is_finished(),
        "served although both places are taken"
    );
    // One POST completes: its place goes to the waiting client.
    let req = request("POST", "/open311/v2/requests.json", FORM, &body);
    held[0].write_all(&req[req.len() - 10..]).unwrap();
    let (st, body) = waiting.join().unwrap().unwrap();
    assert_eq!(st, 200, "{body}");
    drop(held);
    d.stop();
}

/// A client that sends its POST and shuts its side of the socket still
/// gets the answer for what was stored.
#[test]
fn a_half_closed_client_still_gets_its_answer() {
    use std::io::Write;
    let room = Room::new();
    let d = start_with(&room, |_| {});
    let mut s = std::net::TcpStream::connect(d.addr).unwrap();
    s.write_all(&request(
        "POST",
        "/open311/v2/requests.json",
        FORM,
        &post_body("HALF"),
    ))
    .unwrap();
    s.shutdown(std::net::Shutdown::Write).unwrap();
    let mut out = String::new();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.read_to_string(&mut out).unwrap();
    assert!(out.starts_with("HTTP/1.1 201"), "{out}");
    assert_eq!(room.refs(), ["HALF"]);
    d.stop();
}

/// Clients that ask for a large list and never read it: memory stays
/// bounded (a few lists are made and sent at a time) and they are cut off
/// when their answer stops draining. Before: 100 of them took 1.5 GB.
#[test]
fn clients_that_never_read_their_answer_hold_bounded_memory() {
    use std::io::Write;
    enough_descriptors(1024);
    let room = Room::new();
    let toml = std::fs::read_to_string(room.path("config/gridwatch.toml")).unwrap();
    room.write(
        "config/gridwatch.toml",
        toml.replace("header_timeout_seconds = 10", "header_timeout_seconds = 3"),
    );
    // 1 000 complaints with 4 000-character descriptions: a 12 MB list.
    let lines: String = (0..1000)
        .map(|i| {
            let mut c = complaint_live(&format!("BIG-{i}"));
            c["description"] = serde_json::json!("污".repeat(4000));
            format!("{c}\n")
        })
        .collect();
    let p = room.write("big.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&["intake", "--once"]);
    let d = start_with(&room, |_| {});
    // Sockets only: the daemon's jobs open their database files lazily,
    // and one opened after this count made the comparison fail under load.
    let fds = || {
        std::fs::read_dir(format!("/proc/{}/fd", d.pid()))
            .unwrap()
            .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
            .filter(|l| l.to_string_lossy().starts_with("socket:"))
            .count()
    };
    let before = fds();
    let stuck: Vec<std::net::TcpStream> = (0..100)
        .map(|_| {
            let mut s = std::net::TcpStream::connect(d.addr).unwrap();
            s.write_all(&request("GET", "/open311/v2/requests.json", None, b""))
                .unwrap();
            s
        })
        .collect();
    let mut peak = 0;
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(3) {
        peak = peak.max(common::rss_bytes(d.pid()));
        std::thread::sleep(Duration::from_millis(50));
    }
    eprintln!(
        "100 clients not reading a 12 MB list: peak RSS {} MB",
        peak >> 20
    );
    assert!(peak < 100 << 20, "peak RSS {} MB", peak >> 20);
    let (st, _) = http(d.addr, &request("GET", "/health", None, b"")).unwrap();
    assert_eq!(st, 200);
    // Their answers stop draining: each is cut off after the timeout.
    wait_for("the stuck clients cut off", Duration::from_secs(60), || {
        fds() <= before + 5
    });
    drop(stuck);
    d.stop();
}

/// Clients parked inside their POST bodies hold a reading slot for at most
/// a few seconds: a real POST still gets through (before: 260 of them held
/// every slot until the 10 s request timeout), and they are told 408. A
/// chunked body cut short is a 400, not "too large".
#[test]
fn clients_parked_in_their_bodies_cannot_hold_up_a_post() {
    use std::io::Write;
    enough_descriptors(2048);
    let room = Room::new();
    let d = start_with(&room, |_| {});
    let body = post_body("PARKED");
    let req = request("POST", "/open311/v2/requests.json", FORM, &body);
    let mut parked: Vec<std::net::TcpStream> = (0..600)
        .map(|_| {
            let mut s = std::net::TcpStream::connect(d.addr).unwrap();
            s.write_all(&req[..req.len() - 5]).unwrap();
            s
        })
        .collect();
    let t = Instant::now();
    let (st, out) = http(
        d.addr,
        &request(
            "POST",
            "/open311/v2/requests.json",
            FORM,
            &post_body("REAL"),
        ),
    )
    .unwrap();
    let took = t.elapsed();
    assert_eq!(st, 201, "{out}");
    assert!(took < Duration::from_secs(5), "a real POST took {took:?}");
    let mut answer = String::new();
    parked[0]
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    parked[0].read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("did not arrive within 3 s"), "{answer}");
    drop(parked);
    // A chunked body that promises more than it sends, then half-closes.
    let mut s = std::net::TcpStream::connect(d.addr).unwrap();
    s.write_all(b"POST /open311/v2/requests.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n6e\r\napi_key=k3y")
        .unwrap();
    s.shutdown(std::net::Shutdown::Write).unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("ended early"), "{answer}");
    assert_eq!(room.refs(), ["REAL"]);
    d.stop();
}
