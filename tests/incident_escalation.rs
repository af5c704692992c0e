//! Overdue steps of incidents escalate like complaints (#10): the same
//! stages relative to each step's due time, to the incident grid's people,
//! exactly once per (step, stage) across daemon restarts and concurrent
//! evaluators; a settled step never escalates; a level change that brings a
//! due time forward lets its stage fire at the new time. The real daemon
//! and a real hook script, and the evaluator on a fixed clock.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use gridwatch::alert::escalator::{Fired, evaluate};
use gridwatch::clock::ClockMode;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::incident::{Level, Severity, StepChange};
use gridwatch::domain::{Actor, Escalated};
use gridwatch::ops::{Command, IncidentCommand, IncidentOutcome, OpenIncident, Outcome, perform};
use gridwatch::store::{Durability, Escalations, Incidents, SqliteStore};

mod common;
use common::daemon::start;
use common::hook::{room_with_hook, sent_lines};
use common::incident::stocked;
use common::{NOW, Room, complaint, wait_for};
use serde_json::Value;

fn actor(n: &str) -> Actor {
    Actor::new(n, n, ClockMode::Fixed)
}

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Complaint 1 (received Mon 30 Nov 09:12 +08:00 in T03-V01-G01).
fn room_with_complaint() -> Room {
    let room = Room::new();
    let p = room.write("c.json", complaint("E1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    room
}

fn config(room: &Room) -> Config {
    stocked(Config::load(ConfigSource::Dir(room.path("config"))).unwrap())
}

fn open(
    s: &mut SqliteStore,
    config: &Config,
    now: DateTime<Utc>,
    severity: Severity,
    discovered_at: Option<DateTime<Utc>>,
    drill: bool,
) -> i64 {
    let cmd = IncidentCommand::Open(Box::new(OpenIncident {
        plan: "water-pollution".into(),
        grid: Some("T03-V01-G01".into()),
        severity,
        place: None,
        from_complaint: None,
        discovered_at,
        drill,
        summary: None,
        again: false,
    }));
    match perform(s, config, &actor("duty"), now, Command::Incident(cmd)).unwrap() {
        Outcome::Incident(IncidentOutcome::Opened { id, .. }) => id,
        other => panic!("{other:?}"),
    }
}

fn incident_cmd(s: &mut SqliteStore, config: &Config, now: DateTime<Utc>, cmd: IncidentCommand) {
    perform(s, config, &actor("duty"), now, Command::Incident(cmd)).unwrap();
}

/// (step n, stage, target, skipped) of an incident's escalations, from its timeline.
fn step_stages(s: &SqliteStore, id: i64) -> Vec<(i64, String, Option<String>, bool)> {
    s.incident(id)
        .unwrap()
        .timeline
        .into_iter()
        .filter_map(|e| {
            let skipped = match e.action.as_str() {
                "incident.step.escalated" => false,
                "incident.step.escalation_skipped" => true,
                _ => return None,
            };
            Some((
                e.details["n"].as_i64().unwrap(),
                e.details["stage"].as_str().unwrap().to_string(),
                e.details["target"].as_str().map(String::from),
                skipped,
            ))
        })
        .collect()
}

fn steps_fired(fired: &[Fired]) -> Vec<(i64, String)> {
    fired
        .iter()
        .filter_map(|f| match f.about {
            Escalated::Step { n, .. } => Some((n, f.stage.clone())),
            Escalated::Complaint { .. } => None,
        })
        .collect()
}

/// Discovered 09:00 (+08:00) Mon 30 Nov at level III: steps due 09:30,
/// 10:00, 13:00 and 10:30.
const DISCOVERED: &str = "2026-11-30T09:00:00+08:00";

#[test]
fn each_stage_of_a_step_fires_once_at_its_instant_to_the_grid_s_people() {
    let room = room_with_complaint();
    let config = config(&room);
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let t0 = t(DISCOVERED);
    let id = open(
        &mut s,
        &config,
        t0,
        Severity::Known(Level::III),
        Some(t0),
        false,
    );
    let a = actor("escalator");
    let at = |m: i64| t0 + Duration::minutes(m);
    let mut go = |m: i64| steps_fired(&evaluate(&mut s, &config, &a, at(m)).unwrap());
    assert!(go(19).is_empty());
    assert_eq!(go(20), [(1, "warn".to_string())]);
    assert!(go(20).is_empty(), "once");
    assert_eq!(go(30), [(1, "breach".to_string())]);
    assert_eq!(go(50), [(2, "warn".to_string())]);
    assert_eq!(
        go(60),
        [(1, "critical".to_string()), (2, "breach".to_string())]
    );
    // T03-V01-G01 on a weekday morning: O019 on call, O018 the T03 leader,
    // O002 the city's Monday leader (as for complaints).
    let s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let stages = step_stages(&s, id);
    assert_eq!(
        stages[..3],
        [
            (1, "warn".into(), Some("O019".into()), false),
            (1, "breach".into(), Some("O018".into()), false),
            (2, "warn".into(), Some("O019".into()), false),
        ]
    );
    assert!(stages.contains(&(1, "critical".into(), Some("O002".into()), false)));
}

#[test]
fn a_settled_step_never_escalates_nor_does_a_closed_incident() {
    let room = room_with_complaint();
    let config = config(&room);
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let t0 = t(DISCOVERED);
    let id = open(
        &mut s,
        &config,
        t0,
        Severity::Known(Level::III),
        Some(t0),
        false,
    );
    let at = |m: i64| t0 + Duration::minutes(m);
    incident_cmd(
        &mut s,
        &config,
        at(5),
        IncidentCommand::Step {
            id,
            n: 1,
            change: StepChange::Done { note: None },
        },
    );
    incident_cmd(
        &mut s,
        &config,
        at(5),
        IncidentCommand::Step {
            id,
            n: 2,
            change: StepChange::Skip {
                reason: "reported in person".into(),
            },
        },
    );
    let a = actor("escalator");
    let fired = evaluate(&mut s, &config, &a, at(80)).unwrap();
    // Only step 4 (due 10:30) has a stage due: warn at 10:20.
    assert_eq!(steps_fired(&fired), [(4, "warn".to_string())]);
    // The second incident is closed before anything was due: nothing, ever.
    let other = open(
        &mut s,
        &config,
        at(81),
        Severity::Known(Level::IV),
        Some(at(81)),
        false,
    );
    incident_cmd(
        &mut s,
        &config,
        at(82),
        IncidentCommand::Close { id: other },
    );
    let fired = evaluate(&mut s, &config, &a, at(600)).unwrap();
    assert!(
        steps_fired(&fired).iter().all(|(n, _)| *n == 3 || *n == 4),
        "{fired:?}"
    );
    assert!(step_stages(&s, other).is_empty());
    assert!(step_stages(&s, id).iter().all(|(n, ..)| *n == 3 || *n == 4));
    // Undone after its stages were due: it escalates now (its latest stage alone).
    incident_cmd(
        &mut s,
        &config,
        at(601),
        IncidentCommand::Step {
            id,
            n: 1,
            change: StepChange::Undone,
        },
    );
    assert_eq!(
        steps_fired(&evaluate(&mut s, &config, &a, at(602)).unwrap()),
        [(1, "critical".to_string())]
    );
}

#[test]
fn a_level_change_that_brings_a_step_forward_fires_its_stage_at_the_new_time() {
    let room = room_with_complaint();
    let config = config(&room);
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let t0 = t(DISCOVERED);
    let id = open(
        &mut s,
        &config,
        t0,
        Severity::Known(Level::III),
        Some(t0),
        false,
    );
    let at = |m: i64| t0 + Duration::minutes(m);
    let a = actor("escalator");
    // Step 3 (upward report) is due 13:00 at level III: nothing for it at 10:45.
    let fired = evaluate(&mut s, &config, &a, at(105)).unwrap();
    assert!(!steps_fired(&fired).iter().any(|(n, _)| *n == 3));
    // Level II: it is due 11:00, so its warning is due 10:50.
    incident_cmd(
        &mut s,
        &config,
        at(106),
        IncidentCommand::Level {
            id,
            severity: Severity::Known(Level::II),
        },
    );
    assert_eq!(s.incident(id).unwrap().steps[2].due_at, at(120));
    let step3 = |fired: Vec<Fired>| {
        steps_fired(&fired)
            .into_iter()
            .filter(|(n, _)| *n == 3)
            .map(|(_, stage)| stage)
            .collect::<Vec<_>>()
    };
    assert!(
        step3(evaluate(&mut s, &config, &a, at(110) - Duration::seconds(1)).unwrap()).is_empty()
    );
    assert_eq!(
        step3(evaluate(&mut s, &config, &a, at(110)).unwrap()),
        ["warn"]
    );
    assert!(step3(evaluate(&mut s, &config, &a, at(119)).unwrap()).is_empty());
    assert_eq!(
        step3(evaluate(&mut s, &config, &a, at(120)).unwrap()),
        ["breach"]
    );
}

#[test]
fn two_evaluators_and_a_restart_record_each_step_stage_once() {
    let room = room_with_complaint();
    let config = config(&room);
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let t0 = t(DISCOVERED);
    let id = open(
        &mut s,
        &config,
        t0,
        Severity::Known(Level::III),
        Some(t0),
        false,
    );
    drop(s);
    let late = t0 + Duration::hours(3);
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let (db, config) = (room.db(), config.clone());
            std::thread::spawn(move || {
                let mut s = SqliteStore::open(&db, Durability::Full).unwrap();
                (0..30)
                    .map(|_| {
                        steps_fired(
                            &evaluate(&mut s, &config, &actor(&format!("ev{i}")), late).unwrap(),
                        )
                        .len()
                    })
                    .sum::<usize>()
            })
        })
        .collect();
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(total, 3, "steps 1, 2 and 4: critical alone, once each");
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    assert!(steps_fired(&evaluate(&mut s, &config, &actor("restarted"), late).unwrap()).is_empty());
    let fired: Vec<(i64, String, bool)> = step_stages(&s, id)
        .into_iter()
        .map(|(n, stage, _, skipped)| (n, stage, skipped))
        .collect();
    assert_eq!(fired.iter().filter(|(_, _, skipped)| !skipped).count(), 3);
    assert_eq!(fired.iter().filter(|(_, _, skipped)| *skipped).count(), 6);
    assert!(
        fired
            .iter()
            .filter(|(_, _, skipped)| !skipped)
            .all(|(_, stage, _)| stage == "critical")
    );
}

