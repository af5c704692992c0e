//! A swap of the on-call roster (#11): for one shift of one grid, one role
//! is held by another officer. Checked against the configuration in force
//! (grid, officer, shift, the shift not over, someone else than now, a
//! reason), then recorded in one transaction with its audit record
//! `roster_override:N`, saying whom it replaced.

use chrono::NaiveDate;

use crate::domain::roster_swap::Role;

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
    /// The open complaints still dispatched to the officer replaced and
    /// nobody on site yet, when the swap is of the shift running now: they
    /// must be re-dispatched, the swap does not move them.
    pub still_dispatched: Vec<i64>,
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
    /// Primary and backup of one shift are two people: one officer in both
    /// leaves the shift with nobody to fall back on.
    #[error("{officer} is already the {other} of that shift")]
    HoldsOther { officer: String, other: String },
    /// Others kept swapping this shift while this swap was being decided.
    #[error("the roster of that shift kept changing: try again")]
    Busy,
}
