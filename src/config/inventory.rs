//! `inventory.toml`: the catalogue of equipment and materials (`[[item]]`)
//! and the depots that hold them (`[[depot]]`, each in a grid, with its
//! counted stock). Every error is located and collected, like the rest of
//! `validate.rs`.
//!
//! The file is optional: without it there are no depots, every item a plan
//! needs shows as short, and `check-config` warns (so `--strict` fails).

use crate::domain::incident::plan::MAX_QUANTITY;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::grids::Refs;
use super::source::{ConfigError, TomlFile, key_path};
use crate::domain::grid::GridTree;
use crate::domain::incident::{Bilingual, Depot, Inventory, Item, ItemKind};

#[derive(Debug, Deserialize)]
struct InventoryFile {
    #[serde(default)]
    item: Vec<ItemEntry>,
    #[serde(default)]
    depot: Vec<DepotEntry>,
}

#[derive(Debug, Deserialize)]
struct ItemEntry {
    #[serde(default)]
    id: String,
    name: Option<String>,
    name_zh: Option<String>,
    unit: Option<String>,
    unit_zh: Option<String>,
    kind: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DepotEntry {
    #[serde(default)]
    id: String,
    name: Option<String>,
    grid: Option<String>,
    counted_at: Option<toml::Value>,
    #[serde(default)]
    stock: BTreeMap<String, i64>,
}

/// Which item ids the plans may name: `None` when the catalogue could not
/// be read (no file, or an error that lost it), so nothing is checked;
/// else the ids of items left out for an error of their own.
#[derive(Debug, Clone, Default)]
pub(super) struct ItemRefs {
    pub(super) dropped: Option<BTreeSet<String>>,
}

impl ItemRefs {
    /// True when `id` is known not to be an item of the catalogue.
    pub(super) fn unknown(&self, inventory: &Inventory, id: &str) -> bool {
        matches!(&self.dropped, Some(d) if !inventory.items.contains_key(id) && !d.contains(id))
    }
}

/// A plain identifier: a lowercase letter, then lowercase letters, digits
/// or `_` (item ids, kinds, role ids).
pub(super) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A text that must be there and not blank; `what` names it in the error.
pub(super) fn required_text(
    f: &TomlFile,
    path: &[super::source::Seg],
    value: &Option<String>,
    what: &str,
    errors: &mut Vec<ConfigError>,
) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.trim().to_string(),
        Some(_) => {
            errors.push(f.error_at(path, format!("{what} is empty")));
            String::new()
        }
        None => {
            errors.push(f.error_at(path, format!("{what} is missing")));
            String::new()
        }
    }
}

