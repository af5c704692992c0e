//! The incident forms, prefilled for the common case: opening an incident
//! (from a complaint: its grid, place and received time; the plan that fits
//! its category first; drill pre-set on a drill clock), skipping a step,
//! adding one, the level with the six questions, reopening, and a report
//! sent. People and things are in `incident_resources`. Pickers show names
//! in the console's language, never bare ids. What each sends is in
//! `incident_submit`.

use chrono::{DateTime, Duration, Utc};

use super::build::grids;
use super::{Choice, Field, Form, FormKind};
use crate::config::Config;
use crate::domain::incident::{IncidentDetail, Level, Question, ReportKind, Severity, StepRow};
use crate::domain::{ComplaintRow, Entity, kind};
use crate::i18n::{Lang, T, fill};
use crate::text::sanitize;
use crate::words::incident as iw;

/// The label of the field that answers `q` (short, for the form's column).
pub(super) fn question_label(q: Question) -> T {
    match q {
        Question::DrinkingWater => T::IncUiQDrinkingWater,
        Question::SensitivePeople => T::IncUiQSensitivePeople,
        Question::HeavyMetals => T::IncUiQHeavyMetals,
        Question::CrossBorder => T::IncUiQCrossBorder,
        Question::MassImpact => T::IncUiQMassImpact,
        Question::BureauDecides => T::IncUiQBureauDecides,
    }
}

/// A yes/no picker (Space or ↑↓ turns it).
fn yes_no(label: T, yes: bool) -> Field {
    let choices = vec![
        Choice::word("no", T::IncUiNo),
        Choice::word("yes", T::IncUiYes),
    ];
    Field {
        value: if yes { "yes" } else { "no" }.into(),
        ..Field::choice(label, choices, true)
    }
}

/// The level picker (unknown, I … IV) on `current`, then the six questions
/// with their answers.
fn level_fields(current: &Severity) -> Vec<Field> {
    let mut levels = vec![Choice::word("unknown", T::IncLevelUnknown)];
    levels.extend(Level::ALL.map(|l| Choice::word(l.id(), iw::level(l))));
    let mut out = vec![Field {
        value: current.id().into(),
        ..Field::choice(T::IncUiFieldLevel, levels, true)
    }];
    let yes = |q| matches!(current, Severity::Unknown(a) if a.has(q));
    out.extend(Question::ALL.map(|q| yes_no(question_label(q), yes(q))));
    out
}

pub(super) fn named(id: &str, name: String) -> Choice {
    Choice {
        label: Some(name),
        ..Choice::id(id)
    }
}

/// A time as the forms show and take it: "11-30 09:12" in the configured zone.
pub(super) fn local(config: &Config, t: DateTime<Utc>) -> String {
    t.with_timezone(&config.settings.timezone)
        .format("%m-%d %H:%M")
        .to_string()
}

pub(super) fn about_incident(
    kind: FormKind,
    d: &IncidentDetail,
    lang: Lang,
    fields: Vec<Field>,
) -> Form {
    Form {
        kind,
        about: Some(Entity {
            kind: kind::INCIDENT.to_string(),
            id: d.row.id,
        }),
        subject: format!(
            "#{} {}",
            d.row.id,
            sanitize(iw::bilingual(lang, &d.row.name))
        ),
        fields,
        focus: 0,
        error: None,
    }
}

impl Form {
    /// Field `at` changed from `before`: when it is the level, and it went
    /// from unknown to a known level, the six questions (for an unknown
    /// level only) are answered no, where the officer sees it.
    pub(super) fn level_changed(&mut self, at: usize, before: &str) {
        let Some(f) = self.fields.get(at) else {
            return;
        };
        if f.label != T::IncUiFieldLevel
            || before.trim() != "unknown"
            || Level::parse(f.value.trim()).is_none()
        {
            return;
        }
        let questions = Question::ALL.map(question_label);
        for f in &mut self.fields {
            if questions.contains(&f.label) {
                f.value = "no".into();
            }
        }
    }

