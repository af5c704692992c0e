//! Configuration: load every file of `config/`, validate all of it, and report
//! **every** error with file and line.
//!
//! Owns: the file set (DESIGN.md §4.5), defaults, and the validated [`Config`]
//! the rest of the program reads. Never falls back to a default silently when a
//! file is broken: a broken config is a list of errors, not a guess.

pub mod calendar;
pub mod calendar_csv;
mod files;
pub mod geojson;
mod grids;
mod inventory;
mod json_pos;
pub mod live;
mod location;
pub mod map_file;
mod plan_due;
mod plans;
pub mod register;
pub mod register_csv;
pub mod register_merge;
pub mod roster_file;
mod schedule;
mod sections;
mod settings;
pub mod source;
mod validate;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono_tz::Tz;

use crate::domain::calendar::{Calendar, DeadlineRule};
use crate::domain::escalation::Stage;
use crate::domain::grid::{Enterprise, GridTree, Officer};
use crate::domain::incident::{Inventory, Plan};
use crate::domain::roster::Roster;
use crate::i18n::Lang;
pub use location::Location;
pub use source::{ConfigError, TomlFile};

/// The shipped demo county, compiled in: used when no config directory exists.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "gridwatch.toml",
        include_str!("../../config/gridwatch.toml"),
    ),
    ("grids.toml", include_str!("../../config/grids.toml")),
    ("grids.geojson", include_str!("../../config/grids.geojson")),
    ("officers.toml", include_str!("../../config/officers.toml")),
    (
        "enterprises.toml",
        include_str!("../../config/enterprises.toml"),
    ),
    ("roster.toml", include_str!("../../config/roster.toml")),
    (
        "calendar/cn-2025.toml",
        include_str!("../../config/calendar/cn-2025.toml"),
    ),
    (
        "calendar/cn-2026.toml",
        include_str!("../../config/calendar/cn-2026.toml"),
    ),
    (
        "inventory.toml",
        include_str!("../../config/inventory.toml"),
    ),
    ("sections.toml", include_str!("../../config/sections.toml")),
    (
        "plans/chemical-spill.toml",
        include_str!("../../config/plans/chemical-spill.toml"),
    ),
    (
        "plans/drinking-water.toml",
        include_str!("../../config/plans/drinking-water.toml"),
    ),
    (
        "plans/oil-spill.toml",
        include_str!("../../config/plans/oil-spill.toml"),
    ),
    (
        "plans/toxic-gas.toml",
        include_str!("../../config/plans/toxic-gas.toml"),
    ),
    (
        "plans/water-pollution.toml",
        include_str!("../../config/plans/water-pollution.toml"),
    ),
];

/// Read when present: without inventory.toml there are no depots (a
/// warning); without sections.toml no outflow sections (#12); without
/// grids.geojson no grid boundaries (no map, no placement by a complaint's
/// point).
const OPTIONAL: [&str; 3] = ["inventory.toml", "sections.toml", geojson::FILE];

const REQUIRED: [&str; 5] = [
    "gridwatch.toml",
    "grids.toml",
    "officers.toml",
    "enterprises.toml",
    "roster.toml",
];

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    Dir(PathBuf),
    /// The demo county compiled into the binary.
    Embedded,
}

impl ConfigSource {
    /// `dir` if given, else `./config` if it exists, else the embedded demo county.
    pub fn choose(dir: Option<PathBuf>) -> Self {
        match dir {
            Some(d) => ConfigSource::Dir(d),
            None if Path::new("config/gridwatch.toml").exists() => {
                ConfigSource::Dir(PathBuf::from("config"))
            }
            None => ConfigSource::Embedded,
        }
    }

    pub fn describe(&self) -> String {
        match self {
            ConfigSource::Dir(d) => std::path::absolute(d)
                .unwrap_or_else(|_| d.clone())
                .display()
                .to_string(),
            ConfigSource::Embedded => "(embedded demo county)".to_string(),
        }
    }
}

/// Alert sinks and their delivery settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertSettings {
    pub desktop: bool,
    pub bell: bool,
    /// argv of the hook, with `{phone}`, `{name}`, `{message}` placeholders; empty = off.
    pub command: Vec<String>,
    pub command_timeout: Duration,
    pub command_attempts: u32,
    /// First retry delay; doubles per attempt (capped at 5 min).
    pub retry_backoff: Duration,
}

/// Size limits of intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_json_file_bytes: u64,
    pub max_jsonl_file_bytes: u64,
    pub max_record_bytes: usize,
    pub max_description_chars: usize,
    pub max_text_chars: usize,
    /// A `received_at` older than this (before intake) is refused as implausible.
    pub max_received_age: chrono::Duration,
}

