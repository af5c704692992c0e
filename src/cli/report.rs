//! `gridwatch report --from DATE --to DATE [--format md|csv|json]
//! [--level N] [--bom]`: the assessment table (考核) per grid at level N
//! (default 2, the townships), each with its whole subtree, over local
//! calendar days — Markdown, CSV or JSON on stdout, in the interface
//! language (`--lang zh`: Chinese headers, also in the CSV).

use super::view::json_text;
use super::{Context, Failure};
use crate::i18n::{Lang, T, fill};
use crate::report::assess::period::{PeriodError, parse_date};
use crate::report::assess::{Period, csv, json, md};
use crate::store::Durability;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// First day of the period (YYYY-MM-DD, local days of the configured timezone)
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Last day of the period, included (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// Output format
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Grid level of the rows: 1 city, 2 townships, 3 villages, 4 enterprise groups
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub level: u8,
    /// Start the CSV with a UTF-8 byte-order mark (so Excel opens it as
    /// UTF-8); only with --format csv
    #[arg(long)]
    pub bom: bool,
}

pub(super) fn run(ctx: &Context, a: Args) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let tz = config.settings.timezone;
    let from = date(lang, "from", &a.from)?;
    let to = date(lang, "to", &a.to)?;
    if a.bom && a.format != Format::Csv {
        return Err(Failure::User(T::RepBomCsvOnly.get(lang).into()));
    }
    let period = Period::new(from, to, tz).map_err(|e| period_failure(lang, e, from, to))?;
    let store = ctx.open_store(&config, Durability::Normal)?;
    let report = crate::board::report::load(&store, &config, period, a.level, ctx.now())?;
    match a.format {
        Format::Md => out!("{}", md::markdown(lang, tz, &report)),
        Format::Csv => out!("{}", csv::csv(lang, tz, &report, a.bom)),
        Format::Json => outln!("{}", json_text(&json::json(lang, tz, &report))),
    }
    Ok(())
}

fn date(lang: Lang, flag: &str, text: &str) -> Result<chrono::NaiveDate, Failure> {
    parse_date(text).ok_or_else(|| {
        Failure::User(fill(
            T::RepBadDate.get(lang),
            &[("flag", flag), ("value", &crate::text::sanitize(text))],
        ))
    })
}

/// Why a period is refused, in `lang` (also `water`'s wording).
pub(super) fn period_failure(
    lang: Lang,
    e: PeriodError,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Failure {
    let t = match e {
        PeriodError::Backwards => T::RepBackwards,
        PeriodError::OutOfRange => T::RepOutOfRange,
        PeriodError::Implausible => T::RepImplausible,
    };
    let (from, to) = (from.to_string(), to.to_string());
    Failure::User(fill(t.get(lang), &[("from", &from), ("to", &to)]))
}
