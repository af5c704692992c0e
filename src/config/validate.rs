//! What the values of the config files mean, and every way they can be wrong.
//! Each check pushes a located [`ConfigError`] and goes on, so one run of
//! `check-config` shows the whole list.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;

use super::files::*;
use super::schedule::{calendar_year, roster};
use super::source::{ConfigError, TomlFile, key_path};
use super::{AlertSettings, Config, ConfigSource, Files, Limits, Settings};
use crate::domain::calendar::{Calendar, DeadlineRule, TimeWindow};
use crate::domain::escalation::{Stage, StageTarget};
use crate::domain::grid::{ControlLevel, Enterprise, Grid, GridTree, Officer};
use crate::i18n::Lang;

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

/// Which files parsed, so references into them can be checked.
#[derive(Debug, Clone, Copy)]
pub(super) struct Refs {
    pub(super) grids: bool,
    pub(super) officers: bool,
}

fn settings(f: &TomlFile, raw: SettingsFile, errors: &mut Vec<ConfigError>) -> Option<Settings> {
    let before = errors.len();
    let timezone = raw.timezone.parse::<chrono_tz::Tz>().unwrap_or_else(|_| {
        errors.push(f.error_at(
            &key_path!["timezone"],
            format!(
                "unknown timezone '{}' (e.g. \"Asia/Shanghai\")",
                raw.timezone
            ),
        ));
        chrono_tz::Asia::Shanghai
    });
    let language = Lang::parse(&raw.language).unwrap_or_else(|| {
        errors.push(f.error_at(
            &key_path!["language"],
            format!("language '{}' is not en or zh", raw.language),
        ));
        Lang::En
    });
    let database_path = match super::Location::parse(&raw.database.path) {
        Ok(l) => l.path().to_path_buf(),
        Err(why) => {
            errors.push(f.error_at(&key_path!["database", "path"], why));
            PathBuf::new()
        }
    };
    let http_bind = raw.http.bind.parse().unwrap_or_else(|_| {
        errors.push(f.error_at(
            &key_path!["http", "bind"],
            format!(
                "'{}' is not an address like \"127.0.0.1:8311\"",
                raw.http.bind
            ),
        ));
        std::net::SocketAddr::from(([127, 0, 0, 1], 8311))
    });
    let d = &raw.deadlines;
    let day_window = TimeWindow::parse(&d.day_window).unwrap_or_else(|e| {
        errors.push(f.error_at(
            &key_path!["deadlines", "day_window"],
            format!("day_window \"{}\": {e}", d.day_window),
        ));
        DeadlineRule::default().day_window
    });
    for (key, v) in [
        ("workday_day_minutes", d.workday_day_minutes),
        ("off_hours_minutes", d.off_hours_minutes),
    ] {
        if v == 0 || v > 24 * 60 {
            errors.push(f.error_at(
                &key_path!["deadlines", key],
                format!("{key} = {v}: must be between 1 and 1440"),
            ));
        }
    }
    let mut stages = Vec::new();
    let mut names = BTreeSet::new();
    for (i, s) in raw.escalation.stages.iter().enumerate() {
        if !names.insert(s.name.clone()) {
            errors.push(f.error_at(
                &key_path!["escalation", "stages", i, "name"],
                format!("stage '{}' is defined twice", s.name),
            ));
        }
        match StageTarget::parse(&s.target) {
            Some(target) => stages.push(Stage {
                name: s.name.clone(),
                offset: chrono::Duration::minutes(s.offset_minutes),
                target,
            }),
            None => errors.push(f.error_at(
                &key_path!["escalation", "stages", i, "target"],
                format!(
                    "unknown target '{}' (grid_on_call | parent_grid_leader | city_duty_leader)",
                    s.target
                ),
            )),
        }
    }
    let a = raw.alerts;
    if a.command.first().is_some_and(|c| c.trim().is_empty()) {
        errors.push(f.error_at(
            &key_path!["alerts", "command"],
            "the first word of the alert command must be a program",
        ));
    }
    let l = raw.limits;
    if raw.refresh.poll_interval_ms == 0 {
        errors.push(f.error_at(
            &key_path!["refresh", "poll_interval_ms"],
            "poll_interval_ms must be at least 1",
        ));
    }
    let mut api_keys: Vec<String> = raw.http.api_keys;
    if let Ok(env) = std::env::var("GRIDWATCH_API_KEYS") {
        api_keys.extend(
            env.split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(String::from),
        );
    }
    (errors.len() == before).then(|| Settings {
        timezone,
        language,
        repeat_window: chrono::Duration::days(i64::from(raw.repeat_window_days)),
        database_path,
        spool_dir: PathBuf::from(raw.spool.dir),
        rescan_interval: Duration::from_secs(raw.spool.rescan_interval_seconds.max(1)),
        http_bind,
        api_keys,
        jurisdiction_id: Some(raw.http.jurisdiction_id.trim().to_string())
            .filter(|j| !j.is_empty()),
        http_header_timeout: Duration::from_secs(raw.http.header_timeout_seconds.max(1)),
        http_max_connections: (raw.http.max_connections > 0).then_some(raw.http.max_connections),
        deadlines: DeadlineRule {
            day_window,
            workday_day_minutes: d.workday_day_minutes,
            off_hours_minutes: d.off_hours_minutes,
        },
        warn_before: chrono::Duration::minutes(i64::from(d.warn_before_minutes)),
        stages,
        poll_interval: Duration::from_millis(raw.refresh.poll_interval_ms),
        heartbeat_interval: Duration::from_secs(raw.refresh.heartbeat_interval_seconds.max(1)),
        heartbeat_stale_after: Duration::from_secs(
            raw.refresh.heartbeat_stale_after_seconds.max(1),
        ),
        alerts: AlertSettings {
            desktop: a.desktop,
            bell: a.bell,
            command: a.command,
            command_timeout: Duration::from_secs(a.command_timeout_seconds.max(1)),
            command_attempts: a.command_attempts.max(1),
            retry_backoff: Duration::from_millis(a.retry_backoff_ms.max(1)),
        },
        limits: Limits {
            max_json_file_bytes: l.max_json_file_mib << 20,
            max_jsonl_file_bytes: l.max_jsonl_file_mib << 20,
            max_record_bytes: (l.max_record_kib << 10) as usize,
            max_description_chars: l.max_description_chars,
            max_text_chars: l.max_text_chars,
            max_received_age: chrono::Duration::days(i64::from(l.max_received_age_days.max(1))),
        },
    })
}

