//! Figures for `status` and the console header: counts by state, arrivals per hour.

use chrono::{DateTime, Utc};
use rusqlite::named_params;

use super::{SqliteStore, ms, sets};
use crate::domain::Counts;
use crate::store::{Figures, Result};

impl Figures for SqliteStore {
    fn counts(&self, now: DateTime<Utc>, soon: chrono::Duration) -> Result<Counts> {
        let mut c = Counts::default();
        let q = |sql: &str, now_ms: i64, soon_ms: i64| -> rusqlite::Result<i64> {
            let mut st = self.conn.prepare_cached(sql)?;
            let n = st.parameter_count();
            match n {
                0 => st.query_row([], |r| r.get(0)),
                1 => st.query_row(named_params! {":now": now_ms}, |r| r.get(0)),
                _ => st.query_row(named_params! {":now": now_ms, ":soon": soon_ms}, |r| {
                    r.get(0)
                }),
            }
        };
        let (now_ms, soon_ms) = (ms(now), ms(now + soon));
        c.total = q("SELECT COUNT(*) FROM complaint", now_ms, soon_ms)?;
        c.open = q(
            &format!(
                "SELECT COUNT(*) FROM complaint WHERE status IN {}",
                *sets::OPEN
            ),
            now_ms,
            soon_ms,
        )?;
        c.unassigned = q(
            &format!(
                "SELECT COUNT(*) FROM complaint WHERE grid_id IS NULL AND status IN {}",
                *sets::OPEN
            ),
            now_ms,
            soon_ms,
        )?;
        c.breached = q(
            &format!(
                "SELECT COUNT(*) FROM complaint WHERE status IN {} AND deadline_at <= :now",
                *sets::AWAITING
            ),
            now_ms,
            soon_ms,
        )?;
        c.due_soon = q(
            &format!(
                "SELECT COUNT(*) FROM complaint WHERE status IN {}
                 AND deadline_at > :now AND deadline_at <= :soon",
                *sets::AWAITING
            ),
            now_ms,
            soon_ms,
        )?;
        c.files_ok = q(
            "SELECT COUNT(*) FROM intake_file WHERE result = 'ok'",
            now_ms,
            soon_ms,
        )?;
        c.files_rejected = q(
            "SELECT COUNT(*) FROM intake_file WHERE result = 'rejected'",
            now_ms,
            soon_ms,
        )?;
        let mut st = self.conn.prepare_cached(
            "SELECT status, COUNT(*) FROM complaint GROUP BY status ORDER BY status",
        )?;
        c.by_status = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(c)
    }

    /// Arrivals logged per hour for the `hours` hours ending at `now`, oldest first.
    fn arrivals_per_hour(&self, now: DateTime<Utc>, hours: usize) -> Result<Vec<u64>> {
        let start = ms(now) - (hours as i64) * 3_600_000;
        let mut st = self.conn.prepare_cached(
            "SELECT arrived_at FROM arrival WHERE arrived_at > :start AND arrived_at <= :now",
        )?;
        let mut buckets = vec![0u64; hours];
        let rows = st.query_map(named_params! {":start": start, ":now": ms(now)}, |r| {
            r.get::<_, i64>(0)
        })?;
        for t in rows {
            let i = ((t? - start - 1) / 3_600_000) as usize;
            if let Some(b) = buckets.get_mut(i) {
                *b += 1;
            }
        }
        Ok(buckets)
    }
}
