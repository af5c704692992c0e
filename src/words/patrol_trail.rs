//! An inspection's or a township visit's audit record in words (#11
//! fixes): the source or township by name, the officers by name, the local
//! time — not the stored JSON with its UTC time. Used by `words::trail`
//! (so it does not use it).

use serde_json::Value;

use crate::config::Config;
use crate::domain::inspection::{InspectionKind, InspectionResult};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The local time of an RFC 3339 value: "11-30 09:00" (as `trail::when`,
/// which uses this file); the text when it does not read.
fn local(config: &Config, v: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(v)
        .map(|t| {
            t.with_timezone(&config.settings.timezone)
                .format("%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| sanitize(v))
}

/// An officer by name, the id when unknown (as `trail::officer`).
fn officer(config: &Config, id: &str) -> String {
    config
        .officers
        .get(id)
        .map_or_else(|| sanitize(id), |o| sanitize(&o.name))
}

/// The sentence of `inspection.logged` or `visit.logged`; `None` for an
/// action of theirs this build does not word.
pub fn sentence(lang: Lang, config: &Config, action: &str, d: &Value) -> Option<String> {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let mut out = match action {
        "inspection.logged" => {
            let id = text(d, "enterprise");
            let name = config
                .enterprises
                .current()
                .get(id)
                .map(|e| sanitize(&e.name))
                .unwrap_or_default();
            let officers: Vec<String> = d
                .get("officers")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(|o| officer(config, o))
                        .collect()
                })
                .unwrap_or_default();
            let kind = InspectionKind::parse(text(d, "kind"))
                .map(|k| super::patrol::kind(k).get(lang).to_string())
                .unwrap_or_else(|| sanitize(text(d, "kind")));
            let result = InspectionResult::parse(text(d, "result"))
                .map(|r| super::patrol::result(r).get(lang).to_string())
                .unwrap_or_else(|| sanitize(text(d, "result")));
            let mut s = say(
                T::SrcTrailInspection,
                &[
                    ("enterprise", &sanitize(id)),
                    ("name", &name),
                    ("kind", &kind),
                    (
                        "officers",
                        &officers.join(if lang == Lang::Zh { "、" } else { ", " }),
                    ),
                    ("at", &local(config, text(d, "at"))),
                    ("result", &result),
                ],
            );
            if let Some(c) = d.get("complaint").and_then(Value::as_i64) {
                s.push_str(sep);
                s.push_str(&say(T::SrcTrailComplaint, &[("id", &c.to_string())]));
            }
            let problems = text(d, "problems");
            if !problems.trim().is_empty() {
                s.push_str(sep);
                s.push_str(&say(T::SrcTrailProblems, &[("text", &sanitize(problems))]));
            }
            let by = text(d, "rectify_by");
            if !by.is_empty() {
                s.push_str(sep);
                s.push_str(&say(T::SrcTrailRectifyBy, &[("date", &sanitize(by))]));
            }
            s
        }
        "visit.logged" => {
            let township = text(d, "township");
            let name = config
                .grids
                .get(township)
                .map(|g| sanitize(&g.name))
                .unwrap_or_default();
            say(
                T::SrcTrailVisit,
                &[
                    ("township", &sanitize(township)),
                    ("name", &name),
                    ("officer", &officer(config, text(d, "officer"))),
                    ("at", &local(config, text(d, "at"))),
                ],
            )
        }
        _ => return None,
    };
    let note = text(d, "note");
    if !note.trim().is_empty() {
        out.push_str(" — ");
        out.push_str(&sanitize(note));
    }
    Some(out)
}
