//! `gridwatch incident show ID`: one incident for people — its fields as
//! labelled lines (aligned in terminal cells, like `gridwatch show`), then
//! the checklist with due times and countdowns, personnel per role with
//! shortfalls, equipment per item with what is out, missing and short, the
//! reports, the facts and the timeline in sentences. A drill says so first.

use chrono::{DateTime, Utc};

use super::table::{header, table};
use super::words::{self as w, due, left, short_time};
use crate::cli::show::labelled;
use crate::cli::view::time;
use crate::config::Config;
use crate::domain::incident::resources::{ItemStanding, RoleStaffing};
use crate::domain::incident::{Fact, IncidentDetail, Severity, StepState};
use crate::i18n::{Lang, T, fill};
use crate::words::incident as values;

/// Everything `incident show` prints, as one text.
pub fn text(
    lang: Lang,
    config: &Config,
    now: DateTime<Utc>,
    d: &IncidentDetail,
    staffing: &[RoleStaffing],
    standing: &[ItemStanding],
) -> String {
    let mut out = String::new();
    if d.row.drill {
        out.push_str(T::IncCliDrillBanner.get(lang));
        out.push('\n');
    }
    out.push_str(&labelled(lang, &fields(lang, config, now, d)));
    let section = |out: &mut String, title: T, body: String| {
        out.push('\n');
        out.push_str(title.get(lang));
        out.push('\n');
        out.push_str(&body);
    };
    section(
        &mut out,
        T::IncCliChecklist,
        checklist(lang, config, now, d),
    );
    section(
        &mut out,
        T::IncCliPersonnel,
        super::resources::personnel(lang, config, d, staffing),
    );
    section(
        &mut out,
        T::IncCliEquipment,
        super::resources::equipment(lang, config, d, standing),
    );
    section(&mut out, T::IncCliReports, reports(lang, config, now, d));
    section(&mut out, T::IncCliFacts, facts(lang, d));
    section(&mut out, T::IncCliTimeline, timeline(lang, config, d));
    out
}

fn fields(lang: Lang, config: &Config, now: DateTime<Utc>, d: &IncidentDetail) -> Vec<(T, String)> {
    let r = &d.row;
    let tz = &config.settings.timezone;
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    let mut level = values::severity(lang, &r.severity);
    if let Severity::Unknown(q) = &r.severity
        && q.any()
    {
        let sep = if lang == Lang::Zh { "；" } else { "; " };
        let yes: Vec<&str> = q
            .yes
            .iter()
            .map(|q| values::question(*q).get(lang))
            .collect();
        level = format!("{level}{}{}", crate::words::colon(lang), yes.join(sep));
    }
    let mut status = values::status(r.status).get(lang).to_string();
    if r.drill {
        status = format!("{status} — {}", T::Drill.get(lang));
    }
    let progress = fill(
        T::IncCliProgress.get(lang),
        &[
            ("settled", &r.steps_settled.to_string()),
            ("total", &r.steps_total.to_string()),
        ],
    );
    let next = match (r.next_step, r.next_step_due_at) {
        (Some(n), Some(at)) => fill(
            T::IncCliNextStep.get(lang),
            &[("n", &n.to_string()), ("due", &due(lang, tz, at, now))],
        ),
        _ => "-".into(),
    };
    let report = match (r.initial_report_sent_at, r.initial_report_due_at) {
        (Some(sent), _) => fill(
            T::IncCliSentAt.get(lang),
            &[("time", &short_time(sent, tz))],
        ),
        (None, Some(at)) => due(lang, tz, at, now),
        (None, None) => "-".into(),
    };
    let mut out = vec![
        (T::IncCliFieldId, r.id.to_string()),
        (
            T::IncCliFieldPlan,
            format!("{}  {}", r.plan, values::bilingual(lang, &r.name)),
        ),
        (T::IncCliFieldType, r.kind.clone()),
        (T::IncCliFieldLevel, level),
        (T::IncCliFieldStatus, status),
        (T::IncCliFieldGrid, w::grid(config, &r.grid)),
        (T::IncCliFieldPlace, opt(r.place.clone())),
        (
            T::IncCliFieldComplaint,
            opt(r.complaint_id.map(|c| format!("#{c}"))),
        ),
        (T::IncCliFieldDiscovered, time(r.discovered_at, tz)),
        (T::IncCliFieldOpened, time(r.opened_at, tz)),
        (
            T::IncCliFieldFirstOnScene,
            opt(r.first_on_scene_at.map(|t| time(t, tz))),
        ),
    ];
    if let Some(c) = r.closed_at {
        out.push((T::IncCliFieldClosed, time(c, tz)));
    }
    out.extend([
        (T::IncCliFieldProgress, progress),
        (T::IncCliFieldNextStep, next),
        (T::IncCliFieldInitialReport, report),
        (T::IncCliFieldSummary, opt(r.summary.clone())),
    ]);
    out
}

