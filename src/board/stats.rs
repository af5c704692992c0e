//! The Statistics screen's read model (#12): for a window ending now —
//! today (since local midnight), 7 days, 30 days (calendar days, today
//! included) — per township and for the county: on-time rate, due,
//! breaches; complaints per hour (today) or per day (7 and 30 days); the
//! enterprises complained about again most; patrol completion; outflow
//! sections' pass/fail.
//!
//! Folded from the per-day tallies of `stats_days` (every count is
//! `domain::assess::Tally`'s), the sources board (patrols, by its rules)
//! and the water board. Computed on the store thread when something
//! changed, then handed to the UI as a value: drawing only reads it.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Timelike, Utc};

use super::sources::{SourceBoard, township_of};
use super::stats_days::{Day, DayTallies};
pub use super::stats_sections::{LatestMonth, SectionRow};
use crate::config::Config;
use crate::domain::assess::{Arrivals, Tally};

/// Below this on-time rate a township is marked (▼): the duty room's target.
pub const ON_TIME_TARGET: f64 = 0.90;

/// How many repeated enterprises are listed.
pub const TOP_REPEATS: usize = 5;

/// The period shown, ending now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Window {
    #[default]
    Today,
    Week,
    Month,
}

impl Window {
    pub const ALL: [Window; 3] = [Window::Today, Window::Week, Window::Month];

    /// Calendar days in the window, today included.
    pub fn days(self) -> u64 {
        match self {
            Window::Today => 1,
            Window::Week => 7,
            Window::Month => 30,
        }
    }

    pub fn next(self) -> Window {
        match self {
            Window::Today => Window::Week,
            Window::Week => Window::Month,
            Window::Month => Window::Today,
        }
    }

    pub fn index(self) -> usize {
        match self {
            Window::Today => 0,
            Window::Week => 1,
            Window::Month => 2,
        }
    }
}

/// Sources due a patrol in a window, and those inspected in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Patrol {
    /// Inspected in the window, or overdue now (owed in it and not done).
    pub due: u64,
    /// Inspected in the window.
    pub done: u64,
}

/// One township's (or the county's) figures in a window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// Township id; a grid above any township its own id; "" unassigned.
    pub grid: String,
    /// From the grid tree (not sanitised: the view does that).
    pub name: String,
    pub received: u64,
    pub arrivals: Arrivals,
    pub patrol: Patrol,
}

/// An enterprise complained about again, and how often in the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub id: String,
    /// From the register; the id when it is not (or no longer) there.
    pub name: String,
    pub count: u64,
}

/// One window's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WindowStats {
    pub window: Window,
    /// The window's first local day.
    pub first_day: Option<NaiveDate>,
    pub county: Row,
    /// Every township of the grid tree (with complaints or not), then any
    /// other grid with complaints, then the unassigned ones.
    pub rows: Vec<Row>,
    /// Complaints received per hour of today (`Today`, hours so far) or per
    /// day (oldest first).
    pub series: Vec<u64>,
    pub rejected: u64,
    pub merged: u64,
    pub reopened: u64,
    /// Minutes from received to arrival (nearest rank).
    pub median_minutes: Option<f64>,
    pub p90_minutes: Option<f64>,
    pub top_repeats: Vec<Repeat>,
    /// The outflow sections over the window's calendar months (the water
    /// board's verdicts); `None` when they could not be read.
    pub sections: Option<Vec<SectionRow>>,
}

/// Everything the Statistics screen shows, for all three windows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatsBoard {
    pub now: Option<DateTime<Utc>>,
    pub windows: Vec<WindowStats>,
}

impl StatsBoard {
    pub fn window(&self, w: Window) -> Option<&WindowStats> {
        self.windows.get(w.index())
    }

    /// Fold the kept days into the three windows at `now`, with each
    /// window's sections (in the order of [`Window::ALL`]).
    pub fn fold(
        days: &DayTallies,
        config: &Config,
        sources: Option<&SourceBoard>,
        sections: &[Option<Vec<SectionRow>>],
        now: DateTime<Utc>,
    ) -> StatsBoard {
        let today = days.date(now);
        let windows = Window::ALL
            .iter()
            .map(|w| {
                let mut stats = window(days, config, sources, *w, today, now);
                stats.sections = sections.get(w.index()).cloned().flatten();
                stats
            })
            .collect();
        StatsBoard {
            now: Some(now),
            windows,
        }
    }

