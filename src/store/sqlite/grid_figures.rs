//! Per-grid figures of the Grids board (#11): open complaints, breaches
//! this month and active incidents, each grid's own (the board rolls
//! them up the tree).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::named_params;

use super::{SqliteStore, ms, sets};
use crate::domain::grid::GridCounts;
use crate::store::{GridFigures, Result};

impl GridFigures for SqliteStore {
    fn grid_counts(
        &self,
        month_start: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Vec<(Option<String>, GridCounts)>> {
        let mut by: BTreeMap<Option<String>, GridCounts> = BTreeMap::new();
        let open = format!(
            "SELECT grid_id, COUNT(*) FROM complaint WHERE status IN {} GROUP BY grid_id",
            *sets::OPEN
        );
        let mut st = self.conn.prepare_cached(&open)?;
        for r in st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (g, n): (Option<String>, i64) = r?;
            by.entry(g).or_default().open = n;
        }
        // A breach: the deadline passed (by now) without an arrival at or
        // before it. Merged and rejected complaints are not counted: the
        // earlier one of a merge carries the breach, a rejection was not ours.
        let mut st = self.conn.prepare_cached(
            "SELECT c.grid_id, COUNT(*) FROM complaint c
             WHERE c.received_at >= :from AND c.received_at <= :now
               AND c.deadline_at <= :now AND c.status NOT IN ('merged', 'rejected')
               AND NOT EXISTS (SELECT 1 FROM arrival a
                               WHERE a.complaint_id = c.id AND a.arrived_at <= c.deadline_at)
             GROUP BY c.grid_id",
        )?;
        let rows = st.query_map(
            named_params! {":from": ms(month_start), ":now": ms(now)},
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        for r in rows {
            let (g, n): (Option<String>, i64) = r?;
            by.entry(g).or_default().breached = n;
        }
        let mut st = self.conn.prepare_cached(
            "SELECT grid_id, COUNT(*) FROM incident
             WHERE status <> 'closed' AND drill = 0 GROUP BY grid_id",
        )?;
        for r in st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (g, n): (Option<String>, i64) = r?;
            by.entry(g).or_default().active_incidents = n;
        }
        Ok(by.into_iter().collect())
    }
}
