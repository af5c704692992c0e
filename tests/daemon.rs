//! The intake daemon as a real process: live spool, HTTP, graceful stop, one
//! daemon per spool, a hanging hook that stalls nothing, and `kill -9` at
//! random moments under load losing and doubling nothing.

use std::sync::mpsc;
use std::time::Duration;

use serde_json::json;

mod common;
use common::daemon::{count, post, start};
use common::{Room, complaint_live, wait_for};

#[test]
fn live_spool_http_heartbeat_and_a_graceful_stop() {
    let room = Room::new();
    let mut d = start(&room);
    // A file delivered while it runs is ingested without asking.
    let p = room.write("live.json", complaint_live("LIVE-1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    wait_for("the live file", Duration::from_secs(5), || {
        count(&room) == 1
    });
    assert!(room.spool("new").is_empty());
    let (st, body) = post(d.addr, "POST-1").unwrap();
    assert_eq!(st, 201, "{body}");
    assert_eq!(count(&room), 2);
    wait_for("a heartbeat", Duration::from_secs(10), || {
        room.json(&["status", "--json"])["daemon"]["stale"] == false
    });
    // A second daemon on the same spool is refused, the first keeps running.
    let out = room.cmd(&["intake", "--no-http"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "another intake daemon (pid {}) already runs on spool",
            d.child.id()
        )),
        "{err}"
    );
    // SIGTERM: finish and exit 0.
    unsafe { libc::kill(d.child.id() as i32, libc::SIGTERM) };
    let status = d.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let rest: Vec<String> = d.lines.try_iter().collect();
    assert!(
        rest.iter().any(|l| l.contains("gridwatch intake: stopped")),
        "{rest:?}"
    );
    assert!(
        std::fs::read_to_string(room.path("gridwatch-intake.log"))
            .unwrap()
            .contains("ingested")
    );
}

