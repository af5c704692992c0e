//! A swap of the on-call roster (#11): for one shift of one grid, one role
//! is held by another officer. Checked against the configuration in force
//! (grid, officer, shift, the shift not over, someone else than now, a
//! reason), then recorded in one transaction with its audit record
//! `roster_override:N`, saying whom it replaced.

use chrono::{DateTime, NaiveDate, Utc};

use super::command::OpError;
use super::limits::short;
use crate::config::Config;
use crate::domain::Actor;
use crate::domain::roster_swap::{NewSwap, Role, Slot};
use crate::store::Rosters;

/// Which shift a swap is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShiftPick {
    /// The shift running now.
    Now,
    /// The shift after the one running now.
    Next,
    /// Shift `shift` started on `date` (local).
    On { shift: String, date: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwapRequest {
    pub grid: String,
    pub when: ShiftPick,
    pub role: Role,
    /// The replacement.
    pub officer: String,
    pub reason: String,
}

/// What a swap did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Swapped {
    /// `roster_override:N`.
    pub id: i64,
    pub grid: String,
    pub shift: String,
    pub date: NaiveDate,
    pub role: Role,
    pub officer: String,
    /// Who held the role before (`None`: nobody did).
    pub replaced: Option<String>,
}

/// Why a swap was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SwapError {
    #[error("unknown grid '{0}'")]
    UnknownGrid(String),
    #[error("unknown officer '{0}'")]
    UnknownOfficer(String),
    #[error("no shift named '{0}' in roster.toml")]
    UnknownShift(String),
    /// No shift runs now (or none follows): roster.toml has no shifts.
    #[error("no shift is running at that time")]
    NoShift,
    #[error("the {shift} shift of {date} is already over")]
    ShiftOver { shift: String, date: NaiveDate },
    #[error("{officer} already holds that role in that shift")]
    SameOfficer { officer: String },
    #[error("a swap needs a reason")]
    NoReason,
}

pub(super) fn swap<S: Rosters>(
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
    let swaps = store.swaps(slot.date, slot.date)?;
    let held = roster
        .on_call_in(&config.grids, &swaps, &req.grid, &slot)
        .and_then(|oc| req.role.of(&oc).map(String::from));
    if held.as_deref() == Some(req.officer.as_str()) {
        return Err(SwapError::SameOfficer {
            officer: req.officer,
        }
        .into());
    }
    let new = NewSwap {
        grid: req.grid,
        shift: slot.shift,
        shift_date: slot.date,
        role: req.role,
        officer: req.officer,
        replaces: held,
        reason: reason.to_string(),
    };
    let id = store.record_swap(actor, now, &new)?;
    Ok(Swapped {
        id,
        grid: new.grid,
        shift: new.shift,
        date: new.shift_date,
        role: new.role,
        officer: new.officer,
        replaced: new.replaces,
    })
}
