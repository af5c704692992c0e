//! Turning events into state changes and effects. `update` never does IO:
//! it returns [`Effect`]s (a store command, a bell, a notification) that the
//! event loop performs. Every path here is a plain function of its inputs,
//! so tests drive it with key strings and a fixed `now`.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::alerts;
use super::data::{DataMsg, News};
use super::form::{Form, FormOutcome};
use super::keymap::{Action, resolve};
use super::screens::Screen;
use super::state::{Banner, Mode, State, StatusLine};
use crate::i18n::T;
use crate::ops::Command;

pub use super::effect::Effect;

/// An input to the console.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Tick(DateTime<Utc>),
    Data(DataMsg),
    NotifyUnavailable(String),
    /// A report draft saved in `dir` (the path written), or why not.
    DraftSaved {
        dir: std::path::PathBuf,
        result: std::io::Result<std::path::PathBuf>,
    },
}

fn status(state: &mut State, text: impl Into<String>, error: bool) {
    state.status = StatusLine {
        text: text.into(),
        error,
        fade_ticks: error.then_some(StatusLine::FADE_SECONDS),
    };
}

/// A status that fades like an error without being one (a phone in clear).
fn fading(state: &mut State, text: String) {
    state.status = StatusLine {
        text,
        error: false,
        fade_ticks: Some(StatusLine::FADE_SECONDS),
    };
}

/// The longest filter kept (characters).
pub const FILTER_MAX_CHARS: usize = 100;

pub fn update(state: &mut State, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick(now) => {
            state.now = now;
            // `breached` and `due` change with time alone.
            if !state.filter.is_empty() {
                state.derive();
            }
            match state.status.fade_ticks {
                Some(0 | 1) => state.status = StatusLine::ready(state.lang),
                Some(n) => state.status.fade_ticks = Some(n - 1),
                None => {}
            }
            Vec::new()
        }
        Msg::Data(DataMsg::Snapshot(snap)) => {
            state.data = *snap;
            state.loaded = true;
            state.derive();
            state.drop_settled_banners();
            state.clamp_incident_view();
            Vec::new()
        }
        Msg::Data(DataMsg::Done(Ok(outcome))) => {
            state.sent_form = None;
            // An incident just opened here is shown at once, to be worked
            // (its view), and the Incidents screen's selection follows it.
            if let crate::ops::Outcome::Incident(crate::ops::IncidentOutcome::Opened {
                id, ..
            }) = &outcome
            {
                state.incidents.wanted = Some(*id);
                state.derive();
                state.show_incident(*id);
            }
            // A handover confirmed here: the incoming officer is on duty and
            // acts from now on (pickers preset to them, the audit names them).
            let mut fx = Vec::new();
            if let crate::ops::Outcome::HandedOver { to, station, .. } = &outcome {
                if super::handover::recorded(state, to, station) {
                    state.officer = Some(to.clone());
                    fx.push(Effect::ActAs(to.clone()));
                }
            }
            let text = super::words::outcome(state.lang, &state.config, &outcome);
            if matches!(outcome, crate::ops::Outcome::Phone { .. }) {
                fading(state, text);
            } else {
                status(state, text, false);
            }
            fx
        }
        Msg::Data(DataMsg::Done(Err(e))) => {
            let incident = state.incident.as_deref().map(|i| &i.detail);
            let text = super::words::error(state.lang, &state.config, incident, &e);
            // A refused incident form opens again with the reason and all
            // that was typed (unless the console is busy with another).
            if let Some(mut form) = state.sent_form.take() {
                if matches!(state.mode, Mode::Normal) {
                    form.error = Some(text.clone());
                    state.mode = Mode::Form(form);
                }
            }
            status(state, text, true);
            Vec::new()
        }
        Msg::Data(DataMsg::Failed(detail)) => {
            let text = crate::i18n::fill(state.t(T::ErrReading), &[("detail", &detail)]);
            status(state, text, true);
            Vec::new()
        }
        Msg::Data(DataMsg::Trail { id, entries }) => {
            state.trail = Some((id, entries));
            Vec::new()
        }
        Msg::Data(DataMsg::Incident(data)) => {
            state.incident = Some(data);
            state.clamp_incident_view();
            Vec::new()
        }
        Msg::Data(DataMsg::Boards(boards)) => {
            state.boards = *boards;
            Vec::new()
        }
        Msg::Data(DataMsg::Stats(board)) => {
            state.statistics.board = Some(board);
            Vec::new()
        }
        Msg::Data(DataMsg::Replaced(why)) => {
            state.database_replaced = why.is_some();
            Vec::new()
        }
        Msg::Data(DataMsg::News(News::Alert(alert))) => {
            if state.banners.iter().any(|b| b.alert.key() == alert.key()) {
                return Vec::new();
            }
            let mut fx = Vec::new();
            if state.config.settings.alerts.bell {
                fx.push(Effect::Bell);
            }
            if state.config.settings.alerts.desktop {
                let (title, body) = alerts::notification(&alert, &state.config, state.lang);
                fx.push(Effect::Notify { title, body });
            }
            state.banners.push(Banner { alert });
            fx
        }
        Msg::Data(DataMsg::News(News::Pending(alert))) => {
            if !state.banners.iter().any(|b| b.alert.key() == alert.key()) {
                state.banners.push(Banner { alert });
            }
            Vec::new()
        }
        Msg::Data(DataMsg::News(News::Acknowledged(key))) => {
            state.banners.retain(|b| b.alert.key() != key);
            Vec::new()
        }
        // The system's own reason (a D-Bus socket path, an errno) helps
        // nobody in the duty room: the words say what it means for them.
        Msg::NotifyUnavailable(_why) => {
            status(state, state.t(T::NotifyUnavailable), true);
            Vec::new()
        }
        Msg::DraftSaved { dir, result } if matches!(state.mode, Mode::Handover(_)) => {
            super::handover::saved(state, &dir, &result);
            Vec::new()
        }
        Msg::DraftSaved { dir, result } => {
            super::report::saved(state, &dir, &result);
            Vec::new()
        }
        Msg::Key(key) => key_input(state, key),
    }
}

