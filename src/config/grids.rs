//! Validation of the files the others refer to: the grid tree
//! (`grids.toml`), the officers and the enterprises; and [`Refs`], which of
//! them parsed, so that references into them are checked only then. Every
//! error is located and collected, like the rest of `validate.rs`.

use std::collections::{BTreeMap, BTreeSet};

use super::files::*;
use super::source::{ConfigError, TomlFile, key_path};
use crate::domain::grid::{Grid, GridTree, Officer};

/// Which files could be read, so references into them can be checked:
/// `None` when the file could not be read at all; else the ids of its
/// items left out for an error of their own (a reference to one of them is
/// not reported again as unknown).
#[derive(Debug, Clone, Default)]
pub(super) struct Refs {
    pub(super) grids: Option<BTreeSet<String>>,
    pub(super) officers: Option<BTreeSet<String>>,
}

impl Refs {
    /// True when `id` is known not to be a grid of grids.toml.
    pub(super) fn unknown_grid(&self, grids: &GridTree, id: &str) -> bool {
        matches!(&self.grids, Some(dropped) if grids.get(id).is_none() && !dropped.contains(id))
    }

    /// True when `id` is known not to be an officer of officers.toml.
    pub(super) fn unknown_officer(&self, officers: &BTreeMap<String, Officer>, id: &str) -> bool {
        matches!(&self.officers, Some(dropped) if !officers.contains_key(id) && !dropped.contains(id))
    }
}

pub(super) fn grids(
    f: &TomlFile,
    raw: &[GridEntry],
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) -> GridTree {
    let dropped = refs.grids.clone().unwrap_or_default();
    let ids: BTreeMap<&str, &GridEntry> = raw.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut seen = BTreeSet::new();
    for (i, g) in raw.iter().enumerate() {
        if !seen.insert(g.id.as_str()) {
            errors.push(f.error_at(
                &key_path!["grid", i, "id"],
                format!("grid id '{}' is used twice", g.id),
            ));
        }
        if !(1..=4).contains(&g.level) {
            errors.push(f.error_at(
                &key_path!["grid", i, "level"],
                format!(
                    "grid {}: level {} is not 1 (city) to 4 (enterprise group)",
                    g.id, g.level
                ),
            ));
        }
        match (&g.parent, g.level) {
            (None, 1) => {}
            (None, _) => errors.push(f.error_at(&key_path!["grid", i], format!("grid {}: level {} needs a parent", g.id, g.level))),
            (Some(p), _) => match ids.get(p.as_str()) {
                None if dropped.contains(p) => {}
                None => errors.push(f.error_at(&key_path!["grid", i, "parent"], format!("grid {}: parent '{p}' is not a grid in grids.toml", g.id))),
                Some(parent) if parent.level + 1 != g.level => errors.push(f.error_at(
                    &key_path!["grid", i, "level"],
                    format!("grid {}: level {} under {} (level {}): a child is one level below its parent", g.id, g.level, p, parent.level),
                )),
                Some(_) => {}
            },
        }
    }
    check_staffing_keys(f, raw, errors);
    let roots: Vec<_> = raw.iter().filter(|g| g.parent.is_none()).collect();
    if roots.len() != 1 && !raw.is_empty() && dropped.is_empty() {
        errors.push(f.error(
            None,
            format!(
                "the grid tree needs exactly one city grid without a parent, found {}",
                roots.len()
            ),
        ));
    }
    if raw.is_empty() && dropped.is_empty() && refs.grids.is_some() {
        errors.push(f.error(None, "no [[grid]] defined"));
    }
    GridTree::new(raw.iter().map(|g| {
        Grid {
            id: g.id.clone(),
            name: g.name.clone(),
            level: g.level,
            parent: g.parent.clone(),
            first_responsible: g.first_responsible.clone(),
            main_responsible: g.main_responsible.clone(),
            specific_responsible: g.specific_responsible.clone(),
            aliases: g.aliases.clone(),
            class: g
                .class
                .and_then(|c| u8::try_from(c).ok())
                .filter(|c| (1..=3).contains(c) && g.level == 2),
            group_leader: g.group_leader.clone().filter(|_| g.level == 4),
        }
    }))
}

