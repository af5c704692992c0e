//! Who is on duty at this console and the state of the handover overlay
//! (#11), as values the console's `State` holds; what the keys do with
//! them is in `handover`.

use chrono::{DateTime, Utc};

/// Who is on duty at this console, and how it was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duty {
    /// This console's name for handovers (`GRIDWATCH_CONSOLE`, else the host).
    pub station: String,
    /// When the console started (handovers recorded since then count first).
    pub started_at: DateTime<Utc>,
    /// The incoming officer of the last handover confirmed at this console.
    pub handed_over_here: Option<String>,
}

impl Duty {
    pub fn new(started_at: DateTime<Utc>) -> Self {
        Duty {
            station: "console".into(),
            started_at,
            handed_over_here: None,
        }
    }
}

/// Which part of the overlay keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Incoming,
    Outgoing,
    Note,
}

/// The handover overlay's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverOverlay {
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: String,
    pub focus: Focus,
    /// The sheet scrolled this many lines.
    pub top: u16,
    /// Why the last confirmation was refused.
    pub error: Option<String>,
    /// What was typed in the officer picker focused: its id or part of a
    /// name (cleared when the focus moves or ←→ picks).
    pub typed: String,
}
