//! The store on real SQLite files: migrations from every earlier version, the
//! guarantees that live in the schema, and concurrent writers.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use gridwatch::clock::ClockMode;
use gridwatch::config::Config;
use gridwatch::domain::Actor;
use gridwatch::store::{
    Actions, Complaints, Durability, LATEST_VERSION, MIGRATIONS, SqliteStore, StoreError,
};
use rusqlite::Connection;

mod common;
use common::{NOW, Room, complaint, repo};

fn schema(path: &std::path::Path) -> BTreeMap<String, String> {
    let c = Connection::open(path).unwrap();
    let mut st = c.prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").unwrap();
    st.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get::<_, String>(1)?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn init_from_an_empty_file_is_idempotent_and_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub/g.db");
    let s = SqliteStore::init(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    drop(s);
    let before = schema(&db);
    let s = SqliteStore::init(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(schema(&db), before);
    let c = Connection::open(&db).unwrap();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // An empty file (e.g. touched by hand) is upgraded from version 0 too.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(
        SqliteStore::init(&empty).unwrap().schema_version().unwrap(),
        LATEST_VERSION
    );
}

#[test]
fn every_earlier_version_upgrades_to_the_same_schema_as_a_fresh_database() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.db");
    SqliteStore::init(&fresh).unwrap();
    let want = schema(&fresh);
    for v in std::iter::once(0).chain(MIGRATIONS.iter().map(|(v, _)| *v)) {
        let p = dir.path().join(format!("v{v}.db"));
        let mut s = SqliteStore::create_unmigrated(&p).unwrap();
        assert_eq!(s.migrate_to(v).unwrap(), v);
        drop(s);
        if v < LATEST_VERSION {
            assert!(
                SqliteStore::open(&p, Durability::Normal).is_err(),
                "v{v} must be refused until upgraded"
            );
        }
        let up = SqliteStore::init(&p).unwrap();
        assert_eq!(up.schema_version().unwrap(), LATEST_VERSION, "from v{v}");
        assert_eq!(
            schema(&p),
            want,
            "upgrade from v{v} differs from a fresh schema"
        );
    }
}

