//! Complaint rows: insert (with repeat detection inside the transaction) and
//! the read models of `list` and `show`.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, named_params};

use std::sync::LazyLock;

use super::{SqliteStore, audit, from_ms, ms, sets};
use crate::domain::calendar::Regime;
use crate::domain::complaint::{Category, Outcome, Source, Status};
use crate::domain::repeat::{Prior, Probe, find_repeat};
use crate::domain::{
    Actor, ArrivalRow, ComplaintRow, DispatchRow, EscalationRow, Inserted, ListFilter,
    NewComplaint, RequestFilter,
};
use crate::store::{Complaints, Result, StoreError};

/// A complaint's categories in order, as one comma-joined column of a
/// read (`c` is the complaint's alias).
///
/// The order is the table's own (its primary key is `(complaint_id,
/// position)`): no sorter, which an aggregate's `ORDER BY` would build for
/// every row read.
macro_rules! categories_of {
    ($c:literal) => {
        concat!(
            "(SELECT group_concat(category, ',') FROM (SELECT k.category FROM complaint_category k WHERE k.complaint_id = ",
            $c,
            ".id ORDER BY k.position))"
        )
    };
}

fn parse_categories(s: &str) -> Vec<Category> {
    s.split(',').filter_map(Category::parse).collect()
}

