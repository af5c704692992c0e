//! The officer on duty at this console, in the header (#11), after the day
//! and regime: said long (`◉ on duty 崔志强`) or short (`◉ 崔志强`); the
//! header chooses which fits (see `header`).

use crate::i18n::T;
use crate::text::sanitize;
use crate::tui::state::State;

/// The officer on duty here, long and short, or None when nobody is.
pub fn labels(state: &State) -> Option<(String, String)> {
    let id = state.on_duty()?;
    let name = sanitize(
        state
            .config
            .officers
            .get(id)
            .map_or(id, |o| o.name.as_str()),
    );
    Some((
        format!(" ◉ {} {name} ", state.t(T::HandOnDuty)),
        format!(" ◉ {name} "),
    ))
}
