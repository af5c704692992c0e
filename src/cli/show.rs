//! `gridwatch show ID`: one complaint, its fields as labelled lines (the
//! labels padded in terminal cells to the widest, in either language) and
//! its audit trail as a table; `--json` is the contract of DESIGN.md §4.1.

use super::view::{detail_json, json_text, table, time};
use super::{Context, Failure, words};
use crate::i18n::{Lang, T};
use crate::store::{Actions, Alerts, AuditLog, Complaints, Durability, Escalations, Merges};
use crate::text::{fit, sanitize, width};

pub(super) fn run(ctx: &Context, id: i64, as_json: bool, reveal: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let mut store = ctx.open_store(&config, Durability::Normal)?;
    let c = store.complaint(id)?;
    let (tz, now) = (config.settings.timezone, ctx.now());
    let phone = if reveal {
        store.reveal_phone(&ctx.actor(), now, id)?
    } else {
        None
    };
    let audit = store.audit_of_complaint(id)?;
    let (escalations, outbox, acks) = (
        store.escalations(id)?,
        store.outbox_of_complaint(id)?,
        store.acks_of_complaint(id)?,
    );
    // Each escalation with what became of its alert, and who acknowledged it.
    let records = super::escalations::records(&escalations, &outbox, &acks);
    let chain = store.related(id)?;
    let related = crate::domain::merge::related(&c, &chain);
    if as_json {
        let mut v = detail_json(
            &c,
            &tz,
            now,
            &store.dispatches(id)?,
            &store.arrivals(id)?,
            &escalations,
            &audit,
        );
        if let Some(p) = phone {
            v["reporter"]["phone"] = p.into();
        }
        v["escalations"] = super::escalations::json(&records, &tz);
        super::merge::add_json(&mut v, &related, &tz);
        outln!("{}", json_text(&v));
        return Ok(());
    }
    let opt = |v: Option<String>| v.unwrap_or_else(|| "-".into());
    let reporter = if c.reporter_anonymous {
        T::CliAnonymous.get(lang).to_string()
    } else {
        let phone = phone.or_else(|| c.reporter_phone.as_deref().map(crate::text::mask_phone));
        [c.reporter_name.clone(), phone]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let officer = |id: &Option<String>| {
        opt(id
            .as_ref()
            .map(|o| format!("{o}{}", words::officer_label(lang, &config, o))))
    };
    let mut fields: Vec<(T, String)> = vec![
        (T::CliFieldId, c.id.to_string()),
        (T::CliFieldStatus, words::status(lang, c.status).to_string()),
        (
            T::CliFieldOutcome,
            opt(c.outcome.map(|o| words::resolution(lang, o).to_string())),
        ),
        (T::CliFieldSource, words::source(lang, c.source).to_string()),
        (T::CliFieldRef, c.external_ref.clone()),
        (T::CliFieldReceived, time(c.received_at, &tz)),
        (T::CliFieldRegime, words::regime(lang, c.regime).to_string()),
        (T::CliFieldReason, words::regime_reason(lang, &config, &c)),
        (T::CliFieldDeadline, time(c.deadline_at, &tz)),
        (T::CliFieldLeft, words::left(lang, &c, now)),
        (
            T::CliFieldGrid,
            c.grid
                .clone()
                .unwrap_or_else(|| T::CliUnassigned.get(lang).into()),
        ),
        (
            T::CliFieldGridFrom,
            crate::words::grid_source(lang, &c.grid_source),
        ),
        (
            T::CliFieldCategories,
            words::categories(lang, &c.categories),
        ),
        (T::CliFieldEnterprise, opt(c.enterprise.clone())),
        // "Repeat of #3", or "Repeats: 2 later complaints repeat this one".
        crate::words::merge::repeats(lang, &c).unwrap_or((T::CliFieldRepeatOf, "-".into())),
        (T::CliFieldDispatchedTo, officer(&c.dispatched_to)),
        (T::CliFieldArrived, opt(c.arrived_at.map(|t| time(t, &tz)))),
        (T::CliFieldArrivedBy, officer(&c.arrived_by)),
        (T::CliFieldDescription, c.description.clone()),
        (T::CliFieldAddress, opt(c.address.clone())),
        // The point as stored (WGS-84, converted at intake), when known.
        (
            T::GeoFieldPoint,
            opt(c.lat.zip(c.lon).map(|(lat, lon)| {
                crate::i18n::fill(
                    T::GeoPointValue.get(lang),
                    &[("lat", &format!("{lat:.6}")), ("lon", &format!("{lon:.6}"))],
                )
            })),
        ),
        (
            T::CliFieldReporter,
            opt(Some(reporter).filter(|r| !r.is_empty())),
        ),
    ];
    if let Some(into) = c.merged_into {
        // After "repeat of": where this duplicate went.
        let at = fields
            .iter()
            .position(|(t, _)| matches!(t, T::CliFieldRepeatOf | T::Repeats))
            .map_or(fields.len(), |i| i + 1);
        fields.insert(at, (T::MergeMergedInto, format!("#{into}")));
    }
    out!("{}", labelled(lang, &fields));
    out!("{}", super::merge::text(lang, &related, &tz));
    let escalations = super::escalations::table_text(&records, &config, lang);
    if !escalations.is_empty() {
        out!("\n{escalations}");
    }
    let trail: Vec<Vec<String>> = audit
        .iter()
        .map(|a| {
            // The same words as the dashboard's trail, officers by name.
            vec![
                time(a.at, &tz),
                crate::words::trail::actor(lang, &config, a),
                words::action(lang, &a.action),
                crate::words::trail::sentence(lang, &config, Some(&c), a),
            ]
        })
        .collect();
    let header = [
        T::CliColAt,
        T::CliColActor,
        T::CliColAction,
        T::CliColDetails,
    ]
    .map(|t| t.get(lang));
    outln!("\n{}", table(&header, &trail));
    Ok(())
}

/// `label  value` lines, the labels padded to the widest in terminal cells.
pub(super) fn labelled(lang: Lang, fields: &[(T, String)]) -> String {
    let wide = fields
        .iter()
        .map(|(t, _)| width(t.get(lang)))
        .max()
        .unwrap_or(0);
    fields
        .iter()
        .map(|(t, v)| format!("{}  {}\n", fit(t.get(lang), wide), sanitize(v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value starts in the same terminal column, whatever the labels'
    /// lengths or script.
    #[test]
    fn values_line_up_in_either_language() {
        for lang in [Lang::En, Lang::Zh] {
            let fields = [
                (T::CliFieldId, "1".to_string()),
                (T::CliFieldLeft, "12:00".to_string()),
                (T::CliFieldDispatchedTo, "O017".to_string()),
            ];
            let text = labelled(lang, &fields);
            let columns: Vec<usize> = text
                .lines()
                .zip(&fields)
                .map(|(l, (_, v))| width(&l[..l.rfind(v.as_str()).unwrap()]))
                .collect();
            assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
        }
    }
}
