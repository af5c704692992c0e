//! The demo county's water readings (#12): each outflow section sampled
//! once a month for the six whole months before the drill starts, at about
//! its usual quality, so `gridwatch water`, the report and the Statistics
//! screen show something. One section fails one month: 新港出境断面 (S04,
//! target IV) two months back, ammonia nitrogen 1.86 mg/L (class V).
//! Fictional and fixed: every drill sees the same figures.

use chrono::{DateTime, Datelike, Months, NaiveDate, TimeZone, Utc};

use crate::config::Config;
use crate::domain::Actor;
use crate::ops::water::{Entry, check};
use crate::store::SqliteStore;

/// How many whole months before the start are sampled.
const MONTHS: u32 = 6;

/// (section, pH, DO, CODMn, COD, NH3-N, TP): the usual values, each well
/// inside the class its section usually reaches.
const USUAL: [(&str, [f64; 6]); 6] = [
    ("S01", [7.4, 6.8, 4.2, 16.0, 0.62, 0.12]),
    ("S02", [7.6, 7.0, 3.6, 13.0, 0.45, 0.09]),
    ("S03", [7.2, 5.2, 6.8, 24.0, 1.1, 0.22]),
    ("S04", [7.3, 5.6, 5.8, 22.0, 1.2, 0.18]),
    ("S05", [7.8, 8.3, 2.4, 11.0, 0.22, 0.05]),
    ("S06", [7.5, 6.4, 4.8, 17.0, 0.7, 0.15]),
];
const CODES: [&str; 6] = ["pH", "DO", "CODMn", "COD", "NH3-N", "TP"];

/// Record the readings as the county's monitoring station would have.
pub fn seed(
    store: &mut SqliteStore,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<usize, String> {
    let tz = &config.settings.timezone;
    let this_month = now
        .with_timezone(tz)
        .date_naive()
        .with_day(1)
        .unwrap_or(NaiveDate::MIN);
    let lab = Actor::new("demo-lab", actor.console.clone(), actor.clock);
    let mut readings = Vec::new();
    for back in 1..=MONTHS {
        let Some(month) = this_month.checked_sub_months(Months::new(back)) else {
            continue;
        };
        for (i, (section, usual)) in USUAL.iter().enumerate() {
            if !config.sections.iter().any(|s| s.id == *section) {
                continue;
            }
            let day = month.with_day(8 + (i as u32 % 3)).unwrap_or(month);
            let Some(at) = day
                .and_hms_opt(9 + i as u32, 30, 0)
                .and_then(|t| tz.from_local_datetime(&t).earliest())
            else {
                continue;
            };
            // ±4 % from month to month; pH and DO move less.
            let swing = 1.0 + 0.02 * f64::from((back * 7 + i as u32 * 3) % 5) - 0.04;
            let mut params: Vec<(String, f64)> = CODES
                .iter()
                .zip(usual)
                .map(|(c, v)| {
                    let v = if *c == "pH" { *v } else { v * swing };
                    (c.to_string(), (v * 1000.0).round() / 1000.0)
                })
                .collect();
            if *section == "S04" && back == 2 {
                params[4].1 = 1.86;
            }
            let entry = Entry {
                section: section.to_string(),
                sampled_at: at.with_timezone(&Utc),
                class: None,
                params,
                origin: "demo".into(),
            };
            readings.push(check(config, now, &entry).map_err(|e| e.to_string())?);
        }
    }
    crate::ops::water::record(store, &lab, now, &readings).map_err(|e| e.to_string())?;
    Ok(readings.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::water::WaterBoard;
    use crate::domain::water::{Class, MonthVerdict, PeriodVerdict};

    /// Mostly healthy: every section meets its target every month but S04
    /// two months back (class V by NH3-N against IV).
    #[test]
    fn the_demo_county_fails_once() {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::embedded().unwrap();
        let mut store = SqliteStore::init(&dir.path().join("gw.db")).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00")
            .unwrap()
            .with_timezone(&Utc);
        let actor = Actor::new("t", "t", crate::clock::ClockMode::Fixed);
        assert_eq!(seed(&mut store, &config, &actor, now).unwrap(), 36);
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let b = WaterBoard::load(&store, &config, d("2026-06-01"), d("2026-11-30")).unwrap();
        for s in &b.sections {
            for m in &s.months {
                let failing = s.id == "S04" && m.month.month == 10;
                let expected = if failing {
                    MonthVerdict::Fail
                } else {
                    MonthVerdict::Pass
                };
                assert_eq!(m.verdict, expected, "{} {}: {:?}", s.id, m.month, m.class);
                if failing {
                    assert_eq!(
                        (m.class, m.worst.as_deref()),
                        (Some(Class::V), Some("NH3-N"))
                    );
                }
            }
            let expected = if s.id == "S04" {
                PeriodVerdict::Fail
            } else {
                PeriodVerdict::Pass
            };
            assert_eq!(s.verdict, expected, "{}", s.id);
        }
        // Not all at class I: the classes differ between sections.
        let classes: std::collections::BTreeSet<_> = b
            .sections
            .iter()
            .filter_map(|s| s.months[0].class)
            .collect();
        assert!(classes.len() >= 3, "{classes:?}");
    }
}
