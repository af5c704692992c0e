//! `gridwatch calendar import FILE`: a holiday arrangement as CSV, checked
//! line by line and turned into one `calendar/cn-YYYY.toml` per year.
//!
//! The first line names the columns. `date` (YYYY-MM-DD) and `kind` are
//! needed: `holiday` or `off` (a public holiday), `work` or `makeup_work` (a
//! make-up working day). `name` or `holiday_name` names the holiday, and
//! `source` or `source_paper` where it was published; other columns are
//! ignored. Every mistake is an error with file:line; a file with any error
//! gives nothing to write.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::domain::calendar::YearArrangement;
use crate::i18n::{Lang, T, fill};

/// The years an arrangement may be for: the State Council publishes one
/// year ahead; these bounds only keep typos (`0001`, `9999`) out.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The years of one CSV file, checked.
#[derive(Debug, Default, PartialEq)]
pub struct Imported {
    pub years: BTreeMap<i32, YearArrangement>,
    /// Where each year's arrangement was published, when the file says.
    pub sources: BTreeMap<i32, String>,
    /// Not wrong, but worth a look (a make-up working day on a weekday).
    pub warnings: Vec<CsvError>,
}

/// A mistake (or a warning) in a calendar CSV, located: `file:line: what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub file: String,
    /// `None`: the file as a whole.
    pub line: Option<usize>,
    pub problem: Problem,
}

/// What is wrong with a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    NoColumns,
    Unclosed,
    BadDate(String),
    /// A date outside the years a holiday arrangement can be for.
    FarYear(NaiveDate),
    BadKind(String),
    Twice {
        date: NaiveDate,
        first: usize,
    },
    TwoKinds {
        date: NaiveDate,
        first: usize,
        was: Kind,
        now: Kind,
    },
    NoDates,
    /// A warning: a make-up working day that is a weekday already.
    MakeupOnWeekday(NaiveDate),
}

impl CsvError {
    /// `file:line: what`, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
        let kind = |k: Kind| match k {
            Kind::Off => T::CliCsvKindOff.get(lang),
            Kind::Work => T::CliCsvKindWork.get(lang),
        };
        let what = match &self.problem {
            Problem::Empty => T::CliCsvEmpty.get(lang).to_string(),
            Problem::NoColumns => T::CliCsvNoColumns.get(lang).to_string(),
            Problem::Unclosed => T::CliCsvUnclosed.get(lang).to_string(),
            Problem::BadDate(text) => say(T::CliCsvBadDate, &[("text", text)]),
            Problem::FarYear(date) => say(
                T::CliCsvFarYear,
                &[
                    ("date", &date.to_string()),
                    ("from", &YEARS.start().to_string()),
                    ("to", &YEARS.end().to_string()),
                ],
            ),
            Problem::BadKind(text) => say(T::CliCsvBadKind, &[("text", text)]),
            Problem::Twice { date, first } => say(
                T::CliCsvTwice,
                &[("date", &date.to_string()), ("first", &first.to_string())],
            ),
            Problem::TwoKinds {
                date,
                first,
                was,
                now,
            } => say(
                T::CliCsvTwoKinds,
                &[
                    ("date", &date.to_string()),
                    ("first", &first.to_string()),
                    ("was", kind(*was)),
                    ("now", kind(*now)),
                ],
            ),
            Problem::NoDates => T::CliCsvNoDates.get(lang).to_string(),
            Problem::MakeupOnWeekday(date) => {
                let day = crate::i18n::weekday(date.weekday()).get(lang);
                say(
                    T::CliCsvMakeupWeekday,
                    &[("date", &date.to_string()), ("weekday", day)],
                )
            }
        };
        match self.line {
            Some(line) => format!("{}:{line}: {what}", self.file),
            None => format!("{}: {what}", self.file),
        }
    }
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A day of the file: a holiday, or a make-up working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Off,
    Work,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "holiday" | "off" => Some(Kind::Off),
            "work" | "makeup_work" => Some(Kind::Work),
            _ => None,
        }
    }
}

/// Split one CSV line into fields: commas, and double quotes around a field
/// that holds commas (`""` inside is one quote).
pub(crate) fn fields(line: &str) -> Result<Vec<String>, Problem> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            (false, ',') => out.push(std::mem::take(&mut field)),
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(Problem::Unclosed);
    }
    out.push(field);
    Ok(out.into_iter().map(|f| f.trim().to_string()).collect())
}

