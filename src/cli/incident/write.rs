//! The writing actions of `gridwatch incident …`: each is checked
//! ([`parse`](super::parse)), turned into one [`IncidentCommand`], carried out
//! by `ops::perform` (one transaction with its audit record, the same as a
//! console's key) and answered with its outcome in words.

use chrono::{DateTime, Utc};

use super::args::IncidentAction;
use super::parse;
use crate::cli::{Context, Failure};
use crate::config::Config;
use crate::domain::incident::{IncidentDetail, IncidentStatus, Movement, resources};
use crate::i18n::{Lang, T, fill};
use crate::ops::{self, IncidentCommand, IncidentOutcome, OpenIncident};
use crate::store::{Durability, Incidents};
use crate::text::sanitize;

fn user(lang: Lang, t: T, args: &[(&str, &str)]) -> Failure {
    Failure::User(fill(t.get(lang), args))
}

/// The command an action asks for; `None` for the reading actions.
pub fn command(
    lang: Lang,
    config: &Config,
    now: DateTime<Utc>,
    action: IncidentAction,
) -> Result<Option<IncidentCommand>, Failure> {
    let tz = &config.settings.timezone;
    Ok(Some(match action {
        IncidentAction::Open {
            plan,
            grid,
            level,
            from_complaint,
            again,
            discovered,
            drill,
            place,
            summary,
            questions,
        } => {
            let severity = parse::severity(lang, &level, &questions)?;
            let discovered_at = discovered
                .map(|t| parse::time(lang, "--discovered", &t, tz, now))
                .transpose()?;
            IncidentCommand::Open(Box::new(OpenIncident {
                plan,
                grid,
                severity,
                place,
                from_complaint,
                discovered_at,
                drill,
                summary,
                again,
            }))
        }
        IncidentAction::Step {
            id,
            what,
            text,
            done,
            note,
            undo,
            skip,
            due,
            role,
        } => {
            if what.trim().eq_ignore_ascii_case("add") {
                if done || undo || skip.is_some() || note.is_some() {
                    return Err(user(
                        lang,
                        T::IncCliAddNoChange,
                        &[(
                            "flags",
                            &parse::list(lang, &["--done", "--undo", "--skip", "--note"]),
                        )],
                    ));
                }
                let (Some(text), Some(due)) = (text.filter(|t| !t.trim().is_empty()), due) else {
                    return Err(user(
                        lang,
                        T::IncCliAddNeedsText,
                        &[("usage", parse::ADD_USAGE)],
                    ));
                };
                IncidentCommand::AddStep {
                    id,
                    text,
                    role,
                    due_at: parse::due(lang, &due, tz, now)?,
                }
            } else {
                let n = parse::step_number(lang, &what)?;
                if let Some(text) = text {
                    return Err(user(
                        lang,
                        T::IncCliTextOnlyForAdd,
                        &[("text", &sanitize(&text)), ("usage", parse::ADD_USAGE)],
                    ));
                }
                if due.is_some() || role.is_some() {
                    return Err(user(
                        lang,
                        T::IncCliDueOnlyForAdd,
                        &[
                            ("flags", &parse::list(lang, &["--due", "--role"])),
                            ("usage", "`step ID add TEXT`"),
                        ],
                    ));
                }
                IncidentCommand::Step {
                    id,
                    n,
                    change: parse::step_change(lang, done, note, undo, skip)?,
                }
            }
        }
        IncidentAction::Assign {
            id,
            officer,
            role,
            status,
        } => IncidentCommand::Assign {
            id,
            officer,
            role,
            status: parse::person_status(lang, status.as_deref())?,
        },
        IncidentAction::Equip {
            id,
            item,
            requested,
            dispatched,
            returned,
            depot,
        } => {
            let (movement, quantity) = parse::movement(lang, requested, dispatched, returned)?;
            IncidentCommand::Equip {
                id,
                item,
                depot,
                movement,
                quantity,
            }
        }
        IncidentAction::Level {
            id,
            level,
            questions,
        } => IncidentCommand::Level {
            id,
            severity: parse::severity(lang, &level, &questions)?,
        },
        IncidentAction::Status { id, status } => IncidentCommand::Status {
            id,
            status: parse::incident_status(lang, &status)?,
        },
        IncidentAction::Close { id } => IncidentCommand::Close { id },
        IncidentAction::Reopen { id, reason } => IncidentCommand::Reopen { id, reason },
        IncidentAction::Facts {
            id,
            cause,
            course,
            pollutants,
            monitoring,
            casualties,
            impact,
            trend,
        } => IncidentCommand::Facts {
            id,
            facts: parse::facts(
                lang,
                [
                    cause, course, pollutants, monitoring, casualties, impact, trend,
                ],
            )?,
        },
        IncidentAction::List { .. }
        | IncidentAction::Show { .. }
        | IncidentAction::Report { .. }
        | IncidentAction::Plans { .. } => return Ok(None),
    }))
}

