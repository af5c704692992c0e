//! The incident command line's tables: as `cli::view::table`, but a cell
//! wider than a column may be (60 cells) wraps within its column onto
//! continuation lines instead of being cut — a step's text is read whole,
//! on a terminal and through a pipe alike.

use crate::text::{sanitize, width, wrap};

/// A table's header in the reader's language.
pub fn header(lang: crate::i18n::Lang, cols: &[crate::i18n::T]) -> Vec<&'static str> {
    cols.iter().map(|t| t.get(lang)).collect()
}

/// The widest a column other than the last is drawn.
const COLUMN_MAX: usize = 60;

/// A plain text table whose long cells wrap within their column.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    crate::cli::view::table(header, &wrapped(rows))
}

/// `rows` with every cell (but the last of a row) wider than
/// [`COLUMN_MAX`] wrapped: one row per physical line, the other cells
/// blank on the continuation lines.
fn wrapped(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for r in rows {
        let last = r.len().saturating_sub(1);
        let cells: Vec<Vec<String>> = r
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = sanitize(c);
                if i < last && width(&c) > COLUMN_MAX {
                    wrap(&c, COLUMN_MAX)
                } else {
                    vec![c]
                }
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            out.push(
                cells
                    .iter()
                    .map(|c| c.get(line).cloned().unwrap_or_default())
                    .collect(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_cell_wraps_within_its_column_and_nothing_is_cut() {
        let long = "word ".repeat(30).trim_end().to_string();
        let t = table(
            &["n", "text", "who"],
            &[vec!["1".into(), long.clone(), "me".into()]],
        );
        let words: usize = t.matches("word").count();
        assert_eq!(words, 30, "{t}");
        assert!(t.lines().count() >= 4, "{t}");
        assert!(t.lines().nth(1).unwrap().ends_with("me"), "{t}");
    }
}
