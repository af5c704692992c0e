//! What a shift handover needs that the console does not already hold:
//! the latest handover at each console (whose incoming officer is on duty
//! there), the running incidents with their next open steps, and the
//! alerts nobody acknowledged (for the command line; a console has its
//! banners). Also how the warnings of the calendar and of the intake
//! daemon become the sheet's, for both front ends.

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::domain::handover::{
    CalendarWarning, DaemonWarning, HandoverRow, Open, OverduePatrol, PendingAlert, RunningIncident,
};
use crate::domain::incident::IncidentFilter;
use crate::domain::{ComplaintRow, EscalationRow, ListFilter};
use crate::intake::liveness::DaemonState;
use crate::store::{
    Alerts, Complaints, Escalations, Handovers, Heartbeats, Incidents, Rosters, StoreError,
};

/// How many of the newest escalations are looked through for alerts
/// nobody acknowledged (as a console does when it starts).
pub const ALERTS_LOOK_BACK: usize = 200;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct HandoverBoard {
    /// The latest handover recorded at each console, newest first.
    pub latest: Vec<HandoverRow>,
    /// Open incidents (active, stable) with their next open steps.
    pub incidents: Vec<RunningIncident>,
    /// Escalations nobody acknowledged, of complaints still waiting.
    pub alerts: Vec<PendingAlert>,
}

impl HandoverBoard {
    pub fn load<S>(store: &S, _config: &Config, _now: DateTime<Utc>) -> Result<Self, StoreError>
    where
        S: Handovers + Incidents + Complaints + Escalations + Alerts,
    {
        let mut incidents = Vec::new();
        let filter = IncidentFilter {
            open_only: true,
            no_drills: false,
        };
        for row in store.incidents(filter)? {
            let detail = store.incident(row.id)?;
            incidents.push(RunningIncident::new(row, &detail.steps));
        }
        let alerts = super::pending::unacknowledged(store, ALERTS_LOOK_BACK)?
            .iter()
            .map(escalation_alert)
            .collect();
        Ok(HandoverBoard {
            latest: store.latest_handovers()?,
            incidents,
            alerts,
        })
    }

    /// The latest handover at console `station`, if any.
    pub fn latest_at(&self, station: &str) -> Option<&HandoverRow> {
        self.latest.iter().find(|h| h.station == station)
    }
}

/// An escalation as the sheet lists an alert.
pub fn escalation_alert(e: &EscalationRow) -> PendingAlert {
    PendingAlert {
        complaint_id: e.complaint_id,
        stage: Some(e.stage.clone()),
        target: e.target.clone(),
        at: e.at,
    }
}

/// The calendar's warnings on `now`'s local day, and the files left out.
pub fn calendar_warnings(config: &Config, now: DateTime<Utc>) -> Vec<CalendarWarning> {
    use crate::domain::calendar::Gap;
    let today = now.with_timezone(&config.settings.timezone).date_naive();
    let mut out: Vec<CalendarWarning> = config
        .calendar
        .gaps(today)
        .into_iter()
        .map(|g| match g {
            Gap::ThisYear { year } => CalendarWarning::ThisYear { year },
            Gap::NextYear { year, days_left } => CalendarWarning::NextYear { year, days_left },
        })
        .collect();
    out.extend(
        config
            .left_out
            .iter()
            .cloned()
            .map(CalendarWarning::LeftOut),
    );
    out
}

/// The daemon's state as a warning, `None` when it runs on this database.
/// Its age is in real seconds (`speed`: drill seconds per real second).
pub fn daemon_warning(state: &DaemonState, speed: f64) -> Option<DaemonWarning> {
    match state {
        DaemonState::Live { .. } => None,
        DaemonState::Never => Some(DaemonWarning::Never),
        DaemonState::Stale { age_seconds, .. } => Some(DaemonWarning::Stale {
            age_seconds: (*age_seconds as f64 / speed.max(0.01)).round() as i64,
        }),
        DaemonState::Stopped { at, .. } => Some(DaemonWarning::Stopped { at: *at }),
        DaemonState::Elsewhere { db, .. } => Some(DaemonWarning::Elsewhere {
            db: db.display().to_string(),
        }),
    }
}

/// The overdue patrols of the pollution-source register; `None` while no
/// register was read (a console before its first boards).
pub fn overdue_patrols(sources: &super::sources::SourceBoard) -> Option<Vec<OverduePatrol>> {
    sources.today?;
    Some(
        sources
            .sources
            .iter()
            .filter(|s| s.overdue())
            .map(|s| OverduePatrol {
                enterprise: s.id.clone(),
                name: s.name.clone(),
                grid: s.grid.clone(),
                due: s.due_on,
                overdue_days: s.overdue_days,
            })
            .collect(),
    )
}

/// The swaps of the running and the next shift on `oncall`, running
/// first, each shift's in the order recorded.
pub fn shift_swaps(oncall: &super::oncall::OnCallBoard) -> Vec<crate::domain::roster_swap::Swap> {
    let mut out = Vec::new();
    for slot in [&oncall.now, &oncall.next].into_iter().flatten() {
        let mut these: Vec<_> = oncall
            .swaps
            .iter()
            .filter(|s| s.shift == slot.shift && s.shift_date == slot.date)
            .cloned()
            .collect();
        these.sort_by_key(|s| s.id);
        out.extend(these);
    }
    out
}

/// Everything open at `now`, read from the store (the command line's sheet;
/// a console builds the same from what it holds).
pub fn open_matters<S>(
    store: &S,
    config: &Config,
    now: DateTime<Utc>,
    db: &std::path::Path,
    sources: &super::sources::SourceBoard,
) -> Result<Open, StoreError>
where
    S: Handovers + Incidents + Complaints + Escalations + Alerts + Heartbeats + Rosters,
{
    let board = HandoverBoard::load(store, config, now)?;
    let complaints: Vec<ComplaintRow> = store.list(ListFilter {
        open_only: true,
        limit: None,
    })?;
    let stale_after = chrono::Duration::from_std(config.settings.heartbeat_stale_after)
        .unwrap_or(chrono::Duration::seconds(30));
    let heartbeat = store.heartbeat(crate::store::INTAKE_COMPONENT)?;
    let daemon = crate::intake::liveness::state(heartbeat.as_ref(), now, stale_after, db);
    Ok(Open {
        complaints,
        incidents: board.incidents,
        alerts: board.alerts,
        patrols: overdue_patrols(sources),
        calendar: calendar_warnings(config, now),
        daemon: daemon_warning(&daemon, 1.0),
        swaps: shift_swaps(&super::oncall::OnCallBoard::load(store, config, now)?),
    })
}
