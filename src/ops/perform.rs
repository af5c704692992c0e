//! [`perform`]: one command, one transaction, one typed outcome — the same
//! for the command line and every console.

use chrono::{DateTime, Utc};

use super::command::{Command, OpError, Outcome, Target};
use super::limits::short;
use crate::config::Config;
use crate::domain::escalation::{StageTarget, target_officer};
use crate::domain::outbox::sinks;
use crate::domain::{Actor, Inserted};
use crate::store::{Actions, Alerts, Complaints, Handovers, Incidents, Merges, Patrols, Rosters};

/// Carry out `cmd` as `actor` at `now`.
pub fn perform<
    S: Actions + Complaints + Alerts + Incidents + Rosters + Merges + Patrols + Handovers,
>(
    store: &mut S,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    cmd: Command,
) -> Result<Outcome, OpError> {
    perform_any(store, config, actor, now, cmd).map_err(OpError::lifted)
}

fn perform_any<
    S: Actions + Complaints + Alerts + Incidents + Rosters + Merges + Patrols + Handovers,
>(
    store: &mut S,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
    cmd: Command,
) -> Result<Outcome, OpError> {
    match &cmd {
        Command::Arrive(req) => short("note", req.note.as_deref())?,
        Command::Escalate { reason, .. } => short("reason", Some(reason))?,
        Command::Resolve { note, .. } => short("note", note.as_deref())?,
        Command::Assign { reason, .. } => short("reason", reason.as_deref())?,
        Command::Reject { rejection, .. } => short("note", rejection.note.as_deref())?,
        Command::Reopen { reason, .. } => short("reason", Some(reason))?,
        Command::Patrol(c) => super::perform_work::short_texts(c)?,
        _ => {}
    }
    Ok(match cmd {
        Command::Arrive(req) => {
            store.arrive(actor, now, &req)?;
            let c = store.complaint(req.complaint_id)?;
            Outcome::Arrived {
                id: req.complaint_id,
                officer: req.officer,
                arrived_at: req.arrived_at,
                margin: c.deadline_at - req.arrived_at,
            }
        }
        Command::Dispatch { id, officer } => {
            store.dispatch(actor, now, id, &officer)?;
            Outcome::Dispatched { id, officer }
        }
        Command::Escalate { id, target, reason } => {
            if reason.trim().is_empty() {
                return Err(OpError::NoReason);
            }
            let target = match target {
                Target::Officer(o) => Some(o),
                Target::Nobody => None,
                Target::OnCallLeader => {
                    let c = store.complaint(id)?;
                    let local = now.with_timezone(&config.settings.timezone).naive_local();
                    target_officer(
                        &config.grids,
                        &config.roster.current(),
                        &store.swaps_around(local.date())?,
                        c.grid.as_deref(),
                        StageTarget::ParentGridLeader,
                        local,
                    )
                }
            };
            // The same sinks as an automatic stage: the command hook (SMS)
            // gets it from the outbox; consoles read the escalation itself.
            let sinks = sinks(!config.settings.alerts.command.is_empty());
            store.escalate_manual(actor, now, id, target.as_deref(), &reason, &sinks)?;
            Outcome::Escalated { id, target }
        }
        Command::Resolve { id, outcome, note } => {
            store.resolve(actor, now, id, outcome, note.as_deref())?;
            Outcome::Resolved { id, outcome }
        }
        Command::RevealPhone(id) => Outcome::Phone {
            id,
            phone: store.reveal_phone(actor, now, id)?,
        },
        Command::New(c) => {
            match store.insert_complaint(actor, now, &c, config.settings.repeat_window)? {
                Inserted::New(id) => Outcome::Created {
                    id,
                    deadline_at: c.deadline_at,
                },
                Inserted::Duplicate(id) => Outcome::AlreadyRecorded { id },
            }
        }
        Command::Assign { id, grid, reason } => {
            let before = store.assign(actor, now, id, &grid, reason.as_deref())?;
            Outcome::Assigned { id, grid, before }
        }
        Command::Reject { id, rejection } => {
            store.reject(actor, now, id, &rejection)?;
            Outcome::Rejected { id, rejection }
        }
        Command::Reopen { id, reason } => {
            if reason.trim().is_empty() {
                return Err(OpError::NoReopenReason);
            }
            store.reopen(actor, now, id, &reason)?;
            Outcome::Reopened { id }
        }
        Command::Acknowledge(alerts) => Outcome::Acknowledged {
            done: store.acknowledge(actor, now, &alerts)?,
            asked: alerts.len(),
        },
        Command::Merge { id, into } => Outcome::Merged {
            id,
            into,
            repeat_of: store.merge(actor, now, id, into)?,
        },
        Command::Incident(c) => Outcome::Incident(super::perform_incident::perform(
            store, config, actor, now, c,
        )?),
        Command::Swap(req) => {
            Outcome::Swapped(super::perform_work::swap(store, config, actor, now, req)?)
        }
        Command::Handover {
            from,
            to,
            note,
            sheet,
            station,
        } => super::handover::perform(
            store,
            config,
            actor,
            now,
            super::handover::Request {
                from,
                to,
                note,
                sheet,
                station,
            },
        )?,
        Command::Patrol(c) => {
            Outcome::Patrol(super::perform_work::patrol(store, config, actor, now, c)?)
        }
    })
}
