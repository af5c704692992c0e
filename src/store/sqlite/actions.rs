//! The write commands a duty officer issues — arrive, dispatch, escalate,
//! resolve, reject, reopen (assign is in `triage`) — each one transaction: check the domain rule, change the
//! row, append the audit record. The CLI and the dashboard both call these.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use super::{SqliteStore, audit, from_ms, ms};
use crate::domain::arrival::check_arrival_time;
use crate::domain::complaint::{Outcome, Status, Transition, TransitionError, transition};
use crate::domain::triage::{Assignment, Rejection};
use crate::domain::{Actor, ArrivalRequest, Inserted, NewComplaint};
use crate::store::{Actions, Intake, IntakeBatch, Result, StoreError};

struct Current {
    status: Status,
    round: i64,
    received_at: DateTime<Utc>,
}

fn current(tx: &Transaction<'_>, id: i64) -> Result<Current> {
    tx.prepare_cached("SELECT status, round, received_at FROM complaint WHERE id = :id")?
        .query_row(named_params! {":id": id}, |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?
        .ok_or(StoreError::NoSuchComplaint(id))
        .and_then(|(s, round, received): (String, i64, i64)| {
            let status = Status::parse(&s)
                .ok_or_else(|| StoreError::Corrupt(format!("complaint {id} has status '{s}'")))?;
            Ok(Current {
                status,
                round,
                received_at: from_ms(received),
            })
        })
}

fn check_officer(tx: &Transaction<'_>, officer: &str) -> Result<()> {
    let ok: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM officer WHERE id = :id AND active = 1)",
        named_params! {":id": officer},
        |r| r.get(0),
    )?;
    if ok {
        Ok(())
    } else {
        Err(StoreError::NoSuchOfficer(officer.to_string()))
    }
}

/// Apply a transition to the row: new status, and the audit record.
pub(super) fn apply(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    t: &Transition,
    details: serde_json::Value,
) -> Result<(Status, Status)> {
    let cur = current(tx, id)?;
    let to =
        transition(id, cur.status, t).map_err(|source| StoreError::Transition { id, source })?;
    let (outcome, note, merged_into): (Option<&str>, Option<String>, Option<i64>) = match t {
        Transition::Resolve(o) => (
            Some(o.as_str()),
            details["note"].as_str().map(String::from),
            None,
        ),
        Transition::Reject { reason } => (None, Some(reason.clone()), None),
        // The reason replaces a rejection's note: the note says why it is as it is.
        Transition::Reopen => (None, details["reason"].as_str().map(String::from), None),
        Transition::Merge { into } => (None, None, Some(*into)),
        _ => (None, None, None),
    };
    let reopen = matches!(t, Transition::Reopen);
    tx.prepare_cached(
        "UPDATE complaint SET status = :to, outcome = :outcome,
            status_note = COALESCE(:note, status_note), merged_into = COALESCE(:merged, merged_into),
            round = round + :bump, updated_at = :now
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":to": to.as_str(), ":outcome": outcome, ":note": note, ":merged": merged_into,
        ":bump": i64::from(reopen), ":now": ms(now), ":id": id,
    })?;
    let mut details = details;
    details["from"] = cur.status.as_str().into();
    details["to"] = to.as_str().into();
    audit::record(
        tx,
        actor,
        now,
        &format!("complaint.{}", action_name(t)),
        &format!("complaint:{id}"),
        details,
    )?;
    Ok((cur.status, to))
}

fn action_name(t: &Transition) -> &'static str {
    match t {
        Transition::Dispatch => "dispatched",
        Transition::SetOff => "en_route",
        Transition::Arrive => "arrived",
        Transition::StartHandling => "handling",
        Transition::Resolve(_) => "resolved",
        Transition::Reopen => "reopened",
        Transition::Merge { .. } => "merged",
        Transition::Reject { .. } => "rejected",
    }
}

impl Actions for SqliteStore {
    /// Log an arrival; returns the arrival's id.
    fn arrive(&mut self, actor: &Actor, now: DateTime<Utc>, req: &ArrivalRequest) -> Result<i64> {
        let tx = self.write()?;
        check_officer(&tx, &req.officer)?;
        let cur = current(&tx, req.complaint_id)?;
        // The status rule first: "already arrived" says more than a time complaint.
        transition(req.complaint_id, cur.status, &Transition::Arrive).map_err(|source| {
            StoreError::Transition {
                id: req.complaint_id,
                source,
            }
        })?;
        check_arrival_time(cur.received_at, req.arrived_at, now, req.note.as_deref()).map_err(
            |source| StoreError::ArrivalTime {
                id: req.complaint_id,
                source,
            },
        )?;
        tx.prepare_cached(
            "INSERT INTO arrival (complaint_id, round, officer_id, arrived_at, logged_at, console, note)
             VALUES (:c, :round, :o, :at, :logged, :console, :note)",
        )?
        .execute(named_params! {
            ":c": req.complaint_id, ":round": cur.round, ":o": req.officer, ":at": ms(req.arrived_at),
            ":logged": ms(now), ":console": actor.console, ":note": req.note,
        })?;
        let arrival_id = tx.last_insert_rowid();
        let details = serde_json::json!({
            "officer": req.officer, "arrived_at": req.arrived_at.to_rfc3339(), "note": req.note, "arrival": arrival_id,
        });
        apply(
            &tx,
            actor,
            now,
            req.complaint_id,
            &Transition::Arrive,
            details,
        )?;
        tx.commit()?;
        Ok(arrival_id)
    }

