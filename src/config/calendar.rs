//! The calendar files while the program runs: which there are, reading and
//! validating them again when they change — so a running daemon or console
//! takes up an imported year without a restart — and writing one safely.
//!
//! Owns: the poll that notices a change ([`Watch`]) and the atomic write.
//! A change that does not validate is refused whole and the calendar in
//! force is kept: a half-written or broken file never reaches the rules.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::source::{ConfigError, TomlFile};
use super::{Config, ConfigSource, EMBEDDED, Files};
use crate::domain::calendar::{Gap, YearArrangement, Years};
use crate::i18n::{Lang, T, count, fill};

/// The calendar files of a config directory, as `calendar/NAME.toml`, sorted.
/// Names beginning with a dot are an editor's or a writer's business.
pub(super) fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("calendar"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".toml") && !n.starts_with('.'))
                .map(|n| format!("calendar/{n}"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The directory the calendar files of `source` are in (absolute); `None`
/// for the embedded demo county, which cannot change.
pub fn dir(source: &ConfigSource) -> Option<PathBuf> {
    match source {
        ConfigSource::Dir(d) => Some(
            std::path::absolute(d)
                .unwrap_or_else(|_| d.clone())
                .join("calendar"),
        ),
        ConfigSource::Embedded => None,
    }
}

/// The file that holds `year` in `source`, as a person would name it.
pub fn file_of(source: &ConfigSource, year: i32) -> String {
    match dir(source) {
        Some(d) => d.join(format!("cn-{year}.toml")).display().to_string(),
        None => format!("(embedded) config/calendar/cn-{year}.toml"),
    }
}

/// Read and validate every calendar file of `source`, as `check-config` does.
pub fn read(source: &ConfigSource) -> Result<Years, Vec<ConfigError>> {
    let files: Files = match source {
        ConfigSource::Embedded => EMBEDDED
            .iter()
            .filter(|(name, _)| name.starts_with("calendar/"))
            .map(|(name, text)| {
                (
                    name.to_string(),
                    TomlFile::new(format!("(embedded) config/{name}"), *text),
                )
            })
            .collect(),
        ConfigSource::Dir(d) => {
            let d = std::path::absolute(d).unwrap_or_else(|_| d.clone());
            super::read_named(&d, &file_names(&d))?
        }
    };
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let years = super::validate::calendar_years(&files, &mut errors, &mut warnings);
    if errors.is_empty() {
        Ok(years)
    } else {
        Err(errors)
    }
}

/// Check the text of one calendar file, `calendar/cn-YYYY.toml`, as
/// `check-config` would; its year and arrangement, and its warnings.
pub fn check(
    display: &str,
    year: i32,
    text: &str,
) -> Result<(YearArrangement, Vec<String>), Vec<ConfigError>> {
    let name = format!("calendar/cn-{year}.toml");
    let files = Files::from([(name, TomlFile::new(display, text))]);
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let mut years = super::validate::calendar_years(&files, &mut errors, &mut warnings);
    match years.remove(&year) {
        Some(y) if errors.is_empty() => Ok((y, warnings)),
        _ => Err(errors),
    }
}

/// One line for a year the room misses now or will miss soon, for
/// `status`, `check-config` and the daemon's log.
pub fn gap_text(lang: Lang, gap: Gap) -> String {
    match gap {
        Gap::ThisYear { year } => fill(
            T::CliCalendarThisYear.get(lang),
            &[("year", &year.to_string())],
        ),
        Gap::NextYear { year, days_left } => fill(
            T::CliCalendarNextYear.get(lang),
            &[
                ("year", &year.to_string()),
                ("days", &count(T::CliNDays, lang, days_left)),
            ],
        ),
    }
}

/// What a [`Watch`] found when the calendar files changed.
#[derive(Debug)]
pub enum Reloaded {
    /// The new files are in force: the years they cover.
    Changed(Vec<i32>),
    /// The new files do not validate: the calendar in force is kept.
    Refused(Vec<ConfigError>),
}

/// Name, size, modification time and inode of each calendar file: a write,
/// a rename over a file, a new or a removed file all change it.
type Fingerprint = Vec<(String, u64, i64, i64, u64)>;

fn fingerprint(dir: &Path) -> Fingerprint {
    use std::os::unix::fs::MetadataExt;
    let mut out: Fingerprint = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    let m = e.metadata().ok()?;
                    Some((name, m.len(), m.mtime(), m.mtime_nsec(), m.ino()))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Notices when the calendar files of a configuration change, and puts the
/// new arrangement in force for every holder of the configuration.
pub struct Watch {
    dir: Option<PathBuf>,
    /// `None` until the first look: the files may have changed since the
    /// configuration was loaded.
    seen: Option<Fingerprint>,
}

impl Watch {
    pub fn new(config: &Config) -> Watch {
        Watch {
            dir: dir(&config.source),
            seen: None,
        }
    }

    /// Look at the files again (a directory listing, nothing read when they
    /// did not change); `None` when nothing changed.
    pub fn poll(&mut self, config: &Config) -> Option<Reloaded> {
        let dir = self.dir.as_ref()?;
        let now = fingerprint(dir);
        if self.seen.as_ref() == Some(&now) {
            return None;
        }
        self.seen = Some(now);
        match read(&config.source) {
            Ok(years) => {
                let covered = years.keys().copied().collect();
                config
                    .calendar
                    .replace(years)
                    .then_some(Reloaded::Changed(covered))
            }
            Err(errors) => Some(Reloaded::Refused(errors)),
        }
    }
}

/// Write `text` to `path` so that a reader sees the old file or the new one,
/// never a part: a temporary file beside it, flushed to disk, renamed over it.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create_new(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_file(year: i32, off: &str) -> String {
        format!("year = {year}\n[[holiday]]\nname = \"x\"\noff = [{off}]\n")
    }

    #[test]
    fn a_changed_file_is_put_in_force_and_a_broken_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cal = dir.path().join("calendar");
        std::fs::create_dir(&cal).unwrap();
        std::fs::write(cal.join("cn-2026.toml"), year_file(2026, "2026-10-01")).unwrap();
        let mut config = Config::embedded().unwrap();
        config.source = ConfigSource::Dir(dir.path().to_path_buf());
        let mut watch = Watch::new(&config);
        assert!(matches!(watch.poll(&config), Some(Reloaded::Changed(y)) if y == [2026]));
        assert!(watch.poll(&config).is_none(), "nothing changed");
        write_atomically(&cal.join("cn-2027.toml"), &year_file(2027, "2027-01-01")).unwrap();
        assert!(matches!(watch.poll(&config), Some(Reloaded::Changed(y)) if y == [2026, 2027]));
        assert!(config.calendar.covers(2027));
        std::fs::write(cal.join("cn-2028.toml"), "year = 2028\n[[holiday]]\n").unwrap();
        assert!(matches!(watch.poll(&config), Some(Reloaded::Refused(e)) if !e.is_empty()));
        assert_eq!(config.calendar.years(), [2026, 2027], "kept");
        let left: Vec<_> = std::fs::read_dir(&cal).unwrap().collect();
        assert_eq!(left.len(), 3, "no temporary file left behind");
    }
}