/// The real daemon on the real clock: a drill incident discovered three
/// hours ago has three overdue steps; each reaches the hook once, naming the
/// incident and the step and marked as a drill, and a restarted daemon
/// sends none of them again (it does send a newer incident's).
#[test]
fn an_overdue_step_reaches_the_hook_exactly_once_across_a_daemon_restart() {
    let (room, sent) = room_with_hook();
    let config = config(&room);
    let now = Utc::now();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let first = open(
        &mut s,
        &config,
        now,
        Severity::Known(Level::III),
        Some(now - Duration::hours(3)),
        true,
    );
    let d = start(&room);
    wait_for("three step alerts", StdDuration::from_secs(15), || {
        sent_lines(&sent).len() == 3
    });
    // Delivery is at least once: a daemon stopped between running the hook
    // and recording it may run it again after a restart (seen under load in
    // CI). What this test holds to is that a recorded delivery is never
    // repeated, so it stops the daemon once all three are recorded.
    wait_for("the three recorded", StdDuration::from_secs(15), || {
        let o = s.outbox_states().unwrap();
        o.len() == 3 && o.iter().all(|o| o.delivered_at.is_some())
    });
    d.stop();
    let lines = sent_lines(&sent);
    for (line, (n, text)) in lines.iter().zip([
        (1, "Phone report to the city bureau"),
        (2, "Written report"),
        (4, "Monitoring on site"),
    ]) {
        let head =
            format!("{first} critical [gridwatch] incident #{first} critical: step {n} '{text}' ");
        assert!(line.starts_with(&head), "{line}");
        assert!(line.ends_with("; DRILL"), "{line}");
    }
    // Restart; a second overdue incident shows the new daemon has evaluated.
    let second = open(
        &mut s,
        &config,
        Utc::now(),
        Severity::Known(Level::IV),
        Some(Utc::now() - Duration::hours(3)),
        false,
    );
    let d = start(&room);
    wait_for(
        "the second incident's alerts",
        StdDuration::from_secs(15),
        || sent_lines(&sent).len() >= 6,
    );
    wait_for("the outbox settled", StdDuration::from_secs(15), || {
        s.outbox_states()
            .unwrap()
            .iter()
            .all(|o| o.delivered_at.is_some())
    });
    d.stop();
    assert_eq!(s.outbox_states().unwrap().len(), 6, "a row per alert");
    let lines = sent_lines(&sent);
    assert_eq!(lines.len(), 6, "{lines:#?}");
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with(&format!("{first} ")))
            .count(),
        3
    );
    let second_lines: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with(&format!("{second} ")))
        .collect();
    assert_eq!(second_lines.len(), 3);
    assert!(second_lines.iter().all(|l| !l.contains("DRILL")));
    assert_eq!(
        step_stages(&s, first)
            .iter()
            .filter(|(.., skipped)| !skipped)
            .count(),
        3
    );
    // `incident show` says what became of each alert (an attacker found no
    // way to see a step alert's delivery).
    let v = room.json(&["incident", "show", &first.to_string(), "--json"]);
    let alerts = v["alerts"].as_array().unwrap_or_else(|| panic!("{v:#}"));
    let sent: Vec<&Value> = alerts.iter().filter(|a| a["skipped"] == false).collect();
    assert_eq!(sent.len(), 3, "{alerts:#?}");
    assert!(
        sent.iter()
            .all(|a| a["delivery"]["state"] == "delivered" && a["stage"] == "critical")
    );
    assert!(
        alerts
            .iter()
            .filter(|a| a["skipped"] == true)
            .all(|a| a["delivery"]["state"] == "skipped")
    );
    let human = room.ok(&["incident", "show", &first.to_string()]);
    assert!(human.contains("Alerts of overdue steps"), "{human}");
    assert!(human.contains("delivered"), "{human}");
}

