//! One evaluation pass: which open, unreached complaints have a stage due at
//! `now`, and who it alerts. Safe to run in any number of processes at once:
//! the store records each (complaint, stage) once.
//!
//! Only the latest due stage fires: a complaint already late when it is
//! first seen (ingested late, a daemon that was down) does not alert warn,
//! breach and critical in the same second. The earlier stages are recorded
//! as skipped under the same exactly-once key, so they never fire later.
//!
//! Open steps of open incidents (#10) go through the same stages relative
//! to each step's due time, exactly once per (step, stage), alerting by the
//! incident's grid; a step done or skipped never escalates.

use chrono::{DateTime, Duration, Utc};

use crate::config::Config;
use crate::domain::escalation::{Stage, Standing, due, stage_target, standing};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_follow_the_clock_not_the_offset() {
        let stage = Stage {
            name: "warn".into(),
            offset: Duration::minutes(-10),
            target: crate::domain::escalation::StageTarget::GridOnCall,
        };
        let deadline: DateTime<Utc> = "2026-11-30T10:00:00Z".parse().unwrap();
        let at = |m: i64, s: i64| deadline + Duration::minutes(m) + Duration::seconds(s);
        let say = |now| reason(&stage, deadline, now, "18:00");
        assert_eq!(
            say(at(-10, 0)),
            "warn: arrival deadline 18:00 in 10 min and nobody on site"
        );
        assert_eq!(
            say(at(-10, 1)),
            "warn: arrival deadline 18:00 in 10 min and nobody on site"
        );
        assert_eq!(
            say(at(0, 0)),
            "warn: arrival deadline 18:00 passed and nobody on site"
        );
        // Fired late, e.g. a complaint ingested 35 min after its deadline.
        assert_eq!(
            say(at(35, 0)),
            "warn: 35 min past the arrival deadline 18:00 and nobody on site"
        );
    }
}
use crate::domain::{Actor, Escalated, StageRecord, StepCandidate, StepStageRecord};
use crate::store::{Escalations, Rosters, SqliteStore, StoreError};

/// A stage this pass recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fired {
    pub escalation_id: i64,
    /// The complaint, or the step of an incident.
    pub about: Escalated,
    pub stage: String,
    pub target: Option<String>,
    /// Earlier stages recorded as skipped with it (they alert nobody).
    pub skipped: Vec<String>,
}

/// The sink names an escalation must be delivered through (besides consoles).
pub fn sinks(config: &Config) -> Vec<&'static str> {
    crate::domain::outbox::sinks(!config.settings.alerts.command.is_empty())
}

/// What the alert says, from where the deadline stands at `now` — not from
/// the stage's offset: a stage that fires late (a complaint ingested after
/// its deadline, a daemon that was down) must not say "in 10 min".
fn reason(
    stage: &Stage,
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
    deadline_local: &str,
) -> String {
    let name = &stage.name;
    match standing(deadline, now) {
        Standing::Before(m) => {
            format!("{name}: arrival deadline {deadline_local} in {m} min and nobody on site")
        }
        Standing::At => {
            format!("{name}: arrival deadline {deadline_local} passed and nobody on site")
        }
        Standing::After(m) => {
            format!("{name}: {m} min past the arrival deadline {deadline_local} and nobody on site")
        }
    }
}