#[test]
fn the_frozen_v1_fixture_upgrades_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    let c = Connection::open(&db).unwrap();
    // As the sqlite3 shell loads a dump: tables come in name order, so no FK checks while loading.
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    c.execute_batch(&std::fs::read_to_string(repo().join("tests/fixtures/db/v1.sql")).unwrap())
        .unwrap();
    drop(c);
    match SqliteStore::open(&db, Durability::Normal) {
        Err(e @ StoreError::NeedsUpgrade { .. }) => {
            assert!(
                e.to_string().ends_with(&format!(
                    "needs an upgrade from schema 1 to {LATEST_VERSION}; run `gridwatch init`"
                )),
                "{e}"
            )
        }
        other => panic!("expected NeedsUpgrade, got {other:?}"),
    }
    let mut s = SqliteStore::init(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    let c1 = s.complaint(1).unwrap();
    assert_eq!(c1.status.as_str(), "on_scene");
    assert_eq!(c1.arrived_by.as_deref(), Some("O009"));
    assert_eq!(s.complaint(2).unwrap().categories.len(), 2);
    // Version-2 features work on the old data.
    let actor = Actor::new("t", "test", ClockMode::Fixed);
    s.escalate_manual(
        &actor,
        t("2025-12-01T10:00:00+08:00"),
        2,
        Some("O005"),
        "nobody answers",
        &["command"],
    )
    .unwrap();
    assert_eq!(s.escalations(2).unwrap().len(), 1);
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn a_database_newer_than_the_binary_is_refused() {
    let room = Room::new();
    let c = Connection::open(room.db()).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    let err = room.fails(1, &["list"]);
    assert_eq!(
        err.trim_end(),
        format!(
            "gridwatch: database {} has schema version 99, newer than this gridwatch understands ({LATEST_VERSION}); upgrade gridwatch",
            room.db().canonicalize().unwrap().display()
        )
    );
    let err = room.fails(1, &["init"]);
    assert!(
        err.contains("newer than this gridwatch understands"),
        "{err}"
    );
}

#[test]
fn the_schema_guards_audit_deadlines_statuses_and_uniqueness() {
    let room = Room::new();
    let p = room.write("c.json", complaint("G1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let c = Connection::open(room.db()).unwrap();
    let n: i64 = c
        .query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "one audit record for the one spool file");
    for sql in [
        "UPDATE audit SET actor = 'mallory'",
        "DELETE FROM audit",
        "DELETE FROM audit WHERE seq = 1",
    ] {
        let e = c.execute(sql, []).unwrap_err().to_string();
        assert!(e.contains("the audit log is append-only"), "{sql}: {e}");
    }
    let e = c
        .execute(
            "UPDATE complaint SET deadline_at = deadline_at + 3600000",
            [],
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("written once"), "{e}");
    let e = c
        .execute("UPDATE complaint SET status = 'lost'", [])
        .unwrap_err()
        .to_string();
    assert!(e.contains("CHECK constraint failed"), "{e}");
    let e = c
        .execute("INSERT INTO complaint SELECT NULL, source, external_ref, received_at, regime, regime_reason, day_kind, deadline_at, status, outcome, status_note, round, grid_id, grid_source, enterprise_id, description, address, lat, lon, reporter_name, reporter_phone, reporter_anonymous, repeat_of, merged_into, raw_json, intake_file_id, created_at, updated_at FROM complaint", [])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("UNIQUE constraint failed: complaint.source, complaint.external_ref"),
        "{e}"
    );
    // Automatic escalations are unique per (complaint, stage); manual ones are not.
    c.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let ins = "INSERT INTO escalation (complaint_id, stage, automatic, target_officer_id, at, by_actor, console, reason) VALUES (1, ?1, ?2, 'O005', 0, 'd', 'c', 'r')";
    c.execute(ins, rusqlite::params!["warn", 1]).unwrap();
    assert!(
        c.execute(ins, rusqlite::params!["warn", 1])
            .unwrap_err()
            .to_string()
            .contains("UNIQUE")
    );
    c.execute(ins, rusqlite::params!["manual", 0]).unwrap();
    c.execute(ins, rusqlite::params!["manual", 0]).unwrap();
}

#[test]
fn two_connections_writing_at_once_never_see_database_is_locked() {
    let room = Room::new();
    let lines: String = (0..40)
        .map(|i| format!("{}\n", complaint(&format!("W{i}"))))
        .collect();
    let p = room.write("w.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let config = Config::load(gridwatch::config::ConfigSource::Dir(room.path("config"))).unwrap();
    let db = room.db();
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let db = db.clone();
            let config = config.clone();
            std::thread::spawn(move || {
                let mut s = SqliteStore::open(&db, Durability::Full).unwrap();
                let actor = Actor::new(format!("writer{w}"), format!("t{w}"), ClockMode::Fixed);
                for i in 0..300 {
                    let id = 1 + (i % 40);
                    s.escalate_manual(
                        &actor,
                        t("2026-11-30T09:40:00+08:00"),
                        id,
                        Some("O005"),
                        "load",
                        &[],
                    )
                    .unwrap();
                    if i % 50 == 0 {
                        s.sync_reference(&config).unwrap();
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("a writer failed");
    }
    let c = Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row("SELECT COUNT(*) FROM escalation", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 600);
}

#[test]
fn two_processes_ingesting_and_writing_at_once_lose_and_double_nothing() {
    let room = Room::new();
    let mut files = Vec::new();
    for i in 0..150 {
        files.push(room.write(
            &format!("in/{i}.json"),
            complaint(&format!("M{i}")).to_string(),
        ));
    }
    let mut args = vec!["submit"];
    args.extend(files.iter().map(|p| p.to_str().unwrap()));
    room.ok(&args);
    let a = room
        .cmd(&[NOW, "intake", "--once"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let b = room
        .cmd(&[NOW, "intake", "--once"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut writers = Vec::new();
    for _ in 0..10 {
        writers.push(
            room.cmd(&[NOW, "status", "--json"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    for child in [a, b].into_iter().chain(writers) {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(!err.contains("locked"), "{err}");
    }
    assert!(room.spool("new").is_empty());
    assert_eq!(room.spool("cur").len(), 150);
    let status = room.json(&[NOW, "status", "--json"]);
    assert_eq!(status["counts"]["total"], 150);
    assert_eq!(status["counts"]["files_ok"], 150);
}

#[test]
fn a_reopened_complaint_takes_a_new_arrival_and_a_rejection_needs_no_visit() {
    use gridwatch::domain::triage::{RejectReason, Rejection};
    let room = Room::new();
    let lines = format!("{}\n{}\n", complaint("RO-1"), complaint("RJ-1"));
    let p = room.write("two.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let mut s = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let a = Actor::new("t", "test", ClockMode::Fixed);
    let now = t("2026-11-30T09:30:00+08:00");
    let arrive = |s: &mut SqliteStore, at: DateTime<Utc>| {
        s.arrive(
            &a,
            at,
            &gridwatch::domain::ArrivalRequest {
                complaint_id: 1,
                officer: "O019".into(),
                arrived_at: at,
                note: None,
            },
        )
    };
    arrive(&mut s, now).unwrap();
    s.resolve(
        &a,
        now,
        1,
        gridwatch::domain::complaint::Outcome::NoViolation,
        None,
    )
    .unwrap();
    s.reopen(&a, now, 1, "smoke again").unwrap();
    let c = s.complaint(1).unwrap();
    assert_eq!(
        (c.status.as_str(), c.round, c.arrived_at),
        ("reopened", 2, None),
        "the new round has no arrival yet"
    );
    arrive(&mut s, now + chrono::Duration::minutes(20)).unwrap();
    assert_eq!(s.arrivals(1).unwrap().len(), 2);
    let other = |words: &str| Rejection::new(RejectReason::Other, Some(words)).unwrap();
    s.reject(&a, now, 2, &other("a 12369 ticket already closed"))
        .unwrap();
    let c = s.complaint(2).unwrap();
    assert_eq!(
        (c.status.as_str(), c.status_note.as_deref()),
        ("rejected", Some("other: a 12369 ticket already closed"))
    );
    let e = s.reject(&a, now, 2, &other("again")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "complaint 2: cannot reject: complaint is rejected"
    );
}

/// Every query of "open" and "awaiting arrival" is derived from the
/// domain's sets: one complaint in each status, and each reader agrees with
/// `Status::is_open` / `Status::awaits_arrival`.
#[test]
fn the_stored_status_sets_agree_with_the_domain() {
    use gridwatch::domain::complaint::Status;
    use gridwatch::domain::{ListFilter, RequestFilter};
    use gridwatch::store::{Escalations, Figures};
    let room = Room::new();
    let lines: String = Status::ALL
        .iter()
        .map(|s| format!("{}\n", complaint(&format!("S-{}", s.as_str()))))
        .collect();
    let p = room.write("all.jsonl", lines);
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    // Statuses set by hand (as a damaged history could not be): ids follow Status::ALL.
    let c = Connection::open(room.db()).unwrap();
    for (i, s) in Status::ALL.iter().enumerate() {
        let outcome = if *s == Status::Closed {
            "'other'"
        } else {
            "NULL"
        };
        c.execute_batch(&format!(
            "UPDATE complaint SET status = '{}', outcome = {outcome} WHERE id = {}",
            s.as_str(),
            i + 1
        ))
        .unwrap();
    }
    drop(c);
    let s = SqliteStore::open(&room.db(), Durability::Normal).unwrap();
    let ids = |f: &dyn Fn(Status) -> bool| -> Vec<i64> {
        (1..)
            .zip(Status::ALL)
            .filter(|(_, s)| f(*s))
            .map(|(i, _)| i)
            .collect()
    };
    let mut open: Vec<i64> = s
        .list(ListFilter {
            open_only: true,
            limit: None,
        })
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    open.sort();
    assert_eq!(open, ids(&|s| s.is_open()), "list --open");
    let far = t("2027-01-01T00:00:00+08:00");
    let counts = s.counts(far, chrono::Duration::zero()).unwrap();
    assert_eq!(
        counts.open as usize,
        ids(&|s| s.is_open()).len(),
        "counts.open"
    );
    assert_eq!(
        counts.breached as usize,
        ids(&|s| s.awaits_arrival()).len(),
        "counts.breached (every deadline has passed)"
    );
    let mut waiting: Vec<i64> = s
        .escalation_candidates(far, 3)
        .unwrap()
        .iter()
        .map(|c| c.complaint_id)
        .collect();
    waiting.sort();
    assert_eq!(waiting, ids(&|s| s.awaits_arrival()), "escalation");
    for (flag, want) in [
        (true, ids(&|s| s.is_open())),
        (false, ids(&|s| !s.is_open())),
    ] {
        let mut got: Vec<i64> = s
            .requests(&RequestFilter {
                open: Some(flag),
                limit: 100,
                ..Default::default()
            })
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        got.sort();
        assert_eq!(got, want, "requests open={flag}");
    }
}

/// Categories live in their own table: their order survives the upgrade
/// from comma-joined text, the first is the Open311 service code, and a
/// repeat is found by any shared category.
#[test]
fn categories_keep_their_order_and_the_first_is_the_service_code() {
    use gridwatch::domain::RequestFilter;
    use gridwatch::domain::complaint::Category;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    let c = Connection::open(&db).unwrap();
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    c.execute_batch(&std::fs::read_to_string(repo().join("tests/fixtures/db/v1.sql")).unwrap())
        .unwrap();
    drop(c);
    let s = SqliteStore::init(&db).unwrap();
    assert_eq!(s.complaint(1).unwrap().categories, [Category::Air]);
    assert_eq!(
        s.complaint(2).unwrap().categories,
        [Category::Noise, Category::Air]
    );
    let by = |k: Category| -> Vec<i64> {
        let mut v: Vec<i64> = s
            .requests(&RequestFilter {
                category: Some(k),
                limit: 100,
                ..Default::default()
            })
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        v.sort();
        v
    };
    assert!(by(Category::Air).contains(&1) && !by(Category::Air).contains(&2));
    assert!(by(Category::Noise).contains(&2));
    let cols: Vec<String> = Connection::open(&db)
        .unwrap()
        .prepare("SELECT name FROM pragma_table_info('complaint')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!cols.iter().any(|c| c == "categories"), "{cols:?}");
}

/// Migration 6 on a version-5 database with escalations and alerts queued:
/// they read back as fired (not skipped) and queued as they were, the
/// exactly-once key still holds (a stage recorded before 6 cannot be
/// recorded again, not even as skipped), and acknowledgements work.
#[test]
fn version_5_escalations_upgrade_keeping_their_exactly_once_key() {
    use gridwatch::domain::{AlertRef, StageRecord};
    use gridwatch::store::{Alerts, Escalations};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v5.db");
    let c = Connection::open(&db).unwrap();
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    c.execute_batch(&std::fs::read_to_string(repo().join("tests/fixtures/db/v1.sql")).unwrap())
        .unwrap();
    drop(c);
    let mut s = SqliteStore::create_unmigrated(&db).unwrap();
    assert_eq!(s.migrate_to(5).unwrap(), 5);
    drop(s);
    // As a version-5 daemon left them: complaint 2's warn, queued for the hook.
    let c = Connection::open(&db).unwrap();
    c.execute_batch(
        "INSERT INTO escalation (id, complaint_id, stage, automatic, target_officer_id, at, by_actor, console, reason, acknowledged_at)
         VALUES (1, 2, 'warn', 1, NULL, 1764466440000, 'escalator', 'daemon', 'warn: old words', NULL);
         INSERT INTO outbox (escalation_id, sink, attempts, next_attempt_at) VALUES (1, 'command', 1, 1764466500000);",
    )
    .unwrap();
    drop(c);
    let mut s = SqliteStore::init(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    let rows = s.escalations(2).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].skipped && rows[0].automatic, "{rows:?}");
    assert_eq!(rows[0].deadline_at, t("2025-11-30T09:44:00+08:00"));
    let queued = s.outbox_states().unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].attempts, 1);
    assert_eq!(queued[0].delivered_at, None);
    let actor = Actor::new("e", "e", ClockMode::Fixed);
    let rec = StageRecord {
        complaint_id: 2,
        stage: "breach",
        target: None,
        reason: "breach",
        sinks: &[],
        skipped: &["warn"],
    };
    assert!(
        s.record_stage(&actor, t("2025-11-30T09:45:00+08:00"), rec)
            .unwrap()
            .is_some()
    );
    let stages: Vec<(String, bool)> = s
        .escalations(2)
        .unwrap()
        .into_iter()
        .map(|e| (e.stage, e.skipped))
        .collect();
    assert_eq!(
        stages,
        [("warn".to_string(), false), ("breach".to_string(), false)]
    );
    assert_eq!(
        s.acknowledge(
            &actor,
            t("2025-11-30T09:46:00+08:00"),
            &[AlertRef::Escalation(1)]
        )
        .unwrap(),
        [AlertRef::Escalation(1)]
    );
    assert_eq!(s.integrity_check().unwrap(), "ok");
    drop(s);
    // Only an automatic stage can be skipped.
    let c = Connection::open(&db).unwrap();
    let manual_skipped = c.execute(
        "INSERT INTO escalation (complaint_id, stage, automatic, skipped, at, by_actor, console, reason)
         VALUES (2, 'manual', 0, 1, 0, 'x', 'x', 'x')",
        [],
    );
    assert!(manual_skipped.is_err(), "{manual_skipped:?}");
}

/// Version 7 rebuilds `escalation` (a step of an incident may be escalated
/// too): escalations and their outbox rows written by a version-6 daemon
/// survive, foreign keys hold, and an escalation is of exactly one of a
/// complaint and a step.
#[test]
fn version_6_escalations_and_outbox_rows_survive_the_incident_upgrade() {
    use gridwatch::store::Escalations;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v6.db");
    let c = Connection::open(&db).unwrap();
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    c.execute_batch(&std::fs::read_to_string(repo().join("tests/fixtures/db/v1.sql")).unwrap())
        .unwrap();
    drop(c);
    let mut s = SqliteStore::create_unmigrated(&db).unwrap();
    assert_eq!(s.migrate_to(6).unwrap(), 6);
    drop(s);
    let c = Connection::open(&db).unwrap();
    c.execute_batch(
        "INSERT INTO escalation (id, complaint_id, stage, automatic, skipped, target_officer_id, at, by_actor, console, reason)
         VALUES (1, 2, 'warn', 1, 1, NULL, 1764466440000, 'escalator', 'daemon', 'skipped: breach was already due'),
                (2, 2, 'breach', 1, 0, 'O005', 1764466440000, 'escalator', 'daemon', 'breach: old words'),
                (3, 2, 'manual', 0, 0, NULL, 1764466500000, 'duty', 'c1', 'nobody answers');
         INSERT INTO outbox (escalation_id, sink, attempts, next_attempt_at, delivered_at) VALUES (2, 'command', 1, 1764466500000, 1764466501000);
         INSERT INTO outbox (escalation_id, sink, attempts, next_attempt_at) VALUES (3, 'command', 0, 1764466500000);",
    )
    .unwrap();
    drop(c);
    let s = SqliteStore::init(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), LATEST_VERSION);
    let rows: Vec<(i64, String, bool, Option<String>)> = s
        .escalations(2)
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e.stage, e.skipped, e.target))
        .collect();
    assert_eq!(
        rows,
        [
            (1, "warn".into(), true, None),
            (2, "breach".into(), false, Some("O005".into())),
            (3, "manual".into(), false, None)
        ]
    );
    let outbox: Vec<(i64, i64, bool)> = s
        .outbox_states()
        .unwrap()
        .into_iter()
        .map(|o| (o.id, o.escalation_id, o.delivered_at.is_some()))
        .collect();
    assert_eq!(outbox, [(1, 2, true), (2, 3, false)]);
    assert_eq!(s.escalations_recent(10).unwrap().len(), 2);
    assert_eq!(s.last_escalation_id().unwrap(), 3);
    assert_eq!(s.integrity_check().unwrap(), "ok");
    drop(s);
    let c = Connection::open(&db).unwrap();
    c.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let broken: i64 = c
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    // The exactly-once key of complaints still holds.
    assert!(
        c.execute(
            "INSERT INTO escalation (complaint_id, stage, automatic, at, by_actor, console, reason)
             VALUES (2, 'breach', 1, 0, 'x', 'x', 'x')",
            [],
        )
        .is_err()
    );
    // Of neither, or of both, is refused.
    for (complaint, step) in [(None, None), (Some(2), Some(1))] {
        let r = c.execute(
            "INSERT INTO escalation (complaint_id, step_id, stage, automatic, at, by_actor, console, reason)
             VALUES (?1, ?2, 'manual', 0, 0, 'x', 'x', 'x')",
            rusqlite::params![complaint, step],
        );
        assert!(r.is_err(), "{complaint:?} {step:?}: {r:?}");
    }
}
