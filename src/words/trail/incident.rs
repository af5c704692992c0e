//! An incident's timeline in words: one sentence per `incident.*` audit
//! record (the actions the store and the escalator write), for `incident
//! show` and the incident view alike. Roles and items by name (from the
//! configuration's plans and catalogue), officers by name, times local.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::config::Config;
use crate::domain::AuditEntry;
use crate::domain::incident::{
    Fact, IncidentStatus, Level, Movement, PersonStatus, Question, ReportKind,
};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;
use crate::words::incident as values;

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// An RFC 3339 time of the record as `11-30 13:12` local; `-` when absent.
fn at(config: &Config, v: &Value, key: &str) -> String {
    DateTime::parse_from_rfc3339(text(v, key))
        .map(|t| super::when(config, t.with_timezone(&Utc)))
        .unwrap_or_else(|_| "-".into())
}

/// A level as stored (`III`, `unknown`) with its answers, in words: in full
/// ("level unknown, treated as I/II: …") or, after the word "level" of a
/// level change, short ("unknown (treated as I/II: …)").
fn level(lang: Lang, id: &str, answers: Option<&Value>, short: bool) -> String {
    if let Some(l) = Level::parse(id) {
        return values::level(l).get(lang).to_string();
    }
    let yes: Vec<&str> = answers
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|q| Question::parse(q.as_str().unwrap_or("")))
                .map(|q| values::question(q).get(lang))
                .collect()
        })
        .unwrap_or_default();
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let grave = || {
        fill(
            T::IncCliTreatedGrave.get(lang),
            &[("levels", "I/II"), ("answers", &yes.join(sep))],
        )
    };
    match (short, yes.is_empty()) {
        (true, true) => T::IncCliUnknownShort.get(lang).to_string(),
        (true, false) => format!(
            "{}{}",
            T::IncCliUnknownShort.get(lang),
            crate::words::paren(lang, &grave())
        ),
        (false, true) => T::IncLevelUnknown.get(lang).to_string(),
        (false, false) => format!(
            "{}{}{}",
            T::IncLevelUnknownGrave.get(lang),
            crate::words::colon(lang),
            yes.join(sep)
        ),
    }
}

/// A role of a record by the name the incident's own frozen plan gave it
/// (`role_name`, written with the record). A record written before that was
/// kept takes the name the configured plans give the id when they all agree
/// on it, else the id (another plan's name for it would be wrong).
fn role(lang: Lang, config: &Config, d: &Value) -> String {
    let id = text(d, "role");
    if let Some(name) = d
        .get("role_name")
        .and_then(|n| n.get(if lang == Lang::Zh { "zh" } else { "en" }))
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty())
    {
        return sanitize(name);
    }
    let mut names: Vec<&str> = config
        .plans
        .values()
        .flat_map(|p| p.roles.iter())
        .filter(|r| r.role == id)
        .map(|r| values::bilingual(lang, &r.name))
        .filter(|n| !n.trim().is_empty())
        .collect();
    names.dedup();
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [one] => sanitize(one),
        _ => sanitize(id),
    }
}

fn person(lang: Lang, id: &str) -> String {
    PersonStatus::parse(id)
        .map(|p| values::person(p).get(lang).to_string())
        .unwrap_or_else(|| sanitize(id))
}

fn status(lang: Lang, id: &str) -> String {
    IncidentStatus::parse(id)
        .map(|s| values::status(s).get(lang).to_string())
        .unwrap_or_else(|| sanitize(id))
}

/// `water-pollution (River or lake water pollution)`: the id people type, and its title.
fn plan_words(lang: Lang, id: &str, name: &str) -> String {
    if name.is_empty() {
        sanitize(id)
    } else if lang == Lang::Zh {
        // The file id is English words: a Chinese reader gets the name alone.
        name.to_string()
    } else {
        format!("{}{}", sanitize(id), crate::words::paren(lang, name))
    }
}

/// An item's name and unit, in the reader's language.
fn item(lang: Lang, config: &Config, id: &str) -> (String, String) {
    match config.inventory.items.get(id) {
        Some(i) => (
            sanitize(values::bilingual(lang, &i.name)),
            sanitize(values::bilingual(lang, &i.unit)),
        ),
        None => (sanitize(id), String::new()),
    }
}

fn movement(lang: Lang, id: &str) -> String {
    let m = match id {
        "requested" => Movement::Requested,
        "dispatched" => Movement::Dispatched,
        "returned" => Movement::Returned,
        other => return sanitize(other),
    };
    values::movement(m).get(lang).to_string()
}

