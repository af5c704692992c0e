//! Drawing the Complaints screen (its state is in `screens::complaints`): the
//! complaints table over the newest complaints, titled with the sort.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::T;
use crate::tui::screens::complaints::Complaints;
use crate::tui::state::State;
use crate::tui::view::table;

/// Draw the complaints, saying in which order, in `body`.
pub fn render(state: &State, body: Rect, buf: &mut Buffer) {
    let Complaints { list, sort } = &state.complaints;
    let title = format!(
        "{} ({}) · {} {}",
        state.t(T::AllComplaints),
        list.rows.len(),
        state.t(T::SortedBy),
        state.t(sort.title())
    );
    table::complaints(state, &title, list, &state.data.recent, body, buf);
}
