//! Why an incident action was refused: typed, carrying what the words
//! need. The English here is the store's own; `words::incident_error` says
//! each in the console's language.

use chrono::{DateTime, Utc};

use super::plan::RoleNeed;
use super::state::{IncidentStatus, PersonStatus, ReportKind};

/// A refused incident action (the operator's to fix: exit 1).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IncidentError {
    #[error("no incident with id {0}")]
    NoSuchIncident(i64),
    #[error("no plan '{0}' (see config/plans/)")]
    NoSuchPlan(String),
    #[error("no item '{0}' in the inventory")]
    NoSuchItem(String),
    #[error("no depot '{0}' in the inventory")]
    NoSuchDepot(String),
    /// Opened from a complaint that has no grid, and no grid was given.
    #[error("complaint {0} has no grid: give one with --grid")]
    NoGrid(i64),
    /// Opened on its own without a grid.
    #[error("an incident needs a grid: give one with --grid")]
    GridNeeded,
    /// The complaint already has an open incident (open another only on purpose).
    #[error("complaint {complaint} already has incident {incident} open")]
    ComplaintHasIncident { complaint: i64, incident: i64 },
    #[error("the discovery time is {minutes} min in the future")]
    DiscoveredInFuture { minutes: i64 },
    /// A discovery time older than anyone opens an incident for (a typo'd year).
    #[error("the discovery time is {days} days ago; at most {max} days back")]
    DiscoveredLongAgo { days: i64, max: i64 },
    /// An added step due further ahead than an incident runs.
    #[error("due {due_at} is more than {max_days} days ahead")]
    DueTooFar {
        due_at: DateTime<Utc>,
        max_days: i64,
    },
    /// More of an item in one movement than any depot holds.
    #[error("{asked} at once is more than {max}")]
    QuantityTooLarge { asked: u32, max: u32 },
    /// An added step due before the moment it is added.
    #[error("due {due_at} is before now ({now})")]
    DueBeforeNow {
        due_at: DateTime<Utc>,
        now: DateTime<Utc>,
    },
    #[error("incident {id} has no step {n}")]
    NoSuchStep { id: i64, n: i64 },
    /// A step's state cannot change this way (`state` is `open`, `done` or `skipped`).
    #[error("incident {id}: step {n} is {state}")]
    StepIs {
        id: i64,
        n: i64,
        state: &'static str,
    },
    /// Checklist, people and equipment (other than returns) of a closed incident stay as they were.
    #[error("incident {0} is closed; reopen it first")]
    Closed(i64),
    /// A required text was empty (`field`: reason, text, role, to, fact).
    #[error("the {field} must not be empty")]
    Empty { field: &'static str },
    #[error(
        "incident {id}: {officer} as {role} cannot go from {} to {} (forward only)",
        .from.id(),
        .to.id()
    )]
    PersonMove {
        id: i64,
        officer: String,
        role: String,
        from: PersonStatus,
        to: PersonStatus,
    },
    #[error("incident {id}: cannot go from {} to {}", .from.id(), .to.id())]
    Status {
        id: i64,
        from: IncidentStatus,
        to: IncidentStatus,
    },
    /// A role that is not one of the incident's frozen plan roles
    /// (`roles`: the ones it has, to list in the refusal).
    #[error("incident {id} has no role '{role}'")]
    NoSuchRole {
        id: i64,
        role: String,
        roles: Vec<RoleNeed>,
    },
    #[error("incident {0}: the level is already that")]
    SameLevel(i64),
    #[error("the quantity must be more than 0")]
    ZeroQuantity,
    #[error("depot {depot} holds {held} of {item}, not {asked}")]
    OverStock {
        item: String,
        depot: String,
        asked: u32,
        held: i64,
    },
    #[error("incident {id} has {out} of {item} out from depot {depot}, not {asked}")]
    OverReturn {
        id: i64,
        item: String,
        depot: String,
        asked: u32,
        out: i64,
    },
    /// A dispatch without a depot: no single depot holds that many.
    #[error("no depot holds {asked} of {item}: name a depot with --depot")]
    NoDepotHolds { item: String, asked: u32 },
    /// A return without a depot, when it is out from several (or none).
    #[error("name the depot {item} goes back to with --depot")]
    DepotNeeded { item: String },
    /// A return of an item the incident has none of out.
    #[error("incident {id} has no {item} out: nothing to return")]
    NothingOut { id: i64, item: String },
    #[error("incident {id}: the {} report was sent at {at}", .kind.id())]
    ReportAlreadySent {
        id: i64,
        kind: ReportKind,
        at: DateTime<Utc>,
    },
}
