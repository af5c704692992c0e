//! The report as JSON (DESIGN.md §4.6): `{from, to, level, now, timezone,
//! definitions, grids: [...], unassigned, elsewhere, totals, sections}`; each row
//! `{kind (grid, unassigned, elsewhere, totals), grid, name (the grid's, or
//! the row's words as md and csv write them), level, parent, received, on_time, late, missing, pending,
//! on_time_rate, median_minutes, p90_minutes, by_source, by_category,
//! regimes, escalations, repeats, merged, rejected, reopened, incidents,
//! patrols, water: {sections, months_passed, months_failed,
//! months_without_data, verdict}}`; `sections` lists every outflow section
//! with its months. The rate is a fraction (0.875) of the percentage the
//! other formats print (87.5); minutes to a tenth; none is `null`.

use serde_json::{Map, Value, json};

use super::columns::percent;
use super::definitions::definitions;
use super::{Figures, INCIDENT_LEVELS, Report, Row, RowKind, labels, water};
use crate::domain::assess::Arrivals;
use crate::domain::complaint::{Category, Source};
use crate::i18n::Lang;

pub fn json(lang: Lang, tz: chrono_tz::Tz, report: &Report) -> Value {
    let defs: Map<String, Value> = definitions(lang)
        .map(|(k, term, text)| (k.to_string(), json!({"term": term, "text": text})))
        .collect();
    let grids: Vec<Value> = report
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Grid { .. }))
        .map(|r| row(lang, report, r))
        .collect();
    let special = |kind: RowKind| {
        report
            .rows
            .iter()
            .find(|r| r.kind == kind)
            .map_or(Value::Null, |r| row(lang, report, r))
    };
    json!({
        "from": report.period.from.to_string(),
        "to": report.period.to.to_string(),
        "level": report.level,
        "now": report.now.with_timezone(&tz).to_rfc3339(),
        "timezone": tz.name(),
        "start": report.period.start.with_timezone(&tz).to_rfc3339(),
        "end": report.period.end.with_timezone(&tz).to_rfc3339(),
        "definitions": defs,
        "grids": grids,
        "unassigned": special(RowKind::Unassigned),
        "elsewhere": special(RowKind::Elsewhere),
        "totals": row(lang, report, &report.totals),
        "sections": water::json_sections(report),
    })
}

fn rate(a: &Arrivals) -> Value {
    percent(a).map_or(Value::Null, |p| json!((p * 10.0).round() / 1000.0))
}

fn arrivals(a: &Arrivals) -> Value {
    json!({
        "on_time": a.on_time, "late": a.late, "missing": a.missing, "pending": a.pending,
        "on_time_rate": rate(a),
    })
}

fn row(lang: Lang, report: &Report, r: &Row) -> Value {
    let f: &Figures = &r.figures;
    let t = &f.tally;
    let all = t.arrivals();
    let kind = match &r.kind {
        RowKind::Grid { .. } => "grid",
        RowKind::Unassigned => "unassigned",
        RowKind::Elsewhere => "elsewhere",
        RowKind::Totals => "totals",
    };
    let (grid, level, parent) = match &r.kind {
        RowKind::Grid { id, level, parent } => (json!(id), json!(level), json!(parent)),
        _ => (Value::Null, Value::Null, Value::Null),
    };
    let by_source: Map<String, Value> = Source::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), json!(t.source(*s))))
        .collect();
    let by_category: Map<String, Value> = Category::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), json!(t.category(*c))))
        .collect();
    let mut escalations = Map::new();
    for stage in &report.stages {
        let s = t.escalations.get(stage).copied().unwrap_or_default();
        let v = if stage == "manual" {
            json!(s.fired)
        } else {
            json!({"fired": s.fired, "skipped": s.skipped})
        };
        escalations.insert(stage.clone(), v);
    }
    let by_level: Map<String, Value> = INCIDENT_LEVELS
        .iter()
        .map(|l| {
            (
                l.to_string(),
                json!(f.incidents.by_level.get(l).copied().unwrap_or(0)),
            )
        })
        .collect();
    let i = &f.incidents;
    let p = &f.patrols;
    json!({
        "kind": kind,
        "grid": grid,
        "name": labels::name(lang, r),
        "level": level,
        "parent": parent,
        "received": t.received,
        "on_time": all.on_time,
        "late": all.late,
        "missing": all.missing,
        "pending": all.pending,
        "on_time_rate": rate(&all),
        "median_minutes": t.median_minutes(),
        "p90_minutes": t.p90_minutes(),
        "by_source": by_source,
        "by_category": by_category,
        "regimes": {
            "workday_day": arrivals(&t.workday),
            "off_hours": arrivals(&t.off_hours),
        },
        "escalations": escalations,
        "repeats": t.repeats,
        "merged": t.merged,
        "rejected": t.rejected,
        "reopened": t.reopened,
        "incidents": {
            "total": i.total(),
            "by_level": by_level,
            "unknown": i.unknown,
            "reports": {
                "on_time": i.reports_on_time, "late": i.reports_late,
                "overdue": i.reports_overdue, "pending": i.reports_pending,
            },
        },
        "patrols": {"sources": p.sources, "due": p.due, "done": p.done, "overdue": p.overdue},
        "water": water::json_counts(&f.water),
    })
}
