//! The report draft overlay of the incident view (#10): which report it
//! shows (the next one due to start with; Tab or ←→ turns to another), how
//! far it is scrolled, its keys, and saving the draft to a Markdown file.
//!
//! The draft is `report::draft` — the same text `gridwatch incident report`
//! prints — made when drawn or saved, in the console's language. Saving is
//! an [`Effect`] (the event loop writes the file, in the console's working
//! directory, never over another: `-2`, `-3`… are added); its result comes
//! back as words in the status line. Saving is not sending: `u` here opens
//! the "report sent" form for the kind shown.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent};

use super::effect::Effect;
use super::form::Form;
use super::state::{Mode, State, StatusLine};
use crate::domain::incident::{IncidentDetail, IncidentStatus, ReportKind};
use crate::i18n::{Lang, T, fill};

pub use super::state::ReportOverlay;

/// The draft's width in the overlay on the narrowest screen (80 columns).
const NARROWEST: usize = 77;
/// How many lines PgUp/PgDn move.
const PAGE: u16 = 10;
/// Files `name-2.md` … `name-N.md` tried before giving up.
const MAX_COPIES: u32 = 999;

/// The report due next: the initial one while it is not sent, then a
/// follow-up, the final report once the incident is closed.
pub fn next_kind(d: &IncidentDetail) -> ReportKind {
    let initial_sent = d.row.initial_report_sent_at.is_some()
        || d.reports
            .iter()
            .any(|r| r.kind == ReportKind::Initial && r.sent_at.is_some());
    if !initial_sent {
        ReportKind::Initial
    } else if d.row.status == IncidentStatus::Closed {
        ReportKind::Final
    } else {
        ReportKind::FollowUp
    }
}

/// When the `kind` report is due and when it was sent, as the draft reads
/// them: a follow-up's the one not sent yet, else the latest of its kind.
pub fn deadline(
    d: &IncidentDetail,
    kind: ReportKind,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let mut rows = d.reports.iter().filter(|r| r.kind == kind);
    let row = match kind {
        ReportKind::FollowUp => rows.find(|r| r.sent_at.is_none()),
        _ => rows.next_back(),
    };
    let due = row.and_then(|r| r.due_at).or(match kind {
        ReportKind::Initial => d.row.initial_report_due_at,
        _ => None,
    });
    (due, row.and_then(|r| r.sent_at))
}

impl State {
    /// Who signs a draft made here: the console's officer, by name.
    pub fn signer(&self) -> Option<String> {
        let id = self.officer.as_deref()?;
        self.config.officers.get(id).map(|o| o.name.clone())
    }

    /// The draft of the `kind` report of the incident in view, as of now.
    pub fn draft(&self, kind: ReportKind) -> Option<String> {
        let d = &self.open_incident()?.detail;
        Some(crate::report::draft(
            self.lang,
            &self.config,
            d,
            kind,
            self.now,
            self.signer().as_deref(),
        ))
    }
}

/// The file a draft is saved as (before `-2`, `-3`… when taken):
/// `incident-3-initial-20261130-0930.md`, the time local.
pub fn file_name(state: &State, id: i64, kind: ReportKind) -> String {
    let at = state
        .now
        .with_timezone(&state.config.settings.timezone)
        .format("%Y%m%d-%H%M");
    format!("incident-{id}-{}-{at}.md", kind.id().replace('_', "-"))
}

fn turn(kind: ReportKind, forward: bool) -> ReportKind {
    let all = ReportKind::ALL;
    let i = all.iter().position(|k| *k == kind).unwrap_or(0);
    let n = all.len();
    all[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}

/// A key in the overlay.
pub fn key(state: &mut State, mut o: ReportOverlay, key: KeyEvent) -> Vec<Effect> {
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => return Vec::new(),
        KeyCode::Down | KeyCode::Char('j') => o.top = o.top.saturating_add(1),
        KeyCode::Up | KeyCode::Char('k') => o.top = o.top.saturating_sub(1),
        KeyCode::PageDown | KeyCode::Char(' ') => o.top = o.top.saturating_add(PAGE),
        KeyCode::PageUp => o.top = o.top.saturating_sub(PAGE),
        KeyCode::Home => o.top = 0,
        KeyCode::Tab | KeyCode::Right | KeyCode::BackTab | KeyCode::Left => {
            o.kind = turn(o.kind, matches!(key.code, KeyCode::Tab | KeyCode::Right));
            o.top = 0;
        }
        KeyCode::Char('s') => {
            let fx = match state.draft(o.kind) {
                Some(text) => vec![Effect::SaveDraft {
                    name: file_name(state, o.id, o.kind),
                    text,
                }],
                None => Vec::new(),
            };
            state.mode = Mode::Report(o);
            return fx;
        }
        // Saving is not sending: the "sent" form, on this kind.
        KeyCode::Char('u') => {
            if let Some(d) = state.open_incident().map(|d| d.detail.clone()) {
                let mut form = Form::report_sent(&d, &state.config, state.lang);
                if let Some(f) = form
                    .fields
                    .iter_mut()
                    .find(|f| f.label == T::IncUiFieldReport)
                {
                    f.value = o.kind.id().to_string();
                }
                state.mode = Mode::Form(Box::new(form));
                return Vec::new();
            }
        }
        _ => {}
    }
    // The most a draft can be scrolled: its lines at the narrowest overlay.
    let most = state
        .draft(o.kind)
        .map_or(0, |t| layout(&t, NARROWEST).len());
    o.top = o
        .top
        .min(u16::try_from(most.saturating_sub(1)).unwrap_or(u16::MAX));
    state.mode = Mode::Report(o);
    Vec::new()
}

