//! The status sets of the domain as SQL: `IN (...)` lists derived from
//! [`Status::OPEN`] and [`Status::AWAITING_ARRIVAL`], so a query can never
//! disagree with `Status::is_open` (tested against a real database).

use std::sync::LazyLock;

use crate::domain::complaint::Status;

/// `('received', 'dispatched', …)` for a set of statuses.
pub(super) fn in_list(set: &[Status]) -> String {
    let items: Vec<String> = set.iter().map(|s| format!("'{}'", s.as_str())).collect();
    format!("({})", items.join(", "))
}

/// Open: the complaint still needs someone.
pub(super) static OPEN: LazyLock<String> = LazyLock::new(|| in_list(&Status::OPEN));

/// Open and nobody on site yet: the countdown runs.
pub(super) static AWAITING: LazyLock<String> = LazyLock::new(|| in_list(&Status::AWAITING_ARRIVAL));
