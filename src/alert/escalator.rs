//! One evaluation pass: which open, unreached complaints have a stage due at
//! `now`, and who it alerts. Safe to run in any number of processes at once:
//! the store records each (complaint, stage) once.

use chrono::{DateTime, Duration, Utc};

use crate::config::Config;
use crate::domain::escalation::{Stage, due, target_officer};
use crate::store::{Actor, StageRecord, Store, StoreError};

/// A stage this pass recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fired {
    pub escalation_id: i64,
    pub complaint_id: i64,
    pub stage: String,
    pub target: Option<String>,
}

/// The sink names an escalation must be delivered through (besides consoles).
pub fn sinks(config: &Config) -> Vec<&'static str> {
    if config.settings.alerts.command.is_empty() {
        Vec::new()
    } else {
        vec![crate::alert::hook::SINK]
    }
}

fn reason(stage: &Stage, deadline_local: &str) -> String {
    let m = stage.offset.num_minutes();
    match m {
        m if m < 0 => format!(
            "{}: arrival deadline {deadline_local} in {} min and nobody on site",
            stage.name, -m
        ),
        0 => format!(
            "{}: arrival deadline {deadline_local} passed and nobody on site",
            stage.name
        ),
        m => format!(
            "{}: {m} min past the arrival deadline {deadline_local} and nobody on site",
            stage.name
        ),
    }
}

/// Record every stage due at `now`. Returns what this pass recorded.
pub fn evaluate(
    store: &mut Store,
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
    let mut fired = Vec::new();
    for cand in store.escalation_candidates(before, stages.len())? {
        for stage in due(stages, cand.deadline_at, now, true) {
            if cand.fired.iter().any(|f| f == &stage.name) {
                continue;
            }
            let target = target_officer(
                &config.grids,
                &config.roster,
                cand.grid.as_deref(),
                stage.target,
                local,
            );
            let deadline_local = cand
                .deadline_at
                .with_timezone(&tz)
                .format("%H:%M")
                .to_string();
            let why = reason(stage, &deadline_local);
            let rec = StageRecord {
                complaint_id: cand.complaint_id,
                stage: &stage.name,
                target: target.as_deref(),
                reason: &why,
                sinks: &sinks,
            };
            if let Some(id) = store.record_stage(actor, now, rec)? {
                tracing::warn!(complaint = cand.complaint_id, stage = %stage.name, target = ?target, "escalated");
                fired.push(Fired {
                    escalation_id: id,
                    complaint_id: cand.complaint_id,
                    stage: stage.name.clone(),
                    target,
                });
            }
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
