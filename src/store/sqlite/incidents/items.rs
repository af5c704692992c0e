//! Equipment and materials of an incident: requested, dispatched from a
//! depot (no more than it holds now), returned to it (no more than is out
//! from it for this incident). What a depot holds is computed from its
//! counted stock and every movement, inside the transaction that moves.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, named_params};

use super::{head, log, moves};
use crate::domain::Actor;
use crate::domain::incident::resources::depot_stock;
use crate::domain::incident::{IncidentError, ItemMoveRequest, Movement};
use crate::store::Result;
use crate::store::sqlite::ms;

pub(super) fn record(
    tx: &Transaction<'_>,
    actor: &Actor,
    now: DateTime<Utc>,
    id: i64,
    r: ItemMoveRequest<'_>,
) -> Result<()> {
    if r.quantity == 0 {
        return Err(IncidentError::ZeroQuantity.into());
    }
    let h = head(tx, id)?;
    // Things come back after an incident closed; nothing else moves for it then.
    if !h.status.is_open() && r.movement != Movement::Returned {
        return Err(IncidentError::Closed(id).into());
    }
    let item = r.item.to_string();
    match (r.movement, r.depot) {
        (Movement::Requested, _) => {}
        (_, None) => return Err(IncidentError::DepotNeeded { item }.into()),
        (Movement::Dispatched, Some(depot)) => {
            let depots = BTreeMap::from([(depot.id.clone(), depot.clone())]);
            let held = depot_stock(&depots, &moves(tx)?)
                .get(&(depot.id.clone(), item.clone()))
                .copied()
                .unwrap_or(0);
            if i64::from(r.quantity) > held {
                return Err(IncidentError::OverStock {
                    item,
                    depot: depot.id.clone(),
                    asked: r.quantity,
                    held: held.max(0),
                }
                .into());
            }
        }
        (Movement::Returned, Some(depot)) => {
            let out: i64 = tx
                .prepare_cached(
                    "SELECT COALESCE(SUM(CASE movement WHEN 'dispatched' THEN quantity
                                                       WHEN 'returned' THEN -quantity ELSE 0 END), 0)
                     FROM incident_item_move WHERE incident_id = :id AND item = :item AND depot = :depot",
                )?
                .query_row(
                    named_params! {":id": id, ":item": r.item, ":depot": depot.id},
                    |row| row.get(0),
                )?;
            if i64::from(r.quantity) > out {
                return Err(IncidentError::OverReturn {
                    id,
                    item,
                    depot: depot.id.clone(),
                    asked: r.quantity,
                    out: out.max(0),
                }
                .into());
            }
        }
    }
    let depot = r.depot.map(|d| d.id.as_str());
    tx.prepare_cached(
        "INSERT INTO incident_item_move (incident_id, item, depot, movement, quantity, at, by_actor)
         VALUES (:id, :item, :depot, :movement, :q, :now, :by)",
    )?
    .execute(named_params! {
        ":id": id, ":item": r.item, ":depot": depot, ":movement": r.movement.id(),
        ":q": r.quantity, ":now": ms(now), ":by": actor.name,
    })?;
    log(
        tx,
        actor,
        now,
        "incident.equip",
        id,
        serde_json::json!({
            "item": r.item, "depot": depot, "movement": r.movement.id(), "quantity": r.quantity,
        }),
    )
}
