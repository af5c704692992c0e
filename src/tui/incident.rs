//! The dashboard's side of emergency incidents (#10): what the console
//! knows of the incident whose view is open (its rows per section, the
//! depots' stock), and the incident actions — each a form, a question, or
//! at once an [`IncidentCommand`] for the store thread. No IO, no drawing.

use super::effect::Effect;
use super::form::Form;
use super::keymap::Action;
use super::screens::Screen;
use super::screens::incidents::{IncidentView, Section};
use super::state::{IncidentData, Mode, State, StatusLine};
use crate::clock::ClockMode;
use crate::domain::incident::resources::{ItemStanding, item_standing};
use crate::domain::incident::{IncidentDetail, IncidentRow, IncidentStatus, StepChange, StepState};
use crate::i18n::{T, fill};
use crate::ops::{Command, IncidentCommand};

impl IncidentData {
    /// Each item of the plan (then any other moved): required, out, missing, short.
    pub fn items(&self) -> Vec<ItemStanding> {
        item_standing(&self.detail.needs, &self.detail.equipment, &self.stock)
    }

    /// How many rows each section of the view has.
    pub fn lens(&self) -> [usize; 4] {
        let d = &self.detail;
        [
            d.steps.len(),
            d.personnel.len(),
            self.items().len(),
            d.timeline.len(),
        ]
    }
}

impl State {
    /// The incident whose view is open, if it has been read.
    pub fn open_incident(&self) -> Option<&IncidentData> {
        let id = self.incident_view.as_ref()?.id;
        self.incident.as_deref().filter(|d| d.detail.row.id == id)
    }

    /// The incident the console needs read in full: the one whose view is open.
    pub fn watching_incident(&self) -> Option<i64> {
        self.incident_view.as_ref().map(|v| v.id)
    }

    /// The open incidents (active and stable), most urgent first: the
    /// store's order (the next step or initial report due soonest), except
    /// that at equal urgency (due the same minute) real incidents come
    /// before drills — a drill must not take the dashboard's one line.
    pub fn active_incidents(&self) -> std::vec::IntoIter<&IncidentRow> {
        let mut open: Vec<&IncidentRow> = self
            .data
            .incidents
            .iter()
            .filter(|r| r.status.is_open())
            .collect();
        open.sort_by_key(|r| {
            let due = r.next_step_due_at.or(r.initial_report_due_at);
            (
                due.is_none(),
                due.map(|t| t.timestamp().div_euclid(60)),
                r.drill,
            )
        });
        open.into_iter()
    }

    /// Show incident `id`'s view; its detail is read by the store thread.
    pub fn show_incident(&mut self, id: i64) {
        self.detail = false;
        self.incident_view = Some(IncidentView::new(id));
    }

    /// Keep the view's cursors inside its sections (new data came).
    pub fn clamp_incident_view(&mut self) {
        let lens = self.open_incident().map(|d| d.lens());
        if let (Some(v), Some(lens)) = (self.incident_view.as_mut(), lens) {
            v.clamp(lens);
        }
    }

    /// ↑↓ in the incident view: the cursor of its section.
    pub(super) fn move_in_incident(&mut self, delta: i32) {
        let Some(lens) = self.open_incident().map(|d| d.lens()) else {
            return;
        };
        if let Some(v) = self.incident_view.as_mut() {
            let len = lens[Section::ALL
                .iter()
                .position(|s| *s == v.section)
                .unwrap_or(0)];
            // The timeline's cursor counts back from the newest record: ↑ goes back.
            let delta = if v.section == Section::Timeline {
                -delta
            } else {
                delta
            };
            v.step(delta, len);
        }
    }
}

/// Give `section` the view's cursor (the action acts there); its position.
fn focus(state: &mut State, section: Section) -> usize {
    match state.incident_view.as_mut() {
        Some(v) => {
            v.section = section;
            v.cursor_of(section)
        }
        None => 0,
    }
}

