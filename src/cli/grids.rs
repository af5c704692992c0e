//! `gridwatch grids [--json]` (#11): the grid tree with its responsible
//! people by name, township class, staffing against the plan and the
//! figures per grid (sub-grids included), from `board::grids`.

use serde_json::{Value, json};

use super::view::{json_text, table};
use super::{Context, Failure};
use crate::board::grids::{GridBoard, GridRow, Person};
use crate::i18n::{Lang, T, fill};
use crate::store::Durability;
use crate::words::grids as w;

pub(super) fn run(ctx: &Context, as_json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let store = ctx.open_store(&config, Durability::Normal)?;
    let board = GridBoard::load(&store, &config, ctx.now())?;
    if as_json {
        let rows: Vec<Value> = board.rows.iter().map(row_json).collect();
        outln!("{}", json_text(&rows));
        return Ok(());
    }
    out!("{}", text(lang, &board));
    Ok(())
}

fn person_json(p: &Person) -> Value {
    json!({"id": p.id, "name": p.name, "phone": p.phone})
}

/// One grid as DESIGN.md §4.6 names it, and more.
fn row_json(r: &GridRow) -> Value {
    let s = &r.staffing;
    json!({
        "id": r.id,
        "name": r.name,
        "level": r.level,
        "parent": r.parent,
        "class": r.class,
        "first_responsible": r.first_responsible.as_ref().map(person_json),
        "main_responsible": r.main_responsible.as_ref().map(person_json),
        "specific_responsible": r.specific_responsible.iter().map(person_json).collect::<Vec<_>>(),
        "group_leader": r.group_leader.as_ref().map(person_json),
        "staff": s.staff,
        "staff_unit": w::unit(s),
        "staff_minimum": s.requirement.minimum,
        "staff_maximum": s.requirement.maximum,
        "shortfall": s.shortfall,
        "problems": s.problems.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        "open": r.figures.open,
        "breached": r.figures.breached,
        "overdue_patrols": r.figures.overdue_patrols,
        "active_incidents": r.figures.active_incidents,
    })
}

fn name(p: &Option<Person>) -> String {
    p.as_ref().map_or_else(|| "-".into(), who)
}

fn who(p: &Person) -> String {
    if p.name.is_empty() {
        p.id.clone()
    } else {
        p.name.clone()
    }
}

fn text(lang: Lang, board: &GridBoard) -> String {
    if board.rows.is_empty() {
        return format!("{}\n", T::GridNone.get(lang));
    }
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let body: Vec<Vec<String>> = board
        .rows
        .iter()
        .map(|r| {
            let s = &r.staffing;
            let specific = if r.level == 4 {
                fill(T::GridEnterprises.get(lang), &[("n", &s.staff.to_string())])
            } else {
                r.specific_responsible
                    .iter()
                    .map(who)
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            vec![
                format!("{}{} {}", "  ".repeat(r.depth), r.id, r.name),
                w::class(r.level, r.class),
                name(&r.first_responsible),
                name(&r.main_responsible),
                specific,
                name(&r.group_leader),
                w::staff(s),
                format!("{} {}", w::mark(s), w::problems(lang, s)),
                r.figures.open.to_string(),
                r.figures.breached.to_string(),
                r.figures
                    .overdue_patrols
                    .map_or_else(|| "–".into(), |n| n.to_string()),
                r.figures.active_incidents.to_string(),
            ]
        })
        .collect();
    let header = [
        T::GridColGrid,
        T::GridColClass,
        T::GridColFirst,
        T::GridColMain,
        T::GridColSpecific,
        T::GridColLeader,
        T::GridColStaff,
        T::GridColShort,
        T::GridColOpen,
        T::GridColBreached,
        T::GridColPatrols,
        T::GridColIncidents,
    ]
    .map(|t| t.get(lang));
    let mut out = table(&header, &body);
    if board.unassigned_open > 0 {
        out.push_str(&fill(
            T::GridNoGridOpen.get(lang),
            &[("n", &board.unassigned_open.to_string())],
        ));
        out.push('\n');
    }
    out.push_str(T::GridLegend.get(lang));
    out.push('\n');
    out
}
