//! The rows of the report: every grid at the chosen level with the
//! figures of its whole subtree (a complaint on the grid itself or on any
//! grid below it), complaints with no grid apart, those above the level (or
//! on a grid no longer configured) apart, and the totals of everything.
//! A subtree's figures are the union of its grids' (`absorb`), so its
//! percentiles are of all its arrivals, never averages of its children's.

use std::collections::BTreeMap;

use super::{Figures, Row, RowKind};
use crate::domain::grid::GridTree;

/// Figures per grid id as gathered (`None`: no grid), into rows at `level`.
pub fn rollup(
    tree: &GridTree,
    level: u8,
    per_grid: &BTreeMap<Option<String>, Figures>,
) -> (Vec<Row>, Row) {
    let mut rows: Vec<Row> = tree
        .iter()
        .filter(|g| g.level == level)
        .map(|g| Row {
            kind: RowKind::Grid {
                id: g.id.clone(),
                level: g.level,
                parent: g.parent.clone(),
            },
            name: g.name.clone(),
            figures: Figures::default(),
        })
        .collect();
    let index: BTreeMap<String, usize> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match &r.kind {
            RowKind::Grid { id, .. } => Some((id.clone(), i)),
            _ => None,
        })
        .collect();
    let mut unassigned: Option<Figures> = None;
    let mut elsewhere: Option<Figures> = None;
    let mut totals = Figures::default();
    for (grid, figures) in per_grid {
        totals.absorb(figures);
        let target = match grid {
            None => &mut unassigned,
            Some(id) => {
                let row = tree
                    .lineage(id)
                    .into_iter()
                    .find(|g| g.level == level)
                    .and_then(|g| index.get(g.id.as_str()));
                match row {
                    Some(&i) => {
                        rows[i].figures.absorb(figures);
                        continue;
                    }
                    None => &mut elsewhere,
                }
            }
        };
        target.get_or_insert_with(Figures::default).absorb(figures);
    }
    for (kind, figures) in [
        (RowKind::Unassigned, unassigned),
        (RowKind::Elsewhere, elsewhere),
    ] {
        if let Some(figures) = figures {
            rows.push(Row {
                kind,
                name: String::new(),
                figures,
            });
        }
    }
    let totals = Row {
        kind: RowKind::Totals,
        name: String::new(),
        figures: totals,
    };
    (rows, totals)
}
