//! The delivery outbox's rows as the escalation code writes and reads
//! them: one row per (escalation, sink), for complaints and incident steps
//! alike.

use chrono::{DateTime, Utc};
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
