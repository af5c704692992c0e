//! The action forms: arrival, dispatch, escalation, resolution and a new
//! complaint from a phone call. Each is prefilled so that the common case is
//! one key and Enter (`a`, Enter: arrival now, by the grid's on-call officer),
//! validated before it leaves the console, and turned into a store [`Command`].

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent};

use crate::config::Config;
use crate::domain::arrival::check_arrival_time;
use crate::domain::calendar::decide;
use crate::domain::complaint::{Category, Outcome};
use crate::domain::escalation::{StageTarget, target_officer};
use crate::domain::{ArrivalRequest, ComplaintRow, Entity, kind};
use crate::i18n::T;
use crate::ops::{Command, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Arrive,
    Dispatch,
    Escalate,
    Resolve,
    New,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: T,
    pub value: String,
    /// Up/Down cycles through these; typing is still allowed unless `fixed`.
    pub choices: Vec<String>,
    pub fixed: bool,
}

impl Field {
    fn text(label: T, value: impl Into<String>) -> Field {
        Field {
            label,
            value: value.into(),
            choices: Vec::new(),
            fixed: false,
        }
    }

    fn choice(label: T, choices: Vec<String>, fixed: bool) -> Field {
        Field {
            label,
            value: choices.first().cloned().unwrap_or_default(),
            choices,
            fixed,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    /// The entity the form acts on (a complaint for every form so far), none
    /// for a form that creates one.
    pub about: Option<Entity>,
    /// What the form is about, for its title (e.g. "#12 T03-V01 air").
    pub subject: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
}

/// What a key did to a form.
pub enum FormOutcome {
    Editing,
    Cancel,
    Submit(Command),
}

fn on_call_ids(config: &Config, grid: Option<&str>, now: DateTime<Utc>) -> Vec<String> {
    let local = now.with_timezone(&config.settings.timezone).naive_local();
    let root = config
        .grids
        .root()
        .map(|g| g.id.clone())
        .unwrap_or_default();
    let grid = grid.unwrap_or(&root);
    let mut out = Vec::new();
    if let Some(oc) = config.roster.on_call(&config.grids, grid, local) {
        out.push(oc.primary);
        out.extend(oc.backup);
        out.extend(oc.leader);
    }
    out.dedup();
    out
}

/// A complaint, as the entity a form is about.
fn complaint(c: &ComplaintRow) -> Entity {
    Entity {
        kind: kind::COMPLAINT.to_string(),
        id: c.id,
    }
}

fn subject(c: &ComplaintRow) -> String {
    format!(
        "#{} {} {}",
        c.id,
        c.grid.as_deref().unwrap_or("—"),
        c.category().as_str()
    )
}

impl Form {
    pub fn arrive(config: &Config, c: &ComplaintRow, now: DateTime<Utc>) -> Form {
        let local = now
            .with_timezone(&config.settings.timezone)
            .format("%H:%M")
            .to_string();
        Form {
            kind: FormKind::Arrive,
            about: Some(complaint(c)),
            subject: subject(c),
            fields: vec![
                Field::choice(
                    T::FieldOfficer,
                    on_call_ids(config, c.grid.as_deref(), now),
                    false,
                ),
                Field::text(T::FieldTime, local),
                Field::text(T::FieldNote, ""),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn dispatch(config: &Config, c: &ComplaintRow, now: DateTime<Utc>) -> Form {
        Form {
            kind: FormKind::Dispatch,
            about: Some(complaint(c)),
            subject: subject(c),
            fields: vec![Field::choice(
                T::FieldOfficer,
                on_call_ids(config, c.grid.as_deref(), now),
                false,
            )],
            focus: 0,
            error: None,
        }
    }

    pub fn escalate(config: &Config, c: &ComplaintRow, now: DateTime<Utc>) -> Form {
        let local = now.with_timezone(&config.settings.timezone).naive_local();
        let target = target_officer(
            &config.grids,
            &config.roster,
            c.grid.as_deref(),
            StageTarget::ParentGridLeader,
            local,
        );
        let mut choices: Vec<String> = target.into_iter().collect();
        choices.extend(target_officer(
            &config.grids,
            &config.roster,
            c.grid.as_deref(),
            StageTarget::CityDutyLeader,
            local,
        ));
        choices.dedup();
        Form {
            kind: FormKind::Escalate,
            about: Some(complaint(c)),
            subject: subject(c),
            fields: vec![
                Field::text(T::FieldReason, ""),
                Field::choice(T::FieldTarget, choices, false),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn resolve(c: &ComplaintRow) -> Form {
        Form {
            kind: FormKind::Resolve,
            about: Some(complaint(c)),
            subject: subject(c),
            fields: vec![
                Field::choice(
                    T::FieldOutcome,
                    Outcome::ALL
                        .iter()
                        .map(|o| o.as_str().to_string())
                        .collect(),
                    true,
                ),
                Field::text(T::FieldNote, ""),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn new_complaint() -> Form {
        Form {
            kind: FormKind::New,
            about: None,
            subject: String::new(),
            fields: vec![
                Field::choice(
                    T::FieldCategory,
                    Category::ALL
                        .iter()
                        .map(|c| c.as_str().to_string())
                        .collect(),
                    true,
                ),
                Field::text(T::FieldAddress, ""),
                Field::text(T::FieldDescription, ""),
                Field::text(T::FieldPhone, ""),
            ],
            focus: 0,
            error: None,
        }
    }

    /// The id of the complaint the form is about, if it is about one.
    pub fn complaint_id(&self) -> Option<i64> {
        self.about
            .as_ref()
            .filter(|e| e.is(kind::COMPLAINT))
            .map(|e| e.id)
    }

    pub fn title(&self) -> T {
        match self.kind {
            FormKind::Arrive => T::FormArrive,
            FormKind::Dispatch => T::FormDispatch,
            FormKind::Escalate => T::FormEscalate,
            FormKind::Resolve => T::FormResolve,
            FormKind::New => T::FormNew,
        }
    }

    fn value(&self, label: T) -> &str {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| f.value.trim())
            .unwrap_or("")
    }

    /// The deadline a new complaint would get if saved now, with its reason.
    pub fn preview(&self, config: &Config, now: DateTime<Utc>) -> Option<String> {
        (self.kind == FormKind::New).then(|| {
            let s = &config.settings;
            let d = decide(&config.calendar, &s.deadlines, &s.timezone, now);
            format!(
                "{} — {}",
                d.deadline_at.with_timezone(&s.timezone).format("%H:%M"),
                d.reason
            )
        })
    }

    /// Handle one key.
    pub fn key(
        &mut self,
        key: KeyEvent,
        config: &Config,
        received: Option<&ComplaintRow>,
        now: DateTime<Utc>,
    ) -> FormOutcome {
        let n = self.fields.len();
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Tab => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab => self.focus = (self.focus + n - 1) % n,
            KeyCode::Up | KeyCode::Down => {
                let f = &mut self.fields[self.focus];
                if !f.choices.is_empty() {
                    let i = f.choices.iter().position(|c| *c == f.value).unwrap_or(0);
                    let len = f.choices.len();
                    let j = if key.code == KeyCode::Down {
                        (i + 1) % len
                    } else {
                        (i + len - 1) % len
                    };
                    f.value = f.choices[j].clone();
                }
            }
            KeyCode::Backspace => {
                let f = &mut self.fields[self.focus];
                if !f.fixed {
                    f.value.pop();
                }
            }
            KeyCode::Char(c) => {
                let f = &mut self.fields[self.focus];
                if !f.fixed {
                    f.value.push(c);
                }
            }
            KeyCode::Enter => match self.submit(config, received, now) {
                Ok(cmd) => return FormOutcome::Submit(cmd),
                Err(e) => self.error = Some(e),
            },
            _ => {}
        }
        FormOutcome::Editing
    }

    fn officer(&self, config: &Config) -> Result<String, String> {
        let id = self.value(T::FieldOfficer);
        if id.is_empty() {
            return Err("choose an officer (Up/Down) or type an id".into());
        }
        if !config.officers.contains_key(id) {
            return Err(format!("unknown officer '{id}'"));
        }
        Ok(id.to_string())
    }

    fn submit(
        &self,
        config: &Config,
        received: Option<&ComplaintRow>,
        now: DateTime<Utc>,
    ) -> Result<Command, String> {
        let id = self.complaint_id().unwrap_or(0);
        let note = Some(self.value(T::FieldNote).to_string()).filter(|n| !n.is_empty());
        match self.kind {
            FormKind::Arrive => {
                let officer = self.officer(config)?;
                let tz = config.settings.timezone;
                let text = self.value(T::FieldTime);
                let t = NaiveTime::parse_from_str(text, "%H:%M")
                    .map_err(|_| format!("'{text}' is not a time like 09:41"))?;
                let local = now.with_timezone(&tz).date_naive().and_time(t);
                let arrived_at = tz
                    .from_local_datetime(&local)
                    .earliest()
                    .map(|t| t.with_timezone(&Utc))
                    .ok_or_else(|| format!("{text} does not exist today"))?;
                // Same check as the store makes, so the form says it before leaving.
                // The current minute means now, to the second.
                let arrived_at =
                    if arrived_at <= now && now - arrived_at < chrono::Duration::minutes(1) {
                        now
                    } else {
                        arrived_at
                    };
                if let Some(c) = received {
                    check_arrival_time(c.received_at, arrived_at, now, note.as_deref())
                        .map_err(|e| e.to_string())?;
                }
                Ok(Command::Arrive(ArrivalRequest {
                    complaint_id: id,
                    officer,
                    arrived_at,
                    note,
                }))
            }
            FormKind::Dispatch => Ok(Command::Dispatch {
                id,
                officer: self.officer(config)?,
            }),
            FormKind::Escalate => {
                let reason = self.value(T::FieldReason);
                if reason.is_empty() {
                    return Err("an escalation needs a reason".into());
                }
                let target = match self.value(T::FieldTarget) {
                    "" => Target::Nobody,
                    t if !config.officers.contains_key(t) => {
                        return Err(format!("unknown officer '{t}'"));
                    }
                    t => Target::Officer(t.to_string()),
                };
                Ok(Command::Escalate {
                    id,
                    target,
                    reason: reason.to_string(),
                })
            }
            FormKind::Resolve => {
                let outcome = Outcome::parse(self.value(T::FieldOutcome))
                    .ok_or("choose an outcome (Up/Down)")?;
                Ok(Command::Resolve { id, outcome, note })
            }
            FormKind::New => {
                let v = serde_json::json!({
                    "source": "phone",
                    "category": self.value(T::FieldCategory),
                    "description": self.value(T::FieldDescription),
                    "location": {"address": self.value(T::FieldAddress)},
                    "reporter": {"phone": Some(self.value(T::FieldPhone)).filter(|p| !p.is_empty())},
                });
                let raw = v.to_string();
                let input = crate::ops::input::record(&v, &raw, &config.settings.limits)
                    .map_err(|e| e.to_string())?;
                let stamp = format!("console:{}:{}", now.timestamp_millis(), std::process::id());
                let c = crate::ops::prepare::prepare(input, config, now, || stamp)
                    .map_err(|e| e.to_string())?;
                Ok(Command::New(Box::new(c)))
            }
        }
    }
}
