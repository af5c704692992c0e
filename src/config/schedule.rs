//! Validation of the time-shaped files: the roster (shifts, weekly duties,
//! dated overrides) and the holiday calendars. Every error is located and
//! collected, like the rest of `validate.rs`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};

use super::files::*;
use super::grids::Refs;
use super::source::{ConfigError, TomlFile, key_path};
use crate::domain::calendar::{TimeWindow, YearArrangement, conflicts};
use crate::domain::grid::{GridTree, Officer};
use crate::domain::roster::{Days, Duty, Override, Roster, Shift, overlapping_shifts, uncovered};

fn weekday(s: &str) -> Option<Vec<Weekday>> {
    use Weekday::*;
    Some(match s {
        "all" => vec![Mon, Tue, Wed, Thu, Fri, Sat, Sun],
        "weekdays" => vec![Mon, Tue, Wed, Thu, Fri],
        "weekend" => vec![Sat, Sun],
        _ => vec![s.parse::<Weekday>().ok()?],
    })
}

pub(super) fn roster(
    f: &TomlFile,
    raw: RosterFile,
    dropped_shifts: &BTreeSet<String>,
    grids: &GridTree,
    officers: &BTreeMap<String, Officer>,
    refs: &Refs,
    errors: &mut Vec<ConfigError>,
) -> Roster {
    let mut shifts = Vec::new();
    for (i, s) in raw.shift.iter().enumerate() {
        match TimeWindow::parse(&s.hours) {
            Ok(window) => shifts.push((
                i,
                Shift {
                    name: s.name.clone(),
                    window,
                },
            )),
            Err(e) => errors.push(f.error_at(
                &key_path!["shift", i, "hours"],
                format!("shift {}: {e}", s.name),
            )),
        }
    }
    let mut named: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, s) in raw.shift.iter().enumerate() {
        if let Some(first) = named.insert(s.name.as_str(), i) {
            named.insert(s.name.as_str(), first);
            errors.push(f.error_at(
                &key_path!["shift", i, "name"],
                format!(
                    "shift name '{}' is used twice{}: each [[shift]] needs its own name",
                    s.name,
                    line_of(f, &key_path!["shift", first])
                ),
            ));
        }
    }
    let plain: Vec<Shift> = shifts.iter().map(|(_, s)| s.clone()).collect();
    for (a, b) in overlapping_shifts(&plain) {
        let (ia, sa) = &shifts[a];
        let (_, sb) = &shifts[b];
        errors.push(f.error_at(
            &key_path!["shift", *ia, "hours"],
            format!(
                "overlapping shifts: '{}' ({}) and '{}' ({})",
                sa.name, sa.window, sb.name, sb.window
            ),
        ));
    }
    if !plain.is_empty() && plain.len() == raw.shift.len() && dropped_shifts.is_empty() {
        for gap in uncovered(&plain) {
            errors.push(f.error(
                None,
                format!("no shift covers {gap}: nobody would be on call then"),
            ));
        }
    } else if raw.shift.is_empty() && dropped_shifts.is_empty() {
        errors.push(f.error(None, "no [[shift]] defined"));
    }
    let shift_names: BTreeSet<&str> = raw
        .shift
        .iter()
        .map(|s| s.name.as_str())
        .chain(dropped_shifts.iter().map(String::as_str))
        .collect();
    let officer_check =
        |errors: &mut Vec<ConfigError>, p: &[super::source::Seg], who: Option<&String>| {
            if let Some(w) = who.filter(|w| refs.unknown_officer(officers, w)) {
                errors.push(f.error_at(p, format!("officer '{w}' is not in officers.toml")));
            }
        };
    let mut duties = Vec::new();
    let mut taken: BTreeMap<(String, String, u32), usize> = BTreeMap::new();
    for (i, d) in raw.duty.iter().enumerate() {
        if refs.unknown_grid(grids, &d.grid) {
            errors.push(f.error_at(
                &key_path!["duty", i, "grid"],
                format!("duty: grid '{}' is not in grids.toml", d.grid),
            ));
        }
        if !shift_names.contains(d.shift.as_str()) {
            errors.push(f.error_at(
                &key_path!["duty", i, "shift"],
                format!("duty: shift '{}' is not a [[shift]] name", d.shift),
            ));
        }
        twice(
            f,
            errors,
            &key_path!["duty", i],
            Some(&d.primary),
            d.backup.as_ref(),
        );
        officer_check(errors, &key_path!["duty", i, "primary"], Some(&d.primary));
        officer_check(errors, &key_path!["duty", i, "backup"], d.backup.as_ref());
        officer_check(errors, &key_path!["duty", i, "leader"], d.leader.as_ref());
        let mut days = Days::default();
        for (j, name) in d.days.iter().enumerate() {
            match weekday(name) {
                Some(ws) => ws.into_iter().for_each(|w| {
                    days.insert(w);
                }),
                None => errors.push(f.error_at(
                    &key_path!["duty", i, "days", j],
                    format!("'{name}' is not a weekday (Mon..Sun, weekdays, weekend, all)"),
                )),
            }
        }
        for w in days.iter() {
            if let Some(prev) = taken.insert(
                (d.grid.clone(), d.shift.clone(), w.num_days_from_monday()),
                i,
            ) {
                let line = f
                    .line_of(&key_path!["duty", prev])
                    .map(|l| format!(" (line {l})"))
                    .unwrap_or_default();
                errors.push(f.error_at(&key_path!["duty", i, "days"], format!("overlapping shifts: grid {} {} shift on {w} is already held by an earlier duty{line}", d.grid, d.shift)));
            }
        }
        duties.push(Duty {
            grid: d.grid.clone(),
            days,
            shift: d.shift.clone(),
            primary: d.primary.clone(),
            backup: d.backup.clone(),
            leader: d.leader.clone(),
        });
    }
    let mut overrides = Vec::new();
    let mut overridden: BTreeMap<(&str, String, &str), usize> = BTreeMap::new();
    for (i, o) in raw.overrides.iter().enumerate() {
        twice(
            f,
            errors,
            &key_path!["override", i],
            o.primary.as_ref(),
            o.backup.as_ref(),
        );
        let key = (o.grid.as_str(), o.date.to_string(), o.shift.as_str());
        if let Some(first) = overridden.get(&key) {
            errors.push(f.error_at(
                &key_path!["override", i, "date"],
                format!(
                    "override: grid {} {} shift on {} is already overridden{}: one override per grid, date and shift",
                    o.grid,
                    o.shift,
                    o.date,
                    line_of(f, &key_path!["override", *first])
                ),
            ));
        } else {
            overridden.insert(key, i);
        }
        if refs.unknown_grid(grids, &o.grid) {
            errors.push(f.error_at(
                &key_path!["override", i, "grid"],
                format!("override: grid '{}' is not in grids.toml", o.grid),
            ));
        }
        if !shift_names.contains(o.shift.as_str()) {
            errors.push(f.error_at(
                &key_path!["override", i, "shift"],
                format!("override: shift '{}' is not a [[shift]] name", o.shift),
            ));
        }
        officer_check(
            errors,
            &key_path!["override", i, "primary"],
            o.primary.as_ref(),
        );
        officer_check(
            errors,
            &key_path!["override", i, "backup"],
            o.backup.as_ref(),
        );
        officer_check(
            errors,
            &key_path!["override", i, "leader"],
            o.leader.as_ref(),
        );
        match toml_date(&o.date) {
            Some(date) => overrides.push(Override {
                grid: o.grid.clone(),
                date,
                shift: o.shift.clone(),
                primary: o.primary.clone(),
                backup: o.backup.clone(),
                leader: o.leader.clone(),
                reason: o.reason.clone(),
            }),
            None => errors.push(f.error_at(
                &key_path!["override", i, "date"],
                format!("'{}' is not a date like 2026-12-01", o.date),
            )),
        }
    }
    Roster {
        shifts: plain,
        duties,
        overrides,
    }
}

