//! The action forms: arrival, dispatch, escalation, resolution, triage (grid,
//! rejection, reopening) and a new complaint from a phone call. Each is
//! prefilled so that the common case is one key and Enter (`a`, Enter:
//! arrival now, by the grid's on-call officer), validated before it leaves
//! the console, and turned into an operations [`Command`].
//!
//! - here: the form, its fields and pickers, keys, and how a value is shown
//!   (pickers show words and who someone is, never bare ids);
//! - `build`: one constructor per form, with what it is prefilled with;
//! - `submit`: the checks made before a form leaves, and its command;
//! - `preview`: a new complaint's deadline and grid, shown before saving.
//!
//! A form holds ids (officers, grids, outcomes); the words are looked up
//! when it is shown, in the console's language.

mod build;
mod incident;
mod incident_resources;
mod incident_submit;
mod merge;
mod patrol;
mod preview;
mod submit;
mod swap;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::Config;
use crate::domain::{ComplaintRow, Entity, kind};
use crate::i18n::{Lang, T};
use crate::ops::Command;

pub use incident_submit::parse_when;
pub use merge::refusal as merge_refusal;
pub use submit::{PhoneProblem, check_phone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Arrive,
    Dispatch,
    Escalate,
    Resolve,
    New,
    Assign,
    Reject,
    Reopen,
    // Emergency incidents (#10), built and checked in `incident`.
    IncOpen,
    IncSkip,
    IncAddStep,
    IncAssign,
    IncDispatch,
    IncReturn,
    IncLevel,
    IncReopen,
    IncReport,
    /// A swap of who is on call (#11), from the On-call screen.
    Swap,
    /// A duplicate merged into an earlier complaint (#11), built in `merge`.
    Merge,
    // Patrols (#11), built and checked in `patrol`.
    SrcInspect,
    SrcVisit,
}

/// One entry of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the form submits: an officer, grid or enterprise id, an outcome's id.
    pub id: String,
    /// Shown instead of the id, in the console's language (an outcome, a reason).
    pub word: Option<T>,
    /// Shown after the id: who or what it is (a name and phone, a grid's name).
    pub detail: String,
    /// Shown last, in the console's language: primary, backup, leader.
    pub tags: Vec<T>,
    /// Shown instead of the id: a name in the console's language (a plan,
    /// a role, an item), when the id is a word people need not read.
    pub label: Option<String>,
}

impl Choice {
    pub fn id(id: impl Into<String>) -> Choice {
        Choice {
            id: id.into(),
            word: None,
            detail: String::new(),
            tags: Vec::new(),
            label: None,
        }
    }

    pub fn word(id: &str, word: T) -> Choice {
        Choice {
            word: Some(word),
            ..Choice::id(id)
        }
    }

    /// As a picker lists it.
    pub fn shown(&self, lang: Lang) -> String {
        if let Some(w) = self.word {
            return w.get(lang).to_string();
        }
        let mut s = self.label.clone().unwrap_or_else(|| self.id.clone());
        if !self.detail.is_empty() {
            s.push(' ');
            s.push_str(&self.detail);
        }
        if !self.tags.is_empty() {
            let tags: Vec<&str> = self.tags.iter().map(|t| t.get(lang)).collect();
            s.push_str(" · ");
            s.push_str(&tags.join(match lang {
                Lang::En => ", ",
                Lang::Zh => "、",
            }));
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: T,
    pub value: String,
    /// Up/Down cycles through these; typing is still allowed unless `fixed`.
    pub choices: Vec<Choice>,
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

    /// A picker starting on its first choice.
    fn choice(label: T, choices: Vec<Choice>, fixed: bool) -> Field {
        Field {
            label,
            value: choices.first().map(|c| c.id.clone()).unwrap_or_default(),
            choices,
            fixed,
        }
    }

    /// The choice the value names, by position.
    pub fn current(&self) -> Option<usize> {
        self.choices.iter().position(|c| c.id == self.value.trim())
    }

    /// Up/Down: the previous or next choice (from nothing: the first or the last).
    fn cycle(&mut self, down: bool) {
        let len = self.choices.len();
        if len == 0 {
            return;
        }
        let j = match (self.current(), down) {
            (Some(i), true) => (i + 1) % len,
            (Some(i), false) => (i + len - 1) % len,
            (None, true) => 0,
            (None, false) => len - 1,
        };
        self.value = self.choices[j].id.clone();
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
    /// What is wrong with the form as it stands; cleared when a value changes.
    pub error: Option<String>,
}

/// What a key did to a form.
pub enum FormOutcome {
    Editing,
    Cancel,
    Submit(Command),
}

impl Form {
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
            FormKind::Assign => T::FormAssign,
            FormKind::Reject => T::FormReject,
            FormKind::Reopen => T::FormReopen,
            FormKind::IncOpen => T::IncUiFormOpen,
            FormKind::IncSkip => T::IncUiFormSkip,
            FormKind::IncAddStep => T::IncUiFormAddStep,
            FormKind::IncAssign => T::IncUiFormAssign,
            FormKind::IncDispatch => T::IncUiFormDispatch,
            FormKind::IncReturn => T::IncUiFormReturn,
            FormKind::IncLevel => T::IncUiFormLevel,
            FormKind::IncReopen => T::IncUiFormReopen,
            FormKind::IncReport => T::IncUiFormReport,
            FormKind::Swap => T::OnCallFormSwap,
            FormKind::Merge => T::MergeForm,
            FormKind::SrcInspect => T::SrcFormInspect,
            FormKind::SrcVisit => T::SrcFormVisit,
        }
    }

    pub fn value(&self, label: T) -> &str {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| f.value.trim())
            .unwrap_or("")
    }