fn checklist(lang: Lang, config: &Config, now: DateTime<Utc>, d: &IncidentDetail) -> String {
    let tz = &config.settings.timezone;
    let rows: Vec<Vec<String>> = d
        .steps
        .iter()
        .map(|s| {
            let (state, when, by, note) = match &s.state {
                StepState::Open => (
                    T::IncCliStepOpen.get(lang).to_string(),
                    left(lang, s.due_at, now),
                    String::new(),
                    String::new(),
                ),
                StepState::Done { at, by, note } => (
                    T::IncCliStepStateDone.get(lang).to_string(),
                    short_time(*at, tz),
                    crate::words::trail::who(lang, config, by),
                    note.clone().unwrap_or_default(),
                ),
                StepState::Skipped { at, by, reason } => (
                    T::IncCliStepStateSkipped.get(lang).to_string(),
                    short_time(*at, tz),
                    crate::words::trail::who(lang, config, by),
                    reason.clone(),
                ),
            };
            let mut text = values::bilingual(lang, &s.text).to_string();
            if s.ad_hoc {
                text = format!("{text} {}", T::IncCliAdHoc.get(lang));
            }
            vec![
                s.n.to_string(),
                text,
                s.role
                    .as_deref()
                    .map(|r| w::role(lang, Some(d), r))
                    .unwrap_or_default(),
                short_time(s.due_at, tz),
                when,
                state,
                by,
                note,
            ]
        })
        .collect();
    if rows.is_empty() {
        return format!("{}\n", T::IncCliNone.get(lang));
    }
    let h = header(
        lang,
        &[
            T::IncCliColN,
            T::IncCliColStep,
            T::IncCliColRole,
            T::IncCliColDue,
            T::IncCliColLeftOrAt,
            T::IncCliColState,
            T::IncCliColBy,
            T::IncCliColNote,
        ],
    );
    table(&h, &rows)
}

fn reports(lang: Lang, config: &Config, now: DateTime<Utc>, d: &IncidentDetail) -> String {
    let tz = &config.settings.timezone;
    let rows: Vec<Vec<String>> = d
        .reports
        .iter()
        .map(|r| {
            let countdown = match (r.sent_at, r.due_at) {
                (None, Some(at)) => left(lang, at, now),
                _ => String::new(),
            };
            vec![
                values::report(r.kind).get(lang).to_string(),
                r.due_at
                    .map(|t| short_time(t, tz))
                    .unwrap_or_else(|| "-".into()),
                countdown,
                r.sent_at
                    .map(|t| short_time(t, tz))
                    .unwrap_or_else(|| T::IncCliNotSent.get(lang).into()),
                r.sent_by
                    .as_deref()
                    .map(|b| crate::words::trail::who(lang, config, b))
                    .unwrap_or_default(),
                r.to.clone().unwrap_or_default(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return format!("{}\n", T::IncCliNone.get(lang));
    }
    let h = header(
        lang,
        &[
            T::IncCliColReport,
            T::IncCliColDue,
            T::IncCliColLeft,
            T::IncCliColSent,
            T::IncCliColBy,
            T::IncCliColTo,
        ],
    );
    table(&h, &rows)
}

/// Every fact the reports ask for: its latest text, or "not yet known".
fn facts(lang: Lang, d: &IncidentDetail) -> String {
    let rows: Vec<Vec<String>> = Fact::ALL
        .iter()
        .map(|f| {
            let text = d
                .facts
                .iter()
                .rev()
                .find(|(g, _)| g == f)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| T::IncCliUnknownYet.get(lang).into());
            vec![values::fact(*f).get(lang).to_string(), text]
        })
        .collect();
    let h = header(lang, &[T::IncCliColFact, T::IncCliColText]);
    table(&h, &rows)
}

fn timeline(lang: Lang, config: &Config, d: &IncidentDetail) -> String {
    let tz = &config.settings.timezone;
    let rows: Vec<Vec<String>> = d
        .timeline
        .iter()
        .map(|a| {
            vec![
                time(a.at, tz),
                crate::words::trail::actor(lang, config, a),
                crate::words::trail::sentence(lang, config, None, a),
            ]
        })
        .collect();
    if rows.is_empty() {
        return format!("{}\n", T::IncCliNone.get(lang));
    }
    let h = header(lang, &[T::CliColAt, T::CliColActor, T::CliColDetails]);
    table(&h, &rows)
}
