//! `gridwatch calendar import FILE` and `calendar show YEAR`, and the
//! calendar's warnings as `status` and `check-config` print them.
//!
//! An import checks the whole file before anything is written (file:line
//! errors, exit 1, nothing written), writes each year atomically, and says
//! which files it wrote. It refuses the embedded demo county: there is no
//! file to write that the program would read.

use std::path::Path;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::view::table;
use super::words::weekday;
use super::{CalendarCommand, Context, Failure};
use crate::config::calendar::{self as files, gap_text, write_atomically};
use crate::config::{Config, ConfigSource, calendar_csv};
use crate::i18n::{Lang, T, count, fill};
use crate::text::sanitize;

pub(super) fn run(ctx: &Context, cmd: CalendarCommand) -> Result<(), Failure> {
    match cmd {
        CalendarCommand::Import { file } => import(ctx, &file),
        CalendarCommand::Show { year } => show(ctx, year),
    }
}

/// The configuration's warnings and the calendar's gaps on the local date of `now`.
pub(super) fn warnings(config: &Config, lang: Lang, now: DateTime<Utc>) -> Vec<String> {
    let today = now.with_timezone(&config.settings.timezone).date_naive();
    let mut out = config.warnings.clone();
    out.extend(
        config
            .calendar
            .gaps(today)
            .into_iter()
            .map(|g| gap_text(lang, g)),
    );
    out
}

/// The most errors of one CSV printed (the count says the rest).
const SHOWN_ERRORS: usize = 20;

/// The largest CSV read: years of holidays are a few kilobytes.
const MAX_CSV_BYTES: u64 = 1 << 20;

/// The CSV's text: a regular file (not a pipe or a device, which could
/// block or never end), at most [`MAX_CSV_BYTES`], in UTF-8 (Excel's GBK
/// is refused with how to save it, rather than read into garbled names).
/// The error says why, in `lang`.
pub(super) fn read_csv(file: &Path, lang: crate::i18n::Lang) -> Result<String, String> {
    read_csv_at_most(file, lang, MAX_CSV_BYTES, T::CliCsvTooBig)
}

/// [`read_csv`] with another size limit.
pub(super) fn read_csv_at_most(
    file: &Path,
    lang: crate::i18n::Lang,
    max_bytes: u64,
    too_big: T,
) -> Result<String, String> {
    use std::io::Read;
    let meta = std::fs::metadata(file).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(T::CliCsvNotAFile.get(lang).into());
    }
    if meta.len() > max_bytes {
        let size = meta.len().to_string();
        let max = max_bytes.to_string();
        return Err(fill(too_big.get(lang), &[("bytes", &size), ("max", &max)]));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(max_bytes + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to().to_string();
        fill(T::CliCsvNotUtf8.get(lang), &[("at", &at)])
    })
}