    fn dispatch(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        officer: &str,
    ) -> Result<()> {
        let tx = self.write()?;
        check_officer(&tx, officer)?;
        apply(
            &tx,
            actor,
            now,
            id,
            &Transition::Dispatch,
            serde_json::json!({"officer": officer}),
        )?;
        tx.prepare_cached("INSERT INTO dispatch (complaint_id, officer_id, at, console) VALUES (:c, :o, :at, :console)")?
            .execute(named_params! {":c": id, ":o": officer, ":at": ms(now), ":console": actor.console})?;
        tx.commit()?;
        Ok(())
    }

    fn resolve(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        outcome: Outcome,
        note: Option<&str>,
    ) -> Result<()> {
        let details = serde_json::json!({"outcome": outcome.as_str(), "note": note});
        change(self, actor, now, id, &Transition::Resolve(outcome), details)
    }

    /// The audit record keeps the reason's stable id and the words apart.
    fn reject(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        rejection: &Rejection,
    ) -> Result<()> {
        let t = Transition::Reject {
            reason: rejection.stored(),
        };
        let details =
            serde_json::json!({"reason": rejection.reason.as_str(), "note": rejection.note});
        change(self, actor, now, id, &t, details)
    }

    fn reopen(&mut self, actor: &Actor, now: DateTime<Utc>, id: i64, reason: &str) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::Transition {
                id,
                source: TransitionError::EmptyReason(Transition::Reopen.name()),
            });
        }
        change(
            self,
            actor,
            now,
            id,
            &Transition::Reopen,
            serde_json::json!({"reason": reason}),
        )
    }

    fn assign(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        grid: &str,
        reason: Option<&str>,
    ) -> Result<Assignment> {
        super::triage::assign(self, actor, now, id, grid, reason)
    }

    /// The complainant's phone number in clear, leaving an audit record of who
    /// looked (phones are masked everywhere else). `None` when there is none.
    fn reveal_phone(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
    ) -> Result<Option<String>> {
        let tx = self.write()?;
        let phone: Option<String> = tx
            .prepare_cached("SELECT reporter_phone FROM complaint WHERE id = :id")?
            .query_row(named_params! {":id": id}, |r| r.get(0))
            .optional()?
            .ok_or(StoreError::NoSuchComplaint(id))?;
        audit::record(
            &tx,
            actor,
            now,
            "complaint.phone_revealed",
            &format!("complaint:{id}"),
            serde_json::json!({}),
        )?;
        tx.commit()?;
        Ok(phone)
    }

    /// A manual escalation with a reason, to `target` (an officer id) if given,
    /// queued for `sinks` as an automatic stage is. Allowed on any open
    /// complaint; returns the escalation id.
    fn escalate_manual(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        id: i64,
        target: Option<&str>,
        reason: &str,
        sinks: &[&str],
    ) -> Result<i64> {
        let tx = self.write()?;
        let cur = current(&tx, id)?;
        if !cur.status.is_open() {
            return Err(StoreError::NotOpen {
                id,
                status: cur.status,
            });
        }
        if let Some(t) = target {
            check_officer(&tx, t)?;
        }
        tx.prepare_cached(
            "INSERT INTO escalation (complaint_id, stage, automatic, target_officer_id, at, by_actor, console, reason)
             VALUES (:c, 'manual', 0, :t, :at, :by, :console, :reason)",
        )?
        .execute(named_params! {
            ":c": id, ":t": target, ":at": ms(now), ":by": actor.name, ":console": actor.console, ":reason": reason,
        })?;
        let esc = tx.last_insert_rowid();
        super::outbox::queue(&tx, esc, sinks, now)?;
        audit::record(
            &tx,
            actor,
            now,
            "complaint.escalated",
            &format!("complaint:{id}"),
            serde_json::json!({"stage": "manual", "target": target, "reason": reason, "escalation": esc}),
        )?;
        tx.commit()?;
        Ok(esc)
    }
    /// Store one complaint in its own transaction (phone entry at a console).
    fn insert_complaint(
        &mut self,
        actor: &Actor,
        now: DateTime<Utc>,
        c: &NewComplaint,
        repeat_window: chrono::Duration,
    ) -> Result<Inserted> {
        let mut tx = self.intake(actor, now, repeat_window)?;
        let r = tx.complaint(c)?;
        tx.commit()?;
        Ok(r)
    }
}

/// One status change in its own transaction, with its audit record.
fn change(
    store: &mut SqliteStore,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    t: &Transition,
    details: serde_json::Value,
) -> Result<()> {
    let tx = store.write()?;
    apply(&tx, actor, now, id, t, details)?;
    tx.commit()?;
    Ok(())
}