/// `missing` names the file in the warning when there is none.
pub(super) fn inventory(
    f: Option<&TomlFile>,
    missing: &str,
    grids: &GridTree,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
    warnings: &mut Vec<String>,
) -> (Inventory, ItemRefs) {
    let mut out = Inventory::default();
    let Some(f) = f else {
        warnings.push(format!(
            "{missing} is missing: no depots and no item catalogue, so every item a plan needs shows as short"
        ));
        return (out, ItemRefs::default());
    };
    let Some(parsed) = f.parse_keeping::<InventoryFile>(errors) else {
        return (out, ItemRefs::default());
    };
    let item_refs = ItemRefs {
        dropped: parsed.syntax_ok.then(|| parsed.dropped.clone()),
    };
    for (i, it) in parsed.value.item.iter().enumerate() {
        let i = parsed.file_index("item", i);
        let at = |key: &str| key_path!["item", i, key];
        if !is_identifier(&it.id) {
            errors.push(f.error_at(
                &at("id"),
                format!(
                    "item id '{}' is not a plain identifier (lowercase letters, digits, _)",
                    it.id
                ),
            ));
        }
        let who = format!("item {}", it.id);
        let name = Bilingual::new(
            required_text(f, &at("name"), &it.name, &format!("{who}: name"), errors),
            required_text(
                f,
                &at("name_zh"),
                &it.name_zh,
                &format!("{who}: name_zh"),
                errors,
            ),
        );
        let unit = Bilingual::new(
            required_text(f, &at("unit"), &it.unit, &format!("{who}: unit"), errors),
            required_text(
                f,
                &at("unit_zh"),
                &it.unit_zh,
                &format!("{who}: unit_zh"),
                errors,
            ),
        );
        let kind = match it.kind.as_deref() {
            Some("equipment") => ItemKind::Equipment,
            Some("material") => ItemKind::Material,
            other => {
                errors.push(f.error_at(
                    &at("kind"),
                    match other {
                        Some(k) => format!("{who}: kind '{k}' is not equipment or material"),
                        None => format!("{who}: kind is missing (equipment or material)"),
                    },
                ));
                ItemKind::Material
            }
        };
        let item = Item {
            id: it.id.clone(),
            name,
            unit,
            kind,
        };
        if out.items.insert(it.id.clone(), item).is_some() {
            errors.push(f.error_at(&at("id"), format!("item id '{}' is used twice", it.id)));
        }
    }
    for (i, d) in parsed.value.depot.iter().enumerate() {
        let i = parsed.file_index("depot", i);
        let at = |key: &str| key_path!["depot", i, key];
        let who = format!("depot {}", d.id);
        if d.id.trim().is_empty() {
            errors.push(f.error_at(&key_path!["depot", i], "depot id is missing"));
        }
        let name = required_text(f, &at("name"), &d.name, &format!("{who}: name"), errors);
        let grid = match &d.grid {
            None => {
                errors.push(f.error_at(
                    &key_path!["depot", i],
                    format!("{who} is in no grid: add grid = \"<grid id>\""),
                ));
                String::new()
            }
            Some(g) => {
                if refs.unknown_grid(grids, g) {
                    errors.push(f.error_at(
                        &at("grid"),
                        format!("{who}: grid '{g}' is not in grids.toml"),
                    ));
                }
                g.clone()
            }
        };
        let counted_at = d
            .counted_at
            .as_ref()
            .and_then(|v| match counted(v) {
                Ok(t) => Some(t),
                Err(()) => {
                    errors.push(f.error_at(
                        &at("counted_at"),
                        format!(
                            "{who}: counted_at {v} is not a date and time with its offset, like 2026-11-01T09:00:00+08:00"
                        ),
                    ));
                    None
                }
            });
        let mut stock = BTreeMap::new();
        for (item, n) in &d.stock {
            let p = key_path!["depot", i, "stock", item.as_str()];
            if item_refs.unknown(&out, item) {
                errors.push(f.error_at(
                    &p,
                    format!("{who}: item '{item}' is not an [[item]] of this file"),
                ));
            }
            match u32::try_from(*n) {
                Ok(n) if n <= MAX_QUANTITY => {
                    stock.insert(item.clone(), n);
                }
                Ok(_) => errors
                    .push(f.error_at(&p, format!("{who}: {item} = {n}: at most {MAX_QUANTITY}"))),
                Err(_) => errors
                    .push(f.error_at(&p, format!("{who}: {item} = {n}: a quantity is 0 or more"))),
            }
        }
        let depot = Depot {
            id: d.id.clone(),
            name,
            grid,
            stock,
            counted_at,
        };
        if out.depots.insert(d.id.clone(), depot).is_some() {
            errors.push(f.error_at(&at("id"), format!("depot id '{}' is used twice", d.id)));
        }
    }
    (out, item_refs)
}

/// A TOML offset date-time, or a string in RFC 3339 with its offset.
fn counted(v: &toml::Value) -> Result<DateTime<Utc>, ()> {
    let text = match v {
        toml::Value::Datetime(d) if d.date.is_some() && d.time.is_some() && d.offset.is_some() => {
            d.to_string()
        }
        toml::Value::String(s) => s.clone(),
        _ => return Err(()),
    };
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| ())
}
