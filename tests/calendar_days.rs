//! The regime of every day of 2025 and 2026, on both sides of the day-window
//! edges, checked against the State Council arrangement as published
//! (tests/data/cn-holidays-2025-2026.csv, a copy of shared/data) — not against
//! the config files it is meant to verify.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Asia::Shanghai;
use gridwatch::config::{Config, ConfigSource};
use gridwatch::domain::calendar::{Regime, decide};

mod common;

fn arrangement() -> HashMap<NaiveDate, (String, String)> {
    let text = std::fs::read_to_string(common::repo().join("tests/data/cn-holidays-2025-2026.csv"))
        .unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                NaiveDate::parse_from_str(f[0], "%Y-%m-%d").unwrap(),
                (f[2].to_string(), f[3].to_string()),
            )
        })
        .collect()
}

fn shipped() -> Config {
    Config::load(ConfigSource::Dir(common::repo().join("config"))).expect("shipped config is valid")
}

fn at(date: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    Shanghai
        .from_local_datetime(&date.and_hms_opt(h, m, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn every_day_of_2025_and_2026_on_both_sides_of_the_window() {
    let config = shipped();
    let data = arrangement();
    let rule = config.settings.deadlines;
    assert_eq!(
        rule.day_window.to_string(),
        "08:00-18:00",
        "the test assumes the shipped window"
    );
    let mut day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let mut checked = 0;
    let (mut working, mut off) = (0, 0);
    while day.year() <= 2026 {
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let is_working = match data.get(&day).map(|(k, _)| k.as_str()) {
            Some("off") => false,
            Some("makeup_work") => true,
            Some(other) => panic!("unknown kind {other}"),
            None => !weekend,
        };
        if is_working {
            working += 1
        } else {
            off += 1
        }
        for (h, m, in_window) in [
            (0, 0, false),
            (7, 59, false),
            (8, 0, true),
            (12, 30, true),
            (17, 59, true),
            (18, 0, false),
            (23, 59, false),
        ] {
            let t = at(day, h, m);
            let d = decide(&config.calendar, &rule, &Shanghai, t);
            let (want, minutes) = if is_working && in_window {
                (Regime::WorkdayDay, 30)
            } else {
                (Regime::OffHours, 60)
            };
            assert_eq!(
                (d.regime, d.minutes),
                (want, minutes),
                "{day} {h:02}:{m:02} ({}): {}",
                day.weekday(),
                d.reason
            );
            assert_eq!(d.deadline_at, t + Duration::minutes(minutes as i64));
            assert!(d.warning().is_none(), "{day} has a calendar");
            if let Some((kind, name)) = data.get(&day) {
                assert!(
                    d.reason.contains(name.as_str()),
                    "{day}: reason '{}' names the holiday {name} ({kind})",
                    d.reason
                );
            }
            assert!(
                d.reason.ends_with(&format!(", {minutes} min")),
                "{}",
                d.reason
            );
            checked += 1;
        }
        day = day.succ_opt().unwrap();
    }
    assert_eq!(checked, 730 * 7);
    // Counted independently (weekdays − off + make-up days): 248 in 2025, 248 in 2026.
    assert_eq!(working + off, 730);
    assert_eq!(working, 248 + 248, "working days in 2025+2026");
}

#[test]
fn the_edges_named_in_the_issue() {
    let config = shipped();
    let rule = config.settings.deadlines;
    let d = |s: &str| {
        decide(
            &config.calendar,
            &rule,
            &Shanghai,
            DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc),
        )
    };
    // 17:59 on a working day: 30 min; 18:00: 60 min.
    assert_eq!(d("2026-11-30T17:59:00+08:00").minutes, 30);
    assert_eq!(d("2026-11-30T18:00:00+08:00").minutes, 60);
    assert_eq!(d("2026-11-30T17:59:59+08:00").minutes, 30);
    // A make-up Saturday is a working day.
    let sat = d("2026-02-14T17:58:00+08:00");
    assert_eq!((sat.regime, sat.minutes), (Regime::WorkdayDay, 30));
    assert_eq!(
        sat.reason,
        "received Sat 14 Feb 17:58, make-up working day (春节), 30 min"
    );
    // A holiday Monday: 60 min.
    let mon = d("2026-02-16T10:00:00+08:00");
    assert_eq!((mon.regime, mon.minutes), (Regime::OffHours, 60));
    assert_eq!(
        mon.reason,
        "received Mon 16 Feb 10:00, holiday (春节), 60 min"
    );
    // 2027 has no calendar: weekday fallback, and a warning.
    let y27 = d("2027-03-01T10:00:00+08:00");
    assert_eq!((y27.regime, y27.minutes), (Regime::WorkdayDay, 30));
    assert_eq!(
        y27.warning().as_deref(),
        Some("no holiday calendar for 2027: Mon-Fri assumed; add config/calendar/cn-2027.toml")
    );
    let sat27 = d("2027-03-06T10:00:00+08:00");
    assert_eq!(sat27.regime, Regime::OffHours);
    // A UTC instant is judged in local time: 10:00Z is 18:00 in Shanghai.
    assert_eq!(d("2026-11-30T10:00:00Z").minutes, 60);
    assert_eq!(d("2026-11-30T09:59:00Z").minutes, 30);
}

#[test]
fn check_config_warns_about_a_year_without_calendar() {
    let room = common::Room::bare();
    let out = room.run(&["--now=2027-01-04T10:00:00+08:00", "check-config"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: no holiday calendar for 2027: Mon-Fri is assumed now"),
        "{err}"
    );
}
