//! The demo's simulated duty room, stepped on a fixed clock (no daemon, no
//! sleeps): the public calls in through the spool, intake takes the files
//! in (the pass of `intake --once`), the escalator makes its pass, and the
//! field acts through the operations layer as `demo-field`. Six drill hours
//! of a working Monday afternoon into the evening (30- then 60-minute
//! deadlines).

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use gridwatch::alert::escalator::evaluate;
use gridwatch::clock::ClockMode;
use gridwatch::config::Config;
use gridwatch::demo::{FIELD_ACTOR, Sim, Tally};
use gridwatch::domain::complaint::Status;
use gridwatch::domain::{Actor, AuditEntry, ComplaintRow, EscalationRow, ListFilter};
use gridwatch::intake::Spool;
use gridwatch::store::{AuditLog, Complaints, Escalations, SqliteStore};

mod common;

const START: &str = "2026-11-30T14:00:00+08:00";
const HOURS: i64 = 6;
const WARM_UP: Duration = Duration::minutes(60);

/// What a run left behind, and what was seen on the way.
struct Run {
    /// Open complaints at each drill minute after the warm-up.
    open: Vec<usize>,
    /// Every status seen at a minute.
    statuses: HashSet<Status>,
    complaints: Vec<ComplaintRow>,
    escalations: Vec<EscalationRow>,
    /// (complaint, officers dispatched in order)
    dispatches: Vec<(i64, Vec<String>)>,
    audit: Vec<AuditEntry>,
    tally: Tally,
    /// The drill incident at the end.
    incidents: Vec<gridwatch::domain::incident::IncidentDetail>,
}

fn all(store: &SqliteStore) -> Vec<ComplaintRow> {
    store
        .list(ListFilter {
            open_only: false,
            limit: None,
        })
        .unwrap()
}

fn run(seed: u64) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let config = Arc::new(Config::embedded().unwrap());
    let mut store = SqliteStore::init(&dir.path().join("demo.db")).unwrap();
    store.sync_reference(&config).unwrap();
    let spool = Spool::new(dir.path().join("spool"));
    spool.ensure().unwrap();
    let intake = Actor::new("intake", "demo", ClockMode::Fixed);
    let escalator = Actor::new("demo-intake", "demo", ClockMode::Fixed);
    let start: DateTime<Utc> = START.parse().unwrap();
    let end = start + Duration::hours(HOURS);
    let mut sim = Sim::new(config.clone(), seed, ClockMode::Fixed, start);
    gridwatch::demo::seed(&mut sim, &config, &spool, start).unwrap();
    let opened =
        gridwatch::demo::open_shift(&mut sim, &mut store, &spool, &config, &intake, start).unwrap();
    assert!(
        (5..=25).contains(&opened),
        "the shift opens with {opened} open"
    );

    let mut run = Run {
        open: Vec::new(),
        statuses: HashSet::new(),
        complaints: Vec::new(),
        escalations: Vec::new(),
        dispatches: Vec::new(),
        audit: Vec::new(),
        tally: Tally::default(),
        incidents: Vec::new(),
    };
    let mut now = start;
    let mut next_sample = start;
    while now < end {
        sim.step(&mut store, &spool, now).unwrap();
        // Everything delivered is taken in at this instant. (A file another
        // test's child process still holds between fork and exec is left for
        // the next pass, as the daemon would: pass again until none is left,
        // so two runs of one seed stay alike under load.)
        for _ in 0..10_000 {
            gridwatch::intake::ingest::pass(&mut store, &spool, &config, &intake, &|| now, &|| {
                false
            })
            .unwrap();
            if spool.count("new") == 0 {
                break;
            }
            std::thread::yield_now();
        }
        evaluate(&mut store, &config, &escalator, now).unwrap();
        if now >= next_sample {
            let rows = all(&store);
            run.statuses.extend(rows.iter().map(|c| c.status));
            if now >= start + WARM_UP {
                run.open
                    .push(rows.iter().filter(|c| c.status.is_open()).count());
            }
            next_sample += Duration::minutes(1);
        }
        // Step to the next event, or to the next minute (to take in new files).
        let next = sim.next_due().unwrap_or(end).min(next_sample);
        now = next.max(now + Duration::seconds(1));
    }
    run.complaints = all(&store);
    run.escalations = store.escalations_recent(100_000).unwrap();
    run.dispatches = run
        .complaints
        .iter()
        .map(|c| {
            let officers = store.dispatches(c.id).unwrap();
            (c.id, officers.into_iter().map(|d| d.officer).collect())
        })
        .collect();
    run.audit = store.audit_recent(100_000).unwrap();
    run.tally = sim.tally().clone();
    use gridwatch::store::Incidents;
    run.incidents = store
        .incidents(Default::default())
        .unwrap()
        .iter()
        .map(|i| store.incident(i.id).unwrap())
        .collect();
    run
}

