//! What a console knows and shows: the data snapshot from the store task, and
//! the UI state: which screen is shown and one state per screen (in
//! `screens`), and what all screens share (filter, detail, mode: forms and
//! prompts, status line, banners). Derived views (each screen's sorted,
//! filtered row order) are recomputed when their inputs change, never while
//! drawing.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::form::Form;
use super::screens::audit::Audit;
use super::screens::complaints::Complaints;
use super::screens::dashboard::Dashboard;
use super::screens::grids::GridsScreen;
use super::screens::incidents::{IncidentView, Incidents};
use super::screens::oncall::OnCallScreen;
use super::screens::sources::SourcesScreen;
use super::screens::{ComplaintList, Screen};
use crate::clock::ClockMode;
use crate::config::Config;
use crate::domain::incident::{IncidentDetail, IncidentRow, ItemMove};
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
    /// Every incident, open ones first (the store's order of urgency).
    pub incidents: Vec<IncidentRow>,
}

/// The report draft overlay: which incident, which report, scrolled how
/// far (lines). Its keys are in `report.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOverlay {
    pub id: i64,
    pub kind: crate::domain::incident::ReportKind,
    pub top: u16,
}

/// The incident whose view is open, as last read, with what each depot
/// holds now, per (depot, item) — computed once when read, not per frame.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentData {
    pub detail: IncidentDetail,
    pub stock: std::collections::BTreeMap<(String, String), i64>,
}

impl IncidentData {
    /// `detail` with the depots' stock after `moves`.
    pub fn new(config: &Config, detail: IncidentDetail, moves: &[ItemMove]) -> Self {
        IncidentData {
            detail,
            stock: crate::domain::incident::resources::depot_stock(&config.inventory.depots, moves),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    /// The help, scrolled down this many lines.
    Help(u16),
    Filter(String),
    Form(Box<Form>),
    ConfirmQuit,
    /// The report draft of the incident in view (#10), scrolled.
    Report(ReportOverlay),
    /// The shift handover overlay (#11): the sheet, the officers, the note.
    Handover(Box<super::duty::HandoverOverlay>),
    /// An action that asks first (closing an incident): `y` sends it.
    Confirm {
        question: String,
        command: Box<crate::ops::Command>,
        /// The form it came from (a merge), opened again if the store refuses.
        form: Option<Box<Form>>,
    },
}

/// An alert that stays on screen until someone, at any console,
/// acknowledges it. Its words are made when drawn, in the console's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    pub alert: super::alerts::Alert,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub error: bool,
    /// Countdown ticks (seconds of real time, whatever the clock) until the
    /// line goes back to "Ready": errors and a shown phone number fade.
    pub fade_ticks: Option<u32>,
}

impl StatusLine {
    /// How long an error (or a phone number in clear) stays, in seconds.
    pub const FADE_SECONDS: u32 = 8;

