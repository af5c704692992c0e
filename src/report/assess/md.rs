//! The report as Markdown: a title, one table per topic (every row, the
//! total last; the water topic followed by its sections month by month),
//! and the definitions.

use super::columns::{Column, Get, Topic, columns, value};
use super::definitions::definitions;
use super::{Report, Row, RowKind, labels, water};
use crate::i18n::{Lang, T};
use crate::report::draft::md as inert;

pub fn markdown(lang: Lang, tz: chrono_tz::Tz, report: &Report) -> String {
    let mut out = format!(
        "# {}\n\n{}\n",
        labels::title(lang, report),
        labels::meta(lang, tz, report)
    );
    let cols = columns(lang, report);
    for topic in Topic::ALL {
        let shown: Vec<&Column> = cols
            .iter()
            .filter(|c| c.topic == topic && keep(c, report))
            .collect();
        out.push_str(&format!("\n## {}\n\n", topic.title().get(lang)));
        if topic == Topic::Water {
            out.push_str(&format!("{}\n\n", water::summary(lang, report)));
        }
        table(&mut out, lang, report, &shown);
        if topic == Topic::Water {
            water::markdown_sections(&mut out, lang, report);
        }
    }
    out.push_str(&format!("\n## {}\n\n", T::RepDefinitions.get(lang)));
    for (_, term, text) in definitions(lang) {
        out.push_str(&format!("- **{term}**: {text}\n"));
    }
    out
}

/// Sources and categories nobody used are left out of the Markdown tables
/// (the CSV and JSON keep every column, all zero).
fn keep(c: &Column, report: &Report) -> bool {
    use super::columns::Value;
    match c.get {
        Get::Source(_) | Get::Category(_) => {
            value(&c.get, &report.totals.figures) != Value::Count(0)
        }
        _ => true,
    }
}

fn table(out: &mut String, lang: Lang, report: &Report, cols: &[&Column]) {
    let none = T::RepNone.get(lang);
    let mut head = format!(
        "| {} | {} |",
        T::RepGridCol.get(lang),
        T::RepNameCol.get(lang)
    );
    let mut rule = String::from("|---|---|");
    for c in cols {
        head.push_str(&format!(" {} |", c.header));
        // Counts to the right; the water verdict is a word.
        rule.push_str(if c.get == Get::WaterVerdict {
            "---|"
        } else {
            "---:|"
        });
    }
    out.push_str(&format!("{head}\n{rule}\n"));
    for row in report.all_rows() {
        let (id, name) = cells(lang, row);
        let mut line = format!("| {id} | {name} |");
        for c in cols {
            line.push_str(&format!(
                " {} |",
                value(&c.get, &row.figures).text(lang, true, none)
            ));
        }
        out.push_str(&line);
        out.push('\n');
    }
}

/// The grid id and name cells, made inert; the total in bold.
fn cells(lang: Lang, row: &Row) -> (String, String) {
    match &row.kind {
        RowKind::Grid { id, .. } => (inert(id), inert(&row.name)),
        RowKind::Totals => (String::new(), format!("**{}**", labels::name(lang, row))),
        _ => (String::new(), labels::name(lang, row)),
    }
}
