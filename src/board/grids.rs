//! The grid tree with responsible people, staffing and figures per grid —
//! what `gridwatch grids` prints and the Grids screen shows.
//!
//! One rule for the figures: a grid's figures **roll up** its sub-grids —
//! a township counts its villages' and their enterprise groups' complaints
//! and incidents, the city counts everything that has a grid. Staffing is
//! each grid's own (`domain::staffing` says what counts as staff).
//!
//! - open: complaints still open (`Status::OPEN`);
//! - breached this month: complaints received since the first of this
//!   month (00:00 in the configured zone) whose deadline passed without an
//!   arrival at or before it; merged and rejected ones are not counted;
//! - overdue patrols: pollution sources of the grid overdue for their
//!   patrol (never inspected, or past their due date), from the sources
//!   board (`board::sources`);
//! - active incidents: incidents not closed, drills apart.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, TimeZone, Utc};
use serde::Serialize;

use super::sources::SourceBoard;
use crate::config::Config;
use crate::domain::grid::{Grid, GridCounts};
use crate::domain::staffing::{Staffing, assess};
use crate::store::{GridFigures, Patrols, StoreError};

/// A person named on a grid, as people know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: String,
    /// Empty when the id is not an officer of officers.toml.
    pub name: String,
    pub phone: String,
}

/// A grid's figures, its sub-grids' included.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub open: i64,
    pub breached: i64,
    /// `None`: not known (built without the sources board).
    pub overdue_patrols: Option<i64>,
    pub active_incidents: i64,
}

/// One grid of the board, in tree order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridRow {
    pub id: String,
    pub name: String,
    pub level: u8,
    pub parent: Option<String>,
    /// Depth in the tree (the city is 0), for indentation.
    pub depth: usize,
    pub class: Option<u8>,
    pub first_responsible: Option<Person>,
    pub main_responsible: Option<Person>,
    pub specific_responsible: Vec<Person>,
    pub group_leader: Option<Person>,
    pub staffing: Staffing,
    pub figures: Figures,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GridBoard {
    /// Every grid, a parent before its children (children by id).
    pub rows: Vec<GridRow>,
    /// Open complaints without a grid (in no grid's figures).
    pub unassigned_open: i64,
    /// The month "breached" counts from (its first instant).
    pub month_start: Option<DateTime<Utc>>,
}

