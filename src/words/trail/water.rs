//! A water reading's audit record in words (#12): the section by id and
//! name, the local sampling time, the class in the reader's language with
//! the parameter that set it, and where an import came from.

use serde_json::Value;

use crate::config::Config;
use crate::domain::water::Class;
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The sentence of `water_reading.recorded`; `None` for an action of
/// theirs this build does not word.
pub fn sentence(lang: Lang, config: &Config, action: &str, d: &Value) -> Option<String> {
    if action != "water_reading.recorded" {
        return None;
    }
    let id = text(d, "section");
    let name = config
        .sections
        .iter()
        .find(|s| s.id == id)
        .map(|s| sanitize(&s.name))
        .unwrap_or_default();
    let at = chrono::DateTime::parse_from_rfc3339(text(d, "sampled_at"))
        .map(|t| super::when(config, t.with_timezone(&chrono::Utc)))
        .unwrap_or_else(|_| sanitize(text(d, "sampled_at")));
    let class = match Class::parse(text(d, "class")) {
        Some(c) if lang == Lang::Zh => c.zh().to_string(),
        Some(c) => c.roman().to_string(),
        None => sanitize(text(d, "class")),
    };
    let class = match d.get("worst").and_then(Value::as_str) {
        Some(w) => format!("{class} ({})", sanitize(w)),
        None => class,
    };
    let mut s = fill(
        T::WaterTrail.get(lang),
        &[
            ("section", &sanitize(id)),
            ("name", &name),
            ("at", &at),
            ("class", &class),
        ],
    );
    if let Some(origin) = text(d, "origin").strip_prefix("import:") {
        s.push_str(if lang == Lang::Zh { "；" } else { "; " });
        s.push_str(&fill(
            T::WaterTrailImported.get(lang),
            &[("origin", &sanitize(origin))],
        ));
    }
    Some(s)
}