fn grids(f: &TomlFile, raw: &[GridEntry], parsed: bool, errors: &mut Vec<ConfigError>) -> GridTree {
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
                None => errors.push(f.error_at(&key_path!["grid", i, "parent"], format!("grid {}: parent '{p}' is not a grid in grids.toml", g.id))),
                Some(parent) if parent.level + 1 != g.level => errors.push(f.error_at(
                    &key_path!["grid", i, "level"],
                    format!("grid {}: level {} under {} (level {}): a child is one level below its parent", g.id, g.level, p, parent.level),
                )),
                Some(_) => {}
            },
        }
    }
    let roots: Vec<_> = raw.iter().filter(|g| g.parent.is_none()).collect();
    if roots.len() != 1 && !raw.is_empty() {
        errors.push(f.error(
            None,
            format!(
                "the grid tree needs exactly one city grid without a parent, found {}",
                roots.len()
            ),
        ));
    }
    if raw.is_empty() && parsed {
        errors.push(f.error(None, "no [[grid]] defined"));
    }
    GridTree::new(raw.iter().map(|g| Grid {
        id: g.id.clone(),
        name: g.name.clone(),
        level: g.level,
        parent: g.parent.clone(),
        first_responsible: g.first_responsible.clone(),
        main_responsible: g.main_responsible.clone(),
        specific_responsible: g.specific_responsible.clone(),
        aliases: g.aliases.clone(),
    }))
}

fn officers(
    f: &TomlFile,
    raw: &[OfficerEntry],
    grids: &GridTree,
    refs: Refs,
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
            Some(g) if refs.grids && grids.get(g).is_none() => {
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

fn check_responsible(
    f: &TomlFile,
    raw: &[GridEntry],
    officers: &BTreeMap<String, Officer>,
    errors: &mut Vec<ConfigError>,
) {
    for (i, g) in raw.iter().enumerate() {
        let named = [
            ("first_responsible", g.first_responsible.as_ref()),
            ("main_responsible", g.main_responsible.as_ref()),
        ];
        for (key, who) in named {
            if let Some(who) = who.filter(|w| !officers.contains_key(w.as_str())) {
                errors.push(f.error_at(
                    &key_path!["grid", i, key],
                    format!("grid {}: {key} '{who}' is not in officers.toml", g.id),
                ));
            }
        }
        for who in g
            .specific_responsible
            .iter()
            .filter(|w| !officers.contains_key(w.as_str()))
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

fn enterprises(
    f: &TomlFile,
    raw: Vec<EnterpriseEntry>,
    grids: &GridTree,
    refs: Refs,
    errors: &mut Vec<ConfigError>,
) -> BTreeMap<String, Enterprise> {
    let mut out = BTreeMap::new();
    for (i, e) in raw.into_iter().enumerate() {
        if refs.grids && grids.get(&e.grid).is_none() {
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
        let id = e.id.clone();
        let ent = Enterprise {
            id: e.id,
            name: e.name,
            grid: e.grid,
            control_level: level,
            address: e.address,
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