    /// The first local day of window `w` when today is `today`.
    pub fn first_day(w: Window, today: NaiveDate) -> NaiveDate {
        today
            .checked_sub_days(chrono::Days::new(w.days() - 1))
            .unwrap_or(today)
    }
}

fn window(
    days: &DayTallies,
    config: &Config,
    sources: Option<&SourceBoard>,
    w: Window,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> WindowStats {
    let first = StatsBoard::first_day(w, today);
    let kept: Vec<(NaiveDate, Option<&Day>)> = first
        .iter_days()
        .take_while(|d| *d <= today)
        .map(|d| (d, days.days.get(&d)))
        .collect();
    let mut per: BTreeMap<&str, Tally> = BTreeMap::new();
    for (_, day) in &kept {
        for (g, t) in day.iter().flat_map(|d| &d.townships) {
            per.entry(g.as_str()).or_default().absorb(t);
        }
    }
    let series = match w {
        Window::Today => {
            let hours = kept
                .last()
                .and_then(|(_, d)| *d)
                .map(|d| d.hours)
                .unwrap_or_default();
            let now_hour = now.with_timezone(&config.settings.timezone).hour() as usize;
            hours[..=now_hour.min(23)].to_vec()
        }
        _ => kept
            .iter()
            .map(|(_, d)| d.map_or(0, |d| d.hours.iter().sum()))
            .collect(),
    };
    let patrols = patrols(config, sources, days.start_of(first));
    let mut county = Tally::default();
    let mut rows: Vec<Row> = Vec::new();
    let townships = config.grids.iter().filter(|g| g.level == 2);
    for g in townships {
        let t = per.remove(g.id.as_str()).unwrap_or_default();
        rows.push(row(&g.id, &g.name, &t, &patrols));
        county.absorb(&t);
    }
    // Complaints of a grid outside every township, then unassigned ones.
    let mut rest: Vec<(&str, Tally)> = per.into_iter().collect();
    rest.sort_by_key(|(g, _)| g.is_empty());
    for (g, t) in rest {
        let name = config.grids.get(g).map_or("", |x| x.name.as_str());
        rows.push(row(g, name, &t, &patrols));
        county.absorb(&t);
    }
    let mut county_row = row("", "", &county, &BTreeMap::new());
    county_row.patrol = patrols.values().fold(Patrol::default(), |a, p| Patrol {
        due: a.due + p.due,
        done: a.done + p.done,
    });
    let register = config.enterprises.current();
    let mut top: Vec<Repeat> = county
        .repeats_by_enterprise
        .iter()
        .map(|(id, n)| Repeat {
            id: id.clone(),
            name: register
                .get(id)
                .map_or_else(|| id.clone(), |e| e.name.clone()),
            count: *n,
        })
        .collect();
    top.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
    top.truncate(TOP_REPEATS);
    WindowStats {
        window: w,
        first_day: Some(first),
        median_minutes: county.median_minutes(),
        p90_minutes: county.p90_minutes(),
        rejected: county.rejected,
        merged: county.merged,
        reopened: county.reopened,
        county: county_row,
        rows,
        series,
        top_repeats: top,
        sections: None,
    }
}

fn row(grid: &str, name: &str, t: &Tally, patrols: &BTreeMap<String, Patrol>) -> Row {
    Row {
        grid: grid.to_string(),
        name: name.to_string(),
        received: t.received,
        arrivals: t.arrivals(),
        patrol: patrols.get(grid).copied().unwrap_or_default(),
    }
}

/// Patrol completion per township since `from`, by the sources board's
/// rules: a source inspected since `from` is done; one overdue now and not
/// inspected since is owed.
fn patrols(
    config: &Config,
    sources: Option<&SourceBoard>,
    from: DateTime<Utc>,
) -> BTreeMap<String, Patrol> {
    let mut out: BTreeMap<String, Patrol> = BTreeMap::new();
    for s in sources.iter().flat_map(|b| &b.sources) {
        let done = s.last_inspected_at.is_some_and(|t| t >= from);
        if !done && !s.overdue() {
            continue;
        }
        let p = out
            .entry(township_of(&config.grids, &s.grid).to_string())
            .or_default();
        p.due += 1;
        p.done += u64::from(done);
    }
    out
}
