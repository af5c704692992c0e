//! Automatic escalation on a real database, on fixed and paused clocks: each
//! stage fires at its instant to the right person, exactly once across
//! restarts and concurrent evaluators; an arrival stops what is left.

use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use gridwatch::alert::escalator::evaluate;
use gridwatch::clock::{ClockMode, TokioClock};
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::{Actor, ArrivalRequest};
use gridwatch::store::{Actions, Complaints, Durability, SqliteStore};
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
