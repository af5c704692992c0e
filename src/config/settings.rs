//! What the values of `gridwatch.toml` mean, and every way they can be
//! wrong: timezone, language, the listener, deadlines, escalation stages,
//! alerts, refresh and limits (and the API keys that `GRIDWATCH_API_KEYS`
//! adds). Every error is located and collected, like the rest of
//! `validate.rs`.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use super::files::*;
use super::source::{ConfigError, TomlFile, key_path};
use super::{AlertSettings, Bureau, Limits, Settings};
use crate::domain::calendar::{DeadlineRule, TimeWindow};
use crate::domain::escalation::{Stage, StageTarget};
use crate::domain::incident::Bilingual;
use crate::domain::patrol::PatrolRule;
use crate::i18n::Lang;

pub(super) fn settings(
    f: &TomlFile,
    raw: SettingsFile,
    errors: &mut Vec<ConfigError>,
) -> Option<Settings> {
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
    let bureau = bureau(f, raw.bureau, errors);
    let patrol = patrol(f, &raw.patrol, errors);
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
        bureau,
        patrol,
    })
}

/// `[patrol]`: intervals of 1 day to a year, a shortening of 1–100 %.
fn patrol(f: &TomlFile, p: &PatrolSection, errors: &mut Vec<ConfigError>) -> PatrolRule {
    let days = [
        ("national_days", p.national_days),
        ("provincial_days", p.provincial_days),
        ("provincial_env_safety_days", p.provincial_env_safety_days),
        ("city_days", p.city_days),
        ("county_days", p.county_days),
        ("general_days", p.general_days),
        ("recent_days", p.recent_days),
        ("min_days", p.min_days),
    ];
    for (key, v) in days {
        if !(1..=366).contains(&v) {
            errors.push(f.error_at(
                &key_path!["patrol", key],
                format!("patrol {key} = {v}: must be between 1 and 366 days"),
            ));
        }
    }
    if !(1..=100).contains(&p.shorten_percent) {
        errors.push(f.error_at(
            &key_path!["patrol", "shorten_percent"],
            format!(
                "patrol shorten_percent = {}: the shortened interval in percent, 1 to 100 (50 halves it)",
                p.shorten_percent
            ),
        ));
    }
    PatrolRule {
        interval_days: [
            p.national_days,
            p.provincial_days,
            p.provincial_env_safety_days,
            p.city_days,
            p.county_days,
            p.general_days,
        ],
        recent_days: p.recent_days,
        shorten_percent: p.shorten_percent,
        min_days: p.min_days,
    }
}

/// `[bureau]`: names in both languages, not blank; a phone-shaped duty phone.
fn bureau(f: &TomlFile, raw: BureauSection, errors: &mut Vec<ConfigError>) -> Bureau {
    for (key, v) in [("name", &raw.name), ("name_zh", &raw.name_zh)] {
        if v.trim().is_empty() {
            errors.push(f.error_at(
                &key_path!["bureau", key],
                format!("bureau {key} is empty: the reporting unit of incident reports"),
            ));
        }
    }
    let digits = raw.duty_phone.chars().filter(char::is_ascii_digit).count();
    if !raw
        .duty_phone
        .chars()
        .all(|c| c.is_ascii_digit() || "+- ".contains(c))
        || !(3..=20).contains(&digits)
    {
        errors.push(f.error_at(
            &key_path!["bureau", "duty_phone"],
            format!(
                "bureau duty_phone '{}' is not a phone number",
                raw.duty_phone
            ),
        ));
    }
    Bureau {
        name: Bilingual::new(raw.name.trim(), raw.name_zh.trim()),
        duty_phone: raw.duty_phone.trim().to_string(),
    }
}
