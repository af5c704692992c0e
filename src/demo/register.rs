//! The demo county's patrol history, moved to the drill's start.
//!
//! The shipped register (`config/enterprises.toml`) was written as of
//! [`AUTHORED`]: its `last_inspected` and `registered` dates, and
//! `[patrol] duties_from`, make a mostly healthy county on that day (a few
//! sources overdue, a few due this week). A drill on another day would see
//! that picture aged — every source overdue a year later. So the drill
//! moves every one of those dates by the days between [`AUTHORED`] and its
//! start: the county looks the same whatever day it is run.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::config::Config;
use crate::domain::grid::Enterprise;

/// The day the shipped register's dates were written for.
pub const AUTHORED: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 30) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// `d` moved by `days` (either way); unchanged where it would leave the calendar.
fn moved(d: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    let m = if days >= 0 {
        d.checked_add_days(n)
    } else {
        d.checked_sub_days(n)
    };
    m.unwrap_or(d)
}

/// The register with its dates moved by `days`.
pub fn shifted(register: &BTreeMap<String, Enterprise>, days: i64) -> BTreeMap<String, Enterprise> {
    register
        .iter()
        .map(|(id, e)| {
            let mut e = e.clone();
            e.census.registered = e.census.registered.map(|d| moved(d, days));
            e.census.last_inspected = e.census.last_inspected.map(|d| moved(d, days));
            (id.clone(), e)
        })
        .collect()
}

/// Put the register and the leaders' duties of `config` as of `start`.
pub fn as_of(config: &mut Config, start: NaiveDate) {
    let days = (start - AUTHORED).num_days();
    if days == 0 {
        return;
    }
    let register = shifted(&config.enterprises.current(), days);
    config.enterprises.replace(register);
    let rule = &mut config.settings.patrol;
    rule.duties_from = rule.duties_from.map(|d| moved(d, days));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, ConfigSource};

    #[test]
    fn a_drill_a_year_later_sees_the_county_as_written() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut config = Config::load(ConfigSource::Embedded).unwrap();
        let before = config.enterprises.current();
        let sample = before
            .values()
            .find(|e| e.census.last_inspected.is_some())
            .unwrap()
            .clone();
        let from = config.settings.patrol.duties_from;
        as_of(&mut config, d("2027-12-01"));
        let after = config.enterprises.current();
        let moved_one = &after[&sample.id];
        assert_eq!(
            (moved_one.census.last_inspected.unwrap() - sample.census.last_inspected.unwrap())
                .num_days(),
            366
        );
        assert_eq!(
            config.settings.patrol.duties_from,
            from.map(|f| f + Days::new(366))
        );
        // A drill before the authored day moves them back.
        let mut config = Config::load(ConfigSource::Embedded).unwrap();
        as_of(&mut config, AUTHORED - Days::new(10));
        assert_eq!(
            config.enterprises.current()[&sample.id]
                .census
                .last_inspected,
            sample.census.last_inspected.map(|x| x - Days::new(10))
        );
    }
}
