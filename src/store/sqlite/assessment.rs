//! The statistics' reads (#12): `complaint_fact` by range of `received_at`
//! (its primary key: one sequential scan), and which rows changed since a
//! revision.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::named_params;

use super::{SqliteStore, from_ms, ms};

use crate::domain::assess::Fact;
use crate::domain::assess_inputs::{IncidentFact, InspectionSpan};
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

    fn incident_facts(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<IncidentFact>> {
        let mut st = self.conn.prepare_cached(
            "SELECT i.id, i.grid_id, i.level, r.due_at, r.sent_at, r.id
             FROM incident i LEFT JOIN incident_report r ON r.incident_id = i.id
             WHERE i.drill = 0 AND i.discovered_at >= :from AND i.discovered_at < :to
             ORDER BY i.id, r.id",
        )?;
        let mut rows = st.query(named_params! {":from": ms(from), ":to": ms(to)})?;
        let mut out: Vec<IncidentFact> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if out.last().is_none_or(|i| i.id != id) {
                out.push(IncidentFact {
                    id,
                    grid: r.get(1)?,
                    level: r.get(2)?,
                    reports: Vec::new(),
                });
            }
            let due = r.get::<_, Option<i64>>(3)?.map(from_ms);
            let sent = r.get::<_, Option<i64>>(4)?.map(from_ms);
            // A LEFT JOIN row without a report has neither.
            let has_report = r.get::<_, Option<i64>>(5)?.is_some();
            if let Some(i) = out.last_mut().filter(|_| has_report) {
                i.reports.push((due, sent));
            }
        }
        Ok(out)
    }

    fn inspection_spans(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<BTreeMap<String, InspectionSpan>> {
        let mut st = self.conn.prepare_cached(
            "SELECT enterprise_id,
                    MAX(CASE WHEN at < :from THEN at END),
                    MIN(CASE WHEN at >= :from AND at < :to THEN at END),
                    COUNT(CASE WHEN at >= :from AND at < :to THEN 1 END)
             FROM inspection WHERE at < :to GROUP BY enterprise_id",
        )?;
        let rows = st.query_map(named_params! {":from": ms(from), ":to": ms(to)}, |r| {
            Ok((
                r.get::<_, String>(0)?,
                InspectionSpan {
                    last_before: r.get::<_, Option<i64>>(1)?.map(from_ms),
                    first_within: r.get::<_, Option<i64>>(2)?.map(from_ms),
                    within: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn corrupt(e: rusqlite::types::FromSqlError) -> StoreError {
    StoreError::Corrupt(format!("complaint_fact: {e}"))
}

fn bad(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("complaint_fact: unknown {what} {value:?}"))
}