fn import(ctx: &Context, file: &Path) -> Result<(), Failure> {
    let lang = ctx.lang_guess();
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let shown = sanitize(&file.display().to_string());
    let dir = match &ctx.source {
        ConfigSource::Embedded => {
            return Err(Failure::User(T::CliCalendarEmbedded.get(lang).into()));
        }
        source @ ConfigSource::Dir(d) => {
            if !d.is_dir() {
                let d = super::context::absolute(d).display().to_string();
                return Err(Failure::User(say(T::CliNoConfigDir, &[("dir", &d)])));
            }
            files::dir(source).unwrap_or_else(|| d.join("calendar"))
        }
    };
    let text = read_csv(file, lang)
        .map_err(|why| Failure::User(say(T::CliCannotRead, &[("file", &shown), ("why", &why)])))?;
    let imported = match calendar_csv::parse(&shown, &text) {
        Ok(imported) => imported,
        Err(errors) => {
            // A file of a million bad lines is told in a screenful.
            for e in errors.iter().take(SHOWN_ERRORS) {
                warnln!("{}", sanitize(&e.text(lang)));
            }
            if errors.len() > SHOWN_ERRORS {
                let more = (errors.len() - SHOWN_ERRORS).to_string();
                warnln!("{}", say(T::CliMoreErrors, &[("n", &more)]));
            }
            warnln!(
                "{}",
                say(
                    T::CliImportErrors,
                    &[
                        ("errors", &count(T::CliNErrors, lang, errors.len() as i64)),
                        ("file", &shown)
                    ]
                )
            );
            return Err(Failure::Reported);
        }
    };
    // Every year as the configuration will read it, before anything is written.
    let mut texts = Vec::new();
    for (year, y) in &imported.years {
        let path = dir.join(format!("cn-{year}.toml"));
        let from = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = calendar_csv::render(
            *year,
            y,
            imported.sources.get(year).map(String::as_str),
            &sanitize(&from),
        );
        files::check(&path.display().to_string(), *year, &text).map_err(|errors| {
            let first = errors.first().map(ToString::to_string).unwrap_or_default();
            Failure::Internal(format!(
                "the calendar written for {year} does not read back: {first}"
            ))
        })?;
        texts.push((*year, path, text, y.off.len(), y.work.len()));
    }
    if !dir.is_dir() {
        let shown_dir = dir.display().to_string();
        std::fs::create_dir(&dir).map_err(|e| {
            Failure::User(say(
                T::CliCannotWrite,
                &[("file", &shown_dir), ("why", &e.to_string())],
            ))
        })?;
        outln!("{}", say(T::CliCreated, &[("dir", &shown_dir)]));
    }
    for w in &imported.warnings {
        warnln!(
            "{}",
            say(T::CliWarning, &[("text", &sanitize(&w.text(lang)))])
        );
    }
    for (i, (year, path, text, off, work)) in texts.into_iter().enumerate() {
        let replaced = path.exists();
        let shown_path = path.display().to_string();
        write_atomically(&path, &text).map_err(|e| {
            let said = say(
                T::CliCannotWrite,
                &[("file", &shown_path), ("why", &e.to_string())],
            );
            // Nothing written yet: the operator's to fix (1). Some years
            // written already: a failure part-way (2), as the README says.
            if i == 0 {
                Failure::User(said)
            } else {
                Failure::Internal(said)
            }
        })?;
        let t = if replaced {
            T::CliCalendarReplaced
        } else {
            T::CliCalendarWrote
        };
        outln!(
            "{}",
            say(
                t,
                &[
                    ("file", &shown_path),
                    ("year", &year.to_string()),
                    ("off", &count(T::CliNDaysOff, lang, off as i64)),
                    ("work", &count(T::CliNMakeupDays, lang, work as i64)),
                ]
            )
        );
    }
    outln!("{}", T::CliCalendarTakenUp.get(lang));
    Ok(())
}

fn show(ctx: &Context, year: i32) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let file = files::file_of(&ctx.source, year);
    let Some(y) = config.calendar.year(year) else {
        return Err(Failure::User(fill(
            T::CliCalendarNoYear.get(lang),
            &[("year", &year.to_string()), ("file", &file)],
        )));
    };
    let mut days: Vec<(NaiveDate, &str, &String)> = y
        .off
        .iter()
        .map(|(d, n)| (*d, T::CliKindHoliday.get(lang), n))
        .chain(
            y.work
                .iter()
                .map(|(d, n)| (*d, T::CliKindMakeup.get(lang), n)),
        )
        .collect();
    days.sort();
    let rows: Vec<Vec<String>> = days
        .iter()
        .map(|(d, kind, name)| {
            vec![
                d.format("%Y-%m-%d").to_string(),
                weekday(lang, d.weekday()).to_string(),
                kind.to_string(),
                name.to_string(),
            ]
        })
        .collect();
    outln!(
        "{}",
        fill(
            T::CliCalendarTitle.get(lang),
            &[("year", &year.to_string()), ("file", &file)]
        )
    );
    let header = [
        T::CliColDate.get(lang),
        T::CliColDay.get(lang),
        T::CliColKind.get(lang),
        T::CliColHoliday.get(lang),
    ];
    out!("{}", table(&header, &rows));
    outln!(
        "{}",
        fill(
            T::CliCalendarSummary.get(lang),
            &[
                ("off", &count(T::CliNDaysOff, lang, y.off.len() as i64)),
                ("work", &count(T::CliNMakeupDays, lang, y.work.len() as i64)),
            ]
        )
    );
    Ok(())
}
