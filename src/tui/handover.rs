//! The shift handover at a console (#11): who is on duty here, and the
//! `h` overlay — the sheet of everything open (scrollable, made when drawn
//! from what the console holds: its complaints, its banners, the boards),
//! the outgoing officer (the one on duty here), a picker for the incoming
//! officer, an optional note. The incoming officer confirms (Enter, or `y`
//! outside the note) and the handover is recorded through `ops`, as the
//! command line records it; `s` (Ctrl-S in the note) saves the sheet as a
//! Markdown file as the report draft overlay does.
//!
//! Who is on duty at this console: the incoming officer of a handover
//! confirmed here, else of the latest handover recorded at this console
//! (station) since the console started, else `tui --officer`, else of the
//! latest handover ever recorded here.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::effect::Effect;
use super::state::{Mode, State, StatusLine};
use crate::domain::handover::{Head, Open, PendingAlert, Sheet};
use crate::i18n::{T, fill};
use crate::ops::Command;

/// How many lines PgUp/PgDn move.
const PAGE: u16 = 10;
/// The sheet's width on the narrowest screen (80 columns), for scrolling.
const NARROWEST: usize = 77;

pub use super::duty::{Duty, Focus, HandoverOverlay};

impl State {
    /// The officer on duty at this console (see the module's words).
    pub fn on_duty(&self) -> Option<&str> {
        if let Some(o) = &self.duty.handed_over_here {
            return Some(o);
        }
        let latest = self.boards.handover.latest_at(&self.duty.station);
        match (latest, self.officer.as_deref()) {
            (Some(h), _) if h.at >= self.duty.started_at => Some(&h.to),
            (_, Some(o)) => Some(o),
            (Some(h), None) => Some(&h.to),
            (None, None) => None,
        }
    }

    /// Everything open as this console holds it now.
    pub fn open_matters(&self) -> Open {
        use crate::board::handover as b;
        let alerts = self
            .banners
            .iter()
            .map(|banner| match &banner.alert {
                super::alerts::Alert::Escalation(e) => b::escalation_alert(e),
                super::alerts::Alert::NewComplaint {
                    id, received_at, ..
                } => PendingAlert {
                    complaint_id: *id,
                    stage: None,
                    target: None,
                    at: *received_at,
                },
            })
            .collect();
        Open {
            complaints: self.data.open.clone(),
            incidents: self.boards.handover.incidents.clone(),
            alerts,
            patrols: b::overdue_patrols(&self.boards.sources),
            calendar: b::calendar_warnings(&self.config, self.now),
            daemon: b::daemon_warning(&self.daemon(), self.clock_speed),
            swaps: b::shift_swaps(&self.boards.oncall),
        }
    }

    /// The sheet of the overlay `o` as the overlay shows it: without the
    /// backslashes of the Markdown recorded and saved.
    pub fn handover_shown(&self, o: &HandoverOverlay) -> String {
        crate::report::handover::shown(&self.handover_sheet(o))
    }

    /// The sheet of the overlay `o` as of now, as Markdown.
    pub fn handover_sheet(&self, o: &HandoverOverlay) -> String {
        let head = Head {
            at: self.now,
            from: o.from.clone().unwrap_or_default(),
            to: o.to.clone().unwrap_or_default(),
            station: self.duty.station.clone(),
            note: Some(o.note.clone()).filter(|n| !n.trim().is_empty()),
        };
        let sheet = Sheet::new(head, self.open_matters());
        crate::report::handover::markdown(self.lang, &self.config, &sheet)
    }
}

/// `h`: the overlay, the outgoing officer the one on duty here.
pub fn open(state: &mut State) {
    state.mode = Mode::Handover(Box::new(HandoverOverlay {
        from: state.on_duty().map(String::from),
        to: None,
        note: String::new(),
        focus: Focus::Incoming,
        top: 0,
        error: None,
        typed: String::new(),
    }));
}

