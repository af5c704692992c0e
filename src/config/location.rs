//! Where a database is: `sqlite:PATH` (or `sqlite:///ABSOLUTE/PATH`), or a bare path,
//! as `--db`, `GRIDWATCH_DB` and `[database] path` give it. The store
//! opens a [`Location`] (`store::open`).

use std::path::{Path, PathBuf};

/// A database the store can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    Sqlite(PathBuf),
}

impl Location {
    /// Read a location; a bare path is a SQLite file. Another scheme is
    /// refused with what this build can open.
    pub fn parse(text: &str) -> Result<Location, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the database location is empty; give a file path or sqlite:PATH".into());
        }
        // A scheme is letters, digits, `+ . -` before the first `:`, at
        // least two characters (so a path is never taken for one unless
        // it looks like `word:`; write `./word:x` for such a file).
        if let Some((scheme, rest)) = text.split_once(':') {
            let scheme_like = scheme.len() >= 2
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
            if scheme_like {
                if !scheme.eq_ignore_ascii_case("sqlite") {
                    return Err(format!(
                        "'{scheme}:' databases are not supported by this build; give a SQLite file (a path, or sqlite:PATH)"
                    ));
                }
                let path = match rest.strip_prefix("//") {
                    // sqlite:///abs/path; `sqlite://host/…` names a host.
                    Some(p) if !p.is_empty() && !p.starts_with('/') => {
                        return Err(format!(
                            "'{text}' names a host; a SQLite database is a local file: sqlite:///abs/path or sqlite:rel/path"
                        ));
                    }
                    Some(p) => p,
                    None => rest,
                };
                if path.is_empty() {
                    return Err(format!("'{text}' names no file; write sqlite:PATH"));
                }
                return Ok(Location::Sqlite(PathBuf::from(path)));
            }
        }
        Ok(Location::Sqlite(PathBuf::from(text)))
    }

    /// The SQLite file.
    pub fn path(&self) -> &Path {
        match self {
            Location::Sqlite(p) => p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_path_and_the_sqlite_scheme_name_the_same_file() {
        for text in ["data/gw.db", "sqlite:data/gw.db"] {
            assert_eq!(
                Location::parse(text).unwrap(),
                Location::Sqlite(PathBuf::from("data/gw.db")),
                "{text}"
            );
        }
        assert_eq!(
            Location::parse("sqlite:///var/lib/gw.db").unwrap().path(),
            Path::new("/var/lib/gw.db")
        );
    }

    #[test]
    fn other_schemes_and_empty_locations_are_refused_with_what_works() {
        let e = Location::parse("postgres://host/db").unwrap_err();
        assert!(
            e.contains("'postgres:'") && e.contains("sqlite:PATH"),
            "{e}"
        );
        assert!(Location::parse("  ").is_err());
        for text in [
            "file:/srv/gw.db",
            "mysql:gw",
            "SQLITE:",
            "sqlite://",
            "sqlite://localhost/tmp/x.db",
        ] {
            assert!(Location::parse(text).is_err(), "{text}");
        }
        assert_eq!(
            Location::parse("SQLite:/srv/gw.db").unwrap().path(),
            Path::new("/srv/gw.db")
        );
        assert_eq!(
            Location::parse("./data:1.db").unwrap().path(),
            Path::new("./data:1.db")
        );
        assert!(Location::parse("sqlite:").is_err());
    }
}
