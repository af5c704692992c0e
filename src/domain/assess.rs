//! Assessment (考核): what a complaint counts as in the statistics and in
//! `report`, and the tally of many.
//!
//! Owns: the definitions (written out in the README and in every report):
//! - **Received**: every complaint received in the period (by its
//!   `received_at`), whatever became of it, by source and by category (a
//!   complaint of two categories counts once in each category column).
//! - **Due an arrival**: received and neither rejected (nobody had to go)
//!   nor merged into an earlier complaint (the earlier one carries the duty).
//! - **On time**: the first arrival of the first round (a corrected arrival
//!   counts as corrected) at or before the deadline frozen at intake;
//!   **late**: after it; **missing**: no arrival and the deadline has passed
//!   at the report's `now`; **pending**: no arrival, deadline still ahead
//!   (not in the rate). A reopened complaint counts once, by its first
//!   round, and once in `reopened`.
//! - **On-time rate** = on time / (on time + late + missing); none when
//!   nothing was due.
//! - **Minutes to arrival**: from received to that arrival, on time and late
//!   alike; median and 90th percentile by nearest rank.
//! - **Escalations** by stage as recorded, skipped stages apart; manual
//!   ones as the stage `manual`.
//! - **Repeats**: marked as repeating an earlier complaint, merged or not.
//! - **Merged** and **rejected**: counted as received, never due an arrival.
//!
//! `report` prints these (and its own rows, incidents, patrols and water)
//! from `report::assess::definitions`; the README's "How the report
//! counts" is the same text: change the three together.
//!
//! Pure: no IO, no clock read (`now` is an argument).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::calendar::Regime;
use super::complaint::{Category, Source, Status};

/// One complaint as the statistics read it (a row of `complaint_fact`).
/// Borrowed: a report reads a million of them without allocating.
#[derive(Debug, Clone, Copy)]
pub struct Fact<'a> {
    pub id: i64,
    pub received_at: DateTime<Utc>,
    pub grid: Option<&'a str>,
    pub enterprise: Option<&'a str>,
    pub source: Source,
    pub regime: Regime,
    pub status: Status,
    /// 1, or more once reopened.
    pub round: i64,
    pub deadline_at: DateTime<Utc>,
    /// The first arrival of round 1 that no later row corrects.
    pub arrived_at: Option<DateTime<Utc>>,
    pub repeat_of: Option<i64>,
    /// One bit per category, in the order of `Category::ALL` (see
    /// [`category_bits`]).
    pub categories: u8,
    /// Comma-joined escalation stages; a skipped one ends in `~`.
    pub escalations: &'a str,
}

/// What one complaint counts as for arrivals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    OnTime,
    Late,
    Missing,
    Pending,
    Rejected,
    Merged,
}

impl Fact<'_> {
    pub fn verdict(&self, now: DateTime<Utc>) -> Verdict {
        match self.status {
            Status::Rejected => Verdict::Rejected,
            Status::Merged => Verdict::Merged,
            // An arrival after `now` is not known yet at `now` (a report of
            // a past moment counts what was known then).
            _ => match self.arrived_at.filter(|a| *a <= now) {
                Some(a) if a <= self.deadline_at => Verdict::OnTime,
                Some(_) => Verdict::Late,
                None if self.deadline_at <= now => Verdict::Missing,
                None => Verdict::Pending,
            },
        }
    }

    pub fn categories(&self) -> impl Iterator<Item = Category> + '_ {
        Category::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| self.categories & (1 << i) != 0)
            .map(|(_, c)| c)
    }

    /// `(stage, skipped)` of every escalation recorded.
    pub fn escalations(&self) -> impl Iterator<Item = (&str, bool)> {
        self.escalations
            .split(',')
            .filter(|s| !s.is_empty())
            .map(|s| match s.strip_suffix('~') {
                Some(stage) => (stage, true),
                None => (s, false),
            })
    }
}

/// Arrivals of one regime (30 or 60 minutes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Arrivals {
    pub on_time: u64,
    pub late: u64,
    pub missing: u64,
    pub pending: u64,
}

impl Arrivals {
    /// Complaints whose deadline has been decided: the rate's denominator.
    pub fn due(&self) -> u64 {
        self.on_time + self.late + self.missing
    }

    /// On time / due, or none when nothing was due.
    pub fn on_time_rate(&self) -> Option<f64> {
        let due = self.due();
        (due > 0).then(|| self.on_time as f64 / due as f64)
    }

    /// Late and missing: the deadline passed without anyone there.
    pub fn breaches(&self) -> u64 {
        self.late + self.missing
    }

    fn add(&mut self, o: &Arrivals) {
        self.on_time += o.on_time;
        self.late += o.late;
        self.missing += o.missing;
        self.pending += o.pending;
    }
}

