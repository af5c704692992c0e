//! The report as CSV (RFC 4180): one header row (stable English keys, or
//! the headers in Chinese with `--lang zh`), one row per grid, the total
//! last, each ending with the period it covers (`period_from`, `period_to`,
//! both days included, and `counted_at`, RFC 3339 in the configured zone); then a blank line and the definitions as two-cell text rows (no
//! `#` comments: a spreadsheet would show them as data anyway, and a
//! reader that stops at the first blank line gets the table alone). With
//! `bom`, a UTF-8 byte-order mark first, so Excel reads it as UTF-8.

use super::columns::{columns, value};
use super::definitions::definitions;
use super::{Report, RowKind, labels};
use crate::i18n::{Lang, T};

pub fn csv(lang: Lang, tz: chrono_tz::Tz, report: &Report, bom: bool) -> String {
    let cols = columns(lang, report);
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    let header = |key: &str, zh: &str| match lang {
        Lang::En => key.to_string(),
        Lang::Zh => zh.to_string(),
    };
    let mut head = vec![
        header("grid", T::RepGridCol.get(lang)),
        header("name", T::RepNameCol.get(lang)),
    ];
    head.extend(cols.iter().map(|c| header(&c.key, &c.header)));
    head.extend([
        header("period_from", T::RepPeriodFromCol.get(lang)),
        header("period_to", T::RepPeriodToCol.get(lang)),
        header("counted_at", T::RepCountedAtCol.get(lang)),
    ]);
    let period = [
        report.period.from.to_string(),
        report.period.to.to_string(),
        report.now.with_timezone(&tz).to_rfc3339(),
    ];
    line(&mut out, head.iter().map(String::as_str));
    for row in report.all_rows() {
        let id = match &row.kind {
            RowKind::Grid { id, .. } => crate::text::sanitize(id),
            _ => String::new(),
        };
        let mut cells = vec![id, labels::name(lang, row)];
        cells.extend(
            cols.iter()
                .map(|c| value(&c.get, &row.figures).text(lang, false, "")),
        );
        cells.extend(period.iter().cloned());
        line(&mut out, cells.iter().map(String::as_str));
    }
    out.push_str("\r\n");
    for (_, term, text) in definitions(lang) {
        line(&mut out, [term, text].into_iter());
    }
    out
}

/// One record, each field quoted when it must be, CRLF-terminated.
fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    let mut first = true;
    for c in cells {
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&field(c));
    }
    out.push_str("\r\n");
}

/// RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes
/// doubled). A leading `=`, `+`, `-` or `@` is prefixed with `'` so a
/// spreadsheet never runs a name as a formula.
pub fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
