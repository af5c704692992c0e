//! The Sources screen's actions (#11): `c` logs an inspection of the
//! selected source (on the Sources screen, else the selected complaint's
//! enterprise), `v` a township visit. The screen's own state and rows are
//! in `screens::sources`.

use super::effect::Effect;
use super::form::Form;
use super::keymap::Action;
use super::screens::Screen;
use super::screens::sources::rows;
use super::state::{Mode, State, StatusLine};
use crate::board::sources::SourceRow;

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
            state.mode = Mode::Form(Box::new(Form::visit(&config, state.on_duty())));
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
                        state.on_duty(),
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
