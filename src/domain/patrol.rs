//! Patrols of pollution sources (#11, DESIGN.md §5): how often each source
//! must be inspected, when it is due, and whether the linked leaders keep
//! their monthly inspections and quarterly township visits.
//!
//! Owns the rules only: the facts (last inspection, recent complaints,
//! violations, repeats, who inspected and visited when) come in as values,
//! and so does today's local date. Nothing here reads a clock or a file.
//!
//! Decisions, documented in the README:
//! - The interval counts in days from the local date of the last
//!   inspection; an inspection ON the due date is in time, the day after
//!   it is one day overdue.
//! - A source never inspected (neither in the database nor in the
//!   register's `last_inspected`) is due on the day it was registered
//!   (`registered`): a new source is inspected at once. Without a
//!   registration date it is "never inspected": due, with no count of days.
//! - A complaint or a violation (a complaint resolved `violation_confirmed`,
//!   or an inspection with result `problem`) in the last `recent_days`
//!   shortens the interval by `shorten_percent`; a repeat complaint in that
//!   time shortens it again. It never drops below `min_days`.
//! - A signal never makes a source overdue retroactively: shortened, the
//!   source is due at the later of (last inspection + shortened interval)
//!   and the day of the signal, and never later than it was due before
//!   ([`PatrolRule::due_on`]).

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::grid::ControlLevel;

/// The patrol rule of `gridwatch.toml` `[patrol]`, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatrolRule {
    /// Days between inspections, by control level (in `ControlLevel::ALL` order).
    pub interval_days: [u32; 6],
    /// How far back a complaint, violation or repeat shortens the interval.
    pub recent_days: u32,
    /// The shortened interval, in percent of the one before (50: halved).
    pub shorten_percent: u32,
    /// No interval is shorter than this.
    pub min_days: u32,
    /// The first day leaders' duties are kept: a period that ended before
    /// it is not counted as missed (going live mid-year).
    pub duties_from: Option<NaiveDate>,
}

impl Default for PatrolRule {
    /// The plan's: provincial-and-above and env-safety monthly, city and
    /// county every two months, the rest quarterly; halved after a
    /// complaint or violation in 90 days, halved again after a repeat.
    fn default() -> Self {
        PatrolRule {
            interval_days: [30, 30, 30, 60, 60, 90],
            recent_days: 90,
            shorten_percent: 50,
            min_days: 7,
            duties_from: None,
        }
    }
}

/// What happened at a source in the last `recent_days`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Signals {
    pub complaint: bool,
    pub violation: bool,
    pub repeat: bool,
}

impl PatrolRule {
    /// The base interval of a control level.
    pub fn base_days(&self, level: ControlLevel) -> u32 {
        let i = ControlLevel::ALL
            .iter()
            .position(|l| *l == level)
            .unwrap_or(ControlLevel::ALL.len() - 1);
        self.interval_days[i]
    }

    /// The interval in force for a source of `level` with `signals`.
    pub fn interval_days(&self, level: ControlLevel, signals: Signals) -> u32 {
        let shorten = |d: u32| d.saturating_mul(self.shorten_percent) / 100;
        let mut days = self.base_days(level);
        if signals.complaint || signals.violation || signals.repeat {
            days = shorten(days);
        }
        if signals.repeat {
            days = shorten(days);
        }
        days.max(self.min_days).max(1)
    }
}

/// The local days the signals in force first came (in the last
/// `recent_days`): any complaint, violation or repeat, and the first repeat.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SignalDays {
    pub first: Option<NaiveDate>,
    pub repeat: Option<NaiveDate>,
}

