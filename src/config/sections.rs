//! `sections.toml`: the outflow sections (出境断面) whose water quality the
//! townships are assessed on (#12) — each with its river, its township
//! grid (level 2) and its target class under GB 3838-2002. Every error is
//! located and collected, like the rest of `validate.rs`.
//!
//! The file is optional: without it there are no sections and the water
//! figures are empty. On duty a broken file costs only the water figures
//! (`Config::load_for_duty` leaves it out with a warning).

use std::collections::BTreeSet;

use serde::Deserialize;

use super::grids::Refs;
use super::inventory::required_text;
use super::source::{ConfigError, TomlFile, key_path};
use crate::domain::grid::GridTree;
use crate::domain::water::{Class, Section};

#[derive(Debug, Deserialize)]
struct SectionsFile {
    #[serde(default)]
    section: Vec<SectionEntry>,
}

#[derive(Debug, Deserialize)]
struct SectionEntry {
    #[serde(default)]
    id: String,
    name: Option<String>,
    river: Option<String>,
    grid: Option<String>,
    target: Option<String>,
}

/// A section id: letters, digits, `-` and `_`, at most 32 (it is typed on
/// the command line and written in CSV files).
fn is_section_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The sections of `f` (none without the file), in the file's order.
pub(super) fn sections(
    f: Option<&TomlFile>,
    grids: &GridTree,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) -> Vec<Section> {
    let Some(f) = f else {
        return Vec::new();
    };
    // A syntax error is said with its line, once: what the parser
    // recovered around it (keys moved to another table, items cut short)
    // would only add errors about keys the file does not really have.
    let (_, syntax) = toml::de::DeTable::parse_recoverable(&f.text);
    if let Some(e) = syntax.first() {
        let line = e.span().map(|s| f.line_at(s.start));
        errors.push(f.error(line, e.message().trim().replace('\n', "; ")));
        return Vec::new();
    }
    let Some(parsed) = f.parse_keeping::<SectionsFile>(errors) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, s) in parsed.value.section.iter().enumerate() {
        let i = parsed.file_index("section", i);
        let at = |key: &str| key_path!["section", i, key];
        let before = errors.len();
        if !is_section_id(&s.id) {
            errors.push(f.error_at(
                &at("id"),
                format!("section id '{}' is not 1–32 letters, digits, - or _", s.id),
            ));
        } else if !seen.insert(s.id.clone()) {
            errors.push(f.error_at(&at("id"), format!("section id '{}' is used twice", s.id)));
        }
        let who = format!("section {}", s.id);
        let name = required_text(f, &at("name"), &s.name, &format!("{who}: name"), errors);
        let river = required_text(f, &at("river"), &s.river, &format!("{who}: river"), errors);
        let grid = required_text(f, &at("grid"), &s.grid, &format!("{who}: grid"), errors);
        if !grid.is_empty() {
            match grids.get(&grid) {
                Some(g) if g.level != 2 => errors.push(f.error_at(
                    &at("grid"),
                    format!(
                        "{who}: grid '{grid}' is a level-{} grid, not a township (level 2)",
                        g.level
                    ),
                )),
                None if refs.unknown_grid(grids, &grid) => errors.push(f.error_at(
                    &at("grid"),
                    format!("{who}: grid '{grid}' is not in grids.toml"),
                )),
                _ => {}
            }
        }
        let target = required_text(
            f,
            &at("target"),
            &s.target,
            &format!("{who}: target"),
            errors,
        );
        let class = Class::parse(&target).filter(|c| *c != Class::WorseThanV);
        if class.is_none() && !target.is_empty() {
            errors.push(f.error_at(
                &at("target"),
                format!(
                    "{who}: target '{target}' is not a class I–V (write I, II, III, IV, V or Ⅰ…Ⅴ, optionally with 类)"
                ),
            ));
        }
        if let (Some(target), true) = (class, errors.len() == before) {
            out.push(Section {
                id: s.id.clone(),
                name,
                river,
                grid,
                target,
            });
        }
    }
    out
}