/// " (line N)" of the item at `path`, or nothing.
fn line_of(f: &TomlFile, path: &[super::source::Seg]) -> String {
    f.line_of(path)
        .map(|l| format!(" (line {l})"))
        .unwrap_or_default()
}

/// One officer as primary and backup of one shift would leave it with
/// nobody to fall back on.
fn twice(
    f: &TomlFile,
    errors: &mut Vec<ConfigError>,
    at: &[super::source::Seg],
    primary: Option<&String>,
    backup: Option<&String>,
) {
    if let (Some(p), Some(b)) = (primary, backup) {
        if p == b {
            let mut path = at.to_vec();
            path.push(super::source::Seg::Key("backup".into()));
            errors.push(f.error_at(
                &path,
                format!("officer '{p}' is both primary and backup of the same shift: name another backup"),
            ));
        }
    }
}

pub(super) fn toml_date(d: &toml::value::Datetime) -> Option<NaiveDate> {
    match (d.date, d.time, d.offset) {
        (Some(date), None, None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        ),
        _ => None,
    }
}

pub(super) fn calendar_year(
    name: &str,
    f: &TomlFile,
    raw: CalendarFile,
    errors: &mut Vec<ConfigError>,
    warnings: &mut Vec<String>,
) -> Option<(i32, YearArrangement)> {
    let before = errors.len();
    if name != format!("calendar/cn-{}.toml", raw.year) {
        errors.push(f.error_at(
            &key_path!["year"],
            format!(
                "year = {} but the file is named {name}; name it calendar/cn-{}.toml",
                raw.year, raw.year
            ),
        ));
    }
    let mut y = YearArrangement::default();
    for (i, h) in raw.holiday.iter().enumerate() {
        for (kind, list) in [("off", &h.off), ("work", &h.work)] {
            for (j, d) in list.iter().enumerate() {
                let p = key_path!["holiday", i, kind, j];
                let Some(date) = toml_date(d) else {
                    errors.push(
                        f.error_at(&p, format!("'{d}' is not a date like {}-10-01", raw.year)),
                    );
                    continue;
                };
                if date.year() != raw.year {
                    errors.push(f.error_at(&p, format!("{date} is not in {}", raw.year)));
                }
                if kind == "work" && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                    warnings.push(format!(
                        "{}: make-up working day {date} is a {} (already a working day)",
                        f.display,
                        date.weekday()
                    ));
                }
                let target = if kind == "off" {
                    &mut y.off
                } else {
                    &mut y.work
                };
                if target.insert(date, h.name.clone()).is_some() {
                    errors.push(f.error_at(&p, format!("{date} is listed twice")));
                }
            }
        }
    }
    for c in conflicts(&y) {
        errors.push(f.error(None, c));
    }
    (errors.len() == before).then_some((raw.year, y))
}