impl PatrolRule {
    /// The last day an inspection is in time for a source of `level` last
    /// inspected on `last`, with `signals` that first came on `days`.
    ///
    /// A signal never makes a source overdue retroactively: each
    /// shortening (the first signal, then a repeat) makes the source due at
    /// the later of `last` + the shortened interval and the day of the
    /// signal, and never later than it was due before that signal — so at
    /// most `last` + the base interval. Never inspected: the day it was
    /// registered, as [`due_on`].
    pub fn due_on(
        &self,
        level: ControlLevel,
        last: Option<NaiveDate>,
        registered: Option<NaiveDate>,
        signals: Signals,
        days: SignalDays,
    ) -> Option<NaiveDate> {
        let Some(last) = last else {
            return registered;
        };
        let add = |n: u32| last.checked_add_days(Days::new(u64::from(n)));
        let mut due = add(self.base_days(level))?;
        let mut shorten = |interval: u32, day: Option<NaiveDate>| {
            if let Some(by_rule) = add(interval) {
                due = due.min(day.map_or(by_rule, |d| by_rule.max(d)));
            }
        };
        if signals.complaint || signals.violation || signals.repeat {
            let once = Signals {
                complaint: true,
                violation: false,
                repeat: false,
            };
            shorten(self.interval_days(level, once), days.first);
        }
        if signals.repeat {
            shorten(
                self.interval_days(level, signals),
                days.repeat.or(days.first),
            );
        }
        Some(due)
    }
}

/// The last day an inspection is in time: `last` + `interval` days; never
/// inspected: the day it was registered; `None` when that is unknown too.
pub fn due_on(
    last: Option<NaiveDate>,
    registered: Option<NaiveDate>,
    interval_days: u32,
) -> Option<NaiveDate> {
    match last {
        Some(d) => d.checked_add_days(Days::new(u64::from(interval_days))),
        None => registered,
    }
}

/// Days past `due` on `today` (0 when in time, also on the due day itself).
pub fn overdue_days(due: NaiveDate, today: NaiveDate) -> i64 {
    (today - due).num_days().max(0)
}

/// Days left until `due` (0 on the due day and after).
pub fn days_left(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days().max(0)
}

/// The period of a leader's duty: a calendar month (inspections) or a
/// calendar quarter (township visits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Month,
    Quarter,
}

impl Period {
    /// The first day of the period that holds `day`.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        let month = match self {
            Period::Month => day.month(),
            Period::Quarter => (day.month() - 1) / 3 * 3 + 1,
        };
        NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
    }

    /// The first day of the period after the one that holds `day`.
    pub fn next_start(self, day: NaiveDate) -> NaiveDate {
        let months = match self {
            Period::Month => 1,
            Period::Quarter => 3,
        };
        self.start(day)
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(day)
    }

    /// The first day of the period before the one that holds `day`.
    pub fn previous_start(self, day: NaiveDate) -> NaiveDate {
        let months = match self {
            Period::Month => 1,
            Period::Quarter => 3,
        };
        self.start(day)
            .checked_sub_months(chrono::Months::new(months))
            .unwrap_or(day)
    }
}

/// Where one duty (an officer and one linked enterprise or township) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DutyStatus {
    /// Done in the period that holds today.
    pub done_now: bool,
    /// Done in the period before: `false` is a missed period — behind.
    pub done_before: bool,
    /// The last day of the period that holds today.
    pub ends_on: NaiveDate,
}

impl DutyStatus {
    /// Behind: the last period ended without it.
    pub fn behind(&self) -> bool {
        !self.done_before
    }
}

