//! The values of `gridwatch incident …` checked and turned into the domain's
//! types: levels and the six questions, times, step changes, statuses,
//! movements, report kinds, facts. A value that does not fit is refused with
//! one line saying what is taken (exit 1), before anything is written.

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::args::QuestionFlags;
use crate::cli::Failure;
use crate::domain::incident::{
    Fact, IncidentStatus, Level, Movement, PersonStatus, Question, Questions, ReportKind, Severity,
    StepChange,
};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;

fn user(lang: Lang, t: T, args: &[(&str, &str)]) -> Failure {
    Failure::User(fill(t.get(lang), args))
}

/// What is taken, as typed: `a, b or c` / `a、b 或 c`. Flags and values stay
/// as typed in either language, so they fill a place of the text rather
/// than being part of it.
pub fn one_of(lang: Lang, items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} {} {last}", list(lang, rest), T::IncCliOr.get(lang)),
    }
}

/// `a, b, c` / `a、b、c`.
pub fn list(lang: Lang, items: &[&str]) -> String {
    items.join(if lang == Lang::Zh { "、" } else { ", " })
}

/// What `step ID add` looks like, for the messages that point to it.
pub const ADD_USAGE: &str = "`gridwatch incident step ID add TEXT --due TIME`";

impl QuestionFlags {
    /// The questions answered yes, in their order.
    pub fn yes(&self) -> Vec<Question> {
        [
            (self.drinking_water, Question::DrinkingWater),
            (self.sensitive_people, Question::SensitivePeople),
            (self.heavy_metals, Question::HeavyMetals),
            (self.cross_border, Question::CrossBorder),
            (self.mass_impact, Question::MassImpact),
            (self.bureau_decides, Question::BureauDecides),
        ]
        .into_iter()
        .filter_map(|(on, q)| on.then_some(q))
        .collect()
    }
}

/// The flag of a question, as typed: `--heavy-metals`.
pub fn flag(q: Question) -> String {
    format!("--{}", q.id().replace('_', "-"))
}

/// `I`…`IV` (or `1`…`4`), or `unknown` with the questions answered yes.
/// Answers with a known level are refused: they only decide deadlines
/// while the level is unknown, and would be silently ignored otherwise.
pub fn severity(lang: Lang, text: &str, q: &QuestionFlags) -> Result<Severity, Failure> {
    let yes = q.yes();
    if text.trim().eq_ignore_ascii_case("unknown") {
        return Ok(Severity::Unknown(Questions::new(yes)));
    }
    let level = Level::parse(text).ok_or_else(|| {
        user(
            lang,
            T::IncCliBadLevel,
            &[
                ("text", &sanitize(text)),
                ("taken", &one_of(lang, &["I", "II", "III", "IV", "unknown"])),
            ],
        )
    })?;
    if let Some(first) = yes.first() {
        return Err(user(
            lang,
            T::IncCliQuestionsWithLevel,
            &[
                ("flag", &flag(*first)),
                ("level", level.id()),
                ("unknown", "unknown"),
            ],
        ));
    }
    Ok(Severity::Known(level))
}

/// A time typed for `flag`: RFC 3339, or local `YYYY-MM-DD HH:MM` (also
/// with `T`), or `HH:MM` on today's local date — the forms `arrive --at` takes,
/// and a local date for times that are not today.
pub fn time(
    lang: Lang,
    flag: &str,
    text: &str,
    tz: &Tz,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, Failure> {
    absolute(lang, flag, text, tz, now, false)
}

/// [`time`]; `relative`: the refusal lists the relative forms too.
fn absolute(
    lang: Lang,
    flag: &str,
    text: &str,
    tz: &Tz,
    now: DateTime<Utc>,
    relative: bool,
) -> Result<DateTime<Utc>, Failure> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    let s = text.trim();
    let local = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            NaiveTime::parse_from_str(s, "%H:%M")
                .ok()
                .map(|t| now.with_timezone(tz).date_naive().and_time(t))
        })
        .ok_or_else(|| bad_time(lang, flag, text, relative))?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            user(
                lang,
                T::IncCliNoSuchLocalTime,
                &[("flag", flag), ("text", &sanitize(text)), ("tz", tz.name())],
            )
        })
}

/// The longest relative due time, as on the dashboard: a week.
const RELATIVE_MAX_MINUTES: i64 = 7 * 24 * 60;

