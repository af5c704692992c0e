//! One constructor per form, prefilled for the common case. Officer pickers
//! say who each person is and their role on the roster for that grid now;
//! the triage forms refuse at once (in words) a complaint they cannot act on.

use chrono::{DateTime, Utc};

use super::{Choice, Field, Form, FormKind};
use crate::config::Config;
use crate::domain::complaint::{Category, Outcome, Transition, transition};
use crate::domain::escalation::{StageTarget, target_officer};
use crate::domain::triage::{RejectReason, assignable};
use crate::domain::{ComplaintRow, Entity, kind};
use crate::i18n::{Lang, T, fill};
use crate::tui::words::reject_word;
use crate::words::outcome as outcome_word;

/// An officer as a picker lists them: id, name and phone.
pub(super) fn officer(config: &Config, id: &str) -> Choice {
    Choice {
        detail: config
            .officers
            .get(id)
            .map(|o| format!("{} {}", o.name, o.phone))
            .unwrap_or_default(),
        ..Choice::id(id)
    }
}

/// Who is on call for `grid` (the root when unassigned) at `now`: primary,
/// backup, leader — one entry per person, with every role they hold.
pub(super) fn on_call(config: &Config, grid: Option<&str>, now: DateTime<Utc>) -> Vec<Choice> {
    let local = now.with_timezone(&config.settings.timezone).naive_local();
    let root = config
        .grids
        .root()
        .map(|g| g.id.clone())
        .unwrap_or_default();
    let grid = grid.unwrap_or(&root);
    let mut out: Vec<Choice> = Vec::new();
    let Some(oc) = config.roster.on_call(&config.grids, grid, local) else {
        return out;
    };
    let people = [
        (Some(oc.primary), T::Primary),
        (oc.backup, T::Backup),
        (oc.leader, T::Leader),
    ];
    for (id, role) in people {
        let Some(id) = id else { continue };
        match out.iter_mut().find(|c| c.id == id) {
            Some(c) => c.tags.push(role),
            None => out.push(Choice {
                tags: vec![role],
                ..officer(config, &id)
            }),
        }
    }
    out
}

/// Every grid, in tree order (a parent before its children), with its name.
pub(super) fn grids(config: &Config) -> Vec<Choice> {
    config
        .grids
        .iter()
        .map(|g| Choice {
            detail: g.name.clone(),
            ..Choice::id(&g.id)
        })
        .collect()
}

/// A complaint, as the entity a form is about.
fn complaint(c: &ComplaintRow) -> Entity {
    Entity {
        kind: kind::COMPLAINT.to_string(),
        id: c.id,
    }
}

fn subject(c: &ComplaintRow) -> String {
    format!("#{} {}", c.id, c.grid.as_deref().unwrap_or("—"))
}

fn about(kind: FormKind, c: &ComplaintRow, fields: Vec<Field>) -> Form {
    Form {
        kind,
        about: Some(complaint(c)),
        subject: subject(c),
        fields,
        focus: 0,
        error: None,
    }
}

/// A refusal in words, naming the complaint.
fn refuse(t: T, c: &ComplaintRow, lang: Lang) -> String {
    fill(t.get(lang), &[("id", &c.id.to_string())])
}

impl Form {
    pub fn arrive(config: &Config, c: &ComplaintRow, now: DateTime<Utc>) -> Form {
        let local = now
            .with_timezone(&config.settings.timezone)
            .format("%H:%M")
            .to_string();
        // The officer who was sent comes first (tagged "sent"), then the
        // grid's on-call list: `a` `Enter` logs the one on the way.
        let mut officers = on_call(config, c.grid.as_deref(), now);
        if let Some(sent) = &c.dispatched_to {
            let pos = officers.iter().position(|o| &o.id == sent);
            let mut first = match pos {
                Some(i) => officers.remove(i),
                None => officer(config, sent),
            };
            first.tags.insert(0, T::Sent);
            officers.insert(0, first);
        }
        let fields = vec![
            Field::choice(T::FieldOfficer, officers, false),
            Field::text(T::FieldTime, local),
            Field::text(T::FieldNote, ""),
        ];
        about(FormKind::Arrive, c, fields)
    }

    pub fn dispatch(config: &Config, c: &ComplaintRow, now: DateTime<Utc>) -> Form {
        let fields = vec![Field::choice(
            T::FieldOfficer,
            on_call(config, c.grid.as_deref(), now),
            false,
        )];
        about(FormKind::Dispatch, c, fields)
    }

