//! The working-day calendar and the deadline regime.
//!
//! Owns: which local dates are working days (Mon–Fri, minus holidays, plus
//! make-up working days), the day window, and the regime a complaint gets from
//! its `received_at`. Must never read a clock: every instant is an argument.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

pub use super::coverage::{Gap, WARN_DAYS_BEFORE_YEAR_END};

/// One year's official arrangement: public holidays and make-up working days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearArrangement {
    /// Non-working days, with the holiday's name.
    pub off: BTreeMap<NaiveDate, String>,
    /// Weekend days that are working days (调休上班), with the holiday's name.
    pub work: BTreeMap<NaiveDate, String>,
}

/// What kind of day a local date is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "holiday")]
pub enum DayKind {
    Workday,
    /// A weekend day that the arrangement makes a working day.
    MakeupWorkday(String),
    Weekend,
    Holiday(String),
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday(_))
    }

    /// A short stable code, stored beside the complaint for translation.
    pub fn code(&self) -> &'static str {
        match self {
            DayKind::Workday => "workday",
            DayKind::MakeupWorkday(_) => "makeup_workday",
            DayKind::Weekend => "weekend",
            DayKind::Holiday(_) => "holiday",
        }
    }
}

/// A day kind plus whether it came from a calendar file or the Mon–Fri fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInfo {
    pub kind: DayKind,
    /// Set when the year has no calendar file: Mon–Fri was assumed.
    pub fallback_year: Option<i32>,
}

/// The working-day calendar: the arrangements of the years we know.
///
/// Clones share one arrangement: [`Calendar::replace`] changes it for every
/// holder at once. That is how a running daemon or console takes up an
/// edited calendar file without a restart (`config::calendar` reads the
/// files; this type never does IO).
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: Arc<RwLock<Arc<Years>>>,
}

/// The arrangements by year.
pub type Years = BTreeMap<i32, YearArrangement>;

impl Calendar {
    pub fn new(years: Years) -> Self {
        Calendar {
            years: Arc::new(RwLock::new(Arc::new(years))),
        }
    }

    /// The arrangements in force now.
    pub fn current(&self) -> Arc<Years> {
        // A writer that panicked left a whole map behind: still usable.
        self.years
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Put `years` in force for every clone; false when nothing changed.
    pub fn replace(&self, years: Years) -> bool {
        let mut slot = self
            .years
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if **slot == years {
            return false;
        }
        *slot = Arc::new(years);
        true
    }

    pub fn years(&self) -> Vec<i32> {
        self.current().keys().copied().collect()
    }

    pub fn covers(&self, year: i32) -> bool {
        self.current().contains_key(&year)
    }

    /// One year's arrangement, if it has one.
    pub fn year(&self, year: i32) -> Option<YearArrangement> {
        self.current().get(&year).cloned()
    }

    /// Classify a local date. A year without an arrangement falls back to
    /// Mon–Fri and says so in `fallback_year`.
    pub fn day(&self, date: NaiveDate) -> DayInfo {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let years = self.current();
        let Some(year) = years.get(&date.year()) else {
            let kind = if weekend {
                DayKind::Weekend
            } else {
                DayKind::Workday
            };
            return DayInfo {
                kind,
                fallback_year: Some(date.year()),
            };
        };
        let kind = if let Some(name) = year.off.get(&date) {
            DayKind::Holiday(name.clone())
        } else if let Some(name) = year.work.get(&date) {
            DayKind::MakeupWorkday(name.clone())
        } else if weekend {
            DayKind::Weekend
        } else {
            DayKind::Workday
        };
        DayInfo {
            kind,
            fallback_year: None,
        }
    }
}

/// A local time window `[start, end)`; `end <= start` means it crosses midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeWindow {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeWindow {
    /// Parse `"HH:MM-HH:MM"`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (a, b) = text
            .split_once('-')
            .ok_or_else(|| format!("'{text}' is not a window like \"08:00-18:00\""))?;
        let parse = |s: &str| {
            NaiveTime::parse_from_str(s.trim(), "%H:%M")
                .map_err(|_| format!("'{}' is not a time like \"08:00\"", s.trim()))
        };
        let (start, end) = (parse(a)?, parse(b)?);
        if start == end {
            return Err(format!("window '{text}' is empty"));
        }
        Ok(TimeWindow { start, end })
    }

    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.start < self.end {
            self.start <= t && t < self.end
        } else {
            t >= self.start || t < self.end
        }
    }

    /// Minutes after midnight of start and end, for overlap checks.
    pub fn minutes(&self) -> (u32, u32) {
        let m = |t: NaiveTime| t.hour() * 60 + t.minute();
        (m(self.start), m(self.end))
    }
}

