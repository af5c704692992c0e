//! The Dashboard screen: every open complaint, the most urgent first, beside
//! who is on call, above the escalation ticker and the arrivals sparkline.
//!
//! Owns its row order and selection over `Snapshot::open`. The order puts
//! unassigned complaints on top, then those still waiting for an arrival by
//! deadline, then those reached. Its layout is drawn in `view::screens`.

use super::{ComplaintList, FilterContext, filtered};
use crate::domain::ComplaintRow;

#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    pub list: ComplaintList,
}

impl Dashboard {
    /// Re-list `open` after the data, the filter or the screen changed.
    pub fn derive(&mut self, open: &[ComplaintRow], filter: &str, ctx: &FilterContext<'_>) {
        let mut order = filtered(open, filter, ctx);
        // Unassigned on top, then waiting complaints by deadline, then those reached.
        order.sort_by_key(|&i| {
            let c = &open[i];
            (
                c.grid.is_some(),
                c.arrived_at.is_some(),
                c.deadline_at,
                c.id,
            )
        });
        self.list.reorder(order, open);
    }
}
