//! The linked leaders' duties (#11): every officer with links in
//! `officers.toml` must inspect each linked source every calendar month and
//! visit each linked township every calendar quarter (with a work-log
//! entry). Who is behind: a month or quarter ended without it.

use chrono::{DateTime, Utc};

use super::source_row::{SourceRow, midnight};
use crate::config::Config;
use crate::domain::inspection::DutyDone;
use crate::domain::patrol::{DutyStatus, Period, duty};
use crate::store::{Patrols, StoreError};

/// One duty: a linked source (monthly) or township (quarterly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duty {
    /// Enterprise or township id.
    pub target: String,
    pub name: String,
    pub status: DutyStatus,
}

/// An officer with links, and where their duties stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    pub officer: String,
    pub name: String,
    pub role: String,
    /// Linked sources, in the order of officers.toml (national-control first).
    pub inspections: Vec<Duty>,
    pub visits: Vec<Duty>,
    /// Linked sources overdue by the patrol rule (whoever should inspect them).
    pub overdue_sources: usize,
}

impl Leader {
    /// Duties whose last period ended without them.
    pub fn behind(&self) -> usize {
        self.inspections
            .iter()
            .chain(&self.visits)
            .filter(|d| d.status.behind())
            .count()
    }

    /// Duties not yet done in the period that holds today.
    pub fn to_do(&self) -> usize {
        self.inspections
            .iter()
            .chain(&self.visits)
            .filter(|d| !d.status.done_now)
            .count()
    }
}

pub(super) fn leaders<S: Patrols>(
    store: &S,
    config: &Config,
    sources: &[SourceRow],
    now: DateTime<Utc>,
) -> Result<Vec<Leader>, StoreError> {
    let tz = config.settings.timezone;
    let today = now.with_timezone(&tz).date_naive();
    let linked: Vec<_> = config
        .officers
        .values()
        .filter(|o| !o.enterprises.is_empty() || !o.townships.is_empty())
        .collect();
    if linked.is_empty() {
        return Ok(Vec::new());
    }
    let since = |p: Period| midnight(tz, p.previous_start(today)).unwrap_or(now);
    let inspected = store.inspections_done(since(Period::Month))?;
    let visited = store.visits_done(since(Period::Quarter))?;
    let days = |done: &[DutyDone], officer: &str, target: &str| {
        done.iter()
            .filter(|d| d.officer == officer && d.target == target)
            .map(|d| d.at.with_timezone(&tz).date_naive())
            .collect::<Vec<_>>()
    };
    let register = config.enterprises.current();
    let from = config.settings.patrol.duties_from;
    let mut out: Vec<Leader> = linked
        .into_iter()
        .map(|o| Leader {
            officer: o.id.clone(),
            name: o.name.clone(),
            role: o.role.clone(),
            inspections: o
                .enterprises
                .iter()
                .map(|e| Duty {
                    target: e.clone(),
                    name: register.get(e).map(|x| x.name.clone()).unwrap_or_default(),
                    status: duty(Period::Month, &days(&inspected, &o.id, e), today, from),
                })
                .collect(),
            visits: o
                .townships
                .iter()
                .map(|t| Duty {
                    target: t.clone(),
                    name: config
                        .grids
                        .get(t)
                        .map(|g| g.name.clone())
                        .unwrap_or_default(),
                    status: duty(Period::Quarter, &days(&visited, &o.id, t), today, from),
                })
                .collect(),
            overdue_sources: o
                .enterprises
                .iter()
                .filter(|e| sources.iter().any(|s| &s.id == *e && s.overdue()))
                .count(),
        })
        .collect();
    out.sort_by(|a, b| {
        (b.behind(), b.overdue_sources, b.to_do())
            .cmp(&(a.behind(), a.overdue_sources, a.to_do()))
            .then_with(|| a.officer.cmp(&b.officer))
    });
    Ok(out)
}