impl Default for Limits {
    fn default() -> Self {
        let l = files::LimitsSection::default();
        Limits {
            max_json_file_bytes: l.max_json_file_mib << 20,
            max_jsonl_file_bytes: l.max_jsonl_file_mib << 20,
            max_record_bytes: (l.max_record_kib << 10) as usize,
            max_description_chars: l.max_description_chars,
            max_text_chars: l.max_text_chars,
            max_received_age: chrono::Duration::days(i64::from(l.max_received_age_days)),
        }
    }
}

/// `gridwatch.toml`, validated.
#[derive(Debug, Clone)]
pub struct Settings {
    pub timezone: Tz,
    pub language: Lang,
    pub repeat_window: chrono::Duration,
    pub database_path: PathBuf,
    pub spool_dir: PathBuf,
    pub rescan_interval: Duration,
    pub http_bind: SocketAddr,
    pub api_keys: Vec<String>,
    /// The Open311 `jurisdiction_id` served; `None`: any is accepted.
    pub jurisdiction_id: Option<String>,
    /// Time allowed for a request's headers (also ends idle connections).
    pub http_header_timeout: Duration,
    /// Open connections at most; `None`: as many as the descriptor limit allows.
    pub http_max_connections: Option<usize>,
    pub deadlines: DeadlineRule,
    pub warn_before: chrono::Duration,
    pub stages: Vec<Stage>,
    pub poll_interval: Duration,
    pub heartbeat_interval: Duration,
    pub heartbeat_stale_after: Duration,
    pub alerts: AlertSettings,
    pub limits: Limits,
    /// The reporting unit and contact of the incident reports (`[bureau]`).
    pub bureau: Bureau,
    /// How often pollution sources are inspected (`[patrol]`, #11).
    pub patrol: crate::domain::patrol::PatrolRule,
}

/// Who reports upward: the unit's name in both languages and its duty phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bureau {
    pub name: crate::domain::incident::Bilingual,
    pub duty_phone: String,
}

/// The whole validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub source: ConfigSource,
    pub settings: Settings,
    pub calendar: Calendar,
    pub grids: GridTree,
    pub officers: BTreeMap<String, Officer>,
    /// The pollution-source register: taken up again when `enterprises.toml`
    /// changes (`register::Watch`), shared by every clone.
    pub enterprises: live::Live<BTreeMap<String, Enterprise>>,
    /// roster.toml, replaced whole when the file changes while running
    /// (`config::roster_file`); the swaps of the database are merged over
    /// it by `Roster::on_call`.
    pub roster: live::Live<Roster>,
    /// Why the last roster.toml read while running was refused (file:line),
    /// the roster in force kept; `None` when it was taken up.
    pub roster_refused: live::Live<Option<String>>,
    /// Emergency plans by id (the file stem of `plans/*.toml`).
    pub plans: BTreeMap<String, Plan>,
    /// Equipment and materials: the catalogue and the depots (`inventory.toml`).
    pub inventory: Inventory,
    /// Outflow sections and their target classes (`sections.toml`, #12),
    /// in the file's order; none without the file or when it is left out.
    pub sections: Vec<crate::domain::water::Section>,
    /// The grids' boundaries (`grids.geojson`, #12); empty without the file.
    pub map: crate::domain::geo::GridShapes,
    /// Why the last grids.geojson read while running was refused (file:line),
    /// the boundaries in force kept (`config::map_file`); `None` otherwise.
    pub map_refused: live::Live<Option<String>>,
    /// Problems that do not stop the program (shown by check-config and status).
    pub warnings: Vec<String>,
    /// Broken calendar files left out by [`Config::load_for_duty`], each
    /// with its error: every command says so on stderr.
    pub left_out: Vec<String>,
}

