//! A shift handover (交接班): the sheet of everything open at an instant,
//! which the incoming officer confirms, and the record kept of it.
//!
//! Owns: what a sheet holds and in which order — complaints breached first
//! (most overrun first), then by time left, then those reached; running
//! incidents with their next open steps; alerts nobody acknowledged;
//! overdue patrols (or "not available" when no register answered);
//! calendar and intake-daemon warnings; the on-call swaps of the running
//! and the next shift. Pure: the instant and every fact
//! are arguments; the words are `report::handover`'s.

use chrono::{DateTime, NaiveDate, Utc};

use super::ComplaintRow;
use super::incident::{IncidentRow, StepRow};
use super::roster_swap::Swap;

/// How many open steps of a running incident the sheet names.
pub const NEXT_STEPS: usize = 3;

/// A handover to record, as the incoming officer confirmed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHandover {
    /// Outgoing and incoming officer ids, and their names (for the audit record).
    pub from: String,
    pub to: String,
    pub from_name: String,
    pub to_name: String,
    /// The console (duty-room station) it happened at: the header of the
    /// console of that name shows the incoming officer afterwards.
    pub station: String,
    pub note: Option<String>,
    /// The sheet as Markdown, in the language it was shown in.
    pub sheet: String,
}

/// The most a sheet may hold (bytes): pages of open matters, not a dump.
pub const SHEET_MAX_BYTES: usize = 1 << 20;

/// Why a handover was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandoverError {
    /// An officer not in officers.toml (`incoming`: which of the two).
    #[error("there is no officer '{officer}' in officers.toml")]
    UnknownOfficer { officer: String, incoming: bool },
    #[error("{0} cannot hand over to themselves")]
    SameOfficer(String),
    #[error("the handover sheet is empty")]
    EmptySheet,
    #[error("the handover sheet is {bytes} bytes; at most {max} are kept")]
    SheetTooBig { bytes: usize, max: usize },
}

/// A recorded handover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverRow {
    pub id: i64,
    pub from: String,
    pub to: String,
    pub at: DateTime<Utc>,
    pub station: String,
    pub note: Option<String>,
    pub sheet: String,
    /// Who typed it (the actor).
    pub by: String,
}

/// Who hands over to whom, where, when, with what note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub at: DateTime<Utc>,
    pub from: String,
    pub to: String,
    pub station: String,
    pub note: Option<String>,
}

/// A running incident with the open steps due soonest.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningIncident {
    pub row: IncidentRow,
    pub next_steps: Vec<StepRow>,
}

impl RunningIncident {
    /// `row` with its first [`NEXT_STEPS`] open steps of `steps`, soonest due first.
    pub fn new(row: IncidentRow, steps: &[StepRow]) -> Self {
        let mut open: Vec<StepRow> = steps
            .iter()
            .filter(|s| !s.state.is_settled())
            .cloned()
            .collect();
        open.sort_by_key(|s| (s.due_at, s.n));
        open.truncate(NEXT_STEPS);
        RunningIncident {
            row,
            next_steps: open,
        }
    }
}

/// An alert nobody has acknowledged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingAlert {
    pub complaint_id: i64,
    /// The escalation stage (`warn`, `breach`, `manual`…); `None` for a
    /// new complaint's alert.
    pub stage: Option<String>,
    /// Whom it alerted (an officer id).
    pub target: Option<String>,
    pub at: DateTime<Utc>,
}

/// A pollution source past its patrol due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverduePatrol {
    pub enterprise: String,
    pub name: String,
    pub grid: String,
    /// The last day in time; `None`: never inspected.
    pub due: Option<NaiveDate>,
    pub overdue_days: i64,
}

/// Why the calendar may mislead the incoming shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarWarning {
    /// This year has no arrangement: Mon–Fri is assumed.
    ThisYear { year: i32 },
    /// Next year has none and starts in `days_left` days.
    NextYear { year: i32, days_left: i64 },
    /// A calendar file was broken and left out (its error).
    LeftOut(String),
}

/// Why complaints may not be taken in or escalated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DaemonWarning {
    /// No heartbeat ever written to this database.
    Never,
    /// The last heartbeat is this old.
    Stale { age_seconds: i64 },
    /// It stopped cleanly at this instant.
    Stopped { at: DateTime<Utc> },
    /// A daemon beats for another database file.
    Elsewhere { db: String },
}

/// Everything open, as the sheet lists it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Open {
    pub complaints: Vec<ComplaintRow>,
    pub incidents: Vec<RunningIncident>,
    pub alerts: Vec<PendingAlert>,
    /// `None`: no pollution-source register answered (said so on the sheet).
    pub patrols: Option<Vec<OverduePatrol>>,
    pub calendar: Vec<CalendarWarning>,
    pub daemon: Option<DaemonWarning>,
    /// The on-call swaps of the running and the next shift, in the order
    /// recorded within each (#11 fix: the incoming shift must know them).
    pub swaps: Vec<Swap>,
}

/// Where a complaint stands at the handover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Nobody on site and the deadline passed this many seconds ago.
    Breached(i64),
    /// Nobody on site yet; this many seconds left.
    Left(i64),
    /// An officer is on site (or the arrival is logged).
    Reached,
}

/// Where `c` stands at `now`.
pub fn standing(c: &ComplaintRow, now: DateTime<Utc>) -> Standing {
    if c.arrived_at.is_some() || !c.status.awaits_arrival() {
        return Standing::Reached;
    }
    let left = (c.deadline_at - now).num_seconds();
    if left < 0 {
        Standing::Breached(-left)
    } else {
        Standing::Left(left)
    }
}

/// The handover sheet: who, when, and everything open, in the order read.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub head: Head,
    pub open: Open,
}

impl Sheet {
    /// The sheet of `open` at `head.at`: complaints breached first (most
    /// overrun first), then by time left, then those reached by id; open
    /// incidents real before drills, soonest next step first; alerts oldest
    /// first; patrols most overdue first.
    pub fn new(head: Head, mut open: Open) -> Self {
        let now = head.at;
        open.complaints.retain(|c| c.status.is_open());
        open.complaints.sort_by_key(|c| {
            let rank = match standing(c, now) {
                Standing::Breached(s) => (0, -s),
                Standing::Left(s) => (1, s),
                Standing::Reached => (2, 0),
            };
            (rank, c.id)
        });
        open.incidents.sort_by_key(|i| {
            (
                i.row.drill,
                i.next_steps
                    .first()
                    .map(|s| s.due_at)
                    .unwrap_or(DateTime::<Utc>::MAX_UTC),
                i.row.id,
            )
        });
        open.alerts.sort_by_key(|a| (a.at, a.complaint_id));
        if let Some(p) = open.patrols.as_mut() {
            // Never inspected first, then the most overdue.
            p.sort_by(|a, b| {
                (a.due.is_some(), -a.overdue_days, &a.enterprise).cmp(&(
                    b.due.is_some(),
                    -b.overdue_days,
                    &b.enterprise,
                ))
            });
        }
        Sheet { head, open }
    }
}
