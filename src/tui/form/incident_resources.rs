//! The incident forms about people and things: assigning an officer (who is
//! on call for the incident's grid first, then everyone; the first role
//! short of people first), dispatching an item from a depot that holds it
//! (the incident's grid's first, then its town's and county's, then the
//! fullest, with their stock) and
//! returning it to where it came from.

use crate::tui::incident_words::item_words;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::build::{officer, on_call};
use super::incident::{about_incident, named, roles};
use super::{Choice, Field, Form, FormKind};
use crate::config::Config;
use crate::domain::incident::resources::ItemStanding;
use crate::domain::incident::{IncidentDetail, PersonStatus};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;
use crate::words::incident as iw;

impl Form {
    /// Assign an officer to a role: who is on call for the incident's grid
    /// first, then everyone; the first role short of people first.
    pub fn assign_person(
        d: &IncidentDetail,
        config: &Config,
        swaps: &[crate::domain::roster_swap::Swap],
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Form {
        let mut people = on_call(config, swaps, Some(&d.row.grid), now);
        for id in config.officers.keys() {
            if !people.iter().any(|c| &c.id == id) {
                people.push(officer(config, id));
            }
        }
        let staffing = crate::domain::incident::resources::staffing(&d.roles, &d.personnel);
        let short = staffing
            .iter()
            .find(|r| r.short > 0)
            .map(|r| r.role.clone());
        let roles = roles(d, lang);
        let role = Field {
            value: short
                .or_else(|| roles.first().map(|r| r.id.clone()))
                .unwrap_or_default(),
            ..Field::choice(T::IncUiFieldRole, roles, true)
        };
        let statuses = PersonStatus::ALL
            .iter()
            .filter(|s| **s != PersonStatus::Released)
            .map(|s| Choice::word(s.id(), iw::person(*s)))
            .collect();
        let fields = vec![
            Field::choice(T::FieldOfficer, people, false),
            role,
            Field::choice(T::IncUiFieldStatus, statuses, true),
        ];
        about_incident(FormKind::IncAssign, d, lang, fields)
    }

    /// Dispatch `item` from a depot that holds it (the incident's grid's
    /// first, then the fullest), as much as is missing and the depot holds.
    pub fn dispatch_item(
        d: &IncidentDetail,
        config: &Config,
        item: &ItemStanding,
        stock: &BTreeMap<(String, String), i64>,
        lang: Lang,
    ) -> Result<Form, String> {
        let (name, unit) = item_words(config, &item.item, lang);
        let mut depots: Vec<(&crate::domain::incident::Depot, i64)> = config
            .inventory
            .depots
            .values()
            .filter_map(|dp| {
                let n = stock
                    .get(&(dp.id.clone(), item.item.clone()))
                    .copied()
                    .unwrap_or(0);
                (n > 0).then_some((dp, n))
            })
            .collect();
        if depots.is_empty() {
            return Err(fill(T::IncUiNoStock.get(lang), &[("item", &name)]));
        }
        // The incident's own grid's depots first, then its town's, its
        // county's (nearest first), then the others; within each the fullest.
        let lineage: Vec<&str> = config
            .grids
            .lineage(&d.row.grid)
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        let near = |grid: &str| lineage.iter().position(|g| *g == grid);
        depots.sort_by_key(|(dp, n)| (near(&dp.grid).unwrap_or(usize::MAX), -n));
        let quantity = i64::from(item.missing.max(1)).min(depots[0].1);
        let choices = depots
            .iter()
            .map(|(dp, n)| Choice {
                detail: fill(
                    T::IncUiInStock.get(lang),
                    &[("n", &n.to_string()), ("unit", &unit)],
                ),
                ..named(&dp.id, sanitize(&dp.name))
            })
            .collect();
        let fields = vec![
            Field::choice(T::IncUiFieldItem, vec![named(&item.item, name)], true),
            Field::choice(T::IncUiFieldDepot, choices, false),
            Field::text(T::IncUiFieldQuantity, quantity.to_string()),
        ];
        Ok(Form {
            focus: 1,
            ..about_incident(FormKind::IncDispatch, d, lang, fields)
        })
    }

    /// Return `item` to a depot it came from, as much as is out from there.
    pub fn return_item(
        d: &IncidentDetail,
        config: &Config,
        item: &str,
        lang: Lang,
    ) -> Result<Form, String> {
        let (name, unit) = item_words(config, item, lang);
        let out: Vec<Choice> = d
            .equipment
            .iter()
            .filter(|r| r.item == item && r.dispatched > r.returned)
            .map(|r| {
                let depot = r.depot.clone().unwrap_or_default();
                let dname = config
                    .inventory
                    .depots
                    .get(&depot)
                    .map_or(depot.clone(), |x| sanitize(&x.name));
                let n = (r.dispatched - r.returned).to_string();
                Choice {
                    detail: fill(T::IncUiOut.get(lang), &[("n", &n), ("unit", &unit)]),
                    ..named(&depot, dname)
                }
            })
            .collect();
        let Some(first) = d
            .equipment
            .iter()
            .find(|r| r.item == item && r.dispatched > r.returned)
        else {
            return Err(fill(T::IncUiNothingOut.get(lang), &[("item", &name)]));
        };
        let fields = vec![
            Field::choice(T::IncUiFieldItem, vec![named(item, name)], true),
            Field::choice(T::IncUiFieldDepot, out, true),
            Field::text(
                T::IncUiFieldQuantity,
                (first.dispatched - first.returned).to_string(),
            ),
        ];
        Ok(Form {
            focus: 1,
            ..about_incident(FormKind::IncReturn, d, lang, fields)
        })
    }
}
