//! The sources board on a real database with the demo county: every source
//! with its grid, interval, last inspection, due date and overdue days.

use chrono::{DateTime, NaiveDate, Utc};

use super::sources::SourceBoard;
use crate::clock::ClockMode;
use crate::config::Config;
use crate::domain::Actor;
use crate::domain::inspection::{InspectionKind, InspectionResult, NewInspection};
use crate::store::{Patrols, SqliteStore};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn room() -> (tempfile::TempDir, SqliteStore, Config) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::embedded().unwrap();
    let mut store = SqliteStore::init(&dir.path().join("gw.db")).unwrap();
    store.sync_reference(&config).unwrap();
    (dir, store, config)
}

fn inspect(enterprise: &str, at: &str, result: InspectionResult) -> NewInspection {
    NewInspection {
        enterprise: enterprise.into(),
        officers: vec!["O001".into(), "O018".into()],
        at: t(at),
        kind: InspectionKind::Routine,
        complaint: None,
        result,
        problems: None,
        rectify_by: None,
        note: None,
    }
}

#[test]
fn every_source_has_its_patrol_status_most_overdue_first() {
    let (_dir, store, config) = room();
    let board = SourceBoard::load(&store, &config, t("2026-11-30T10:00:00+08:00")).unwrap();
    assert_eq!(board.sources.len(), config.enterprises.current().len());
    let e0101 = board.source("E0101").unwrap();
    assert_eq!(e0101.grid, "T03-V01-G01");
    assert_eq!(e0101.interval_days, 30);
    assert_eq!(
        e0101.due_on,
        Some(d("2026-12-03")),
        "register: last 2026-11-03"
    );
    assert_eq!(e0101.due_at, Some(t("2026-12-04T00:00:00+08:00")));
    assert_eq!((e0101.overdue_days, e0101.days_left), (0, 3));
    assert!(e0101.due_soon());
    // E0402 was registered 2026-11-16 and never inspected: due then.
    let farm = board.source("E0402").unwrap();
    assert_eq!(
        (farm.due_on, farm.overdue_days),
        (Some(d("2026-11-16")), 14)
    );
    let order: Vec<i64> = board.sources.iter().map(|s| s.overdue_days).collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "{order:?}");
    let overdue = board.overdue().count();
    assert!(
        (3..=6).contains(&overdue),
        "a mostly healthy county: {overdue}"
    );
    assert!(board.grids.iter().map(|g| g.sources).sum::<usize>() == board.sources.len());
    assert!(!board.leaders.is_empty());
}

#[test]
fn an_inspection_moves_the_due_date_and_a_problem_shortens_the_interval() {
    let (_dir, mut store, config) = room();
    let a = Actor::new("t", "t", ClockMode::Fixed);
    let now = t("2026-11-30T10:00:00+08:00");
    store
        .record_inspection(
            &a,
            now,
            &inspect("E0206", "2026-11-30T09:00:00+08:00", InspectionResult::Ok),
        )
        .unwrap();
    let board = SourceBoard::load(&store, &config, now).unwrap();
    let s = board.source("E0206").unwrap();
    assert_eq!((s.due_on, s.overdue_days), (Some(d("2026-12-30")), 0));
    store
        .record_inspection(
            &a,
            now,
            &inspect(
                "E0101",
                "2026-11-29T15:00:00+08:00",
                InspectionResult::Problem,
            ),
        )
        .unwrap();
    let board = SourceBoard::load(&store, &config, now).unwrap();
    let s = board.source("E0101").unwrap();
    assert!(s.signals.violation);
    assert_eq!((s.interval_days, s.due_on), (15, Some(d("2026-12-14"))));
    let leader = board.leaders.iter().find(|l| l.officer == "O001").unwrap();
    let duty = leader
        .inspections
        .iter()
        .find(|d| d.target == "E0101")
        .unwrap();
    assert!(duty.status.done_now);
}
