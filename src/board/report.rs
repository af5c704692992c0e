//! What `gridwatch report` counts, read from the store (#12): every
//! complaint received in the period (one range scan of `complaint_fact`),
//! the incidents discovered in it, and the pollution sources' inspections
//! around it, and the outflow sections' months (`board::water`, each
//! section counted on its township's grid) — per grid, then rolled up by
//! `report::assess::rollup`.
//!
//! Patrols follow the Sources board's rules (`domain::patrol`: the interval
//! by control level, shortened by recent complaints and violations), with
//! the last inspection *before the period* as the starting point, so a
//! report of a past quarter says what was owed in that quarter.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::board::water::WaterBoard;
use crate::config::Config;
use crate::domain::patrol::{SignalDays, Signals};
use crate::report::assess::{Figures, Period, Report, rollup::rollup};
use crate::store::{Assessment, Patrols, StoreError, WaterReadings};

/// The report of `period` at grid `level`, counted at `now`.
pub fn load<S: Assessment + Patrols + WaterReadings>(
    store: &S,
    config: &Config,
    period: Period,
    level: u8,
    now: DateTime<Utc>,
) -> Result<Report, StoreError> {
    // Per grid (and without one), read in spans of time at once.
    type Part = (BTreeMap<String, Figures>, Figures);
    let parts: Vec<Part> = store.fold_facts(
        period.start,
        period.end,
        &Part::default,
        &|(per_grid, unassigned), f| match f.grid {
            None => unassigned.tally.add(f, now),
            Some(g) => match per_grid.get_mut(g) {
                Some(fig) => fig.tally.add(f, now),
                None => per_grid.entry(g.to_string()).or_default().tally.add(f, now),
            },
        },
    )?;
    let mut per_grid: BTreeMap<String, Figures> = BTreeMap::new();
    let mut unassigned = Figures::default();
    for (part, none) in parts {
        for (g, fig) in part {
            per_grid.entry(g).or_default().absorb(&fig);
        }
        unassigned.absorb(&none);
    }
    for i in store.incident_facts(period.start, period.end)? {
        per_grid
            .entry(i.grid.clone())
            .or_default()
            .incidents
            .add(&i, now);
    }
    patrols(store, config, period, now, &mut per_grid)?;
    let water = WaterBoard::load(store, config, period.from, period.to)?;
    for s in &water.sections {
        per_grid.entry(s.grid.clone()).or_default().water.add(s);
    }
    let mut all: BTreeMap<Option<String>, Figures> =
        per_grid.into_iter().map(|(k, v)| (Some(k), v)).collect();
    if unassigned.tally.received > 0 {
        all.insert(None, unassigned);
    }
    let (rows, totals) = rollup(&config.grids, level, &all);
    let mut stages: Vec<String> = config
        .settings
        .stages
        .iter()
        .map(|s| s.name.clone())
        .collect();
    stages.push("manual".into());
    for k in totals.figures.tally.escalations.keys() {
        if !stages.contains(k) {
            stages.push(k.clone());
        }
    }
    Ok(Report {
        period,
        level,
        now,
        rows,
        totals,
        stages,
        water,
    })
}

/// Per source of the register: due by the period's last day (counted from
/// the last inspection before the period), inspected in it, overdue at its
/// end (or now, if sooner).
fn patrols<S: Assessment + Patrols>(
    store: &S,
    config: &Config,
    period: Period,
    now: DateTime<Utc>,
    per_grid: &mut BTreeMap<String, Figures>,
) -> Result<(), StoreError> {
    let tz = config.settings.timezone;
    let rule = &config.settings.patrol;
    let until = period.known_until(now);
    // The day `until` falls in: a due day before it has ended.
    let until_day = until.with_timezone(&tz).date_naive();
    let ended = |due: chrono::NaiveDate| due < until_day;
    let spans = store.inspection_spans(period.start, until)?;
    let since = period.start - chrono::Duration::days(i64::from(rule.recent_days));
    let facts = store.patrol_facts(since)?;
    let local = |t: Option<DateTime<Utc>>| t.map(|t| t.with_timezone(&tz).date_naive());
    for e in config.enterprises.current().values() {
        let span = spans.get(&e.id).copied().unwrap_or_default();
        let f = facts.get(&e.id).cloned().unwrap_or_default();
        let signals = Signals {
            complaint: f.complaints > 0,
            violation: f.violations > 0,
            repeat: f.repeats > 0,
        };
        let recorded = local(span.last_before);
        let on_paper = e.census.last_inspected.filter(|d| *d < period.from);
        let last = recorded.max(on_paper);
        let days = SignalDays {
            first: local(f.first_signal_at),
            repeat: local(f.first_repeat_at),
        };
        let due_on = rule.due_on(e.control_level, last, e.census.registered, signals, days);
        let due = due_on.is_none_or(|d| d <= period.to);
        // Done: an inspection recorded in the period, or the register's
        // last inspection (entered by hand or imported) falling in it — as
        // the Sources board counts it.
        let done = span.within > 0
            || e.census
                .last_inspected
                .is_some_and(|d| d >= period.from && d <= period.to && d <= until_day);
        let overdue = due && !done && due_on.is_none_or(ended);
        let p = &mut per_grid.entry(e.grid.clone()).or_default().patrols;
        p.sources += 1;
        p.due += u64::from(due);
        p.done += u64::from(done);
        p.overdue += u64::from(overdue);
    }
    Ok(())
}
