//! `gridwatch water [--from DATE --to DATE] [--json]`: per outflow section
//! and month the worst class against the target, pass/fail/no data, and the
//! period's verdict (`board::water`), then each township's verdict. `water add SECTION --at TIME (--class
//! C | --param CODE=VALUE…)` records one reading; `water import FILE.csv`
//! a file of them (`ops::water_csv`), all or nothing.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Months, NaiveDate};
use clap::Subcommand;

use super::{Context, Failure};
use crate::board::water::{MonthRow, SectionRow, WaterBoard, months};
use crate::config::Config;
use crate::domain::water::{
    Class, MonthVerdict, NewReading, PeriodVerdict, Recorded, Written, gb3838,
};
use crate::i18n::{Lang, T, fill};
use crate::ops::water::{Entry, check};
use crate::store::Durability;
use crate::text::sanitize;

/// The largest CSV read (as every config file and `sources import`).
const MAX_IMPORT_BYTES: u64 = 4 << 20;
/// The longest period shown.
const MAX_MONTHS: usize = 120;

#[derive(Debug, Subcommand)]
pub enum WaterCommand {
    /// Record one reading of an outflow section: a class or parameter values
    Add {
        /// Section id (see config/sections.toml)
        section: String,
        /// When it was sampled: RFC 3339, YYYY-MM-DD HH:MM (local) or HH:MM today
        #[arg(long, value_name = "TIME")]
        at: String,
        /// The class as the lab gave it: I, II, III, IV, V or 劣V (also Ⅰ…Ⅴ)
        #[arg(long, value_name = "CLASS", conflicts_with = "params")]
        class: Option<String>,
        /// A concentration, CODE=VALUE (mg/L; pH without unit, FC per litre);
        /// repeat for each parameter, e.g. --param NH3-N=1.2 --param COD=18
        #[arg(
            long = "param",
            value_name = "CODE=VALUE",
            required_unless_present = "class"
        )]
        params: Vec<String>,
    },
    /// Import readings from a CSV file (section, sampled_at, and class or
    /// parameter columns); nothing is recorded if any line is wrong
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

pub fn run(
    ctx: &Context,
    action: Option<WaterCommand>,
    from: Option<String>,
    to: Option<String>,
    json: bool,
) -> Result<(), Failure> {
    match action {
        Some(WaterCommand::Add {
            section,
            at,
            class,
            params,
        }) => add(ctx, section, &at, class.as_deref(), &params),
        Some(WaterCommand::Import { file }) => import(ctx, &file),
        None => show(ctx, from.as_deref(), to.as_deref(), json),
    }
}

fn date(text: &str, lang: Lang) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Failure::User(fill(
            T::WaterBadDate.get(lang),
            &[("text", &sanitize(text))],
        ))
    })
}

/// The period asked for: by default the three whole months before this
/// one (a month under way has no sample yet, mostly).
fn period(
    ctx: &Context,
    config: &Config,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(NaiveDate, NaiveDate), Failure> {
    let lang = ctx.lang(config);
    let today = ctx
        .now()
        .with_timezone(&config.settings.timezone)
        .date_naive();
    let last_month_end = today
        .with_day(1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(today);
    let to = to
        .map(|t| date(t, lang))
        .transpose()?
        .unwrap_or(last_month_end);
    let from = match from {
        Some(f) => date(f, lang)?,
        None => to
            .with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(2)))
            .unwrap_or(to),
    };
    crate::report::assess::Period::new(from, to, config.settings.timezone)
        .map_err(|e| super::report::period_failure(lang, e, from, to))?;
    let n = months(from, to).len();
    if n == 0 || n > MAX_MONTHS {
        return Err(Failure::User(fill(
            T::WaterBadPeriod.get(lang),
            &[("from", &from.to_string()), ("to", &to.to_string())],
        )));
    }
    Ok((from, to))
}