/// A due time typed for `--due`: `+30` / `+30m` (minutes from now), `+2h`
/// (hours from now), `HH:MM` at its next occurrence (tomorrow when that time
/// has passed today), or a date and time as [`time`] takes them (a date
/// and time before now is refused by the operation itself, with its reason).
pub fn due(lang: Lang, text: &str, tz: &Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, Failure> {
    let s = text.trim();
    if let Some(rel) = s.strip_prefix('+') {
        let rel = rel.trim().to_ascii_lowercase();
        let (digits, per) = if let Some(h) = rel.strip_suffix('h') {
            (h, 60)
        } else {
            (rel.strip_suffix('m').unwrap_or(&rel), 1)
        };
        return digits
            .trim()
            .parse::<i64>()
            .ok()
            .map(|n| n.saturating_mul(per))
            .filter(|m| (0..=RELATIVE_MAX_MINUTES).contains(m))
            .map(|m| now + chrono::Duration::minutes(m))
            .ok_or_else(|| bad_time(lang, "--due", text, true));
    }
    if let Ok(t) = NaiveTime::parse_from_str(s, "%H:%M") {
        let today = now.with_timezone(tz).date_naive();
        for day in [today, today + chrono::Days::new(1)] {
            if let Some(at) = tz.from_local_datetime(&day.and_time(t)).earliest() {
                let at = at.with_timezone(&Utc);
                if at >= now {
                    return Ok(at);
                }
            }
        }
    }
    absolute(lang, "--due", text, tz, now, true)
}

/// `--flag TEXT` is not a time this command takes; `relative`: `+30` and
/// `+2h` are taken too.
fn bad_time(lang: Lang, flag: &str, text: &str, relative: bool) -> Failure {
    let mut forms = vec!["RFC 3339", "YYYY-MM-DD HH:MM", "HH:MM"];
    if relative {
        forms.extend(["+30", "+2h"]);
    }
    user(
        lang,
        T::IncCliBadTime,
        &[
            ("flag", flag),
            ("text", &sanitize(text)),
            ("forms", &one_of(lang, &forms)),
        ],
    )
}

/// `--done [--note]`, `--undo` or `--skip REASON`: exactly one.
pub fn step_change(
    lang: Lang,
    done: bool,
    note: Option<String>,
    undo: bool,
    skip: Option<String>,
) -> Result<StepChange, Failure> {
    match (done, undo, skip) {
        (true, false, None) => Ok(StepChange::Done { note }),
        (false, true, None) => Ok(StepChange::Undone),
        (false, false, Some(reason)) if !reason.trim().is_empty() => {
            Ok(StepChange::Skip { reason })
        }
        (false, false, Some(_)) => Err(user(lang, T::IncCliSkipNeedsReason, &[])),
        _ => Err(user(
            lang,
            T::IncCliStepNeedsChange,
            &[(
                "flags",
                &one_of(lang, &["--done", "--undo", "--skip REASON"]),
            )],
        )),
    }
}

/// A step's number (from 1).
pub fn step_number(lang: Lang, text: &str) -> Result<i64, Failure> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            user(
                lang,
                T::IncCliBadStep,
                &[("text", &sanitize(text)), ("add", "`add`")],
            )
        })
}

/// `requested`, `notified`, `en-route`, `on-scene`, `released`.
pub fn person_status(lang: Lang, text: Option<&str>) -> Result<PersonStatus, Failure> {
    match text {
        None => Ok(PersonStatus::Requested),
        Some(t) => PersonStatus::parse(t).ok_or_else(|| {
            let ids: Vec<String> = PersonStatus::ALL
                .iter()
                .map(|p| p.id().replace('_', "-"))
                .collect();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            user(
                lang,
                T::IncCliBadPersonStatus,
                &[("text", &sanitize(t)), ("taken", &one_of(lang, &ids))],
            )
        }),
    }
}

/// `stable` or `active` (closing and reopening have their own commands).
pub fn incident_status(lang: Lang, text: &str) -> Result<IncidentStatus, Failure> {
    match IncidentStatus::parse(text) {
        Some(s @ (IncidentStatus::Active | IncidentStatus::Stable)) => Ok(s),
        Some(IncidentStatus::Closed) => Err(user(
            lang,
            T::IncCliStatusClosed,
            &[("usage", "`gridwatch incident close ID`")],
        )),
        None => Err(user(
            lang,
            T::IncCliBadStatus,
            &[
                ("text", &sanitize(text)),
                ("taken", &one_of(lang, &["stable", "active"])),
            ],
        )),
    }
}

/// Exactly one of `--requested N`, `--dispatched N`, `--returned N`, N ≥ 1.
pub fn movement(
    lang: Lang,
    requested: Option<u32>,
    dispatched: Option<u32>,
    returned: Option<u32>,
) -> Result<(Movement, u32), Failure> {
    let given: Vec<(Movement, u32)> = [
        (Movement::Requested, requested),
        (Movement::Dispatched, dispatched),
        (Movement::Returned, returned),
    ]
    .into_iter()
    .filter_map(|(m, n)| n.map(|n| (m, n)))
    .collect();
    match given.as_slice() {
        [(_, 0)] => Err(user(lang, T::IncCliZeroQuantity, &[])),
        [one] => Ok(*one),
        _ => Err(user(
            lang,
            T::IncCliEquipNeedsMovement,
            &[(
                "flags",
                &one_of(lang, &["--requested N", "--dispatched N", "--returned N"]),
            )],
        )),
    }
}