/// The demo's drill incident is worked through its plan: most steps before
/// they are due, one late (escalated once), the level found to be III (the
/// initial report's deadline moves from 2 h to 4 h), the report sent in time.
#[test]
fn the_demo_runs_a_drill_incident_through_its_plan() {
    use gridwatch::domain::incident::{IncidentStatus, PersonStatus, ReportKind, StepState};
    let r = run(gridwatch::demo::SEED);
    assert_eq!(r.incidents.len(), 1, "one drill incident");
    let d = &r.incidents[0];
    assert!(d.row.drill, "marked as a drill");
    assert_eq!(d.row.status, IncidentStatus::Active);
    assert_eq!(d.row.level, "III");
    assert!(d.row.first_on_scene_at.is_some());
    let done = |n: i64| matches!(d.steps[(n - 1) as usize].state, StepState::Done { .. });
    assert!((1..=6).all(done), "steps 1-6 done: {:?}", d.steps);
    let late: Vec<i64> = d
        .steps
        .iter()
        .filter(|s| matches!(&s.state, StepState::Done { at, .. } if *at > s.due_at))
        .map(|s| s.n)
        .collect();
    assert_eq!(late, vec![3], "one step done late");
    let initial = d
        .reports
        .iter()
        .find(|r| r.kind == ReportKind::Initial)
        .unwrap();
    let (sent, due) = (initial.sent_at.unwrap(), initial.due_at.unwrap());
    assert!(sent <= due, "sent {sent} before {due}");
    assert_eq!(due - d.row.discovered_at, Duration::hours(4), "III: 4 h");
    assert!(
        d.personnel
            .iter()
            .filter(|p| p.status == PersonStatus::OnScene)
            .count()
            >= 3
    );
    let actions: Vec<&str> = d.timeline.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"incident.level"), "{actions:?}");
    assert!(actions.contains(&"incident.step.escalated"), "{actions:?}");
    assert!(d.equipment.iter().any(|e| e.dispatched > 0));
}

