//! The incident commands (#10): check them against the configuration
//! (plans, grids, the inventory) and the record, then one store write each.
//!
//! Defaults decided here: the grid is the originating complaint's; the
//! discovery time is the complaint's `received_at`, else now, and never
//! more than a minute ahead; the place is the complaint's address. A
//! dispatch without a depot takes one that holds enough (the incident's
//! grid first); a return without a depot goes to the one depot it is out from.

use chrono::{DateTime, Duration, Utc};

use super::command::OpError;
use super::incident::{IncidentCommand, IncidentOutcome, OpenIncident};
use super::limits::short;
use crate::config::Config;
use crate::domain::Actor;
use crate::domain::incident::{
    IncidentError, IncidentStatus, ItemMoveRequest, NewIncident, StepChange,
};
use crate::store::{Complaints, Incidents, StoreError};

/// How far ahead of the clock a discovery time may be (clocks differ a little).
const DISCOVERY_SLACK: Duration = Duration::minutes(1);
/// The most an added step may be due ahead (an incident runs days, not months).
const MAX_DUE_AHEAD_DAYS: i64 = 30;
use crate::domain::incident::plan::MAX_QUANTITY;

/// Carry out an incident command as `actor` at `now`.
pub(super) fn perform<S: Incidents + Complaints>(
    store: &mut S,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    cmd: IncidentCommand,
) -> Result<IncidentOutcome, OpError> {
    check_lengths(&cmd)?;
    Ok(match cmd {
        IncidentCommand::Open(o) => open(store, config, actor, now, *o)?,
        IncidentCommand::Step { id, n, change } => {
            if let StepChange::Skip { reason } = &change {
                if reason.trim().is_empty() {
                    return Err(IncidentError::Empty { field: "reason" }.into());
                }
            }
            store.change_step(actor, now, id, n, &change)?;
            IncidentOutcome::StepChanged { id, n, change }
        }
        IncidentCommand::AddStep {
            id,
            text,
            role,
            due_at,
        } => {
            if due_at < now {
                return Err(IncidentError::DueBeforeNow { due_at, now }.into());
            }
            if due_at > now + Duration::days(MAX_DUE_AHEAD_DAYS) {
                return Err(IncidentError::DueTooFar {
                    due_at,
                    max_days: MAX_DUE_AHEAD_DAYS,
                }
                .into());
            }
            if let Some(r) = &role {
                super::incident_checks::role(store, id, r, None)?;
            }
            IncidentOutcome::StepAdded {
                id,
                n: store.add_step(actor, now, id, &text, role.as_deref(), due_at)?,
            }
        }
        IncidentCommand::Assign {
            id,
            officer,
            role,
            status,
        } => {
            super::incident_checks::role(store, id, &role, Some(&officer))?;
            let first_on_scene = store.assign_person(actor, now, id, &officer, &role, status)?;
            IncidentOutcome::Assigned {
                id,
                officer,
                role: role.trim().to_string(),
                status,
                first_on_scene,
            }
        }
        IncidentCommand::Equip {
            id,
            item,
            depot,
            movement,
            quantity,
        } => {
            if quantity == 0 {
                return Err(IncidentError::ZeroQuantity.into());
            }
            if quantity > MAX_QUANTITY {
                return Err(IncidentError::QuantityTooLarge {
                    asked: quantity,
                    max: MAX_QUANTITY,
                }
                .into());
            }
            if !config.inventory.items.contains_key(&item) {
                return Err(IncidentError::NoSuchItem(item).into());
            }
            let depot = match depot {
                Some(d) => Some(
                    config
                        .inventory
                        .depots
                        .get(&d)
                        .ok_or(IncidentError::NoSuchDepot(d))?,
                ),
                None => super::depot::default_depot(store, config, id, &item, movement, quantity)?,
            };
            let request = ItemMoveRequest {
                item: &item,
                depot,
                movement,
                quantity,
            };
            store.move_item(actor, now, id, request)?;
            IncidentOutcome::Equipped {
                id,
                depot: depot.map(|d| d.id.clone()),
                item,
                movement,
                quantity,
            }
        }
        IncidentCommand::Level { id, severity } => {
            let change = store.set_level(actor, now, id, &severity)?;
            IncidentOutcome::Leveled {
                id,
                severity,
                report_due_before: change.report_due_before,
                report_due_after: change.report_due_after,
            }
        }
        IncidentCommand::Status { id, status } => {
            store.set_incident_status(actor, now, id, status, None)?;
            IncidentOutcome::StatusChanged { id, status }
        }
        IncidentCommand::Close { id } => {
            store.set_incident_status(actor, now, id, IncidentStatus::Closed, None)?;
            IncidentOutcome::StatusChanged {
                id,
                status: IncidentStatus::Closed,
            }
        }
        IncidentCommand::Reopen { id, reason } => {
            if reason.trim().is_empty() {
                return Err(IncidentError::Empty { field: "reason" }.into());
            }
            store.set_incident_status(actor, now, id, IncidentStatus::Active, Some(&reason))?;
            IncidentOutcome::StatusChanged {
                id,
                status: IncidentStatus::Active,
            }
        }
        IncidentCommand::Facts { id, facts } => {
            store.record_facts(actor, now, id, &facts)?;
            IncidentOutcome::FactsRecorded {
                id,
                facts: facts.into_iter().map(|(f, _)| f).collect(),
            }
        }
        IncidentCommand::ReportSent { id, kind, to } => {
            store.report_sent(actor, now, id, kind, &to)?;
            IncidentOutcome::ReportSent {
                id,
                kind,
                to: to.trim().to_string(),
            }
        }
    })
}

