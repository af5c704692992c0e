//! The command line's words for incidents: roles, items and depots by name,
//! the drill marker, times and countdowns, and the line printed after each
//! action ([`IncidentOutcome`]) — from the string table, in the interface
//! language; text from the configuration or the record sanitised.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::domain::incident::{IncidentDetail, Movement, StepChange};
use crate::i18n::{Lang, T, fill};
use crate::ops::IncidentOutcome;
use crate::text::{countdown, sanitize};
use crate::words::incident as values;

/// `11-30 09:12` in the configured zone.
pub fn short_time(t: DateTime<Utc>, tz: &Tz) -> String {
    t.with_timezone(tz).format("%m-%d %H:%M").to_string()
}

/// Time left until `due`: `12:00`, `+07:12` when past; a day or more in
/// days, hours and minutes: `14 d 23:59` / `14 天 23:59`.
pub fn left(lang: Lang, due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    span(lang, (due - now).num_seconds())
}

/// [`countdown`] below a day; from a day on, `14 d 23:59` / `+2 天 03:00`.
pub fn span(lang: Lang, secs: i64) -> String {
    const DAY: u64 = 24 * 3600;
    let abs = secs.unsigned_abs();
    if abs < DAY {
        return countdown(secs);
    }
    let sign = if secs < 0 { "+" } else { "" };
    let (d, h, m) = (abs / DAY, abs % DAY / 3600, abs % 3600 / 60);
    fill(
        T::IncFixDays.get(lang),
        &[
            ("sign", sign),
            ("d", &d.to_string()),
            ("hm", &format!("{h:02}:{m:02}")),
        ],
    )
}

/// `DRILL` / `演练`, or nothing.
pub fn drill(lang: Lang, drill: bool) -> &'static str {
    if drill { T::Drill.get(lang) } else { "" }
}

/// A role of the incident's frozen plan by its name; an unknown one by id.
pub fn role(lang: Lang, d: Option<&IncidentDetail>, id: &str) -> String {
    d.and_then(|d| d.roles.iter().find(|r| r.role == id))
        .map(|r| sanitize(values::bilingual(lang, &r.name)))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| sanitize(id))
}

/// An item of the catalogue by its name; an unknown one by id.
pub fn item(lang: Lang, config: &Config, id: &str) -> String {
    config
        .inventory
        .items
        .get(id)
        .map(|i| sanitize(values::bilingual(lang, &i.name)))
        .unwrap_or_else(|| sanitize(id))
}

/// The unit of an item (`m`, `袋`), or nothing.
pub fn unit(lang: Lang, config: &Config, id: &str) -> String {
    config
        .inventory
        .items
        .get(id)
        .map(|i| sanitize(values::bilingual(lang, &i.unit)))
        .unwrap_or_default()
}

/// `20 m` / `20 米`: a quantity with its unit.
pub fn quantity(lang: Lang, config: &Config, id: &str, n: impl std::fmt::Display) -> String {
    let unit = unit(lang, config, id);
    match (lang, unit.is_empty()) {
        (_, true) => n.to_string(),
        (Lang::Zh, false) => format!("{n}{unit}"),
        (Lang::En, false) => format!("{n} {unit}"),
    }
}

/// A depot: `D01 城关镇应急物资库`; an unknown one by id.
pub fn depot(config: &Config, id: &str) -> String {
    match config.inventory.depots.get(id) {
        Some(d) => format!("{} {}", sanitize(id), sanitize(&d.name)),
        None => sanitize(id),
    }
}

/// A grid: `T01 城关镇`.
pub fn grid(config: &Config, id: &str) -> String {
    let name = crate::tui::words::grid_name(config, id);
    if name.is_empty() {
        sanitize(id)
    } else {
        format!("{} {}", sanitize(id), sanitize(name))
    }
}

/// An officer: `O017 王芳`.
pub fn officer(config: &Config, id: &str) -> String {
    match config.officers.get(id) {
        Some(o) => format!("{} {}", sanitize(id), sanitize(&o.name)),
        None => sanitize(id),
    }
}

/// `10:30 (in 1:00:00)` / `10:30（剩余 1:00:00）`, or `10:30 (+0:12:00 overdue)`.
pub fn due(lang: Lang, tz: &Tz, due: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (due - now).num_seconds();
    let t = if secs >= 0 {
        T::IncCliDueIn
    } else {
        T::IncCliDuePast
    };
    fill(
        t.get(lang),
        &[("time", &short_time(due, tz)), ("left", &span(lang, secs))],
    )
}

