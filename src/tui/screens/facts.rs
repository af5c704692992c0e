//! What the complaints table needs to size its columns, gathered once per
//! list when it is derived (on new data, a filter, a sort), not per frame:
//! the widths then follow the whole list, not the rows in view, at no cost
//! to a frame with 10 000 open complaints.

use chrono::{DateTime, Utc};

use crate::domain::ComplaintRow;

/// Facts of a list of complaints, for the widths of its columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFacts {
    pub max_id: i64,
    /// The longest grid id, in characters (ids are ASCII).
    pub widest_grid: usize,
    /// Some complaint has no grid.
    pub unassigned: bool,
    /// The categories and statuses listed: a bit each, by discriminant.
    pub categories: u32,
    pub statuses: u32,
    /// The earliest and latest deadlines of those nobody reached yet.
    pub soonest: Option<DateTime<Utc>>,
    pub latest: Option<DateTime<Utc>>,
    /// The latest arrival after its deadline, in seconds; one in time.
    pub late: Option<i64>,
    pub in_time: bool,
    /// The largest number a repeat mark shows (`↻12`, `×3`).
    pub max_repeat: i64,
}

impl ListFacts {
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a ComplaintRow>) -> ListFacts {
        let mut f = ListFacts::default();
        for c in rows {
            f.max_id = f.max_id.max(c.id);
            match &c.grid {
                Some(g) => f.widest_grid = f.widest_grid.max(g.chars().count()),
                None => f.unassigned = true,
            }
            f.categories |= 1 << (c.category() as u32);
            f.statuses |= 1 << (c.status as u32);
            match c.arrived_at {
                Some(a) if a <= c.deadline_at => f.in_time = true,
                Some(a) => f.late = f.late.max(Some((a - c.deadline_at).num_seconds())),
                None if c.status.is_open() => {
                    f.soonest = Some(f.soonest.map_or(c.deadline_at, |s| s.min(c.deadline_at)));
                    f.latest = Some(f.latest.map_or(c.deadline_at, |s| s.max(c.deadline_at)));
                }
                None => {}
            }
            let repeat = match (c.repeat_of, c.repeat_count) {
                (Some(of), _) => of,
                (None, n) if n > 0 => n + 1,
                _ => 0,
            };
            f.max_repeat = f.max_repeat.max(repeat);
        }
        f
    }
}
