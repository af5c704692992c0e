//! Which depot an equipment movement named without one uses: a dispatch
//! takes a depot that holds enough now (the nearest in the grid tree: the
//! incident's grid, its township's, the city's; then by id); a return goes to the one depot the item is out from.

use super::command::OpError;
use crate::config::Config;
use crate::domain::incident::resources::depot_stock;
use crate::domain::incident::{Depot, IncidentError, Movement};
use crate::store::Incidents;

/// The depot a movement named without one comes from or goes back to.
pub(super) fn default_depot<'c, S: Incidents>(
    store: &S,
    config: &'c Config,
    id: i64,
    item: &str,
    movement: Movement,
    quantity: u32,
) -> Result<Option<&'c Depot>, OpError> {
    let depots = &config.inventory.depots;
    let moves = store.item_moves()?;
    match movement {
        Movement::Requested => Ok(None),
        Movement::Dispatched => {
            let grid = store.incident(id)?.row.grid;
            let stock = depot_stock(depots, &moves);
            let holds = |d: &&Depot| {
                stock
                    .get(&(d.id.clone(), item.to_string()))
                    .is_some_and(|n| *n >= i64::from(quantity))
            };
            let mut able: Vec<&Depot> = depots.values().filter(holds).collect();
            // The nearest in the grid tree: the incident's own grid, then
            // its township's, then the city's; then by id (as the
            // dashboard's depot picker orders them).
            let line = lineage(config, &grid);
            able.sort_by_key(|d| {
                let near = line.iter().position(|g| *g == d.grid).unwrap_or(usize::MAX);
                (near, d.id.clone())
            });
            able.first().copied().map(Some).ok_or_else(|| {
                IncidentError::NoDepotHolds {
                    item: item.to_string(),
                    asked: quantity,
                }
                .into()
            })
        }
        Movement::Returned => {
            let mut out: Vec<(&str, i64)> = Vec::new();
            for m in moves
                .iter()
                .filter(|m| m.incident_id == id && m.item == item)
            {
                let Some(depot) = m.depot.as_deref() else {
                    continue;
                };
                let delta = match m.movement {
                    Movement::Dispatched => i64::from(m.quantity),
                    Movement::Returned => -i64::from(m.quantity),
                    Movement::Requested => 0,
                };
                match out.iter_mut().find(|(d, _)| *d == depot) {
                    Some((_, n)) => *n += delta,
                    None => out.push((depot, delta)),
                }
            }
            let from: Vec<&str> = out
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(d, _)| *d)
                .collect();
            match from.as_slice() {
                [] => Err(IncidentError::NothingOut {
                    id,
                    item: item.to_string(),
                }
                .into()),
                [one] => depots
                    .get(*one)
                    .map(Some)
                    .ok_or_else(|| IncidentError::NoSuchDepot(one.to_string()).into()),
                _ => Err(IncidentError::DepotNeeded {
                    item: item.to_string(),
                }
                .into()),
            }
        }
    }
}

/// `grid` and its ancestors, nearest first.
fn lineage(config: &Config, grid: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = Some(grid.to_string());
    while let Some(g) = at {
        if out.contains(&g) {
            break;
        }
        at = config.grids.get(&g).and_then(|x| x.parent.clone());
        out.push(g);
    }
    out
}
