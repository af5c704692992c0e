//! Alerts at a console: what the store task found that nobody may miss (an
//! escalation, or a complaint just received), and their words in the
//! console's language: the banner's sentences, the desktop notification,
//! the escalation ticker. Every word comes from the string table; the
//! numbers are worked out from the record, never from the stage's offset,
//! so a warning fired with 5 minutes left says 5 minutes.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::domain::escalation::Standing;
use crate::domain::{AlertRef, EscalationRow};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;

/// Something a console must show until someone acknowledges it.
#[derive(Debug, Clone, PartialEq)]
pub enum Alert {
    /// An escalation that alerted someone (skipped stages never make one).
    Escalation(EscalationRow),
    /// A complaint that has just arrived.
    NewComplaint {
        id: i64,
        place: Option<String>,
        received_at: DateTime<Utc>,
        deadline_at: DateTime<Utc>,
    },
}

impl Alert {
    /// The key every console acknowledges it by.
    pub fn key(&self) -> AlertRef {
        match self {
            Alert::Escalation(e) => AlertRef::Escalation(e.id),
            Alert::NewComplaint { id, .. } => AlertRef::NewComplaint(*id),
        }
    }
}

/// A stage's name as people read it; a configured stage of another name as named.
pub fn stage_name(lang: Lang, stage: &str) -> Cow<'static, str> {
    Cow::Owned(crate::words::stage(lang, stage))
}

/// Where the deadline stood when an escalation was recorded.
fn standing(e: &EscalationRow) -> Standing {
    crate::domain::escalation::standing(e.deadline_at, e.at)
}

fn hm(t: DateTime<Utc>, tz: &Tz) -> String {
    t.with_timezone(tz).format("%H:%M").to_string()
}

/// Between two sentences: a space in English, nothing after a Chinese full stop.
fn sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Zh => "",
    }
}

/// What an alert says, longest first: every variant is whole sentences
/// (what happened, to whom, since when); a narrow screen takes the first
/// that fits rather than cutting one.
pub fn sentences(alert: &Alert, config: &Config, lang: Lang) -> Vec<String> {
    let tz = &config.settings.timezone;
    let join = |a: &str, b: &str| sanitize(&format!("{a}{}{b}", sep(lang)));
    match alert {
        Alert::Escalation(e) => {
            let id = e.complaint_id.to_string();
            let at = hm(e.at, tz);
            let whom = match e.target.as_deref() {
                Some(t) => {
                    let who = config
                        .officers
                        .get(t)
                        .map(|o| format!("{} {}", o.name, o.phone))
                        .unwrap_or_else(|| t.to_string());
                    vec![
                        fill(T::AlertWhom.get(lang), &[("who", &who), ("at", &at)]),
                        fill(T::AlertWhomShort.get(lang), &[("at", &at)]),
                    ]
                }
                None => vec![fill(T::AlertNobody.get(lang), &[("at", &at)])],
            };
            let what = if e.automatic {
                let stage = stage_name(lang, &e.stage);
                let deadline = hm(e.deadline_at, tz);
                let args = |t: T, n: Option<(&str, String)>| {
                    let mut a = vec![("id", id.clone()), ("stage", stage.to_string())];
                    a.push(("deadline", deadline.clone()));
                    a.extend(n);
                    let a: Vec<(&str, &str)> = a.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    fill(t.get(lang), &a)
                };
                vec![match standing(e) {
                    Standing::Before(m) => args(T::AlertBefore, Some(("left", m.to_string()))),
                    Standing::At => args(T::AlertAt, None),
                    Standing::After(m) => args(T::AlertAfter, Some(("late", m.to_string()))),
                }]
            } else {
                vec![
                    fill(
                        T::AlertManual.get(lang),
                        &[("id", &id), ("by", &e.by), ("reason", e.reason.trim())],
                    ),
                    fill(T::AlertManualShort.get(lang), &[("id", &id), ("by", &e.by)]),
                ]
            };
            let mut out = Vec::new();
            for w in &what {
                for h in &whom {
                    let s = join(w, h);
                    if !out.contains(&s) {
                        out.push(s);
                    }
                }
            }
            out
        }
        Alert::NewComplaint {
            id,
            place,
            received_at,
            deadline_at,
        } => {
            let (id, at, deadline) = (id.to_string(), hm(*received_at, tz), hm(*deadline_at, tz));
            let short = fill(
                T::AlertNewShort.get(lang),
                &[("id", &id), ("at", &at), ("deadline", &deadline)],
            );
            match place {
                Some(p) => vec![
                    sanitize(&fill(
                        T::AlertNew.get(lang),
                        &[
                            ("id", &id),
                            ("place", p),
                            ("at", &at),
                            ("deadline", &deadline),
                        ],
                    )),
                    sanitize(&short),
                ],
                None => vec![sanitize(&short)],
            }
        }
    }
}