/// A duty with `done` (the local dates it was done on) on `today`; the
/// period before is not held against anyone if it began before `from`.
pub fn duty(
    period: Period,
    done: &[NaiveDate],
    today: NaiveDate,
    from: Option<NaiveDate>,
) -> DutyStatus {
    let (start, next) = (period.start(today), period.next_start(today));
    let before = period.previous_start(today);
    let counted = from.is_none_or(|f| before >= f);
    DutyStatus {
        done_now: done.iter().any(|d| (start..next).contains(d)),
        done_before: !counted || done.iter().any(|d| (before..start).contains(d)),
        ends_on: next.pred_opt().unwrap_or(next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const NONE: Signals = Signals {
        complaint: false,
        violation: false,
        repeat: false,
    };

    #[rstest]
    #[case::national(ControlLevel::National, 30)]
    #[case::provincial(ControlLevel::Provincial, 30)]
    #[case::env_safety(ControlLevel::ProvincialEnvSafety, 30)]
    #[case::city(ControlLevel::City, 60)]
    #[case::county(ControlLevel::County, 60)]
    #[case::general(ControlLevel::General, 90)]
    fn each_control_level_has_its_interval_and_due_date(
        #[case] level: ControlLevel,
        #[case] days: u32,
    ) {
        let rule = PatrolRule::default();
        assert_eq!(rule.interval_days(level, NONE), days);
        let due = due_on(Some(d("2026-10-01")), None, days).unwrap();
        assert_eq!(due, d("2026-10-01") + Days::new(u64::from(days)));
    }

    #[rstest]
    #[case::nothing(NONE, 30)]
    #[case::complaint(Signals { complaint: true, ..NONE }, 15)]
    #[case::violation(Signals { violation: true, ..NONE }, 15)]
    #[case::both(Signals { complaint: true, violation: true, repeat: false }, 15)]
    #[case::repeat(Signals { complaint: true, violation: false, repeat: true }, 7)]
    fn a_complaint_or_violation_shortens_and_a_repeat_again(
        #[case] signals: Signals,
        #[case] days: u32,
    ) {
        assert_eq!(
            PatrolRule::default().interval_days(ControlLevel::National, signals),
            days
        );
    }

    #[test]
    fn shortening_stops_at_the_minimum_and_follows_the_config() {
        let rule = PatrolRule {
            interval_days: [20, 20, 20, 40, 40, 120],
            recent_days: 30,
            shorten_percent: 75,
            min_days: 10,
            duties_from: None,
        };
        let all = Signals {
            complaint: true,
            violation: true,
            repeat: true,
        };
        assert_eq!(rule.interval_days(ControlLevel::General, all), 67);
        assert_eq!(rule.interval_days(ControlLevel::National, all), 11);
        let tight = PatrolRule {
            shorten_percent: 10,
            ..rule
        };
        assert_eq!(tight.interval_days(ControlLevel::National, all), 10);
    }

    #[test]
    fn an_inspection_on_the_last_day_of_the_interval_is_in_time() {
        let due = due_on(Some(d("2026-11-01")), None, 30).unwrap();
        assert_eq!(due, d("2026-12-01"));
        assert_eq!(overdue_days(due, d("2026-12-01")), 0, "on the day: in time");
        assert_eq!(days_left(due, d("2026-12-01")), 0);
        assert_eq!(overdue_days(due, d("2026-12-02")), 1, "the day after: late");
        assert_eq!(days_left(due, d("2026-11-24")), 7);
    }

    const COMPLAINT: Signals = Signals {
        complaint: true,
        violation: false,
        repeat: false,
    };
    const REPEAT: Signals = Signals {
        complaint: true,
        violation: false,
        repeat: true,
    };

    fn due(signals: Signals, first: Option<&str>, repeat: Option<&str>) -> NaiveDate {
        let days = SignalDays {
            first: first.map(d),
            repeat: repeat.map(d),
        };
        PatrolRule::default()
            .due_on(
                ControlLevel::National,
                Some(d("2026-11-03")),
                None,
                signals,
                days,
            )
            .unwrap()
    }

    #[rstest]
    // Inspected 11-03, 30 d: due 12-03. A complaint today (11-30) shortens
    // to 15 d (11-18, past): due today, not 12 days overdue.
    #[case::complaint_today(COMPLAINT, Some("2026-11-30"), None, "2026-11-30")]
    // A complaint on 11-10: 11-18 is later than the complaint: the rule's day.
    #[case::complaint_early(COMPLAINT, Some("2026-11-10"), None, "2026-11-18")]
    // On the very day the shortened interval ends: that day.
    #[case::complaint_on_the_day(COMPLAINT, Some("2026-11-18"), None, "2026-11-18")]
    // A day later: the day of the complaint.
    #[case::complaint_a_day_late(COMPLAINT, Some("2026-11-19"), None, "2026-11-19")]
    // Before the last inspection: the shortened interval from it.
    #[case::complaint_before(COMPLAINT, Some("2026-10-01"), None, "2026-11-18")]
    // Never later than unshortened (12-03), whatever the day said.
    #[case::never_later(COMPLAINT, Some("2026-12-20"), None, "2026-12-03")]
    // Complaint 11-05 (due 11-18), repeat 11-25 (7 d: 11-10, past): it
    // stays due 11-18 — a repeat does not move a due date later.
    #[case::repeat_after_overdue(REPEAT, Some("2026-11-05"), Some("2026-11-25"), "2026-11-18")]
    // Complaint and repeat both today: due today.
    #[case::repeat_today(REPEAT, Some("2026-11-30"), Some("2026-11-30"), "2026-11-30")]
    // Complaint 11-05, repeat 11-08: 11-10 (7 d) is the later.
    #[case::repeat_early(REPEAT, Some("2026-11-05"), Some("2026-11-08"), "2026-11-10")]
    #[case::nothing(NONE, None, None, "2026-12-03")]
    fn a_signal_never_makes_a_source_overdue_retroactively(
        #[case] signals: Signals,
        #[case] first: Option<&str>,
        #[case] repeat: Option<&str>,
        #[case] want: &str,
    ) {
        assert_eq!(due(signals, first, repeat), d(want));
    }

    #[test]
    fn never_inspected_is_due_from_registration_or_unknown() {
        assert_eq!(
            due_on(None, Some(d("2026-06-01")), 30),
            Some(d("2026-06-01"))
        );
        assert_eq!(overdue_days(d("2026-06-01"), d("2026-06-11")), 10);
        assert_eq!(due_on(None, None, 30), None);
    }

    #[test]
    fn a_leader_inspects_each_calendar_month() {
        let today = d("2026-11-20");
        let s = duty(Period::Month, &[d("2026-10-31")], today, None);
        assert!(!s.done_now && s.done_before && !s.behind());
        assert_eq!(s.ends_on, d("2026-11-30"));
        let s = duty(
            Period::Month,
            &[d("2026-09-30"), d("2026-11-01")],
            today,
            None,
        );
        assert!(s.done_now && s.behind(), "October was missed");
        let s = duty(Period::Month, &[d("2026-12-01")], d("2027-01-05"), None);
        assert!(s.done_before, "December counts for January's look back");
    }

    #[test]
    fn a_leader_visits_each_calendar_quarter() {
        let today = d("2026-11-20");
        assert_eq!(Period::Quarter.start(today), d("2026-10-01"));
        let s = duty(Period::Quarter, &[d("2026-07-01")], today, None);
        assert!(!s.done_now && !s.behind());
        assert_eq!(s.ends_on, d("2026-12-31"));
        let s = duty(
            Period::Quarter,
            &[d("2026-06-30"), d("2026-10-02")],
            today,
            None,
        );
        assert!(s.done_now && s.behind(), "the third quarter was missed");
        let s = duty(Period::Quarter, &[d("2026-12-31")], d("2027-02-01"), None);
        assert!(s.done_before);
    }

    #[test]
    fn periods_before_the_duties_were_kept_are_not_missed() {
        let from = Some(d("2026-11-01"));
        let s = duty(Period::Month, &[], d("2026-11-20"), from);
        assert!(!s.behind() && !s.done_now, "October was before gridwatch");
        assert!(duty(Period::Month, &[], d("2026-12-02"), from).behind());
        assert!(!duty(Period::Quarter, &[], d("2026-11-20"), from).behind());
        assert!(duty(Period::Quarter, &[], d("2027-04-02"), from).behind());
    }
}