/// The incident a command is about (none before it is opened).
fn incident_of(c: &IncidentCommand) -> Option<i64> {
    match c {
        IncidentCommand::Open(_) => None,
        IncidentCommand::Step { id, .. }
        | IncidentCommand::AddStep { id, .. }
        | IncidentCommand::Assign { id, .. }
        | IncidentCommand::Equip { id, .. }
        | IncidentCommand::Level { id, .. }
        | IncidentCommand::Status { id, .. }
        | IncidentCommand::Close { id }
        | IncidentCommand::Reopen { id, .. }
        | IncidentCommand::Facts { id, .. }
        | IncidentCommand::ReportSent { id, .. } => Some(*id),
    }
}

/// A refusal in words with names; where the operation asks for something
/// the command line gives by a flag, the flag.
fn refusal(
    lang: Lang,
    config: &Config,
    d: Option<&IncidentDetail>,
    e: &crate::domain::incident::IncidentError,
) -> String {
    use crate::domain::incident::IncidentError as E;
    let why = crate::words::incident_named::error(lang, config, d, e);
    let flag = match e {
        E::ComplaintHasIncident { .. } => {
            return fill(
                T::IncFixOpenAgain.get(lang),
                &[("why", &why), ("flag", "--again")],
            );
        }
        E::GridNeeded | E::NoGrid(_) => "--grid",
        E::NoDepotHolds { .. } | E::DepotNeeded { .. } => "--depot",
        _ => return why,
    };
    fill(
        T::IncFixWithFlag.get(lang),
        &[("why", &why), ("flag", flag)],
    )
}

/// The incident an outcome is about.
fn id_of(o: &IncidentOutcome) -> i64 {
    match o {
        IncidentOutcome::Opened { id, .. }
        | IncidentOutcome::StepChanged { id, .. }
        | IncidentOutcome::StepAdded { id, .. }
        | IncidentOutcome::Assigned { id, .. }
        | IncidentOutcome::Equipped { id, .. }
        | IncidentOutcome::Leveled { id, .. }
        | IncidentOutcome::StatusChanged { id, .. }
        | IncidentOutcome::ReportSent { id, .. }
        | IncidentOutcome::FactsRecorded { id, .. } => *id,
    }
}

/// Carry out `cmd` through the operations layer and print what it did, with
/// the incident as it is now (role names, the drill marker, a depot's stock).
pub fn act(ctx: &Context, config: &Config, cmd: IncidentCommand) -> Result<(), Failure> {
    let lang = ctx.lang(config);
    let now = ctx.now();
    let mut store = ctx.open_store(config, Durability::Normal)?;
    let about = incident_of(&cmd);
    let depot_chosen = matches!(cmd, IncidentCommand::Equip { depot: None, .. });
    let outcome = match ops::perform(
        &mut store,
        config,
        &ctx.actor(),
        now,
        ops::Command::Incident(cmd),
    ) {
        Ok(ops::Outcome::Incident(o)) => o,
        Ok(other) => {
            return Err(Failure::Internal(format!(
                "an incident action answered {other:?}"
            )));
        }
        Err(ops::OpError::Incident(e)) => {
            let d = about.and_then(|id| store.incident(id).ok());
            return Err(Failure::User(refusal(lang, config, d.as_ref(), &e)));
        }
        Err(e) => return Err(e.into()),
    };
    let detail: Option<IncidentDetail> = store.incident(id_of(&outcome)).ok();
    let mut line =
        super::words::outcome(lang, config, now, &outcome, detail.as_ref(), depot_chosen);
    if let IncidentOutcome::Equipped {
        item,
        depot: Some(depot),
        movement: Movement::Dispatched | Movement::Returned,
        ..
    } = &outcome
    {
        let stock = resources::depot_stock(&config.inventory.depots, &store.item_moves()?);
        if let Some(n) = stock.get(&(depot.clone(), item.clone())) {
            line.push_str(&fill(
                T::IncCliDepotLeft.get(lang),
                &[("n", &super::words::quantity(lang, config, item, n))],
            ));
        }
    }
    outln!("{line}");
    if let (
        IncidentOutcome::StatusChanged {
            status: IncidentStatus::Closed,
            ..
        },
        Some(d),
    ) = (&outcome, &detail)
    {
        for warning in super::close::loose_ends(lang, config, d) {
            warnln!("{}", fill(T::CliWarning.get(lang), &[("text", &warning)]));
        }
    }
    Ok(())
}