/// Record every stage due at `now`. Returns what this pass recorded.
pub fn evaluate(
    store: &mut SqliteStore,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Fired>, StoreError> {
    let stages = &config.settings.stages;
    let Some(earliest) = stages.iter().map(|s| s.offset).min() else {
        return Ok(Vec::new());
    };
    // deadline + offset <= now  <=>  deadline <= now - offset
    let before = now - earliest;
    let sinks = sinks(config);
    let tz = config.settings.timezone;
    let local = now.with_timezone(&tz).naive_local();
    // Who is on call: roster.toml in force merged with the swaps recorded.
    let roster = config.roster.current();
    let swaps = store.swaps_around(local.date())?;
    let mut fired = Vec::new();
    for cand in store.escalation_candidates(before, stages.len())? {
        let pending: Vec<&Stage> = due(stages, cand.deadline_at, now, true)
            .into_iter()
            .filter(|s| !cand.fired.iter().any(|f| f == &s.name))
            .collect();
        // Only the latest due stage fires; the earlier ones are skipped.
        let Some((stage, earlier)) = pending.split_last() else {
            continue;
        };
        let skipped: Vec<&str> = earlier.iter().map(|s| s.name.as_str()).collect();
        let target = stage_target(
            &config.grids,
            &roster,
            &swaps,
            cand.grid.as_deref(),
            cand.dispatched_to.as_deref(),
            stage.target,
            local,
        );
        let deadline_local = cand
            .deadline_at
            .with_timezone(&tz)
            .format("%H:%M")
            .to_string();
        let why = reason(stage, cand.deadline_at, now, &deadline_local);
        let rec = StageRecord {
            complaint_id: cand.complaint_id,
            stage: &stage.name,
            target: target.as_deref(),
            reason: &why,
            sinks: &sinks,
            skipped: &skipped,
        };
        if let Some(id) = store.record_stage(actor, now, rec)? {
            tracing::warn!(complaint = cand.complaint_id, stage = %stage.name, target = ?target, skipped = ?skipped, "escalated");
            fired.push(Fired {
                escalation_id: id,
                about: Escalated::Complaint {
                    id: cand.complaint_id,
                },
                stage: stage.name.clone(),
                target,
                skipped: skipped.iter().map(|s| s.to_string()).collect(),
            });
        }
    }
    fired.extend(evaluate_steps(store, config, actor, now)?);
    Ok(fired)
}

/// The longest step text an alert quotes (characters): an SMS, not a page.
const STEP_TEXT_CHARS: usize = 60;

/// What a step's alert says, from where its due time stands at `now`.
fn step_reason(stage: &Stage, cand: &StepCandidate, now: DateTime<Utc>, due_local: &str) -> String {
    let name = &stage.name;
    let n = cand.n;
    let mut text: String = crate::text::sanitize(cand.text.pick(false))
        .chars()
        .take(STEP_TEXT_CHARS + 1)
        .collect();
    if text.chars().count() > STEP_TEXT_CHARS {
        text = text.chars().take(STEP_TEXT_CHARS - 1).collect::<String>() + "…";
    }
    match standing(cand.due_at, now) {
        Standing::Before(m) => format!("{name}: step {n} '{text}' due {due_local}, in {m} min"),
        Standing::At => format!("{name}: step {n} '{text}': due {due_local} passed"),
        Standing::After(m) => format!("{name}: step {n} '{text}' {m} min past due {due_local}"),
    }
}

/// The open steps of open incidents, with the same stages relative to each
/// step's due time; whom a stage alerts follows the incident's grid.
fn evaluate_steps(
    store: &mut SqliteStore,
    config: &Config,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Fired>, StoreError> {
    let stages = &config.settings.stages;
    let Some(earliest) = stages.iter().map(|s| s.offset).min() else {
        return Ok(Vec::new());
    };
    let sinks = sinks(config);
    let tz = config.settings.timezone;
    let local = now.with_timezone(&tz).naive_local();
    let roster = config.roster.current();
    let swaps = store.swaps_around(local.date())?;
    let mut fired = Vec::new();
    for cand in store.step_escalation_candidates(now - earliest, stages.len())? {
        let pending: Vec<&Stage> = due(stages, cand.due_at, now, true)
            .into_iter()
            .filter(|s| !cand.fired.iter().any(|f| f == &s.name))
            .collect();
        let Some((stage, earlier)) = pending.split_last() else {
            continue;
        };
        let skipped: Vec<&str> = earlier.iter().map(|s| s.name.as_str()).collect();
        let target = stage_target(
            &config.grids,
            &roster,
            &swaps,
            Some(&cand.grid),
            None,
            stage.target,
            local,
        );
        let due_local = cand.due_at.with_timezone(&tz).format("%H:%M").to_string();
        let why = step_reason(stage, &cand, now, &due_local);
        let rec = StepStageRecord {
            step_id: cand.step_id,
            stage: &stage.name,
            target: target.as_deref(),
            reason: &why,
            sinks: &sinks,
            skipped: &skipped,
        };
        if let Some(id) = store.record_step_stage(actor, now, rec)? {
            tracing::warn!(incident = cand.incident_id, step = cand.n, stage = %stage.name, target = ?target, skipped = ?skipped, "step escalated");
            fired.push(Fired {
                escalation_id: id,
                about: Escalated::Step {
                    incident_id: cand.incident_id,
                    n: cand.n,
                    drill: cand.drill,
                },
                stage: stage.name.clone(),
                target,
                skipped: skipped.iter().map(|s| s.to_string()).collect(),
            });
        }
    }
    Ok(fired)
}

/// How far ahead the next stage of any complaint can be: the evaluator may
/// sleep no longer than its tick; this is for tests and diagnostics.
pub fn latest_offset(config: &Config) -> Duration {
    config
        .settings
        .stages
        .iter()
        .map(|s| s.offset)
        .max()
        .unwrap_or_else(Duration::zero)
}