/// Insert one complaint inside `tx`. `repeat_window` bounds repeat detection.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    c: &NewComplaint,
    intake_file: Option<i64>,
    actor: &Actor,
    now: DateTime<Utc>,
    repeat_window: chrono::Duration,
) -> Result<Inserted> {
    let repeat_of = if c.grid.is_some() || c.enterprise.is_some() {
        // The most recent candidate of each kind; each query walks one index
        // backwards from the new complaint's time and stops at the first hit.
        let (from, to) = (ms(c.received_at - repeat_window), ms(c.received_at));
        let prior = |r: &rusqlite::Row<'_>| {
            Ok(Prior {
                id: r.get(0)?,
                received_at: from_ms(r.get(1)?),
                grid: r.get(2)?,
                enterprise: r.get(3)?,
                categories: parse_categories(&r.get::<_, Option<String>>(4)?.unwrap_or_default()),
                repeat_of: r.get(5)?,
            })
        };
        let mut priors = Vec::with_capacity(2);
        if let Some(e) = &c.enterprise {
            priors.extend(
                tx.prepare_cached(concat!(
                    "SELECT c.id, c.received_at, c.grid_id, c.enterprise_id, ",
                    categories_of!("c"),
                    ", c.repeat_of FROM complaint c
                     WHERE c.enterprise_id = :e AND c.received_at BETWEEN :from AND :to
                     ORDER BY c.received_at DESC LIMIT 1"
                ))?
                .query_row(named_params! {":e": e, ":from": from, ":to": to}, prior)
                .optional()?,
            );
        }
        if let Some(g) = &c.grid {
            // `,air,noise,`, matched per category row with instr(): no
            // temporary table, which `IN (SELECT … json_each)` built for
            // every complaint (measured: a fifth of intake's time).
            let names: Vec<&str> = c.categories.iter().map(|c| c.as_str()).collect();
            let cats = format!(",{},", names.join(","));
            priors.extend(
                tx.prepare_cached(
                    concat!("SELECT c.id, c.received_at, c.grid_id, c.enterprise_id, ", categories_of!("c"), ", c.repeat_of FROM complaint c
                     WHERE c.grid_id = :g AND c.received_at BETWEEN :from AND :to
                       AND EXISTS (SELECT 1 FROM complaint_category k
                                   WHERE k.complaint_id = c.id AND instr(:cats, ',' || k.category || ',') > 0)
                     ORDER BY c.received_at DESC LIMIT 1"),
                )?
                .query_row(named_params! {":g": g, ":from": from, ":to": to, ":cats": cats}, prior)
                .optional()?,
            );
        }
        let probe = Probe {
            received_at: c.received_at,
            grid: c.grid.as_deref(),
            enterprise: c.enterprise.as_deref(),
            categories: &c.categories,
        };
        find_repeat(probe, &priors, repeat_window)
    } else {
        None
    };
    let inserted = tx
        .prepare_cached(
        "INSERT INTO complaint (source, external_ref, received_at, regime, regime_reason, day_kind, deadline_at,
            grid_id, grid_source, enterprise_id, description, address, lat, lon,
            reporter_name, reporter_phone, reporter_anonymous, repeat_of, raw_json, intake_file_id, created_at, updated_at)
         VALUES (:source, :ref, :received, :regime, :reason, :day_kind, :deadline,
            :grid, :grid_source, :enterprise, :description, :address, :lat, :lon,
            :rname, :rphone, :anon, :repeat_of, :raw, :file, :now, :now)
         ON CONFLICT (source, external_ref) DO NOTHING",
    )?
    .execute(named_params! {
        ":source": c.source.as_str(), ":ref": c.external_ref, ":received": ms(c.received_at),
        ":regime": c.regime.as_str(), ":reason": c.regime_reason, ":day_kind": c.day_kind,
        ":deadline": ms(c.deadline_at), ":grid": c.grid, ":grid_source": c.grid_source,
        ":enterprise": c.enterprise,
        ":description": c.description, ":address": c.address, ":lat": c.lat, ":lon": c.lon,
        ":rname": c.reporter_name, ":rphone": c.reporter_phone, ":anon": c.reporter_anonymous,
        ":repeat_of": repeat_of, ":raw": c.raw_json, ":file": intake_file, ":now": ms(now),
    })?;
    if inserted == 0 {
        // Already stored under (source, external_ref): a resent complaint.
        let id = tx
            .prepare_cached("SELECT id FROM complaint WHERE source = :s AND external_ref = :r")?
            .query_row(
                named_params! {":s": c.source.as_str(), ":r": c.external_ref},
                |r| r.get(0),
            )?;
        return Ok(Inserted::Duplicate(id));
    }
    let id = tx.last_insert_rowid();
    let mut st = tx.prepare_cached(
        "INSERT INTO complaint_category (complaint_id, position, category) VALUES (?1, ?2, ?3)",
    )?;
    for (p, k) in c.categories.iter().enumerate() {
        st.execute(rusqlite::params![id, p as i64, k.as_str()])?;
    }
    if intake_file.is_some() {
        // A spool file is one state change: its audit record (written at
        // commit) names the complaints it created; `show` joins it in.
        return Ok(Inserted::New(id));
    }
    audit::record(
        tx,
        actor,
        now,
        "complaint.received",
        &format!("complaint:{id}"),
        serde_json::json!({
            "source": c.source.as_str(), "external_ref": c.external_ref, "regime": c.regime.as_str(),
            "deadline_at": c.deadline_at.to_rfc3339(), "grid": c.grid, "repeat_of": repeat_of,
            "intake_file": intake_file,
        }),
    )?;
    Ok(Inserted::New(id))
}

