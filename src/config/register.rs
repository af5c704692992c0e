//! The pollution-source register (#11): the census fields of
//! `enterprises.toml`, the officers' links to sources and townships in
//! `officers.toml`, and reading the register again while the program runs.
//!
//! Owns: what each census value may be (every error located, file:line),
//! the rule that an officer's linked sources list the national-control
//! ones first, and [`reload`], which reads and validates `enterprises.toml`
//! alone against the configuration in force — a file that does not
//! validate is refused whole and the register in force is kept.

use std::collections::{BTreeMap, BTreeSet};

use super::files::{EnterpriseEntry, EnterprisesFile, OfficerEntry};
use super::grids::Refs;
use super::source::{ConfigError, TomlFile, key_path};
use super::{Config, ConfigSource, EMBEDDED};
use crate::domain::census::{Census, Eia, Permit, ThreeSimultaneities};
use crate::domain::grid::{ControlLevel, Enterprise, GridTree};

/// The register: enterprises by id.
pub type Register = BTreeMap<String, Enterprise>;

/// The longest census text kept (an industry, a receptor, a pollutant).
const MAX_TEXT: usize = 200;

/// A permit number as printed on the licence: letters, digits and `-`.
pub fn permit_ok(s: &str) -> bool {
    (5..=40).contains(&s.chars().count())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The census of item `i` of `enterprises.toml`, every wrong value an error.
pub(super) fn census(
    f: &TomlFile,
    i: usize,
    e: &EnterpriseEntry,
    errors: &mut Vec<ConfigError>,
) -> Census {
    let id = &e.id;
    let mut err = |key: &str, msg: String| {
        errors.push(f.error_at(
            &key_path!["enterprise", i, key],
            format!("enterprise {id}: {msg}"),
        ))
    };
    let mut text = |key: &str, v: &Option<String>| -> Option<String> {
        let v = v.as_ref()?;
        if v.trim().is_empty() || v.chars().count() > MAX_TEXT {
            err(
                key,
                format!("{key} is empty or over {MAX_TEXT} characters: leave it out if unknown"),
            );
            return None;
        }
        Some(v.trim().to_string())
    };
    let industry = text("industry", &e.industry);
    let discharge_to = text("discharge_to", &e.discharge_to);
    let mut err = |key: &str, msg: String| {
        errors.push(f.error_at(
            &key_path!["enterprise", i, key],
            format!("enterprise {id}: {msg}"),
        ))
    };
    let eia = e.eia.as_deref().and_then(|s| {
        Eia::parse(s).or_else(|| {
            err("eia", format!("eia '{s}' is not approved | pending | none"));
            None
        })
    });
    let three = e.three_simultaneities.as_deref().and_then(|s| {
        ThreeSimultaneities::parse(s).or_else(|| {
            err(
                "three_simultaneities",
                format!("three_simultaneities '{s}' is not complete | partial | none"),
            );
            None
        })
    });
    let permit = e.permit.as_deref().and_then(|s| match Permit::parse(s) {
        Permit::Number(n) if !permit_ok(&n) => {
            err(
                "permit",
                format!("permit '{s}' is not a permit number (letters and digits, e.g. 91430100MA4L0XXX01P) or \"none\""),
            );
            None
        }
        p => Some(p),
    });
    let mut list = |key: &str, items: &[String]| -> Vec<String> {
        let mut seen = BTreeSet::new();
        for v in items {
            if v.trim().is_empty() || v.chars().count() > MAX_TEXT {
                err(key, format!("{key}: an empty or over-long entry"));
            } else if !seen.insert(v.trim()) {
                err(key, format!("{key}: '{}' is listed twice", v.trim()));
            }
        }
        seen.into_iter().map(String::from).collect::<Vec<_>>()
    };
    // Kept in the order written.
    let pollutants = ordered(&e.pollutants, &list("pollutants", &e.pollutants));
    let receptors = ordered(&e.receptors, &list("receptors", &e.receptors));
    let mut date = |key: &str, d: &Option<toml::value::Datetime>| {
        let d = d.as_ref()?;
        super::schedule::toml_date(d).or_else(|| {
            err(
                key,
                format!("{key} = {d}: give a date like 2026-03-01 (no time)"),
            );
            None
        })
    };
    let registered = date("registered", &e.registered);
    let last_inspected = date("last_inspected", &e.last_inspected);
    if let (Some(r), Some(l)) = (registered, last_inspected) {
        if l < r {
            err(
                "last_inspected",
                format!("last_inspected {l} is before registered {r}"),
            );
        }
    }
    Census {
        industry,
        eia,
        three_simultaneities: three,
        permit,
        pollutants,
        discharge_to,
        receptors,
        registered,
        last_inspected,
    }
}

/// `items` trimmed, in their order, keeping only those in `valid`.
fn ordered(items: &[String], valid: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in items.iter().map(|v| v.trim()) {
        if valid.iter().any(|x| x == v) && !out.iter().any(|x| x == v) {
            out.push(v.to_string());
        }
    }
    out
}

/// The links of `officers.toml`: every linked source in the register and
/// the national-control ones first; every linked township a level-2 grid.
pub(super) fn check_links(
    f: &TomlFile,
    raw: &[OfficerEntry],
    register: &Register,
    register_read: bool,
    grids: &GridTree,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) {
    for (i, o) in raw.iter().enumerate() {
        let mut seen = BTreeSet::new();
        let mut after_other: Option<&str> = None;
        for e in &o.enterprises {
            let at = key_path!["officer", i, "enterprises"];
            if !seen.insert(e.as_str()) {
                errors.push(f.error_at(
                    &at,
                    format!("officer {}: enterprise {e} is linked twice", o.id),
                ));
                continue;
            }
            match register.get(e) {
                None if register_read => errors.push(f.error_at(
                    &at,
                    format!(
                        "officer {}: enterprise '{e}' is not in enterprises.toml",
                        o.id
                    ),
                )),
                None => {}
                Some(ent) if ent.control_level == ControlLevel::National => {
                    if let Some(other) = after_other {
                        errors.push(f.error_at(
                            &at,
                            format!(
                                "officer {}: national-control {e} comes after {other}: list the national-control sources first",
                                o.id
                            ),
                        ));
                    }
                }
                Some(_) => after_other = after_other.or(Some(e.as_str())),
            }
        }
        let mut seen = BTreeSet::new();
        for t in &o.townships {
            let at = key_path!["officer", i, "townships"];
            if !seen.insert(t.as_str()) {
                errors.push(f.error_at(
                    &at,
                    format!("officer {}: township {t} is linked twice", o.id),
                ));
                continue;
            }
            match grids.get(t) {
                None if refs.unknown_grid(grids, t) => errors.push(f.error_at(
                    &at,
                    format!(
                        "officer {}: township '{t}' is not a grid in grids.toml",
                        o.id
                    ),
                )),
                Some(g) if g.level != 2 => errors.push(f.error_at(
                    &at,
                    format!(
                        "officer {}: {t} is a level-{} grid, not a township (level 2)",
                        o.id, g.level
                    ),
                )),
                _ => {}
            }
        }
    }
}

/// Where `enterprises.toml` of `source` is; `None` for the embedded county.
pub fn file_path(source: &ConfigSource) -> Option<std::path::PathBuf> {
    match source {
        ConfigSource::Dir(d) => Some(
            std::path::absolute(d)
                .unwrap_or_else(|_| d.clone())
                .join("enterprises.toml"),
        ),
        ConfigSource::Embedded => None,
    }
}

/// Validate the text of `enterprises.toml` (shown as `display`) against the
/// grids and officers of `config`, as `check-config` would.
pub fn check(config: &Config, display: &str, text: &str) -> Result<Register, Vec<ConfigError>> {
    let f = TomlFile::new(display, text);
    let mut errors = Vec::new();
    let refs = Refs {
        grids: Some(BTreeSet::new()),
        officers: Some(BTreeSet::new()),
    };
    let register = f
        .parse_keeping::<EnterprisesFile>(&mut errors)
        .map(|p| enterprises(&f, p.value.enterprise, &config.grids, &refs, &mut errors))
        .unwrap_or_default();
    if errors.is_empty() {
        unlinked(config, &register, &mut errors);
    }
    if errors.is_empty() {
        Ok(register)
    } else {
        Err(errors)
    }
}

/// A source an officer is linked to must stay in the register: each link
/// to a missing one an error at its line of `officers.toml`.
fn unlinked(config: &Config, register: &Register, errors: &mut Vec<ConfigError>) {
    let officers = officers_file(&config.source);
    let raw = officers
        .parse::<super::files::OfficersFile>(&mut Vec::new())
        .map(|f| f.officer)
        .unwrap_or_default();
    for o in config.officers.values() {
        let at = raw
            .iter()
            .position(|r| r.id == o.id)
            .map(|i| key_path!["officer", i, "enterprises"].to_vec())
            .unwrap_or_default();
        for e in o.enterprises.iter().filter(|e| !register.contains_key(*e)) {
            errors.push(officers.error_at(
                &at,
                format!(
                    "enterprise {e} is missing, but officer {} is linked to it in officers.toml: keep it, or unlink it there first",
                    o.id
                ),
            ));
        }
    }
}

/// `officers.toml` of `source` as written (empty when it cannot be read).
fn officers_file(source: &ConfigSource) -> TomlFile {
    match source {
        ConfigSource::Dir(d) => {
            let path = d.join("officers.toml");
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            TomlFile::new(path.display().to_string(), text)
        }
        ConfigSource::Embedded => {
            let text = EMBEDDED
                .iter()
                .find(|(n, _)| *n == "officers.toml")
                .map(|(_, t)| *t)
                .unwrap_or_default();
            TomlFile::new("(embedded) config/officers.toml", text)
        }
    }
}

/// Read `enterprises.toml` of the configuration again and validate it.
pub fn read(config: &Config) -> Result<Register, Vec<ConfigError>> {
    match file_path(&config.source) {
        None => {
            let text = EMBEDDED
                .iter()
                .find(|(n, _)| *n == "enterprises.toml")
                .map(|(_, t)| *t)
                .unwrap_or_default();
            check(config, "(embedded) config/enterprises.toml", text)
        }
        Some(path) => {
            let display = path.display().to_string();
            // A FIFO or a device named enterprises.toml would block the
            // reader for ever (the daemon's job, a console's): refused unread.
            if let Some(why) = super::not_readable(&path, "enterprises.toml") {
                return Err(vec![ConfigError {
                    file: display,
                    line: None,
                    message: why,
                }]);
            }
            let text = std::fs::read_to_string(&path).map_err(|e| {
                vec![ConfigError {
                    file: display.clone(),
                    line: None,
                    message: format!("cannot read: {e}"),
                }]
            })?;
            check(config, &display, &text)
        }
    }
}

/// What [`Watch::poll`] found.
#[derive(Debug)]
pub enum Reloaded {
    /// The new register is in force: how many sources it holds.
    Changed(usize),
    /// The new file does not validate: the register in force is kept.
    Refused(Vec<ConfigError>),
}

/// Notices that `enterprises.toml` changed and puts the new register in
/// force for every holder of the configuration.
pub struct Watch {
    file: Option<super::live::FileWatch>,
}

impl Watch {
    pub fn new(config: &Config) -> Watch {
        Watch {
            file: file_path(&config.source).map(super::live::FileWatch::new),
        }
    }

    /// Look at the file (its metadata; read only when it changed): the
    /// new register, checked, not yet in force.
    pub fn changed(&mut self, config: &Config) -> Option<Result<Register, Vec<ConfigError>>> {
        if !self.file.as_mut()?.changed() {
            return None;
        }
        Some(read(config))
    }

    /// [`Watch::changed`], and a new register put in force at once.
    pub fn poll(&mut self, config: &Config) -> Option<Reloaded> {
        Some(match self.changed(config)? {
            Ok(register) => {
                let n = register.len();
                config.enterprises.replace(register);
                Reloaded::Changed(n)
            }
            Err(errors) => Reloaded::Refused(errors),
        })
    }
}
/// The `[[enterprise]]` entries of enterprises.toml, checked (file:line).
pub(super) fn enterprises(
    f: &TomlFile,
    raw: Vec<EnterpriseEntry>,
    grids: &GridTree,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) -> BTreeMap<String, Enterprise> {
    let mut out = BTreeMap::new();
    for (i, e) in raw.into_iter().enumerate() {
        if refs.unknown_grid(grids, &e.grid) {
            errors.push(f.error_at(
                &key_path!["enterprise", i, "grid"],
                format!(
                    "enterprise {}: grid '{}' is not in grids.toml",
                    e.id, e.grid
                ),
            ));
        }
        let level = ControlLevel::parse(&e.control_level).unwrap_or_else(|| {
            let all = ControlLevel::ALL.map(ControlLevel::as_str).join(" | ");
            errors.push(f.error_at(
                &key_path!["enterprise", i, "control_level"],
                format!(
                    "enterprise {}: control_level '{}' is not one of {all}",
                    e.id, e.control_level
                ),
            ));
            ControlLevel::General
        });
        if e.name.trim().is_empty() {
            errors.push(f.error_at(
                &key_path!["enterprise", i, "name"],
                format!("enterprise {}: empty name", e.id),
            ));
        }
        let census = census(f, i, &e, errors);
        let id = e.id.clone();
        let ent = Enterprise {
            id: e.id,
            name: e.name,
            grid: e.grid,
            control_level: level,
            address: e.address,
            census,
        };
        if out.insert(id.clone(), ent).is_some() {
            errors.push(f.error_at(
                &key_path!["enterprise", i, "id"],
                format!("enterprise id '{id}' is used twice"),
            ));
        }
    }
    out
}