fn show(ctx: &Context, from: Option<&str>, to: Option<&str>, json: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let (from, to) = period(ctx, &config, from, to)?;
    let store = ctx.open_store(&config, Durability::Normal)?;
    let board = WaterBoard::load(&store, &config, from, to)?;
    if json {
        let townships: Vec<serde_json::Value> = config
            .grids
            .iter()
            .filter_map(|g| {
                let v = board.township_verdict(&g.id)?;
                Some(serde_json::json!({"grid": g.id, "name": g.name, "verdict": v}))
            })
            .collect();
        let out = serde_json::json!({
            "from": from, "to": to, "months": board.months,
            "sections": board.sections, "townships": townships,
        });
        outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return Ok(());
    }
    outln!(
        "{}",
        fill(
            T::WaterTitle.get(lang),
            &[("from", &from.to_string()), ("to", &to.to_string())]
        )
    );
    if board.sections.is_empty() {
        outln!("{}", T::WaterNoSections.get(lang));
        return Ok(());
    }
    for s in &board.sections {
        outln!();
        outln!("{}", section_line(lang, s));
        for m in &s.months {
            outln!("  {}", month_line(lang, m));
        }
    }
    outln!();
    outln!("{}", T::WaterTownships.get(lang));
    for g in config.grids.iter() {
        if let Some(v) = board.township_verdict(&g.id) {
            outln!(
                "  {}",
                fill(
                    T::WaterTownshipLine.get(lang),
                    &[
                        ("grid", &sanitize(&g.id)),
                        ("name", &sanitize(&g.name)),
                        ("verdict", verdict_words(v).get(lang)),
                    ],
                )
            );
        }
    }
    let (pass, fail, incomplete) = board.counts();
    outln!();
    outln!(
        "{}",
        fill(
            T::WaterSummary.get(lang),
            &[
                ("n", &board.sections.len().to_string()),
                ("pass", &pass.to_string()),
                ("fail", &fail.to_string()),
                ("incomplete", &incomplete.to_string()),
            ],
        )
    );
    Ok(())
}

/// A class as the reader's language writes it.
pub fn class_words(lang: Lang, c: Class) -> &'static str {
    match lang {
        Lang::Zh => c.zh(),
        Lang::En => c.roman(),
    }
}

fn verdict_words(v: PeriodVerdict) -> T {
    match v {
        PeriodVerdict::Pass => T::WaterPass,
        PeriodVerdict::Fail => T::WaterFail,
        PeriodVerdict::Incomplete => T::WaterIncomplete,
    }
}

fn section_line(lang: Lang, s: &SectionRow) -> String {
    let verdict = verdict_words(s.verdict);
    fill(
        T::WaterSectionLine.get(lang),
        &[
            ("id", &sanitize(&s.id)),
            ("name", &sanitize(&s.name)),
            ("river", &sanitize(&s.river)),
            ("township", &sanitize(&s.grid_name)),
            ("target", class_words(lang, s.target)),
            ("verdict", verdict.get(lang)),
        ],
    )
}

fn month_line(lang: Lang, m: &MonthRow) -> String {
    let class = match (m.class, &m.worst) {
        (Some(c), Some(w)) => format!("{} ({})", class_words(lang, c), sanitize(w)),
        (Some(c), None) => class_words(lang, c).to_string(),
        (None, _) => T::WaterNoReading.get(lang).to_string(),
    };
    let verdict = match m.verdict {
        MonthVerdict::Pass => T::WaterPass,
        MonthVerdict::Fail => T::WaterFail,
        MonthVerdict::NoData => T::WaterNoData,
    };
    fill(
        T::WaterMonthLine.get(lang),
        &[
            ("month", &m.month.to_string()),
            ("class", &class),
            ("verdict", verdict.get(lang)),
        ],
    )
}

