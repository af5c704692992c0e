//! What a console knows and shows: the data snapshot from the store task, and
//! the UI state (screen, selection, filter, forms, banners). Derived views
//! (the sorted, filtered row order) are recomputed here when their inputs
//! change, never while drawing.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::form::Form;
use crate::clock::ClockMode;
use crate::config::Config;
use crate::domain::{AuditEntry, ComplaintRow, Counts, EscalationRow, Heartbeat};
use crate::i18n::Lang;

/// What the store task last read.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Every open complaint.
    pub open: Vec<ComplaintRow>,
    /// The newest complaints of any status (Complaints screen).
    pub recent: Vec<ComplaintRow>,
    pub counts: Counts,
    pub heartbeat: Option<Heartbeat>,
    /// Newest first.
    pub escalations: Vec<EscalationRow>,
    pub arrivals_per_hour: Vec<u64>,
    pub audit: Vec<AuditEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Complaints,
    Audit,
}

impl Screen {
    /// Every screen, in the order of the digit keys and of `Tab`.
    pub const ALL: [Screen; 3] = [Screen::Dashboard, Screen::Complaints, Screen::Audit];

    /// The `n`-th screen, counted from 1 as the digit keys do.
    pub fn nth(n: u8) -> Option<Screen> {
        Screen::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }
}

/// The order of the Complaints screen (`s` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Newest,
    Deadline,
    Grid,
    Status,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Newest => Sort::Deadline,
            Sort::Deadline => Sort::Grid,
            Sort::Grid => Sort::Status,
            Sort::Status => Sort::Newest,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Deadline => "deadline",
            Sort::Grid => "grid",
            Sort::Status => "status",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    Filter(String),
    Form(Box<Form>),
    ConfirmQuit,
}

/// A message that stays on screen until acknowledged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub error: bool,
}

pub struct State {
    pub config: Arc<Config>,
    pub lang: Lang,
    pub clock: ClockMode,
    pub now: DateTime<Utc>,
    pub data: Snapshot,
    /// False until the store thread's first snapshot arrives.
    pub loaded: bool,
    pub screen: Screen,
    pub mode: Mode,
    pub filter: String,
    pub sort: Sort,
    /// Indexes into the current screen's rows, in display order.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub detail: bool,
    pub status: StatusLine,
    pub banners: Vec<Banner>,
    /// The console user's officer id (`tui --officer`), if given.
    pub officer: Option<String>,
    /// The database file this console reads (absolute), shown in the header
    /// when there is room, and compared with the daemon's.
    pub database: Option<std::path::PathBuf>,
    /// The file at the database path is not the one this console opened.
    pub database_replaced: bool,
    pub quit: bool,
}

impl State {
    pub fn new(
        config: Arc<Config>,
        lang: Lang,
        clock: ClockMode,
        now: DateTime<Utc>,
        officer: Option<String>,
    ) -> Self {
        let mut s = State {
            config,
            lang,
            clock,
            now,
            data: Snapshot::default(),
            loaded: false,
            screen: Screen::Dashboard,
            mode: Mode::Normal,
            filter: String::new(),
            sort: Sort::Newest,
            rows: Vec::new(),
            selected: 0,
            detail: false,
            status: StatusLine {
                text: crate::i18n::T::StatusReady.get(lang).to_string(),
                error: false,
            },
            banners: Vec::new(),
            officer,
            database: None,
            database_replaced: false,
            quit: false,
        };
        s.derive();
        s
    }

    /// The complaints the current screen lists (before ordering/filtering).
    pub fn source_rows(&self) -> &[ComplaintRow] {
        match self.screen {
            Screen::Dashboard => &self.data.open,
            Screen::Complaints | Screen::Audit => &self.data.recent,
        }
    }

    /// Recompute the row order after the data, the screen or the filter changed,
    /// keeping the same complaint selected when it is still listed.
    pub fn derive(&mut self) {
        let keep = self.selected_complaint().map(|c| c.id);
        let rows = self.source_rows();
        let needle = self.filter.to_lowercase();
        let mut idx: Vec<usize> = (0..rows.len())
            .filter(|&i| matches(&rows[i], &needle))
            .collect();
        if self.screen == Screen::Dashboard {
            // Unassigned on top, then waiting complaints by deadline, then those reached.
            idx.sort_by_key(|&i| {
                let c = &rows[i];
                (
                    c.grid.is_some(),
                    c.arrived_at.is_some(),
                    c.deadline_at,
                    c.id,
                )
            });
        } else {
            // `recent` comes newest first; the other orders are stable on it.
            match self.sort {
                Sort::Newest => {}
                Sort::Deadline => idx.sort_by_key(|&i| rows[i].deadline_at),
                Sort::Grid => idx.sort_by(|&a, &b| rows[a].grid.cmp(&rows[b].grid)),
                Sort::Status => idx.sort_by_key(|&i| rows[i].status.as_str()),
            }
        }
        self.rows = idx;
        self.selected = keep
            .and_then(|id| {
                self.rows
                    .iter()
                    .position(|&i| self.source_rows()[i].id == id)
            })
            .unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
    }

    pub fn selected_complaint(&self) -> Option<&ComplaintRow> {
        if self.screen == Screen::Audit {
            return None;
        }
        self.rows
            .get(self.selected)
            .and_then(|&i| self.source_rows().get(i))
    }

    pub fn t(&self, t: crate::i18n::T) -> &'static str {
        t.get(self.lang)
    }
}

/// Does a complaint match the filter text (id, grid, category, status, place, text)?
fn matches(c: &ComplaintRow, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    needle.split_whitespace().all(|word| {
        c.id.to_string() == word
            || c.grid
                .as_deref()
                .is_some_and(|g| g.to_lowercase().starts_with(word))
            || (c.grid.is_none() && "unassigned".starts_with(word))
            || c.categories.iter().any(|k| k.as_str().starts_with(word))
            || c.status.as_str().starts_with(word)
            || c.address
                .as_deref()
                .is_some_and(|a| a.to_lowercase().contains(word))
            || c.description.to_lowercase().contains(word)
            || c.enterprise
                .as_deref()
                .is_some_and(|e| e.to_lowercase() == word)
    })
}
