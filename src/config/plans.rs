//! `plans/*.toml`: one emergency plan (预案) per file, its id the file's
//! stem. A plan names its incident type, its roles with counts, its ordered
//! steps (text in both languages, the role that does it, minutes after
//! discovery, per level where they differ), the equipment and materials it
//! needs, and when the upward reports are due. Every error is located and
//! collected, like the rest of `validate.rs`.
//!
//! No plans at all is a warning, not an error: incidents cannot be opened,
//! and `check-config --strict` fails on it.

use crate::domain::incident::plan::MAX_QUANTITY;
use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::Files;
use super::inventory::{ItemRefs, is_identifier, required_text};
use super::plan_due::{ReportsSection, due, reports};
use super::source::{ConfigError, TomlFile, key_path};
use crate::domain::incident::{Bilingual, Inventory, ItemNeed, Plan, PlanStep, RoleNeed};

#[derive(Debug, Deserialize)]
struct PlanFile {
    kind: Option<String>,
    name: Option<String>,
    name_zh: Option<String>,
    reports: Option<ReportsSection>,
    #[serde(default)]
    role: Vec<RoleEntry>,
    #[serde(default)]
    step: Vec<StepEntry>,
    #[serde(default)]
    item: Vec<ItemEntry>,
}

#[derive(Debug, Deserialize)]
struct RoleEntry {
    #[serde(default)]
    id: String,
    name: Option<String>,
    name_zh: Option<String>,
    count: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct StepEntry {
    text: Option<String>,
    text_zh: Option<String>,
    role: Option<String>,
    due_minutes: Option<i64>,
    #[serde(default)]
    due_by_level: BTreeMap<String, i64>,
}

#[derive(Debug, Deserialize)]
struct ItemEntry {
    #[serde(default)]
    id: String,
    quantity: Option<i64>,
}

/// A plan id (the file's stem): lowercase letters, digits, `-` and `_`.
fn is_plan_id(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// `plans/*.toml` in `dir`, sorted (none when there is no `plans/`).
pub(super) fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("plans"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
                .map(|n| format!("plans/{n}"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Every `plans/*.toml` of `files`, validated, by id.
pub(super) fn plans(
    files: &Files,
    inventory: &Inventory,
    items: &ItemRefs,
    plans_dir: &str,
    errors: &mut Vec<ConfigError>,
    warnings: &mut Vec<String>,
) -> BTreeMap<String, Plan> {
    let mut out = BTreeMap::new();
    for (name, f) in files.iter().filter(|(n, _)| n.starts_with("plans/")) {
        let id = name
            .trim_start_matches("plans/")
            .trim_end_matches(".toml")
            .to_string();
        if let Some(plan) = plan(&id, f, inventory, items, errors, warnings) {
            out.insert(id, plan);
        }
    }
    if out.is_empty() && !files.keys().any(|n| n.starts_with("plans/")) {
        warnings.push(format!(
            "{plans_dir}: no plans (*.toml): emergency incidents cannot be opened"
        ));
    }
    out
}

fn plan(
    id: &str,
    f: &TomlFile,
    inventory: &Inventory,
    items: &ItemRefs,
    errors: &mut Vec<ConfigError>,
    warnings: &mut Vec<String>,
) -> Option<Plan> {
    let before = errors.len();
    if !is_plan_id(id) {
        errors.push(f.error(
            None,
            format!("plan file name '{id}' is not an id: use lowercase letters, digits, - and _ (e.g. water-pollution.toml)"),
        ));
    }
    let parsed = f.parse_keeping::<PlanFile>(errors)?;
    let raw = &parsed.value;
    let kind = match &raw.kind {
        Some(k) if is_identifier(k) => k.clone(),
        Some(k) => {
            errors.push(f.error_at(
                &key_path!["kind"],
                format!("kind '{k}' is not a plain identifier (lowercase letters, digits, _; e.g. water_pollution)"),
            ));
            k.clone()
        }
        None => {
            errors.push(f.error(
                None,
                "kind is missing: the incident type, e.g. kind = \"water_pollution\"",
            ));
            String::new()
        }
    };
    let name = Bilingual::new(
        required_text(f, &key_path!["name"], &raw.name, "name", errors),
        required_text(f, &key_path!["name_zh"], &raw.name_zh, "name_zh", errors),
    );

    let mut roles = Vec::new();
    let mut role_ids = BTreeSet::new();
    for (i, r) in raw.role.iter().enumerate() {
        let i = parsed.file_index("role", i);
        let at = |key: &str| key_path!["role", i, key];
        let who = format!("role {}", r.id);
        if !is_identifier(&r.id) {
            errors.push(f.error_at(
                &at("id"),
                format!(
                    "role id '{}' is not a plain identifier (lowercase letters, digits, _)",
                    r.id
                ),
            ));
        }
        if !role_ids.insert(r.id.clone()) {
            errors.push(f.error_at(&at("id"), format!("role id '{}' is used twice", r.id)));
        }
        let name = Bilingual::new(
            required_text(f, &at("name"), &r.name, &format!("{who}: name"), errors),
            required_text(
                f,
                &at("name_zh"),
                &r.name_zh,
                &format!("{who}: name_zh"),
                errors,
            ),
        );
        let count = match r.count {
            Some(n) if (1..=999).contains(&n) => n as u32,
            Some(n) => {
                errors.push(f.error_at(&at("count"), format!("{who}: count {n} is not 1 to 999")));
                1
            }
            None => {
                errors.push(f.error_at(&key_path!["role", i], format!("{who}: count is missing")));
                1
            }
        };
        roles.push(RoleNeed {
            role: r.id.clone(),
            name,
            count,
        });
    }

    let mut steps = Vec::new();
    for (i, s) in raw.step.iter().enumerate() {
        let i = parsed.file_index("step", i);
        let at = |key: &str| key_path!["step", i, key];
        let who = format!("step {}", i + 1);
        let text = Bilingual::new(
            required_text(f, &at("text"), &s.text, &format!("{who}: text"), errors),
            required_text(
                f,
                &at("text_zh"),
                &s.text_zh,
                &format!("{who}: text_zh"),
                errors,
            ),
        );
        let role = match &s.role {
            Some(r) if role_ids.contains(r) || parsed.dropped.contains(r) => r.clone(),
            Some(r) => {
                let known = role_ids.iter().cloned().collect::<Vec<_>>().join(", ");
                let known = if known.is_empty() {
                    String::new()
                } else {
                    format!(" ({known})")
                };
                errors.push(f.error_at(
                    &at("role"),
                    format!("{who}: role '{r}' is not a [[role]] of this plan{known}"),
                ));
                r.clone()
            }
            None => {
                errors.push(f.error_at(
                    &key_path!["step", i],
                    format!("{who}: role is missing (who does it)"),
                ));
                String::new()
            }
        };
        let due = due(
            f,
            (&at("due_minutes"), s.due_minutes),
            (&at("due_by_level"), &s.due_by_level),
            &who,
            &key_path!["step", i],
            errors,
        );
        steps.push(PlanStep { text, role, due });
    }
    if raw.step.is_empty() && !parsed.lost_any("step") {
        errors.push(f.error(
            None,
            "a plan without any [[step]]: add the steps to take, in order",
        ));
    }

    let mut needs: Vec<ItemNeed> = Vec::new();
    for (i, it) in raw.item.iter().enumerate() {
        let i = parsed.file_index("item", i);
        let at = |key: &str| key_path!["item", i, key];
        if it.id.trim().is_empty() {
            errors.push(f.error_at(&key_path!["item", i], "item: id is missing"));
        } else if items.unknown(inventory, &it.id) {
            errors.push(f.error_at(
                &at("id"),
                format!("item '{}' is not in the catalogue of inventory.toml", it.id),
            ));
        }
        if needs.iter().any(|n| n.item == it.id) {
            errors.push(f.error_at(&at("id"), format!("item '{}' is listed twice", it.id)));
        }
        let quantity = match it.quantity {
            Some(n) if (1..=i64::from(MAX_QUANTITY)).contains(&n) => n as u32,
            Some(n) => {
                let bound = if n < 1 {
                    "at least 1".to_string()
                } else {
                    format!("at most {MAX_QUANTITY}")
                };
                errors.push(f.error_at(
                    &at("quantity"),
                    format!("item {}: quantity {n}: {bound}", it.id),
                ));
                1
            }
            None => {
                errors.push(f.error_at(
                    &key_path!["item", i],
                    format!("item {}: quantity is missing", it.id),
                ));
                1
            }
        };
        needs.push(ItemNeed {
            item: it.id.clone(),
            quantity,
        });
    }

    let reports = reports(f, raw.reports.as_ref(), errors, warnings);
    (errors.len() == before).then(|| Plan {
        id: id.to_string(),
        kind,
        name,
        steps,
        roles,
        items: needs,
        reports,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::domain::incident::{Level, Question, Questions, Severity};

    #[test]
    fn a_shipped_plan_reads_as_written() {
        let c = Config::embedded().unwrap();
        let p = &c.plans["water-pollution"];
        assert_eq!(p.kind, "water_pollution");
        assert_eq!(p.name.zh, "河流湖库水污染事件");
        let first = &p.steps[0];
        assert_eq!(first.role, "liaison");
        assert_eq!(first.due.minutes_at(&Severity::Known(Level::III)), 30);
        assert_eq!(first.due.minutes_at(&Severity::Known(Level::I)), 15);
        let grave = Severity::Unknown(Questions::new([Question::DrinkingWater]));
        assert_eq!(p.reports.initial.minutes_at(&grave), 120);
        assert_eq!(
            p.reports.initial.minutes_at(&Severity::Known(Level::IV)),
            240
        );
        assert_eq!(p.reports.final_after_close_minutes, Some(21600));
        assert_eq!(p.roles.iter().map(|r| r.count).sum::<u32>(), 10);
        // Stricter where the plan says so.
        let dw = &c.plans["drinking-water"];
        assert_eq!(
            dw.reports.initial.minutes_at(&Severity::Known(Level::III)),
            120
        );
    }

    #[test]
    fn an_initial_report_later_than_the_national_rule_is_a_warning() {
        let f = TomlFile::new(
            "late.toml",
            "kind = \"late\"\nname = \"Late\"\nname_zh = \"迟\"\n[reports.initial]\nminutes = 300\nby_level = { I = 120, II = 150 }\n[[role]]\nid = \"a\"\nname = \"A\"\nname_zh = \"甲\"\ncount = 1\n[[step]]\ntext = \"t\"\ntext_zh = \"步\"\nrole = \"a\"\ndue_minutes = 5\n",
        );
        let (mut errors, mut warnings) = (Vec::new(), Vec::new());
        let plan = plan(
            "late",
            &f,
            &Inventory::default(),
            &ItemRefs::default(),
            &mut errors,
            &mut warnings,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert!(plan.is_some());
        assert_eq!(
            warnings,
            [
                "late.toml: the initial report at level II is due 150 min after discovery, later than the national rule (120 min)",
                "late.toml: the initial report at level III is due 300 min after discovery, later than the national rule (240 min)",
                "late.toml: the initial report at level IV is due 300 min after discovery, later than the national rule (240 min)",
            ]
        );
    }
}