    /// Open an incident, from complaint `c` or on its own. Refused at once
    /// when the configuration has no plan.
    pub fn open_incident(
        config: &Config,
        c: Option<&ComplaintRow>,
        drill: bool,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<Form, String> {
        if config.plans.is_empty() {
            return Err(T::IncUiNoPlans.get(lang).to_string());
        }
        // The plan that fits the complaint's category first (a water
        // complaint: water pollution, then the other water plans), then
        // the others by id.
        let category = c.map(|c| c.category().as_str()).unwrap_or("");
        let mut plans: Vec<Choice> = config
            .plans
            .values()
            .map(|p| named(&p.id, sanitize(iw::bilingual(lang, &p.name))))
            .collect();
        if !category.is_empty() {
            // `water`: water_pollution, then the other water plans.
            let own = format!("{category}_pollution");
            plans.sort_by_key(|p| match config.plans.get(&p.id) {
                Some(plan) if plan.kind == own => 0,
                Some(plan) if plan.id.contains(category) || plan.kind.contains(category) => 1,
                _ => 2,
            });
        }
        let mut fields = vec![Field::choice(T::IncUiFieldPlan, plans, true)];
        fields.extend(level_fields(&Severity::Unknown(Default::default())));
        fields.push(yes_no(T::IncUiFieldDrill, drill));
        let discovered = c.map_or(now, |c| c.received_at);
        fields.push(Field::text(
            T::IncUiFieldDiscovered,
            local(config, discovered),
        ));
        // The complaint's grid and place when it has them; else asked.
        if c.and_then(|c| c.grid.as_ref()).is_none() {
            fields.push(Field::choice(T::FieldGrid, grids(config), false));
        }
        if c.and_then(|c| c.address.as_ref()).is_none() {
            fields.push(Field::text(T::IncUiFieldPlace, ""));
        }
        Ok(Form {
            kind: FormKind::IncOpen,
            about: c.map(|c| Entity {
                kind: kind::COMPLAINT.to_string(),
                id: c.id,
            }),
            // "Open incident from complaint #9 (T01-V01)": the # is the complaint's.
            subject: c.map_or(String::new(), |c| {
                fill(
                    T::IncUiFormOpenFrom.get(lang),
                    &[
                        ("id", &c.id.to_string()),
                        ("grid", &sanitize(c.grid.as_deref().unwrap_or("—"))),
                    ],
                )
            }),
            fields,
            focus: 0,
            error: None,
        })
    }

    /// Skip step `s`, with a reason.
    pub fn skip_step(d: &IncidentDetail, s: &StepRow, lang: Lang) -> Form {
        let step = named(
            &s.n.to_string(),
            format!("{}. {}", s.n, sanitize(iw::bilingual(lang, &s.text))),
        );
        let fields = vec![
            Field::choice(T::IncUiFieldStep, vec![step], true),
            Field::text(T::FieldReason, ""),
        ];
        // "Skip step 3 of incident #1": the # is the incident's.
        Form {
            focus: 1,
            subject: fill(
                T::IncUiFormSkipWhich.get(lang),
                &[("n", &s.n.to_string()), ("id", &d.row.id.to_string())],
            ),
            ..about_incident(FormKind::IncSkip, d, lang, fields)
        }
    }

    /// A step the plan did not foresee: what, by when (30 minutes from now
    /// to start with), and by whom (optional).
    pub fn add_step(d: &IncidentDetail, config: &Config, now: DateTime<Utc>, lang: Lang) -> Form {
        let due = (now + Duration::minutes(30))
            .with_timezone(&config.settings.timezone)
            .format("%H:%M")
            .to_string();
        let fields = vec![
            Field::text(T::IncUiFieldText, ""),
            Field::text(T::IncUiFieldDue, due),
            Field {
                value: String::new(),
                ..Field::choice(T::IncUiFieldRole, roles(d, lang), false)
            },
        ];
        about_incident(FormKind::IncAddStep, d, lang, fields)
    }

    /// The level as it is known now, or unknown with the six answers.
    pub fn set_level(d: &IncidentDetail, lang: Lang) -> Form {
        about_incident(FormKind::IncLevel, d, lang, level_fields(&d.row.severity))
    }

    pub fn reopen_incident(d: &IncidentDetail, lang: Lang) -> Form {
        let fields = vec![Field::text(T::FieldReason, "")];
        about_incident(FormKind::IncReopen, d, lang, fields)
    }

    /// A report sent upward: which (the first not sent yet), to whom.
    pub fn report_sent(d: &IncidentDetail, config: &Config, lang: Lang) -> Form {
        let kinds: Vec<Choice> = ReportKind::ALL
            .iter()
            .map(|k| {
                let r = d.reports.iter().find(|r| r.kind == *k);
                let detail = match r {
                    Some(r) if r.sent_at.is_some() => fill(
                        T::IncUiSentAt.get(lang),
                        &[("time", &local(config, r.sent_at.unwrap_or_default()))],
                    ),
                    Some(r) => r.due_at.map_or(String::new(), |t| {
                        fill(T::IncUiDueAt.get(lang), &[("time", &local(config, t))])
                    }),
                    None => String::new(),
                };
                Choice {
                    detail,
                    ..named(k.id(), iw::report(*k).get(lang).to_string())
                }
            })
            .collect();
        let unsent = ReportKind::ALL.into_iter().find(|k| {
            !d.reports
                .iter()
                .any(|r| r.kind == *k && r.sent_at.is_some())
        });
        let kind = Field {
            value: unsent.unwrap_or(ReportKind::FollowUp).id().into(),
            ..Field::choice(T::IncUiFieldReport, kinds, true)
        };
        let fields = vec![kind, Field::text(T::IncUiFieldTo, "")];
        Form {
            focus: 1,
            ..about_incident(FormKind::IncReport, d, lang, fields)
        }
    }
}

/// The frozen plan's roles, by name.
pub(super) fn roles(d: &IncidentDetail, lang: Lang) -> Vec<Choice> {
    d.roles
        .iter()
        .map(|r| named(&r.role, sanitize(iw::bilingual(lang, &r.name))))
        .collect()
}
