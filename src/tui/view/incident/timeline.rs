//! The incident's timeline: its audit records in words (the sentences of
//! `words::trail`), newest last; scrolled back with ↑ when it is longer
//! than the room.

use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::domain::incident::IncidentDetail;
use crate::i18n::T;
use crate::text::wrap;
use crate::tui::state::State;
use crate::tui::view::theme::Theme;

/// `back`: how many records the view is scrolled back from the newest.
pub fn lines(state: &State, d: &IncidentDetail, back: usize, area: Rect) -> Vec<Line<'static>> {
    let w = usize::from(area.width).saturating_sub(2).max(10);
    let height = usize::from(area.height);
    let entries = crate::words::trail::lines(state.lang, &state.config, None, &d.timeline);
    let end = entries.len().saturating_sub(back);
    // From the newest shown backwards, as many records as fit whole.
    let mut shown: Vec<Vec<String>> = Vec::new();
    let mut used = 0;
    for e in entries[..end].iter().rev() {
        let parts = wrap(e, w);
        if used + parts.len() > height.saturating_sub(1) && !shown.is_empty() {
            break;
        }
        used += parts.len();
        shown.push(parts);
    }
    let earlier = end - shown.len();
    let mut out = Vec::new();
    if earlier > 0 {
        out.push(Line::styled(
            format!(
                "  {}",
                crate::i18n::count(T::EarlierEntries, state.lang, earlier as i64)
            ),
            Theme::dim(),
        ));
    }
    for parts in shown.into_iter().rev() {
        for (i, p) in parts.into_iter().enumerate() {
            out.push(Line::raw(format!("{}{p}", if i == 0 { "" } else { "  " })));
        }
    }
    out
}
