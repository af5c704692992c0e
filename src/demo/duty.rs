//! What the field and the duty officer do when a planned moment comes,
//! decided from the complaint as it stands now: dispatch the grid's
//! on-call officer, log an arrival radioed in, resolve, or chase an officer
//! who never arrived (escalate by hand, send the backup). A step a person
//! already took at a console is left alone: no command.

use chrono::{DateTime, Duration, Utc};

use crate::config::Config;
use crate::domain::complaint::{Outcome, Status};
use crate::domain::roster_swap::Swap;
use crate::domain::{ArrivalRequest, ComplaintRow};
use crate::ops::{Command, Target};

/// A planned moment on the simulation's agenda.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The public calls in a complaint.
    Call,
    Dispatch {
        id: i64,
    },
    /// The officer sent has not arrived: escalate and send the backup.
    Chase {
        id: i64,
    },
    /// An officer radios in: on site since `at`.
    Arrive {
        id: i64,
        at: DateTime<Utc>,
    },
    Resolve {
        id: i64,
        outcome: Outcome,
    },
    /// The field works the drill incident.
    Incident {
        id: i64,
        task: super::incident::Task,
    },
}

/// The commands `event` calls for on `row` at `now` (none for a call).
pub fn commands(
    config: &Config,
    swaps: &[Swap],
    event: &Event,
    row: &ComplaintRow,
    now: DateTime<Utc>,
) -> Vec<Command> {
    let id = row.id;
    match *event {
        Event::Call | Event::Incident { .. } => Vec::new(),
        Event::Dispatch { .. } => match row.status {
            Status::Received | Status::Reopened => on_call(config, swaps, row.grid.as_deref(), now)
                .0
                .map(|officer| Command::Dispatch { id, officer })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        },
        Event::Chase { .. } if row.status.awaits_arrival() => chase(config, swaps, row, now),
        Event::Chase { .. } => Vec::new(),
        Event::Arrive { at, .. } if row.status.awaits_arrival() => {
            let officer = row
                .dispatched_to
                .clone()
                .or_else(|| on_call(config, swaps, row.grid.as_deref(), now).0);
            let Some(officer) = officer else {
                return Vec::new();
            };
            let at = at.clamp(row.received_at, now);
            let note = (now - at > Duration::minutes(4)).then(|| {
                let hm = at.with_timezone(&config.settings.timezone).format("%H:%M");
                format!("电台报告 {hm} 到场，补录 / radioed in at {hm}, logged late")
            });
            vec![Command::Arrive(ArrivalRequest {
                complaint_id: id,
                officer,
                arrived_at: at,
                note,
            })]
        }
        Event::Arrive { .. } => Vec::new(),
        Event::Resolve { outcome, .. } if row.status.has_arrival() => vec![Command::Resolve {
            id,
            outcome,
            note: Some(resolution_note(outcome).to_string()),
        }],
        Event::Resolve { .. } => Vec::new(),
    }
}

/// The first officer never reported arriving: escalate, send the backup.
fn chase(config: &Config, swaps: &[Swap], row: &ComplaintRow, now: DateTime<Utc>) -> Vec<Command> {
    let (primary, backup, leader) = on_call(config, swaps, row.grid.as_deref(), now);
    let first = row.dispatched_to.clone().or(primary.clone());
    let next = [backup, leader, primary]
        .into_iter()
        .flatten()
        .find(|o| Some(o) != first.as_ref())
        .or(first.clone());
    let name = |o: &Option<String>| match o {
        Some(id) => match config.officers.get(id) {
            Some(p) => format!("{} ({id})", p.name),
            None => id.clone(),
        },
        None => "-".into(),
    };
    let (first_name, next_name) = (name(&first), name(&next));
    let mut cmds = vec![Command::Escalate {
        id: row.id,
        target: Target::OnCallLeader,
        reason: format!(
            "{first_name} 未到场、联系不上，改派 {next_name} / \
             {first_name} not on site and not answering; {next_name} sent instead"
        ),
    }];
    if let Some(officer) = next {
        cmds.push(Command::Dispatch {
            id: row.id,
            officer,
        });
    }
    cmds
}

/// Primary, backup and leader on call for `grid` (the city when none) at `now`.
fn on_call(
    config: &Config,
    swaps: &[Swap],
    grid: Option<&str>,
    now: DateTime<Utc>,
) -> (Option<String>, Option<String>, Option<String>) {
    let local = now.with_timezone(&config.settings.timezone).naive_local();
    let root = config
        .grids
        .root()
        .map(|g| g.id.as_str())
        .unwrap_or_default();
    let grid = grid
        .filter(|g| config.grids.get(g).is_some())
        .unwrap_or(root);
    match config
        .roster
        .current()
        .on_call(&config.grids, swaps, grid, local)
    {
        Some(oc) => (Some(oc.primary), oc.backup, oc.leader),
        None => (None, None, None),
    }
}

fn resolution_note(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Rectified => "现场责令停止，已整改 / stopped on the spot and corrected",
        Outcome::ViolationConfirmed => "查实违法，已立案 / violation confirmed, case opened",
        Outcome::NoViolation => "现场未发现问题 / nothing found on site",
        Outcome::Referred => "移交相关部门处理 / handed to the competent authority",
        Outcome::Other => "已处理 / dealt with",
    }
}

/// A command's words (note, reason) in the drill's language.
pub(super) fn in_lang(cmd: Command, lang: Option<crate::i18n::Lang>) -> Command {
    let said = |t: String| super::said(&t, lang);
    match cmd {
        Command::Arrive(mut req) => {
            req.note = req.note.map(said);
            Command::Arrive(req)
        }
        Command::Escalate { id, target, reason } => Command::Escalate {
            id,
            target,
            reason: said(reason),
        },
        Command::Resolve { id, outcome, note } => Command::Resolve {
            id,
            outcome,
            note: note.map(said),
        },
        Command::Incident(c) => Command::Incident(incident_in_lang(c, &said)),
        other => other,
    }
}

/// The drill incident's notes, facts and summary in the drill's language.
fn incident_in_lang(
    c: crate::ops::IncidentCommand,
    said: &dyn Fn(String) -> String,
) -> crate::ops::IncidentCommand {
    use crate::domain::incident::StepChange;
    use crate::ops::IncidentCommand as I;
    match c {
        I::Step {
            id,
            n,
            change: StepChange::Done { note },
        } => I::Step {
            id,
            n,
            change: StepChange::Done {
                note: note.map(said),
            },
        },
        I::Facts { id, facts } => I::Facts {
            id,
            facts: facts.into_iter().map(|(f, t)| (f, said(t))).collect(),
        },
        I::Open(mut o) => {
            o.summary = o.summary.map(said);
            I::Open(o)
        }
        other => other,
    }
}