/// Escalations recorded at one stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StageCount {
    pub fired: u64,
    pub skipped: u64,
}

/// The tally of many complaints: one grid's, one day's, or a subtree's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub received: u64,
    /// Per source, in the order of `Source::ALL` (see [`Tally::source`]).
    pub by_source: [u64; Source::ALL.len()],
    /// Per category, in the order of `Category::ALL`.
    pub by_category: [u64; Category::ALL.len()],
    /// Working day in the day window: 30 minutes.
    pub workday: Arrivals,
    /// Night, weekend, holiday: 60 minutes.
    pub off_hours: Arrivals,
    pub rejected: u64,
    pub merged: u64,
    /// Complaints that repeat an earlier one (`repeat_of`), merged or not.
    pub repeats: u64,
    pub reopened: u64,
    pub escalations: BTreeMap<String, StageCount>,
    /// Repeats per enterprise named.
    pub repeats_by_enterprise: BTreeMap<String, u64>,
    /// Seconds from received to arrival, on time and late alike, unsorted.
    pub seconds_to_arrival: Vec<u32>,
}

impl Tally {
    pub fn add(&mut self, f: &Fact<'_>, now: DateTime<Utc>) {
        self.received += 1;
        self.by_source[f.source as usize] += 1;
        for (i, n) in self.by_category.iter_mut().enumerate() {
            if f.categories & (1 << i) != 0 {
                *n += 1;
            }
        }
        let regime = match f.regime {
            Regime::WorkdayDay => &mut self.workday,
            Regime::OffHours => &mut self.off_hours,
        };
        let verdict = f.verdict(now);
        match verdict {
            Verdict::OnTime => regime.on_time += 1,
            Verdict::Late => regime.late += 1,
            Verdict::Missing => regime.missing += 1,
            Verdict::Pending => regime.pending += 1,
            Verdict::Rejected => self.rejected += 1,
            Verdict::Merged => self.merged += 1,
        }
        if let (Some(a), Verdict::OnTime | Verdict::Late) = (f.arrived_at, verdict) {
            let secs = (a - f.received_at)
                .num_seconds()
                .clamp(0, i64::from(u32::MAX));
            self.seconds_to_arrival.push(secs as u32);
        }
        if f.repeat_of.is_some() {
            self.repeats += 1;
            if let Some(e) = f.enterprise {
                bump(&mut self.repeats_by_enterprise, e);
            }
        }
        if f.round > 1 {
            self.reopened += 1;
        }
        for (stage, skipped) in f.escalations() {
            // get_mut first: a million rows must not allocate a key each.
            if !self.escalations.contains_key(stage) {
                self.escalations
                    .insert(stage.to_string(), StageCount::default());
            }
            let Some(s) = self.escalations.get_mut(stage) else {
                continue;
            };
            if skipped {
                s.skipped += 1;
            } else {
                s.fired += 1;
            }
        }
    }

    /// Add another tally (a child grid's, another day's).
    pub fn absorb(&mut self, o: &Tally) {
        self.received += o.received;
        for (n, v) in self.by_source.iter_mut().zip(o.by_source) {
            *n += v;
        }
        for (n, v) in self.by_category.iter_mut().zip(o.by_category) {
            *n += v;
        }
        self.workday.add(&o.workday);
        self.off_hours.add(&o.off_hours);
        self.rejected += o.rejected;
        self.merged += o.merged;
        self.repeats += o.repeats;
        self.reopened += o.reopened;
        for (k, v) in &o.escalations {
            let s = self.escalations.entry(k.clone()).or_default();
            s.fired += v.fired;
            s.skipped += v.skipped;
        }
        for (k, v) in &o.repeats_by_enterprise {
            *self.repeats_by_enterprise.entry(k.clone()).or_default() += v;
        }
        self.seconds_to_arrival
            .extend_from_slice(&o.seconds_to_arrival);
    }

    /// Complaints received from `s`.
    pub fn source(&self, s: Source) -> u64 {
        self.by_source[s as usize]
    }

    /// Complaints of category `c`.
    pub fn category(&self, c: Category) -> u64 {
        self.by_category[c as usize]
    }

    /// Both regimes together.
    pub fn arrivals(&self) -> Arrivals {
        let mut a = self.workday;
        a.add(&self.off_hours);
        a
    }

    /// Median minutes to arrival (nearest rank), none without arrivals.
    pub fn median_minutes(&self) -> Option<f64> {
        percentile_minutes(&self.seconds_to_arrival, 50)
    }

    /// 90th-percentile minutes to arrival (nearest rank).
    pub fn p90_minutes(&self) -> Option<f64> {
        percentile_minutes(&self.seconds_to_arrival, 90)
    }
}

