//! How the parts of a long-running process are doing, for `/health` and for
//! logs that say each change once instead of every failed try.
//!
//! Owns: one map from part (`writer`, `heartbeat`, …) to its failure, if any.
//! A part reports after every attempt; [`Health::report`] answers whether the
//! state changed, so the caller logs one line per change (and its back-off
//! logs one per retry step), never one per loop.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Debug, Default)]
pub struct Health {
    failing: Mutex<BTreeMap<&'static str, String>>,
}

/// What a report changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    None,
    /// It was failing and is well again.
    Recovered,
    /// It fails now, or fails for another reason than before.
    Failing,
}

impl Health {
    pub fn report(&self, part: &'static str, result: Result<(), String>) -> Change {
        let Ok(mut map) = self.failing.lock() else {
            return Change::None;
        };
        match result {
            Ok(()) => match map.remove(part) {
                Some(_) => Change::Recovered,
                None => Change::None,
            },
            Err(reason) => match map.insert(part, reason.clone()) {
                Some(old) if old == reason => Change::None,
                _ => Change::Failing,
            },
        }
    }

    pub fn is_failing(&self, part: &str) -> bool {
        self.failing.lock().is_ok_and(|m| m.contains_key(part))
    }

    /// `(part, reason)` of every failing part.
    pub fn problems(&self) -> Vec<(String, String)> {
        self.failing
            .lock()
            .map(|m| m.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
            .unwrap_or_default()
    }
}

/// Retry delays that double from `first` up to `max`, and start over on success.
#[derive(Debug, Clone)]
pub struct Backoff {
    first: Duration,
    max: Duration,
    next: Option<Duration>,
}

impl Backoff {
    pub fn new(first: Duration, max: Duration) -> Self {
        Backoff {
            first,
            max,
            next: None,
        }
    }

    /// A try failed: how long to wait before the next.
    pub fn failed(&mut self) -> Duration {
        let d = self.next.unwrap_or(self.first);
        self.next = Some((d * 2).min(self.max));
        d
    }

    pub fn succeeded(&mut self) {
        self.next = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_reported_once() {
        let h = Health::default();
        assert_eq!(h.report("writer", Ok(())), Change::None);
        assert_eq!(h.report("writer", Err("disk full".into())), Change::Failing);
        assert_eq!(h.report("writer", Err("disk full".into())), Change::None);
        assert_eq!(h.report("writer", Err("read-only".into())), Change::Failing);
        assert_eq!(h.problems(), [("writer".into(), "read-only".into())]);
        assert_eq!(h.report("writer", Ok(())), Change::Recovered);
        assert!(h.problems().is_empty());
    }

    #[test]
    fn backoff_doubles_to_its_cap_and_resets() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(5));
        let steps: Vec<u64> = (0..5).map(|_| b.failed().as_secs()).collect();
        assert_eq!(steps, [1, 2, 4, 5, 5]);
        b.succeeded();
        assert_eq!(b.failed().as_secs(), 1);
    }
}