/// The desktop notification: `(title, body)`.
pub fn notification(alert: &Alert, config: &Config, lang: Lang) -> (String, String) {
    let title = match alert {
        Alert::Escalation(e) => fill(
            T::NotifyEscalation.get(lang),
            &[
                ("id", &e.complaint_id.to_string()),
                ("stage", &stage_name(lang, &e.stage)),
            ],
        ),
        Alert::NewComplaint { id, .. } => fill(T::NotifyNew.get(lang), &[("id", &id.to_string())]),
    };
    let body = sentences(alert, config, lang)
        .into_iter()
        .next()
        .unwrap_or_default();
    (title, body)
}

/// The ticker's words for an escalation: how far from the deadline an
/// automatic stage fired, or the duty officer's reason.
pub fn ticker(e: &EscalationRow, lang: Lang, tz: &Tz) -> String {
    if !e.automatic {
        return sanitize(&e.reason);
    }
    let deadline = hm(e.deadline_at, tz);
    match standing(e) {
        Standing::Before(m) => fill(
            T::TickBefore.get(lang),
            &[("left", &m.to_string()), ("deadline", &deadline)],
        ),
        Standing::At => fill(T::TickAt.get(lang), &[("deadline", &deadline)]),
        Standing::After(m) => fill(
            T::TickAfter.get(lang),
            &[("late", &m.to_string()), ("deadline", &deadline)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigSource;

    fn config() -> Config {
        Config::load(ConfigSource::Embedded).unwrap()
    }

    fn esc(stage: &str, at: &str, target: Option<&str>) -> EscalationRow {
        EscalationRow {
            id: 7,
            complaint_id: 12,
            stage: stage.into(),
            automatic: stage != "manual",
            skipped: false,
            deadline_at: "2026-11-30T09:42:00+08:00".parse().unwrap(),
            target: target.map(String::from),
            at: at.parse().unwrap(),
            by: "duty".into(),
            reason: "smoke again, nobody answers".into(),
        }
    }

    fn first(e: EscalationRow, lang: Lang) -> String {
        sentences(&Alert::Escalation(e), &config(), lang).remove(0)
    }

    #[test]
    fn a_warning_fired_with_5_min_left_says_5_min_and_whom_since_when() {
        let text = first(
            esc("warn", "2026-11-30T09:37:00+08:00", Some("O019")),
            Lang::En,
        );
        assert!(
            text.starts_with(
                "#12 warning: nobody is on site and the deadline 09:42 is 5 min away. "
            ),
            "{text}"
        );
        assert!(text.ends_with("13577097845, 09:37."), "{text}");
        // 4 min 30 s left is still "5 min", never "in 10 min" from the offset.
        let text = first(esc("warn", "2026-11-30T09:37:30+08:00", None), Lang::En);
        assert_eq!(
            text,
            "#12 warning: nobody is on site and the deadline 09:42 is 5 min away. Nobody on call was found to alert at 09:37."
        );
    }

    #[test]
    fn late_and_manual_alerts_say_so_in_both_languages() {
        let late = esc("critical", "2026-11-30T10:30:00+08:00", None);
        assert!(
            first(late.clone(), Lang::En)
                .starts_with("#12 critical: nobody is on site 48 min after the deadline 09:42.")
        );
        assert!(
            first(late, Lang::Zh)
                .starts_with("#12 严重超时：已超过到场时限 09:42 48 分钟，仍无人到场。")
        );
        let manual = esc("manual", "2026-11-30T09:40:00+08:00", None);
        assert!(
            first(manual.clone(), Lang::En).starts_with(
                "#12 escalated by hand by duty (reason: smoke again, nobody answers)."
            )
        );
        let all = sentences(&Alert::Escalation(manual), &config(), Lang::Zh);
        assert!(all.iter().all(|s| s.ends_with('。')), "{all:?}");
        assert!(all.windows(2).all(|w| w[0].len() >= w[1].len()), "{all:?}");
    }

    #[test]
    fn the_ticker_and_stage_names_come_from_the_table() {
        let tz = config().settings.timezone;
        let e = esc("breach", "2026-11-30T09:42:20+08:00", None);
        assert_eq!(ticker(&e, Lang::En, &tz), "at the deadline 09:42");
        assert_eq!(ticker(&e, Lang::Zh, &tz), "正值到场时限 09:42");
        assert_eq!(stage_name(Lang::Zh, "breach"), "超时");
        assert_eq!(stage_name(Lang::En, "extra"), "extra");
    }
}
