//! The statistics' reads (#12): `complaint_fact` by range of `received_at`
//! (its primary key: one sequential scan), and which rows changed since a
//! revision.

use chrono::{DateTime, Utc};
use rusqlite::named_params;

use super::{SqliteStore, from_ms, ms};
use crate::domain::assess::Fact;
use crate::domain::calendar::Regime;
use crate::domain::complaint::Status;
use crate::store::{Assessment, Result, StoreError};

impl Assessment for SqliteStore {
    fn facts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        visit: &mut dyn FnMut(&Fact<'_>),
    ) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, received_at, grid_id, enterprise_id, source, regime, status, round,
                    deadline_at, arrived_at, repeat_of, categories, escalations
             FROM complaint_fact WHERE received_at >= :from AND received_at < :to
             ORDER BY received_at, id",
        )?;
        let mut rows = st.query(named_params! {":from": ms(from), ":to": ms(to)})?;
        while let Some(r) = rows.next()? {
            let text = |i: usize| -> Result<&str> { r.get_ref(i)?.as_str().map_err(corrupt) };
            let opt = |i: usize| -> Result<Option<&str>> {
                r.get_ref(i)?.as_str_or_null().map_err(corrupt)
            };
            let regime = text(5)?;
            let status = text(6)?;
            let fact = Fact {
                id: r.get(0)?,
                received_at: from_ms(r.get(1)?),
                grid: opt(2)?,
                enterprise: opt(3)?,
                source: text(4)?,
                regime: Regime::parse(regime).ok_or_else(|| bad("regime", regime))?,
                status: Status::parse(status).ok_or_else(|| bad("status", status))?,
                round: r.get(7)?,
                deadline_at: from_ms(r.get(8)?),
                arrived_at: r.get::<_, Option<i64>>(9)?.map(from_ms),
                repeat_of: r.get(10)?,
                categories: text(11)?,
                escalations: text(12)?,
            };
            visit(&fact);
        }
        Ok(())
    }

    fn fact_rev(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT n FROM fact_seq", [], |r| r.get(0))?)
    }

    fn facts_changed(&self, after: i64) -> Result<(i64, Vec<DateTime<Utc>>)> {
        let rev = self.fact_rev()?;
        let mut st = self.conn.prepare_cached(
            "SELECT received_at FROM complaint_fact WHERE rev > :after ORDER BY rev",
        )?;
        let at = st
            .query_map(named_params! {":after": after}, |r| r.get(0))?
            .map(|r| r.map(from_ms))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((rev, at))
    }
}

fn corrupt(e: rusqlite::types::FromSqlError) -> StoreError {
    StoreError::Corrupt(format!("complaint_fact: {e}"))
}

fn bad(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("complaint_fact: unknown {what} {value:?}"))
}
