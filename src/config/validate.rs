//! What the values of the config files mean, and every way they can be wrong.
//! Each check pushes a located [`ConfigError`] and goes on, so one run of
//! `check-config` shows the whole list.
//!
//! This file runs the checks in order and sorts what they found; the checks
//! themselves are by file: `settings.rs` (gridwatch.toml), `grids.rs` (grids,
//! officers, enterprises), `schedule.rs` (roster and calendars).

use std::collections::BTreeMap;

use super::files::*;
use super::grids::{Refs, check_responsible, enterprises, grids, officers};
use super::schedule::{calendar_year, roster};
use super::settings::settings;
use super::source::{ConfigError, TomlFile, key_path};
use super::{Config, ConfigSource, Files};
use crate::domain::calendar::Calendar;

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

    let officers_file = get("officers.toml");
    let raw_officers = officers_file
        .parse::<OfficersFile>(&mut errors)
        .map(|f| f.officer);
    let grids_file = get("grids.toml");
    let raw_grids = grids_file.parse::<GridsFile>(&mut errors).map(|f| f.grid);
    // When a file does not parse, references into it are not checked: one
    // syntax error should not bury its cause under a page of "not found".
    let refs = Refs {
        grids: raw_grids.is_some(),
        officers: raw_officers.is_some(),
    };
    let (raw_grids, raw_officers) = (
        raw_grids.unwrap_or_default(),
        raw_officers.unwrap_or_default(),
    );

    let grids = grids(&grids_file, &raw_grids, refs.grids, &mut errors);
    let officers = officers(&officers_file, &raw_officers, &grids, refs, &mut errors);
    if refs.officers {
        check_responsible(&grids_file, &raw_grids, &officers, &mut errors);
    }

    let ent_file = get("enterprises.toml");
    let enterprises = ent_file
        .parse::<EnterprisesFile>(&mut errors)
        .map(|f| enterprises(&ent_file, f.enterprise, &grids, refs, &mut errors))
        .unwrap_or_default();

    let roster_file = get("roster.toml");
    let roster = roster_file
        .parse::<RosterFile>(&mut errors)
        .map(|f| roster(&roster_file, f, &grids, &officers, refs, &mut errors))
        .unwrap_or_default();

    let mut years = BTreeMap::new();
    for (name, file) in files.iter().filter(|(n, _)| n.starts_with("calendar/")) {
        if let Some(raw) = file.parse::<CalendarFile>(&mut errors) {
            if let Some(y) = calendar_year(name, file, raw, &mut errors, &mut warnings) {
                if years.insert(y.0, y.1).is_some() {
                    errors.push(file.error_at(
                        &key_path!["year"],
                        format!("year {} is defined by two calendar files", y.0),
                    ));
                }
            }
        }
    }

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
            enterprises,
            roster,
            warnings,
        }),
        _ => Err(errors),
    }
}
