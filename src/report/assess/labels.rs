//! Words every format shares: the title, the line under it, row names.

use chrono::Days;

use super::{Report, Row, RowKind};
use crate::i18n::{Lang, T, fill};

pub fn title(lang: Lang, r: &Report) -> String {
    fill(
        T::RepTitle.get(lang),
        &[
            ("from", &r.period.from.to_string()),
            ("to", &r.period.to.to_string()),
        ],
    )
}

pub fn level_name(level: u8) -> T {
    match level {
        1 => T::RepLevelCity,
        2 => T::RepLevelTownship,
        3 => T::RepLevelVillage,
        _ => T::RepLevelGroup,
    }
}

pub fn meta(lang: Lang, tz: chrono_tz::Tz, r: &Report) -> String {
    let after = r
        .period
        .to
        .checked_add_days(Days::new(1))
        .map(|d| d.to_string())
        .unwrap_or_default();
    fill(
        T::RepMeta.get(lang),
        &[
            ("level", &r.level.to_string()),
            ("level_name", level_name(r.level).get(lang)),
            ("tz", tz.name()),
            ("from", &r.period.from.to_string()),
            ("after", &after),
            (
                "now",
                &r.now
                    .with_timezone(&tz)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
            ),
        ],
    )
}

/// A row's name: the grid's (sanitised), or what the row stands for.
pub fn name(lang: Lang, row: &Row) -> String {
    match &row.kind {
        RowKind::Grid { .. } => crate::text::sanitize(&row.name),
        RowKind::Unassigned => T::RepNoGrid.get(lang).to_string(),
        RowKind::Elsewhere => T::RepElsewhere.get(lang).to_string(),
        RowKind::Totals => T::RepTotal.get(lang).to_string(),
    }
}