/// The next (or previous) officer after `current`, leaving out `skip`.
fn cycle(
    state: &State,
    current: Option<&str>,
    skip: Option<&str>,
    forward: bool,
) -> Option<String> {
    let ids: Vec<&String> = state
        .config
        .officers
        .keys()
        .filter(|id| Some(id.as_str()) != skip)
        .collect();
    if ids.is_empty() {
        return None;
    }
    let n = ids.len();
    let at = current.and_then(|c| ids.iter().position(|id| id.as_str() == c));
    let j = match (at, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    Some(ids[j].clone())
}

/// The officer `typed` names, leaving out `skip`: the id itself, else the
/// first whose id starts with it, else the first whose name holds it (case
/// not minded), as the other pickers take a typed id or part of a name.
fn find(state: &State, typed: &str, skip: Option<&str>) -> Option<String> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    let officers: Vec<_> = state
        .config
        .officers
        .values()
        .filter(|o| Some(o.id.as_str()) != skip)
        .collect();
    let id = |o: &&crate::domain::grid::Officer| o.id.to_lowercase();
    officers
        .iter()
        .find(|o| id(o) == typed)
        .or_else(|| officers.iter().find(|o| id(o).starts_with(&typed)))
        .or_else(|| {
            officers
                .iter()
                .find(|o| o.name.to_lowercase().contains(&typed))
        })
        .map(|o| o.id.clone())
}

/// A character typed in the officer picker focused: the officer it names
/// now, else the officer the character alone names (a fresh start).
fn typed(state: &State, o: &mut HandoverOverlay, c: char) {
    let skip = match o.focus {
        Focus::Incoming => o.from.clone(),
        _ => o.to.clone(),
    };
    let more = format!("{}{c}", o.typed);
    let (text, found) = match find(state, &more, skip.as_deref()) {
        Some(id) => (more, Some(id)),
        None => (c.to_string(), find(state, &c.to_string(), skip.as_deref())),
    };
    let Some(id) = found else {
        return;
    };
    o.typed = text;
    match o.focus {
        Focus::Incoming => o.to = Some(id),
        _ => o.from = Some(id),
    }
    o.error = None;
}

/// The file a sheet is saved as (before `-2`, `-3`… when taken):
/// `handover-20261130-0930.md`, the time local.
pub fn file_name(state: &State) -> String {
    let at = state
        .now
        .with_timezone(&state.config.settings.timezone)
        .format("%Y%m%d-%H%M");
    format!("handover-{at}.md")
}

/// The incoming officer confirms: the command, or why not (in words).
fn confirm(state: &State, o: &HandoverOverlay) -> Result<Command, String> {
    let lang = state.lang;
    let Some(from) = o.from.clone() else {
        return Err(T::HandNeedFrom.get(lang).to_string());
    };
    let Some(to) = o.to.clone() else {
        return Err(T::HandNeedTo.get(lang).to_string());
    };
    crate::ops::handover::check(&state.config, &from, &to)
        .map_err(|e| crate::words::handover::error(lang, &e))?;
    Ok(Command::Handover {
        sheet: state.handover_sheet(o),
        from,
        to,
        note: Some(o.note.trim().to_string()).filter(|n| !n.is_empty()),
        station: state.duty.station.clone(),
    })
}

