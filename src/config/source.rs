//! One TOML file of the configuration: parse it, collect unknown keys, and find
//! the line of any key path so every error can say `file:line`.

use std::fmt;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};

/// A configuration problem, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Path as the user knows it, e.g. `config/officers.toml`.
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// One step of a key path: a table key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl From<&str> for Seg {
    fn from(s: &str) -> Self {
        Seg::Key(s.to_string())
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Self {
        Seg::Index(i)
    }
}

/// Build a key path: `key_path!["officer", 3, "grid"]`.
macro_rules! key_path {
    ($($seg:expr),* $(,)?) => { [$($crate::config::source::Seg::from($seg)),*] };
}
pub(crate) use key_path;

/// The text of one config file and where it is shown as coming from.
#[derive(Debug, Clone)]
pub struct TomlFile {
    pub display: String,
    pub text: String,
}

impl TomlFile {
    pub fn new(display: impl Into<String>, text: impl Into<String>) -> Self {
        TomlFile {
            display: display.into(),
            text: text.into(),
        }
    }

    pub fn error(&self, line: Option<usize>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self.display.clone(),
            line,
            message: message.into(),
        }
    }

    /// An error located at a key path (the line of the value, else of the nearest parent).
    pub fn error_at(&self, path: &[Seg], message: impl Into<String>) -> ConfigError {
        self.error(self.line_of(path), message)
    }

    fn line_at(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .bytes()
            .filter(|b| *b == b'\n')
            .count()
            + 1
    }

    /// The 1-based line where `path` is written; the deepest existing prefix wins.
    pub fn line_of(&self, path: &[Seg]) -> Option<usize> {
        let table = DeTable::parse(&self.text).ok()?;
        let mut span = table.span();
        let mut cur: Option<&DeValue<'_>> = None;
        let root = table.get_ref();
        for seg in path {
            let next = match (cur, seg) {
                (None, Seg::Key(k)) => root
                    .iter()
                    .find(|(key, _)| key.get_ref() == k)
                    .map(|(key, v)| (key.span(), v)),
                (Some(DeValue::Table(t)), Seg::Key(k)) => t
                    .iter()
                    .find(|(key, _)| key.get_ref() == k)
                    .map(|(key, v)| (key.span(), v)),
                (Some(DeValue::Array(a)), Seg::Index(i)) => a.get(*i).map(|v| (v.span(), v)),
                _ => None,
            };
            let Some((s, v)) = next else { break };
            // A key's own span is where the user wrote it; for array items the value's span.
            span = s;
            cur = Some(v.get_ref());
        }
        Some(self.line_at(span.start))
    }

    /// Deserialize, pushing a syntax/type error or every unknown key into `errors`.
    pub fn parse<T: DeserializeOwned>(&self, errors: &mut Vec<ConfigError>) -> Option<T> {
        let de = match toml::Deserializer::parse(&self.text) {
            Ok(de) => de,
            Err(e) => {
                errors.push(self.toml_error(&e));
                return None;
            }
        };
        let mut unknown = Vec::new();
        let result: Result<T, _> = serde_ignored::deserialize(de, |p| unknown.push(to_segs(&p)));
        match result {
            Ok(v) => {
                for segs in unknown {
                    let name = render(&segs);
                    errors.push(self.error_at(
                        &segs,
                        format!("unknown key `{name}` (misspelt, or not a setting of this file)"),
                    ));
                }
                Some(v)
            }
            Err(e) => {
                errors.push(self.toml_error(&e));
                None
            }
        }
    }

    fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let line = e.span().map(|s| self.line_at(s.start));
        let message = e.message().trim().replace('\n', "; ");
        self.error(line, message)
    }
}

fn to_segs(p: &serde_ignored::Path<'_>) -> Vec<Seg> {
    use serde_ignored::Path;
    match p {
        Path::Root => Vec::new(),
        Path::Seq { parent, index } => {
            let mut v = to_segs(parent);
            v.push(Seg::Index(*index));
            v
        }
        Path::Map { parent, key } => {
            let mut v = to_segs(parent);
            v.push(Seg::Key(key.clone()));
            v
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => to_segs(parent),
    }
}

fn render(segs: &[Seg]) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct Doc {
        #[allow(dead_code)]
        officer: Vec<Off>,
    }
    #[derive(serde::Deserialize, Debug)]
    struct Off {
        #[allow(dead_code)]
        id: String,
    }

    #[test]
    fn unknown_keys_are_all_reported_with_their_lines() {
        let f = TomlFile::new(
            "o.toml",
            "[[officer]]\nid = \"a\"\nnmae = \"x\"\n\n[[officer]]\nid = \"b\"\nphon = 1\n",
        );
        let mut errs = Vec::new();
        let doc: Option<Doc> = f.parse(&mut errs);
        assert!(doc.is_some());
        let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "o.toml:3: unknown key `officer[0].nmae` (misspelt, or not a setting of this file)",
                "o.toml:7: unknown key `officer[1].phon` (misspelt, or not a setting of this file)",
            ]
        );
    }

    #[test]
    fn paths_locate_lines() {
        let f = TomlFile::new(
            "o.toml",
            "a = 1\n[[officer]]\nid = \"a\"\n[[officer]]\nid = \"b\"\ngrid = \"T9\"\n",
        );
        assert_eq!(f.line_of(&key_path!["officer", 1, "grid"]), Some(6));
        assert_eq!(
            f.line_of(&key_path!["officer", 0, "missing"]),
            Some(2).or(f.line_of(&key_path!["officer", 0]))
        );
        assert_eq!(f.line_of(&key_path!["a"]), Some(1));
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let f = TomlFile::new("x.toml", "a = 1\nb = \n");
        let mut errs = Vec::new();
        let _: Option<toml::Table> = f.parse(&mut errs);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, Some(2), "{}", errs[0]);
    }
}