fn add(
    ctx: &Context,
    section: String,
    at: &str,
    class: Option<&str>,
    params: &[String],
) -> Result<(), Failure> {
    let config = ctx.config()?;
    let (lang, now) = (ctx.lang(&config), ctx.now());
    let sampled_at = super::act::parse_at(at, &config, lang, now)?;
    let class = class
        .map(|c| {
            Class::parse(c).ok_or_else(|| {
                Failure::User(fill(T::WaterBadClass.get(lang), &[("text", &sanitize(c))]))
            })
        })
        .transpose()?;
    let mut given = Vec::new();
    for p in params {
        let parsed = p
            .split_once('=')
            .and_then(|(c, v)| Some((c.trim().to_string(), v.trim().parse::<f64>().ok()?)));
        let Some(pair) = parsed else {
            return Err(Failure::User(fill(
                T::WaterBadParam.get(lang),
                &[("text", &sanitize(p)), ("codes", &gb3838::codes())],
            )));
        };
        given.push(pair);
    }
    let entry = Entry {
        section,
        sampled_at,
        class,
        params: given,
        origin: "entry".into(),
    };
    let reading = check(&config, now, &entry).map_err(|e| Failure::User(e.to_string()))?;
    let mut store = ctx.open_store(&config, Durability::Normal)?;
    let recorded = crate::ops::water::record(
        &mut store,
        &ctx.actor(),
        now,
        std::slice::from_ref(&reading),
    )?;
    match recorded {
        Recorded::Done(w) => match w.first() {
            Some(Written::New(id)) => outln!("{}", recorded_line(lang, &config, *id, &reading)),
            Some(Written::Same(id)) => outln!(
                "{}",
                fill(T::WaterAlready.get(lang), &[("id", &id.to_string())])
            ),
            None => {}
        },
        Recorded::Conflict { stored, .. } => {
            return Err(Failure::User(conflict(lang, &config, &stored)));
        }
    }
    Ok(())
}

fn local(config: &Config, t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&config.settings.timezone)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn recorded_line(lang: Lang, config: &Config, id: i64, r: &NewReading) -> String {
    let section = config.sections.iter().find(|s| s.id == r.section);
    let class = match r.worst {
        Some(w) => format!("{} ({w})", class_words(lang, r.class)),
        None => class_words(lang, r.class).to_string(),
    };
    let target = section.map(|s| s.target);
    let mark = match target {
        Some(t) if r.class.meets(t) => "✔",
        Some(_) => "✖",
        None => "",
    };
    let target = target.map_or("-", |t| class_words(lang, t));
    format!(
        "{} {mark}",
        fill(
            T::WaterRecorded.get(lang),
            &[
                ("id", &id.to_string()),
                ("section", &sanitize(&r.section)),
                (
                    "name",
                    &section.map(|s| sanitize(&s.name)).unwrap_or_default()
                ),
                ("at", &local(config, r.sampled_at)),
                ("class", &class),
                ("target", target),
            ],
        )
    )
}

fn conflict(lang: Lang, config: &Config, stored: &crate::domain::water::ReadingRow) -> String {
    fill(
        T::WaterConflict.get(lang),
        &[
            ("section", &sanitize(&stored.section)),
            ("at", &local(config, stored.sampled_at)),
            ("id", &stored.id.to_string()),
            ("class", class_words(lang, stored.class)),
        ],
    )
}

fn import(ctx: &Context, file: &Path) -> Result<(), Failure> {
    let config = ctx.config()?;
    let (lang, now) = (ctx.lang(&config), ctx.now());
    let display = sanitize(&file.display().to_string());
    let text = super::calendar::read_csv_at_most(file, lang, MAX_IMPORT_BYTES, T::WaterCsvTooBig)
        .map_err(|why| Failure::User(format!("{display}: {why}")))?;
    let refused = |n: usize| {
        fill(
            T::WaterImportRefused.get(lang),
            &[
                (
                    "errors",
                    &crate::i18n::count(T::WaterNErrors, lang, n as i64),
                ),
                ("file", &display),
            ],
        )
    };
    let rows = match crate::ops::water_csv::parse(&config, &display, &text, now) {
        Ok(rows) => rows,
        Err(errors) => {
            for e in &errors {
                warnln!("{}", e.text(&display));
            }
            return Err(Failure::User(refused(errors.len())));
        }
    };
    let readings: Vec<NewReading> = rows.iter().map(|(_, r)| r.clone()).collect();
    let mut store = ctx.open_store(&config, Durability::Normal)?;
    match crate::ops::water::record(&mut store, &ctx.actor(), now, &readings)? {
        Recorded::Done(w) => {
            let new = w.iter().filter(|x| matches!(x, Written::New(_))).count();
            outln!(
                "{}",
                fill(
                    T::WaterImported.get(lang),
                    &[
                        ("file", &display),
                        ("new", &new.to_string()),
                        ("same", &(w.len() - new).to_string()),
                    ],
                )
            );
            Ok(())
        }
        Recorded::Conflict { index, stored } => {
            let line = rows.get(index).map_or(0, |(n, _)| *n);
            warnln!("{display}:{line}: {}", conflict(lang, &config, &stored));
            Err(Failure::User(refused(1)))
        }
    }
}