/// `initial`, `follow-up`, `final`.
pub fn report_kind(lang: Lang, text: &str) -> Result<ReportKind, Failure> {
    ReportKind::parse(text).ok_or_else(|| {
        user(
            lang,
            T::IncCliBadReportKind,
            &[
                ("text", &sanitize(text)),
                ("taken", &one_of(lang, &["initial", "follow-up", "final"])),
            ],
        )
    })
}

/// The facts given, in their order; at least one, none empty.
pub fn facts(lang: Lang, given: [Option<String>; 7]) -> Result<Vec<(Fact, String)>, Failure> {
    let mut out = Vec::new();
    for (fact, text) in Fact::ALL.into_iter().zip(given) {
        let Some(text) = text else { continue };
        if text.trim().is_empty() {
            return Err(user(lang, T::IncCliEmptyFact, &[("fact", fact.id())]));
        }
        out.push((fact, text));
    }
    if out.is_empty() {
        let flags: Vec<String> = Fact::ALL.iter().map(|f| format!("--{}", f.id())).collect();
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        return Err(user(
            lang,
            T::IncCliNoFacts,
            &[("flags", &one_of(lang, &flags))],
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(heavy: bool) -> QuestionFlags {
        QuestionFlags {
            heavy_metals: heavy,
            ..Default::default()
        }
    }

    #[test]
    fn questions_belong_to_an_unknown_level_only() {
        let lang = Lang::En;
        assert_eq!(
            severity(lang, "unknown", &q(true)).unwrap(),
            Severity::Unknown(Questions::new([Question::HeavyMetals]))
        );
        assert_eq!(
            severity(lang, "iii", &q(false)).unwrap(),
            Severity::Known(Level::III)
        );
        let Err(Failure::User(why)) = severity(lang, "III", &q(true)) else {
            panic!("a known level with a question must be refused");
        };
        assert!(
            why.contains("--heavy-metals") && why.contains("III"),
            "{why}"
        );
        assert!(matches!(
            severity(lang, "V", &q(false)),
            Err(Failure::User(_))
        ));
    }

    #[test]
    fn times_take_rfc3339_a_local_date_and_time_or_a_time_today() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        let now: DateTime<Utc> = "2026-11-30T01:30:00Z".parse().unwrap();
        let at = |s| time(Lang::En, "--due", s, &tz, now).ok();
        let want: DateTime<Utc> = "2026-11-30T02:00:00Z".parse().unwrap();
        assert_eq!(at("2026-11-30T10:00:00+08:00"), Some(want));
        assert_eq!(at("2026-11-30 10:00"), Some(want));
        assert_eq!(at("10:00"), Some(want));
        assert_eq!(at("ten"), None);
    }

    #[test]
    fn a_due_time_is_relative_or_the_next_occurrence_of_a_time_of_day() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        // 23:50 local on 12-01.
        let now: DateTime<Utc> = "2026-12-01T15:50:00Z".parse().unwrap();
        let at = |s| due(Lang::En, s, &tz, now).ok();
        // 00:30 has passed today: tomorrow's, 40 min from now.
        assert_eq!(at("00:30"), "2026-12-01T16:30:00Z".parse().ok());
        assert_eq!(at("23:55"), "2026-12-01T15:55:00Z".parse().ok());
        assert_eq!(at("+30"), "2026-12-01T16:20:00Z".parse().ok());
        assert_eq!(at("+30m"), "2026-12-01T16:20:00Z".parse().ok());
        assert_eq!(at("+2h"), "2026-12-01T17:50:00Z".parse().ok());
        assert_eq!(at("2026-12-01 08:00"), "2026-12-01T00:00:00Z".parse().ok());
        assert_eq!(at("+-5"), None);
        assert_eq!(at("+9999h"), None);
        let Err(Failure::User(why)) = due(Lang::En, "soon", &tz, now) else {
            panic!("not a time");
        };
        assert!(why.contains("+2h"), "{why}");
    }

    #[test]
    fn a_step_change_is_exactly_one_of_done_undo_skip() {
        let lang = Lang::En;
        assert!(step_change(lang, true, None, false, None).is_ok());
        assert!(step_change(lang, false, None, true, None).is_ok());
        assert!(step_change(lang, false, None, false, Some("n/a".into())).is_ok());
        assert!(step_change(lang, false, None, false, Some(" ".into())).is_err());
        assert!(step_change(lang, false, None, false, None).is_err());
        assert!(movement(lang, None, Some(0), None).is_err());
        assert!(movement(lang, None, None, None).is_err());
        assert_eq!(
            movement(lang, None, Some(3), None).ok(),
            Some((Movement::Dispatched, 3))
        );
    }
}
