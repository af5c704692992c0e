//! The patrol forms (#11): an inspection of a pollution source (`c` on the
//! Sources screen, or on a complaint that names an enterprise) and a
//! township visit with its work-log entry (`v`). Officer pickers lead with
//! the console's officer on duty (`State::on_duty`: after a handover here
//! the incoming officer, else `tui --officer`), then the officers linked to
//! the source (or to townships), then the source's grid's people, then the
//! rest. The operations layer checks again.

use chrono::{DateTime, NaiveDate, Utc};

use super::build::officer;
use super::{Choice, Field, Form, FormKind};
use crate::config::Config;
use crate::domain::inspection::{InspectionKind, InspectionResult, NewInspection, NewVisit};
use crate::i18n::{Lang, T, fill};
use crate::ops::PatrolCommand;
use crate::text::sanitize;
use crate::words::patrol as w;

/// Every officer, `first` ones leading (in their order), each once.
fn officers(config: &Config, first: &[&str]) -> Vec<Choice> {
    let mut ids: Vec<&str> = first
        .iter()
        .copied()
        .filter(|id| config.officers.contains_key(*id))
        .collect();
    for id in config.officers.keys() {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(*id);
        new
    });
    ids.into_iter().map(|id| officer(config, id)).collect()
}

/// The people of `grid` and of its parents up to its township, nearest
/// first: its specific responsibles, group leader, officers based there,
/// main and first responsibles.
fn grid_people<'a>(config: &'a Config, grid: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for g in config
        .grids
        .lineage(grid)
        .into_iter()
        .filter(|g| g.level >= 2)
    {
        out.extend(g.specific_responsible.iter().map(String::as_str));
        out.extend(g.group_leader.as_deref());
        out.extend(
            config
                .officers
                .values()
                .filter(|o| o.grid == g.id)
                .map(|o| o.id.as_str()),
        );
        out.extend(g.main_responsible.as_deref());
        out.extend(g.first_responsible.as_deref());
    }
    out
}

fn blank_form(kind: FormKind, subject: String, fields: Vec<Field>) -> Form {
    Form {
        kind,
        about: None,
        subject,
        fields,
        focus: 0,
        error: None,
    }
}

impl Form {
    /// Log an inspection of `enterprise`; `complaint`: the complaint selected,
    /// whose enterprise it is (kind `complaint`, its id prefilled).
    pub fn inspect(
        config: &Config,
        enterprise: &str,
        me: Option<&str>,
        complaint: Option<i64>,
    ) -> Form {
        let register = config.enterprises.current();
        let name = register
            .get(enterprise)
            .map(|e| e.name.clone())
            .unwrap_or_default();
        // The officer on duty, the officers linked to the source, the
        // people of its grid (nearest grid first, up to its township), then
        // the rest — never the director just by id order.
        let mut first: Vec<&str> = me.into_iter().collect();
        first.extend(
            config
                .officers
                .values()
                .filter(|o| o.enterprises.iter().any(|e| e == enterprise))
                .map(|o| o.id.as_str()),
        );
        if let Some(e) = register.get(enterprise) {
            first.extend(grid_people(config, &e.grid));
        }
        let mut with = officers(config, &first);
        with.insert(0, Choice::id(""));
        let results = InspectionResult::ALL
            .map(|r| Choice::word(r.as_str(), w::result(r)))
            .to_vec();
        let mut kinds: Vec<Choice> = InspectionKind::ALL
            .map(|k| Choice::word(k.as_str(), w::kind(k)))
            .to_vec();
        if complaint.is_some() {
            let i = kinds.iter().position(|c| c.id == "complaint").unwrap_or(0);
            let c = kinds.remove(i);
            kinds.insert(0, c);
        }
        let source = Choice {
            detail: name.clone(),
            ..Choice::id(enterprise)
        };
        let fields = vec![
            Field::choice(T::SrcUiColSource, vec![source], true),
            Field::choice(T::SrcFieldOfficer, officers(config, &first), false),
            Field::choice(T::SrcFieldWith, with, false),
            Field::choice(T::SrcFieldResult, results, true),
            Field::choice(T::SrcFieldKind, kinds, true),
            Field::text(
                T::SrcFieldComplaint,
                complaint.map(|c| c.to_string()).unwrap_or_default(),
            ),
            Field::text(T::SrcFieldProblems, ""),
            Field::text(T::SrcFieldRectifyBy, ""),
            Field::text(T::SrcFieldWhen, ""),
            Field::text(T::SrcFieldNote, ""),
        ];
        blank_form(FormKind::SrcInspect, format!("{enterprise} {name}"), fields)
    }