/// Write `text` to `dir/name`, or `name-2`, `name-3`… when taken: a file
/// is never overwritten (created new, so two consoles cannot race). The
/// path written.
pub fn save(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "md"));
    for n in 1..=MAX_COPIES {
        let path = if n == 1 {
            dir.join(name)
        } else {
            dir.join(format!("{stem}-{n}.{ext}"))
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut f) => {
                if let Err(e) = f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
                    // A part of a draft is worse than none.
                    let _ = std::fs::remove_file(&path);
                    return Err(e);
                }
                return Ok(path);
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(ErrorKind::AlreadyExists.into())
}

/// What the status line says of a save: the full path, or why not in words.
pub fn saved(state: &mut State, dir: &Path, result: &std::io::Result<PathBuf>) {
    let lang = state.lang;
    state.status = match result {
        Ok(path) => StatusLine {
            text: fill(
                T::IncUiDraftSaved.get(lang),
                &[("path", &path.display().to_string())],
            ),
            error: false,
            fade_ticks: None,
        },
        Err(e) => StatusLine {
            text: fill(
                T::IncUiDraftNotSaved.get(lang),
                &[("dir", &dir.display().to_string()), ("why", &why(lang, e))],
            ),
            error: true,
            fade_ticks: Some(StatusLine::FADE_SECONDS),
        },
    };
}

fn why(lang: Lang, e: &std::io::Error) -> String {
    let t = match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => T::IncUiDraftNoPermission,
        ErrorKind::NotFound | ErrorKind::NotADirectory => T::IncUiDraftNoFolder,
        ErrorKind::AlreadyExists => T::IncUiDraftTooMany,
        // The system's own words (a full disk), made inert.
        _ => return crate::text::sanitize(&e.to_string()),
    };
    t.get(lang).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_never_overwrites_and_says_why_it_could_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = save(dir.path(), "incident-1-initial-x.md", "one").unwrap();
        let b = save(dir.path(), "incident-1-initial-x.md", "two").unwrap();
        assert_eq!(a, dir.path().join("incident-1-initial-x.md"));
        assert_eq!(b, dir.path().join("incident-1-initial-x-2.md"));
        assert_eq!(std::fs::read_to_string(a).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(b).unwrap(), "two");
        let e = save(&dir.path().join("gone"), "x.md", "").unwrap_err();
        assert_eq!(why(Lang::En, &e), "the folder does not exist");
        let denied = std::io::Error::from(ErrorKind::PermissionDenied);
        assert!(why(Lang::Zh, &denied).contains("只读"));
    }

    #[test]
    fn the_kinds_turn_round_both_ways() {
        assert_eq!(turn(ReportKind::Final, true), ReportKind::Initial);
        assert_eq!(turn(ReportKind::Initial, false), ReportKind::Final);
    }
}

/// How a line of a draft is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftLine {
    Heading,
    /// A quote: the drill warning.
    Quote,
    Plain,
}

/// A draft's lines wrapped to `w` cells, sanitised: a list item or a quote
/// goes on under itself. The view styles them; scrolling counts them.
pub fn layout(text: &str, w: usize) -> Vec<(String, DraftLine)> {
    let mut out = Vec::new();
    for raw in text.lines() {
        let line = crate::text::sanitize(raw);
        let body = line.trim_start();
        let lead = line.len() - body.len();
        let marker = ["- ", "> ", "# "]
            .iter()
            .find(|m| body.starts_with(**m))
            .map_or(0, |m| m.len());
        let indent = lead + marker;
        let kind = if body.starts_with('#') {
            DraftLine::Heading
        } else if body.starts_with('>') {
            DraftLine::Quote
        } else {
            DraftLine::Plain
        };
        let rest = &line[indent..];
        for (i, part) in crate::text::wrap(rest, w.saturating_sub(indent).max(10))
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 {
                line[..indent].to_string()
            } else {
                " ".repeat(indent)
            };
            out.push((format!("{head}{part}"), kind));
        }
    }
    out
}