#[test]
fn a_hanging_alert_hook_does_not_stall_intake() {
    let room = Room::new();
    let toml = std::fs::read_to_string(room.path("config/gridwatch.toml")).unwrap();
    let toml = toml
        .replace("command = []", r#"command = ["sleep", "600"]"#)
        .replace(
            "command_timeout_seconds = 10",
            "command_timeout_seconds = 30",
        );
    room.write("config/gridwatch.toml", toml);
    // Already breached: its latest stage fires (the earlier two are skipped) and its hook hangs.
    let mut c = complaint_live("OLD-1");
    let breached = chrono::Utc::now() - chrono::Duration::hours(3);
    c["received_at"] = json!(breached.to_rfc3339());
    let p = room.write("old.json", c.to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    let mut d = start(&room);
    wait_for("three escalations", Duration::from_secs(10), || {
        count(&room) == 1
            && room.json(&["show", "1", "--json"])["escalations"]
                .as_array()
                .unwrap()
                .len()
                == 3
    });
    let started = std::time::Instant::now();
    let p = room.write("new.json", complaint_live("NEW-1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    wait_for(
        "the file behind the hanging hooks",
        Duration::from_secs(5),
        || count(&room) == 2,
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let (st, _) = post(d.addr, "P-HANG").unwrap();
    assert_eq!(st, 201);
    unsafe { libc::kill(d.child.id() as i32, libc::SIGTERM) };
    assert!(d.child.wait().unwrap().success());
}

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn kill_9_at_random_moments_under_load_loses_and_doubles_nothing() {
    let room = Room::new();
    let seed = std::env::var("GRIDWATCH_CHAOS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261130);
    let mut rng = Lcg(seed);
    // 1 000 complaints in 250 files, delivered in bursts while the daemon is killed and restarted.
    let files: Vec<_> = (0..250)
        .map(|f| {
            let lines: String = (0..4)
                .map(|i| format!("{}\n", complaint_live(&format!("F{f}-{i}"))))
                .collect();
            room.write(&format!("in/{f}.jsonl"), lines)
        })
        .collect();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (done_tx, done_rx) = mpsc::channel::<(usize, String)>();
    let (addr_tx, addr_rx) = mpsc::channel::<std::net::SocketAddr>();
    // The HTTP client retries each request with the same external_ref until it gets a 2xx.
    let client_stop = stop.clone();
    let mut client = Some(std::thread::spawn(move || {
        let mut addr = addr_rx.recv().unwrap();
        // POSTs keep coming through every kill until told to stop (at least 100).
        for i in 0.. {
            if i >= 100 && client_stop.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
            loop {
                while let Ok(a) = addr_rx.try_recv() {
                    addr = a;
                }
                match post(addr, &format!("P-{i}")) {
                    Ok((s, body)) if (200..300).contains(&s) => {
                        done_tx.send((i, body)).unwrap();
                        break;
                    }
                    _ => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        }
    }));
    let mut next_file = 0;
    for round in 0..5 {
        let d = start(&room);
        addr_tx
            .send(d.addr)
            .unwrap_or_else(|_| panic!("the client stopped early"));
        let burst = if round == 4 {
            files.len() - next_file
        } else {
            40 + rng.next(20) as usize
        };
        let chunk: Vec<&str> = files[next_file..(next_file + burst).min(files.len())]
            .iter()
            .map(|p| p.to_str().unwrap())
            .collect();
        next_file += chunk.len();
        let mut args = vec!["submit"];
        args.extend(chunk);
        room.ok(&args);
        if round < 4 {
            // Let it work for a random while, then kill -9 mid-stream.
            std::thread::sleep(Duration::from_millis(20 + rng.next(300)));
            let mut d = d;
            d.child.kill().unwrap(); // SIGKILL
            d.child.wait().unwrap();
        } else {
            let mut d = d;
            wait_for("the last files", Duration::from_secs(60), || {
                room.spool("new").is_empty()
            });
            stop.store(true, std::sync::atomic::Ordering::SeqCst);
            let received = client.take().unwrap().join().is_ok();
            assert!(received, "the HTTP client finished");
            unsafe { libc::kill(d.child.id() as i32, libc::SIGTERM) };
            assert!(d.child.wait().unwrap().success());
        }
    }
    let acked: Vec<(usize, String)> = done_rx.try_iter().collect();
    let posts = acked.len();
    assert!(posts >= 100, "the client posted throughout");
    assert!(
        acked.iter().enumerate().all(|(n, (i, _))| n == *i),
        "each POST acked once, in order"
    );
    let list = room.json(&["list", "--json"]);
    let rows = list.as_array().unwrap();
    let refs: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r["external_ref"].as_str().unwrap())
        .collect();
    assert_eq!(rows.len(), 1000 + posts, "every accepted complaint, once");
    assert_eq!(refs.len(), rows.len(), "no (source, external_ref) twice");
    for (i, body) in &acked {
        let id: serde_json::Value = serde_json::from_str(body).unwrap();
        let id = id[0]["service_request_id"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|r| r["id"].as_i64() == id.parse::<i64>().ok())
            .unwrap_or_else(|| panic!("POST {i} acked as {id} but missing"));
        assert_eq!(row["external_ref"], format!("P-{i}"));
    }
    assert!(room.spool("new").is_empty());
    assert_eq!(room.spool("bad").len(), 0);
    let c = rusqlite::Connection::open(room.db()).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

/// Budget: an idle daemon (HTTP on, nothing arriving) under 1 % of a core.
/// Before the fix its watch woke itself ~2 000 times a second (50–90 %).
#[test]
fn an_idle_daemon_rests() {
    let room = Room::new();
    let d = start(&room);
    wait_for("a heartbeat", Duration::from_secs(10), || {
        room.json(&["status", "--json"])["daemon"]["stale"] == false
    });
    let share = common::cpu_share(d.pid(), Duration::from_secs(10));
    assert!(
        share < 0.01,
        "idle daemon used {:.1} % of a core",
        share * 100.0
    );
    d.stop();
}

/// Replace the database file by rename while the daemon runs: it must stop
/// acknowledging (503, /health failing, files stay in new/) with one loud
/// line per step, not thousands, and take up a usable database again.
#[test]
fn a_replaced_database_takes_no_acknowledged_writes() {
    let room = Room::new();
    let d = start(&room);
    let (st, _) = post(d.addr, "BEFORE").unwrap();
    assert_eq!(st, 201);
    let db = room.db();
    let aside = room.path("gridwatch.db.orig");
    std::fs::rename(&db, &aside).unwrap();
    std::fs::write(&db, "garbage ".repeat(4096)).unwrap();

    let (st, body) = post(d.addr, "DURING").unwrap();
    assert_eq!(st, 503, "{body}");
    assert!(
        body.contains("was replaced or removed while in use"),
        "{body}"
    );
    let (st, body) = common::http(d.addr, &common::request("GET", "/health", None, b"")).unwrap();
    assert_eq!(st, 503, "{body}");
    assert!(body.contains("\"status\":\"failing\""), "{body}");
    let p = room.write("waiting.json", complaint_live("WAITING").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    // A few retries pass: the file stays, the log says so a few times only.
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(
        room.spool("new").len(),
        1,
        "not acknowledged into a lost file"
    );
    let lines: Vec<String> = d.lines.try_iter().collect();
    let complaints = lines
        .iter()
        .filter(|l| l.contains("spool pass failed") || l.contains("intake cannot write"))
        .count();
    assert!(
        (1..=6).contains(&complaints),
        "{complaints} lines: {lines:#?}"
    );

    // The file is put back: intake takes it up again, nothing lost or doubled.
    std::fs::rename(&aside, &db).unwrap();
    let (st, body) = post(d.addr, "DURING").unwrap();
    assert_eq!(st, 201, "{body}");
    wait_for("the waiting file", Duration::from_secs(10), || {
        room.spool("new").is_empty()
    });
    let mut refs = room.refs();
    refs.sort();
    assert_eq!(refs, ["BEFORE", "DURING", "WAITING"]);
    let (st, _) = common::http(d.addr, &common::request("GET", "/health", None, b"")).unwrap();
    assert_eq!(st, 200);
    d.stop();
}

/// `rm -rf spool` while the daemon runs: it makes the spool anew, takes its
/// lock again at once, and a second daemon is still refused.
#[test]
fn removing_the_spool_keeps_one_daemon_per_spool() {
    let room = Room::new();
    let d = start(&room);
    // Out of the way at once, then gone (a plain `rm -rf` races with the
    // daemon making the spool anew and may end "Directory not empty").
    std::fs::rename(room.path("spool"), room.path("spool.old")).unwrap();
    std::fs::remove_dir_all(room.path("spool.old")).unwrap();
    wait_for(
        "the spool and its lock made anew",
        Duration::from_secs(3),
        || {
            room.path("spool/new").is_dir()
                && gridwatch::intake::lock::SpoolLock::holder_of(&room.path("spool"))
                    == Some(format!("pid {}", d.pid()))
        },
    );
    let out = room
        .cmd(&["intake", "--bind", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "another intake daemon (pid {}) already runs",
            d.pid()
        )),
        "{err}"
    );
    assert!(
        !err.contains("listening on"),
        "refused before it says it listens: {err}"
    );
    // And it still hears new files in the new spool.
    let p = room.write("after.json", complaint_live("AFTER").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    wait_for("the file in the new spool", Duration::from_secs(10), || {
        count(&room) == 1
    });
    let lines = d.stop();
    assert!(
        lines.iter().any(|l| l.contains("took its lock again")),
        "{lines:#?}"
    );
}

/// Hostile names and fields, a FIFO and a link dropped into `new/` while the
/// daemon runs: quarantined with reasons, the log (file and stderr) inert,
/// and the daemon never blocks.
#[test]
fn hostile_entries_in_new_are_quarantined_and_logged_inert() {
    use std::os::unix::ffi::OsStrExt;
    let room = Room::new();
    let d = start(&room);
    let new = room.path("spool/new");
    std::fs::write(
        new.join(std::ffi::OsStr::from_bytes(
            b"\x1b]0;OWNED\x07 \x1b[2J x.json",
        )),
        "not json",
    )
    .unwrap();
    let mut evil = complaint_live("EVIL");
    evil["source"] = json!("\u{1b}]0;OWNED\u{7}");
    std::fs::write(new.join("evil.json"), evil.to_string()).unwrap();
    let fifo = std::ffi::CString::new(new.join("pipe.json").as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/etc/passwd", new.join("link.json")).unwrap();
    let p = room.write("good.json", complaint_live("GOOD").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    wait_for("every entry decided", Duration::from_secs(10), || {
        room.spool("new").is_empty() && count(&room) == 1
    });
    assert_eq!(room.spool("bad").len(), 8, "4 entries and 4 reasons");
    let lines = d.stop();
    let log = std::fs::read(room.path("gridwatch-intake.log")).unwrap();
    for (what, bytes) in [("log file", log), ("stderr", lines.join("\n").into_bytes())] {
        assert!(
            !bytes.iter().any(|b| *b == 0x1b || *b == 0x07),
            "a raw escape reached the {what}: {}",
            String::from_utf8_lossy(&bytes)
        );
    }
    let text = lines.join("\n");
    assert!(
        text.contains("\\u{1b}]0;OWNED\\u{7} \\u{1b}[2J x.json"),
        "{text}"
    );
    assert!(text.contains("quarantined"), "{text}");
}

/// Makes a file immutable (`chattr +i`) until dropped.
struct Immutable(std::path::PathBuf);

impl Immutable {
    fn set(p: &std::path::Path) -> Immutable {
        let out = std::process::Command::new("chattr")
            .arg("+i")
            .arg(p)
            .output()
            .expect("this test needs chattr (e2fsprogs)");
        assert!(
            out.status.success(),
            "this test needs a file system with the immutable flag: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Immutable(p.to_path_buf())
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .output();
    }
}

/// The database file made immutable while the daemon runs: complaints still
/// commit (into the WAL, durable), but the file takes no checkpoint, and
/// `/health` must say the store cannot be written (it used to say "ok"
/// while POSTs failed with 500).
#[test]
fn an_unwritable_database_file_makes_health_fail_and_says_why() {
    let room = Room::on_disk();
    let d = start(&room);
    let health = || common::http(d.addr, &common::request("GET", "/health", None, b"")).unwrap();
    assert_eq!(health().0, 200);
    let guard = Immutable::set(&room.db());
    let (st, body) = post(d.addr, "WHILE-IMMUTABLE").unwrap();
    assert!(
        st == 201 || st == 503,
        "stored in the WAL, or refused for retry: {st} {body}"
    );
    wait_for("/health to fail", Duration::from_secs(5), || {
        health().0 == 503
    });
    let (_, body) = health();
    assert!(body.contains("\"status\":\"failing\""), "{body}");
    assert!(
        body.contains("check the disk, free space, the file system, an immutable flag"),
        "{body}"
    );
    drop(guard);
    let (st, _) = post(d.addr, "AFTER").unwrap();
    assert_eq!(st, 201);
    wait_for("/health to recover", Duration::from_secs(5), || {
        health().0 == 200
    });
    let lines = d.stop();
    // Whichever notices first says it — the writer's checkpoint after the
    // POST, or the WAL job after a heartbeat — and each says it once, not
    // once per retry.
    let count = |what: &str| lines.iter().filter(|l| l.contains(what)).count();
    let (writer, wal) = (
        count("cannot copy committed complaints"),
        count("wal failed; retrying"),
    );
    assert!(
        writer <= 1 && wal <= 1 && writer + wal >= 1,
        "said once: {lines:#?}"
    );
}

/// Another gridwatch database renamed over the live one: the daemon must not
/// take it up by itself (the `-wal` beside the path is shared by whatever
/// file is there; writing the new one while connections to the old one live
/// once destroyed the original). Both files stay whole, the acknowledged
/// complaints stay in the original, and a restart takes up the new file.
#[test]
fn a_database_swapped_for_another_stays_untouched_until_a_restart() {
    let room = Room::new();
    // The other database holds one complaint of its own.
    std::fs::create_dir(room.path("other")).unwrap(); // init makes files, not directories
    room.ok(&["--db", "other/other.db", "init"]);
    let p = room.write("other.json", complaint_live("OTHER-1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&["--db", "other/other.db", "intake", "--once"]);
    let d = start(&room);
    for i in 0..3 {
        assert_eq!(post(d.addr, &format!("ACK-{i}")).unwrap().0, 201);
    }
    // The operator swaps half a second later (the writer empties the -wal
    // after 200 ms of quiet), and at once a command writes the new file
    // (seen: the daemon then copied that write into the original).
    std::thread::sleep(Duration::from_millis(500));
    std::fs::rename(room.db(), room.path("orig.db")).unwrap();
    std::fs::rename(room.path("other/other.db"), room.db()).unwrap();
    room.ok(&["dispatch", "1", "--officer", "O001"]);
    let (st, body) = post(d.addr, "AFTER-SWAP").unwrap();
    assert_eq!(st, 503, "{body}");
    assert!(
        body.contains("was replaced or removed while in use"),
        "{body}"
    );
    let (st, _) = common::http(d.addr, &common::request("GET", "/health", None, b"")).unwrap();
    assert_eq!(st, 503);
    d.stop();
    let refs_of = |path: &std::path::Path| {
        let c = rusqlite::Connection::open(path).unwrap();
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "{}", path.display());
        let refs: Vec<String> = c
            .prepare("SELECT external_ref FROM complaint ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        refs
    };
    assert_eq!(refs_of(&room.path("orig.db")), ["ACK-0", "ACK-1", "ACK-2"]);
    assert_eq!(refs_of(&room.db()), ["OTHER-1"]);
    assert_eq!(room.json(&["show", "1", "--json"])["dispatched_to"], "O001");
    // A restart takes up the file at the path.
    let d = start(&room);
    assert_eq!(post(d.addr, "RESTARTED").unwrap().0, 201);
    d.stop();
    assert_eq!(refs_of(&room.db()), ["OTHER-1", "RESTARTED"]);
    assert_eq!(refs_of(&room.path("orig.db")), ["ACK-0", "ACK-1", "ACK-2"]);
}

/// A writer that ignores the maildir rule and writes straight into `new/`,
/// slowly: the file is taken when it is closed, whole — not on creation,
/// nor by a rescan or another file's pass while it is still open (seen:
/// half of it stored, all of it moved to `cur/`).
#[test]
fn a_file_written_straight_into_new_is_read_when_closed() {
    use std::io::Write;
    let room = Room::new();
    let toml = std::fs::read_to_string(room.path("config/gridwatch.toml")).unwrap();
    room.write(
        "config/gridwatch.toml",
        toml.replace("rescan_interval_seconds = 5", "rescan_interval_seconds = 1"),
    );
    let d = start(&room);
    let mut f = std::fs::File::create(room.path("spool/new/direct.jsonl")).unwrap();
    for i in 0..8 {
        writeln!(f, "{}", complaint_live(&format!("SLOW-{i}"))).unwrap();
        f.flush().unwrap();
        if i == 3 {
            let p = room.write("other.json", complaint_live("OTHER").to_string());
            room.ok(&["submit", p.to_str().unwrap()]);
        }
        std::thread::sleep(Duration::from_millis(300)); // the slow writer
    }
    wait_for("the other file", Duration::from_secs(5), || {
        count(&room) == 1
    });
    assert_eq!(room.refs(), ["OTHER"], "nothing taken from the open file");
    drop(f);
    wait_for("the closed file, whole", Duration::from_secs(5), || {
        count(&room) == 9
    });
    assert!(room.spool("new").is_empty());
    d.stop();
}

/// The database removed and made anew by `init` while the daemon still
/// holds the old one: `init` refuses while the old file's `-wal` is beside
/// the path (seen: the new file took up its frames, then lost its tables
/// when the daemon stopped).
#[test]
fn init_will_not_make_a_database_beside_a_removed_ones_wal() {
    let room = Room::new();
    let d = start(&room);
    assert_eq!(post(d.addr, "ACK").unwrap().0, 201);
    std::fs::remove_file(room.db()).unwrap();
    let err = room.fails(1, &["init"]);
    assert!(
        err.contains("gridwatch.db-wal of an earlier database file is still beside it"),
        "{err}"
    );
    assert!(!room.db().exists(), "nothing made");
    d.stop();
    // With nothing running, the message says what to do; then init makes a sound file.
    let err = room.fails(1, &["init"]);
    assert!(
        err.contains("if none runs, remove the -wal and -shm"),
        "{err}"
    );
    for f in ["gridwatch.db-wal", "gridwatch.db-shm"] {
        let _ = std::fs::remove_file(room.path(f));
    }
    room.ok(&["init"]);
    assert_eq!(
        room.json(&["status", "--json"])["schema_version"],
        gridwatch::store::LATEST_VERSION
    );
}

/// A reader first used while another file is at the path does not take that
/// file up: the Open311 reads answer 503 while it is there (not the other
/// file's complaints, nor 404), and answer from the original once it is back.
#[test]
fn reads_first_made_during_a_swap_wait_for_the_original() {
    let room = Room::new();
    std::fs::create_dir(room.path("other")).unwrap(); // init makes files, not directories
    room.ok(&["--db", "other/other.db", "init"]);
    let d = start(&room);
    assert_eq!(post(d.addr, "ORIG-1").unwrap().0, 201);
    // The writer empties the -wal after 200 ms of quiet: swap only then.
    let wal = room.path("gridwatch.db-wal");
    common::wait_for("the -wal emptied", Duration::from_secs(5), || {
        std::fs::metadata(&wal).map_or(true, |m| m.len() == 0)
    });
    std::fs::rename(room.db(), room.path("orig.db")).unwrap();
    std::fs::rename(room.path("other/other.db"), room.db()).unwrap();
    let get = |path: &str| common::http(d.addr, &common::request("GET", path, None, b"")).unwrap();
    // Several at once, so that readers are opened now, not only the one
    // the start-up's health check made.
    let addr = d.addr;
    let answers: Vec<(u16, String)> = (0..8)
        .map(|_| {
            std::thread::spawn(move || {
                let r = common::request("GET", "/open311/v2/requests/1.json", None, b"");
                common::http(addr, &r).unwrap()
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    for (st, body) in &answers {
        assert_eq!(*st, 503, "{body}");
    }
    let (st, body) = get("/open311/v2/requests.json");
    assert_eq!(st, 503, "{body}");
    // The original back at its path: reads and health carry on.
    std::fs::rename(room.db(), room.path("other/other.db")).unwrap();
    std::fs::rename(room.path("orig.db"), room.db()).unwrap();
    common::wait_for("reads from the original", Duration::from_secs(5), || {
        let (st, body) = get("/open311/v2/requests/1.json");
        st == 200 && body.contains(r#""service_request_id":"1""#)
    });
    common::wait_for("health ok again", Duration::from_secs(5), || {
        get("/health").0 == 200
    });
    d.stop();
}
