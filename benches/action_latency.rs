//! From a key to the changed row on every console (DESIGN.md §7: ≤ 300 ms),
//! measured as a duty room lives it: three real consoles in pseudo-terminals
//! on one database while the intake daemon (a real process) takes in 50
//! spool files a second. Console A dispatches the complaints one after the
//! other (`d` `Enter`, then `j`); the time runs from the `Enter` written to
//! A's terminal until each console's screen shows that row as dispatched.
//! Prints p50/p99/max for the acting console and for the two others.
//!
//! Run: `cargo bench --bench action_latency` (about a minute).

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_gridwatch");
const SAMPLES: usize = 40;
const SEEDED: usize = SAMPLES + 5;
const FILES_PER_SECOND: u64 = 50;
const BUDGET: Duration = Duration::from_millis(300);

struct Console {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Console {
    fn open(dir: &Path, db: &Path, actor: &str) -> Console {
        let (cols, rows) = (200, 60);
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(["--db", db.to_str().unwrap(), "tui"]);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("GRIDWATCH_ACTOR", actor);
        cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let s = screen.clone();
        std::thread::spawn(move || {
            let _keep = pair.master;
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
            }
        });
        Console {
            screen,
            writer,
            child,
        }
    }

    fn keys(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Does the row of complaint `id` say `word`?
    fn row_says(&self, id: usize, word: &str) -> bool {
        let text = self.screen.lock().unwrap().screen().contents();
        text.lines()
            .any(|l| l.split_whitespace().next() == Some(&id.to_string()) && l.contains(word))
    }

    fn wait(&self, what: &str, deadline: Duration, ok: impl Fn(&Console) -> bool) -> Duration {
        let start = Instant::now();
        while !ok(self) {
            assert!(start.elapsed() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(1));
        }
        start.elapsed()
    }
}

fn complaint(n: usize, grid: &str) -> String {
    format!(
        r#"{{"source":"hotline","external_ref":"L{n}","category":"air","grid":"{grid}","description":"烟尘","location":{{"address":"城关镇"}}}}"#
    )
}

fn deliver(spool: &Path, name: &str, body: &str) {
    let tmp = spool.join("tmp").join(name);
    std::fs::write(&tmp, body).unwrap();
    std::fs::rename(&tmp, spool.join("new").join(name)).unwrap();
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn report(what: &str, mut v: Vec<Duration>) -> Duration {
    let p99 = pct(&mut v, 0.99);
    println!(
        "{what:<40} n={:<4} p50 {:>6.1} ms   p99 {:>6.1} ms   max {:>6.1} ms",
        v.len(),
        pct(&mut v, 0.5).as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        pct(&mut v, 1.0).as_secs_f64() * 1e3
    );
    p99
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gw.db");
    let run = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(["--db", db.to_str().unwrap()])
            .args(args)
            .current_dir(dir.path())
            .env_remove("GRIDWATCH_CONFIG")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
    };
    run(&["init"]);
    let spool = dir.path().join("spool");
    // The complaints to dispatch, received together: the dashboard lists
    // them by id (same deadline), first selected.
    let seeds: String = (1..=SEEDED).map(|n| complaint(n, "T01") + "\n").collect();
    deliver(&spool, "seed.jsonl", &seeds);
    run(&["intake", "--once"]);
    let mut daemon: Child = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "intake", "--no-http"])
        .current_dir(dir.path())
        .env_remove("GRIDWATCH_CONFIG")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The feed: 50 files a second, in another grid (below the seeds).
    let stop = Arc::new(AtomicBool::new(false));
    let feeder = {
        let (stop, spool) = (stop.clone(), spool.clone());
        std::thread::spawn(move || {
            let start = Instant::now();
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let name = format!("feed-{n:08}.json");
                deliver(&spool, &name, &complaint(100_000 + n as usize, "T04"));
                let due = start + Duration::from_millis(n * 1000 / FILES_PER_SECOND);
                std::thread::sleep(due.saturating_duration_since(Instant::now()));
            }
            n
        })
    };
    let mut consoles: Vec<Console> = ["a", "b", "c"]
        .iter()
        .map(|who| Console::open(dir.path(), &db, who))
        .collect();
    for c in &consoles {
        c.wait("the first frame", Duration::from_secs(20), |c| {
            c.row_says(1, "received")
        });
    }
    let (mut acting, mut others) = (Vec::new(), Vec::new());
    for id in 1..=SAMPLES {
        consoles[0].keys("d");
        consoles[0].wait("the dispatch form", Duration::from_secs(5), |c| {
            c.screen
                .lock()
                .unwrap()
                .screen()
                .contents()
                .contains(&format!("Dispatch #{id} "))
        });
        let enter = Instant::now();
        consoles[0].keys("\r");
        for (i, c) in consoles.iter().enumerate() {
            c.wait(&format!("#{id} dispatched"), Duration::from_secs(10), |c| {
                c.row_says(id, "dispatched")
            });
            let took = enter.elapsed();
            if i == 0 {
                acting.push(took);
            } else {
                others.push(took);
            }
        }
        consoles[0].keys("j");
        std::thread::sleep(Duration::from_millis(50));
    }
    stop.store(true, Ordering::Relaxed);
    let files = feeder.join().unwrap();
    for c in &mut consoles {
        c.keys("qy");
    }
    for c in &mut consoles {
        let _ = c.child.wait();
    }
    let _ = daemon.kill();
    let _ = daemon.wait();
    println!("three consoles, daemon taking in {FILES_PER_SECOND} files/s ({files} files fed)");
    let a = report("key → row, acting console", acting);
    let o = report("key → row, the two other consoles", others);
    println!(
        "budget p99 ≤ {} ms: {}",
        BUDGET.as_millis(),
        if a.max(o) <= BUDGET { "met" } else { "NOT MET" }
    );
}