/// The line printed after an action on an incident. `d` is the incident as
/// it is now (for names of roles and the drill marker); `depot_chosen`: the
/// command named no depot and the operation chose the one said.
pub fn outcome(
    lang: Lang,
    config: &Config,
    now: DateTime<Utc>,
    o: &IncidentOutcome,
    d: Option<&IncidentDetail>,
    depot_chosen: bool,
) -> String {
    let tz = &config.settings.timezone;
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let line = match o {
        IncidentOutcome::Opened {
            id,
            next_due_at,
            report_due_at,
        } => {
            let mut s = say(T::IncCliOpened, &[("id", &id.to_string())]);
            if let Some(t) = next_due_at {
                s.push_str(&say(
                    T::IncCliNextStepDue,
                    &[("due", &due(lang, tz, *t, now))],
                ));
            }
            if let Some(t) = report_due_at {
                s.push_str(&say(
                    T::IncCliReportDue,
                    &[("due", &due(lang, tz, *t, now))],
                ));
            }
            s
        }
        IncidentOutcome::StepChanged { id, n, change } => {
            let (id, n) = (id.to_string(), n.to_string());
            match change {
                StepChange::Done { .. } => say(T::IncCliStepDone, &[("id", &id), ("n", &n)]),
                StepChange::Undone => say(T::IncCliStepUndone, &[("id", &id), ("n", &n)]),
                StepChange::Skip { reason } => say(
                    T::IncCliStepSkipped,
                    &[("id", &id), ("n", &n), ("reason", &sanitize(reason))],
                ),
            }
        }
        IncidentOutcome::StepAdded { id, n } => {
            let due_at = d
                .and_then(|d| d.steps.iter().find(|s| s.n == *n))
                .map(|s| due(lang, tz, s.due_at, now))
                .unwrap_or_else(|| "-".into());
            say(
                T::IncCliStepAdded,
                &[
                    ("id", &id.to_string()),
                    ("n", &n.to_string()),
                    ("due", &due_at),
                ],
            )
        }
        IncidentOutcome::Assigned {
            id,
            officer: who,
            role: r,
            status,
            first_on_scene,
        } => {
            let mut s = say(
                T::IncCliAssigned,
                &[
                    ("id", &id.to_string()),
                    ("officer", &officer(config, who)),
                    ("role", &role(lang, d, r)),
                    ("status", values::person(*status).get(lang)),
                ],
            );
            if *first_on_scene {
                s.push_str(T::IncCliFirstOnScene.get(lang));
            }
            s
        }
        IncidentOutcome::Equipped {
            id,
            item: it,
            depot: dep,
            movement,
            quantity: n,
        } => {
            let what = format!(
                "{} {}",
                quantity(lang, config, it, n),
                item(lang, config, it)
            );
            let mut s = say(
                T::IncCliEquipped,
                &[
                    ("id", &id.to_string()),
                    ("what", &what),
                    ("movement", values::movement(*movement).get(lang)),
                ],
            );
            if let Some(dep) = dep {
                let how = match (depot_chosen, movement) {
                    (true, Movement::Returned) => T::IncFixDepotChosenReturn,
                    (true, _) => T::IncFixDepotChosenDispatch,
                    (false, _) => T::IncCliAtDepot,
                };
                s.push_str(&say(how, &[("depot", &depot(config, dep))]));
            }
            s
        }
        IncidentOutcome::Leveled {
            id,
            severity,
            report_due_before,
            report_due_after,
        } => {
            let mut s = say(
                T::IncCliLeveled,
                &[
                    ("id", &id.to_string()),
                    ("level", &values::severity_short(lang, severity)),
                ],
            );
            match (report_due_before, report_due_after) {
                (Some(b), Some(a)) if b != a => s.push_str(&say(
                    T::IncCliReportMoved,
                    &[
                        ("was", &short_time(*b, tz)),
                        ("due", &due(lang, tz, *a, now)),
                    ],
                )),
                (_, Some(a)) => s.push_str(&say(
                    T::IncCliReportDue,
                    &[("due", &due(lang, tz, *a, now))],
                )),
                _ => {}
            }
            s
        }
        IncidentOutcome::StatusChanged { id, status } => say(
            T::IncCliStatusNow,
            &[
                ("id", &id.to_string()),
                ("status", values::status(*status).get(lang)),
            ],
        ),
        IncidentOutcome::ReportSent { id, kind, to } => say(
            T::IncCliReportSent,
            &[
                ("id", &id.to_string()),
                ("kind", values::report(*kind).get(lang)),
                ("to", &sanitize(to)),
            ],
        ),
        IncidentOutcome::FactsRecorded { id, facts } => {
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            let names: Vec<&str> = facts.iter().map(|f| values::fact(*f).get(lang)).collect();
            say(
                T::IncCliFactsRecorded,
                &[("id", &id.to_string()), ("facts", &names.join(sep))],
            )
        }
    };
    match d {
        Some(d) if d.row.drill => format!("{} {line}", T::Drill.get(lang)),
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_or_more_is_counted_in_days() {
        let secs = 15 * 24 * 3600 - 1;
        assert_eq!(span(Lang::En, secs), "14 d 23:59");
        assert_eq!(span(Lang::Zh, secs), "14 天 23:59");
        assert_eq!(span(Lang::En, -(26 * 3600)), "+1 d 02:00");
        assert_eq!(span(Lang::En, 3600), "1:00:00");
    }
}
