//! The Audit screen: the newest entries of the audit log, as many as fit.
//!
//! It lists no complaints and selects none; the complaint selected on the
//! other screens stays selected while it is shown.

use super::ComplaintList;

/// The Audit screen's state: no complaint list (an empty one, so that
/// moving the selection there does nothing).
#[derive(Debug, Clone, Default)]
pub struct Audit {
    pub list: ComplaintList,
}