impl Config {
    /// Load and validate; `Err` holds every error found.
    pub fn load(source: ConfigSource) -> Result<Config, Vec<ConfigError>> {
        let (files, mut errors) = read_files_lenient(&source);
        // A required file that cannot be read would only bring a cascade of
        // errors about what it should have defined.
        if errors.iter().any(|e| !is_spare(&files, e)) {
            return Err(errors);
        }
        match validate::build(source, files) {
            Ok(config) if errors.is_empty() => Ok(config),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    /// Load for duty (every command but `check-config`, the daemon, the
    /// consoles): a broken or unreadable `calendar/` file costs only its year,
    /// which falls back to Mon–Fri with a warning naming the file and line,
    /// and a broken `plans/` file costs only that plan (running incidents
    /// hold their own copy), instead of stopping every command — `submit`,
    /// `escalate` and the daemon's escalation must go on. Any other error is
    /// an error.
    pub fn load_for_duty(source: ConfigSource) -> Result<Config, Vec<ConfigError>> {
        let (mut files, read_errors) = read_files_lenient(&source);
        let mut broken: Vec<ConfigError> = Vec::new();
        let mut errors = read_errors;
        // Each round leaves out the spare files that failed; a file left
        // out can reveal nothing new, so this ends within a round per file.
        for _ in 0..=files.len() + 1 {
            if errors.is_empty() {
                match validate::build(source.clone(), files.clone()) {
                    Ok(mut config) => {
                        for e in &broken {
                            let text = format!("{e} — {}", left_out_because(&files_kind(e)));
                            config.warnings.push(text.clone());
                            config.left_out.push(text);
                        }
                        return Ok(config);
                    }
                    Err(e) => errors = e,
                }
            }
            if !errors.iter().all(|e| is_spare(&files, e)) {
                return Err(errors);
            }
            files.retain(|name, f| !(spare(name) && errors.iter().any(|e| e.file == f.display)));
            broken.append(&mut errors);
        }
        Err(broken)
    }

    /// The embedded demo county (always valid: a unit test says so).
    pub fn embedded() -> Result<Config, Vec<ConfigError>> {
        Config::load(ConfigSource::Embedded)
    }
}

/// Files whose failure costs only themselves when on duty: a calendar year,
/// a plan, the inventory, the roster (a roster.toml half saved by an editor
/// must not stop arrivals, intake or a console from starting).
fn spare(name: &str) -> bool {
    name.starts_with("calendar/")
        || name.starts_with("plans/")
        || name == "inventory.toml"
        || name == "roster.toml"
        || name == "sections.toml"
        || name == geojson::FILE
}

/// Whether `e` is about a spare file (read, or named in the error).
fn is_spare(files: &Files, e: &ConfigError) -> bool {
    files
        .iter()
        .any(|(name, f)| spare(name) && f.display == e.file)
        || files_kind(e) != Spare::None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spare {
    Calendar,
    Plan,
    Inventory,
    Roster,
    Sections,
    Map,
    None,
}

/// Which kind of spare file an error names, from its path.
fn files_kind(e: &ConfigError) -> Spare {
    let f = e.file.replace('\\', "/");
    if f.contains("/calendar/") || f.contains("config/calendar/") {
        Spare::Calendar
    } else if f.contains("/plans/") || f.contains("config/plans/") {
        Spare::Plan
    } else if f.ends_with("inventory.toml") {
        Spare::Inventory
    } else if f.ends_with("roster.toml") {
        Spare::Roster
    } else if f.ends_with("sections.toml") {
        Spare::Sections
    } else if f.ends_with(geojson::FILE) {
        Spare::Map
    } else {
        Spare::None
    }
}

/// What leaving a broken spare file out costs, for its warning.
fn left_out_because(kind: &Spare) -> &'static str {
    match kind {
        Spare::Plan => {
            "this plan is left out: no incident can be opened from it until it is fixed (gridwatch check-config)"
        }
        Spare::Inventory => {
            "the inventory is left out: no depots and no stock until it is fixed (gridwatch check-config)"
        }
        Spare::Map => {
            "the map is left out: no grid boundaries, and no complaint placed by its point, until it is fixed (gridwatch check-config)"
        }
        Spare::Roster => {
            "the roster is left out: nobody is on call from roster.toml (swaps recorded still apply) until it is fixed (gridwatch check-config); a running daemon or console keeps the roster it has"
        }
        Spare::Sections => {
            "the outflow sections are left out: no water-quality figures until it is fixed (gridwatch check-config)"
        }
        _ => {
            "this file is left out: its year falls back to Mon–Fri until it is fixed (gridwatch check-config)"
        }
    }
}

/// The raw files of one configuration, by their path relative to the config dir.
pub(crate) type Files = BTreeMap<String, TomlFile>;

fn read_files(source: &ConfigSource) -> Result<Files, Vec<ConfigError>> {
    match source {
        ConfigSource::Embedded => {
            let mut out = Files::new();
            for (name, text) in EMBEDDED {
                out.insert(
                    name.to_string(),
                    TomlFile::new(format!("(embedded) config/{name}"), *text),
                );
            }
            Ok(out)
        }
        ConfigSource::Dir(dir) => {
            // Files are named absolutely: which directory was read matters.
            let dir = &std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
            if !dir.is_dir() {
                return Err(vec![ConfigError {
                    file: dir.display().to_string(),
                    line: None,
                    message: "no such config directory; give an existing one with --config (GRIDWATCH_CONFIG), or none for ./config or the embedded demo county".into(),
                }]);
            }
            read_named(dir, &dir_names(dir))
        }
    }
}

/// The files of a config directory to read: the required ones, the
/// optional ones present, `calendar/*.toml` and `plans/*.toml` (sorted).
fn dir_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = REQUIRED.iter().map(|s| s.to_string()).collect();
    names.extend(
        OPTIONAL
            .iter()
            .filter(|n| dir.join(n).exists())
            .map(|s| s.to_string()),
    );
    names.extend(calendar::file_names(dir));
    names.extend(plans::file_names(dir));
    names
}

/// [`read_files`], keeping what could be read beside what could not.
fn read_files_lenient(source: &ConfigSource) -> (Files, Vec<ConfigError>) {
    match source {
        ConfigSource::Dir(dir) if dir.is_dir() => {
            let dir = &std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
            read_some(dir, &dir_names(dir))
        }
        _ => match read_files(source) {
            Ok(files) => (files, Vec::new()),
            Err(errors) => (Files::new(), errors),
        },
    }
}

/// Read `names` (relative to `dir`) into [`Files`], naming each absolutely;
/// every file that cannot be read is an error.
fn read_named(dir: &Path, names: &[String]) -> Result<Files, Vec<ConfigError>> {
    let (out, errors) = read_some(dir, names);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// What of `names` could be read, and an error for each that could not.
fn read_some(dir: &Path, names: &[String]) -> (Files, Vec<ConfigError>) {
    let mut out = Files::new();
    let mut errors = Vec::new();
    for name in names {
        let path = dir.join(name);
        let display = path.display().to_string();
        if let Some(message) = not_readable(&path, name) {
            errors.push(ConfigError {
                file: display,
                line: None,
                message,
            });
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    out.insert(name.clone(), TomlFile::new(display, text));
                }
                Err(e) => errors.push(ConfigError {
                    file: display,
                    line: None,
                    message: format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
                }),
            },
            Err(e) => errors.push(ConfigError {
                file: display,
                line: None,
                message: if e.kind() == std::io::ErrorKind::NotFound {
                    "missing: every config directory needs this file".to_string()
                } else {
                    format!("cannot read: {e}")
                },
            }),
        }
    }
    (out, errors)
}