/// A key in the overlay.
pub fn key(state: &mut State, mut o: HandoverOverlay, key: KeyEvent) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let in_note = o.focus == Focus::Note;
    match key.code {
        KeyCode::Esc => return Vec::new(),
        KeyCode::Enter => return submit(state, o),
        KeyCode::Char('y' | 'Y') if !in_note && !ctrl => return submit(state, o),
        KeyCode::Char('s') if ctrl || !in_note => {
            let fx = vec![Effect::SaveDraft {
                name: file_name(state),
                text: state.handover_sheet(&o),
            }];
            state.mode = Mode::Handover(Box::new(o));
            return fx;
        }
        KeyCode::Down => o.top = o.top.saturating_add(1),
        KeyCode::Up => o.top = o.top.saturating_sub(1),
        KeyCode::PageDown => o.top = o.top.saturating_add(PAGE),
        KeyCode::PageUp => o.top = o.top.saturating_sub(PAGE),
        KeyCode::Tab => {
            o.typed.clear();
            o.focus = match o.focus {
                Focus::Incoming => Focus::Outgoing,
                Focus::Outgoing => Focus::Note,
                Focus::Note => Focus::Incoming,
            }
        }
        KeyCode::BackTab => {
            o.typed.clear();
            o.focus = match o.focus {
                Focus::Incoming => Focus::Note,
                Focus::Outgoing => Focus::Incoming,
                Focus::Note => Focus::Outgoing,
            }
        }
        KeyCode::Left | KeyCode::Right if !in_note => {
            let forward = key.code == KeyCode::Right;
            match o.focus {
                Focus::Incoming => o.to = cycle(state, o.to.as_deref(), o.from.as_deref(), forward),
                _ => o.from = cycle(state, o.from.as_deref(), o.to.as_deref(), forward),
            }
            o.error = None;
            o.typed.clear();
        }
        KeyCode::Backspace if !in_note => {
            o.typed.pop();
            let skip = match o.focus {
                Focus::Incoming => o.from.clone(),
                _ => o.to.clone(),
            };
            if let Some(id) = find(state, &o.typed, skip.as_deref()) {
                match o.focus {
                    Focus::Incoming => o.to = Some(id),
                    _ => o.from = Some(id),
                }
            }
        }
        // A picker takes a typed id or part of a name (y and s are keys).
        KeyCode::Char(c) if !in_note && !super::keymap::is_control(key) => typed(state, &mut o, c),
        KeyCode::Backspace if in_note => {
            o.note.pop();
        }
        KeyCode::Char('u') if in_note && ctrl => o.note.clear(),
        KeyCode::Char(c)
            if in_note
                && !super::keymap::is_control(key)
                && o.note.chars().count() < crate::ops::TEXT_MAX_CHARS =>
        {
            o.note.push(c)
        }
        _ => {}
    }
    let most = crate::tui::report::layout(&state.handover_shown(&o), NARROWEST).len();
    o.top = o
        .top
        .min(u16::try_from(most.saturating_sub(1)).unwrap_or(u16::MAX));
    state.mode = Mode::Handover(Box::new(o));
    Vec::new()
}

fn submit(state: &mut State, mut o: HandoverOverlay) -> Vec<Effect> {
    match confirm(state, &o) {
        Ok(cmd) => {
            state.status = StatusLine {
                text: format!("{}…", state.t(T::HandOverlayTitle)),
                error: false,
                fade_ticks: None,
            };
            vec![Effect::Write(cmd)]
        }
        Err(why) => {
            o.error = Some(why.clone());
            state.status = StatusLine {
                text: why,
                error: true,
                fade_ticks: Some(StatusLine::FADE_SECONDS),
            };
            state.mode = Mode::Handover(Box::new(o));
            Vec::new()
        }
    }
}

/// A handover recorded (here or by the store for this console): the
/// incoming officer is on duty here at once.
pub fn recorded(state: &mut State, to: &str, station: &str) -> bool {
    let here = station == state.duty.station;
    if here {
        state.duty.handed_over_here = Some(to.to_string());
    }
    here
}

/// What the status line says of a saved sheet.
pub fn saved(state: &mut State, dir: &Path, result: &std::io::Result<PathBuf>) {
    let lang = state.lang;
    state.status = match result {
        Ok(path) => StatusLine {
            text: fill(
                T::HandSaved.get(lang),
                &[("path", &path.display().to_string())],
            ),
            error: false,
            fade_ticks: None,
        },
        Err(e) => StatusLine {
            text: fill(
                T::HandNotSaved.get(lang),
                &[
                    ("dir", &dir.display().to_string()),
                    ("why", &crate::text::sanitize(&e.to_string())),
                ],
            ),
            error: true,
            fade_ticks: Some(StatusLine::FADE_SECONDS),
        },
    };
}