#[test]
fn the_demo_room_lives_a_realistic_shift() {
    let r = run(gridwatch::demo::SEED);
    let t = &r.tally;
    eprintln!("{t:?}");
    eprintln!("open per minute after warm-up: {:?}", r.open);

    // The open count stays in a duty room's range: never a wall of red, never empty.
    assert_eq!(r.open.len() as i64, HOURS * 60 - WARM_UP.num_minutes());
    let (lo, hi) = (r.open.iter().min().unwrap(), r.open.iter().max().unwrap());
    assert!(*lo >= 5 && *hi <= 25, "open ranged {lo}..{hi}");
    assert!(t.calls >= 50, "{} calls in {HOURS} h", t.calls);

    // Every state shows at some minute.
    for s in [
        Status::Received,
        Status::Dispatched,
        Status::OnScene,
        Status::Closed,
    ] {
        assert!(r.statuses.contains(&s), "{s} never seen: {:?}", r.statuses);
    }

    // Most arrive in time, some late, a few never (chased: escalated by hand, backup sent).
    let arrived: Vec<&ComplaintRow> = r
        .complaints
        .iter()
        .filter(|c| c.arrived_at.is_some())
        .collect();
    let on_time = arrived
        .iter()
        .filter(|c| c.arrived_at.unwrap() <= c.deadline_at)
        .count();
    let late = arrived.len() - on_time;
    let manual: Vec<&EscalationRow> = r
        .escalations
        .iter()
        .filter(|e| !e.automatic && e.by == FIELD_ACTOR)
        .collect();
    let missing: HashSet<i64> = manual.iter().map(|e| e.complaint_id).collect();
    for id in &missing {
        let (_, officers) = r.dispatches.iter().find(|(c, _)| c == id).unwrap();
        assert!(
            officers.len() >= 2,
            "#{id}: chased but nobody else sent: {officers:?}"
        );
    }
    eprintln!(
        "{} arrivals: {on_time} on time, {late} late; {} missing",
        arrived.len(),
        missing.len()
    );
    assert!(
        on_time * 100 >= arrived.len() * 60,
        "{on_time} of {} in time",
        arrived.len()
    );
    assert!(late >= 3, "{late} late");
    assert!(
        !missing.is_empty() && missing.len() < late,
        "{} missing, {late} late",
        missing.len()
    );

    // Escalations fire: the automatic stages, and the duty officer's own.
    let stages: HashSet<&str> = r
        .escalations
        .iter()
        .filter(|e| e.automatic)
        .map(|e| e.stage.as_str())
        .collect();
    for s in ["warn", "breach", "critical"] {
        assert!(stages.contains(s), "no {s} stage: {stages:?}");
    }
    assert!(manual.iter().all(|e| !e.reason.trim().is_empty()));

    // An occasional repeat: some, not most.
    let repeats = r
        .complaints
        .iter()
        .filter(|c| c.repeat_of.is_some())
        .count();
    assert!(
        repeats >= 2 && repeats * 100 <= r.complaints.len() * 35,
        "{repeats} repeats of {}",
        r.complaints.len()
    );

    // The audit log reads like a shift: the field's steps under its own name.
    let field: HashSet<&str> = r
        .audit
        .iter()
        .filter(|a| a.actor == FIELD_ACTOR && a.console == "demo")
        .map(|a| a.action.as_str())
        .collect();
    for a in [
        "complaint.dispatched",
        "complaint.arrived",
        "complaint.resolved",
    ] {
        assert!(field.contains(a), "no {a} by {FIELD_ACTOR}: {field:?}");
    }
    assert!(
        r.audit
            .iter()
            .any(|a| a.actor == FIELD_ACTOR && a.action.contains("escalat"))
    );
}

#[test]
fn one_seed_one_shift() {
    let fingerprint = |r: &Run| -> Vec<String> {
        let rows = r.complaints.iter().map(|c| {
            format!(
                "{} {} {} {:?} {:?} {:?} {:?}",
                c.id, c.external_ref, c.status, c.arrived_at, c.arrived_by, c.repeat_of, c.outcome
            )
        });
        let audit = r
            .audit
            .iter()
            .map(|a| format!("{} {} {} {}", a.at, a.actor, a.action, a.subject));
        rows.chain(audit).collect()
    };
    let (a, b, c) = (run(7), run(7), run(8));
    let (fa, fb) = (fingerprint(&a), fingerprint(&b));
    if let Some(i) = (0..fa.len().max(fb.len())).find(|&i| fa.get(i) != fb.get(i)) {
        panic!(
            "runs differ at line {i}:\n{:?}\n{:?}",
            &fa[i.saturating_sub(2)..(i + 3).min(fa.len())],
            &fb[i.saturating_sub(2)..(i + 3).min(fb.len())]
        );
    }
    assert_ne!(fingerprint(&a), fingerprint(&c));
}

