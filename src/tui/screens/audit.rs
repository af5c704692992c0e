//! The Audit screen: the newest entries of the audit log, as many as fit.
//!
//! It lists no complaints and selects none. It still keeps a complaint list,
//! because screens used to share one and switching screens carries it over
//! (see `State::go_to`): the recent complaints, filtered, in the Complaints
//! sort. It is never drawn; `↑`/`↓` move in it unseen. Drop it when the
//! selection on a screen switch is reworked.

use super::ComplaintList;
use super::complaints::{Sort, order};
use crate::domain::ComplaintRow;

#[derive(Debug, Clone, Default)]
pub struct Audit {
    pub list: ComplaintList,
}

impl Audit {
    /// Re-list `recent` after the data, the filter, the sort or the screen
    /// changed, keeping the position (nothing is selected here).
    pub fn derive(&mut self, recent: &[ComplaintRow], filter: &str, sort: Sort) {
        self.list.reorder(order(recent, filter, sort));
    }
}