/// What one `incident.*` record says, without time and actor; `None` for
/// an action this build does not word.
pub fn sentence(lang: Lang, config: &Config, e: &AuditEntry) -> Option<String> {
    let d = &e.details;
    let t = |k: T, args: &[(&str, &str)]| fill(k.get(lang), args);
    let n = d.get("n").map(Value::to_string).unwrap_or_default();
    let with = |s: String, key: &str| match d.get(key).and_then(Value::as_str) {
        Some(x) if !x.trim().is_empty() => {
            format!("{s}{}{}", crate::words::colon(lang), sanitize(x))
        }
        _ => s,
    };
    Some(match e.action.as_str() {
        "incident.open" => {
            let plan = text(d, "plan");
            let name = config
                .plans
                .get(plan)
                .map(|p| sanitize(values::bilingual(lang, &p.name)))
                .unwrap_or_default();
            let mut s = t(
                T::IncCliTrailOpened,
                &[
                    ("plan", &plan_words(lang, plan, &name)),
                    (
                        "level",
                        &level(lang, text(d, "level"), d.get("answers"), false),
                    ),
                    ("due", &at(config, d, "report_due_at")),
                ],
            );
            if let Some(c) = d.get("complaint").and_then(Value::as_i64) {
                s.push_str(&t(T::IncCliTrailFromComplaint, &[("id", &c.to_string())]));
            }
            if d.get("drill").and_then(Value::as_bool) == Some(true) {
                s = format!("{} {s}", T::Drill.get(lang));
            }
            s
        }
        "incident.level" => {
            let mut s = t(
                T::IncCliTrailLevel,
                &[
                    (
                        "from",
                        &level(lang, text(d, "from"), d.get("answers_before"), true),
                    ),
                    ("to", &level(lang, text(d, "to"), d.get("answers"), true)),
                ],
            );
            let before = at(config, d, "report_due_before");
            let after = at(config, d, "report_due_after");
            if before != after && after != "-" {
                s.push_str(&t(
                    T::IncCliTrailReportMoved,
                    &[("was", &before), ("due", &after)],
                ));
            }
            s
        }
        "incident.step.done" => with(t(T::IncCliTrailStepDone, &[("n", &n)]), "note"),
        "incident.step.skip" => with(t(T::IncCliTrailStepSkipped, &[("n", &n)]), "reason"),
        "incident.step.undone" => t(T::IncCliTrailStepUndone, &[("n", &n)]),
        "incident.step.add" => {
            let mut s = t(
                T::IncCliTrailStepAdded,
                &[
                    ("n", &n),
                    ("text", &sanitize(text(d, "text"))),
                    ("due", &at(config, d, "due_at")),
                ],
            );
            if d.get("role").and_then(Value::as_str).is_some() {
                s.push_str(&crate::words::paren(lang, &role(lang, config, d)));
            }
            s
        }
        "incident.step.escalated" => {
            let target = match d.get("target").and_then(Value::as_str) {
                Some(o) => super::officer(config, o),
                None => T::TrailNobody.get(lang).to_string(),
            };
            t(
                T::IncCliTrailStepEscalated,
                &[
                    ("n", &n),
                    ("stage", &crate::words::stage(lang, text(d, "stage"))),
                    ("target", &target),
                ],
            )
        }
        "incident.step.escalation_skipped" => {
            // As a complaint's: the stage left out because a later one was due.
            let skipped = t(
                T::TrailStageSkipped,
                &[
                    ("stage", &crate::words::stage(lang, text(d, "stage"))),
                    ("because", &crate::words::stage(lang, text(d, "because"))),
                ],
            );
            t(T::IncCliTrailStepNote, &[("n", &n), ("what", &skipped)])
        }
        "incident.assign" => {
            let who = super::officer(config, text(d, "officer"));
            let r = role(lang, config, d);
            let to = person(lang, text(d, "to"));
            let mut s = match d.get("from").and_then(Value::as_str) {
                Some(from) => t(
                    T::IncCliTrailMoved,
                    &[
                        ("officer", &who),
                        ("role", &r),
                        ("from", &person(lang, from)),
                        ("to", &to),
                    ],
                ),
                None => t(
                    T::IncCliTrailAssigned,
                    &[("officer", &who), ("role", &r), ("to", &to)],
                ),
            };
            if d.get("first_on_scene").and_then(Value::as_bool) == Some(true) {
                s.push_str(T::IncCliFirstOnScene.get(lang));
            }
            s
        }
        "incident.equip" => {
            let (name, unit) = item(lang, config, text(d, "item"));
            let q = d.get("quantity").map(Value::to_string).unwrap_or_default();
            let what = match (lang, unit.is_empty()) {
                (_, true) => format!("{q} {name}"),
                (Lang::Zh, false) => format!("{q}{unit} {name}"),
                (Lang::En, false) => format!("{q} {unit} {name}"),
            };
            let mut s = t(
                T::IncCliTrailEquip,
                &[
                    ("what", &what),
                    ("movement", &movement(lang, text(d, "movement"))),
                ],
            );
            if let Some(dep) = d.get("depot").and_then(Value::as_str) {
                let name = config
                    .inventory
                    .depots
                    .get(dep)
                    .map(|x| format!("{} {}", sanitize(dep), sanitize(&x.name)))
                    .unwrap_or_else(|| sanitize(dep));
                s.push_str(&t(T::IncCliAtDepot, &[("depot", &name)]));
            }
            s
        }
        "incident.status" => t(
            T::IncCliTrailStatus,
            &[
                ("from", &status(lang, text(d, "from"))),
                ("to", &status(lang, text(d, "to"))),
            ],
        ),
        "incident.close" => {
            let mut s = T::IncCliTrailClosed.get(lang).to_string();
            if d.get("final_report_due_at").is_some_and(|v| !v.is_null()) {
                s.push_str(&t(
                    T::IncCliTrailFinalDue,
                    &[("due", &at(config, d, "final_report_due_at"))],
                ));
            }
            s
        }
        "incident.reopen" => with(T::IncCliTrailReopened.get(lang).to_string(), "reason"),
        "incident.facts" => {
            let sep = if lang == Lang::Zh { "；" } else { "; " };
            let said: Vec<String> = Fact::ALL
                .iter()
                .filter_map(|f| {
                    d.get(f.id()).and_then(Value::as_str).map(|x| {
                        format!(
                            "{}{}{}",
                            values::fact(*f).get(lang),
                            crate::words::colon(lang),
                            sanitize(x)
                        )
                    })
                })
                .collect();
            t(T::IncCliTrailFacts, &[("facts", &said.join(sep))])
        }
        "incident.report.sent" => {
            let kind = ReportKind::parse(text(d, "kind"))
                .map(|k| values::report(k).get(lang).to_string())
                .unwrap_or_else(|| sanitize(text(d, "kind")));
            t(
                T::IncCliTrailReportSent,
                &[("kind", &kind), ("to", &sanitize(text(d, "to")))],
            )
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str, details: Value) -> AuditEntry {
        AuditEntry {
            seq: 1,
            at: "2026-11-30T02:00:00Z".parse().unwrap(),
            clock: "system".into(),
            actor: "escalator".into(),
            console: "daemon".into(),
            action: action.into(),
            subject: "incident:1".into(),
            details,
        }
    }

    /// The escalator's records read like a complaint's, with the step's
    /// number; roles and levels by name; an action of a newer build is left
    /// to the caller (shown by its identifier).
    #[test]
    fn escalations_levels_and_roles_are_worded_in_both_languages() {
        let config = Config::embedded().unwrap();
        let say = |lang, action: &str, d: Value| sentence(lang, &config, &entry(action, d));
        let escalated = serde_json::json!({"n": 3, "stage": "breach", "target": "O017"});
        let en = say(Lang::En, "incident.step.escalated", escalated.clone()).unwrap();
        assert!(
            en.starts_with("step 3 overdue: ") && en.contains("金芳"),
            "{en}"
        );
        let zh = say(Lang::Zh, "incident.step.escalated", escalated).unwrap();
        assert!(
            zh.starts_with("步骤 3 超时：") && zh.contains("金芳"),
            "{zh}"
        );
        let skipped = serde_json::json!({"n": 2, "stage": "warn", "because": "breach"});
        let en = say(Lang::En, "incident.step.escalation_skipped", skipped).unwrap();
        assert!(en.starts_with("step 2: ") && en.contains("skipped"), "{en}");
        let level = serde_json::json!({"from": "unknown", "answers_before": ["heavy_metals"], "to": "II",
            "report_due_before": "2026-11-30T03:00:00Z", "report_due_after": "2026-11-30T03:00:00Z"});
        let en = say(Lang::En, "incident.level", level).unwrap();
        assert_eq!(
            en,
            "level unknown (treated as I/II: heavy metals or metalloids) → II (serious)"
        );
        let assign = serde_json::json!({"officer": "O017", "role": "monitoring",
            "role_name": {"en": "Emergency monitoring", "zh": "应急监测"},
            "from": "requested", "to": "on_scene", "first_on_scene": true});
        let zh = say(Lang::Zh, "incident.assign", assign).unwrap();
        assert_eq!(zh, "金芳（应急监测）：待通知 → 已到场——首位到场");
        // The role's name is the incident's own plan's, not another plan's
        // for the same id; a record without it (older) names the id.
        let expert = serde_json::json!({"officer": "O017", "role": "expert",
            "role_name": {"en": "Expert", "zh": "专家"}, "to": "requested"});
        let en = say(Lang::En, "incident.assign", expert).unwrap();
        assert!(en.contains("as Expert"), "{en}");
        let old = serde_json::json!({"officer": "O017", "role": "expert", "to": "requested"});
        let en = say(Lang::En, "incident.assign", old).unwrap();
        assert!(en.contains("as expert"), "plans disagree on its name: {en}");
        assert_eq!(say(Lang::En, "incident.future", Value::Null), None);
    }
}
