//! The reading actions: `incident list` and `incident show ID`, as tables
//! for people or as the JSON of DESIGN.md §4.6. Shortfalls are computed
//! here from what is recorded (`resources`), never stored.

use super::table::table;
use super::words::{self as w, left, short_time};
use super::{json, show};
use crate::cli::view::json_text;
use crate::cli::{Context, Failure};
use crate::config::Config;
use crate::domain::incident::{IncidentFilter, IncidentRow, resources};
use crate::i18n::{Lang, T, fill};
use crate::store::{Durability, Incidents};
use crate::words::incident as values;

pub fn list(ctx: &Context, config: &Config, open: bool, as_json: bool) -> Result<(), Failure> {
    let lang = ctx.lang(config);
    let store = ctx.open_store(config, Durability::Normal)?;
    let rows = store.incidents(IncidentFilter {
        open_only: open,
        no_drills: false,
    })?;
    let tz = &config.settings.timezone;
    if as_json {
        let v: Vec<_> = rows.iter().map(|r| json::row(r, tz)).collect();
        outln!("{}", json_text(&v));
    } else if rows.is_empty() {
        let t = if open {
            T::IncCliNoOpenIncidents
        } else {
            T::IncCliNoIncidents
        };
        outln!("{}", t.get(lang));
    } else {
        out!("{}", list_table(lang, config, &rows, ctx.now()));
    }
    Ok(())
}

fn list_table(
    lang: Lang,
    config: &Config,
    rows: &[IncidentRow],
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let tz = &config.settings.timezone;
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let next = match (r.next_step, r.next_step_due_at) {
                (Some(n), Some(at)) => {
                    format!("{n}  {}  {}", short_time(at, tz), left(lang, at, now))
                }
                _ => "-".into(),
            };
            let report = match (r.initial_report_sent_at, r.initial_report_due_at) {
                (Some(t), _) => fill(T::IncCliSentAt.get(lang), &[("time", &short_time(t, tz))]),
                (None, Some(at)) => format!("{}  {}", short_time(at, tz), left(lang, at, now)),
                (None, None) => "-".into(),
            };
            vec![
                r.id.to_string(),
                w::drill(lang, r.drill).to_string(),
                values::severity(lang, &r.severity),
                values::status(r.status).get(lang).to_string(),
                format!("{} {}", r.plan, values::bilingual(lang, &r.name)),
                w::grid(config, &r.grid),
                short_time(r.discovered_at, tz),
                format!("{}/{}", r.steps_settled, r.steps_total),
                next,
                report,
            ]
        })
        .collect();
    let header = [
        T::IncCliColId,
        T::Drill,
        T::IncCliColLevel,
        T::IncCliColStatus,
        T::IncCliColPlan,
        T::IncCliColGrid,
        T::IncCliColDiscovered,
        T::IncCliColSteps,
        T::IncCliColNext,
        T::IncCliColInitial,
    ]
    .map(|t| t.get(lang));
    table(&header, &body)
}

pub fn show(ctx: &Context, config: &Config, id: i64, as_json: bool) -> Result<(), Failure> {
    let lang = ctx.lang(config);
    let store = ctx.open_store(config, Durability::Normal)?;
    let d = store.incident(id)?;
    let stock = resources::depot_stock(&config.inventory.depots, &store.item_moves()?);
    let staffing = resources::staffing(&d.roles, &d.personnel);
    let standing = resources::item_standing(&d.needs, &d.equipment, &stock);
    let alerts = store.step_escalations(id)?;
    if as_json {
        let mut v = json::detail(&d, &config.settings.timezone, &staffing, &standing);
        v["alerts"] = super::alerts::json(&alerts, &config.settings.timezone);
        outln!("{}", json_text(&v));
    } else {
        out!(
            "{}",
            show::text(lang, config, ctx.now(), &d, &staffing, &standing)
        );
        out!(
            "\n{}\n{}",
            T::IncCliAlerts.get(lang),
            super::alerts::text(lang, config, &alerts)
        );
    }
    Ok(())
}
