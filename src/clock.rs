//! Where "now" comes from. Real time in production; a fixed instant for
//! `--now` one-shot commands and tests; an accelerated drill clock for `demo`.
//! Everything outside `domain` takes a `Clock`; `domain` takes `now` itself.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};

/// How the current time is being decided: recorded in the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMode {
    Real,
    Fixed,
    Drill,
}

impl ClockMode {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockMode::Real => "real",
            ClockMode::Fixed => "fixed",
            ClockMode::Drill => "drill",
        }
    }
}

pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
    fn mode(&self) -> ClockMode;
    /// Seconds of this clock per real second (a drill runs faster).
    fn speed(&self) -> f64 {
        1.0
    }
}

pub type SharedClock = Arc<dyn Clock>;

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn mode(&self) -> ClockMode {
        ClockMode::Real
    }
}

/// Always the same instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
    fn mode(&self) -> ClockMode {
        ClockMode::Fixed
    }
}

/// A drill: starts at `start` and runs `speed` times faster than real time.
#[derive(Debug, Clone)]
pub struct DrillClock {
    start: DateTime<Utc>,
    speed: f64,
    origin: Instant,
}

impl DrillClock {
    pub fn new(start: DateTime<Utc>, speed: f64) -> Self {
        DrillClock {
            start,
            speed: speed.max(0.0),
            origin: Instant::now(),
        }
    }
}

impl Clock for DrillClock {
    fn now(&self) -> DateTime<Utc> {
        let elapsed = self.origin.elapsed().as_secs_f64() * self.speed;
        self.start + chrono::Duration::milliseconds((elapsed * 1000.0) as i64)
    }
    fn mode(&self) -> ClockMode {
        ClockMode::Drill
    }
    fn speed(&self) -> f64 {
        self.speed
    }
}

/// Time that follows tokio's clock from a starting instant: with
/// `tokio::time::pause()` tests move it by `advance`, without sleeping.
#[derive(Debug, Clone)]
pub struct TokioClock {
    start: DateTime<Utc>,
    origin: tokio::time::Instant,
}

impl TokioClock {
    /// Must be created inside a tokio runtime.
    pub fn new(start: DateTime<Utc>) -> Self {
        TokioClock {
            start,
            origin: tokio::time::Instant::now(),
        }
    }
}

impl Clock for TokioClock {
    fn now(&self) -> DateTime<Utc> {
        let d = tokio::time::Instant::now() - self.origin;
        self.start + chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::zero())
    }
    fn mode(&self) -> ClockMode {
        ClockMode::Fixed
    }
}