/// A complaint's alert is delivered before a backlog of step alerts (an
/// attacker's complaint alert waited 100 s behind 4 600 of them).
#[test]
fn a_complaint_alert_goes_out_before_a_backlog_of_step_alerts() {
    use gridwatch::store::{Actions, Escalations};
    let room = room_with_complaint();
    let mut config = config(&room);
    config.settings.alerts.command = vec!["true".into()];
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    // The complaint was reached: only the hand escalation is about it.
    room.ok(&[NOW, "arrive", "1", "--officer", "O017"]);
    let t0 = t(DISCOVERED);
    for _ in 0..3 {
        open(
            &mut s,
            &config,
            t0,
            Severity::Known(Level::III),
            Some(t0),
            false,
        );
    }
    let later = t0 + Duration::hours(5);
    let fired = evaluate(&mut s, &config, &actor("escalator"), later).unwrap();
    assert!(fired.len() >= 6, "{fired:?}");
    // Then, a minute on, the duty officer escalates the complaint by hand.
    let now = later + Duration::minutes(1);
    let e = s
        .escalate_manual(&actor("duty"), now, 1, None, "nobody on site", &["command"])
        .unwrap();
    assert!(s.outbox_due("command", now, 100).unwrap().len() >= 7);
    let due = s.outbox_due("command", now, 1).unwrap();
    assert_eq!(due[0].escalation_id, e, "{due:?}");
}
