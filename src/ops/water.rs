//! Water-quality operations (#12): a reading of an outflow section, typed
//! (`gridwatch water add`) or imported from CSV (`water_csv`), checked
//! against the sections in force and the clock, classed by the rules of
//! `domain::water`, and recorded — a whole file in one transaction, each
//! reading with its audit record (`water_reading:N`). A batch is recorded
//! whole or not at all; the same reading again records nothing twice.
//!
//! Not a [`super::Command`]: an import is many readings in one transaction
//! with one outcome per line, which the one-action path does not carry;
//! no console key writes a reading.

use chrono::{DateTime, Duration, Utc};

use crate::config::Config;
use crate::domain::Actor;
use crate::domain::water::{self, Class, NewReading, Recorded};
use crate::store::{StoreError, WaterReadings};

/// How far in the future a sampling time may be (clock skew).
pub const FUTURE_SLACK_MINUTES: i64 = 5;

/// The first instant a reading may be sampled at (as the spool refuses a
/// complaint received before 2000): older is a typo.
pub fn earliest() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(946_684_800, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// One reading as entered: a class, or parameters (code, value).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub section: String,
    pub sampled_at: DateTime<Utc>,
    pub class: Option<Class>,
    pub params: Vec<(String, f64)>,
    /// `entry`, `import:FILE:LINE`, `demo`.
    pub origin: String,
}

/// Why a reading was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WaterOpError {
    #[error("no section '{id}' in sections.toml (the sections are {known})")]
    UnknownSection { id: String, known: String },
    #[error("the sampling time is {minutes} minutes in the future")]
    InFuture { minutes: i64 },
    #[error("the sampling time {at} is before 2000: readings from 2000 on are taken")]
    TooEarly { at: String },
    #[error("a reading needs a class or parameter values")]
    Empty,
    #[error("a reading is a class or parameter values, not both")]
    Both,
    #[error("{0}")]
    Param(#[from] water::WaterError),
}

/// Which of an entry's parts a refusal is about (for the CSV's column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Section,
    Time,
    Class,
    Param(String),
    Row,
}

impl WaterOpError {
    pub fn part(&self) -> Part {
        match self {
            WaterOpError::UnknownSection { .. } => Part::Section,
            WaterOpError::InFuture { .. } | WaterOpError::TooEarly { .. } => Part::Time,
            WaterOpError::Empty | WaterOpError::Both => Part::Row,
            WaterOpError::Param(
                water::WaterError::UnknownParam { code, .. }
                | water::WaterError::BadValue { code, .. }
                | water::WaterError::Twice { code }
                | water::WaterError::TooHigh { code, .. },
            ) => Part::Param(code.clone()),
            WaterOpError::Param(water::WaterError::BadPh { .. }) => Part::Param("pH".into()),
        }
    }
}

/// The section ids of `config`, for messages.
pub fn section_ids(config: &Config) -> String {
    if config.sections.is_empty() {
        return "none: add config/sections.toml".into();
    }
    config
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Check `e` and decide its class.
pub fn check(config: &Config, now: DateTime<Utc>, e: &Entry) -> Result<NewReading, WaterOpError> {
    if !config.sections.iter().any(|s| s.id == e.section) {
        return Err(WaterOpError::UnknownSection {
            id: crate::text::sanitize(&e.section),
            known: section_ids(config),
        });
    }
    if e.sampled_at - now > Duration::minutes(FUTURE_SLACK_MINUTES) {
        return Err(WaterOpError::InFuture {
            minutes: (e.sampled_at - now).num_minutes(),
        });
    }
    if e.sampled_at < earliest() {
        return Err(WaterOpError::TooEarly {
            at: e.sampled_at.format("%Y-%m-%d").to_string(),
        });
    }
    let params = water::parameters(&e.params)?;
    match (e.class, params.is_empty()) {
        (Some(_), false) => Err(WaterOpError::Both),
        (None, true) => Err(WaterOpError::Empty),
        (class, _) => NewReading::new(&e.section, e.sampled_at, class, &params, &e.origin)
            .ok_or(WaterOpError::Empty),
    }
}

/// Record checked readings (one transaction).
pub fn record<S: WaterReadings + ?Sized>(
    store: &mut S,
    actor: &Actor,
    now: DateTime<Utc>,
    readings: &[NewReading],
) -> Result<Recorded, StoreError> {
    store.record_readings(actor, now, readings)
}