/// Texts typed by a person are kept to [`super::TEXT_MAX_CHARS`].
fn check_lengths(cmd: &IncidentCommand) -> Result<(), OpError> {
    match cmd {
        IncidentCommand::Open(o) => {
            short("place", o.place.as_deref())?;
            short("summary", o.summary.as_deref())
        }
        IncidentCommand::Step { change, .. } => match change {
            StepChange::Done { note } => short("note", note.as_deref()),
            StepChange::Skip { reason } => short("reason", Some(reason)),
            StepChange::Undone => Ok(()),
        },
        IncidentCommand::AddStep { text, role, .. } => {
            short("text", Some(text))?;
            short("role", role.as_deref())
        }
        IncidentCommand::Assign { role, .. } => short("role", Some(role)),
        IncidentCommand::Reopen { reason, .. } => short("reason", Some(reason)),
        IncidentCommand::Facts { facts, .. } => facts
            .iter()
            .try_for_each(|(_, text)| short("fact", Some(text))),
        IncidentCommand::ReportSent { to, .. } => short("to", Some(to)),
        IncidentCommand::Equip { .. }
        | IncidentCommand::Level { .. }
        | IncidentCommand::Status { .. }
        | IncidentCommand::Close { .. } => Ok(()),
    }
}

fn open<S: Incidents + Complaints>(
    store: &mut S,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    o: OpenIncident,
) -> Result<IncidentOutcome, OpError> {
    let plan = config
        .plans
        .get(&o.plan)
        .ok_or_else(|| IncidentError::NoSuchPlan(o.plan.clone()))?;
    let complaint = match o.from_complaint {
        Some(id) => Some(store.complaint(id)?),
        None => None,
    };
    if let (Some(c), false) = (&complaint, o.again) {
        super::incident_checks::no_open_incident(store, c.id, o.drill)?;
    }
    let grid = match (o.grid, &complaint) {
        (Some(g), _) => g,
        (None, Some(c)) => c.grid.clone().ok_or(IncidentError::NoGrid(c.id))?,
        (None, None) => return Err(IncidentError::GridNeeded.into()),
    };
    if config.grids.get(&grid).is_none() {
        return Err(StoreError::NoSuchGrid(grid).into());
    }
    let discovered_at = o
        .discovered_at
        .or(complaint.as_ref().map(|c| c.received_at))
        .unwrap_or(now);
    let max_age = config.settings.limits.max_received_age;
    if discovered_at < now - max_age {
        return Err(IncidentError::DiscoveredLongAgo {
            days: (now - discovered_at).num_days(),
            max: max_age.num_days(),
        }
        .into());
    }
    if discovered_at > now + DISCOVERY_SLACK {
        let ahead = discovered_at - now;
        return Err(IncidentError::DiscoveredInFuture {
            minutes: (ahead.num_seconds() + 59) / 60,
        }
        .into());
    }
    let place = o
        .place
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .or_else(|| complaint.as_ref().and_then(|c| c.address.clone()));
    let new = NewIncident {
        plan: plan.clone(),
        severity: o.severity,
        grid,
        place,
        discovered_at,
        complaint_id: o.from_complaint,
        drill: o.drill,
        summary: o
            .summary
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
    };
    let id = store.open_incident(actor, now, &new)?;
    Ok(IncidentOutcome::Opened {
        id,
        next_due_at: plan
            .steps
            .iter()
            .map(|s| s.due.due_at(discovered_at, &new.severity))
            .min(),
        report_due_at: Some(plan.reports.initial.due_at(discovered_at, &new.severity)),
    })
}
