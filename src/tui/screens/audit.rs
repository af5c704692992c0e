//! The Audit screen: the entries of the audit log this console holds (the
//! newest 200), scrolled with a cursor on one entry.
//!
//! It lists no complaints and selects none; the complaint selected on the
//! other screens stays selected while it is shown.

use super::ComplaintList;

/// How many entries `PgUp`/`PgDn` move the cursor.
pub const PAGE: usize = 10;

/// The Audit screen's state: no complaint list (an empty one, so that
/// moving the selection there does nothing), and the entry the cursor is on
/// (0 the newest); the drawing scrolls so that it is shown.
#[derive(Debug, Clone, Default)]
pub struct Audit {
    pub list: ComplaintList,
    pub at: usize,
}

impl Audit {
    /// Move the cursor `delta` entries (older when positive), within `len`.
    pub fn move_by(&mut self, delta: i64, len: usize) {
        let last = len.saturating_sub(1);
        let step = usize::try_from(delta.unsigned_abs()).unwrap_or(usize::MAX);
        self.at = if delta < 0 {
            self.at.min(last).saturating_sub(step)
        } else {
            self.at.saturating_add(step).min(last)
        };
    }

    /// The entry the cursor is on, kept within `len` entries (the log read
    /// again may hold fewer).
    pub fn at(&self, len: usize) -> usize {
        self.at.min(len.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_within_the_entries() {
        let mut a = Audit::default();
        a.move_by(-1, 5);
        assert_eq!(a.at, 0);
        a.move_by(PAGE as i64, 5);
        assert_eq!(a.at, 4);
        a.move_by(i64::MAX, 5);
        assert_eq!(a.at, 4);
        a.move_by(-2, 3);
        assert_eq!(a.at, 0, "from the last of 3 entries");
        a.move_by(i64::MIN, 5);
        assert_eq!(a.at, 0);
    }
}
