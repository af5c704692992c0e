//! The store thread's side of the Statistics screen (#12): keeps the
//! per-day tallies fresh and says when the screen's board must be folded
//! again and sent — only when something it shows changed: a day read again
//! (a complaint changed, a new day, a pending deadline passed), the sources
//! board read with other figures (the outflow sections are read again then
//! too), or a new hour of today on the chart.

use chrono::{DateTime, Timelike, Utc};

use super::sources::SourceBoard;
use super::stats::{SectionRow, StatsBoard, Window};
use super::stats_days::DayTallies;
use super::water::WaterBoard;
use crate::config::Config;
use crate::store::{Assessment, StoreError, WaterReadings};

#[derive(Debug, Clone)]
pub struct StatsFeed {
    days: DayTallies,
    sources: Option<SourceBoard>,
    /// Something changed since the board was last folded.
    stale: bool,
    /// The local hour the board was folded in (today's chart ends there).
    hour: Option<(chrono::NaiveDate, u32)>,
    /// Each window's outflow sections, as last read.
    sections: Vec<Option<Vec<SectionRow>>>,
    /// The sections are to be read again (with the sources board, at a new day).
    water_due: bool,
}

impl StatsFeed {
    pub fn new(config: &Config) -> Self {
        StatsFeed {
            days: DayTallies::new(config),
            sources: None,
            stale: true,
            hour: None,
            sections: Vec::new(),
            water_due: true,
        }
    }

    /// The per-day tallies as last read.
    pub fn days(&self) -> &DayTallies {
        &self.days
    }

    /// The sources board was read again (patrol completion comes from it).
    pub fn set_sources(&mut self, board: &SourceBoard) {
        self.water_due = true;
        if self.sources.as_ref() != Some(board) {
            self.sources = Some(board.clone());
            self.stale = true;
        }
    }

    /// Read what changed; the board folded again when anything did.
    pub fn refresh<S: Assessment + WaterReadings>(
        &mut self,
        store: &S,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<Option<StatsBoard>, StoreError> {
        self.stale |= self.days.refresh(store, now)?;
        let local = now.with_timezone(&config.settings.timezone);
        let hour = Some((local.date_naive(), local.hour()));
        let today = local.date_naive();
        if self.water_due || self.hour.map(|h| h.0) != Some(today) {
            self.water_due = false;
            // A broken sections.toml costs only the sections (shown as such).
            // One board over the last year: the windows' months and each
            // section's latest month with a reading.
            let year = today
                .checked_sub_days(chrono::Days::new(365))
                .unwrap_or(today);
            let board = WaterBoard::load(store, config, year, today).ok();
            let sections: Vec<Option<Vec<SectionRow>>> = Window::ALL
                .iter()
                .map(|w| {
                    let from = StatsBoard::first_day(*w, today);
                    board
                        .as_ref()
                        .map(|b| SectionRow::from_water(b, from, today))
                })
                .collect();
            if sections != self.sections {
                self.sections = sections;
                self.stale = true;
            }
        }
        if !self.stale && self.hour == hour {
            return Ok(None);
        }
        self.stale = false;
        self.hour = hour;
        Ok(Some(StatsBoard::fold(
            &self.days,
            config,
            self.sources.as_ref(),
            &self.sections,
            now,
        )))
    }
}
