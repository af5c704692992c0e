//! A shift handover (#11) in words: what was recorded, why one was
//! refused, and its line in the audit trail — the same for the command
//! line and the console.

use serde_json::Value;

use crate::config::Config;
use crate::domain::handover::HandoverError;
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;

/// "王芳 (O005)", or the id when not in officers.toml.
fn who(lang: Lang, config: &Config, id: &str) -> String {
    match config.officers.get(id) {
        Some(o) => format!("{}{}", sanitize(&o.name), super::paren(lang, &sanitize(id))),
        None => sanitize(id),
    }
}

/// "Handover #3 recorded: 崔志强 (O005) → 冯海燕 (O004), now on duty."
pub fn done(lang: Lang, config: &Config, id: i64, from: &str, to: &str) -> String {
    fill(
        T::HandDone.get(lang),
        &[
            ("id", &id.to_string()),
            ("from", &who(lang, config, from)),
            ("to", &who(lang, config, to)),
        ],
    )
}

/// Why a handover was refused.
pub fn error(lang: Lang, e: &HandoverError) -> String {
    match e {
        HandoverError::UnknownOfficer { officer, incoming } => {
            let role = if *incoming {
                T::HandRoleIncoming
            } else {
                T::HandRoleOutgoing
            };
            fill(
                T::HandErrUnknown.get(lang),
                &[("officer", &sanitize(officer)), ("role", role.get(lang))],
            )
        }
        HandoverError::SameOfficer(o) => {
            fill(T::HandErrSame.get(lang), &[("officer", &sanitize(o))])
        }
        HandoverError::EmptySheet => T::HandErrEmpty.get(lang).to_string(),
        HandoverError::SheetTooBig { bytes, max } => fill(
            T::HandErrTooBig.get(lang),
            &[("bytes", &bytes.to_string()), ("max", &max.to_string())],
        ),
    }
}

/// The trail's words for a `handover.*` record, by the names it kept.
pub fn sentence(lang: Lang, config: &Config, action: &str, d: &Value) -> Option<String> {
    if action != "handover.recorded" {
        return None;
    }
    let name = |id: &str, kept: &str| {
        let id = d.get(id).and_then(Value::as_str).unwrap_or("");
        match d.get(kept).and_then(Value::as_str) {
            Some(n) if !n.trim().is_empty() => {
                format!("{}{}", sanitize(n), super::paren(lang, &sanitize(id)))
            }
            _ => who(lang, config, id),
        }
    };
    let said = fill(
        T::HandTrail.get(lang),
        &[
            ("from", &name("from", "from_name")),
            ("to", &name("to", "to_name")),
        ],
    );
    Some(match d.get("note").and_then(Value::as_str) {
        Some(n) if !n.trim().is_empty() => format!("{said} — {}", sanitize(n)),
        _ => said,
    })
}
