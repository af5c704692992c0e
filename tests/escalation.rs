//! Automatic escalation on a real database, on fixed and paused clocks: each
//! stage fires at its instant to the right person, exactly once across
//! restarts and concurrent evaluators; an arrival stops what is left; a
//! complaint already late fires only its latest stage. A manual escalation
//! is queued for the hook like a stage; alerts are acknowledged once for all.

use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use gridwatch::alert::escalator::evaluate;
use gridwatch::clock::{ClockMode, TokioClock};
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::{Actor, ArrivalRequest};
use gridwatch::store::{Actions, AuditLog, Complaints, Durability, Escalations, SqliteStore};
use tokio_util::sync::CancellationToken;

mod common;
use common::{NOW, Room, complaint};

/// A room with complaint 1: received Mon 30 Nov 09:12 in T03-V01-G01, deadline 09:42.
fn setup() -> (Room, Config, DateTime<Utc>) {
    let room = Room::new();
    let p = room.write("c.json", complaint("E1").to_string());
    room.ok(&["submit", p.to_str().unwrap()]);
    room.ok(&[NOW, "intake", "--once"]);
    let config = Config::load(ConfigSource::Dir(room.path("config"))).unwrap();
    (room, config, "2026-11-30T09:42:00+08:00".parse().unwrap())
}

fn actor(n: &str) -> Actor {
    Actor::new(n, n, ClockMode::Fixed)
}

fn stages(store: &SqliteStore) -> Vec<(String, Option<String>)> {
    store
        .escalations(1)
        .unwrap()
        .into_iter()
        .map(|e| (e.stage, e.target))
        .collect()
}

#[test]
fn each_stage_fires_at_its_instant_to_the_right_person() {
    let (room, config, deadline) = setup();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let a = actor("escalator");
    let at = |d: Duration| deadline + d;
    assert!(
        evaluate(
            &mut s,
            &config,
            &a,
            at(Duration::minutes(-10) - Duration::seconds(1))
        )
        .unwrap()
        .is_empty()
    );
    let fired = evaluate(&mut s, &config, &a, at(Duration::minutes(-10))).unwrap();
    assert_eq!(fired.len(), 1);
    // T03-V01-G01 is covered by T03's weekday day duty: primary O019, leader O018;
    // the city's Monday leader is O002 (config/roster.toml).
    assert_eq!(stages(&s), [("warn".to_string(), Some("O019".to_string()))]);
    assert!(
        evaluate(&mut s, &config, &a, at(Duration::seconds(-1)))
            .unwrap()
            .is_empty()
    );
    assert_eq!(evaluate(&mut s, &config, &a, deadline).unwrap().len(), 1);
    assert_eq!(
        stages(&s)[1],
        ("breach".to_string(), Some("O018".to_string()))
    );
    assert!(
        evaluate(
            &mut s,
            &config,
            &a,
            at(Duration::minutes(30) - Duration::seconds(1))
        )
        .unwrap()
        .is_empty()
    );
    assert_eq!(
        evaluate(&mut s, &config, &a, at(Duration::minutes(30)))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        stages(&s)[2],
        ("critical".to_string(), Some("O002".to_string()))
    );
    // Nothing more, however late.
    assert!(
        evaluate(&mut s, &config, &a, at(Duration::hours(5)))
            .unwrap()
            .is_empty()
    );
    let show = room.json(&[NOW, "show", "1", "--json"]);
    let actions: Vec<&str> = show["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| **a == "complaint.escalated")
            .count(),
        3
    );
}

