//! The Sources screen (#11): pollution sources, most overdue first, with
//! overdue patrols per township and per linked leader. What it lists is
//! `state.boards.sources` (read by the store thread); this holds the
//! selection and turns `c` (inspect the selected source) and `v` (a
//! township visit) into forms.

use crate::board::sources::{SourceBoard, SourceRow};
use crate::tui::effect::Effect;
use crate::tui::form::Form;
use crate::tui::keymap::Action;
use crate::tui::screens::Screen;
use crate::tui::state::{Mode, State, StatusLine};

/// The screen's own state: which listed source is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourcesScreen {
    pub selected: usize,
}

impl SourcesScreen {
    /// Move by `delta` among `len` rows (stops at the ends).
    pub fn move_by(&mut self, delta: i32, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = if delta < 0 {
            self.selected.saturating_sub(delta.unsigned_abs() as usize)
        } else {
            (self.selected + delta as usize).min(last)
        }
        .min(last);
    }
}

/// The sources the screen lists: those matching the filter (id, name,
/// grid, industry), in the board's order.
pub fn rows<'a>(board: &'a SourceBoard, filter: &str) -> Vec<&'a SourceRow> {
    let f = filter.trim().to_lowercase();
    board
        .sources
        .iter()
        .filter(|s| {
            f.is_empty()
                || [
                    s.id.as_str(),
                    s.name.as_str(),
                    s.grid.as_str(),
                    s.census.industry.as_deref().unwrap_or(""),
                ]
                .iter()
                .any(|x| x.to_lowercase().contains(&f))
        })
        .collect()
}

/// The source selected on the Sources screen, if any.
pub fn selected(state: &State) -> Option<&SourceRow> {
    let list = rows(&state.boards.sources, &state.filter);
    let i = state.sources.selected.min(list.len().saturating_sub(1));
    list.get(i).copied()
}

/// `c` and `v`: the inspection form for the selected source (on the
/// Sources screen, else the selected complaint's enterprise), the visit form.
pub fn act(state: &mut State, action: Action) -> Vec<Effect> {
    let config = state.config.clone();
    match action {
        Action::Visit => {
            state.mode = Mode::Form(Box::new(Form::visit(&config, state.officer.as_deref())));
        }
        _ => {
            let on_screen = (state.screen == Screen::Sources)
                .then(|| selected(state).map(|s| s.id.clone()))
                .flatten();
            let enterprise = on_screen.or_else(|| {
                state
                    .selected_complaint()
                    .and_then(|c| c.enterprise.clone())
            });
            match enterprise {
                Some(e) => {
                    state.mode = Mode::Form(Box::new(Form::inspect(
                        &config,
                        &e,
                        state.officer.as_deref(),
                        state.selected_complaint().map(|c| c.id),
                    )))
                }
                None => {
                    state.status = StatusLine {
                        text: state.t(crate::i18n::T::SrcUiNoSource).to_string(),
                        error: true,
                        fade_ticks: Some(StatusLine::FADE_SECONDS),
                    }
                }
            }
        }
    }
    Vec::new()
}