impl GridBoard {
    pub fn load<S: GridFigures + Patrols>(
        store: &S,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<Self, StoreError> {
        let sources = SourceBoard::load(store, config, now)?;
        GridBoard::with_sources(store, config, now, &sources)
    }

    /// [`GridBoard::load`] with the sources board already read at `now`.
    pub fn with_sources<S: GridFigures>(
        store: &S,
        config: &Config,
        now: DateTime<Utc>,
        sources: &SourceBoard,
    ) -> Result<Self, StoreError> {
        let month_start = month_start(config, now);
        let counts = store.grid_counts(month_start, now)?;
        let mut overdue: BTreeMap<String, i64> = BTreeMap::new();
        for s in sources.overdue() {
            *overdue.entry(s.grid.clone()).or_default() += 1;
        }
        Ok(GridBoard::build(
            config,
            &counts,
            Some(&overdue),
            month_start,
        ))
    }

    /// The board from the store's per-grid counts and, when known, the
    /// overdue patrols per grid (each grid's own sources).
    pub fn build(
        config: &Config,
        counts: &[(Option<String>, GridCounts)],
        overdue: Option<&BTreeMap<String, i64>>,
        month_start: DateTime<Utc>,
    ) -> GridBoard {
        let own: BTreeMap<&str, &GridCounts> = counts
            .iter()
            .filter_map(|(g, c)| Some((g.as_deref()?, c)))
            .collect();
        let unassigned_open = counts
            .iter()
            .filter(|(g, _)| g.as_deref().is_none_or(|g| config.grids.get(g).is_none()))
            .map(|(_, c)| c.open)
            .sum();
        let register = config.enterprises.current();
        let mut enterprises: BTreeMap<&str, usize> = BTreeMap::new();
        for e in register.values() {
            *enterprises.entry(e.grid.as_str()).or_default() += 1;
        }
        let mut rows = Vec::with_capacity(config.grids.len());
        for (grid, depth) in tree_order(config) {
            let person = |id: &String| person(config, id);
            let mut figures = Figures {
                overdue_patrols: overdue.map(|_| 0),
                ..Figures::default()
            };
            for g in config
                .grids
                .iter()
                .filter(|g| within(config, &g.id, &grid.id))
            {
                if let Some(c) = own.get(g.id.as_str()) {
                    figures.open += c.open;
                    figures.breached += c.breached;
                    figures.active_incidents += c.active_incidents;
                }
                if let (Some(all), Some(n)) = (overdue, figures.overdue_patrols.as_mut()) {
                    *n += all.get(&g.id).copied().unwrap_or(0);
                }
            }
            rows.push(GridRow {
                id: grid.id.clone(),
                name: grid.name.clone(),
                level: grid.level,
                parent: grid.parent.clone(),
                depth,
                class: grid.class,
                first_responsible: grid.first_responsible.as_ref().map(person),
                main_responsible: grid.main_responsible.as_ref().map(person),
                specific_responsible: grid.specific_responsible.iter().map(person).collect(),
                group_leader: grid.group_leader.as_ref().map(person),
                staffing: assess(
                    grid,
                    enterprises.get(grid.id.as_str()).copied().unwrap_or(0),
                ),
                figures,
            });
        }
        GridBoard {
            rows,
            unassigned_open,
            month_start: Some(month_start),
        }
    }

    /// How many grids have a staffing problem.
    pub fn shortfalls(&self) -> usize {
        self.rows.iter().filter(|r| !r.staffing.is_ok()).count()
    }
}

/// The first instant of `now`'s month in the configured zone.
pub fn month_start(config: &Config, now: DateTime<Utc>) -> DateTime<Utc> {
    let tz = config.settings.timezone;
    let local = now.with_timezone(&tz).date_naive();
    local
        .with_day(1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| tz.from_local_datetime(&t).earliest())
        .map_or(now, |t| t.with_timezone(&Utc))
}

fn person(config: &Config, id: &String) -> Person {
    match config.officers.get(id) {
        Some(o) => Person {
            id: id.clone(),
            name: o.name.clone(),
            phone: o.phone.clone(),
        },
        None => Person {
            id: id.clone(),
            name: String::new(),
            phone: String::new(),
        },
    }
}

/// Whether `id` is `ancestor` or below it.
fn within(config: &Config, id: &str, ancestor: &str) -> bool {
    config.grids.lineage(id).iter().any(|g| g.id == ancestor)
}

/// Every grid with its depth, each parent before its children (children
/// by id); grids whose parent is unknown come as roots.
fn tree_order(config: &Config) -> Vec<(&Grid, usize)> {
    let mut children: BTreeMap<Option<&str>, Vec<&Grid>> = BTreeMap::new();
    for g in config.grids.iter() {
        let parent = g
            .parent
            .as_deref()
            .filter(|p| config.grids.get(p).is_some());
        children.entry(parent).or_default().push(g);
    }
    let mut out = Vec::with_capacity(config.grids.len());
    let mut stack: Vec<(&Grid, usize)> = children
        .get(&None)
        .map(|r| r.iter().rev().map(|g| (*g, 0)).collect())
        .unwrap_or_default();
    while let Some((g, depth)) = stack.pop() {
        if out.iter().any(|(seen, _): &(&Grid, usize)| seen.id == g.id) {
            continue;
        }
        out.push((g, depth));
        if let Some(kids) = children.get(&Some(g.id.as_str())) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::staffing::Problem;

    fn counts(open: i64, breached: i64, incidents: i64) -> GridCounts {
        GridCounts {
            open,
            breached,
            active_incidents: incidents,
        }
    }

    fn board(overdue: Option<&BTreeMap<String, i64>>) -> GridBoard {
        let config = Config::embedded().unwrap();
        let c = [
            (Some("T03-V01-G01".to_string()), counts(2, 1, 1)),
            (Some("T03-V01".to_string()), counts(1, 0, 0)),
            (Some("T03".to_string()), counts(1, 1, 0)),
            (Some("T01-V02".to_string()), counts(3, 2, 0)),
            (None, counts(4, 1, 0)),
        ];
        GridBoard::build(&config, &c, overdue, Utc::now())
    }

    fn row<'a>(b: &'a GridBoard, id: &str) -> &'a GridRow {
        b.rows.iter().find(|r| r.id == id).unwrap()
    }

