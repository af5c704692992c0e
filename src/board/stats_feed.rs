//! The store thread's side of the Statistics screen (#12): keeps the
//! per-day tallies fresh and says when the screen's board must be folded
//! again and sent — only when something it shows changed: a day read again
//! (a complaint changed, a new day, a pending deadline passed), the sources
//! board read with other figures, or a new hour of today on the chart.

use chrono::{DateTime, Timelike, Utc};

use super::sources::SourceBoard;
use super::stats::StatsBoard;
use super::stats_days::DayTallies;
use crate::config::Config;
use crate::store::{Assessment, StoreError};

#[derive(Debug, Clone)]
pub struct StatsFeed {
    days: DayTallies,
    sources: Option<SourceBoard>,
    /// Something changed since the board was last folded.
    stale: bool,
    /// The local hour the board was folded in (today's chart ends there).
    hour: Option<(chrono::NaiveDate, u32)>,
}

impl StatsFeed {
    pub fn new(config: &Config) -> Self {
        StatsFeed {
            days: DayTallies::new(config),
            sources: None,
            stale: true,
            hour: None,
        }
    }

    /// The per-day tallies as last read.
    pub fn days(&self) -> &DayTallies {
        &self.days
    }

    /// The sources board was read again (patrol completion comes from it).
    pub fn set_sources(&mut self, board: &SourceBoard) {
        if self.sources.as_ref() != Some(board) {
            self.sources = Some(board.clone());
            self.stale = true;
        }
    }

    /// Read what changed; the board folded again when anything did.
    pub fn refresh<S: Assessment>(
        &mut self,
        store: &S,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<Option<StatsBoard>, StoreError> {
        self.stale |= self.days.refresh(store, now)?;
        let local = now.with_timezone(&config.settings.timezone);
        let hour = Some((local.date_naive(), local.hour()));
        if !self.stale && self.hour == hour {
            return Ok(None);
        }
        self.stale = false;
        self.hour = hour;
        Ok(Some(StatsBoard::fold(
            &self.days,
            config,
            self.sources.as_ref(),
            now,
        )))
    }
}