    /// Log a township visit; the townships linked to `me` first.
    pub fn visit(config: &Config, me: Option<&str>) -> Form {
        let mine: Vec<&str> = me
            .and_then(|m| config.officers.get(m))
            .map(|o| o.townships.iter().map(String::as_str).collect())
            .unwrap_or_default();
        let mut townships: Vec<Choice> = mine
            .iter()
            .filter_map(|t| config.grids.get(t))
            .chain(
                config
                    .grids
                    .iter()
                    .filter(|g| g.level == 2 && !mine.contains(&g.id.as_str())),
            )
            .map(|g| Choice {
                detail: g.name.clone(),
                ..Choice::id(&g.id)
            })
            .collect();
        townships.dedup_by(|a, b| a.id == b.id);
        let linked: Vec<&str> = me
            .into_iter()
            .chain(
                config
                    .officers
                    .values()
                    .filter(|o| !o.townships.is_empty())
                    .map(|o| o.id.as_str()),
            )
            .collect();
        let fields = vec![
            Field::choice(T::SrcFieldTownship, townships, false),
            Field::choice(T::SrcFieldVisitor, officers(config, &linked), false),
            Field::text(T::SrcFieldWhen, ""),
            Field::text(T::SrcFieldLog, ""),
        ];
        blank_form(FormKind::SrcVisit, String::new(), fields)
    }

    /// The patrol form as a command, or what is wrong with it (in `lang`).
    pub(super) fn submit_patrol(
        &self,
        config: &Config,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<PatrolCommand, String> {
        let say = |t: T, text: &str| fill(t.get(lang), &[("text", &sanitize(text))]);
        let when = self.value(T::SrcFieldWhen);
        let at = if when.is_empty() {
            now
        } else {
            super::parse_when(when, config, now).ok_or_else(|| say(T::SrcErrWhen, when))?
        };
        let cmd = match self.kind {
            FormKind::SrcVisit => PatrolCommand::Visit(NewVisit {
                township: self.value(T::SrcFieldTownship).to_string(),
                officer: self.value(T::SrcFieldVisitor).to_string(),
                at,
                note: self.value(T::SrcFieldLog).to_string(),
            }),
            _ => {
                let text = |label: T| Some(self.value(label).to_string()).filter(|v| !v.is_empty());
                let complaint = text(T::SrcFieldComplaint)
                    .map(|c| {
                        c.trim_start_matches('#')
                            .parse::<i64>()
                            .map_err(|_| say(T::SrcErrComplaintId, &c))
                    })
                    .transpose()?;
                let rectify_by = text(T::SrcFieldRectifyBy)
                    .map(|d| {
                        NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                            .map_err(|_| say(T::SrcErrBadDate, &d))
                    })
                    .transpose()?;
                let officers: Vec<String> = [T::SrcFieldOfficer, T::SrcFieldWith]
                    .into_iter()
                    .filter_map(text)
                    .fold(Vec::new(), |mut v, o| {
                        if !v.contains(&o) {
                            v.push(o);
                        }
                        v
                    });
                PatrolCommand::Inspect(NewInspection {
                    enterprise: self.value(T::SrcUiColSource).to_string(),
                    officers,
                    at,
                    kind: InspectionKind::parse(self.value(T::SrcFieldKind))
                        .unwrap_or(InspectionKind::Routine),
                    complaint,
                    result: InspectionResult::parse(self.value(T::SrcFieldResult))
                        .unwrap_or(InspectionResult::Ok),
                    problems: text(T::SrcFieldProblems),
                    rectify_by,
                    note: text(T::SrcFieldNote),
                })
            }
        };
        // The operations layer's own checks, said before the form leaves.
        let checked = match &cmd {
            PatrolCommand::Inspect(i) => crate::ops::patrol::check_inspection(config, now, i),
            PatrolCommand::Visit(v) => crate::ops::patrol::check_visit(config, now, v),
        };
        checked.map_err(|e| w::error(lang, &e))?;
        Ok(cmd)
    }
}