    pub fn ready(lang: Lang) -> StatusLine {
        StatusLine {
            text: crate::i18n::T::StatusReady.get(lang).to_string(),
            error: false,
            fade_ticks: None,
        }
    }
}

pub struct State {
    pub config: Arc<Config>,
    pub lang: Lang,
    pub clock: ClockMode,
    /// Drill seconds per real second (1 outside a drill): ages that people
    /// wait through, like the heartbeat's, are shown in real seconds.
    pub clock_speed: f64,
    pub now: DateTime<Utc>,
    pub data: Snapshot,
    /// False until the store thread's first snapshot arrives.
    pub loaded: bool,
    /// The screen shown.
    pub screen: Screen,
    /// The complaint selected, by id: it stays selected across screens,
    /// refreshes, sorting and filtering while it is listed.
    pub selected: Option<i64>,
    pub dashboard: Dashboard,
    pub complaints: Complaints,
    pub audit: Audit,
    pub incidents: Incidents,
    // The grid at work (#11): each screen's state; what they show is `boards`.
    pub oncall: OnCallScreen,
    pub grids: GridsScreen,
    pub sources: SourcesScreen,
    // Assessment and the picture of the day (#12).
    pub statistics: super::screens::statistics::StatisticsScreen,
    pub map: super::screens::map::MapScreen,
    /// The boards of the grid at work as last read by the store thread.
    pub boards: crate::board::Boards,
    /// The incident view, when open (over any screen).
    pub incident_view: Option<IncidentView>,
    /// The open incident as last read (its view shows it).
    pub incident: Option<Box<IncidentData>>,
    pub mode: Mode,
    /// An incident form sent to the store and not yet answered: a refusal
    /// (over stock, a step already ticked) opens it again with the reason,
    /// so nothing typed is lost.
    pub sent_form: Option<Box<crate::tui::form::Form>>,
    /// Every screen lists only what matches it.
    pub filter: String,
    /// The selected complaint's detail is open over the screen.
    pub detail: bool,
    /// The audit records of a complaint (its trail), as last read for the detail.
    pub trail: Option<(i64, Vec<AuditEntry>)>,
    pub status: StatusLine,
    /// Unacknowledged alerts, oldest first: the last is the top banner.
    pub banners: Vec<Banner>,
    /// The console user's officer id (`tui --officer`), if given.
    pub officer: Option<String>,
    /// Who is on duty at this console after handovers (#11; see `on_duty`).
    pub duty: super::duty::Duty,
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
            clock_speed: 1.0,
            now,
            data: Snapshot::default(),
            loaded: false,
            screen: Screen::Dashboard,
            selected: None,
            dashboard: Dashboard::default(),
            complaints: Complaints::default(),
            audit: Audit::default(),
            incidents: Incidents::default(),
            oncall: OnCallScreen::default(),
            grids: GridsScreen::default(),
            sources: SourcesScreen::default(),
            statistics: Default::default(),
            map: Default::default(),
            boards: crate::board::Boards::default(),
            incident_view: None,
            incident: None,
            mode: Mode::Normal,
            sent_form: None,
            filter: String::new(),
            detail: false,
            trail: None,
            status: StatusLine::ready(lang),
            banners: Vec::new(),
            officer,
            duty: super::duty::Duty::new(now),
            database: None,
            database_replaced: false,
            quit: false,
        };
        s.map = super::screens::map::MapScreen::new(&s.config);
        s.derive();
        s
    }

    pub fn list_mut(&mut self) -> &mut ComplaintList {
        match self.screen {
            Screen::Dashboard => &mut self.dashboard.list,
            Screen::Complaints => &mut self.complaints.list,
            Screen::Incidents
            | Screen::OnCall
            | Screen::Grids
            | Screen::Sources
            | Screen::Statistics
            | Screen::Map
            | Screen::Audit => &mut self.audit.list,
        }
    }

    /// Recompute the current screen's rows after the data, the screen, the
    /// filter or the sort changed. The selection follows the complaint: the
    /// one selected before stays selected wherever it is now listed; when it
    /// is gone, the row at the same position is.
    pub fn derive(&mut self) {
        let (data, filter) = (&self.data, &self.filter);
        let ctx = super::screens::FilterContext {
            config: &self.config,
            now: self.now,
        };
        match self.screen {
            Screen::Dashboard => self.dashboard.derive(&data.open, filter, &ctx),
            Screen::Complaints => self.complaints.derive(&data.recent, filter, &ctx),
            Screen::Map => self.map.derive(&data.open),
            Screen::Incidents
            | Screen::OnCall
            | Screen::Grids
            | Screen::Sources
            | Screen::Statistics
            | Screen::Audit => {}
        }
        // The incidents are few: their list is kept for every screen (the
        // dashboard's side panel reads the open ones).
        self.incidents.derive(
            &data.incidents,
            if self.screen == Screen::Incidents {
                filter
            } else {
                ""
            },
        );
        self.follow_selection();
    }

    /// Put the current screen's selection on the selected complaint (by id).
    fn follow_selection(&mut self) {
        let want = self.selected;
        let (data, screen) = (&self.data, self.screen);
        let now = match screen {
            Screen::Dashboard => self.dashboard.list.select(&data.open, want),
            Screen::Complaints => self.complaints.list.select(&data.recent, want),
            Screen::Map => self.map.select(&data.open, want),
            // Nothing listed: the selection waits for the next screen.
            Screen::Incidents
            | Screen::OnCall
            | Screen::Grids
            | Screen::Sources
            | Screen::Statistics
            | Screen::Audit => return,
        };
        self.selected = now.map(|c| c.id).or(want);
    }

    /// Move the selection `delta` rows on the current screen.
    pub fn move_selection(&mut self, delta: i32) {
        if self.incident_view.is_some() {
            return self.move_in_incident(delta);
        }
        if self.screen == Screen::OnCall {
            let rows = self.boards.oncall.rows.len();
            return self.oncall.step(delta, rows);
        }
        if self.screen == Screen::Grids {
            let len = self.boards.grids.rows.len();
            self.grids.move_by(delta, len);
            return;
        }
        if self.screen == Screen::Sources {
            let n = super::screens::sources::rows(&self.boards.sources, &self.filter).len();
            self.sources.move_by(delta, n);
            return;
        }
        if self.screen == Screen::Audit {
            self.audit.move_by(i64::from(delta), self.data.audit.len());
            return;
        }
        if self.screen == Screen::Map {
            self.map.move_by(delta);
            if let Some(c) = self.map.selected_in(&self.data.open) {
                self.selected = Some(c.id);
            }
            return;
        }
        if self.screen == Screen::Incidents {
            let all = &self.data.incidents;
            if delta < 0 {
                self.incidents.up(all);
            } else {
                self.incidents.down(all);
            }
            return;
        }
        let list = self.list_mut();
        if delta < 0 {
            list.up();
        } else {
            list.down();
        }
        let id = self.selected_complaint().map(|c| c.id);
        if id.is_some() {
            self.selected = id;
        }
    }

    /// Show `screen`, with the detail closed and the same complaint selected
    /// if it is listed there.
    pub fn go_to(&mut self, screen: Screen) {
        self.screen = screen;
        self.detail = false;
        self.incident_view = None;
        self.derive();
    }

    /// The complaint the actions act on: the current screen's selected one.
    pub fn selected_complaint(&self) -> Option<&ComplaintRow> {
        match self.screen {
            Screen::Dashboard => self.dashboard.list.selected_in(&self.data.open),
            Screen::Complaints => self.complaints.list.selected_in(&self.data.recent),
            Screen::Map => self.map.selected_in(&self.data.open),
            Screen::Incidents
            | Screen::OnCall
            | Screen::Grids
            | Screen::Sources
            | Screen::Statistics
            | Screen::Audit => None,
        }
    }

    /// Drop the banners whose complaint no longer waits for anyone: an
    /// officer is on site, or it was closed. What they warned of is over;
    /// an alert still pending stays until someone acknowledges it.
    pub fn drop_settled_banners(&mut self) {
        let open = &self.data.open;
        self.banners.retain(|b| {
            let id = match &b.alert {
                super::alerts::Alert::Escalation(e) => e.complaint_id,
                super::alerts::Alert::NewComplaint { id, .. } => *id,
            };
            open.iter()
                .any(|c| c.id == id && c.arrived_at.is_none() && c.status.awaits_arrival())
        });
    }

    /// The intake daemon's state, from the heartbeat last read.
    pub fn daemon(&self) -> crate::intake::liveness::DaemonState {
        let s = &self.config.settings;
        let stale_after = chrono::Duration::from_std(s.heartbeat_stale_after)
            .unwrap_or(chrono::Duration::seconds(30));
        let db = self.database.clone().unwrap_or_default();
        crate::intake::liveness::state(self.data.heartbeat.as_ref(), self.now, stale_after, &db)
    }

    /// What to say when the intake daemon is not running here: how to start
    /// it, and that automatic escalation waits for it. `None` when it runs.
    pub fn intake_hint(&self) -> Option<crate::i18n::T> {
        use crate::intake::liveness::DaemonState;
        if !self.loaded {
            return None;
        }
        match self.daemon() {
            DaemonState::Live { .. } => None,
            DaemonState::Elsewhere { .. } => Some(crate::i18n::T::HintIntakeElsewhere),
            _ => Some(crate::i18n::T::HintIntakeDown),
        }
    }

    /// Complaint `id` as last read, if this console has it (open or recent).
    pub fn complaint(&self, id: i64) -> Option<&ComplaintRow> {
        self.data
            .open
            .iter()
            .chain(&self.data.recent)
            .find(|c| c.id == id)
    }

    /// The complaint whose trail the console needs: the one whose detail is open.
    pub fn watching(&self) -> Option<i64> {
        if self.detail {
            self.selected_complaint().map(|c| c.id)
        } else {
            None
        }
    }

    /// The trail of complaint `id`, if it has been read.
    pub fn trail_of(&self, id: i64) -> Option<&[AuditEntry]> {
        self.trail
            .as_ref()
            .filter(|(of, _)| *of == id)
            .map(|(_, t)| t.as_slice())
    }

    pub fn t(&self, t: crate::i18n::T) -> &'static str {
        t.get(self.lang)
    }
}
