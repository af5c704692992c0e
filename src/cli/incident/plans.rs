//! `gridwatch incident plans`: what can be opened and with what — each
//! plan's steps (with role and due offset), roles with counts, equipment and
//! materials with quantities, and every depot with its stock now (the count
//! of `inventory.toml` less what left since: `resources::depot_stock` over
//! the recorded movements). Ids first on every line, so nobody has to read
//! TOML to type `--plan`, `--role`, an item or `--depot`.

use serde_json::json;

use super::table::table;
use super::words as w;
use crate::cli::view::{json_text, time};
use crate::cli::{Context, Failure};
use crate::config::Config;
use crate::domain::incident::{DueOffsets, Plan, resources};
use crate::i18n::{Lang, T, fill};
use crate::store::{Durability, Incidents};
use crate::words::incident as values;

pub fn run(ctx: &Context, config: &Config, as_json: bool) -> Result<(), Failure> {
    let lang = ctx.lang(config);
    let store = ctx.open_store(config, Durability::Normal)?;
    let stock = resources::depot_stock(&config.inventory.depots, &store.item_moves()?);
    let tz = &config.settings.timezone;
    if as_json {
        let depots: Vec<_> = config
            .inventory
            .depots
            .values()
            .map(|d| {
                let now: serde_json::Map<String, serde_json::Value> = stock
                    .iter()
                    .filter(|((depot, _), _)| *depot == d.id)
                    .map(|((_, item), n)| (item.clone(), (*n).into()))
                    .collect();
                json!({"id": d.id, "name": d.name, "grid": d.grid, "counted": d.stock,
                       "counted_at": d.counted_at.map(|t| time(t, tz)), "stock": now})
            })
            .collect();
        let v = json!({
            "plans": config.plans.values().collect::<Vec<_>>(),
            "items": config.inventory.items.values().collect::<Vec<_>>(),
            "depots": depots,
        });
        outln!("{}", json_text(&v));
        return Ok(());
    }
    if config.plans.is_empty() {
        outln!(
            "{}",
            fill(
                T::IncCliNoPlans.get(lang),
                &[("files", "config/plans/*.toml")]
            )
        );
    }
    for plan in config.plans.values() {
        out!("{}\n", plan_text(lang, config, plan));
    }
    outln!("{}", T::IncCliDepots.get(lang));
    if config.inventory.depots.is_empty() {
        outln!(
            "{}",
            fill(
                T::IncCliNoDepots.get(lang),
                &[("files", "config/inventory.toml")]
            )
        );
        return Ok(());
    }
    let rows: Vec<Vec<String>> = config
        .inventory
        .depots
        .values()
        .flat_map(|d| {
            let stock = &stock;
            d.stock.iter().map(move |(item, counted)| {
                let now = stock.get(&(d.id.clone(), item.clone())).copied();
                vec![
                    d.id.clone(),
                    d.name.clone(),
                    w::grid(config, &d.grid),
                    format!("{item} {}", w::item(lang, config, item)),
                    w::quantity(lang, config, item, now.unwrap_or(i64::from(*counted))),
                    w::quantity(lang, config, item, counted),
                    d.counted_at
                        .map(|t| w::short_time(t, tz))
                        .unwrap_or_else(|| "-".into()),
                ]
            })
        })
        .collect();
    let header = [
        T::IncCliColDepot,
        T::IncCliColName,
        T::IncCliColGrid,
        T::IncCliColItem,
        T::IncCliColNow,
        T::IncCliColCounted,
        T::IncCliColCountedAt,
    ]
    .map(|t| t.get(lang));
    out!("{}", table(&header, &rows));
    Ok(())
}

/// Minutes as people say them: `30 min`, `4 h`, `15 d`.
fn duration(lang: Lang, minutes: i64) -> String {
    let (t, n) = match minutes {
        m if m != 0 && m % 1440 == 0 => (T::IncCliDays, m / 1440),
        m if m != 0 && m % 60 == 0 => (T::IncCliHours, m / 60),
        m => (T::IncCliMinutes, m),
    };
    fill(t.get(lang), &[("n", &n.to_string())])
}

/// `30 min`, or `240 min; I, II: 120 min` where levels differ.
fn offsets(lang: Lang, due: &DueOffsets) -> String {
    let minutes = |n: i64| duration(lang, n);
    let mut out = minutes(due.minutes);
    let mut by: Vec<(i64, Vec<&str>)> = Vec::new();
    for (level, m) in &due.by_level {
        match by.iter_mut().find(|(n, _)| n == m) {
            Some((_, ls)) => ls.push(level.id()),
            None => by.push((*m, vec![level.id()])),
        }
    }
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    for (m, levels) in by {
        out.push_str(if lang == Lang::Zh { "；" } else { "; " });
        out.push_str(&fill(
            T::IncCliByLevel.get(lang),
            &[("levels", &levels.join(sep)), ("due", &minutes(m))],
        ));
    }
    out
}

fn plan_text(lang: Lang, config: &Config, plan: &Plan) -> String {
    // The plan's name is text from a file: neutralised like every other.
    let mut out = crate::text::sanitize(&fill(
        T::IncCliPlanHeading.get(lang),
        &[
            ("id", &plan.id),
            ("name", values::bilingual(lang, &plan.name)),
            ("kind", &plan.kind),
        ],
    ));
    out.push('\n');
    out.push_str(&fill(
        T::IncCliPlanReports.get(lang),
        &[("due", &offsets(lang, &plan.reports.initial))],
    ));
    if let Some(m) = plan.reports.final_after_close_minutes {
        out.push_str(if lang == Lang::Zh { "；" } else { "; " });
        out.push_str(&fill(
            T::IncCliPlanFinal.get(lang),
            &[("due", &duration(lang, m))],
        ));
    }
    out.push('\n');
    let role = |id: &str| {
        plan.roles
            .iter()
            .find(|r| r.role == id)
            .map(|r| format!("{id} {}", values::bilingual(lang, &r.name)))
            .unwrap_or_else(|| id.to_string())
    };
    let steps: Vec<Vec<String>> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                (i + 1).to_string(),
                values::bilingual(lang, &s.text).to_string(),
                role(&s.role),
                offsets(lang, &s.due),
            ]
        })
        .collect();
    let h = [
        T::IncCliColN,
        T::IncCliColStep,
        T::IncCliColRole,
        T::IncCliColDueAfter,
    ]
    .map(|t| t.get(lang));
    out.push_str(&table(&h, &steps));
    let roles: Vec<Vec<String>> = plan
        .roles
        .iter()
        .map(|r| vec![role(&r.role), r.count.to_string()])
        .collect();
    let h = [T::IncCliColRole, T::IncCliColNeeded].map(|t| t.get(lang));
    out.push('\n');
    out.push_str(&table(&h, &roles));
    let items: Vec<Vec<String>> = plan
        .items
        .iter()
        .map(|n| {
            let kind = config
                .inventory
                .items
                .get(&n.item)
                .map(|i| values::item_kind(i.kind).get(lang))
                .unwrap_or("");
            vec![
                format!("{} {}", n.item, w::item(lang, config, &n.item)),
                w::quantity(lang, config, &n.item, n.quantity),
                kind.to_string(),
            ]
        })
        .collect();
    let h = [T::IncCliColItem, T::IncCliColQuantity, T::IncCliColKind].map(|t| t.get(lang));
    out.push('\n');
    out.push_str(&table(&h, &items));
    out
}
