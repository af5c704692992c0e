//! `gridwatch water import FILE.csv`: readings of outflow sections as CSV.
//!
//! The first line names the columns: `section` (or 断面, 断面编号),
//! `sampled_at` (or 采样时间), and either `class` (or 水质类别, 类别) or one
//! column per parameter, named by its code (`pH`, `DO`, `NH3-N`, `COD`, …)
//! or its Chinese name (氨氮, 化学需氧量, …); other columns are refused. A
//! time is RFC 3339 or local `YYYY-MM-DD HH:MM[:SS]` (also with `T`) or a
//! local date (its midnight). A quoted field may span lines (RFC 4180).
//! An empty parameter cell is a parameter not
//! measured. Every mistake is an error at `file:line:column`; a file with
//! any error records nothing.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::water::{Entry, Part, check};
use crate::config::Config;
use crate::config::calendar_csv::fields;
use crate::domain::water::{Class, NewReading, gb3838};

/// A mistake in a readings CSV: `file:line:column: what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: Option<usize>,
    /// 1-based column (field) number.
    pub col: Option<usize>,
    pub what: String,
}

impl CsvError {
    pub fn text(&self, file: &str) -> String {
        let what = crate::text::sanitize(&self.what);
        match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}: {what}"),
            (Some(l), None) => format!("{file}:{l}: {what}"),
            _ => format!("{file}: {what}"),
        }
    }
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Col {
    Section,
    SampledAt,
    Class,
    Param(&'static gb3838::Param),
}

fn column(name: &str) -> Option<Col> {
    let n = name.trim();
    let lower = n.to_ascii_lowercase();
    Some(match lower.as_str() {
        "section" | "section_id" | "断面" | "断面编号" => Col::Section,
        "sampled_at" | "time" | "采样时间" => Col::SampledAt,
        "class" | "水质类别" | "类别" => Col::Class,
        _ => Col::Param(gb3838::find(n)?),
    })
}

/// A sampling time: RFC 3339, local date and time, or a local date.
pub fn parse_time(s: &str, config: &Config) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    let local = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    })?;
    config
        .settings
        .timezone
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

const UNCLOSED: &str = "a quoted field is not closed by the end of the file";

/// The file's records with their first line's number, blank lines left
/// out. A quoted field may span lines (RFC 4180): a line whose quote is
/// still open is joined with the next, its line break kept in the field.
fn records(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String, Quote)> = None;
    for (i, l) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let l = l.trim_end_matches('\r');
        let (n, record, state) = match open.take() {
            Some((n, so_far, q)) => (n, format!("{so_far}\n{l}"), q.scan("\n").scan(l)),
            None if l.trim().is_empty() => continue,
            None => (i + 1, l.to_string(), Quote::default().scan(l)),
        };
        if state.quoted {
            open = Some((n, record, state));
        } else {
            out.push((n, record));
        }
    }
    // Still open at the end: kept, so the caller reports it once, at the
    // line where it opened.
    out.extend(open.map(|(n, record, _)| (n, record)));
    out
}

/// Where a record's scan stands, as `fields` reads quotes: in a quoted
/// field or not, and whether the field so far is blank (a quote opens a
/// field only there). Kept across lines, so each line is read once.
#[derive(Debug, Clone, Copy)]
struct Quote {
    quoted: bool,
    blank: bool,
    /// A quote just closed the field, unless the next char is a quote too.
    closing: bool,
}

impl Default for Quote {
    fn default() -> Self {
        Quote {
            quoted: false,
            blank: true,
            closing: false,
        }
    }
}

impl Quote {
    fn scan(mut self, s: &str) -> Quote {
        for c in s.chars() {
            if self.closing {
                self.closing = false;
                if c == '"' {
                    // `""` inside a quoted field: one quote, still open.
                    self.quoted = true;
                    self.blank = false;
                    continue;
                }
            }
            match (self.quoted, c) {
                (true, '"') => {
                    self.quoted = false;
                    self.closing = true;
                }
                (true, c) => self.blank &= c.is_whitespace(),
                (false, '"') if self.blank => self.quoted = true,
                (false, ',') => self.blank = true,
                (false, c) => self.blank &= c.is_whitespace(),
            }
        }
        self
    }
}