    #[test]
    fn figures_roll_up_the_tree_and_unassigned_ones_stay_apart() {
        let b = board(None);
        let f = |id| row(&b, id).figures.clone();
        assert_eq!((f("T03-V01-G01").open, f("T03-V01-G01").breached), (2, 1));
        assert_eq!((f("T03-V01").open, f("T03-V01").active_incidents), (3, 1));
        assert_eq!((f("T03").open, f("T03").breached), (4, 2));
        assert_eq!((f("T01").open, f("T01").breached), (3, 2));
        assert_eq!(
            (f("C00").open, f("C00").breached, f("C00").active_incidents),
            (7, 4, 1)
        );
        assert_eq!(f("T02"), Figures::default());
        assert_eq!(b.unassigned_open, 4);
        assert_eq!(
            f("C00").overdue_patrols,
            None,
            "unknown without the sources board"
        );
    }

    #[test]
    fn overdue_patrols_roll_up_when_known() {
        let overdue = BTreeMap::from([
            ("T03-V01-G01".to_string(), 2),
            ("T04-V02-G01".to_string(), 1),
        ]);
        let b = board(Some(&overdue));
        assert_eq!(row(&b, "T03").figures.overdue_patrols, Some(2));
        assert_eq!(row(&b, "C00").figures.overdue_patrols, Some(3));
        assert_eq!(row(&b, "T02").figures.overdue_patrols, Some(0));
    }

    #[test]
    fn the_tree_is_in_order_with_depths_and_the_demo_has_a_few_shortfalls() {
        let b = board(None);
        let order: Vec<(&str, usize)> = b.rows.iter().map(|r| (r.id.as_str(), r.depth)).collect();
        assert_eq!(order[0], ("C00", 0));
        assert_eq!(order[1], ("T01", 1));
        assert_eq!(order[2], ("T01-V01", 2));
        let g = order.iter().position(|r| r.0 == "T03-V01-G01").unwrap();
        assert_eq!(order[g - 1].0, "T03-V01");
        assert_eq!(order[g].1, 3);
        // A mostly healthy county: a few marked, not a wall.
        let marked: Vec<(&str, Vec<Problem>)> = b
            .rows
            .iter()
            .filter(|r| !r.staffing.is_ok())
            .map(|r| (r.id.as_str(), r.staffing.problems.clone()))
            .collect();
        assert_eq!(
            marked,
            [
                ("T01-V03", vec![Problem::BelowMinimum]),
                ("T03", vec![Problem::BelowMinimum]),
                ("T04-V02-G01", vec![Problem::NoGroupLeader]),
            ]
        );
        let t03 = row(&b, "T03");
        assert_eq!(
            (t03.class, t03.staffing.staff, t03.staffing.shortfall),
            (Some(1), 3, 2)
        );
        assert_eq!(row(&b, "T03-V01-G01").staffing.staff, 14);
        assert_eq!(
            row(&b, "T03-V01-G01").group_leader.as_ref().unwrap().name,
            "汤国栋"
        );
    }

    #[test]
    fn the_month_starts_at_local_midnight_of_the_first() {
        let config = Config::embedded().unwrap();
        let now: DateTime<Utc> = "2026-11-30T20:00:00Z".parse().unwrap(); // 1 Dec 04:00 +08
        assert_eq!(
            month_start(&config, now).to_rfc3339(),
            "2026-11-30T16:00:00+00:00"
        );
    }
}
