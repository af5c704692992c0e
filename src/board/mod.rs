//! Read models of the grid at work (#11): what the command line prints and
//! the screens show about on-call, grids, pollution sources and handovers,
//! read from the configuration in force and the store at an instant.
//!
//! Each board is loaded in one go (`load(store, config, now)`), then handed
//! as a value to whoever shows it: the CLI prints it (text or JSON), the
//! console's store thread sends it to the UI, which draws it as a pure
//! function of state. Nothing here writes, prints or draws.
//!
//! - `oncall`: who is on call in every grid now and next (roster.toml merged
//!   with the swaps recorded in the database), with names and phones; gaps.
//! - `grids`: the grid tree, responsible people, staffing against the
//!   plan's minimums, and per grid the open complaints, breaches this
//!   month, overdue patrols and active incidents.
//! - `sources`: the pollution-source register with each source's patrol
//!   interval, last inspection and due date; leaders' duties.
//! - `handover`: what the shift handover sheet needs that a console does
//!   not hold (latest handover per console, incidents' next steps, alerts
//!   nobody acknowledged); `pending` the one definition of those alerts.
//! - `stats` (#12): the Statistics screen's three windows, folded from the
//!   per-day tallies `stats_days` keeps incrementally (`stats_feed` is the
//!   store thread's side: what to read again and when to send).
//! - `water` (#12): the outflow sections' water quality per month against
//!   their targets, and each section's and township's verdict over a period.

pub mod grids;
pub mod handover;
pub mod oncall;
pub mod pending;
pub mod report;
mod source_row;
pub mod sources;
pub mod sources_duties;
#[cfg(test)]
mod sources_tests;
pub mod stats;
pub mod stats_days;
pub mod stats_feed;
pub mod stats_sections;
pub mod water;
#[cfg(test)]
mod water_tests;

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::store::{SqliteStore, StoreError};

/// Every board, as one console shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Boards {
    pub oncall: oncall::OnCallBoard,
    pub grids: grids::GridBoard,
    pub sources: sources::SourceBoard,
    pub handover: handover::HandoverBoard,
}

impl Boards {
    /// Read every board at `now`.
    pub fn load(
        store: &SqliteStore,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<Self, StoreError> {
        // The grids board counts each grid's overdue sources from this one.
        let sources = sources::SourceBoard::load(store, config, now)?;
        Ok(Boards {
            oncall: oncall::OnCallBoard::load(store, config, now)?,
            grids: grids::GridBoard::with_sources(store, config, now, &sources)?,
            sources,
            handover: handover::HandoverBoard::load(store, config, now)?,
        })
    }
}
