//! Incident refusals with names (#10): the ids an [`IncidentError`] carries
//! (items, depots, officers, roles, plans) worded from the catalogue, the
//! officers and the incident's own frozen plan, quantities with their unit.
//! A front end that has the configuration (and the incident) says its
//! refusals here; [`super::incident_ops::error`] is the form without them.

use crate::config::Config;
use crate::domain::incident::{IncidentDetail, IncidentError};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;
use crate::words::incident::{bilingual, person};

/// An item by its catalogue name; an unknown one by id.
fn item(lang: Lang, config: &Config, id: &str) -> String {
    config
        .inventory
        .items
        .get(id)
        .map(|i| sanitize(bilingual(lang, &i.name)))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| sanitize(id))
}

/// `500 kg` / `500千克`: a quantity of an item with its unit.
fn quantity(lang: Lang, config: &Config, id: &str, n: impl std::fmt::Display) -> String {
    let unit = config
        .inventory
        .items
        .get(id)
        .map(|i| sanitize(bilingual(lang, &i.unit)))
        .unwrap_or_default();
    match (lang, unit.is_empty()) {
        (_, true) => n.to_string(),
        (Lang::Zh, false) => format!("{n}{unit}"),
        (Lang::En, false) => format!("{n} {unit}"),
    }
}

/// `D01 城关镇应急物资库`; an unknown depot by id.
fn depot(config: &Config, id: &str) -> String {
    match config.inventory.depots.get(id) {
        Some(d) => format!("{} {}", sanitize(id), sanitize(&d.name)),
        None => sanitize(id),
    }
}

/// `O011 王芳`; an unknown officer by id.
fn officer(config: &Config, id: &str) -> String {
    match config.officers.get(id) {
        Some(o) => format!("{} {}", sanitize(id), sanitize(&o.name)),
        None => sanitize(id),
    }
}

/// A role by the name the incident's frozen plan gives it; else by id.
fn role(lang: Lang, d: Option<&IncidentDetail>, id: &str) -> String {
    d.and_then(|d| d.roles.iter().find(|r| r.role == id))
        .map(|r| sanitize(bilingual(lang, &r.name)))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| sanitize(id))
}

/// Why an incident action was refused, with names: `d` is the incident the
/// action was about, when it exists.
pub fn error(lang: Lang, config: &Config, d: Option<&IncidentDetail>, e: &IncidentError) -> String {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    match e {
        IncidentError::NoSuchPlan(p) => {
            let ids: Vec<String> = config.plans.keys().map(|k| sanitize(k)).collect();
            if ids.is_empty() {
                say(T::IncFixNoPlans, &[("plan", &sanitize(p))])
            } else {
                let sep = if lang == Lang::Zh { "、" } else { ", " };
                say(
                    T::IncFixNoSuchPlanKnown,
                    &[("plan", &sanitize(p)), ("plans", &ids.join(sep))],
                )
            }
        }
        IncidentError::OverStock {
            item: it,
            depot: dep,
            asked,
            held,
        } => say(
            T::IncOpOverStock,
            &[
                ("item", &item(lang, config, it)),
                ("depot", &depot(config, dep)),
                ("asked", &quantity(lang, config, it, asked)),
                ("held", &quantity(lang, config, it, held)),
            ],
        ),
        IncidentError::OverReturn {
            id,
            item: it,
            depot: dep,
            asked,
            out,
        } => say(
            T::IncOpOverReturn,
            &[
                ("id", &id.to_string()),
                ("item", &item(lang, config, it)),
                ("depot", &depot(config, dep)),
                ("asked", &quantity(lang, config, it, asked)),
                ("out", &quantity(lang, config, it, out)),
            ],
        ),
        IncidentError::NoDepotHolds { item: it, asked } => say(
            T::IncOpNoDepotHolds,
            &[
                ("item", &item(lang, config, it)),
                ("asked", &quantity(lang, config, it, asked)),
            ],
        ),
        IncidentError::NothingOut { id, item: it } => say(
            T::IncOpNothingOut,
            &[("id", &id.to_string()), ("item", &item(lang, config, it))],
        ),
        IncidentError::DepotNeeded { item: it } => {
            say(T::IncOpDepotNeeded, &[("item", &item(lang, config, it))])
        }
        IncidentError::PersonMove {
            id,
            officer: who,
            role: r,
            from,
            to,
        } => say(
            T::IncOpPersonMove,
            &[
                ("id", &id.to_string()),
                ("officer", &officer(config, who)),
                ("role", &role(lang, d, r)),
                ("from", person(*from).get(lang)),
                ("to", person(*to).get(lang)),
            ],
        ),
        other => super::incident_ops::error(lang, &config.settings.timezone, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_items_depots_and_plans() {
        let config = Config::embedded().unwrap();
        let (item_id, it) = config.inventory.items.iter().next().unwrap();
        let dep = config.inventory.depots.keys().next().unwrap();
        let over = IncidentError::OverStock {
            item: item_id.clone(),
            depot: dep.clone(),
            asked: 600,
            held: 500,
        };
        let zh = error(Lang::Zh, &config, None, &over);
        assert!(
            zh.contains(&it.name.zh) && zh.contains(&format!("500{}", it.unit.zh)),
            "{zh}"
        );
        assert!(!zh.contains(item_id.as_str()), "{zh}");
        let plan = error(
            Lang::En,
            &config,
            None,
            &IncidentError::NoSuchPlan("nope".into()),
        );
        assert!(
            plan.contains("water-pollution") && !plan.contains("config/plans"),
            "{plan}"
        );
    }
}
