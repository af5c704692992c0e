use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};

use super::rollup::rollup;
use super::*;
use crate::domain::grid::{Grid, GridTree};

fn grid(id: &str, level: u8, parent: Option<&str>) -> Grid {
    Grid {
        id: id.into(),
        name: format!("{id} name"),
        level,
        parent: parent.map(String::from),
        ..Grid::default()
    }
}

fn tree() -> GridTree {
    GridTree::new([
        grid("C", 1, None),
        grid("T1", 2, Some("C")),
        grid("T2", 2, Some("C")),
        grid("T1-V1", 3, Some("T1")),
        grid("T1-V2", 3, Some("T1")),
    ])
}

fn minutes(m: &[u32]) -> Figures {
    let mut f = Figures::default();
    f.tally.received = m.len() as u64;
    f.tally.seconds_to_arrival = m.iter().map(|m| m * 60).collect();
    f
}

#[test]
fn a_subtree_counts_every_grid_below_and_its_percentiles_are_of_the_union() {
    let mut per: BTreeMap<Option<String>, Figures> = BTreeMap::new();
    per.insert(Some("T1-V1".into()), minutes(&[1, 2, 3]));
    per.insert(Some("T1-V2".into()), minutes(&[10, 20, 30, 40]));
    per.insert(Some("T1".into()), minutes(&[5]));
    per.insert(Some("C".into()), minutes(&[7]));
    per.insert(None, minutes(&[9]));
    let (rows, totals) = rollup(&tree(), 2, &per);
    let names: Vec<_> = rows.iter().map(|r| r.kind.clone()).collect();
    assert_eq!(names.len(), 4, "T1, T2, unassigned, elsewhere: {names:?}");
    let t1 = &rows[0].figures.tally;
    assert_eq!(t1.received, 8);
    // Union of 1,2,3,5,10,20,30,40: nearest-rank median is the 4th = 5.
    assert_eq!(t1.median_minutes(), Some(5.0));
    assert_eq!(t1.p90_minutes(), Some(40.0));
    assert_eq!(
        rows[1].figures.tally.received, 0,
        "T2 has its row with zeros"
    );
    assert_eq!(rows[2].kind, RowKind::Unassigned);
    assert_eq!(rows[3].kind, RowKind::Elsewhere);
    assert_eq!(rows[3].figures.tally.received, 1);
    assert_eq!(totals.figures.tally.received, 10);
}

#[test]
fn a_period_is_local_days_and_refuses_to_run_backwards() {
    let tz = chrono_tz::Asia::Shanghai;
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let p = Period::new(d(7, 1), d(9, 30), tz).unwrap();
    assert_eq!(
        p.start,
        Utc.with_ymd_and_hms(2026, 6, 30, 16, 0, 0).unwrap()
    );
    assert_eq!(p.end, Utc.with_ymd_and_hms(2026, 9, 30, 16, 0, 0).unwrap());
    assert_eq!(
        Period::new(d(7, 2), d(7, 1), tz),
        Err(period::PeriodError::Backwards)
    );
    assert!(Period::new(d(7, 1), d(7, 1), tz).is_ok());
    assert_eq!(period::parse_date("2026-13-01"), None);
}

#[test]
fn csv_fields_are_quoted_as_rfc_4180_says_and_never_run_as_formulas() {
    assert_eq!(csv::field("plain"), "plain");
    assert_eq!(csv::field("a,b"), "\"a,b\"");
    assert_eq!(csv::field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv::field("=SUM(A1)"), "'=SUM(A1)");
    assert_eq!(csv::field("-3"), "-3");
}

#[test]
fn water_months_add_up_the_tree_and_the_verdict_follows_them() {
    use crate::domain::water::PeriodVerdict;
    let w = |passed, failed, without_data| WaterCounts {
        sections: 1,
        months_passed: passed,
        months_failed: failed,
        months_without_data: without_data,
    };
    assert_eq!(WaterCounts::default().verdict(), None, "no section");
    assert_eq!(w(3, 0, 0).verdict(), Some(PeriodVerdict::Pass));
    assert_eq!(w(2, 0, 1).verdict(), Some(PeriodVerdict::Incomplete));
    assert_eq!(w(0, 1, 2).verdict(), Some(PeriodVerdict::Fail));
    let mut per: BTreeMap<Option<String>, Figures> = BTreeMap::new();
    for (grid, counts) in [("T1", w(3, 0, 0)), ("T2", w(2, 0, 1)), ("C", w(2, 1, 0))] {
        let f = Figures {
            water: counts,
            ..Figures::default()
        };
        per.insert(Some(grid.into()), f);
    }
    let (rows, totals) = rollup(&tree(), 2, &per);
    assert_eq!(rows[0].figures.water.verdict(), Some(PeriodVerdict::Pass));
    assert_eq!(
        rows[1].figures.water.verdict(),
        Some(PeriodVerdict::Incomplete)
    );
    assert_eq!(rows[2].kind, RowKind::Elsewhere, "C is above the level");
    assert_eq!(totals.figures.water.sections, 3);
    assert_eq!(totals.figures.water.months_passed, 7);
    assert_eq!(totals.figures.water.verdict(), Some(PeriodVerdict::Fail));
}
