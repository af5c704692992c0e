//! Alert delivery through the command hook, with real processes: success,
//! retries with back-off ending in a recorded failure, a hanging hook killed
//! at its timeout, and placeholders reaching the program as arguments.

use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use gridwatch::alert::escalator::evaluate;
use gridwatch::clock::{ClockMode, SharedClock, SystemClock};
use gridwatch::config::{Config, ConfigSource};
use gridwatch::daemon::{Delivery, deliver_once};
use gridwatch::domain::{Actor, OutboxState};
use gridwatch::store::{Durability, Escalations, SqliteStore};

mod common;
use common::{NOW, Room, complaint};

/// Evaluate at the instants of warn, breach and critical of the complaints
/// received at 09:12 (deadline 09:42), so each stage fires in its turn;
/// returns how many fired.
fn fire_each_stage(s: &mut SqliteStore, config: &Config) -> usize {
    ["09:32", "09:42", "10:12"]
        .iter()
        .map(|hm| {
            let at: DateTime<Utc> = format!("2026-11-30T{hm}:00+08:00").parse().unwrap();
            evaluate(s, config, &Actor::new("e", "e", ClockMode::Fixed), at)
                .unwrap()
                .len()
        })
        .sum()
}

/// One breached complaint whose three stages are recorded with `command` as hook.
fn setup(
    command: &[&str],
    attempts: u32,
    timeout_s: u64,
) -> (Room, Config, Arc<Mutex<SqliteStore>>) {
    let room = Room::new();
    let p = room.write("c.json", complaint("H1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut config = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    let a = &mut config.settings.alerts;
    a.command = command.iter().map(|s| s.to_string()).collect();
    a.command_attempts = attempts;
    a.command_timeout = StdDuration::from_secs(timeout_s);
    a.retry_backoff = StdDuration::from_millis(1);
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    assert_eq!(fire_each_stage(&mut s, &config), 3);
    (room, config, Arc::new(Mutex::new(s)))
}

fn states(store: &Arc<Mutex<SqliteStore>>) -> Vec<OutboxState> {
    store.lock().unwrap().outbox_states().unwrap()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn a_working_hook_delivers_each_alert_once_with_its_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sent");
    let script = format!(
        "printf '%s|%s|%s\\n' \"$1\" \"$2\" \"$3\" >> {}",
        out.display()
    );
    let (_room, config, store) = setup(
        &["sh", "-c", &script, "sms", "{phone}", "{name}", "{message}"],
        3,
        5,
    );
    let clock: SharedClock = Arc::new(SystemClock);
    let n = rt()
        .block_on(deliver_once(&store, &config, &clock))
        .unwrap();
    assert_eq!(n, 3);
    assert!(
        states(&store)
            .iter()
            .all(|s| s.delivered_at.is_some() && s.attempts == 1)
    );
    assert_eq!(
        rt().block_on(deliver_once(&store, &config, &clock))
            .unwrap(),
        0,
        "delivered rows are not sent again"
    );
    let sent = std::fs::read_to_string(&out).unwrap();
    assert_eq!(sent.lines().count(), 3);
    // O019 is the warn target; their phone and name from officers.toml.
    let officers = std::fs::read_to_string(common::repo().join("config/officers.toml")).unwrap();
    let warn = sent.lines().find(|l| l.contains("warn:")).unwrap();
    let phone = warn.split('|').next().unwrap();
    assert!(officers.contains(&format!("phone = \"{phone}\"")), "{warn}");
    // Warn fired at its instant, ten minutes before the deadline: the words say so.
    assert!(
        warn.contains(
            "[gridwatch] complaint #1 warn: arrival deadline 09:42 in 10 min and nobody on site"
        ),
        "{warn}"
    );
}

#[test]
fn a_failing_hook_is_retried_then_marked_failed_with_its_reason() {
    let (_room, config, store) = setup(&["sh", "-c", "echo 'gateway down' >&2; exit 3"], 3, 5);
    let clock: SharedClock = Arc::new(SystemClock);
    let rt = rt();
    for _ in 0..200 {
        if states(&store).iter().all(|s| s.failed_at.is_some()) {
            break;
        }
        rt.block_on(deliver_once(&store, &config, &clock)).unwrap();
    }
    for s in states(&store) {
        assert_eq!(s.attempts, 3, "{s:?}");
        assert!(s.failed_at.is_some() && s.delivered_at.is_none(), "{s:?}");
        assert_eq!(
            s.last_error.as_deref(),
            Some("sh exited with exit status: 3: gateway down")
        );
    }
}

#[test]
fn a_hanging_hook_is_killed_at_its_timeout() {
    let (room, config, store) = setup(&["sleep", "30"], 1, 1);
    let clock: SharedClock = Arc::new(SystemClock);
    let started = std::time::Instant::now();
    rt().block_on(deliver_once(&store, &config, &clock))
        .unwrap();
    let took = started.elapsed();
    assert!(
        took < StdDuration::from_secs(10),
        "three hanging hooks ran side by side and were killed: {took:?}"
    );
    for s in states(&store) {
        assert_eq!(
            s.last_error.as_deref(),
            Some("sleep timed out after 1s and was killed")
        );
        assert!(s.failed_at.is_some());
    }
    // Meanwhile intake is untouched: another connection writes at once.
    let p = room.write("d.json", complaint("H2").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    assert!(
        room.ok(&[NOW, "intake", "--once"])
            .contains("1 file ingested")
    );
}

/// One hanging hook holds up only its own alert: alerts that fall due
/// while it hangs are delivered at once (before, the next batch waited for
/// the slowest hook of the last one).
#[test]
fn a_hanging_hook_delays_no_other_alert() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sent");
    let script = format!(
        "if [ \"$1\" = 1 ]; then sleep 60; fi; echo \"$1 $2\" >> {}",
        out.display()
    );
    let (room, config, store) = setup(&["sh", "-c", &script, "hook", "{id}", "{stage}"], 1, 120);
    let clock: SharedClock = Arc::new(SystemClock);
    let rt = rt();
    rt.block_on(async {
        let mut d = Delivery::new(store.clone(), &config, clock.clone());
        assert_eq!(
            d.start_due().await.unwrap(),
            3,
            "complaint 1's three alerts hang"
        );
        // A second complaint breaches meanwhile.
        let p = room.write("d.json", complaint("H2").to_string());
        room.ok(&["submit", p.to_str().unwrap()]);
        room.ok(&[NOW, "intake", "--once"]);
        assert_eq!(fire_each_stage(&mut store.lock().unwrap(), &config), 3);
        assert_eq!(
            d.start_due().await.unwrap(),
            3,
            "the hanging ones are not started twice"
        );
        let started = std::time::Instant::now();
        for _ in 0..3 {
            d.finish_one().await.unwrap().unwrap();
        }
        assert!(started.elapsed() < StdDuration::from_secs(30));
        let sent = std::fs::read_to_string(&out).unwrap();
        let mut lines: Vec<&str> = sent.lines().collect();
        lines.sort();
        assert_eq!(lines, ["2 breach", "2 critical", "2 warn"]);
        // Dropping the delivery kills the hanging hooks; their alerts stay due.
    });
    assert!(
        states(&store)
            .iter()
            .filter(|s| s.delivered_at.is_none())
            .count()
            == 3
    );
}

/// A hook killed at its timeout takes what it started with it: a shell
/// script's `sleep` must not outlive it (seen: one orphan per attempt).
#[test]
fn a_killed_hook_leaves_no_child_behind() {
    let marker = format!("{}.{}", 100 + std::process::id() % 800, 7);
    let script = format!("sleep {marker}; true");
    let (_room, config, store) = setup(&["sh", "-c", &script], 1, 1);
    let clock: SharedClock = Arc::new(SystemClock);
    rt().block_on(deliver_once(&store, &config, &clock))
        .unwrap();
    let alive = || {
        std::fs::read_dir("/proc")
            .unwrap()
            .filter_map(|e| std::fs::read(e.ok()?.path().join("cmdline")).ok())
            .filter(|c| String::from_utf8_lossy(c).contains(&format!("sleep\0{marker}")))
            .count()
    };
    common::wait_for(
        "the hooks' children to be gone",
        StdDuration::from_secs(5),
        || alive() == 0,
    );
}