#[test]
fn exactly_once_across_a_restart_and_with_two_evaluators() {
    let (room, config, deadline) = setup();
    let late = deadline + Duration::minutes(45);
    // Two evaluators in two threads with their own connections, many times over.
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let (db, config) = (room.db(), config.clone());
            std::thread::spawn(move || {
                let mut s = SqliteStore::open(&db, Durability::Full).unwrap();
                let mut fired = 0;
                for _ in 0..50 {
                    fired += evaluate(&mut s, &config, &actor(&format!("ev{i}")), late)
                        .unwrap()
                        .len();
                }
                fired
            })
        })
        .collect();
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(
        total, 1,
        "critical alone fires, once between both evaluators (warn and breach are skipped)"
    );
    // A restarted evaluator (new connection) finds nothing left to do.
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    assert!(
        evaluate(
            &mut s,
            &config,
            &actor("restarted"),
            late + Duration::minutes(1)
        )
        .unwrap()
        .is_empty()
    );
    let rows: Vec<(String, bool)> = s
        .escalations(1)
        .unwrap()
        .into_iter()
        .map(|e| (e.stage, e.skipped))
        .collect();
    assert_eq!(
        rows,
        [
            ("warn".to_string(), true),
            ("breach".to_string(), true),
            ("critical".to_string(), false)
        ]
    );
}

#[test]
fn an_arrival_before_the_deadline_prevents_breach() {
    let (room, config, deadline) = setup();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let a = actor("escalator");
    evaluate(&mut s, &config, &a, deadline - Duration::minutes(9)).unwrap();
    let arrived = deadline - Duration::minutes(5);
    s.arrive(
        &a,
        arrived,
        &ArrivalRequest {
            complaint_id: 1,
            officer: "O019".into(),
            arrived_at: arrived,
            note: None,
        },
    )
    .unwrap();
    assert!(
        evaluate(&mut s, &config, &a, deadline + Duration::hours(1))
            .unwrap()
            .is_empty()
    );
    assert_eq!(stages(&s), [("warn".to_string(), Some("O019".to_string()))]);
}

#[test]
fn the_daemon_loop_fires_within_a_second_of_the_instant_on_paused_time() {
    let (room, config, deadline) = setup();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    rt.block_on(async {
        let warn_at = deadline - Duration::minutes(10);
        let clock = Arc::new(TokioClock::new(warn_at - Duration::milliseconds(2500)));
        let shutdown = CancellationToken::new();
        let file = SqliteStore::open(&room.db(), Durability::Normal)
            .unwrap()
            .file();
        let task = tokio::spawn(gridwatch::daemon::escalation_loop(
            file,
            Arc::new(config),
            clock.clone(),
            actor("daemon"),
            Default::default(),
            shutdown.clone(),
        ));
        let check = Arc::new(Mutex::new(
            SqliteStore::open(&room.db(), Durability::Normal).unwrap(),
        ));
        let mut seen = None;
        for _ in 0..40 {
            tokio::time::sleep(StdDuration::from_millis(100)).await; // paused: advances instantly
            // Let the blocking pool finish the pass that the tick started.
            for _ in 0..50 {
                tokio::task::yield_now().await;
            }
            let check = check.clone();
            let n = tokio::task::spawn_blocking(move || {
                check.lock().unwrap().escalations(1).unwrap().len()
            })
            .await
            .unwrap();
            if n > 0 && seen.is_none() {
                seen = Some(gridwatch::clock::Clock::now(&*clock));
            }
        }
        shutdown.cancel();
        task.await.unwrap();
        let seen = seen.expect("warn fired");
        let late = seen - warn_at;
        assert!(
            late >= Duration::zero() && late <= Duration::seconds(1),
            "fired {late} after its instant"
        );
    });
}

/// The room's config with an alert command, so escalations are queued for it.
fn with_hook(mut config: Config) -> Config {
    config.settings.alerts.command = vec!["true".into()];
    config
}

