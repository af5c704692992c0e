//! `gridwatch sources import FILE.csv`: the pollution-source register as
//! CSV, checked row by row and turned into the text of `enterprises.toml`.
//!
//! The first line names the columns, in English (`id, name, grid,
//! control_level, address` are needed; `industry, eia,
//! three_simultaneities, permit, pollutants, discharge_to, receptors,
//! registered, last_inspected` may follow) or in Chinese (编号, 名称, 网格,
//! 管控级别, 地址, 行业, 环评, 三同时, 排污许可证, 主要污染物, 排放去向,
//! 敏感目标, 登记日期, 上次检查). Lists (pollutants, receptors) are split
//! on `;`, `；` or `、`. Values may be the ids (`national`, `approved`) or
//! the Chinese words (国控, 已批复). Every mistake is an error naming the
//! line and the column; a file with any error gives nothing to write.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Config;
use crate::domain::census::{Eia, ThreeSimultaneities};
use crate::domain::grid::ControlLevel;
use crate::i18n::{Lang, T, fill};

/// The columns, each with the names its header may have.
const COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["id", "编号", "企业编号"]),
    ("name", &["name", "名称", "企业名称"]),
    ("grid", &["grid", "网格"]),
    ("control_level", &["control_level", "管控级别", "控制级别"]),
    ("address", &["address", "地址"]),
    ("industry", &["industry", "行业"]),
    ("eia", &["eia", "环评"]),
    ("three_simultaneities", &["three_simultaneities", "三同时"]),
    ("permit", &["permit", "排污许可证", "排污许可"]),
    ("pollutants", &["pollutants", "主要污染物"]),
    ("discharge_to", &["discharge_to", "排放去向"]),
    ("receptors", &["receptors", "敏感目标", "周边敏感目标"]),
    ("registered", &["registered", "登记日期"]),
    ("last_inspected", &["last_inspected", "上次检查"]),
];
const REQUIRED: [&str; 5] = ["id", "name", "grid", "control_level", "address"];
const LISTS: [&str; 2] = ["pollutants", "receptors"];
const DATES: [&str; 2] = ["registered", "last_inspected"];
const MAX_CHARS: usize = 200;

/// A mistake in a register CSV: `file:line:column: what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub file: String,
    pub line: Option<usize>,
    /// 1-based column number.
    pub col: Option<usize>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    Unclosed,
    NoColumns(Vec<&'static str>),
    UnknownColumn(String),
    /// Two header cells name one column: the later would silently win.
    DuplicateColumn(String, usize),
    Missing(&'static str),
    TooLong(&'static str),
    BadValue {
        column: &'static str,
        text: String,
        allowed: String,
    },
    BadPermit(String),
    BadDate(&'static str, String),
    UnknownGrid(String),
    Twice {
        id: String,
        first: usize,
    },
    NoRows,
}

impl CsvError {
    pub fn text(&self, lang: Lang) -> String {
        let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
        let what = match &self.problem {
            Problem::Empty => say(T::SrcCsvEmpty, &[]),
            Problem::Unclosed => say(T::SrcCsvUnclosed, &[]),
            Problem::NoColumns(m) => say(T::SrcCsvNoColumns, &[("missing", &m.join(", "))]),
            Problem::UnknownColumn(n) => say(T::SrcCsvUnknownColumn, &[("name", n)]),
            Problem::DuplicateColumn(n, first) => say(
                T::SrcCsvDuplicateColumn,
                &[("name", n), ("first", &first.to_string())],
            ),
            Problem::Missing(c) => say(T::SrcCsvMissing, &[("column", c)]),
            Problem::TooLong(c) => say(
                T::SrcCsvTooLong,
                &[("column", c), ("max", &MAX_CHARS.to_string())],
            ),
            Problem::BadValue {
                column,
                text,
                allowed,
            } => say(
                T::SrcCsvBadValue,
                &[("column", column), ("text", text), ("allowed", allowed)],
            ),
            Problem::BadPermit(t) => say(T::SrcCsvBadPermit, &[("text", t)]),
            Problem::BadDate(c, t) => say(T::SrcCsvBadDate, &[("column", c), ("text", t)]),
            Problem::UnknownGrid(t) => say(T::SrcCsvUnknownGrid, &[("text", t)]),
            Problem::Twice { id, first } => say(
                T::SrcCsvTwice,
                &[("text", id), ("first", &first.to_string())],
            ),
            Problem::NoRows => say(T::SrcCsvNoRows, &[]),
        };
        let what = crate::text::sanitize(&what);
        match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}: {what}", self.file),
            (Some(l), None) => format!("{}:{l}: {what}", self.file),
            _ => format!("{}: {what}", self.file),
        }
    }
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// One row, its values by column name (trimmed; lists split; the values
/// of `control_level`, `eia`, `three_simultaneities` as their ids).
pub type Row = BTreeMap<&'static str, Vec<String>>;

/// The column names, in the order `sources export` writes them.
pub fn column_names() -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(|(c, _)| *c)
}

/// Whether `column` holds a list (written joined by `;`).
pub fn is_list(column: &str) -> bool {
    LISTS.contains(&column)
}

fn level(s: &str) -> Option<&'static str> {
    let zh = [
        ("国控", "national"),
        ("省控", "provincial"),
        ("省环境安全重点", "provincial_env_safety"),
        ("市控", "city"),
        ("县控", "county"),
        ("一般", "general"),
    ];
    ControlLevel::parse(s)
        .map(ControlLevel::as_str)
        .or_else(|| zh.iter().find(|(z, _)| *z == s).map(|(_, id)| *id))
}