/// Read `text` (shown as `display`): every row checked as `water add`
/// checks a reading, with its line. `Err` holds every mistake.
pub fn parse(
    config: &Config,
    display: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Vec<(usize, NewReading)>, Vec<CsvError>> {
    let at = |line: usize, col: Option<usize>, what: String| CsvError {
        line: Some(line),
        col,
        what,
    };
    let mut lines = records(text).into_iter();
    let Some((head_line, header)) = lines.next() else {
        return Err(vec![CsvError {
            line: None,
            col: None,
            what: "the file is empty: the first line names the columns (section, sampled_at, class or parameter codes)".into(),
        }]);
    };
    let mut errors = Vec::new();
    let names = fields(&header).map_err(|_| vec![at(head_line, None, UNCLOSED.into())])?;
    let mut cols: Vec<Option<Col>> = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let c = column(n);
        match c {
            None => errors.push(at(
                head_line,
                Some(i + 1),
                format!(
                    "unknown column '{n}': the columns are section, sampled_at, and class or parameter codes ({})",
                    gb3838::codes()
                ),
            )),
            Some(c) if cols.contains(&Some(c)) => {
                errors.push(at(head_line, Some(i + 1), format!("column '{n}' is named twice")))
            }
            _ => {}
        }
        cols.push(c);
    }
    let has = |c: Col| cols.contains(&Some(c));
    let params = cols.iter().any(|c| matches!(c, Some(Col::Param(_))));
    let mut missing = Vec::new();
    if !has(Col::Section) {
        missing.push("section");
    }
    if !has(Col::SampledAt) {
        missing.push("sampled_at");
    }
    if !has(Col::Class) && !params {
        missing.push("class or parameter columns");
    }
    if !missing.is_empty() {
        errors.insert(
            0,
            at(head_line, None, format!("no column {}", missing.join(", "))),
        );
    }
    if has(Col::Class) && params {
        errors.push(at(
            head_line,
            None,
            "a file gives either a class column or parameter columns, not both".into(),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let col_of = |c: Col| cols.iter().position(|x| *x == Some(c)).map(|i| i + 1);
    let mut out = Vec::new();
    let mut seen: BTreeMap<(String, DateTime<Utc>), usize> = BTreeMap::new();
    for (n, line) in lines {
        let Ok(values) = fields(&line) else {
            errors.push(at(n, None, UNCLOSED.into()));
            continue;
        };
        if values.len() > cols.len() {
            errors.push(at(
                n,
                Some(cols.len() + 1),
                format!("{} fields, the header names {}", values.len(), cols.len()),
            ));
            continue;
        }
        let cell = |c: Col| {
            col_of(c)
                .and_then(|i| values.get(i - 1))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let before = errors.len();
        let section = cell(Col::Section).to_string();
        if section.is_empty() {
            errors.push(at(n, col_of(Col::Section), "the section is empty".into()));
        } else if !config.sections.iter().any(|s| s.id == section) {
            let e = super::water::WaterOpError::UnknownSection {
                id: section.clone(),
                known: super::water::section_ids(config),
            };
            errors.push(at(n, col_of(Col::Section), e.to_string()));
        }
        let when = cell(Col::SampledAt);
        let sampled_at = parse_time(when, config);
        if sampled_at.is_none() {
            errors.push(at(
                n,
                col_of(Col::SampledAt),
                format!(
                    "'{when}' is not a time: write 2026-11-05 10:00 (local), a date, or RFC 3339"
                ),
            ));
        }
        let mut class = None;
        let mut given = Vec::new();
        for (i, c) in cols.iter().enumerate() {
            let v = values.get(i).map(|s| s.trim()).unwrap_or("");
            match c {
                Some(Col::Class) => match Class::parse(v) {
                    Some(k) => class = Some(k),
                    None => errors.push(at(
                        n,
                        Some(i + 1),
                        format!("'{v}' is not a class: write I, II, III, IV, V or 劣V (also Ⅰ…Ⅴ, with or without 类)"),
                    )),
                },
                Some(Col::Param(p)) if !v.is_empty() => match v.parse::<f64>() {
                    Ok(x) => given.push((p.code.to_string(), x)),
                    Err(_) => errors.push(at(
                        n,
                        Some(i + 1),
                        format!("{} = '{v}' is not a number", p.code),
                    )),
                },
                _ => {}
            }
        }
        let (Some(sampled_at), true) = (sampled_at, errors.len() == before) else {
            continue;
        };
        let entry = Entry {
            section,
            sampled_at,
            class,
            params: given,
            origin: format!("import:{display}:{n}"),
        };
        match check(config, now, &entry) {
            Ok(r) => {
                let key = (r.section.clone(), r.sampled_at);
                if let Some(first) = seen.get(&key) {
                    errors.push(at(
                        n,
                        None,
                        format!(
                            "section {} at {when} is read already on line {first}",
                            r.section
                        ),
                    ));
                    continue;
                }
                seen.insert(key, n);
                out.push((n, r));
            }
            Err(e) => {
                let col = match e.part() {
                    Part::Section => col_of(Col::Section),
                    Part::Time => col_of(Col::SampledAt),
                    Part::Class => col_of(Col::Class),
                    Part::Param(code) => gb3838::find(&code).and_then(|p| col_of(Col::Param(p))),
                    Part::Row => None,
                };
                errors.push(at(n, col, e.to_string()));
            }
        }
    }
    if errors.is_empty() && out.is_empty() {
        errors.push(CsvError {
            line: None,
            col: None,
            what: "no readings: the file has a header and nothing else".into(),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