fn key_input(state: &mut State, key: KeyEvent) -> Vec<Effect> {
    match std::mem::replace(&mut state.mode, Mode::Normal) {
        Mode::Help(top) => {
            // Arrows scroll a help taller than the screen; any other key closes.
            match key.code {
                KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown => {
                    state.mode = Mode::Help(top.saturating_add(1).min(200))
                }
                KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => {
                    state.mode = Mode::Help(top.saturating_sub(1))
                }
                _ => {}
            }
            Vec::new()
        }
        Mode::Report(overlay) => super::report::key(state, overlay, key),
        Mode::Handover(overlay) => super::handover::key(state, *overlay, key),
        Mode::ConfirmQuit => {
            if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                state.quit = true;
            }
            Vec::new()
        }
        Mode::Confirm { command, form, .. } => {
            if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                // A refused merge opens its form again, with the reason.
                state.sent_form = form;
                vec![Effect::Write(*command)]
            } else {
                Vec::new()
            }
        }
        Mode::Filter(mut text) => {
            match key.code {
                KeyCode::Enter => {
                    state.filter = text;
                    state.derive();
                }
                KeyCode::Esc => {
                    state.filter.clear();
                    state.derive();
                }
                KeyCode::Backspace => {
                    text.pop();
                    state.mode = Mode::Filter(text);
                }
                // Ctrl-U clears; other control keys are not typed.
                KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    state.mode = Mode::Filter(String::new());
                }
                KeyCode::Char(_) if super::keymap::is_control(key) => {
                    state.mode = Mode::Filter(text)
                }
                // A filter is a few words; a pasted page is cut, not searched.
                KeyCode::Char(c) => {
                    if text.chars().count() < FILTER_MAX_CHARS {
                        text.push(c);
                    }
                    state.mode = Mode::Filter(text);
                }
                _ => state.mode = Mode::Filter(text),
            }
            Vec::new()
        }
        Mode::Form(mut form) => {
            let config = state.config.clone();
            // The complaint the form is about, for the arrival-time check.
            let selected = form
                .complaint_id()
                .and_then(|id| state.complaint(id).cloned());
            match form.key(key, &config, selected.as_ref(), state.now, state.lang) {
                FormOutcome::Editing => {
                    // A refused submit is said in the status line too; the
                    // form stays open with what was typed.
                    if key.code == KeyCode::Enter {
                        if let Some(e) = &form.error {
                            status(state, e.clone(), true);
                        }
                    }
                    state.mode = Mode::Form(form);
                    Vec::new()
                }
                FormOutcome::Cancel => Vec::new(),
                // A merge asks first: it cannot be undone. A refusal this
                // console can tell already stays in the form.
                FormOutcome::Submit(Command::Merge { id, into }) => {
                    let known = state.data.open.iter().chain(&state.data.recent);
                    let refused = selected
                        .as_ref()
                        .and_then(|c| crate::tui::form::merge_refusal(c, into, known));
                    if let Some(e) = refused {
                        let text = crate::words::merge::refusal(state.lang, &e);
                        form.error = Some(text.clone());
                        status(state, text, true);
                        state.mode = Mode::Form(form);
                        return Vec::new();
                    }
                    let question = crate::i18n::fill(
                        state.t(T::MergeConfirm),
                        &[("id", &id.to_string()), ("into", &into.to_string())],
                    );
                    state.mode = Mode::Confirm {
                        question,
                        command: Box::new(Command::Merge { id, into }),
                        form: Some(form),
                    };
                    Vec::new()
                }
                FormOutcome::Submit(cmd) => {
                    status(state, format!("{}…", state.t(form.title())), false);
                    state.sent_form =
                        matches!(cmd, Command::Incident(_) | Command::Patrol(_)).then_some(form);
                    vec![Effect::Write(cmd)]
                }
            }
        }
        Mode::Normal => match resolve(key) {
            // The next action clears an error or a phone in clear.
            Some(action) if state.status.fade_ticks.is_some() => {
                state.status = StatusLine::ready(state.lang);
                act(state, action)
            }
            Some(action) => act(state, action),
            None => Vec::new(),
        },
    }
}

