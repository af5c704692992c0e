//! The delivery outbox's rows as the escalation code writes and reads
//! them: one row per (escalation, sink), for complaints and incident steps
//! alike.

use chrono::{DateTime, Utc};

use crate::domain::Actor;
use rusqlite::{Transaction, named_params};

use super::{from_ms, ms};
use crate::domain::OutboxState;
use crate::store::Result;

/// Queue escalation `id` for each sink, due at once.
pub(crate) fn queue(
    tx: &Transaction<'_>,
    id: i64,
    sinks: &[&str],
    now: DateTime<Utc>,
) -> Result<()> {
    for sink in sinks {
        tx.prepare_cached(
            "INSERT INTO outbox (escalation_id, sink, next_attempt_at) VALUES (:e, :sink, :at)
             ON CONFLICT (escalation_id, sink) DO NOTHING",
        )?
        .execute(named_params! {":e": id, ":sink": sink, ":at": ms(now)})?;
    }
    Ok(())
}

pub(crate) fn outbox_state(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxState> {
    Ok(OutboxState {
        id: r.get("id")?,
        escalation_id: r.get("escalation_id")?,
        sink: r.get("sink")?,
        attempts: r.get("attempts")?,
        next_attempt_at: from_ms(r.get("next_attempt_at")?),
        delivered_at: r.get::<_, Option<i64>>("delivered_at")?.map(from_ms),
        failed_at: r.get::<_, Option<i64>>("failed_at")?.map(from_ms),
        last_error: r.get("last_error")?,
        sending: r.get::<_, i64>("next_attempt_at")? == SENDING,
    })
}

/// `next_attempt_at` of a claimed row: never due (9999-12-31).
pub(crate) const SENDING: i64 = 253_402_300_799_000;

/// What an automatic stage is about: the escalation column that names it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Subject {
    Complaint(i64),
    Step(i64),
}

impl Subject {
    fn column(self) -> (&'static str, i64) {
        match self {
            Subject::Complaint(id) => ("complaint_id", id),
            Subject::Step(id) => ("step_id", id),
        }
    }
}

/// One automatic stage to record, with the earlier ones it skips.
pub(crate) struct Stage<'a> {
    pub stage: &'a str,
    pub skipped: &'a [&'a str],
    pub target: Option<&'a str>,
    pub reason: &'a str,
    pub sinks: &'a [&'a str],
}

/// A stage recorded: its escalation id, and each skipped stage with its id.
pub(crate) type Recorded = (i64, Vec<(String, i64)>);

/// Record `st` once for `subject` (the partial unique index decides), the
/// earlier stages as skipped under the same key — once skipped, a stage can
/// never fire later — and queue it for its sinks. `None` when another
/// evaluator recorded it first; else its id and the skipped ones' ids.
pub(crate) fn record_once(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    subject: Subject,
    st: &Stage<'_>,
) -> Result<Option<Recorded>> {
    let (column, id) = subject.column();
    let mut skipped = Vec::new();
    for stage in st.skipped {
        let n = tx
            .prepare_cached(&format!(
                "INSERT INTO escalation ({column}, stage, automatic, skipped, target_officer_id, at, by_actor, console, reason)
                 VALUES (:id, :stage, 1, 1, NULL, :at, :by, :console, :reason)
                 ON CONFLICT ({column}, stage) WHERE automatic = 1 DO NOTHING"
            ))?
            .execute(named_params! {
                ":id": id, ":stage": stage, ":at": ms(now), ":by": actor.name,
                ":console": actor.console,
                ":reason": format!("skipped: {} was already due", st.stage),
            })?;
        if n == 1 {
            skipped.push((stage.to_string(), tx.last_insert_rowid()));
        }
    }
    let inserted = tx
        .prepare_cached(&format!(
            "INSERT INTO escalation ({column}, stage, automatic, target_officer_id, at, by_actor, console, reason)
             VALUES (:id, :stage, 1, :target, :at, :by, :console, :reason)
             ON CONFLICT ({column}, stage) WHERE automatic = 1 DO NOTHING"
        ))?
        .execute(named_params! {
            ":id": id, ":stage": st.stage, ":target": st.target, ":at": ms(now),
            ":by": actor.name, ":console": actor.console, ":reason": st.reason,
        })?;
    if inserted == 0 {
        return Ok(None);
    }
    let esc = tx.last_insert_rowid();
    queue(tx, esc, st.sinks, now)?;
    Ok(Some((esc, skipped)))
}
