//! A shift handover (#11): both officers must be in officers.toml and be
//! two people, the note a paragraph, the sheet present and bounded; then
//! one transaction records the handover with its audit record.

use chrono::{DateTime, Utc};

use super::command::{OpError, Outcome};
use super::limits::short;
use crate::config::Config;
use crate::domain::Actor;
use crate::domain::handover::{HandoverError, NewHandover, SHEET_MAX_BYTES};
use crate::store::Handovers;

/// What a handover command carries.
pub struct Request {
    pub from: String,
    pub to: String,
    pub note: Option<String>,
    pub sheet: String,
    pub station: String,
}

/// Check a handover as the command line and the console ask for it (no store).
pub fn check(config: &Config, from: &str, to: &str) -> Result<(), HandoverError> {
    for (officer, incoming) in [(from, false), (to, true)] {
        if !config.officers.contains_key(officer) {
            return Err(HandoverError::UnknownOfficer {
                officer: officer.to_string(),
                incoming,
            });
        }
    }
    if from == to {
        return Err(HandoverError::SameOfficer(from.to_string()));
    }
    Ok(())
}

pub(super) fn perform<S: Handovers>(
    store: &mut S,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    r: Request,
) -> Result<Outcome, OpError> {
    let from = r.from.trim();
    let to = r.to.trim();
    check(config, from, to).map_err(OpError::Handover)?;
    short("note", r.note.as_deref())?;
    if r.sheet.trim().is_empty() {
        return Err(OpError::Handover(HandoverError::EmptySheet));
    }
    if r.sheet.len() > SHEET_MAX_BYTES {
        return Err(OpError::Handover(HandoverError::SheetTooBig {
            bytes: r.sheet.len(),
            max: SHEET_MAX_BYTES,
        }));
    }
    let name = |id: &str| {
        config
            .officers
            .get(id)
            .map_or(id, |o| o.name.as_str())
            .to_string()
    };
    let note = r
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let h = NewHandover {
        from: from.to_string(),
        to: to.to_string(),
        from_name: name(from),
        to_name: name(to),
        station: r.station.clone(),
        note,
        sheet: r.sheet,
    };
    let id = store.record_handover(actor, now, &h)?;
    Ok(Outcome::HandedOver {
        id,
        from: h.from,
        to: h.to,
        station: r.station,
    })
}
