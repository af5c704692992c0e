//! The statistics' reads (#12): `complaint_fact` by range of `received_at`
//! (its primary key: one sequential scan), and which rows changed since a
//! revision.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, named_params};

use super::{SqliteStore, from_ms, ms};

use crate::domain::assess::Fact;
use crate::domain::assess_inputs::{IncidentFact, InspectionSpan};
use crate::domain::calendar::Regime;
use crate::domain::complaint::{Source, Status};
use crate::store::{Assessment, Result, StoreError};

impl Assessment for SqliteStore {
    fn facts(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        visit: &mut dyn FnMut(&Fact<'_>),
    ) -> Result<()> {
        scan(&self.conn, from, to, visit)
    }

    fn fold_facts<T: Send>(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        init: &(dyn Fn() -> T + Sync),
        fold: &(dyn Fn(&mut T, &Fact<'_>) + Sync),
    ) -> Result<Vec<T>> {
        let parts = spans(from, to);
        std::thread::scope(|scope| {
            let others: Vec<_> = parts
                .iter()
                .skip(1)
                .map(|&(a, b)| {
                    let path = self.path.clone();
                    scope.spawn(move || -> Result<T> {
                        let conn = Connection::open_with_flags(
                            &path,
                            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                        )?;
                        conn.busy_timeout(super::BUSY_TIMEOUT)?;
                        let mut t = init();
                        scan(&conn, a, b, &mut |f| fold(&mut t, f))?;
                        Ok(t)
                    })
                })
                .collect();
            let mut first = init();
            let (a, b) = parts[0];
            scan(&self.conn, a, b, &mut |f| fold(&mut first, f))?;
            let mut all = vec![first];
            for h in others {
                let t = h
                    .join()
                    .map_err(|_| StoreError::Internal("a fact reader stopped".into()))??;
                all.push(t);
            }
            Ok(all)
        })
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

/// Every complaint received in `[from, to)` on `conn`, oldest first.
fn scan(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    visit: &mut dyn FnMut(&Fact<'_>),
) -> Result<()> {
    // Grid and enterprise ids are numbers in the fact rows (fact_name).
    let mut names: Vec<Option<String>> = Vec::new();
    let mut st = conn.prepare_cached("SELECT n, name FROM fact_name ORDER BY n")?;
    for r in st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (n, name) = r?;
        let n = usize::try_from(n).map_err(|_| bad("name number", &n.to_string()))?;
        if names.len() <= n {
            names.resize(n + 1, None);
        }
        names[n] = Some(name);
    }
    let name = |v: Option<i64>| -> Result<Option<&str>> {
        match v {
            None => Ok(None),
            Some(n) => usize::try_from(n)
                .ok()
                .and_then(|n| names.get(n))
                .and_then(|s| s.as_deref())
                .map(Some)
                .ok_or_else(|| bad("name number", &n.to_string())),
        }
    };
    let mut st = conn.prepare_cached(
        "SELECT id, received_at, grid_n, enterprise_n, source, regime, status, round,
                deadline_in, arrived_in, repeat_of, categories, escalations
         FROM complaint_fact WHERE received_at >= :from AND received_at < :to
         ORDER BY received_at, id",
    )?;
    let mut rows = st.query(named_params! {":from": ms(from), ":to": ms(to)})?;
    while let Some(r) = rows.next()? {
        let code = |i: usize| -> Result<usize> {
            let v: i64 = r.get(i)?;
            usize::try_from(v).map_err(|_| bad("code", &v.to_string()))
        };
        let received: i64 = r.get(1)?;
        let source = code(4)?;
        let status = code(6)?;
        let categories: i64 = r.get(11)?;
        let fact = Fact {
            id: r.get(0)?,
            received_at: from_ms(received),
            grid: name(r.get(2)?)?,
            enterprise: name(r.get(3)?)?,
            source: *Source::ALL
                .get(source)
                .ok_or_else(|| bad("source", &source.to_string()))?,
            regime: if code(5)? == 0 {
                Regime::WorkdayDay
            } else {
                Regime::OffHours
            },
            status: *Status::ALL
                .get(status)
                .ok_or_else(|| bad("status", &status.to_string()))?,
            round: r.get(7)?,
            deadline_at: from_ms(received + r.get::<_, i64>(8)?),
            arrived_at: r.get::<_, Option<i64>>(9)?.map(|a| from_ms(received + a)),
            repeat_of: r.get(10)?,
            categories: u8::try_from(categories)
                .map_err(|_| bad("categories", &categories.to_string()))?,
            escalations: r.get_ref(12)?.as_str().map_err(corrupt)?,
        };
        visit(&fact);
    }
    Ok(())
}

/// `[from, to)` cut into as many spans of time as there are cores (at
/// most 4), when it is longer than a week: a long report reads its parts
/// at once. Each complaint falls in exactly one span.
fn spans(from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if to - from <= chrono::Duration::days(7) || cores < 2 {
        return vec![(from, to)];
    }
    let step = (to - from) / i32::try_from(cores).unwrap_or(1);
    (0..cores)
        .map(|i| {
            let a = from + step * i32::try_from(i).unwrap_or(0);
            let b = if i + 1 == cores { to } else { a + step };
            (a, b)
        })
        .collect()
}

fn corrupt(e: rusqlite::types::FromSqlError) -> StoreError {
    StoreError::Corrupt(format!("complaint_fact: {e}"))
}

fn bad(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("complaint_fact: unknown {what} {value:?}"))
}