/// A complaint first seen 5 minutes after its deadline fires breach alone
/// (warn is recorded as skipped, audited, with no alert queued); critical
/// fires at its own instant later; the skipped warn never fires (issue #9).
#[test]
fn a_late_complaint_fires_only_its_latest_stage_and_a_skipped_one_never_fires() {
    let (room, config, deadline) = setup();
    let config = with_hook(config);
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let a = actor("escalator");
    let fired = evaluate(&mut s, &config, &a, deadline + Duration::minutes(5)).unwrap();
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].stage, "breach");
    assert_eq!(fired[0].skipped, ["warn"]);
    let rows = s.escalations(1).unwrap();
    assert_eq!(
        rows.iter()
            .map(|e| (e.stage.as_str(), e.skipped, e.target.as_deref()))
            .collect::<Vec<_>>(),
        [("warn", true, None), ("breach", false, Some("O018"))]
    );
    // Only the stage that fired is queued for the hook.
    let queued: Vec<i64> = s
        .outbox_states()
        .unwrap()
        .iter()
        .map(|o| o.escalation_id)
        .collect();
    assert_eq!(queued, [rows[1].id]);
    // Later instants: critical at its own, and never the skipped warn.
    assert!(
        evaluate(&mut s, &config, &a, deadline + Duration::minutes(29))
            .unwrap()
            .is_empty()
    );
    let later = evaluate(&mut s, &config, &a, deadline + Duration::minutes(30)).unwrap();
    assert_eq!(
        later
            .iter()
            .map(|f| (f.stage.as_str(), f.skipped.len()))
            .collect::<Vec<_>>(),
        [("critical", 0)]
    );
    assert!(
        evaluate(&mut s, &config, &a, deadline + Duration::hours(3))
            .unwrap()
            .is_empty()
    );
    let stages: Vec<(String, bool)> = s
        .escalations(1)
        .unwrap()
        .into_iter()
        .map(|e| (e.stage, e.skipped))
        .collect();
    assert_eq!(
        stages,
        [
            ("warn".to_string(), true),
            ("breach".to_string(), false),
            ("critical".to_string(), false)
        ]
    );
    let audit = s.audit_of_complaint(1).unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| **a == "complaint.escalation_skipped")
            .count(),
        1
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| **a == "complaint.escalated")
            .count(),
        2
    );
    // Consoles' ticker leaves the skipped stage out.
    assert!(s.escalations_recent(10).unwrap().iter().all(|e| !e.skipped));
}

/// A manual escalation goes to the same outbox as an automatic stage, in
/// the same transaction: queued when a hook is configured, not at all when
/// none is, and nothing when the escalation itself is refused (issue #9).
#[test]
fn a_manual_escalation_is_queued_for_the_hook_with_its_reason() {
    use gridwatch::ops::{Command, OpError, Target, perform};
    let (room, config, deadline) = setup();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let a = actor("duty");
    let now = deadline - Duration::minutes(20);
    let escalate = |s: &mut SqliteStore, config: &Config, target: Target| {
        perform(
            s,
            config,
            &a,
            now,
            Command::Escalate {
                id: 1,
                target,
                reason: "black smoke again".into(),
            },
        )
    };
    // No hook configured: the record alone, for the consoles.
    escalate(&mut s, &config, Target::OnCallLeader).unwrap();
    assert!(s.outbox_states().unwrap().is_empty());
    let config = with_hook(config);
    escalate(&mut s, &config, Target::Officer("O019".into())).unwrap();
    let due = s.outbox_due("command", now, 10).unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    let item = &due[0];
    assert_eq!(
        (item.stage.as_str(), item.automatic, item.by.as_str()),
        ("manual", false, "duty")
    );
    assert_eq!(item.target.as_deref(), Some("O019"));
    assert_eq!(item.reason, "black smoke again");
    assert_eq!(
        gridwatch::alert::hook::message(item),
        "[gridwatch] complaint #1 escalated by hand by duty: black smoke again"
    );
    // Refused (unknown officer): no escalation, no outbox row.
    let err = escalate(&mut s, &config, Target::Officer("O999".into())).unwrap_err();
    assert!(
        matches!(err, OpError::Store(_)) && err.is_user_error(),
        "{err}"
    );
    assert_eq!(s.escalations(1).unwrap().len(), 2);
    assert_eq!(s.outbox_states().unwrap().len(), 1);
}

