//! Patrol operations (#11): log an on-site inspection of a pollution source
//! and a leader's township visit. Each is checked against the configuration
//! in force (the register, the officers, the grid tree) and the clock, then
//! written in one transaction with its audit record (`inspection:N`,
//! `visit:N`). Refusals are typed ([`PatrolError`]) and worded by
//! `words::patrol` in both languages.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::config::Config;
use crate::domain::inspection::{InspectionKind, InspectionResult, NewInspection, NewVisit};

/// How far in the future an inspection or visit may be dated (clock skew
/// between the field and the console).
pub const FUTURE_SLACK_MINUTES: i64 = 5;
/// How far back an inspection or visit may be logged: a record of this
/// year's work, not an archive import.
pub const MAX_AGE_DAYS: i64 = 366;

/// A patrol action.
#[derive(Debug, Clone, PartialEq)]
pub enum PatrolCommand {
    Inspect(NewInspection),
    Visit(NewVisit),
}

/// What a patrol action did.
#[derive(Debug, Clone, PartialEq)]
pub enum PatrolOutcome {
    Inspected {
        id: i64,
        enterprise: String,
        result: InspectionResult,
    },
    Visited {
        id: i64,
        township: String,
        officer: String,
        /// The township is not among the officer's linked ones (accepted:
        /// anyone may visit; the result line says so).
        unlinked: bool,
    },
}

/// Why a patrol action was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatrolError {
    #[error("no enterprise '{0}' in the register (see gridwatch sources)")]
    UnknownEnterprise(String),
    #[error("no officer '{0}' in officers.toml")]
    UnknownOfficer(String),
    #[error("an inspection needs at least one officer")]
    NoOfficer,
    #[error("no grid '{0}' in grids.toml")]
    UnknownGrid(String),
    #[error("{grid} is a level-{level} grid, not a township (level 2)")]
    NotTownship { grid: String, level: u8 },
    #[error("a visit needs a work-log note saying what was done")]
    NoteEmpty,
    #[error("the time is {minutes} minutes in the future")]
    InFuture { minutes: i64 },
    #[error("the time is {days} days ago: at most {MAX_AGE_DAYS} days back")]
    TooOld { days: i64 },
    #[error("the rectification deadline {rectify_by} is before the inspection ({on})")]
    DeadlineBeforeInspection {
        rectify_by: NaiveDate,
        on: NaiveDate,
    },
    #[error("a rectification deadline is for an inspection that found a problem")]
    DeadlineWithoutProblem,
    /// Problems written down on an inspection recorded as all right: one
    /// of the two is a mistake, and the record would say both.
    #[error("an inspection with no problem found lists no problems")]
    ProblemsWithOk,
    #[error("an inspection that found a problem needs the problems found")]
    ProblemsMissing,
    #[error("an inspection of kind complaint needs the complaint's id")]
    ComplaintMissing,
    #[error("a complaint id goes with an inspection of kind complaint")]
    ComplaintWithoutKind,
}

fn check_time(at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), PatrolError> {
    let ahead = (at - now).num_minutes();
    if at - now > Duration::minutes(FUTURE_SLACK_MINUTES) {
        return Err(PatrolError::InFuture { minutes: ahead });
    }
    let days = (now - at).num_days();
    if days > MAX_AGE_DAYS {
        return Err(PatrolError::TooOld { days });
    }
    Ok(())
}

fn check_officer(config: &Config, id: &str) -> Result<(), PatrolError> {
    if config.officers.contains_key(id) {
        Ok(())
    } else {
        Err(PatrolError::UnknownOfficer(id.to_string()))
    }
}

pub fn check_inspection(
    config: &Config,
    now: DateTime<Utc>,
    new: &NewInspection,
) -> Result<(), PatrolError> {
    if !config.enterprises.current().contains_key(&new.enterprise) {
        return Err(PatrolError::UnknownEnterprise(new.enterprise.clone()));
    }
    if new.officers.is_empty() {
        return Err(PatrolError::NoOfficer);
    }
    for o in &new.officers {
        check_officer(config, o)?;
    }
    check_time(new.at, now)?;
    match (new.kind, new.complaint) {
        (InspectionKind::Complaint, None) => return Err(PatrolError::ComplaintMissing),
        (k, Some(_)) if k != InspectionKind::Complaint => {
            return Err(PatrolError::ComplaintWithoutKind);
        }
        _ => {}
    }
    let problems = new
        .problems
        .as_deref()
        .is_some_and(|p| !p.trim().is_empty());
    match (new.result, new.rectify_by) {
        (InspectionResult::Ok, Some(_)) => return Err(PatrolError::DeadlineWithoutProblem),
        (InspectionResult::Ok, None) if problems => return Err(PatrolError::ProblemsWithOk),
        (InspectionResult::Problem, _) if !problems => return Err(PatrolError::ProblemsMissing),
        (InspectionResult::Problem, Some(by)) => {
            let on = new.at.with_timezone(&config.settings.timezone).date_naive();
            if by < on {
                return Err(PatrolError::DeadlineBeforeInspection { rectify_by: by, on });
            }
        }
        _ => {}
    }
    Ok(())
}

pub fn check_visit(config: &Config, now: DateTime<Utc>, new: &NewVisit) -> Result<(), PatrolError> {
    match config.grids.get(&new.township) {
        None => return Err(PatrolError::UnknownGrid(new.township.clone())),
        Some(g) if g.level != 2 => {
            return Err(PatrolError::NotTownship {
                grid: g.id.clone(),
                level: g.level,
            });
        }
        Some(_) => {}
    }
    check_officer(config, &new.officer)?;
    if new.note.trim().is_empty() {
        return Err(PatrolError::NoteEmpty);
    }
    check_time(new.at, now)
}
