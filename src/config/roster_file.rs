//! roster.toml while the program runs (#11): a running daemon or console
//! takes up a changed roster without a restart, as it does the calendar.
//!
//! Owns: reading and validating roster.toml again against the grids and
//! officers in force, and [`RosterWatch`], which notices the file changed
//! and puts the new roster in force for every holder of the configuration.
//! A new file that does not validate is refused whole — every error with
//! file:line — and the roster in force is kept; the refusal is remembered
//! (`Config::roster_refused`) so a console can say so on screen.

use std::path::PathBuf;

use super::files::RosterFile;
use super::grids::Refs;
use super::live::FileWatch;
use super::source::{ConfigError, TomlFile};
use super::{Config, ConfigSource};
use crate::domain::roster::Roster;

/// roster.toml of `source` (absolute); `None` for the embedded demo county.
pub fn path(source: &ConfigSource) -> Option<PathBuf> {
    match source {
        ConfigSource::Dir(d) => Some(
            std::path::absolute(d)
                .unwrap_or_else(|_| d.clone())
                .join("roster.toml"),
        ),
        ConfigSource::Embedded => None,
    }
}

/// Read and validate roster.toml of `config`'s directory against the grids
/// and officers in force.
pub fn read(config: &Config) -> Result<Roster, Vec<ConfigError>> {
    let Some(path) = path(&config.source) else {
        return Ok((*config.roster.current()).clone());
    };
    let dir = path.parent().map(PathBuf::from).unwrap_or_default();
    let files = super::read_named(&dir, &["roster.toml".to_string()])?;
    let file = files
        .get("roster.toml")
        .cloned()
        .unwrap_or_else(|| TomlFile::new(path.display().to_string(), ""));
    check(&file, config)
}

/// Validate the text of a roster file as `check-config` would.
pub fn check(file: &TomlFile, config: &Config) -> Result<Roster, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let refs = Refs {
        grids: Some(Default::default()),
        officers: Some(Default::default()),
    };
    let roster = file.parse_keeping::<RosterFile>(&mut errors).map(|f| {
        super::schedule::roster(
            file,
            f.value,
            &f.dropped,
            &config.grids,
            &config.officers,
            &refs,
            &mut errors,
        )
    });
    match roster {
        Some(r) if errors.is_empty() => Ok(r),
        _ => {
            if errors.is_empty() {
                errors.push(file.error(None, "cannot be read as a roster"));
            }
            Err(errors)
        }
    }
}

/// What a [`RosterWatch`] found when roster.toml changed.
#[derive(Debug)]
pub enum RosterReload {
    /// The new roster is in force.
    Changed,
    /// The new file does not validate: the roster in force is kept.
    Refused(Vec<ConfigError>),
}

/// Notices when roster.toml changes and puts the new roster in force.
pub struct RosterWatch {
    watch: Option<FileWatch>,
    /// The first look reads the file: it may have changed since the
    /// configuration was loaded.
    first: bool,
}

impl RosterWatch {
    pub fn new(config: &Config) -> RosterWatch {
        RosterWatch {
            watch: path(&config.source).map(FileWatch::new),
            first: true,
        }
    }

    /// Look at the file (its metadata only, unless it changed); `None`
    /// when nothing changed.
    pub fn poll(&mut self, config: &Config) -> Option<RosterReload> {
        let watch = self.watch.as_mut()?;
        let changed = watch.changed();
        if !std::mem::take(&mut self.first) && !changed {
            return None;
        }
        match read(config) {
            Ok(roster) => {
                config.roster_refused.replace(None);
                if *config.roster.current() == roster {
                    return None;
                }
                config.roster.replace(roster);
                Some(RosterReload::Changed)
            }
            Err(errors) => {
                let first = errors.first().map(ToString::to_string);
                config.roster_refused.replace(first);
                Some(RosterReload::Refused(errors))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIFTS: &str = "[[shift]]\nname = \"day\"\nhours = \"08:00-20:00\"\n\n[[shift]]\nname = \"night\"\nhours = \"20:00-08:00\"\n";

    fn duty(primary: &str) -> String {
        format!(
            "{SHIFTS}\n[[duty]]\ngrid = \"C00\"\ndays = [\"all\"]\nshift = \"day\"\nprimary = \"{primary}\"\n\n[[duty]]\ngrid = \"C00\"\ndays = [\"all\"]\nshift = \"night\"\nprimary = \"{primary}\"\n"
        )
    }

    #[test]
    fn a_changed_roster_is_put_in_force_and_a_broken_one_refused_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roster.toml");
        std::fs::write(&file, duty("O005")).unwrap();
        let mut config = Config::embedded().unwrap();
        config.source = ConfigSource::Dir(dir.path().to_path_buf());
        let held = config.clone();
        let mut watch = RosterWatch::new(&config);
        assert!(matches!(watch.poll(&config), Some(RosterReload::Changed)));
        assert_eq!(
            held.roster.current().duties[0].primary,
            "O005",
            "every clone"
        );
        assert!(watch.poll(&config).is_none(), "nothing changed");
        // An officer nobody knows, on line 13.
        super::super::calendar::write_atomically(&file, &duty("O999")).unwrap();
        let Some(RosterReload::Refused(errors)) = watch.poll(&config) else {
            panic!("refused")
        };
        let said = errors[0].to_string();
        assert!(
            said.contains("roster.toml:13:") && said.contains("O999"),
            "{said}"
        );
        assert_eq!(config.roster.current().duties[0].primary, "O005", "kept");
        assert!(config.roster_refused.current().is_some());
        super::super::calendar::write_atomically(&file, &duty("O006")).unwrap();
        assert!(matches!(watch.poll(&config), Some(RosterReload::Changed)));
        assert_eq!(held.roster.current().duties[0].primary, "O006");
        assert!(config.roster_refused.current().is_none());
    }
}
