//! What a new complaint would get if saved now, shown before saving: its
//! deadline with the reason, and its grid with how it was decided — by the
//! same functions intake uses (`calendar::decide`, `prepare::choose_grid`).

use chrono::{DateTime, Utc};

use super::{Form, FormKind};
use crate::config::Config;
use crate::domain::calendar::decide;
use crate::domain::grid::GridSource;
use crate::i18n::{Lang, T, fill};
use crate::ops::prepare::choose_grid;

impl Form {
    /// The deadline a new complaint would get if saved now, with its reason.
    pub fn preview(&self, config: &Config, lang: Lang, now: DateTime<Utc>) -> Option<String> {
        (self.kind == FormKind::New).then(|| {
            let s = &config.settings;
            let d = decide(&config.calendar, &s.deadlines, &s.timezone, now);
            format!(
                "{} — {}",
                d.deadline_at.with_timezone(&s.timezone).format("%H:%M"),
                crate::words::decision_reason(lang, config, now, &d)
            )
        })
    }

    /// The grid a new complaint would get, and why: as given, its
    /// enterprise's, a place its address names, or none yet.
    pub fn grid_preview(&self, config: &Config, lang: Lang) -> Option<String> {
        if self.kind != FormKind::New {
            return None;
        }
        let given = |t: T| Some(self.value(t)).filter(|v| !v.is_empty());
        let chosen = choose_grid(
            config,
            given(T::FieldGrid),
            given(T::FieldEnterprise),
            given(T::FieldAddress),
        );
        let Some(g) = chosen.grid else {
            return Some(T::GridUnassigned.get(lang).to_string());
        };
        let (id, name) = (g.id.as_str(), g.name.as_str());
        Some(match &chosen.how {
            GridSource::Explicit => {
                fill(T::GridByExplicit.get(lang), &[("grid", id), ("name", name)])
            }
            GridSource::Enterprise(e) => fill(
                T::PreviewGridByEnterprise.get(lang),
                &[
                    ("grid", id),
                    ("name", name),
                    ("enterprise", e),
                    (
                        "ename",
                        chosen.enterprise.as_ref().map_or("", |x| x.name.as_str()),
                    ),
                ],
            ),
            GridSource::Alias(a) => fill(
                T::PreviewGridByAlias.get(lang),
                &[("grid", id), ("name", name), ("alias", a)],
            ),
            GridSource::Polygon => fill(
                T::GeoPreviewGridByPolygon.get(lang),
                &[("grid", id), ("name", name)],
            ),
            GridSource::Unassigned => T::GridUnassigned.get(lang).to_string(),
        })
    }
}
