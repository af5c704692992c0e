//! grids.geojson while the program runs (#12): the boundaries are read when
//! intake or a console starts and kept (the map screen is projected once);
//! a file replaced meanwhile is looked at, so that a broken one — a syntax
//! error, something not a plain file — is said at once with file:line, in
//! the log and on the console (`Config::map_refused`), instead of only at
//! the next start.
//!
//! Owns: [`MapWatch`], which notices grids.geojson changed (metadata only)
//! and validates it against the grids in force. The boundaries in force
//! are never replaced: a valid new file is taken up at the next start.

use std::path::PathBuf;

use super::grids::Refs;
use super::live::FileWatch;
use super::source::ConfigError;
use super::{Config, ConfigSource, geojson};

/// grids.geojson of `source` (absolute); `None` for the embedded demo county.
pub fn path(source: &ConfigSource) -> Option<PathBuf> {
    match source {
        ConfigSource::Dir(d) => Some(
            std::path::absolute(d)
                .unwrap_or_else(|_| d.clone())
                .join(geojson::FILE),
        ),
        ConfigSource::Embedded => None,
    }
}

/// What a [`MapWatch`] found when grids.geojson changed.
#[derive(Debug)]
pub enum MapReload {
    /// A valid file with other boundaries: in force at the next start.
    Changed,
    /// The new file does not validate: the boundaries in force are kept.
    Refused(Vec<ConfigError>),
}

/// Notices when grids.geojson changes and says whether it would be taken up.
pub struct MapWatch {
    watch: Option<FileWatch>,
}

impl MapWatch {
    pub fn new(config: &Config) -> MapWatch {
        MapWatch {
            watch: path(&config.source).map(FileWatch::new),
        }
    }

    /// Look at the file (its metadata only, unless it changed); `None`
    /// when nothing changed or it says what is in force.
    pub fn poll(&mut self, config: &Config) -> Option<MapReload> {
        let watch = self.watch.as_mut()?;
        if !watch.changed() {
            return None;
        }
        let path = path(&config.source)?;
        let dir = path.parent().map(PathBuf::from).unwrap_or_default();
        let mut errors = Vec::new();
        let shapes = match super::read_named(&dir, &[geojson::FILE.to_string()]) {
            Ok(files) => {
                let refs = Refs {
                    grids: Some(Default::default()),
                    officers: None,
                };
                geojson::grid_shapes(files.get(geojson::FILE), &config.grids, &refs, &mut errors)
            }
            Err(e) => {
                errors = e;
                Default::default()
            }
        };
        if !errors.is_empty() {
            config
                .map_refused
                .replace(errors.first().map(ToString::to_string));
            return Some(MapReload::Refused(errors));
        }
        config.map_refused.replace(None);
        (shapes != config.map).then_some(MapReload::Changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_is_refused_with_its_line_and_the_boundaries_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(geojson::FILE);
        let good = crate::config::EMBEDDED
            .iter()
            .find(|(n, _)| *n == geojson::FILE)
            .unwrap()
            .1;
        std::fs::write(&file, good).unwrap();
        let mut config = Config::embedded().unwrap();
        config.source = ConfigSource::Dir(dir.path().to_path_buf());
        let held = config.clone();
        let before = config.map.clone();
        let mut watch = MapWatch::new(&config);
        assert!(watch.poll(&config).is_none(), "the file in force");
        crate::config::calendar::write_atomically(
            &file,
            "{\"type\": \"FeatureCollection\",\n  oops",
        )
        .unwrap();
        let Some(MapReload::Refused(errors)) = watch.poll(&config) else {
            panic!("refused")
        };
        let said = errors[0].to_string();
        assert!(said.contains("grids.geojson:2:"), "{said}");
        assert_eq!(config.map, before, "kept");
        assert!(held.map_refused.current().is_some(), "every clone knows");
        assert!(watch.poll(&config).is_none(), "said once");
        // Not a plain file: refused, never opened.
        std::fs::remove_file(&file).unwrap();
        std::fs::create_dir(&file).unwrap();
        assert!(matches!(watch.poll(&config), Some(MapReload::Refused(_))));
        std::fs::remove_dir(&file).unwrap();
        crate::config::calendar::write_atomically(&file, good).unwrap();
        assert!(
            watch.poll(&config).is_none(),
            "the boundaries in force again"
        );
        assert!(held.map_refused.current().is_none());
    }
}
