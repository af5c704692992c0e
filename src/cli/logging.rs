//! Logging: to stderr (level from `GRIDWATCH_LOG`, default warn; info for
//! the daemon) and, for the daemon, to a file. Lines are stamped in the
//! configured timezone, like every other time the program shows
//! ([`LocalTime`]). Every line passes [`Inert`]:
//! values from outside are quoted inert where they are logged
//! (`text::quote`, `text::file_name`), and this is the net under that — no
//! escape sequence reaches a terminal or a log file through a log line.

use std::io::Write;

use chrono::{SecondsFormat, Utc};
use chrono_tz::Tz;
use tracing_subscriber::Layer;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::FormatTime;

use super::{Cli, Command, LangArg};
use crate::config::{Config, ConfigSource};
use crate::i18n::{Lang, T, fill};

/// Log time stamps in the configured timezone, with its offset
/// (`2026-11-30T09:30:00.123456+08:00`), not in UTC.
pub struct LocalTime(pub Tz);

impl FormatTime for LocalTime {
    fn format_time(&self, w: &mut Writer<'_>) -> std::fmt::Result {
        let now = Utc::now().with_timezone(&self.0);
        write!(w, "{}", now.to_rfc3339_opts(SecondsFormat::Micros, false))
    }
}

/// The configured timezone (UTC when the configuration is broken: its
/// errors are said elsewhere).
fn timezone(cli: &Cli) -> Tz {
    Config::load_for_duty(ConfigSource::choose(cli.config.clone()))
        .map(|c| c.settings.timezone)
        .unwrap_or(Tz::UTC)
}

/// A log writer that replaces control characters (but newlines and tabs)
/// and bidi overrides with U+FFFD before they are written.
pub struct Inert<M>(pub M);

pub struct InertWriter<W>(W);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Inert<M> {
    type Writer = InertWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        InertWriter(self.0.make_writer())
    }
}

impl<W: Write> Write for InertWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let clean: String = text
            .split_inclusive('\n')
            .map(|line| {
                let (body, nl) = match line.strip_suffix('\n') {
                    Some(b) => (b, "\n"),
                    None => (line, ""),
                };
                format!("{}{nl}", crate::text::sanitize(body))
            })
            .collect();
        self.0.write_all(clean.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Logs to stderr (level from `GRIDWATCH_LOG`, default warn; info for the
/// daemon) and, for the daemon, also to a file.
pub(super) fn init(
    cli: &Cli,
    db: Option<&std::path::Path>,
) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let daemon = matches!(cli.command, Some(Command::Intake { once: false, .. }));
    let screen = matches!(
        cli.command,
        None | Some(Command::Tui { .. }) | Some(Command::Demo { .. })
    );
    let default = if daemon { "info" } else { "warn" };
    let mut level = std::env::var("GRIDWATCH_LOG").unwrap_or_else(|_| default.to_string());
    if tracing_subscriber::EnvFilter::try_new(&level).is_err() {
        let lang = match cli.lang {
            Some(LangArg::Zh) => Lang::Zh,
            _ => Lang::En,
        };
        warnln!(
            "gridwatch: {}",
            fill(
                T::CliBadLogLevel.get(lang),
                &[("value", &crate::text::quote(&level)), ("default", default)]
            )
        );
        level = default.to_string();
    }
    let filter = || tracing_subscriber::EnvFilter::new(&level);
    let tz = timezone(cli);
    // The dashboard owns the terminal: nothing but the view may write to it.
    let stderr = (!screen).then(|| {
        tracing_subscriber::fmt::layer()
            // No colours: the net below would show their escapes as U+FFFD.
            .with_ansi(false)
            .with_timer(LocalTime(tz))
            .with_writer(Inert(std::io::stderr))
            .with_filter(filter())
    });
    let (file, guard) = match (&cli.command, daemon) {
        (Some(Command::Intake { log_file, .. }), true) => {
            let path = log_file.clone().unwrap_or_else(|| {
                db.unwrap_or(std::path::Path::new("gridwatch.db"))
                    .with_file_name("gridwatch-intake.log")
            });
            match std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
            {
                Ok(f) => {
                    let (writer, guard) = tracing_appender::non_blocking(f);
                    let layer = tracing_subscriber::fmt::layer()
                        .with_ansi(false)
                        .with_timer(LocalTime(tz))
                        .with_writer(Inert(writer))
                        .with_filter(filter());
                    (Some(layer), Some(guard))
                }
                Err(e) => {
                    eprintln!(
                        "gridwatch: cannot open log file {}: {e}; logging to stderr only",
                        path.display()
                    );
                    (None, None)
                }
            }
        }
        _ => (None, None),
    };
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .try_init();
    guard
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lines_reach_the_writer_inert() {
        let mut out = Vec::new();
        {
            let mut w = InertWriter(&mut out);
            w.write_all("file=\u{1b}]0;OWNED\u{7} \u{1b}[2J x.json reason=a\u{202e}b\n".as_bytes())
                .unwrap();
        }
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "file=\u{FFFD}]0;OWNED\u{FFFD} \u{FFFD}[2J x.json reason=ab\n"
        );
    }
}
