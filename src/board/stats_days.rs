//! The statistics' incremental read (#12): one [`Tally`] per township per
//! local day for the last 30 days, kept by the console's store thread.
//!
//! Nothing is counted twice and nothing is rescanned: at start (and for a
//! new day at midnight) a day is read once by range of `received_at`; after
//! that `Assessment::facts_changed(rev)` names the complaints changed since
//! the last look, and only their days are read again. A day holding a
//! complaint still *pending* (no arrival, deadline ahead) is read again once
//! that deadline passes, when it becomes *missing* without any write.
//!
//! Counting is `domain::assess::Tally`; this owns only which days to read.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Days, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

use super::source_row::midnight;
use crate::config::Config;
use crate::domain::assess::{Tally, Verdict};
use crate::store::{Assessment, StoreError};

/// Days kept: today and the 29 before it (the longest window).
pub const DAYS_KEPT: u64 = 30;

/// One local day's complaints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Day {
    /// Per township id (a grid outside any township: its own id; no grid: "").
    pub townships: BTreeMap<String, Tally>,
    /// Complaints received in each local hour.
    pub hours: [u64; 24],
    /// The earliest deadline of a complaint still pending when read: the
    /// day is read again then (pending becomes missing with time alone).
    pub recheck_at: Option<DateTime<Utc>>,
}

/// The last 30 local days, as tallies, and the fact revision they reflect.
#[derive(Debug, Clone)]
pub struct DayTallies {
    tz: Tz,
    /// Grid id → its township id (or itself above any township).
    township: HashMap<String, String>,
    pub days: BTreeMap<NaiveDate, Day>,
    /// The local date the days were last brought to.
    pub today: Option<NaiveDate>,
    /// The fact revision read up to.
    pub rev: i64,
    /// How many days were read at the last refresh (tests and the bench).
    pub days_read: usize,
}

impl DayTallies {
    pub fn new(config: &Config) -> Self {
        let grids = &config.grids;
        let township = grids
            .iter()
            .map(|g| {
                let t = super::sources::township_of(grids, &g.id);
                (g.id.clone(), t.to_string())
            })
            .collect();
        DayTallies {
            tz: config.settings.timezone,
            township,
            days: BTreeMap::new(),
            today: None,
            rev: 0,
            days_read: 0,
        }
    }

    /// The local date of `t`.
    pub fn date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// The start of local day `d`, as UTC.
    pub fn start_of(&self, d: NaiveDate) -> DateTime<Utc> {
        midnight(self.tz, d).unwrap_or_else(|| d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc())
    }

    /// The first day kept when today is `today`.
    pub fn first_day(today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_days(Days::new(DAYS_KEPT - 1))
            .unwrap_or(today)
    }

    /// Bring the days up to `now`: a new day at midnight, the days whose
    /// complaints changed, the days whose pending deadlines passed.
    /// Returns whether any day was read again.
    pub fn refresh<S: Assessment>(
        &mut self,
        store: &S,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let today = self.date(now);
        let first = Self::first_day(today);
        let mut dirty: BTreeSet<NaiveDate> = BTreeSet::new();
        if self.today != Some(today) {
            if self.today.is_none() {
                // Changes after this revision are read next time (a change
                // between this and the read below is read twice: harmless).
                self.rev = store.fact_rev()?;
            }
            self.days.retain(|d, _| *d >= first);
            for d in first.iter_days().take_while(|d| *d <= today) {
                if !self.days.contains_key(&d) {
                    dirty.insert(d);
                }
            }
            self.today = Some(today);
        }
        if store.fact_rev()? != self.rev {
            let (rev, changed) = store.facts_changed(self.rev)?;
            self.rev = rev;
            for at in changed {
                let d = self.date(at);
                if (first..=today).contains(&d) {
                    dirty.insert(d);
                }
            }
        }
        for (d, day) in &self.days {
            if day.recheck_at.is_some_and(|t| t <= now) {
                dirty.insert(*d);
            }
        }
        self.days_read = dirty.len();
        // Contiguous dirty days are read in one range scan.
        let dirty: Vec<NaiveDate> = dirty.into_iter().collect();
        for run in dirty.chunk_by(|a, b| a.succ_opt() == Some(*b)) {
            let (Some(from), Some(to)) = (run.first(), run.last()) else {
                continue;
            };
            self.read(store, *from, *to, now)?;
        }
        Ok(!dirty.is_empty())
    }

    /// Read days `from ..= to` again, whole.
    fn read<S: Assessment>(
        &mut self,
        store: &S,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        for d in from.iter_days().take_while(|d| *d <= to) {
            self.days.insert(d, Day::default());
        }
        let end = to.succ_opt().map_or(now, |n| self.start_of(n));
        let (tz, township, days) = (self.tz, &self.township, &mut self.days);
        store.facts(midnight(tz, from).unwrap_or(now), end, &mut |f| {
            let local = f.received_at.with_timezone(&tz);
            let Some(day) = days.get_mut(&local.date_naive()) else {
                return;
            };
            let key = f
                .grid
                .map(|g| township.get(g).map_or(g, String::as_str))
                .unwrap_or("");
            match day.townships.get_mut(key) {
                Some(t) => t.add(f, now),
                None => {
                    let mut t = Tally::default();
                    t.add(f, now);
                    day.townships.insert(key.to_string(), t);
                }
            }
            day.hours[(local.hour() as usize).min(23)] += 1;
            if f.verdict(now) == Verdict::Pending {
                let at = f.deadline_at;
                day.recheck_at = Some(day.recheck_at.map_or(at, |r| r.min(at)));
            }
        })?;
        Ok(())
    }
}
