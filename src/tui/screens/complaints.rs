//! The Complaints screen: the newest complaints of any status, in the order
//! the duty officer picks with `s`.
//!
//! Owns its row order and selection over `Snapshot::recent`, and the sort.

use super::{ComplaintList, FilterContext, filtered};
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

    /// The order's name, in words.
    pub fn title(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            Sort::Newest => T::SortNewest,
            Sort::Deadline => T::SortDeadline,
            Sort::Grid => T::SortGrid,
            Sort::Status => T::SortStatus,
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
    pub fn derive(&mut self, recent: &[ComplaintRow], filter: &str, ctx: &FilterContext<'_>) {
        self.list
            .reorder(order(recent, filter, self.sort, ctx), recent);
    }
}

/// The complaints of `recent` that match `filter`, in `sort` order.
pub(super) fn order(
    recent: &[ComplaintRow],
    filter: &str,
    sort: Sort,
    ctx: &FilterContext<'_>,
) -> Vec<usize> {
    let mut idx = filtered(recent, filter, ctx);
    // Stable sorts: ties keep the newest first.
    match sort {
        Sort::Newest => {
            idx.sort_by_key(|&i| std::cmp::Reverse((recent[i].received_at, recent[i].id)))
        }
        Sort::Deadline => idx.sort_by_key(|&i| recent[i].deadline_at),
        Sort::Grid => idx.sort_by(|&a, &b| recent[a].grid.cmp(&recent[b].grid)),
        // In the order of the work: received first, closed last.
        Sort::Status => idx.sort_by_key(|&i| {
            crate::domain::complaint::Status::ALL
                .iter()
                .position(|s| *s == recent[i].status)
        }),
    }
    idx
}
