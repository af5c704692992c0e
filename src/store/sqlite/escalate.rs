//! Automatic escalation records and their delivery outbox.
//!
//! Exactly once per (complaint, automatic stage) is the schema's job: a
//! partial UNIQUE index. Any number of evaluators may try; one insert wins,
//! the others do nothing. The outbox holds one row per (escalation, sink);
//! delivery is at-least-once and each attempt is recorded. Stages skipped
//! because a later one was already due are recorded under the same key.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, named_params};

use super::complaints::{escalation_row, select_escalation};
use super::outbox::{SENDING, Stage, Subject, outbox_state, record_once};
use super::{SqliteStore, audit, from_ms, incidents, ms, sets};
use crate::domain::{
    Actor, Candidate, Escalated, EscalationRow, OutboxItem, OutboxState, StageRecord,
    StepCandidate, StepStageRecord,
};
use crate::store::{Escalations, Result};

/// Why a claimed row was settled as failed at the next daemon's start.
const INTERRUPTED: &str = "interrupted: the intake daemon stopped while the alert command ran, so it may or may not have been sent; check with the recipient, and escalate again to send it anew";

impl Escalations for SqliteStore {
    /// Open complaints without an arrival whose deadline is at or before
    /// `deadline_before`, and which lack at least one of `n_stages` stages.
    fn escalation_candidates(
        &self,
        deadline_before: DateTime<Utc>,
        n_stages: usize,
    ) -> Result<Vec<Candidate>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT c.id, c.grid_id, c.deadline_at,
                    (SELECT group_concat(e.stage) FROM escalation e WHERE e.complaint_id = c.id AND e.automatic = 1),
                    (SELECT d.officer_id FROM dispatch d WHERE d.complaint_id = c.id ORDER BY d.id DESC LIMIT 1)
             FROM complaint c
             WHERE c.status IN {} AND c.deadline_at <= :before
               AND (SELECT COUNT(*) FROM escalation e WHERE e.complaint_id = c.id AND e.automatic = 1) < :n
             ORDER BY c.deadline_at",
            *sets::AWAITING
        ))?;
        let rows = st.query_map(
            named_params! {":before": ms(deadline_before), ":n": n_stages as i64},
            |r| {
                let fired: Option<String> = r.get(3)?;
                Ok(Candidate {
                    complaint_id: r.get(0)?,
                    grid: r.get(1)?,
                    deadline_at: from_ms(r.get(2)?),
                    fired: fired
                        .map(|f| f.split(',').map(String::from).collect())
                        .unwrap_or_default(),
                    dispatched_to: r.get(4)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Record an automatic stage once. `Ok(None)` when another evaluator
    /// recorded it first, or the complaint has meanwhile been reached or closed.
    fn record_stage(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        rec: StageRecord<'_>,
    ) -> Result<Option<i64>> {
        let tx = self.write()?;
        let waiting: bool = tx
            .prepare_cached(&format!(
                "SELECT EXISTS (SELECT 1 FROM complaint WHERE id = :id AND status IN {})",
                *sets::AWAITING
            ))?
            .query_row(named_params! {":id": rec.complaint_id}, |r| r.get(0))?;
        if !waiting {
            return Ok(None);
        }
        let stage = Stage {
            stage: rec.stage,
            skipped: rec.skipped,
            target: rec.target,
            reason: rec.reason,
            sinks: rec.sinks,
        };
        let Some((id, skipped)) = record_once(
            &tx,
            actor,
            now,
            Subject::Complaint(rec.complaint_id),
            &stage,
        )?
        else {
            return Ok(None);
        };
        for (stage, esc) in skipped {
            audit::record(
                &tx,
                actor,
                now,
                "complaint.escalation_skipped",
                &format!("complaint:{}", rec.complaint_id),
                serde_json::json!({"stage": stage, "automatic": true, "because": rec.stage, "escalation": esc}),
            )?;
        }
        audit::record(
            &tx,
            actor,
            now,
            "complaint.escalated",
            &format!("complaint:{}", rec.complaint_id),
            serde_json::json!({"stage": rec.stage, "automatic": true, "target": rec.target, "reason": rec.reason, "escalation": id}),
        )?;
        tx.commit()?;
        Ok(Some(id))
    }

    fn step_escalation_candidates(
        &self,
        due_before: DateTime<Utc>,
        n_stages: usize,
    ) -> Result<Vec<StepCandidate>> {
        incidents::escalate::candidates(&self.conn, due_before, n_stages)
    }

    fn record_step_stage(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        rec: StepStageRecord<'_>,
    ) -> Result<Option<i64>> {
        let tx = self.write()?;
        let id = incidents::escalate::record(&tx, actor, now, rec)?;
        if id.is_some() {
            tx.commit()?;
        }
        Ok(id)
    }

    /// Outbox rows of `sink` due at `now`, oldest first.
    fn outbox_due(&self, sink: &str, now: DateTime<Utc>, limit: usize) -> Result<Vec<OutboxItem>> {
        let mut st = self.conn.prepare_cached(
            "SELECT o.id, o.escalation_id, o.sink, o.attempts, e.complaint_id, e.stage, e.target_officer_id,
                    f.name, f.phone, e.reason, e.automatic, e.by_actor, s.incident_id, s.n, i.drill
             FROM outbox o JOIN escalation e ON e.id = o.escalation_id
             LEFT JOIN officer f ON f.id = e.target_officer_id
             LEFT JOIN incident_step s ON s.id = e.step_id
             LEFT JOIN incident i ON i.id = s.incident_id
             WHERE o.sink = :sink AND o.delivered_at IS NULL AND o.failed_at IS NULL AND o.next_attempt_at <= :now
             -- A complaint's alert first: a backlog of step alerts must not
             -- hold up the one about someone not yet on site.
             ORDER BY e.complaint_id IS NULL, o.next_attempt_at, o.id LIMIT :n",
        )?;
        let rows = st.query_map(
            named_params! {":sink": sink, ":now": ms(now), ":n": limit as i64},
            |r| {
                let about = match (r.get::<_, Option<i64>>(4)?, r.get::<_, Option<i64>>(12)?) {
                    (Some(id), _) => Escalated::Complaint { id },
                    (None, Some(incident_id)) => Escalated::Step {
                        incident_id,
                        n: r.get(13)?,
                        drill: r.get(14)?,
                    },
                    (None, None) => {
                        return Err(rusqlite::Error::InvalidColumnType(
                            4,
                            "complaint_id".into(),
                            rusqlite::types::Type::Null,
                        ));
                    }
                };
                Ok(OutboxItem {
                    id: r.get(0)?,
                    escalation_id: r.get(1)?,
                    sink: r.get(2)?,
                    attempts: r.get(3)?,
                    about,
                    stage: r.get(5)?,
                    target: r.get(6)?,
                    target_name: r.get(7)?,
                    target_phone: r.get(8)?,
                    reason: r.get(9)?,
                    automatic: r.get(10)?,
                    by: r.get(11)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Record one delivery attempt: delivered, retry at `retry_at`, or (None) failed for good.
    fn outbox_attempt(
        &mut self,
        id: i64,
        now: DateTime<Utc>,
        result: std::result::Result<(), &str>,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        let tx = self.write()?;
        match result {
            Ok(()) => tx
                .prepare_cached("UPDATE outbox SET delivered_at = :now, next_attempt_at = :now, last_error = NULL WHERE id = :id")?
                .execute(named_params! {":now": ms(now), ":id": id})?,
            Err(e) => tx
                .prepare_cached(
                    "UPDATE outbox SET last_error = :e,
                        next_attempt_at = COALESCE(:retry, :now),
                        failed_at = CASE WHEN :retry IS NULL THEN :now ELSE NULL END
                     WHERE id = :id",
                )?
                .execute(named_params! {":e": e, ":retry": retry_at.map(ms), ":now": ms(now), ":id": id})?,
        };
        tx.commit()?;
        Ok(())
    }

    fn outbox_claim(&mut self, id: i64, now: DateTime<Utc>) -> Result<bool> {
        let tx = self.write()?;
        let n = tx
            .prepare_cached(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :sending
                 WHERE id = :id AND delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now",
            )?
            .execute(named_params! {":sending": SENDING, ":id": id, ":now": ms(now)})?;
        tx.commit()?;
        Ok(n == 1)
    }

    fn outbox_interrupted(&mut self, now: DateTime<Utc>) -> Result<usize> {
        let tx = self.write()?;
        let n = tx
            .prepare_cached(
                "UPDATE outbox SET failed_at = :now, last_error = :why
                 WHERE next_attempt_at = :sending AND delivered_at IS NULL AND failed_at IS NULL",
            )?
            .execute(named_params! {":sending": SENDING, ":now": ms(now), ":why": INTERRUPTED})?;
        tx.commit()?;
        Ok(n)
    }

    fn outbox_states(&self) -> Result<Vec<OutboxState>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM outbox ORDER BY id")?;
        let rows = st.query_map([], outbox_state)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn outbox_of_complaint(&self, id: i64) -> Result<Vec<OutboxState>> {
        let mut st = self.conn.prepare_cached(
            "SELECT o.* FROM outbox o JOIN escalation e ON e.id = o.escalation_id
             WHERE e.complaint_id = :id ORDER BY o.escalation_id, o.sink",
        )?;
        let rows = st.query_map(named_params! {":id": id}, outbox_state)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Escalations with id greater than `after`, oldest first (consoles follow these).
    fn escalations_after(&self, after: i64, limit: usize) -> Result<Vec<EscalationRow>> {
        let mut st = self.conn.prepare_cached(concat!(
            select_escalation!(),
            " WHERE e.id > :after ORDER BY e.id LIMIT :n"
        ))?;
        let rows = st.query_map(
            named_params! {":after": after, ":n": limit as i64},
            escalation_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest `limit` escalations that alerted someone (skipped stages
    /// left out), newest first.
    fn escalations_recent(&self, limit: usize) -> Result<Vec<EscalationRow>> {
        let mut st = self.conn.prepare_cached(concat!(
            select_escalation!(),
            " WHERE e.skipped = 0 ORDER BY e.id DESC LIMIT :n"
        ))?;
        let rows = st.query_map(named_params! {":n": limit as i64}, escalation_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest escalation id (0 when none).
    fn last_escalation_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM escalation", [], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(0))
    }
}