fn eia(s: &str) -> Option<&'static str> {
    let zh = [("已批复", "approved"), ("在办", "pending"), ("无", "none")];
    Eia::parse(s)
        .map(Eia::as_str)
        .or_else(|| zh.iter().find(|(z, _)| *z == s).map(|(_, id)| *id))
}

fn three(s: &str) -> Option<&'static str> {
    let zh = [
        ("已落实", "complete"),
        ("部分落实", "partial"),
        ("未落实", "none"),
    ];
    ThreeSimultaneities::parse(s)
        .map(ThreeSimultaneities::as_str)
        .or_else(|| zh.iter().find(|(z, _)| *z == s).map(|(_, id)| *id))
}

/// Read `text` (shown as `display`) against the grids of `config`: its
/// rows, in the order written. Links of officers are not checked here:
/// they are checked on the register that results (`register::check`).
pub fn parse(config: &Config, display: &str, text: &str) -> Result<Vec<Row>, Vec<CsvError>> {
    let at = |line: Option<usize>, col: Option<usize>, problem: Problem| CsvError {
        file: display.to_string(),
        line,
        col,
        problem,
    };
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((head_line, header)) = lines.next() else {
        return Err(vec![at(None, None, Problem::Empty)]);
    };
    let names = super::calendar_csv::fields(header)
        .map_err(|_| vec![at(Some(head_line), None, Problem::Unclosed)])?;
    let mut cols: Vec<Option<&'static str>> = Vec::new();
    let mut errors = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let found = COLUMNS
            .iter()
            .find(|(_, aliases)| aliases.contains(&n.to_ascii_lowercase().as_str()))
            .map(|(c, _)| *c);
        if found.is_none() {
            errors.push(at(
                Some(head_line),
                Some(i + 1),
                Problem::UnknownColumn(n.clone()),
            ));
        }
        if let Some(first) = found.and_then(|f| cols.iter().position(|c| *c == Some(f))) {
            errors.push(at(
                Some(head_line),
                Some(i + 1),
                Problem::DuplicateColumn(n.clone(), first + 1),
            ));
        }
        cols.push(found);
    }
    let missing: Vec<&'static str> = REQUIRED
        .into_iter()
        .filter(|r| !cols.contains(&Some(*r)))
        .collect();
    if !missing.is_empty() {
        errors.insert(0, at(Some(head_line), None, Problem::NoColumns(missing)));
        return Err(errors);
    }
    let col_of = |name: &str| cols.iter().position(|c| *c == Some(name)).map(|i| i + 1);
    let mut rows: Vec<(usize, Row)> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (n, line) in lines {
        let Ok(values) = super::calendar_csv::fields(line) else {
            errors.push(at(Some(n), None, Problem::Unclosed));
            continue;
        };
        let mut row = Row::new();
        for (i, v) in values.iter().enumerate() {
            let Some(Some(col)) = cols.get(i) else {
                continue;
            };
            let err = |p: Problem| at(Some(n), Some(i + 1), p);
            let v = v.trim();
            let value = if LISTS.contains(col) {
                v.split([';', '；', '、'])
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            } else if v.is_empty() {
                Vec::new()
            } else {
                vec![v.to_string()]
            };
            if value.iter().any(|x| x.chars().count() > MAX_CHARS) {
                errors.push(err(Problem::TooLong(col)));
                continue;
            }
            let bad = |allowed: &str| {
                err(Problem::BadValue {
                    column: col,
                    text: v.to_string(),
                    allowed: allowed.to_string(),
                })
            };
            let value = match (*col, value.first()) {
                ("control_level", Some(x)) => match level(x) {
                    Some(id) => vec![id.to_string()],
                    None => {
                        let all = ControlLevel::ALL.map(ControlLevel::as_str).join(" | ");
                        errors.push(bad(&all));
                        continue;
                    }
                },
                ("eia", Some(x)) => match eia(x) {
                    Some(id) => vec![id.to_string()],
                    None => {
                        errors.push(bad("approved | pending | none"));
                        continue;
                    }
                },
                ("three_simultaneities", Some(x)) => match three(x) {
                    Some(id) => vec![id.to_string()],
                    None => {
                        errors.push(bad("complete | partial | none"));
                        continue;
                    }
                },
                ("permit", Some(x)) => {
                    let p = if x == "无" { "none" } else { x.as_str() };
                    if !p.eq_ignore_ascii_case("none") && !super::register::permit_ok(p) {
                        errors.push(err(Problem::BadPermit(x.clone())));
                        continue;
                    }
                    vec![p.to_string()]
                }
                ("grid", Some(x)) if config.grids.get(x).is_none() => {
                    errors.push(err(Problem::UnknownGrid(x.clone())));
                    continue;
                }
                (c, Some(x)) if DATES.contains(&c) => {
                    if NaiveDate::parse_from_str(x, "%Y-%m-%d").is_err() {
                        errors.push(err(Problem::BadDate(col, x.clone())));
                        continue;
                    }
                    value
                }
                _ => value,
            };
            row.insert(col, value);
        }
        for r in REQUIRED {
            if row.get(r).is_none_or(Vec::is_empty) && !errors.iter().any(|e| e.line == Some(n)) {
                errors.push(at(Some(n), col_of(r), Problem::Missing(r)));
            }
        }
        if let Some(id) = row.get("id").and_then(|v| v.first()) {
            match seen.get(id) {
                Some(first) => errors.push(at(
                    Some(n),
                    col_of("id"),
                    Problem::Twice {
                        id: id.clone(),
                        first: *first,
                    },
                )),
                None => {
                    seen.insert(id.clone(), n);
                }
            }
        }
        rows.push((n, row));
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(at(None, None, Problem::NoRows));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(rows.into_iter().map(|(_, r)| r).collect())
}

