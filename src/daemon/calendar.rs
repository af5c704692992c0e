//! The calendar job, in the daemon and in every console: takes up changed
//! calendar files and a changed roster.toml without a restart
//! (`config::calendar::Watch`, `config::roster_file::RosterWatch`: a file
//! that does not validate is logged with file:line and what is in force
//! kept; a changed grids.geojson, `config::map_file::MapWatch`, is only
//! checked and a broken one said), and says
//! in the log when the calendar runs out — from 60 days before the year
//! ends — when it starts, whenever that changes, and once a day.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use tokio_util::sync::CancellationToken;

use crate::clock::SharedClock;
use crate::config::Config;
use crate::config::calendar::{Reloaded, Watch, gap_text};
use crate::config::map_file::{MapReload, MapWatch};
use crate::config::roster_file::{RosterReload, RosterWatch};
use crate::domain::calendar::Gap;
use crate::i18n::Lang;

/// How often the calendar files are looked at (a directory listing).
pub const CALENDAR_POLL: Duration = Duration::from_secs(2);

/// Run until `shutdown`: every `interval`, put changed calendar files in
/// force for every holder of `config`, and log the calendar's gaps.
pub async fn calendar_loop(
    config: Arc<Config>,
    clock: SharedClock,
    interval: Duration,
    shutdown: CancellationToken,
) {
    let mut watch = Watch::new(&config);
    let mut roster = RosterWatch::new(&config);
    let mut map = MapWatch::new(&config);
    let mut said: Option<(NaiveDate, Vec<Gap>)> = None;
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = tick.tick() => {}
        }
        match watch.poll(&config) {
            Some(Reloaded::Changed(years)) => {
                tracing::info!(
                    ?years,
                    "calendar files changed: the new calendar is in force"
                );
            }
            Some(Reloaded::Refused(errors)) => {
                for e in errors {
                    tracing::error!("calendar file refused, the calendar in force is kept: {e}");
                }
            }
            None => {}
        }
        match roster.poll(&config) {
            Some(RosterReload::Changed) => {
                tracing::info!("roster.toml changed: the new roster is in force");
            }
            Some(RosterReload::Refused(errors)) => {
                for e in errors {
                    tracing::error!("roster.toml refused, the roster in force is kept: {e}");
                }
            }
            None => {}
        }
        match map.poll(&config) {
            Some(MapReload::Changed) => {
                tracing::warn!(
                    "grids.geojson changed: the new boundaries are taken up when intake and the consoles restart"
                );
            }
            Some(MapReload::Refused(errors)) => {
                for e in errors {
                    tracing::error!("grids.geojson refused, the boundaries in force are kept: {e}");
                }
            }
            None => {}
        }
        let today = clock
            .now()
            .with_timezone(&config.settings.timezone)
            .date_naive();
        let gaps = config.calendar.gaps(today);
        if said.as_ref() != Some(&(today, gaps.clone())) {
            for gap in &gaps {
                tracing::warn!("{}", gap_text(Lang::En, *gap));
            }
            said = Some((today, gaps));
        }
    }
}
