//! Patrols (#11): inspections of pollution sources and leaders' township
//! visits — each write one transaction with its audit record — and the
//! facts the patrol rule reads: last inspection, recent complaints,
//! violations and repeats per source.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, named_params};
use serde_json::json;

use super::{SqliteStore, audit, from_ms, ms};
use crate::domain::inspection::{DutyDone, InspectionResult, NewInspection, NewVisit, PatrolFacts};
use crate::domain::{Actor, Entity, kind};
use crate::store::{Patrols, Result, StoreError};

impl Patrols for SqliteStore {
    fn patrol_facts(&self, since: DateTime<Utc>) -> Result<PatrolFacts> {
        let mut out = PatrolFacts::new();
        // SQLite takes the bare column `result` from the row of MAX(at).
        let mut st = self.conn.prepare_cached(
            "SELECT enterprise_id, MAX(at), result FROM inspection GROUP BY enterprise_id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, at, result) = row?;
            let f = out.entry(id).or_default();
            f.last_inspected_at = Some(from_ms(at));
            f.last_result = InspectionResult::parse(&result);
        }
        let mut st = self.conn.prepare_cached(
            "SELECT enterprise_id, COUNT(*), MIN(at) FROM inspection
             WHERE result = 'problem' AND at >= :since GROUP BY enterprise_id",
        )?;
        let rows = st.query_map(named_params! {":since": ms(since)}, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let earliest = |a: Option<DateTime<Utc>>, b: Option<i64>| match (a, b.map(from_ms)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        for row in rows {
            let (id, n, first) = row?;
            let f = out.entry(id).or_default();
            f.violations += n;
            f.first_signal_at = earliest(f.first_signal_at, Some(first));
        }
        let mut st = self.conn.prepare_cached(
            "SELECT enterprise_id, COUNT(*),
                    SUM(outcome IS 'violation_confirmed'),
                    SUM(repeat_of IS NOT NULL OR merged_into IS NOT NULL),
                    MIN(received_at),
                    MIN(CASE WHEN repeat_of IS NOT NULL OR merged_into IS NOT NULL
                             THEN received_at END)
             FROM complaint
             WHERE enterprise_id IS NOT NULL AND received_at >= :since AND status <> 'rejected'
             GROUP BY enterprise_id",
        )?;
        let rows = st.query_map(named_params! {":since": ms(since)}, |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
            ))
        })?;
        for row in rows {
            let (id, complaints, violations, repeats, first, repeat) = row?;
            let f = out.entry(id).or_default();
            f.complaints += complaints;
            f.violations += violations;
            f.repeats += repeats;
            f.first_signal_at = earliest(f.first_signal_at, first);
            f.first_repeat_at = earliest(f.first_repeat_at, repeat);
        }
        Ok(out)
    }

    fn inspections_done(&self, since: DateTime<Utc>) -> Result<Vec<DutyDone>> {
        let mut st = self.conn.prepare_cached(
            "SELECT o.officer_id, i.enterprise_id, i.at
             FROM inspection i JOIN inspection_officer o ON o.inspection_id = i.id
             WHERE i.at >= :since ORDER BY i.at, i.id",
        )?;
        let rows = st.query_map(named_params! {":since": ms(since)}, duty_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn visits_done(&self, since: DateTime<Utc>) -> Result<Vec<DutyDone>> {
        let mut st = self.conn.prepare_cached(
            "SELECT officer_id, grid_id, at FROM visit WHERE at >= :since ORDER BY at, id",
        )?;
        let rows = st.query_map(named_params! {":since": ms(since)}, duty_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn record_inspection(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        new: &NewInspection,
    ) -> Result<i64> {
        let tx = self.write()?;
        if let Some(c) = new.complaint {
            tx.query_row(
                "SELECT id FROM complaint WHERE id = :id",
                named_params! {":id": c},
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .ok_or(StoreError::NoSuchComplaint(c))?;
        }
        let rectify_by = new.rectify_by.map(|d| d.format("%Y-%m-%d").to_string());
        tx.prepare_cached(
            "INSERT INTO inspection (enterprise_id, at, kind, result, problems, rectify_by, note,
                                     complaint_id, logged_at, by_actor, console)
             VALUES (:enterprise, :at, :kind, :result, :problems, :rectify_by, :note,
                     :complaint, :logged_at, :by, :console)",
        )?
        .execute(named_params! {
            ":enterprise": new.enterprise, ":at": ms(new.at), ":kind": new.kind.as_str(),
            ":result": new.result.as_str(), ":problems": new.problems, ":rectify_by": rectify_by,
            ":note": new.note, ":complaint": new.complaint, ":logged_at": ms(now),
            ":by": actor.name, ":console": actor.console,
        })?;
        let id = tx.last_insert_rowid();
        {
            let mut st = tx.prepare_cached(
                "INSERT OR IGNORE INTO inspection_officer (inspection_id, officer_id) VALUES (:id, :officer)",
            )?;
            for o in &new.officers {
                st.execute(named_params! {":id": id, ":officer": o})?;
            }
        }
        audit::record(
            &tx,
            actor,
            now,
            "inspection.logged",
            &Entity::subject(kind::INSPECTION, id),
            json!({
                "enterprise": new.enterprise,
                "officers": new.officers,
                "at": new.at.to_rfc3339(),
                "kind": new.kind.as_str(),
                "result": new.result.as_str(),
                "problems": new.problems,
                "rectify_by": rectify_by,
                "complaint": new.complaint,
                "note": new.note,
            }),
        )?;
        tx.commit()?;
        Ok(id)
    }

    fn record_visit(&mut self, actor: &Actor, now: DateTime<Utc>, new: &NewVisit) -> Result<i64> {
        let tx = self.write()?;
        tx.prepare_cached(
            "INSERT INTO visit (grid_id, officer_id, at, note, logged_at, by_actor, console)
             VALUES (:grid, :officer, :at, :note, :logged_at, :by, :console)",
        )?
        .execute(named_params! {
            ":grid": new.township, ":officer": new.officer, ":at": ms(new.at), ":note": new.note,
            ":logged_at": ms(now), ":by": actor.name, ":console": actor.console,
        })?;
        let id = tx.last_insert_rowid();
        audit::record(
            &tx,
            actor,
            now,
            "visit.logged",
            &Entity::subject(kind::VISIT, id),
            json!({
                "township": new.township,
                "officer": new.officer,
                "at": new.at.to_rfc3339(),
                "note": new.note,
            }),
        )?;
        tx.commit()?;
        Ok(id)
    }
}

fn duty_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DutyDone> {
    Ok(DutyDone {
        officer: r.get(0)?,
        target: r.get(1)?,
        at: from_ms(r.get(2)?),
    })
}