/// The bits of `categories` (`Fact::categories`).
pub fn category_bits(categories: impl IntoIterator<Item = Category>) -> u8 {
    categories.into_iter().fold(0, |b, c| b | 1 << (c as u8))
}

fn bump(map: &mut BTreeMap<String, u64>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_string(), 1);
        }
    }
}

/// The `p`-th percentile by nearest rank (the smallest value with at least
/// p % of the values at or below it), in minutes, to a tenth.
pub fn percentile_minutes(seconds: &[u32], p: u32) -> Option<f64> {
    if seconds.is_empty() {
        return None;
    }
    let mut v = seconds.to_vec();
    let rank = (u64::from(p) * v.len() as u64).div_ceil(100).max(1) as usize;
    let (_, nth, _) = v.select_nth_unstable(rank - 1);
    Some((f64::from(*nth) / 6.0).round() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0).unwrap()
    }

    fn fact(status: Status, arrived: Option<DateTime<Utc>>) -> Fact<'static> {
        Fact {
            id: 1,
            received_at: at(1, 0),
            grid: Some("V01"),
            enterprise: Some("E1"),
            source: Source::Hotline,
            regime: Regime::WorkdayDay,
            status,
            round: 1,
            deadline_at: at(1, 30),
            arrived_at: arrived,
            repeat_of: None,
            categories: category_bits([Category::Air, Category::Water]),
            escalations: "warn,breach~",
        }
    }

    #[test]
    fn verdicts_at_the_deadline_and_around_it() {
        let now = at(3, 0);
        assert_eq!(
            fact(Status::OnScene, Some(at(1, 30))).verdict(now),
            Verdict::OnTime
        );
        assert_eq!(
            fact(Status::OnScene, Some(at(1, 31))).verdict(now),
            Verdict::Late
        );
        assert_eq!(fact(Status::Received, None).verdict(now), Verdict::Missing);
        // An arrival after `now` is not known at `now`.
        assert_eq!(
            fact(Status::OnScene, Some(at(1, 20))).verdict(at(1, 10)),
            Verdict::Pending
        );
        assert_eq!(
            fact(Status::OnScene, Some(at(1, 50))).verdict(at(1, 40)),
            Verdict::Missing
        );
        assert_eq!(
            fact(Status::Received, None).verdict(at(1, 29)),
            Verdict::Pending
        );
        assert_eq!(
            fact(Status::Received, None).verdict(at(1, 30)),
            Verdict::Missing
        );
        assert_eq!(fact(Status::Rejected, None).verdict(now), Verdict::Rejected);
        assert_eq!(
            fact(Status::Merged, Some(at(1, 5))).verdict(now),
            Verdict::Merged
        );
    }

    #[test]
    fn a_tally_counts_categories_stages_and_minutes() {
        let mut t = Tally::default();
        t.add(&fact(Status::Closed, Some(at(1, 12))), at(3, 0));
        t.add(&fact(Status::Merged, None), at(3, 0));
        assert_eq!(t.received, 2);
        assert_eq!(t.category(Category::Water), 2);
        assert_eq!(t.category(Category::Noise), 0);
        assert_eq!(t.source(Source::Hotline), 2);
        assert_eq!(t.workday.on_time, 1);
        assert_eq!(t.merged, 1);
        assert_eq!(
            t.escalations["breach"],
            StageCount {
                fired: 0,
                skipped: 2
            }
        );
        assert_eq!(t.median_minutes(), Some(12.0));
        assert_eq!(t.workday.on_time_rate(), Some(1.0));
    }

    #[test]
    fn codes_follow_the_domain_lists_as_the_fact_table_writes_them() {
        // 0009_assessment.sql codes sources, statuses and categories by
        // their place in these lists.
        for (i, s) in Source::ALL.into_iter().enumerate() {
            assert_eq!(s as usize, i);
        }
        for (i, s) in Status::ALL.into_iter().enumerate() {
            assert_eq!(s as usize, i);
        }
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert_eq!(category_bits([c]), 1 << i);
        }
        let f = fact(Status::Closed, None);
        assert_eq!(
            f.categories().collect::<Vec<_>>(),
            [Category::Air, Category::Water]
        );
    }

    #[test]
    fn nearest_rank_percentiles() {
        let s: Vec<u32> = (1..=10).map(|m| m * 60).collect();
        assert_eq!(percentile_minutes(&s, 50), Some(5.0));
        assert_eq!(percentile_minutes(&s, 90), Some(9.0));
        assert_eq!(percentile_minutes(&[90], 90), Some(1.5));
        assert_eq!(percentile_minutes(&[], 50), None);
    }
}
