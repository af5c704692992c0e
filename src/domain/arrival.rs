//! When an officer may be said to have arrived: a field-reported arrival
//! time, checked against when the complaint was received and when the
//! arrival is logged. Backdating beyond [`BACKDATE_WITHOUT_NOTE`] needs a
//! note saying why; an arrival in the future or before the complaint is
//! refused. An error value, never a panic.

use chrono::{DateTime, Duration, Utc};

/// How far an arrival may be backdated before it needs a note.
pub const BACKDATE_WITHOUT_NOTE: Duration = Duration::minutes(5);

/// Why an arrival time was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArrivalTimeError {
    #[error("arrival time {arrived} is before the complaint was received ({received})")]
    BeforeReceived { arrived: String, received: String },
    #[error("arrival time is {0} min in the future")]
    InFuture(i64),
    #[error("arrival backdated by {0} min needs a note saying why")]
    BackdateNeedsNote(i64),
}

/// Check a field-reported arrival time against the complaint and the logging time.
pub fn check_arrival_time(
    received_at: DateTime<Utc>,
    arrived_at: DateTime<Utc>,
    logged_at: DateTime<Utc>,
    note: Option<&str>,
) -> Result<(), ArrivalTimeError> {
    if arrived_at < received_at {
        return Err(ArrivalTimeError::BeforeReceived {
            arrived: arrived_at.to_rfc3339(),
            received: received_at.to_rfc3339(),
        });
    }
    let ahead = arrived_at - logged_at;
    if ahead > Duration::minutes(1) {
        return Err(ArrivalTimeError::InFuture(ahead.num_minutes().max(1)));
    }
    let behind = logged_at - arrived_at;
    let has_note = note.is_some_and(|n| !n.trim().is_empty());
    if behind > BACKDATE_WITHOUT_NOTE && !has_note {
        return Err(ArrivalTimeError::BackdateNeedsNote(behind.num_minutes()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backdating_needs_a_note_beyond_five_minutes() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let recv = t("2026-11-30T09:00:00+08:00");
        let logged = t("2026-11-30T09:30:00+08:00");
        assert!(check_arrival_time(recv, t("2026-11-30T09:26:00+08:00"), logged, None).is_ok());
        assert_eq!(
            check_arrival_time(recv, t("2026-11-30T09:20:00+08:00"), logged, None),
            Err(ArrivalTimeError::BackdateNeedsNote(10))
        );
        assert!(
            check_arrival_time(recv, t("2026-11-30T09:20:00+08:00"), logged, Some("radio")).is_ok()
        );
        assert!(
            check_arrival_time(recv, t("2026-11-30T08:59:00+08:00"), logged, Some("x")).is_err()
        );
        assert!(check_arrival_time(recv, t("2026-11-30T09:40:00+08:00"), logged, None).is_err());
    }
}
