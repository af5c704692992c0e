//! The water board on a real database with the demo county: months across
//! a month end in local time, the worst reading of a month, no-data months,
//! a batch refused whole on a conflict, the same reading not recorded twice.

use chrono::{DateTime, NaiveDate, Utc};

use super::water::{WaterBoard, YearMonth};
use crate::clock::ClockMode;
use crate::config::Config;
use crate::domain::Actor;
use crate::domain::water::{
    Class, MonthVerdict, NewReading, PeriodVerdict, Recorded, Written, gb3838, parameters,
};
use crate::store::{SqliteStore, WaterReadings};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn room() -> (tempfile::TempDir, SqliteStore, Config) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::embedded().unwrap();
    let store = SqliteStore::init(&dir.path().join("gw.db")).unwrap();
    (dir, store, config)
}

fn by_params(section: &str, at: &str, given: &[(&str, f64)]) -> NewReading {
    let given: Vec<(String, f64)> = given.iter().map(|(c, v)| (c.to_string(), *v)).collect();
    NewReading::new(section, t(at), None, &parameters(&given).unwrap(), "test").unwrap()
}

fn by_class(section: &str, at: &str, class: Class) -> NewReading {
    let none: [(&'static gb3838::Param, f64); 0] = [];
    NewReading::new(section, t(at), Some(class), &none, "test").unwrap()
}

fn actor() -> Actor {
    Actor::new("tester", "test", ClockMode::Fixed)
}

#[test]
fn months_are_local_and_the_worst_reading_decides() {
    let (_d, mut store, config) = room();
    let now = t("2026-12-01T09:00:00+08:00");
    let batch = [
        // 1 Nov 00:30 in Shanghai is still 31 Oct in UTC: it is November's.
        by_params("S04", "2026-11-01T00:30:00+08:00", &[("NH3-N", 0.9)]),
        by_params(
            "S04",
            "2026-11-15T10:00:00+08:00",
            &[("NH3-N", 1.8), ("COD", 25.0)],
        ),
        by_class("S04", "2026-10-31T23:30:00+08:00", Class::III),
        by_class("S01", "2026-11-20T10:00:00+08:00", Class::II),
    ];
    let Recorded::Done(w) = store.record_readings(&actor(), now, &batch).unwrap() else {
        panic!("conflict")
    };
    assert!(w.iter().all(|x| matches!(x, Written::New(_))));
    let b = WaterBoard::load(&store, &config, d("2026-10-01"), d("2026-11-30")).unwrap();
    assert_eq!(
        b.months,
        [
            YearMonth {
                year: 2026,
                month: 10
            },
            YearMonth {
                year: 2026,
                month: 11
            }
        ]
    );
    let s4 = b.sections.iter().find(|s| s.id == "S04").unwrap();
    assert_eq!((s4.grid.as_str(), s4.target), ("T03", Class::IV));
    assert_eq!(s4.months[0].class, Some(Class::III));
    assert_eq!(s4.months[0].readings, 1);
    assert_eq!(s4.months[0].verdict, MonthVerdict::Pass);
    assert_eq!(s4.months[1].class, Some(Class::V));
    assert_eq!(s4.months[1].worst.as_deref(), Some("NH3-N"));
    assert_eq!(s4.months[1].readings, 2);
    assert_eq!(s4.months[1].verdict, MonthVerdict::Fail);
    assert_eq!(s4.verdict, PeriodVerdict::Fail);
    let s1 = b.sections.iter().find(|s| s.id == "S01").unwrap();
    assert_eq!(s1.months[0].verdict, MonthVerdict::NoData);
    assert_eq!(s1.months[1].verdict, MonthVerdict::Pass);
    assert_eq!(s1.verdict, PeriodVerdict::Incomplete);
    assert_eq!(b.township_verdict("T03"), Some(PeriodVerdict::Fail));
    assert_eq!(b.township_verdict("T01"), Some(PeriodVerdict::Incomplete));
    assert_eq!(b.township_verdict("C00"), None);
    // November alone: S01 passes.
    let nov = WaterBoard::load(&store, &config, d("2026-11-10"), d("2026-11-10")).unwrap();
    let s1 = nov.sections.iter().find(|s| s.id == "S01").unwrap();
    assert_eq!(s1.verdict, PeriodVerdict::Pass);
    // A period that ends before it begins has no months.
    let none = WaterBoard::load(&store, &config, d("2026-11-10"), d("2026-10-10")).unwrap();
    assert!(none.months.is_empty());
    assert!(
        none.sections
            .iter()
            .all(|s| s.verdict == PeriodVerdict::Incomplete)
    );
}

#[test]
fn the_same_reading_twice_records_nothing_and_other_values_refuse_the_batch() {
    let (_d, mut store, _config) = room();
    let now = t("2026-12-01T09:00:00+08:00");
    let first = by_params("S02", "2026-11-05T10:00:00+08:00", &[("COD", 18.0)]);
    let Recorded::Done(w) = store
        .record_readings(&actor(), now, std::slice::from_ref(&first))
        .unwrap()
    else {
        panic!()
    };
    let Written::New(id) = w[0] else { panic!() };
    let Recorded::Done(again) = store.record_readings(&actor(), now, &[first]).unwrap() else {
        panic!()
    };
    assert_eq!(again, [Written::Same(id)]);
    let batch = [
        by_class("S03", "2026-11-06T10:00:00+08:00", Class::II),
        by_params("S02", "2026-11-05T10:00:00+08:00", &[("COD", 19.0)]),
    ];
    match store.record_readings(&actor(), now, &batch).unwrap() {
        Recorded::Conflict { index, stored } => {
            assert_eq!((index, stored.id), (1, id));
            assert_eq!(stored.params, [("COD".to_string(), 18.0)]);
        }
        other => panic!("{other:?}"),
    }
    // Nothing of the refused batch was written.
    let all = store
        .readings(t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z"))
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].by, "tester");
}
