//! `sources import` merges, `sources export` writes (#11 fixes): the
//! register in force as rows of the import's CSV, and what an import makes
//! of it — by default the CSV's rows add new sources or replace the source
//! of the same id and every other source is kept; with `--replace` the CSV
//! is the whole register.

use std::collections::BTreeMap;

use super::register::Register;
use super::register_csv::{Row, column_names, is_list};
use crate::domain::grid::Enterprise;

/// The register an import makes, and what changed (ids in order).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub rows: Vec<Row>,
    /// In the CSV, not in the register.
    pub added: Vec<String>,
    /// In both, the CSV's row different.
    pub updated: Vec<String>,
    /// In the register and left as they were (not in the CSV, or the same).
    pub kept: Vec<String>,
    /// In the register, not in the CSV (`--replace` only).
    pub removed: Vec<String>,
}

fn id_of(row: &Row) -> &str {
    row.get("id")
        .and_then(|v| v.first())
        .map_or("", String::as_str)
}

/// What importing `csv` into `old` makes: with `replace`, the CSV alone.
/// Kept sources keep their place (id order), new ones follow in the CSV's.
pub fn merge(old: &Register, csv: Vec<Row>, replace: bool) -> Merged {
    let mut m = Merged::default();
    let mut from_csv: BTreeMap<String, Row> = BTreeMap::new();
    let mut new_rows = Vec::new();
    for mut row in csv {
        row.retain(|_, v| !v.is_empty());
        let id = id_of(&row).to_string();
        match old.get(&id) {
            None => {
                m.added.push(id);
                new_rows.push(row);
                continue;
            }
            Some(e) if row_of(e) == row => m.kept.push(id.clone()),
            Some(_) => m.updated.push(id.clone()),
        }
        from_csv.insert(id, row);
    }
    for (id, e) in old {
        match from_csv.remove(id) {
            Some(row) => m.rows.push(row),
            None if replace => m.removed.push(id.clone()),
            None => {
                m.kept.push(id.clone());
                m.rows.push(row_of(e));
            }
        }
    }
    m.kept.sort();
    m.updated.sort();
    m.rows.extend(new_rows);
    m
}

/// A source of the register as a row of the import's CSV.
pub fn row_of(e: &Enterprise) -> Row {
    let c = &e.census;
    let one = |s: &str| {
        if s.trim().is_empty() {
            Vec::new()
        } else {
            vec![s.trim().to_string()]
        }
    };
    let opt = |s: Option<&str>| s.map_or_else(Vec::new, one);
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(Vec::new, |d| vec![d.to_string()]);
    let mut row = Row::new();
    row.insert("id", one(&e.id));
    row.insert("name", one(&e.name));
    row.insert("grid", one(&e.grid));
    row.insert("control_level", one(e.control_level.as_str()));
    row.insert("address", one(&e.address));
    row.insert("industry", opt(c.industry.as_deref()));
    row.insert("eia", opt(c.eia.map(|x| x.as_str())));
    row.insert(
        "three_simultaneities",
        opt(c.three_simultaneities.map(|x| x.as_str())),
    );
    row.insert("permit", opt(c.permit.as_ref().map(|p| p.as_str())));
    row.insert("pollutants", c.pollutants.clone());
    row.insert("discharge_to", opt(c.discharge_to.as_deref()));
    row.insert("receptors", c.receptors.clone());
    row.insert("registered", date(c.registered));
    row.insert("last_inspected", date(c.last_inspected));
    row.retain(|_, v| !v.is_empty());
    row
}

/// One CSV field, quoted when it must be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.trim() != s {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The register as the CSV `sources import` reads (English header).
pub fn export(register: &Register) -> String {
    let cols: Vec<&str> = column_names().collect();
    let mut out = cols.join(",");
    out.push('\n');
    for e in register.values() {
        let row = row_of(e);
        let cells: Vec<String> = cols
            .iter()
            .map(|c| {
                let v = row.get(c).cloned().unwrap_or_default();
                let sep = if is_list(c) { ";" } else { "" };
                field(&v.join(sep))
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