impl std::fmt::Display for TimeWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// The deadline class, frozen at intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// A working day, inside the day window.
    WorkdayDay,
    /// Night, weekend or holiday.
    OffHours,
}

impl Regime {
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::WorkdayDay => "workday_day",
            Regime::OffHours => "off_hours",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "workday_day" => Some(Regime::WorkdayDay),
            "off_hours" => Some(Regime::OffHours),
            _ => None,
        }
    }
}

/// The rule's parameters (from `[deadlines]` in gridwatch.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineRule {
    pub day_window: TimeWindow,
    pub workday_day_minutes: u32,
    pub off_hours_minutes: u32,
}

/// A time of day known at compile time.
const fn hm(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(t) => t,
        None => panic!("not a time of day"),
    }
}

impl Default for DeadlineRule {
    fn default() -> Self {
        DeadlineRule {
            day_window: TimeWindow {
                start: hm(8, 0),
                end: hm(18, 0),
            },
            workday_day_minutes: 30,
            off_hours_minutes: 60,
        }
    }
}

/// The regime, deadline and the human reason, decided once at intake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegimeDecision {
    pub regime: Regime,
    pub minutes: u32,
    pub deadline_at: DateTime<Utc>,
    pub day: DayInfo,
    /// e.g. "received Sat 14 Feb 17:58, make-up working day (春节), 30 min"
    pub reason: String,
}

impl RegimeDecision {
    /// Set when the decision used the Mon–Fri fallback for a year with no calendar.
    pub fn warning(&self) -> Option<String> {
        self.day.fallback_year.map(fallback_warning)
    }
}

pub fn fallback_warning(year: i32) -> String {
    format!("no holiday calendar for {year}: Mon-Fri assumed; add config/calendar/cn-{year}.toml")
}

/// Decide the regime for a complaint received at `received_at`.
pub fn decide<Tz: TimeZone>(
    calendar: &Calendar,
    rule: &DeadlineRule,
    tz: &Tz,
    received_at: DateTime<Utc>,
) -> RegimeDecision
where
    Tz::Offset: std::fmt::Display,
{
    let local = received_at.with_timezone(tz);
    let day = calendar.day(local.date_naive());
    let in_window = rule.day_window.contains(local.time());
    let (regime, minutes) = if day.kind.is_working() && in_window {
        (Regime::WorkdayDay, rule.workday_day_minutes)
    } else {
        (Regime::OffHours, rule.off_hours_minutes)
    };
    let day_text = match &day.kind {
        DayKind::Workday => "working day".to_string(),
        DayKind::MakeupWorkday(name) if name.is_empty() => "make-up working day".to_string(),
        DayKind::MakeupWorkday(name) => format!("make-up working day ({name})"),
        DayKind::Weekend => "weekend".to_string(),
        DayKind::Holiday(name) if name.is_empty() => "holiday".to_string(),
        DayKind::Holiday(name) => format!("holiday ({name})"),
    };
    let mut reason = format!("received {}, {day_text}", local.format("%a %-d %b %H:%M"));
    if day.kind.is_working() && !in_window {
        reason.push_str(&format!(", night (outside {})", rule.day_window));
    }
    if let Some(year) = day.fallback_year {
        reason.push_str(&format!(", no calendar for {year} (Mon-Fri assumed)"));
    }
    reason.push_str(&format!(", {minutes} min"));
    RegimeDecision {
        regime,
        minutes,
        deadline_at: received_at + chrono::Duration::minutes(i64::from(minutes)),
        day,
        reason,
    }
}