/// Read `text` (the CSV file shown as `display`).
pub fn parse(display: &str, text: &str) -> Result<Imported, Vec<CsvError>> {
    let at = |line: Option<usize>, problem: Problem| CsvError {
        file: display.to_string(),
        line,
        problem,
    };
    let err = |line: usize, problem: Problem| at(Some(line), problem);
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((head_line, head)) = lines.next() else {
        return Err(vec![at(None, Problem::Empty)]);
    };
    let names = fields(head).map_err(|e| vec![err(head_line, e)])?;
    let column = |wanted: &[&str]| {
        names
            .iter()
            .position(|n| wanted.contains(&n.to_ascii_lowercase().as_str()))
    };
    let (Some(date_col), Some(kind_col)) = (column(&["date"]), column(&["kind"])) else {
        return Err(vec![err(head_line, Problem::NoColumns)]);
    };
    let name_col = column(&["name", "holiday_name"]);
    let source_col = column(&["source", "source_paper"]);

    let mut out = Imported::default();
    let mut errors = Vec::new();
    let mut seen: BTreeMap<NaiveDate, (usize, Kind)> = BTreeMap::new();
    for (n, line) in lines {
        let row = match fields(line) {
            Ok(row) => row,
            Err(e) => {
                errors.push(err(n, e));
                continue;
            }
        };
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).map(String::as_str).unwrap_or("");
        let (date_text, kind_text) = (get(Some(date_col)), get(Some(kind_col)));
        let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d");
        let kind = Kind::parse(kind_text);
        let Ok(date) = date else {
            errors.push(err(n, Problem::BadDate(date_text.to_string())));
            continue;
        };
        if !YEARS.contains(&date.year()) {
            errors.push(err(n, Problem::FarYear(date)));
            continue;
        }
        let Some(kind) = kind else {
            errors.push(err(n, Problem::BadKind(kind_text.to_string())));
            continue;
        };
        if let Some(&(first, was)) = seen.get(&date) {
            errors.push(err(
                n,
                if was == kind {
                    Problem::Twice { date, first }
                } else {
                    Problem::TwoKinds {
                        date,
                        first,
                        was,
                        now: kind,
                    }
                },
            ));
            continue;
        }
        seen.insert(date, (n, kind));
        let year = out.years.entry(date.year()).or_default();
        let name = get(name_col).to_string();
        match kind {
            Kind::Off => year.off.insert(date, name),
            Kind::Work => year.work.insert(date, name),
        };
        if kind == Kind::Work && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            out.warnings.push(err(n, Problem::MakeupOnWeekday(date)));
        }
        let source = get(source_col);
        if !source.is_empty() {
            out.sources
                .entry(date.year())
                .or_insert_with(|| source.to_string());
        }
    }
    if out.years.is_empty() && errors.is_empty() {
        errors.push(at(None, Problem::NoDates));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// A TOML string, quoted and escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The text of `calendar/cn-YYYY.toml` for one year: one `[[holiday]]` per
/// name, in the order of their first date.
pub fn render(year: i32, y: &YearArrangement, source: Option<&str>, from: &str) -> String {
    let mut groups: Vec<(String, Vec<NaiveDate>, Vec<NaiveDate>)> = Vec::new();
    let mut all: Vec<(NaiveDate, &String, bool)> = y
        .off
        .iter()
        .map(|(d, n)| (*d, n, true))
        .chain(y.work.iter().map(|(d, n)| (*d, n, false)))
        .collect();
    all.sort();
    for (date, name, off) in all {
        let i = match groups.iter().position(|(n, _, _)| n == name) {
            Some(i) => i,
            None => {
                groups.push((name.clone(), Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        if off {
            groups[i].1.push(date);
        } else {
            groups[i].2.push(date);
        }
    }
    let list = |dates: &[NaiveDate]| {
        dates
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = format!(
        "# Holiday arrangement for {year}, written by `gridwatch calendar import` from {from}.\n\
         # off  = public holiday (non-working day, 60 min regime all day)\n\
         # work = make-up working day on a weekend (调休上班: a working day like Mon-Fri)\n\
         year = {year}\n"
    );
    if let Some(s) = source {
        out.push_str(&format!("source = {}\n", quoted(s)));
    }
    for (name, off, work) in groups {
        out.push_str(&format!(
            "\n[[holiday]]\nname = {}\noff = [{}]\nwork = [{}]\n",
            quoted(&name),
            list(&off),
            list(&work)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn columns_are_found_by_name_and_years_split() {
        let text = "\u{feff}weekday,kind,date,holiday_name,source_paper\r\n\
                    Fri,holiday,2027-01-01,元旦,https://example.cn/a\r\n\
                    Sat,makeup_work,2027-02-06,\"春节, 调休\",\r\n\
                    Wed,off,2026-12-30,,\r\n";
        let got = parse("h.csv", text).unwrap();
        assert_eq!(got.years.len(), 2);
        assert_eq!(got.years[&2027].off[&d("2027-01-01")], "元旦");
        assert_eq!(got.years[&2027].work[&d("2027-02-06")], "春节, 调休");
        assert_eq!(got.years[&2026].off[&d("2026-12-30")], "");
        assert_eq!(got.sources[&2027], "https://example.cn/a");
        assert!(got.warnings.is_empty());
    }

    #[test]
    fn every_bad_line_is_an_error_with_its_line() {
        let text = "date,kind\n2027-01-01,holiday\n2027-02-30,holiday\n2027-03-01,festival\n\n2027-01-01,work\n2027-01-01,holiday\n\"2027-05-01,off\n";
        let shown: Vec<String> = parse("h.csv", text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "h.csv:3: '2027-02-30' is not a date like 2027-01-01",
                "h.csv:4: kind 'festival' is not holiday, off, work or makeup_work",
                "h.csv:6: 2027-01-01 is listed as a holiday on line 2 and as a make-up working day here: which is it?",
                "h.csv:7: 2027-01-01 is listed twice (also on line 2)",
                "h.csv:8: a quoted field is not closed (a `\"` is missing)",
            ]
        );
        let e = parse("h.csv", "day,type\n2027-01-01,off\n").unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("h.csv:1: the first line names the columns")
        );
        assert!(parse("h.csv", "").is_err());
        assert!(parse("h.csv", "date,kind\n").is_err());
    }

    #[test]
    fn the_rendered_file_reads_back_as_the_same_year() {
        let text = "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-07,work,春节\n2027-02-06,holiday,\"春节 \"\"大\"\"\"\n";
        let got = parse("h.csv", text).unwrap();
        let toml = render(
            2027,
            &got.years[&2027],
            Some("https://example.cn/\"q\""),
            "h.csv",
        );
        let (back, warnings) = super::super::calendar::check("cn-2027.toml", 2027, &toml).unwrap();
        assert_eq!(back, got.years[&2027]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(toml.contains("name = \"元旦\""), "{toml}");
    }
}
