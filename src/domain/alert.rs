//! Alerts as the consoles show them and acknowledge them: an escalation, or
//! a complaint just received. Acknowledging is shared: one record per alert
//! (who, where, when) and every console drops that alert's banner. What
//! became of an escalation's delivery outside the consoles ([`Delivery`]) is
//! summed up here from its outbox rows, for `show`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::OutboxState;

/// Which alert a banner shows: the key it is acknowledged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum AlertRef {
    /// An escalation (automatic stage or manual), by escalation id.
    Escalation(i64),
    /// A complaint that has just arrived, by complaint id.
    NewComplaint(i64),
}

impl AlertRef {
    /// The kind as the store writes it.
    pub fn kind(self) -> &'static str {
        match self {
            AlertRef::Escalation(_) => "escalation",
            AlertRef::NewComplaint(_) => "new_complaint",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            AlertRef::Escalation(id) | AlertRef::NewComplaint(id) => id,
        }
    }

    pub fn parse(kind: &str, id: i64) -> Option<AlertRef> {
        match kind {
            "escalation" => Some(AlertRef::Escalation(id)),
            "new_complaint" => Some(AlertRef::NewComplaint(id)),
            _ => None,
        }
    }
}

/// One acknowledgement: who acknowledged which alert, from where, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AckRow {
    /// Increasing: consoles follow acknowledgements by this id.
    pub seq: i64,
    pub alert: AlertRef,
    pub complaint_id: i64,
    pub at: DateTime<Utc>,
    pub by: String,
    pub console: String,
}

/// What became of an escalation outside the consoles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Delivery {
    /// A stage recorded as skipped: a later one was already due; nobody was alerted by it.
    Skipped,
    /// No sink outside the consoles is configured (no alert command).
    ConsolesOnly,
    /// Every sink delivered it; `at` is the last delivery.
    Delivered { at: DateTime<Utc>, attempts: i64 },
    /// Waiting for its next attempt (the first, or a retry after `error`).
    Pending {
        attempts: i64,
        next_at: DateTime<Utc>,
        error: Option<String>,
    },
    /// The alert command runs now (attempt `attempts`).
    Sending { attempts: i64 },
    /// Given up after its last attempt.
    Failed {
        at: DateTime<Utc>,
        attempts: i64,
        error: Option<String>,
    },
}

impl Delivery {
    /// The summary of an escalation's outbox rows: failed over pending over delivered.
    pub fn of(skipped: bool, rows: &[&OutboxState]) -> Delivery {
        if skipped {
            return Delivery::Skipped;
        }
        let attempts = rows.iter().map(|r| r.attempts).sum();
        if let Some(f) = rows.iter().find(|r| r.failed_at.is_some()) {
            return Delivery::Failed {
                at: f.failed_at.unwrap_or(f.next_attempt_at),
                attempts,
                error: f.last_error.clone(),
            };
        }
        if rows.iter().any(|r| r.sending) {
            return Delivery::Sending { attempts };
        }
        if let Some(p) = rows.iter().find(|r| r.delivered_at.is_none()) {
            return Delivery::Pending {
                attempts,
                next_at: p.next_attempt_at,
                error: p.last_error.clone(),
            };
        }
        match rows.iter().filter_map(|r| r.delivered_at).max() {
            Some(at) => Delivery::Delivered { at, attempts },
            None => Delivery::ConsolesOnly,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(delivered: Option<i64>, failed: Option<i64>, attempts: i64) -> OutboxState {
        let t = |m: i64| DateTime::<Utc>::from_timestamp(m * 60, 0).unwrap();
        OutboxState {
            id: 1,
            escalation_id: 1,
            sink: "command".into(),
            attempts,
            next_attempt_at: t(100),
            delivered_at: delivered.map(t),
            failed_at: failed.map(t),
            last_error: failed.map(|_| "down".into()),
            sending: false,
        }
    }

    #[test]
    fn a_delivery_is_summed_up_from_its_rows() {
        let t = |m: i64| DateTime::<Utc>::from_timestamp(m * 60, 0).unwrap();
        assert_eq!(Delivery::of(true, &[]), Delivery::Skipped);
        assert_eq!(Delivery::of(false, &[]), Delivery::ConsolesOnly);
        let done = row(Some(5), None, 1);
        assert_eq!(
            Delivery::of(false, &[&done]),
            Delivery::Delivered {
                at: t(5),
                attempts: 1
            }
        );
        let waiting = row(None, None, 2);
        assert!(matches!(
            Delivery::of(false, &[&done, &waiting]),
            Delivery::Pending { attempts: 3, .. }
        ));
        let failed = row(None, Some(9), 5);
        assert!(matches!(
            Delivery::of(false, &[&waiting, &failed]),
            Delivery::Failed { attempts: 7, .. }
        ));
    }

    #[test]
    fn alert_keys_read_back_as_written() {
        for a in [AlertRef::Escalation(3), AlertRef::NewComplaint(4)] {
            assert_eq!(AlertRef::parse(a.kind(), a.id()), Some(a));
        }
        assert_eq!(AlertRef::parse("other", 1), None);
    }
}
