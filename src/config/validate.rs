//! What the values of the config files mean, and every way they can be wrong.
//! Each check pushes a located [`ConfigError`] and goes on, so one run of
//! `check-config` shows the whole list.
//!
//! This file runs the checks in order and sorts what they found; the checks
//! themselves are by file: `settings.rs` (gridwatch.toml), `grids.rs` (grids,
//! officers, enterprises), `schedule.rs` (roster and calendars),
//! `inventory.rs` (inventory.toml) and `plans.rs` (plans/*.toml).

use std::collections::BTreeSet;

use super::files::*;
use super::grids::{Refs, check_responsible, grids, officers};
use super::inventory::inventory;
use super::plans::plans;
use super::register::enterprises;
use super::schedule::{calendar_year, roster};
use super::settings::settings;
use super::source::{ConfigError, Parsed, TomlFile, key_path};

/// Whether a file read without a syntax error, and its items left out.
fn seen<T>(p: &Parsed<T>) -> (bool, &BTreeSet<String>) {
    (p.syntax_ok, &p.dropped)
}
use super::{Config, ConfigSource, Files};
use crate::domain::calendar::{Calendar, Years};

/// The arrangement of every `calendar/` file among `files`, validated.
pub(super) fn calendar_years(
    files: &Files,
    errors: &mut Vec<ConfigError>,
    warnings: &mut Vec<String>,
) -> Years {
    let mut years = Years::new();
    for (name, file) in files.iter().filter(|(n, _)| n.starts_with("calendar/")) {
        if let Some(raw) = file.parse::<CalendarFile>(errors) {
            if let Some(y) = calendar_year(name, file, raw, errors, warnings) {
                if years.insert(y.0, y.1).is_some() {
                    errors.push(file.error_at(
                        &key_path!["year"],
                        format!("year {} is defined by two calendar files", y.0),
                    ));
                }
            }
        }
    }
    years
}

pub(super) fn build(source: ConfigSource, files: Files) -> Result<Config, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let get = |name: &str| {
        files
            .get(name)
            .cloned()
            .unwrap_or_else(|| TomlFile::new(format!("config/{name}"), ""))
    };

    let settings_file = get("gridwatch.toml");
    let settings = settings_file
        .parse::<SettingsFile>(&mut errors)
        .and_then(|raw| settings(&settings_file, raw, &mut errors));

    // Every file is read as far as it goes: an item with an error is left
    // out and the rest still checked, references into it included, so one
    // run shows every error of every file.
    let officers_file = get("officers.toml");
    let raw_officers = officers_file.parse_keeping::<OfficersFile>(&mut errors);
    let grids_file = get("grids.toml");
    let raw_grids = grids_file.parse_keeping::<GridsFile>(&mut errors);
    // After a syntax error the file may have lost items: references into
    // it are not checked then, and it says so.
    let known =
        |file: &TomlFile, p: Option<(bool, &BTreeSet<String>)>, what: &str, errors: &mut Vec<_>| {
            match p.filter(|(syntax_ok, _)| *syntax_ok) {
                Some((_, dropped)) => Some(dropped.clone()),
                None => {
                    errors.push(file.error(
                    None,
                    format!(
                        "references to {what} in other files are not checked until this file reads"
                    ),
                ));
                    None
                }
            }
        };
    let refs = Refs {
        grids: known(
            &grids_file,
            raw_grids.as_ref().map(seen),
            "grids",
            &mut errors,
        ),
        officers: known(
            &officers_file,
            raw_officers.as_ref().map(seen),
            "officers",
            &mut errors,
        ),
    };
    let raw_grids = raw_grids.map(|p| p.value.grid).unwrap_or_default();
    let raw_officers = raw_officers.map(|p| p.value.officer).unwrap_or_default();

    let grids = grids(&grids_file, &raw_grids, &refs, &mut errors);
    let officers = officers(&officers_file, &raw_officers, &grids, &refs, &mut errors);
    check_responsible(&grids_file, &raw_grids, &officers, &refs, &mut errors);

    let ent_file = get("enterprises.toml");
    let enterprises = ent_file
        .parse_keeping::<EnterprisesFile>(&mut errors)
        .map(|f| {
            let read = f.syntax_ok && f.dropped.is_empty();
            let register = enterprises(&ent_file, f.value.enterprise, &grids, &refs, &mut errors);
            (register, read)
        });
    let (enterprises, register_read) = enterprises.unwrap_or_default();
    super::register::check_links(
        &officers_file,
        &raw_officers,
        &enterprises,
        register_read,
        &grids,
        &refs,
        &mut errors,
    );

    // Left out on duty (`Config::load_for_duty`): nobody is on call from
    // the file; a missing file is the reader's error.
    let roster_file = get("roster.toml");
    let roster = files
        .contains_key("roster.toml")
        .then(|| roster_file.parse_keeping::<RosterFile>(&mut errors))
        .flatten()
        .map(|f| {
            roster(
                &roster_file,
                f.value,
                &f.dropped,
                &grids,
                &officers,
                &refs,
                &mut errors,
            )
        })
        .unwrap_or_default();

    let years = calendar_years(&files, &mut errors, &mut warnings);

    let beside = |name: &str| {
        std::path::Path::new(&settings_file.display)
            .with_file_name(name)
            .display()
            .to_string()
    };
    let (inventory, item_refs) = inventory(
        files.get("inventory.toml"),
        &beside("inventory.toml"),
        &grids,
        &refs,
        &mut errors,
        &mut warnings,
    );
    let plans = plans(
        &files,
        &inventory,
        &item_refs,
        &beside("plans"),
        &mut errors,
        &mut warnings,
    );

    let sections =
        super::sections::sections(files.get("sections.toml"), &grids, &refs, &mut errors);
    let map =
        super::geojson::grid_shapes(files.get(super::geojson::FILE), &grids, &refs, &mut errors);

    // Files in name order, lines in order within a file, unlocated last.
    errors.sort_by(|a, b| {
        (&a.file, a.line.unwrap_or(usize::MAX)).cmp(&(&b.file, b.line.unwrap_or(usize::MAX)))
    });
    match settings {
        Some(settings) if errors.is_empty() => Ok(Config {
            source,
            settings,
            calendar: Calendar::new(years),
            grids,
            officers,
            enterprises: super::live::Live::new(enterprises),
            roster: super::live::Live::new(roster),
            roster_refused: super::live::Live::default(),
            plans,
            inventory,
            sections,
            map,
            map_refused: super::live::Live::default(),
            warnings,
            left_out: Vec::new(),
        }),
        _ => Err(errors),
    }
}