/// Perform an action in the normal mode.
pub fn act(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => state.move_selection(-1),
        Action::Down => state.move_selection(1),
        // Pages and ends scroll the Audit screen (the lists have no pages).
        Action::PageUp | Action::PageDown | Action::First | Action::Last => {
            if state.screen == Screen::Audit && state.incident_view.is_none() {
                let page = crate::tui::screens::audit::PAGE as i64;
                let delta = match action {
                    Action::PageUp => -page,
                    Action::PageDown => page,
                    Action::First => i64::MIN,
                    _ => i64::MAX,
                };
                state.audit.move_by(delta, state.data.audit.len());
            }
        }
        Action::ToggleDetail => {
            if state.incident_view.is_some() {
                state.incident_view = None;
            } else if state.screen == Screen::Incidents {
                match state
                    .incidents
                    .selected_in(&state.data.incidents)
                    .map(|r| r.id)
                {
                    Some(id) => state.show_incident(id),
                    None => status(state, state.t(T::IncUiNothingSelected), true),
                }
            } else {
                state.detail = !state.detail && state.selected_complaint().is_some()
            }
        }
        Action::Help => state.mode = Mode::Help(0),
        Action::Quit => state.mode = Mode::ConfirmQuit,
        Action::Back => {
            if state.incident_view.is_some() {
                state.incident_view = None;
            } else if state.detail {
                state.detail = false;
            } else if !state.filter.is_empty() {
                state.filter.clear();
                state.derive();
            }
        }
        Action::Filter => state.mode = Mode::Filter(state.filter.clone()),
        // On the On-call screen `s` swaps who is on call in the selected grid.
        Action::Sort if state.screen == Screen::OnCall => {
            let board = &state.boards.oncall;
            match board.rows.get(state.oncall.selected) {
                Some(r) => {
                    let form = Form::swap(&state.config, board, &r.grid);
                    state.mode = Mode::Form(Box::new(form));
                }
                None => status(state, state.t(T::OnCallNothingSelected), true),
            }
        }
        Action::Sort => {
            // From any screen, as before; only the Complaints screen shows it.
            state.complaints.sort = state.complaints.sort.next();
            state.derive();
            // Said for a moment: the Complaints screen's title keeps it.
            let text = format!(
                "{} {}",
                state.t(T::SortedBy),
                state.t(state.complaints.sort.title())
            );
            fading(state, text);
        }
        // Acknowledging is shared: the store records who acknowledged
        // which alert, and every console drops the banner (this one at once).
        Action::Ack | Action::AckAll => {
            let n = if action == Action::Ack {
                1
            } else {
                state.banners.len()
            };
            let keep = state.banners.len().saturating_sub(n);
            let acked: Vec<_> = state.banners.drain(keep..).map(|b| b.alert.key()).collect();
            if acked.is_empty() {
                status(state, state.t(T::NoAlerts), false);
            } else {
                return vec![Effect::Write(Command::Acknowledge(acked))];
            }
        }
        Action::NextScreen => state.go_to(state.screen.next()),
        Action::Screen(k) => {
            if let Some(screen) = Screen::nth(k) {
                state.go_to(screen);
            }
        }
        Action::RevealPhone => match state.selected_complaint() {
            Some(c) => return vec![Effect::Write(Command::RevealPhone(c.id))],
            None => status(state, state.t(T::NothingSelected), true),
        },
        Action::NewComplaint => {
            state.mode = Mode::Form(Box::new(Form::new_complaint(&state.config)))
        }
        Action::Arrive
        | Action::Dispatch
        | Action::Escalate
        | Action::Resolve
        | Action::Assign
        | Action::Reject
        | Action::Reopen => {
            let Some(c) = state.selected_complaint().cloned() else {
                status(state, state.t(T::NothingSelected), true);
                return Vec::new();
            };
            let (config, lang) = (state.config.clone(), state.lang);
            let swaps = &state.boards.oncall.swaps;
            let form = match action {
                Action::Arrive => Ok(Form::arrive(&config, swaps, &c, state.now)),
                Action::Dispatch => Ok(Form::dispatch(&config, swaps, &c, state.now)),
                Action::Escalate => Ok(Form::escalate(&config, swaps, &c, state.now)),
                // Triage forms refuse at once a complaint they cannot act on.
                Action::Assign => Form::assign(&config, &c, lang),
                Action::Reject => Form::reject(&c, lang),
                Action::Reopen => Form::reopen(&c, lang, state.screen == Screen::Complaints),
                _ => Ok(Form::resolve(&c)),
            };
            match form {
                Ok(form) => state.mode = Mode::Form(Box::new(form)),
                Err(why) => status(state, why, true),
            }
        }
        Action::Merge => {
            let Some(c) = state.selected_complaint().cloned() else {
                status(state, state.t(T::NothingSelected), true);
                return Vec::new();
            };
            let known = state.data.open.iter().chain(&state.data.recent);
            match Form::merge(&state.config, &c, known, state.lang) {
                Ok(form) => state.mode = Mode::Form(Box::new(form)),
                Err(why) => status(state, why, true),
            }
        }
        Action::Handover => super::handover::open(state),
        Action::StatWindow => state.statistics.next_window(),
        Action::OpenIncident
        | Action::ShowIncident
        | Action::SectionNext
        | Action::SectionPrevious
        | Action::ToggleStep
        | Action::SkipStep
        | Action::AddStep
        | Action::AssignPerson
        | Action::AdvancePerson
        | Action::DispatchItem
        | Action::ReturnItem
        | Action::SetLevel
        | Action::StableActive
        | Action::CloseIncident
        | Action::ReopenIncident
        | Action::ReportSent
        | Action::ReportDraft => return super::incident::act(state, action),
        Action::Inspect | Action::Visit => return super::sources::act(state, action),
    }
    Vec::new()
}