/// Dates listed twice in one year, or both `off` and `work`: returned as messages.
pub fn conflicts(year: &YearArrangement) -> Vec<String> {
    let off: BTreeSet<_> = year.off.keys().collect();
    year.work
        .keys()
        .filter(|d| off.contains(d))
        .map(|d| format!("{d} is listed both as off and as a make-up working day"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Asia::Shanghai;

    fn cal() -> Calendar {
        let mut y = YearArrangement::default();
        y.off
            .insert(NaiveDate::from_ymd_opt(2026, 2, 16).unwrap(), "春节".into());
        y.work
            .insert(NaiveDate::from_ymd_opt(2026, 2, 14).unwrap(), "春节".into());
        Calendar::new(BTreeMap::from([(2026, y)]))
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn makeup_saturday_is_a_working_day_with_the_reason() {
        let d = decide(
            &cal(),
            &DeadlineRule::default(),
            &Shanghai,
            at("2026-02-14T17:58:00+08:00"),
        );
        assert_eq!(d.regime, Regime::WorkdayDay);
        assert_eq!(
            d.reason,
            "received Sat 14 Feb 17:58, make-up working day (春节), 30 min"
        );
        assert_eq!(d.deadline_at, at("2026-02-14T18:28:00+08:00"));
    }

    #[test]
    fn holiday_monday_is_off_hours() {
        let d = decide(
            &cal(),
            &DeadlineRule::default(),
            &Shanghai,
            at("2026-02-16T10:00:00+08:00"),
        );
        assert_eq!((d.regime, d.minutes), (Regime::OffHours, 60));
        assert_eq!(
            d.reason,
            "received Mon 16 Feb 10:00, holiday (春节), 60 min"
        );
    }

    #[test]
    fn night_on_a_working_day_says_so() {
        let d = decide(
            &cal(),
            &DeadlineRule::default(),
            &Shanghai,
            at("2026-11-30T18:00:00+08:00"),
        );
        assert_eq!(d.regime, Regime::OffHours);
        assert_eq!(
            d.reason,
            "received Mon 30 Nov 18:00, working day, night (outside 08:00-18:00), 60 min"
        );
    }

    #[test]
    fn missing_year_falls_back_with_a_warning() {
        let d = decide(
            &cal(),
            &DeadlineRule::default(),
            &Shanghai,
            at("2027-01-01T10:00:00+08:00"),
        );
        assert_eq!(
            d.regime,
            Regime::WorkdayDay,
            "Fri 1 Jan 2027 is Mon-Fri in the fallback"
        );
        assert!(d.warning().unwrap().contains("2027"));
        assert!(d.reason.contains("no calendar for 2027"));
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_replaced_arrangement_is_seen_by_every_clone() {
        let c = cal();
        let seen_by_another = c.clone();
        assert_eq!(
            seen_by_another.day(day("2026-02-16")).kind,
            DayKind::Holiday("春节".into())
        );
        assert!(c.replace(BTreeMap::new()));
        assert!(!c.replace(BTreeMap::new()), "nothing changed");
        assert_eq!(
            seen_by_another.day(day("2026-02-16")).fallback_year,
            Some(2026)
        );
    }

    #[test]
    fn windows_parse_and_cross_midnight() {
        let w = TimeWindow::parse("18:00-08:00").unwrap();
        assert!(w.contains(NaiveTime::from_hms_opt(23, 0, 0).unwrap()));
        assert!(w.contains(NaiveTime::from_hms_opt(7, 59, 59).unwrap()));
        assert!(!w.contains(NaiveTime::from_hms_opt(8, 0, 0).unwrap()));
        assert!(TimeWindow::parse("8-18").is_err());
        assert!(TimeWindow::parse("25:00-08:00").is_err());
        assert!(TimeWindow::parse("08:00-08:00").is_err());
    }
}