/// Acknowledging is shared: one record per alert (who, where, when), an
/// audit record with it, the same alert acknowledged again changes nothing,
/// an unknown alert refuses the whole request, and readers follow the
/// records by their order (issue #9).
#[test]
fn an_alert_is_acknowledged_once_for_everyone_and_audited() {
    use gridwatch::domain::AlertRef;
    use gridwatch::ops::{Command, Outcome, perform};
    use gridwatch::store::{Alerts, StoreError};
    let (room, config, deadline) = setup();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let now = deadline - Duration::minutes(10);
    let fired = evaluate(&mut s, &config, &actor("escalator"), now).unwrap();
    let warn = AlertRef::Escalation(fired[0].escalation_id);
    let new = AlertRef::NewComplaint(1);
    assert_eq!(s.last_ack().unwrap(), 0);
    // A request naming an unknown alert records nothing.
    let err = s
        .acknowledge(&actor("a"), now, &[warn, AlertRef::Escalation(99)])
        .unwrap_err();
    assert!(matches!(err, StoreError::NoSuchEscalation(99)), "{err}");
    assert!(err.is_user_error());
    assert!(s.acks_after(0, 10).unwrap().is_empty());
    let first = perform(
        &mut s,
        &config,
        &Actor::new("ma", "tui:host:1", ClockMode::Fixed),
        now,
        Command::Acknowledge(vec![warn]),
    )
    .unwrap();
    assert_eq!(
        first,
        Outcome::Acknowledged {
            done: vec![warn],
            asked: 1
        }
    );
    // Another console acknowledges it again, with the new complaint.
    let second = s
        .acknowledge(&actor("li"), now + Duration::minutes(1), &[warn, new])
        .unwrap();
    assert_eq!(second, [new]);
    let acks = s.acks_after(0, 10).unwrap();
    assert_eq!(
        acks.iter()
            .map(|a| (a.alert, a.by.as_str(), a.console.as_str(), a.at))
            .collect::<Vec<_>>(),
        [
            (warn, "ma", "tui:host:1", now),
            (new, "li", "li", now + Duration::minutes(1))
        ]
    );
    assert_eq!(s.acks_after(acks[0].seq, 10).unwrap(), acks[1..]);
    assert_eq!(s.last_ack().unwrap(), acks[1].seq);
    assert_eq!(s.acks_of_complaint(1).unwrap(), acks);
    let audited: Vec<(String, serde_json::Value)> = s
        .audit_of_complaint(1)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "alert.acknowledged")
        .map(|e| (e.actor, e.details))
        .collect();
    assert_eq!(
        audited,
        [
            (
                "ma".to_string(),
                serde_json::json!({"alert": "escalation", "id": warn.id()})
            ),
            (
                "li".to_string(),
                serde_json::json!({"alert": "new_complaint", "id": 1})
            )
        ]
    );
}

/// The warning goes to the officer who was sent, not to whoever is on call
/// by then; the stages above still go up the grid (issue #9, from a
/// stranger's drill across the 18:00 shift change).
#[test]
fn the_warning_goes_to_the_officer_who_was_sent() {
    let (room, config, deadline) = setup();
    let mut s = SqliteStore::open(&room.db(), Durability::Full).unwrap();
    let a = actor("duty");
    s.dispatch(&a, deadline - Duration::minutes(25), 1, "O020")
        .unwrap();
    evaluate(&mut s, &config, &a, deadline - Duration::minutes(10)).unwrap();
    evaluate(&mut s, &config, &a, deadline).unwrap();
    assert_eq!(
        stages(&s),
        [
            ("warn".to_string(), Some("O020".to_string())),
            ("breach".to_string(), Some("O018".to_string()))
        ],
        "the one on the way is warned; the leader gets the breach"
    );
}
