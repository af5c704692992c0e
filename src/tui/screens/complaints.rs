//! The Complaints screen: the newest complaints of any status, in the order
//! the duty officer picks with `s`.
//!
//! Owns its row order and selection over `Snapshot::recent`, and the sort.

use super::{ComplaintList, filtered};
use crate::domain::ComplaintRow;

/// The order of the Complaints screen (`s` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Deadline,
    Grid,
    Status,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Newest => Sort::Deadline,
            Sort::Deadline => Sort::Grid,
            Sort::Grid => Sort::Status,
            Sort::Status => Sort::Newest,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Deadline => "deadline",
            Sort::Grid => "grid",
            Sort::Status => "status",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Complaints {
    pub list: ComplaintList,
    pub sort: Sort,
}

impl Complaints {
    /// Re-list `recent` after the data, the filter, the sort or the screen changed.
    pub fn derive(&mut self, recent: &[ComplaintRow], filter: &str) {
        self.list.reorder(order(recent, filter, self.sort));
    }
}

/// The complaints of `recent` that match `filter`, in `sort` order.
pub(super) fn order(recent: &[ComplaintRow], filter: &str, sort: Sort) -> Vec<usize> {
    let mut idx = filtered(recent, filter);
    // `recent` comes newest first; the other orders are stable on it.
    match sort {
        Sort::Newest => {}
        Sort::Deadline => idx.sort_by_key(|&i| recent[i].deadline_at),
        Sort::Grid => idx.sort_by(|&a, &b| recent[a].grid.cmp(&recent[b].grid)),
        Sort::Status => idx.sort_by_key(|&i| recent[i].status.as_str()),
    }
    idx
}
