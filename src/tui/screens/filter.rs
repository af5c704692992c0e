//! The `/` filter: the words a duty officer types, in either language.
//!
//! Owns: what each word matches. Every word must match (AND). A word is a
//! state (`breached`, `due`, `unassigned`, `open`, `closed`, a status), a
//! grid (its id, or part of its name or of an ancestor's: `城关镇` finds its
//! villages), a category, a source, an officer (id or name: dispatched to or
//! arrived), an enterprise, a complaint id, or text in the place or the
//! description. Nothing here does IO; `now` is passed in.

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::domain::ComplaintRow;
use crate::domain::complaint::{Category, Source, Status};
use crate::i18n::Lang;
use crate::words;

/// What the filter needs besides the complaint: the configuration (names)
/// and the time (breached, due).
pub struct FilterContext<'a> {
    pub config: &'a Config,
    pub now: DateTime<Utc>,
}

/// Words that name a state, in both languages.
const BREACHED: &[&str] = &["breached", "overdue", "late", "超时", "已超时"];
const DUE: &[&str] = &["due", "soon", "将超时", "即将超时"];
const UNASSIGNED: &[&str] = &["unassigned", "未分配"];
const OPEN: &[&str] = &["open", "未结"];
const CLOSED: &[&str] = &["closed", "done", "已办结", "办结", "已结"];

fn both(t: crate::i18n::T) -> [String; 2] {
    [t.get(Lang::En).to_lowercase(), t.get(Lang::Zh).to_string()]
}

impl FilterContext<'_> {
    /// Does complaint `c` match every word of `filter`?
    pub fn matches(&self, c: &ComplaintRow, filter: &str) -> bool {
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|w| self.word(c, w))
    }

    fn word(&self, c: &ComplaintRow, w: &str) -> bool {
        let waiting = c.status.awaits_arrival() && c.arrived_at.is_none();
        let left = c.deadline_at - self.now;
        if BREACHED.contains(&w) {
            return waiting && left <= chrono::Duration::zero();
        }
        if DUE.contains(&w) {
            return waiting
                && left > chrono::Duration::zero()
                && left <= self.config.settings.warn_before;
        }
        if UNASSIGNED.contains(&w) {
            return c.grid.is_none();
        }
        if OPEN.contains(&w) {
            return c.status.is_open();
        }
        if CLOSED.contains(&w) {
            return c.status == Status::Closed;
        }
        c.id.to_string() == w
            || self.status_word(c.status, w)
            || c.categories.iter().any(|k| category_word(*k, w))
            || source_word(c.source, w)
            || self.grid_word(c.grid.as_deref(), w)
            || self.officer_word(c, w)
            || self.enterprise_word(c.enterprise.as_deref(), w)
            || c.address
                .as_deref()
                .is_some_and(|a| a.to_lowercase().contains(w))
            || c.description.to_lowercase().contains(w)
    }

    fn status_word(&self, s: Status, w: &str) -> bool {
        s.as_str().starts_with(w) || both(words::status(s)).iter().any(|x| x.starts_with(w))
    }

    /// The grid's id starts with `w`, or its name or an ancestor's contains it.
    fn grid_word(&self, grid: Option<&str>, w: &str) -> bool {
        let mut at = grid;
        if grid.is_some_and(|g| g.to_lowercase().starts_with(w)) {
            return true;
        }
        while let Some(g) = at.and_then(|id| self.config.grids.get(id)) {
            if g.name.to_lowercase().contains(w) {
                return true;
            }
            at = g.parent.as_deref();
        }
        false
    }

    fn officer_word(&self, c: &ComplaintRow, w: &str) -> bool {
        [c.dispatched_to.as_deref(), c.arrived_by.as_deref()]
            .into_iter()
            .flatten()
            .any(|id| {
                id.to_lowercase() == w
                    || self
                        .config
                        .officers
                        .get(id)
                        .is_some_and(|o| o.name.to_lowercase().contains(w))
            })
    }

    fn enterprise_word(&self, e: Option<&str>, w: &str) -> bool {
        e.is_some_and(|id| {
            id.to_lowercase() == w
                || self
                    .config
                    .enterprises
                    .current()
                    .get(id)
                    .is_some_and(|x| x.name.to_lowercase().contains(w))
        })
    }
}

fn category_word(k: Category, w: &str) -> bool {
    k.as_str().starts_with(w) || both(words::category(k)).iter().any(|x| x.starts_with(w))
}

fn source_word(s: Source, w: &str) -> bool {
    s.as_str() == w || both(words::source(s)).iter().any(|x| x == w)
}