    pub fn escalate(config: &Config, c: &ComplaintRow, now: DateTime<Utc>) -> Form {
        let local = now.with_timezone(&config.settings.timezone).naive_local();
        let mut ids: Vec<String> = Vec::new();
        for stage in [StageTarget::ParentGridLeader, StageTarget::CityDutyLeader] {
            let t = target_officer(
                &config.grids,
                &config.roster,
                c.grid.as_deref(),
                stage,
                local,
            );
            ids.extend(t.filter(|t| !ids.contains(t)));
        }
        let choices = ids.iter().map(|id| officer(config, id)).collect();
        let fields = vec![
            Field::text(T::FieldReason, ""),
            Field::choice(T::FieldTarget, choices, false),
        ];
        about(FormKind::Escalate, c, fields)
    }

    pub fn resolve(c: &ComplaintRow) -> Form {
        let outcomes = Outcome::ALL
            .iter()
            .map(|o| Choice::word(o.as_str(), outcome_word(*o)))
            .collect();
        let fields = vec![
            Field::choice(T::FieldOutcome, outcomes, true),
            Field::text(T::FieldNote, ""),
        ];
        about(FormKind::Resolve, c, fields)
    }

    pub fn new_complaint(config: &Config) -> Form {
        let categories = Category::ALL
            .iter()
            .map(|c| Choice::word(c.as_str(), crate::words::category(*c)))
            .collect();
        let enterprises = config
            .enterprises
            .current()
            .values()
            .map(|e| Choice {
                detail: e.name.clone(),
                ..Choice::id(&e.id)
            })
            .collect();
        // Grid and enterprise start empty: the address decides, as at intake.
        let optional = |label, choices| Field {
            value: String::new(),
            ..Field::choice(label, choices, false)
        };
        Form {
            kind: FormKind::New,
            about: None,
            subject: String::new(),
            fields: vec![
                Field::choice(T::FieldCategory, categories, true),
                Field::text(T::FieldAddress, ""),
                Field::text(T::FieldDescription, ""),
                Field::text(T::FieldPhone, ""),
                optional(T::FieldGrid, grids(config)),
                optional(T::FieldEnterprise, enterprises),
            ],
            focus: 0,
            error: None,
        }
    }

    /// The grid picker: every grid with its name, on the complaint's grid
    /// if it has one. Moving a complaint out of its grid needs a reason
    /// (an address alias can pick the wrong village); the store says so too.
    pub fn assign(config: &Config, c: &ComplaintRow, lang: Lang) -> Result<Form, String> {
        assignable(c.status).map_err(|_| refuse(T::AssignNotOpen, c, lang))?;
        let grid = Field {
            value: c.grid.clone().unwrap_or_default(),
            ..Field::choice(T::FieldGrid, grids(config), false)
        };
        let fields = vec![grid, Field::text(T::FieldReason, "")];
        Ok(about(FormKind::Assign, c, fields))
    }

    /// The reason picker (in words; ids in the audit log) and the words for `other`.
    pub fn reject(c: &ComplaintRow, lang: Lang) -> Result<Form, String> {
        let probe = Transition::Reject {
            reason: RejectReason::NotInRemit.as_str().into(),
        };
        transition(c.id, c.status, &probe).map_err(|_| refuse(T::RejectNotNow, c, lang))?;
        let reasons = RejectReason::ALL
            .iter()
            .map(|r| Choice::word(r.as_str(), reject_word(*r)))
            .collect();
        let fields = vec![
            Field::choice(T::FieldReason, reasons, true),
            Field::text(T::FieldDetails, ""),
        ];
        Ok(about(FormKind::Reject, c, fields))
    }

    /// `on_screen_2`: the closed ones are listed here already; the refusal
    /// does not send the officer where they are.
    pub fn reopen(c: &ComplaintRow, lang: Lang, on_screen_2: bool) -> Result<Form, String> {
        let words = if on_screen_2 {
            T::ReopenNotNowHere
        } else {
            T::ReopenNotNow
        };
        transition(c.id, c.status, &Transition::Reopen).map_err(|_| refuse(words, c, lang))?;
        Ok(about(
            FormKind::Reopen,
            c,
            vec![Field::text(T::FieldReason, "")],
        ))
    }
}
