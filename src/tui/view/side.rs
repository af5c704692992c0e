//! The on-call panel: who holds the city and each township now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use super::theme::Theme;
use crate::i18n::T;
use crate::text::{fit, sanitize};
use crate::tui::state::State;

pub fn on_call(state: &State, area: Rect, buf: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .title(Line::styled(
            format!(" {} ", state.t(T::OnCallPanel)),
            Theme::title(),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let config = &state.config;
    let local = state
        .now
        .with_timezone(&config.settings.timezone)
        .naive_local();
    let person = |id: Option<&String>| -> String {
        id.and_then(|i| config.officers.get(i))
            .map(|o| format!("{} {}", sanitize(&o.name), o.phone))
            .unwrap_or_else(|| "-".into())
    };
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for g in config.grids.iter().filter(|g| g.level <= 2) {
        let oc = config.roster.on_call(&config.grids, &g.id, local);
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", g.id), Theme::title()),
            Span::raw(fit(&sanitize(&g.name), w.saturating_sub(g.id.len() + 1))),
        ]));
        let roles = [
            (T::Primary, oc.as_ref().map(|o| &o.primary)),
            (T::Backup, oc.as_ref().and_then(|o| o.backup.as_ref())),
            (T::Leader, oc.as_ref().and_then(|o| o.leader.as_ref())),
        ];
        for (role, who) in roles {
            if who.is_some() {
                let label = format!("  {} ", state.t(role));
                lines.push(Line::from(vec![
                    Span::styled(label.clone(), Theme::dim()),
                    Span::raw(fit(
                        &person(who),
                        w.saturating_sub(crate::text::width(&label)),
                    )),
                ]));
            }
        }
    }
    Paragraph::new(lines).render(inner, buf);
}
