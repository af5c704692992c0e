//! Alerts nobody has acknowledged: the escalations among the newest
//! `look_back` whose complaint still waits for someone (open, nobody on
//! site) and that no console has acknowledged. One definition for the
//! console that starts (its banners shown silently) and for the handover
//! sheet of the command line.

use crate::domain::{AlertRef, EscalationRow};
use crate::store::{Alerts, Complaints, Escalations, StoreError};

/// The unacknowledged escalations of waiting complaints, oldest first.
pub fn unacknowledged<S>(store: &S, look_back: usize) -> Result<Vec<EscalationRow>, StoreError>
where
    S: Complaints + Escalations + Alerts,
{
    let recent = store.escalations_recent(look_back)?;
    let mut ids: Vec<i64> = recent.iter().map(|e| e.complaint_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let waiting: Vec<i64> = store
        .complaints_by_ids(&ids)?
        .into_iter()
        .filter(|c| c.status.is_open() && c.arrived_at.is_none() && c.status.awaits_arrival())
        .map(|c| c.id)
        .collect();
    let mut out = Vec::new();
    for e in recent.into_iter().rev() {
        if !waiting.contains(&e.complaint_id) {
            continue;
        }
        let acked = store
            .acks_of_complaint(e.complaint_id)?
            .iter()
            .any(|a| a.alert == AlertRef::Escalation(e.id));
        if !acked {
            out.push(e);
        }
    }
    Ok(out)
}
