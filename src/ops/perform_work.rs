//! Performing the grid-at-work commands (#11): a swap of who is on call,
//! an inspection or a township visit. Their values and refusals are in
//! `swap` and `patrol`; here they are checked against the configuration in
//! force and stored in one transaction each.

use chrono::{DateTime, Utc};

use super::command::OpError;
use super::limits::short;
use super::patrol::{PatrolCommand, PatrolOutcome, check_inspection, check_visit};
use super::swap::{ShiftPick, SwapError, SwapRequest, Swapped};
use crate::config::Config;
use crate::domain::roster_swap::{NewSwap, Role, Slot};
use crate::domain::{Actor, ListFilter};
use crate::store::{Complaints, Patrols, Rosters};

pub(super) fn swap<S: Rosters + Complaints>(
    store: &mut S,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    req: SwapRequest,
) -> Result<Swapped, OpError> {
    short("reason", Some(&req.reason))?;
    let reason = req.reason.trim();
    if reason.is_empty() {
        return Err(SwapError::NoReason.into());
    }
    if config.grids.get(&req.grid).is_none() {
        return Err(SwapError::UnknownGrid(req.grid).into());
    }
    if !config.officers.contains_key(&req.officer) {
        return Err(SwapError::UnknownOfficer(req.officer).into());
    }
    let roster = config.roster.current();
    let local = now.with_timezone(&config.settings.timezone).naive_local();
    let slot: Slot = match &req.when {
        ShiftPick::Now => roster.slot_at(local).ok_or(SwapError::NoShift)?,
        ShiftPick::Next => roster.slot_after(local).ok_or(SwapError::NoShift)?,
        ShiftPick::On { shift, date } => roster
            .slot(shift, *date)
            .ok_or_else(|| SwapError::UnknownShift(shift.clone()))?,
    };
    if slot.end <= local {
        return Err(SwapError::ShiftOver {
            shift: slot.shift,
            date: slot.date,
        }
        .into());
    }
    // Decided on the swaps recorded so far; recorded only if none came in
    // meanwhile (another console swapping the same day), else decided again.
    let mut tries = 0;
    let (id, new) = loop {
        tries += 1;
        let swaps = store.swaps(slot.date, slot.date)?;
        let now_on = roster.on_call_in(&config.grids, &swaps, &req.grid, &slot);
        let held = now_on
            .as_ref()
            .and_then(|oc| req.role.of(oc).map(String::from));
        if held.as_deref() == Some(req.officer.as_str()) {
            return Err(SwapError::SameOfficer {
                officer: req.officer,
            }
            .into());
        }
        // Primary and backup are two people.
        let other = match req.role {
            Role::Primary => Role::Backup,
            Role::Backup => Role::Primary,
            Role::Leader => Role::Leader,
        };
        if other != req.role
            && now_on.as_ref().and_then(|oc| other.of(oc)) == Some(req.officer.as_str())
        {
            return Err(SwapError::HoldsOther {
                officer: req.officer,
                other: other.as_str().to_string(),
            }
            .into());
        }
        let new = NewSwap {
            grid: req.grid.clone(),
            shift: slot.shift.clone(),
            shift_date: slot.date,
            role: req.role,
            officer: req.officer.clone(),
            replaces: held,
            reason: reason.to_string(),
            seen: swaps.iter().map(|s| s.id).max(),
        };
        match store.record_swap(actor, now, &new)? {
            Some(id) => break (id, new),
            None if tries < 20 => continue,
            None => return Err(SwapError::Busy.into()),
        }
    };
    let mut still_dispatched: Vec<i64> = match &new.replaces {
        Some(old) if slot.start <= local => store
            .list(ListFilter {
                open_only: true,
                limit: None,
            })?
            .into_iter()
            .filter(|c| c.status.awaits_arrival() && c.dispatched_to.as_deref() == Some(old))
            .map(|c| c.id)
            .collect(),
        _ => Vec::new(),
    };
    still_dispatched.sort_unstable();
    Ok(Swapped {
        id,
        grid: new.grid,
        shift: new.shift,
        date: new.shift_date,
        role: new.role,
        officer: new.officer,
        replaced: new.replaces,
        still_dispatched,
    })
}

/// Check `cmd` against `config` and `now`, then store it.
pub(super) fn patrol<S: Patrols>(
    store: &mut S,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    cmd: PatrolCommand,
) -> Result<PatrolOutcome, OpError> {
    match cmd {
        PatrolCommand::Inspect(new) => {
            check_inspection(config, now, &new)?;
            let id = store.record_inspection(actor, now, &new)?;
            Ok(PatrolOutcome::Inspected {
                id,
                enterprise: new.enterprise,
                result: new.result,
            })
        }
        PatrolCommand::Visit(new) => {
            check_visit(config, now, &new)?;
            let id = store.record_visit(actor, now, &new)?;
            let unlinked = config
                .officers
                .get(&new.officer)
                .is_some_and(|o| !o.townships.contains(&new.township));
            Ok(PatrolOutcome::Visited {
                id,
                township: new.township,
                officer: new.officer,
                unlinked,
            })
        }
    }
}

/// Refuse a problems text or note over the limit of every action.
pub(super) fn short_texts(cmd: &PatrolCommand) -> Result<(), OpError> {
    match cmd {
        PatrolCommand::Inspect(i) => {
            short("problems", i.problems.as_deref())?;
            short("note", i.note.as_deref())
        }
        PatrolCommand::Visit(v) => short("note", Some(&v.note)),
    }
}