/// `class` only on townships (1, 2 or 3), `group_leader` only on
/// enterprise groups. A township without a class loads (older files have
/// none): the Grids board marks it "class not set" instead of guessing a
/// minimum.
fn check_staffing_keys(f: &TomlFile, raw: &[GridEntry], errors: &mut Vec<ConfigError>) {
    for (i, g) in raw.iter().enumerate() {
        match g.class {
            Some(_) if g.level != 2 => errors.push(f.error_at(
                &key_path!["grid", i, "class"],
                format!(
                    "grid {}: class is for townships (level 2); this grid is level {}",
                    g.id, g.level
                ),
            )),
            Some(c) if !(1..=3).contains(&c) => errors.push(f.error_at(
                &key_path!["grid", i, "class"],
                format!(
                    "grid {}: class {c} is not 1, 2 or 3 (staff at least 5, 3 or 2)",
                    g.id
                ),
            )),
            _ => {}
        }
        if g.group_leader.is_some() && g.level != 4 {
            errors.push(f.error_at(
                &key_path!["grid", i, "group_leader"],
                format!(
                    "grid {}: group_leader is for enterprise groups (level 4); this grid is level {}",
                    g.id, g.level
                ),
            ));
        }
    }
}

pub(super) fn officers(
    f: &TomlFile,
    raw: &[OfficerEntry],
    grids: &GridTree,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) -> BTreeMap<String, Officer> {
    let mut out = BTreeMap::new();
    for (i, o) in raw.iter().enumerate() {
        if o.name.trim().is_empty() {
            errors.push(f.error_at(
                &key_path!["officer", i, "name"],
                format!("officer {}: empty name", o.id),
            ));
        }
        let digits = o.phone.chars().filter(char::is_ascii_digit).count();
        if !o
            .phone
            .chars()
            .all(|c| c.is_ascii_digit() || "+- ".contains(c))
            || !(5..=15).contains(&digits)
        {
            errors.push(f.error_at(
                &key_path!["officer", i, "phone"],
                format!(
                    "officer {}: phone '{}' is not a phone number",
                    o.id, o.phone
                ),
            ));
        }
        let grid = match &o.grid {
            None => {
                errors.push(f.error_at(
                    &key_path!["officer", i],
                    format!("officer {} is on no grid: add grid = \"<grid id>\"", o.id),
                ));
                String::new()
            }
            Some(g) if refs.unknown_grid(grids, g) => {
                errors.push(f.error_at(
                    &key_path!["officer", i, "grid"],
                    format!("officer {}: grid '{g}' is not in grids.toml", o.id),
                ));
                g.clone()
            }
            Some(g) => g.clone(),
        };
        let officer = Officer {
            id: o.id.clone(),
            name: o.name.clone(),
            phone: o.phone.clone(),
            role: o.role.clone(),
            grid,
            enterprises: o.enterprises.clone(),
            townships: o.townships.clone(),
        };
        if out.insert(o.id.clone(), officer).is_some() {
            errors.push(f.error_at(
                &key_path!["officer", i, "id"],
                format!("officer id '{}' is used twice", o.id),
            ));
        }
    }
    out
}

pub(super) fn check_responsible(
    f: &TomlFile,
    raw: &[GridEntry],
    officers: &BTreeMap<String, Officer>,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) {
    for (i, g) in raw.iter().enumerate() {
        let named = [
            ("first_responsible", g.first_responsible.as_ref()),
            ("main_responsible", g.main_responsible.as_ref()),
            ("group_leader", g.group_leader.as_ref()),
        ];
        for (key, who) in named {
            if let Some(who) = who.filter(|w| refs.unknown_officer(officers, w)) {
                errors.push(f.error_at(
                    &key_path!["grid", i, key],
                    format!("grid {}: {key} '{who}' is not in officers.toml", g.id),
                ));
            }
        }
        for who in g
            .specific_responsible
            .iter()
            .filter(|w| refs.unknown_officer(officers, w))
        {
            errors.push(f.error_at(
                &key_path!["grid", i, "specific_responsible"],
                format!(
                    "grid {}: specific_responsible '{who}' is not in officers.toml",
                    g.id
                ),
            ));
        }
    }
}
