//! The JSON of `incident list --json` and `incident show ID --json`: the
//! names of DESIGN.md §4.6, times RFC 3339 in the configured zone (like
//! `list --json`), the same in every interface language. Built here rather
//! than derived in the domain, which keeps UTC and its own field layout.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use serde_json::{Value, json};

use crate::cli::view::time;
use crate::domain::AuditEntry;
use crate::domain::incident::resources::{ItemStanding, RoleStaffing};
use crate::domain::incident::{IncidentDetail, IncidentRow, Severity, StepState};

/// One incident as `incident list --json` prints it.
pub fn row(r: &IncidentRow, tz: &Tz) -> Value {
    let t = |v: Option<chrono::DateTime<chrono::Utc>>| v.map(|v| time(v, tz));
    let questions: Vec<&str> = match &r.severity {
        Severity::Unknown(q) => q.yes.iter().map(|q| q.id()).collect(),
        Severity::Known(_) => vec![],
    };
    json!({
        "id": r.id,
        "plan": r.plan,
        "type": r.kind,
        "name": r.name,
        "level": r.level,
        // While unknown: the questions answered yes, and whether the I/II
        // deadlines apply.
        "questions": questions,
        "grave": r.severity.is_grave(),
        "status": r.status,
        "drill": r.drill,
        "grid": r.grid,
        "place": r.place,
        "complaint_id": r.complaint_id,
        "summary": r.summary,
        "discovered_at": time(r.discovered_at, tz),
        "opened_at": time(r.opened_at, tz),
        "first_on_scene_at": t(r.first_on_scene_at),
        "closed_at": t(r.closed_at),
        "steps_total": r.steps_total,
        "steps_settled": r.steps_settled,
        "next_step": r.next_step,
        "next_step_due_at": t(r.next_step_due_at),
        "initial_report_due_at": t(r.initial_report_due_at),
        "initial_report_sent_at": t(r.initial_report_sent_at),
    })
}

/// One incident with everything `incident show ID --json` adds.
pub fn detail(
    d: &IncidentDetail,
    tz: &Tz,
    staffing: &[RoleStaffing],
    standing: &[ItemStanding],
) -> Value {
    let mut v = row(&d.row, tz);
    v["steps"] = d
        .steps
        .iter()
        .map(|s| {
            let (done_at, done_by, note, skipped_at, skipped_by, reason) = match &s.state {
                StepState::Open => (None, None, None, None, None, None),
                StepState::Done { at, by, note } => (
                    Some(time(*at, tz)),
                    Some(by),
                    note.as_ref(),
                    None,
                    None,
                    None,
                ),
                StepState::Skipped { at, by, reason } => (
                    None,
                    None,
                    None,
                    Some(time(*at, tz)),
                    Some(by),
                    Some(reason),
                ),
            };
            json!({
                "n": s.n,
                "text": s.text,
                "role": s.role,
                "due_at": time(s.due_at, tz),
                "done_at": done_at,
                "done_by": done_by,
                "note": note,
                "skipped_at": skipped_at,
                "skipped_by": skipped_by,
                "skipped_reason": reason,
                "ad_hoc": s.ad_hoc,
            })
        })
        .collect();
    v["roles"] = d
        .roles
        .iter()
        .map(|r| json!({"role": r.role, "name": r.name, "count": r.count}))
        .collect();
    v["staffing"] = serde_json::to_value(staffing).unwrap_or_default();
    v["personnel"] = d
        .personnel
        .iter()
        .map(|p| {
            let history: BTreeMap<&str, String> = p
                .history
                .iter()
                .map(|(s, at)| (s.id(), time(*at, tz)))
                .collect();
            json!({"officer": p.officer, "role": p.role, "status": p.status,
                   "at": time(p.at, tz), "history": history})
        })
        .collect();
    v["equipment"] = d
        .equipment
        .iter()
        .map(|e| {
            json!({"item": e.item, "depot": e.depot, "required": e.required,
                   "requested": e.requested, "dispatched": e.dispatched, "returned": e.returned})
        })
        .collect();
    v["needs"] = d
        .needs
        .iter()
        .map(|n| json!({"item": n.item, "quantity": n.quantity}))
        .collect();
    v["standing"] = serde_json::to_value(standing).unwrap_or_default();
    v["reports"] = d
        .reports
        .iter()
        .map(|r| {
            json!({"kind": r.kind, "due_at": r.due_at.map(|t| time(t, tz)),
                   "sent_at": r.sent_at.map(|t| time(t, tz)), "sent_by": r.sent_by, "to": r.to})
        })
        .collect();
    v["facts"] = d
        .facts
        .iter()
        .map(|(f, text)| (f.id().to_string(), Value::from(text.as_str())))
        .collect::<serde_json::Map<_, _>>()
        .into();
    v["timeline"] = timeline(&d.timeline, tz);
    v
}

/// The incident's audit records, as `show --json` prints a complaint's.
pub fn timeline(entries: &[AuditEntry], tz: &Tz) -> Value {
    entries
        .iter()
        .map(|a| {
            json!({"seq": a.seq, "at": time(a.at, tz), "clock": a.clock, "actor": a.actor,
                   "console": a.console, "action": a.action, "details": a.details})
        })
        .collect()
}