/// A TOML string, quoted and escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The text of `enterprises.toml` for `rows`, with `head` (the comments of
/// the file it replaces) on top.
pub fn render(head: &str, from: &str, rows: &[Row]) -> String {
    let mut out = String::new();
    if head.trim().is_empty() {
        out.push_str(
            "# Pollution sources (污染源): id, name, grid, control level, address, census.\n",
        );
    } else {
        out.push_str(head.trim_end());
        out.push('\n');
    }
    out.push_str(&format!(
        "# Written by `gridwatch sources import` from {}.\n",
        from.replace('\n', " ")
    ));
    for row in rows {
        out.push_str("\n[[enterprise]]\n");
        for (col, _) in COLUMNS {
            let v = row.get(col).map_or(&[][..], Vec::as_slice);
            let line = if LISTS.contains(col) && !v.is_empty() {
                let items: Vec<String> = v.iter().map(|x| quoted(x)).collect();
                format!("{col} = [{}]\n", items.join(", "))
            } else if let Some(x) = v.first() {
                if DATES.contains(col) {
                    format!("{col} = {x}\n")
                } else {
                    format!("{col} = {}\n", quoted(x))
                }
            } else if REQUIRED.contains(col) {
                format!("{col} = \"\"\n")
            } else {
                continue;
            };
            out.push_str(&line);
        }
    }
    out
}

/// The comment lines at the top of a register file (kept on import).
pub fn head_of(text: &str) -> String {
    text.lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .filter(|l| !l.contains("Written by `gridwatch sources import`"))
        .map(|l| format!("{l}\n"))
        .collect()
}