/// A closed terminal (a window closed, an SSH session dropped) stops the
/// demo as `q` does: the scratch directory goes with it. (Restoring the
/// terminal used to panic on the dead terminal and abort first.)
#[test]
fn a_closed_terminal_stops_the_demo_and_removes_its_files() {
    use std::io::Read;
    use std::time::Duration as StdDuration;

    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    let tmp = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gridwatch"));
    cmd.args(["demo", "--speed", "60"]);
    cmd.cwd(tmp.path());
    cmd.env("TMPDIR", tmp.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("GRIDWATCH_CONFIG");
    cmd.env_remove("GRIDWATCH_DB");
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let scratch = tmp
        .path()
        .join(format!("gridwatch-demo-{}", child.process_id().unwrap()));
    // Read the screen until the dashboard shows, then let go of the terminal.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let shown = std::thread::spawn(move || {
        let size = |n| std::num::NonZeroU16::new(n).unwrap();
        let mut screen = vt100::Parser::new(size(24), size(80), 0);
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            screen.process(&buf[..n]);
            if screen.screen().contents().contains("DRILL") {
                return true;
            }
        }
        false
    });
    assert!(shown.join().unwrap(), "the dashboard never showed");
    assert!(scratch.join("spool").is_dir(), "no scratch directory");
    drop(pair.master);
    common::wait_for(
        "the demo to end with its terminal",
        StdDuration::from_secs(20),
        || child.try_wait().unwrap().is_some(),
    );
    let left: Vec<String> = walk(&scratch);
    assert!(
        !scratch.exists(),
        "{} left behind: {left:?}, {:?}",
        scratch.display(),
        child.try_wait()
    );
}

fn walk(p: &std::path::Path) -> Vec<String> {
    match std::fs::read_dir(p) {
        Err(_) => Vec::new(),
        Ok(rd) => rd
            .flatten()
            .flat_map(|e| {
                let mut v = vec![e.path().display().to_string()];
                v.extend(walk(&e.path()));
                v
            })
            .collect(),
    }
}

/// `gridwatch ARGS` in `dir` (scratch files under it too), without a terminal.
fn gridwatch(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gridwatch"))
        .args(args)
        .current_dir(dir)
        .env("TMPDIR", dir)
        .env_remove("GRIDWATCH_CONFIG")
        .env_remove("GRIDWATCH_DB")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// `--db` and `--now` are honoured by `demo`, not ignored: `--db` is where
/// the drill's database goes (a new file, kept), `--now` is its start. An
/// existing database is never opened, and two different starts are refused.
#[test]
fn demo_takes_db_as_its_database_and_now_as_its_start() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let now = "2026-11-30T09:00:00+08:00";
    // No terminal here: the dashboard refuses, after the shift was opened.
    let out = gridwatch(dir, &["--db", "drill.db", "--now", now, "demo"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the dashboard needs a terminal"),
        "{stderr}"
    );
    assert!(stderr.contains("the drill's database stays at"), "{stderr}");
    let list = gridwatch(dir, &["--db", "drill.db", "list", "--json"]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.len(), 11, "the shift so far");
    let received: Vec<DateTime<Utc>> = rows
        .iter()
        .map(|r| r["received_at"].as_str().unwrap().parse().unwrap())
        .collect();
    let start: DateTime<Utc> = now.parse().unwrap();
    assert!(
        received
            .iter()
            .all(|r| *r <= start && start - *r <= Duration::hours(1))
    );
    // The scratch directory (the spool) is gone; only the named database stays.
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("gridwatch-demo-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // An existing file is never taken for a drill.
    let out = gridwatch(dir, &["--db", "drill.db", "demo"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "drill.db exists: demo makes a fresh database and never opens an existing one"
        ),
        "{stderr}"
    );
    // Two different starts: say which to give.
    let out = gridwatch(
        dir,
        &["--now", now, "demo", "--start", "2026-11-30T10:00:00+08:00"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("give only --start"), "{stderr}");
    // And the help says so.
    let help = gridwatch(dir, &["demo", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--now TIME is taken as --start TIME"),
        "{help}"
    );
    assert!(
        help.contains("--db PATH puts the drill's database at PATH"),
        "{help}"
    );
}
