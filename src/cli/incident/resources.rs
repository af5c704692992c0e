//! The resource tables of `incident show`: personnel per role against the
//! plan's counts (who is engaged, on scene, how many short) with each person
//! assigned, and equipment per item against the plan's quantities (out,
//! missing, in the depots, short) with each depot's movements.

use super::table::header;
use super::table::table;
use super::words::{self as w, short_time};
use crate::config::Config;
use crate::domain::incident::IncidentDetail;
use crate::domain::incident::resources::{ItemStanding, RoleStaffing};
use crate::i18n::{Lang, T};
use crate::words::incident as values;

pub fn personnel(
    lang: Lang,
    config: &Config,
    d: &IncidentDetail,
    staffing: &[RoleStaffing],
) -> String {
    let tz = &config.settings.timezone;
    let roles: Vec<Vec<String>> = staffing
        .iter()
        .map(|s| {
            vec![
                w::role(lang, Some(d), &s.role),
                s.needed.to_string(),
                s.engaged.to_string(),
                s.on_scene.to_string(),
                if s.short > 0 {
                    s.short.to_string()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    let mut out = if roles.is_empty() {
        format!("{}\n", T::IncCliNone.get(lang))
    } else {
        let h = header(
            lang,
            &[
                T::IncCliColRole,
                T::IncCliColNeeded,
                T::IncCliColEngaged,
                T::IncCliColOnScene,
                T::IncCliColShort,
            ],
        );
        table(&h, &roles)
    };
    if !d.personnel.is_empty() {
        let people: Vec<Vec<String>> = d
            .personnel
            .iter()
            .map(|p| {
                vec![
                    w::officer(config, &p.officer),
                    w::role(lang, Some(d), &p.role),
                    values::person(p.status).get(lang).to_string(),
                    short_time(p.at, tz),
                ]
            })
            .collect();
        let h = header(
            lang,
            &[
                T::IncCliColOfficer,
                T::IncCliColRole,
                T::IncCliColStatus,
                T::IncCliColSince,
            ],
        );
        out.push('\n');
        out.push_str(&table(&h, &people));
    }
    out
}

pub fn equipment(
    lang: Lang,
    config: &Config,
    d: &IncidentDetail,
    standing: &[ItemStanding],
) -> String {
    let q = |item: &str, n: i64| w::quantity(lang, config, item, n);
    let rows: Vec<Vec<String>> = standing
        .iter()
        .map(|s| {
            vec![
                w::item(lang, config, &s.item),
                q(&s.item, s.required.into()),
                q(&s.item, s.requested.into()),
                q(&s.item, s.out.into()),
                q(&s.item, s.missing.into()),
                q(&s.item, s.available),
                if s.short > 0 {
                    q(&s.item, s.short.into())
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    let mut out = if rows.is_empty() {
        format!("{}\n", T::IncCliNone.get(lang))
    } else {
        let h = header(
            lang,
            &[
                T::IncCliColItem,
                T::IncCliColRequired,
                T::IncCliColRequested,
                T::IncCliColOut,
                T::IncCliColMissing,
                T::IncCliColAvailable,
                T::IncCliColShort,
            ],
        );
        table(&h, &rows)
    };
    let moved: Vec<Vec<String>> = d
        .equipment
        .iter()
        .filter(|e| e.requested + e.dispatched + e.returned > 0)
        .map(|e| {
            vec![
                w::item(lang, config, &e.item),
                e.depot
                    .as_deref()
                    .map(|dep| w::depot(config, dep))
                    .unwrap_or_else(|| "-".into()),
                q(&e.item, e.requested.into()),
                q(&e.item, e.dispatched.into()),
                q(&e.item, e.returned.into()),
            ]
        })
        .collect();
    if !moved.is_empty() {
        let h = header(
            lang,
            &[
                T::IncCliColItem,
                T::IncCliColDepot,
                T::IncCliColRequested,
                T::IncCliColDispatched,
                T::IncCliColReturned,
            ],
        );
        out.push('\n');
        out.push_str(&table(&h, &moved));
    }
    out
}
