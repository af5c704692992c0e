//! Who is on call in every grid now and next, with names and phones, and
//! the grids with nobody on call in the coming 7 days.
//!
//! Owns: the read model `oncall` prints and the On-call screen draws, and
//! the swaps the console keeps so that everything it shows about who is on
//! call (side panel, complaints table, officer pickers) merges them over
//! roster.toml the same way ([`OnCallBoard::on_call`]). Loaded at an
//! instant; the console reloads it after every write, every 30 s, when the
//! shift changes and when roster.toml is replaced.

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

use crate::config::Config;
use crate::domain::roster::OnCall;
use crate::domain::roster_swap::{Gap, Slot, Swap};
use crate::store::{Rosters, StoreError};

/// How far ahead gaps are looked for.
pub const GAP_DAYS: i64 = 7;

/// An officer as the board shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: String,
    /// Empty when the id is not in officers.toml (any more).
    pub name: String,
    pub phone: String,
}

impl Person {
    pub fn of(config: &Config, id: &str) -> Person {
        let o = config.officers.get(id);
        Person {
            id: id.to_string(),
            name: o.map(|o| o.name.clone()).unwrap_or_default(),
            phone: o.map(|o| o.phone.clone()).unwrap_or_default(),
        }
    }
}

/// One grid: who holds it in the shift running and in the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnCallRow {
    pub grid: String,
    pub name: String,
    pub level: u8,
    /// `None`: nobody, even up the tree.
    pub now: Option<OnCall>,
    pub next: Option<OnCall>,
}

impl OnCallRow {
    /// Nobody on call now or in the next shift.
    pub fn has_nobody(&self) -> bool {
        self.now.is_none() || self.next.is_none()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OnCallBoard {
    /// The instant the board was read at (`None`: not read yet).
    pub at: Option<DateTime<Utc>>,
    /// The shift running at `at`, and the one after it.
    pub now: Option<Slot>,
    pub next: Option<Slot>,
    /// Every grid in tree order.
    pub rows: Vec<OnCallRow>,
    /// Every (grid, shift, date) with nobody on call from `at` for [`GAP_DAYS`].
    pub gaps: Vec<Gap>,
    /// The swaps of the shifts around `at` (see `Rosters::swaps_around`).
    pub swaps: Vec<Swap>,
}

impl OnCallBoard {
    pub fn load<S: Rosters>(
        store: &S,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<Self, StoreError> {
        let local = now.with_timezone(&config.settings.timezone).naive_local();
        let swaps = store.swaps_around(local.date())?;
        Ok(Self::build(config, swaps, now))
    }

    /// The board at `now` from the configuration and these swaps.
    pub fn build(config: &Config, swaps: Vec<Swap>, now: DateTime<Utc>) -> Self {
        let roster = config.roster.current();
        let tree = &config.grids;
        let local = now.with_timezone(&config.settings.timezone).naive_local();
        let slot_now = roster.slot_at(local);
        let slot_next = roster.slot_after(local);
        let rows = tree
            .iter()
            .map(|g| OnCallRow {
                grid: g.id.clone(),
                name: g.name.clone(),
                level: g.level,
                now: slot_now
                    .as_ref()
                    .and_then(|s| roster.on_call_in(tree, &swaps, &g.id, s)),
                next: slot_next
                    .as_ref()
                    .and_then(|s| roster.on_call_in(tree, &swaps, &g.id, s)),
            })
            .collect();
        let gaps = roster.gaps(tree, &swaps, local, local + Duration::days(GAP_DAYS));
        OnCallBoard {
            at: Some(now),
            now: slot_now,
            next: slot_next,
            rows,
            gaps,
            swaps,
        }
    }

    /// Who is on call for `grid` at `at`, roster.toml in force merged with
    /// the swaps this board holds: what the dashboard shows anywhere.
    pub fn on_call(&self, config: &Config, grid: &str, at: DateTime<Utc>) -> Option<OnCall> {
        let local = at.with_timezone(&config.settings.timezone).naive_local();
        config
            .roster
            .current()
            .on_call(&config.grids, &self.swaps, grid, local)
    }

    /// When the board must be read again whatever else happens: the end of
    /// the shift running (its people change then).
    pub fn stale_at(&self, config: &Config) -> Option<DateTime<Utc>> {
        self.now.as_ref().and_then(|s| to_utc(config, s.end))
    }

    /// The gaps of one grid.
    pub fn gaps_of<'a>(&'a self, grid: &'a str) -> impl Iterator<Item = &'a Gap> + 'a {
        self.gaps.iter().filter(move |g| g.grid == grid)
    }
}

/// A local date-time of the configured zone as UTC (the earliest, in a fold).
pub fn to_utc(config: &Config, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    config
        .settings
        .timezone
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}