/// The read model's SELECT, as a macro so queries are `concat!`ed literals.
macro_rules! select_row {
    () => {
        concat!("SELECT c.*, ", categories_of!("c"), " AS categories,
  (SELECT a.arrived_at FROM arrival a WHERE a.complaint_id = c.id AND a.round = c.round ORDER BY a.id DESC LIMIT 1) AS arr_at,
  (SELECT a.officer_id FROM arrival a WHERE a.complaint_id = c.id AND a.round = c.round ORDER BY a.id DESC LIMIT 1) AS arr_by,
  (SELECT d.officer_id FROM dispatch d WHERE d.complaint_id = c.id ORDER BY d.id DESC LIMIT 1) AS disp_to,
  (SELECT COUNT(*) FROM complaint r WHERE r.repeat_of = c.id) AS repeat_count
FROM complaint c")
    };
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ComplaintRow> {
    let bad = |what: &str, v: String| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown {what} '{v}'").into(),
        )
    };
    let source: String = r.get("source")?;
    let regime: String = r.get("regime")?;
    let status: String = r.get("status")?;
    let outcome: Option<String> = r.get("outcome")?;
    Ok(ComplaintRow {
        id: r.get("id")?,
        source: Source::parse(&source).ok_or_else(|| bad("source", source.clone()))?,
        external_ref: r.get("external_ref")?,
        received_at: from_ms(r.get("received_at")?),
        regime: Regime::parse(&regime).ok_or_else(|| bad("regime", regime.clone()))?,
        regime_reason: r.get("regime_reason")?,
        day_kind: r.get("day_kind")?,
        deadline_at: from_ms(r.get("deadline_at")?),
        status: Status::parse(&status).ok_or_else(|| bad("status", status.clone()))?,
        outcome: outcome.as_deref().and_then(Outcome::parse),
        status_note: r.get("status_note")?,
        round: r.get("round")?,
        grid: r.get("grid_id")?,
        grid_source: r.get("grid_source")?,
        enterprise: r.get("enterprise_id")?,
        categories: parse_categories(
            &r.get::<_, Option<String>>("categories")?
                .unwrap_or_default(),
        ),
        description: r.get("description")?,
        address: r.get("address")?,
        lat: r.get("lat")?,
        lon: r.get("lon")?,
        reporter_name: r.get("reporter_name")?,
        reporter_phone: r.get("reporter_phone")?,
        reporter_anonymous: r.get("reporter_anonymous")?,
        repeat_of: r.get("repeat_of")?,
        repeat_count: r.get("repeat_count")?,
        merged_into: r.get("merged_into")?,
        arrived_at: r.get::<_, Option<i64>>("arr_at")?.map(from_ms),
        arrived_by: r.get("arr_by")?,
        dispatched_to: r.get("disp_to")?,
        created_at: from_ms(r.get("created_at")?),
        updated_at: from_ms(r.get("updated_at")?),
    })
}

/// Escalations with their complaint's deadline, read by [`escalation_row`].
macro_rules! select_escalation {
    () => {
        "SELECT e.*, c.deadline_at FROM escalation e JOIN complaint c ON c.id = e.complaint_id"
    };
}
pub(crate) use select_escalation;

pub(crate) fn escalation_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EscalationRow> {
    Ok(EscalationRow {
        id: r.get("id")?,
        complaint_id: r.get("complaint_id")?,
        stage: r.get("stage")?,
        automatic: r.get("automatic")?,
        skipped: r.get("skipped")?,
        deadline_at: from_ms(r.get("deadline_at")?),
        target: r.get("target_officer_id")?,
        at: from_ms(r.get("at")?),
        by: r.get("by_actor")?,
        reason: r.get("reason")?,
    })
}

/// Open complaints, soonest deadline first (`list --open`, consoles).
static LIST_OPEN: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{} WHERE c.status IN {} ORDER BY c.deadline_at, c.id LIMIT :n",
        select_row!(),
        *sets::OPEN
    )
});

/// An Open311 `GET requests` query.
static REQUESTS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{select} WHERE (:ids IS NULL OR c.id IN (SELECT value FROM json_each(:ids)))
            AND (:cat IS NULL OR EXISTS (SELECT 1 FROM complaint_category k
                                         WHERE k.complaint_id = c.id AND k.position = 0 AND k.category = :cat))
            AND (:start IS NULL OR c.received_at >= :start)
            AND (:end IS NULL OR c.received_at <= :end)
            AND (:open IS NULL OR (c.status IN {open}) = :open)
          ORDER BY c.received_at DESC, c.id DESC LIMIT :n",
        select = select_row!(),
        open = *sets::OPEN
    )
});

