//! When a plan's steps and reports are due: minutes after discovery, once
//! and per level (`I`…`IV`), within 0 to 30 days; and the initial report's
//! minutes against the national rule (a later deadline is a warning).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::source::{ConfigError, Seg, TomlFile, key_path};
use crate::domain::incident::{DueOffsets, Level, ReportRules};

/// `[reports]` of a plan file, as written.
#[derive(Debug, Deserialize)]
pub(super) struct ReportsSection {
    initial: Option<InitialSection>,
    final_after_close_minutes: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub(super) struct InitialSection {
    minutes: Option<i64>,
    #[serde(default)]
    by_level: BTreeMap<String, i64>,
}

/// 30 days: a due time later than this is a typo, not a plan.
pub(super) const MAX_MINUTES: i64 = 30 * 24 * 60;

/// The national rule: the initial report within 2 h for I/II, 4 h for III/IV.
const NATIONAL_INITIAL: [(Level, i64); 4] = [
    (Level::I, 120),
    (Level::II, 120),
    (Level::III, 240),
    (Level::IV, 240),
];

/// Minutes after discovery, once and per level; `whole` locates a missing value.
pub(super) fn due(
    f: &TomlFile,
    (minutes_at, minutes): (&[Seg], Option<i64>),
    (by_level_at, by_level): (&[Seg], &BTreeMap<String, i64>),
    who: &str,
    whole: &[Seg],
    errors: &mut Vec<ConfigError>,
) -> DueOffsets {
    let key = |p: &[Seg]| match p.last() {
        Some(Seg::Key(k)) => k.clone(),
        _ => String::new(),
    };
    let check = |errors: &mut Vec<ConfigError>, p: &[Seg], what: String, n: i64| {
        if !(0..=MAX_MINUTES).contains(&n) {
            errors.push(f.error_at(
                p,
                format!(
                    "{who}: {what} = {n}: minutes after discovery are 0 to {MAX_MINUTES} (30 days)"
                ),
            ));
        }
    };
    let flat = match minutes {
        Some(n) => {
            check(errors, minutes_at, key(minutes_at), n);
            n
        }
        None => {
            errors.push(f.error_at(whole, format!("{who}: {} is missing", key(minutes_at))));
            0
        }
    };
    let mut out = DueOffsets::flat(flat);
    for (k, n) in by_level {
        let mut p = by_level_at.to_vec();
        p.push(Seg::Key(k.clone()));
        match Level::ALL.into_iter().find(|l| l.id() == k) {
            Some(l) => {
                check(errors, &p, format!("{}.{k}", key(by_level_at)), *n);
                out.by_level.insert(l, *n);
            }
            None => {
                errors.push(f.error_at(&p, format!("{who}: '{k}' is not a level (I, II, III, IV)")))
            }
        }
    }
    out
}

pub(super) fn reports(
    f: &TomlFile,
    raw: Option<&ReportsSection>,
    errors: &mut Vec<ConfigError>,
    warnings: &mut Vec<String>,
) -> ReportRules {
    let missing = "[reports.initial] is missing: when the initial report (初报) is due, e.g. minutes = 240 and by_level = { I = 120, II = 120 }";
    let initial = match raw.and_then(|r| r.initial.as_ref()) {
        Some(i) => due(
            f,
            (&key_path!["reports", "initial", "minutes"], i.minutes),
            (&key_path!["reports", "initial", "by_level"], &i.by_level),
            "initial report",
            &key_path!["reports", "initial"],
            errors,
        ),
        None => {
            errors.push(match raw {
                Some(_) => f.error_at(&key_path!["reports"], missing),
                None => f.error(None, missing),
            });
            DueOffsets::flat(0)
        }
    };
    let final_after_close_minutes = raw.and_then(|r| r.final_after_close_minutes);
    if let Some(n) = final_after_close_minutes.filter(|n| !(0..=MAX_MINUTES).contains(n)) {
        errors.push(f.error_at(
            &key_path!["reports", "final_after_close_minutes"],
            format!("final_after_close_minutes = {n}: 0 to {MAX_MINUTES} (30 days)"),
        ));
    }
    for (level, most) in NATIONAL_INITIAL {
        let m = initial
            .by_level
            .get(&level)
            .copied()
            .unwrap_or(initial.minutes);
        if m > most {
            warnings.push(format!(
                "{}: the initial report at level {} is due {m} min after discovery, later than the national rule ({most} min)",
                f.display,
                level.id()
            ));
        }
    }
    ReportRules {
        initial,
        final_after_close_minutes,
    }
}