fn say(state: &mut State, text: String, error: bool) {
    state.status = StatusLine {
        text,
        error,
        fade_ticks: error.then_some(StatusLine::FADE_SECONDS),
    };
}

fn write(cmd: IncidentCommand) -> Vec<Effect> {
    vec![Effect::Write(Command::Incident(cmd))]
}

/// Perform an incident action (keys of the incident part of the table).
pub fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let lang = state.lang;
    match action {
        Action::OpenIncident => {
            let drill = state.clock == ClockMode::Drill;
            let config = state.config.clone();
            let from = match state.screen {
                _ if state.incident_view.is_some() => None,
                Screen::Incidents => None,
                Screen::Audit => {
                    say(state, state.t(T::NothingSelected).into(), true);
                    return Vec::new();
                }
                _ => match state.selected_complaint().cloned() {
                    Some(c) => Some(c),
                    None => {
                        say(state, state.t(T::NothingSelected).into(), true);
                        return Vec::new();
                    }
                },
            };
            match Form::open_incident(&config, from.as_ref(), drill, state.now, lang) {
                Ok(f) => state.mode = Mode::Form(Box::new(f)),
                Err(why) => say(state, why, true),
            }
            return Vec::new();
        }
        Action::ShowIncident => {
            // The next active incident after the one shown, else the first.
            let ids: Vec<i64> = state.active_incidents().map(|r| r.id).collect();
            let after = state
                .incident_view
                .as_ref()
                .and_then(|v| ids.iter().position(|i| *i == v.id))
                .map_or(0, |p| p + 1);
            match ids.get(after).or(ids.first()) {
                Some(id) => state.show_incident(*id),
                None => say(state, state.t(T::IncUiNoActive).into(), false),
            }
            return Vec::new();
        }
        _ => {}
    }
    // Everything else acts in the incident view.
    let Some(data) = state.open_incident().cloned() else {
        let t = if state.incident_view.is_some() {
            T::Loading
        } else {
            T::IncUiOpenFirst
        };
        say(state, state.t(t).into(), state.incident_view.is_none());
        return Vec::new();
    };
    let d = &data.detail;
    let id = d.row.id;
    let config = state.config.clone();
    let form: Result<Form, String> = match action {
        Action::SectionNext | Action::SectionPrevious => {
            if let Some(v) = state.incident_view.as_mut() {
                v.section = if action == Action::SectionNext {
                    v.section.next()
                } else {
                    v.section.previous()
                };
            }
            return Vec::new();
        }
        Action::ToggleStep | Action::SkipStep => {
            let Some(step) = d.steps.get(focus(state, Section::Checklist)) else {
                say(state, state.t(T::IncUiNoSteps).into(), true);
                return Vec::new();
            };
            let n = step.n;
            match (action, &step.state) {
                (Action::ToggleStep, StepState::Open) => {
                    return write(IncidentCommand::Step {
                        id,
                        n,
                        change: StepChange::Done { note: None },
                    });
                }
                // Opening a settled step again loses who settled it and
                // when: asked first, naming them.
                (Action::ToggleStep, settled) => {
                    let (t, at, by) = match settled {
                        StepState::Done { at, by, .. } => (T::IncUiUndoDone, at, by),
                        StepState::Skipped { at, by, .. } => (T::IncUiUndoSkipped, at, by),
                        StepState::Open => return Vec::new(),
                    };
                    let time = at
                        .with_timezone(&config.settings.timezone)
                        .format("%H:%M")
                        .to_string();
                    let who = crate::words::trail::who(lang, &config, by);
                    let question = format!(
                        "{} {}",
                        fill(
                            state.t(t),
                            &[("n", &n.to_string()), ("who", &who), ("time", &time)],
                        ),
                        state.t(T::IncUiYesNo)
                    );
                    state.mode = Mode::Confirm {
                        question,
                        command: Box::new(Command::Incident(IncidentCommand::Step {
                            id,
                            n,
                            change: StepChange::Undone,
                        })),
                        form: None,
                    };
                    return Vec::new();
                }
                (_, StepState::Open) => Ok(Form::skip_step(d, step, lang)),
                _ => Err(fill(state.t(T::IncUiStepSettled), &[("n", &n.to_string())])),
            }
        }
        Action::AddStep => Ok(Form::add_step(d, &config, state.now, lang)),
        Action::AssignPerson => {
            focus(state, Section::People);
            Ok(Form::assign_person(
                d,
                &config,
                &state.boards.oncall.swaps,
                state.now,
                lang,
            ))
        }
        Action::AdvancePerson => {
            let Some(p) = d.personnel.get(focus(state, Section::People)) else {
                say(state, state.t(T::IncUiNoPeople).into(), true);
                return Vec::new();
            };
            match p.status.next() {
                Some(next) => {
                    return write(IncidentCommand::Assign {
                        id,
                        officer: p.officer.clone(),
                        role: p.role.clone(),
                        status: next,
                    });
                }
                None => Err(fill(
                    state.t(T::IncUiReleased),
                    &[(
                        "officer",
                        &crate::words::trail::officer(&config, &p.officer),
                    )],
                )),
            }
        }
        Action::DispatchItem | Action::ReturnItem => {
            let items = data.items();
            match items.get(focus(state, Section::Equipment)) {
                None => Err(state.t(T::IncUiNoItems).to_string()),
                Some(item) if action == Action::DispatchItem => {
                    Form::dispatch_item(d, &config, item, &data.stock, lang)
                }
                Some(item) => Form::return_item(d, &config, &item.item, lang),
            }
        }
        Action::SetLevel => Ok(Form::set_level(d, lang)),
        Action::StableActive => {
            let to = match d.row.status {
                IncidentStatus::Active => IncidentStatus::Stable,
                IncidentStatus::Stable => IncidentStatus::Active,
                IncidentStatus::Closed => {
                    say(
                        state,
                        fill(state.t(T::IncUiClosedReopen), &[("id", &id.to_string())]),
                        true,
                    );
                    return Vec::new();
                }
            };
            return write(IncidentCommand::Status { id, status: to });
        }
        Action::CloseIncident => {
            if d.row.status == IncidentStatus::Closed {
                Err(fill(
                    state.t(T::IncUiAlreadyClosed),
                    &[("id", &id.to_string())],
                ))
            } else {
                let open = d.steps.iter().filter(|s| !s.state.is_settled()).count();
                state.mode = Mode::Confirm {
                    question: close_question(state, d, open),
                    command: Box::new(Command::Incident(IncidentCommand::Close { id })),
                    form: None,
                };
                return Vec::new();
            }
        }
        Action::ReopenIncident => {
            if d.row.status == IncidentStatus::Closed {
                Ok(Form::reopen_incident(d, lang))
            } else {
                Err(fill(state.t(T::IncUiNotClosed), &[("id", &id.to_string())]))
            }
        }
        Action::ReportSent => Ok(Form::report_sent(d, &config, lang)),
        Action::ReportDraft => {
            state.mode = Mode::Report(super::report::ReportOverlay {
                id,
                kind: super::report::next_kind(d),
                top: 0,
            });
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    match form {
        Ok(f) => state.mode = Mode::Form(Box::new(f)),
        Err(why) => say(state, why, true),
    }
    Vec::new()
}

/// "Close incident #3 (River pollution)? 2 steps still open. y/n"
fn close_question(state: &State, d: &IncidentDetail, open: usize) -> String {
    let name = crate::text::sanitize(crate::words::incident::bilingual(state.lang, &d.row.name));
    let mut q = fill(
        state.t(T::IncUiCloseQuestion),
        &[("id", &d.row.id.to_string()), ("name", &name)],
    );
    if open > 0 {
        q.push(' ');
        q.push_str(&fill(
            state.t(T::IncUiStepsOpen),
            &[("n", &open.to_string())],
        ));
    }
    q.push(' ');
    q.push_str(state.t(T::IncUiYesNo));
    q
}
