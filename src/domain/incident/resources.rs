//! Shortfalls: people against the plan's roles, equipment and materials
//! against the plan's quantities and what the depots still hold. Computed
//! from what is recorded, never assumed.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan::{Depot, ItemNeed, RoleNeed};
use super::records::{ItemMove, ItemRow, PersonRow};
use super::state::{Movement, PersonStatus};

/// One role of an incident: needed, engaged (assigned, not released), on scene.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleStaffing {
    pub role: String,
    pub needed: u32,
    pub engaged: u32,
    pub on_scene: u32,
    /// Needed minus engaged, when positive.
    pub short: u32,
}

/// Staffing per role of the plan, then any role people were assigned to
/// that the plan does not name (needed 0).
pub fn staffing(roles: &[RoleNeed], people: &[PersonRow]) -> Vec<RoleStaffing> {
    let count = |role: &str, f: &dyn Fn(PersonStatus) -> bool| {
        people
            .iter()
            .filter(|p| p.role == role && f(p.status))
            .count() as u32
    };
    let mut out: Vec<RoleStaffing> = roles
        .iter()
        .map(|r| {
            let engaged = count(&r.role, &|s| s.is_engaged());
            RoleStaffing {
                role: r.role.clone(),
                needed: r.count,
                engaged,
                on_scene: count(&r.role, &|s| s == PersonStatus::OnScene),
                short: r.count.saturating_sub(engaged),
            }
        })
        .collect();
    for p in people {
        if !out.iter().any(|r| r.role == p.role) {
            out.push(RoleStaffing {
                role: p.role.clone(),
                needed: 0,
                engaged: count(&p.role, &|s| s.is_engaged()),
                on_scene: count(&p.role, &|s| s == PersonStatus::OnScene),
                short: 0,
            });
        }
    }
    out
}

/// What each depot holds now, per (depot, item): its counted stock minus
/// what left it since the count (dispatched minus returned, over every real
/// incident). A drill's movements are recorded but not counted: what the
/// depots show is what a real incident can have, and a drill interrupted by
/// a real incident gives way to it.
pub fn depot_stock(
    depots: &BTreeMap<String, Depot>,
    moves: &[ItemMove],
) -> BTreeMap<(String, String), i64> {
    let mut out: BTreeMap<(String, String), i64> = BTreeMap::new();
    for d in depots.values() {
        for (item, n) in &d.stock {
            out.insert((d.id.clone(), item.clone()), i64::from(*n));
        }
    }
    for m in moves {
        let Some(depot) = m.depot.as_ref().and_then(|id| depots.get(id)) else {
            continue;
        };
        if m.drill || d_counted_after(depot, m) {
            continue;
        }
        let delta = match m.movement {
            Movement::Dispatched => -i64::from(m.quantity),
            Movement::Returned => i64::from(m.quantity),
            Movement::Requested => 0,
        };
        *out.entry((depot.id.clone(), m.item.clone())).or_insert(0) += delta;
    }
    out
}

/// A movement already in the depot's count.
fn d_counted_after(depot: &Depot, m: &ItemMove) -> bool {
    depot.counted_at.is_some_and(|c| m.at < c)
}

/// One item of an incident against its plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemStanding {
    pub item: String,
    pub required: u32,
    pub requested: u32,
    /// Dispatched minus returned: at the incident now.
    pub out: u32,
    /// Still to send: required minus out.
    pub missing: u32,
    /// In every depot now.
    pub available: i64,
    /// What cannot be covered from the depots: missing minus available.
    pub short: u32,
}

/// Each needed item (then any other item moved for the incident): how much
/// is out, what is still missing and what the depots cannot cover.
pub fn item_standing(
    needs: &[ItemNeed],
    rows: &[ItemRow],
    stock: &BTreeMap<(String, String), i64>,
) -> Vec<ItemStanding> {
    let mut ids: Vec<String> = needs.iter().map(|n| n.item.clone()).collect();
    for r in rows {
        if !ids.contains(&r.item) {
            ids.push(r.item.clone());
        }
    }
    ids.into_iter()
        .map(|item| {
            let required = needs
                .iter()
                .filter(|n| n.item == item)
                .map(|n| n.quantity)
                .sum::<u32>();
            let mine = rows.iter().filter(|r| r.item == item);
            let requested = mine.clone().map(|r| r.requested).sum::<u32>();
            let out = mine
                .map(|r| r.dispatched.saturating_sub(r.returned))
                .sum::<u32>();
            let available = stock
                .iter()
                .filter(|((_, i), _)| *i == item)
                .map(|(_, n)| (*n).max(0))
                .sum::<i64>();
            let missing = required.saturating_sub(out);
            let short = (i64::from(missing) - available).max(0) as u32;
            ItemStanding {
                item,
                required,
                requested,
                out,
                missing,
                available,
                short,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn person(role: &str, status: PersonStatus) -> PersonRow {
        PersonRow {
            officer: "O1".into(),
            role: role.into(),
            status,
            at: t("2026-11-30T01:00:00Z"),
            history: vec![],
        }
    }

    #[test]
    fn released_people_no_longer_count_toward_a_role() {
        let roles = vec![RoleNeed {
            role: "monitoring".into(),
            name: Default::default(),
            count: 3,
        }];
        let people = vec![
            person("monitoring", PersonStatus::OnScene),
            person("monitoring", PersonStatus::Released),
            person("liaison", PersonStatus::Requested),
        ];
        let s = staffing(&roles, &people);
        assert_eq!(s[0].engaged, 1);
        assert_eq!(s[0].on_scene, 1);
        assert_eq!(s[0].short, 2);
        assert_eq!(s[1].role, "liaison");
        assert_eq!(s[1].short, 0);
    }

    #[test]
    fn the_depots_count_what_left_since_they_were_counted() {
        let mut depots = BTreeMap::new();
        depots.insert(
            "D1".to_string(),
            Depot {
                id: "D1".into(),
                name: "城关镇应急物资库".into(),
                grid: "T01".into(),
                stock: [("sandbag".to_string(), 100)].into(),
                counted_at: Some(t("2026-11-01T00:00:00Z")),
            },
        );
        let mv = |q, movement, at: &str| ItemMove {
            incident_id: 1,
            item: "sandbag".into(),
            depot: Some("D1".into()),
            movement,
            quantity: q,
            at: t(at),
            drill: false,
        };
        let moves = vec![
            mv(50, Movement::Dispatched, "2026-10-01T00:00:00Z"), // in the count
            mv(30, Movement::Dispatched, "2026-11-30T00:00:00Z"),
            mv(10, Movement::Returned, "2026-11-30T02:00:00Z"),
            ItemMove {
                drill: true,
                ..mv(40, Movement::Dispatched, "2026-11-30T03:00:00Z")
            },
        ];
        let stock = depot_stock(&depots, &moves);
        assert_eq!(stock[&("D1".to_string(), "sandbag".to_string())], 80);

        let needs = vec![ItemNeed {
            item: "sandbag".into(),
            quantity: 150,
        }];
        let rows = vec![ItemRow {
            item: "sandbag".into(),
            depot: Some("D1".into()),
            required: 150,
            requested: 150,
            dispatched: 30,
            returned: 10,
        }];
        let s = item_standing(&needs, &rows, &stock);
        assert_eq!(s[0].out, 20);
        assert_eq!(s[0].missing, 130);
        assert_eq!(s[0].available, 80);
        assert_eq!(s[0].short, 50);
    }
}