impl Complaints for SqliteStore {
    fn list(&self, filter: ListFilter) -> Result<Vec<ComplaintRow>> {
        let sql = if filter.open_only {
            LIST_OPEN.as_str()
        } else {
            concat!(
                select_row!(),
                " ORDER BY c.received_at DESC, c.id DESC LIMIT :n"
            )
        };
        let n = filter.limit.map_or(-1, |n| n as i64);
        let mut st = self.conn.prepare_cached(sql)?;
        let rows = st.query_map(named_params! {":n": n}, row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn complaint(&self, id: i64) -> Result<ComplaintRow> {
        let mut st = self
            .conn
            .prepare_cached(concat!(select_row!(), " WHERE c.id = :id"))?;
        st.query_row(named_params! {":id": id}, row)
            .optional()?
            .ok_or(StoreError::NoSuchComplaint(id))
    }

    fn arrivals(&self, id: i64) -> Result<Vec<ArrivalRow>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM arrival WHERE complaint_id = :id ORDER BY id")?;
        let rows = st.query_map(named_params! {":id": id}, |r| {
            Ok(ArrivalRow {
                id: r.get("id")?,
                round: r.get("round")?,
                officer: r.get("officer_id")?,
                arrived_at: from_ms(r.get("arrived_at")?),
                logged_at: from_ms(r.get("logged_at")?),
                console: r.get("console")?,
                note: r.get("note")?,
                corrects: r.get("corrects")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn dispatches(&self, id: i64) -> Result<Vec<DispatchRow>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT * FROM dispatch WHERE complaint_id = :id ORDER BY id")?;
        let rows = st.query_map(named_params! {":id": id}, |r| {
            Ok(DispatchRow {
                officer: r.get("officer_id")?,
                at: from_ms(r.get("at")?),
                console: r.get("console")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn escalations(&self, id: i64) -> Result<Vec<EscalationRow>> {
        let mut st = self.conn.prepare_cached(concat!(
            select_escalation!(),
            " WHERE e.complaint_id = :id ORDER BY e.at, e.id"
        ))?;
        let rows = st.query_map(named_params! {":id": id}, escalation_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Complaints matching an Open311 query, newest first.
    fn requests(&self, f: &RequestFilter) -> Result<Vec<ComplaintRow>> {
        let ids = f
            .ids
            .as_ref()
            .map(|ids| serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()));
        let mut st = self.conn.prepare_cached(REQUESTS.as_str())?;
        let rows = st.query_map(
            named_params! {
                ":ids": ids, ":cat": f.category.map(Category::as_str), ":start": f.start.map(ms),
                ":end": f.end.map(ms), ":open": f.open, ":n": f.limit as i64,
            },
            row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Complaints by id (any status), for incremental refresh.
    fn complaints_by_ids(&self, ids: &[i64]) -> Result<Vec<ComplaintRow>> {
        let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let mut st = self.conn.prepare_cached(concat!(
            select_row!(),
            " WHERE c.id IN (SELECT value FROM json_each(:ids))"
        ))?;
        let rows = st.query_map(named_params! {":ids": json}, row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Complaints with an id above `after` (new since the last look).
    fn complaints_after(&self, after: i64) -> Result<Vec<ComplaintRow>> {
        let mut st = self
            .conn
            .prepare_cached(concat!(select_row!(), " WHERE c.id > :after ORDER BY c.id"))?;
        let rows = st.query_map(named_params! {":after": after}, row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn last_complaint_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COALESCE(MAX(id), 0) FROM complaint")?
            .query_row([], |r| r.get(0))?)
    }
}

/// The complaints of `id`'s repeat chain (its first, `first`, and every
/// repeat of that) and those merged into `id`, oldest first, `id` left out.
pub(super) fn related(
    conn: &rusqlite::Connection,
    id: i64,
    first: i64,
) -> Result<Vec<ComplaintRow>> {
    let mut st = conn.prepare_cached(concat!(
        select_row!(),
        " WHERE c.id <> :id AND (c.id = :first OR c.repeat_of = :first OR c.merged_into = :id)
          ORDER BY c.received_at, c.id"
    ))?;
    let rows = st.query_map(named_params! {":id": id, ":first": first}, row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
