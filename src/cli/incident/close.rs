//! What `incident close` leaves behind, said after closing (#10): steps
//! still open, people not released, equipment still out per depot — one
//! warning line each on stderr, in the interface language. Closing is not
//! refused for them (a duty officer may close with loose ends); it is not
//! silent about them either.

use super::words as w;
use crate::config::Config;
use crate::domain::incident::{IncidentDetail, PersonStatus, StepState};
use crate::i18n::{Lang, T, fill};
use crate::words::incident as values;

/// The warnings for a just-closed incident; none when nothing is left.
pub fn loose_ends(lang: Lang, config: &Config, d: &IncidentDetail) -> Vec<String> {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let mut out = Vec::new();
    let open: Vec<String> = d
        .steps
        .iter()
        .filter(|s| matches!(s.state, StepState::Open))
        .map(|s| s.n.to_string())
        .collect();
    if !open.is_empty() {
        out.push(fill(
            T::IncFixClosedStepsOpen.get(lang),
            &[
                ("id", &d.row.id.to_string()),
                ("n", &open.len().to_string()),
                ("steps", &open.join(sep)),
            ],
        ));
    }
    let people: Vec<String> = d
        .personnel
        .iter()
        .filter(|p| p.status != PersonStatus::Released)
        .map(|p| {
            let about = format!(
                "{}{}{}",
                w::role(lang, Some(d), &p.role),
                if lang == Lang::Zh { "，" } else { ", " },
                values::person(p.status).get(lang)
            );
            format!(
                "{}{}",
                w::officer(config, &p.officer),
                crate::words::paren(lang, &about)
            )
        })
        .collect();
    if !people.is_empty() {
        out.push(fill(
            T::IncFixClosedPeople.get(lang),
            &[("id", &d.row.id.to_string()), ("people", &people.join(sep))],
        ));
    }
    // Per depot, in the order the record lists them.
    let mut depots: Vec<(&str, Vec<String>)> = Vec::new();
    for e in &d.equipment {
        let out_now = i64::from(e.dispatched) - i64::from(e.returned);
        let Some(depot) = e.depot.as_deref() else {
            continue;
        };
        if out_now <= 0 {
            continue;
        }
        let what = format!(
            "{} {}",
            w::quantity(lang, config, &e.item, out_now),
            w::item(lang, config, &e.item)
        );
        match depots.iter_mut().find(|(d, _)| *d == depot) {
            Some((_, items)) => items.push(what),
            None => depots.push((depot, vec![what])),
        }
    }
    if !depots.is_empty() {
        let per: Vec<String> = depots
            .iter()
            .map(|(dep, items)| {
                format!(
                    "{}{}{}",
                    w::depot(config, dep),
                    crate::words::colon(lang),
                    items.join(sep)
                )
            })
            .collect();
        let semi = if lang == Lang::Zh { "；" } else { "; " };
        out.push(fill(
            T::IncFixClosedEquipment.get(lang),
            &[("id", &d.row.id.to_string()), ("out", &per.join(semi))],
        ));
    }
    out
}