    /// Field `i`'s value as shown: a picker's choice in words (an outcome,
    /// a reason) or with who or what it names; a typed officer, grid or
    /// enterprise id with its name; anything else as typed.
    pub fn shown(&self, i: usize, config: &Config, lang: Lang) -> String {
        let Some(f) = self.fields.get(i) else {
            return String::new();
        };
        if let Some(c) = f.current().map(|j| &f.choices[j]) {
            return c.shown(lang);
        }
        let v = f.value.trim();
        let name = match f.label {
            T::FieldOfficer | T::FieldTarget | T::OnCallFieldTo => config
                .officers
                .get(v)
                .map(|o| format!("{} {}", o.name, o.phone)),
            T::FieldGrid => config.grids.get(v).map(|g| g.name.clone()),
            T::FieldEnterprise => config.enterprises.current().get(v).map(|e| e.name.clone()),
            _ => None,
        };
        match name {
            Some(n) => format!("{} {n}", f.value),
            None => f.value.clone(),
        }
    }

    /// Handle one key; errors are worded in `lang`.
    pub fn key(
        &mut self,
        key: KeyEvent,
        config: &Config,
        about: Option<&ComplaintRow>,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> FormOutcome {
        let n = self.fields.len();
        let at = self.focus;
        let before = self.fields.get(at).map(|f| f.value.clone());
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Tab => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab => self.focus = (self.focus + n - 1) % n,
            KeyCode::Up | KeyCode::Down => {
                self.fields[self.focus].cycle(key.code == KeyCode::Down);
            }
            // Space turns a fixed picker (yes/no) as Down does.
            KeyCode::Char(' ') if self.fields[self.focus].fixed => {
                self.fields[self.focus].cycle(true);
            }
            KeyCode::Backspace => {
                let f = &mut self.fields[self.focus];
                if !f.fixed {
                    f.value.pop();
                }
            }
            // Ctrl-U clears the field; other control keys are not typed.
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                let f = &mut self.fields[self.focus];
                if !f.fixed {
                    f.value.clear();
                }
            }
            KeyCode::Char(_) if crate::tui::keymap::is_control(key) => {}
            KeyCode::Char(c) => {
                let f = &mut self.fields[self.focus];
                if !f.fixed {
                    f.value.push(c);
                }
            }
            KeyCode::Enter => match self.submit(config, about, now, lang) {
                Ok(cmd) => return FormOutcome::Submit(cmd),
                Err(e) => self.error = Some(e),
            },
            _ => {}
        }
        // An error is about the values as they were: one changed, it goes.
        if self.fields.get(at).map(|f| &f.value) != before.as_ref() {
            self.error = None;
            self.level_changed(at, before.as_deref().unwrap_or(""));
        }
        FormOutcome::Editing
    }
}
