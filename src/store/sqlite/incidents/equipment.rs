//! Equipment and materials as recorded: every movement, and an incident's
//! items per (item, depot) against its frozen needs.

use rusqlite::Connection;

use super::decode::bad;
use crate::domain::incident::{ItemMove, ItemNeed, ItemRow, Movement};
use crate::store::Result;
use crate::store::sqlite::from_ms;

fn movement(s: &str) -> rusqlite::Result<Movement> {
    match s {
        "requested" => Ok(Movement::Requested),
        "dispatched" => Ok(Movement::Dispatched),
        "returned" => Ok(Movement::Returned),
        other => Err(bad(format!("movement '{other}'"))),
    }
}

pub(super) fn item_move(r: &rusqlite::Row<'_>) -> rusqlite::Result<ItemMove> {
    Ok(ItemMove {
        incident_id: r.get("incident_id")?,
        item: r.get("item")?,
        depot: r.get("depot")?,
        movement: movement(&r.get::<_, String>("movement")?)?,
        quantity: r.get("quantity")?,
        at: from_ms(r.get("at")?),
        drill: r.get("drill")?,
    })
}

/// Every movement of equipment and materials, oldest first.
pub(crate) fn moves(conn: &Connection) -> Result<Vec<ItemMove>> {
    let mut st = conn.prepare_cached(
        "SELECT m.*, i.drill FROM incident_item_move m JOIN incident i ON i.id = m.incident_id
         ORDER BY m.id",
    )?;
    let rows = st.query_map([], item_move)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The incident's items per (item, depot): each needed item first (a row
/// without a depot until something moves), then the others moved for it.
pub(super) fn equipment(needs: &[ItemNeed], mine: &[ItemMove]) -> Vec<ItemRow> {
    let mut out: Vec<ItemRow> = Vec::new();
    let required = |item: &str| {
        needs
            .iter()
            .filter(|n| n.item == item)
            .map(|n| n.quantity)
            .sum::<u32>()
    };
    for m in mine {
        let at = match out
            .iter()
            .position(|r| r.item == m.item && r.depot == m.depot)
        {
            Some(i) => i,
            None => {
                out.push(ItemRow {
                    item: m.item.clone(),
                    depot: m.depot.clone(),
                    required: required(&m.item),
                    requested: 0,
                    dispatched: 0,
                    returned: 0,
                });
                out.len() - 1
            }
        };
        let r = &mut out[at];
        match m.movement {
            Movement::Requested => r.requested = r.requested.saturating_add(m.quantity),
            Movement::Dispatched => r.dispatched = r.dispatched.saturating_add(m.quantity),
            Movement::Returned => r.returned = r.returned.saturating_add(m.quantity),
        }
    }
    for n in needs {
        if !out.iter().any(|r| r.item == n.item) {
            out.push(ItemRow {
                item: n.item.clone(),
                depot: None,
                required: required(&n.item),
                requested: 0,
                dispatched: 0,
                returned: 0,
            });
        }
    }
    let order = |item: &str| {
        needs
            .iter()
            .position(|n| n.item == item)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|a, b| {
        (order(&a.item), &a.item, &a.depot).cmp(&(order(&b.item), &b.item, &b.depot))
    });
    out
}