/// The largest config file read (the shipped ones are a few KiB).
const MAX_FILE_BYTES: u64 = 4 << 20;

/// Why `path` is not read at all: not a regular file (a device, a FIFO, a
/// directory — reading one would never end), too large, or a name that is
/// not UTF-8. `None`: read it (a missing file is reported by the read).
pub(crate) fn not_readable(path: &Path, name: &str) -> Option<String> {
    if name.contains('\u{FFFD}') {
        return Some(
            "its file name is not valid UTF-8: rename it (plans and calendar files are named by id)"
                .into(),
        );
    }
    let Ok(meta) = std::fs::metadata(path) else {
        // A link to nothing is not "missing" from the directory.
        return std::fs::symlink_metadata(path)
            .is_ok()
            .then(|| "a symbolic link to nothing: fix or remove the link".into());
    };
    if !meta.is_file() {
        return Some(
            "not a regular file (a directory, device or FIFO): config files must be plain files"
                .into(),
        );
    }
    (meta.len() > MAX_FILE_BYTES).then(|| {
        format!(
            "too large: {} bytes (at most {} MiB)",
            meta.len(),
            MAX_FILE_BYTES >> 20
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_demo_county_is_valid() {
        let c = Config::embedded().unwrap_or_else(|e| {
            panic!(
                "{}",
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert!(c.grids.len() >= 14);
        assert!(c.officers.len() >= 28);
        assert!(c.enterprises.current().len() >= 38);
        assert!(c.calendar.covers(2025) && c.calendar.covers(2026));
        assert!(c.plans.len() >= 5, "{:?}", c.plans.keys());
        assert!(c.inventory.depots.len() >= 3);
        // Every township has an outflow section (#12).
        for t in c.grids.iter().filter(|g| g.level == 2) {
            assert!(c.sections.iter().any(|s| s.grid == t.id), "{}", t.id);
        }
        for plan in c.plans.values() {
            assert!(
                !plan.steps.is_empty() && !plan.roles.is_empty(),
                "{}",
                plan.id
            );
            for need in &plan.items {
                assert!(
                    c.inventory.items.contains_key(&need.item),
                    "{}: {}",
                    plan.id,
                    need.item
                );
            }
        }
    }

    /// The demo shows shortfalls: some item is needed by a plan beyond what
    /// all the depots together hold.
    #[test]
    fn the_demo_county_is_short_of_something() {
        let c = Config::embedded().unwrap();
        let held = |item: &str| -> u32 {
            c.inventory
                .depots
                .values()
                .filter_map(|d| d.stock.get(item))
                .sum()
        };
        let short: Vec<&str> = c
            .plans
            .values()
            .flat_map(|p| &p.items)
            .filter(|n| held(&n.item) < n.quantity)
            .map(|n| n.item.as_str())
            .collect();
        assert!(short.contains(&"breathing_apparatus"), "{short:?}");
        assert!(short.contains(&"oil_boom"), "{short:?}");
    }
}
