//! One TOML file of the configuration: parse it, collect unknown keys, and find
//! the line of any key path so every error can say `file:line`.

use std::fmt;

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use toml::de::{DeArray, DeTable, DeValue};

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

    pub(super) fn line_at(&self, offset: usize) -> usize {
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

    /// Deserialize, pushing every syntax/type error and every unknown key into `errors`.
    pub fn parse<T: DeserializeOwned>(&self, errors: &mut Vec<ConfigError>) -> Option<T> {
        self.parse_keeping(errors).map(|p| p.value)
    }

    /// Deserialize as much as can be: every syntax error is reported (the
    /// parser recovers), and an item of a top-level array (`[[officer]]`)
    /// that does not fit is reported with its unknown keys and left out, so
    /// that the rest of the file is still read and references into it are
    /// still checked. `None` when an error cannot be pinned to such an item.
    pub fn parse_keeping<T: DeserializeOwned>(
        &self,
        errors: &mut Vec<ConfigError>,
    ) -> Option<Parsed<T>> {
        let (mut table, syntax) = DeTable::parse_recoverable(&self.text);
        for e in &syntax {
            errors.push(self.toml_error(e));
        }
        let mut left_out = LeftOut::default();
        loop {
            let de = toml::Deserializer::from(table.clone());
            let mut unknown = Vec::new();
            let result = serde_ignored::deserialize(de, |p| unknown.push(to_segs(&p)));
            let unknown: Vec<Vec<Seg>> = unknown.iter().map(|s| left_out.original(s)).collect();
            match result {
                Ok(value) => {
                    errors.extend(unknown.iter().map(|s| self.unknown_key(s)));
                    return Some(Parsed {
                        value,
                        dropped: left_out.names,
                        left_out: left_out.items,
                        syntax_ok: syntax.is_empty(),
                    });
                }
                Err(e) => {
                    // After a syntax error the recovered table may miss what
                    // the parser could not read: that error is said already.
                    let line = e.span().map(|s| self.line_at(s.start));
                    if !syntax
                        .iter()
                        .any(|s| s.span().map(|s| self.line_at(s.start)) == line)
                    {
                        errors.push(self.toml_error(&e));
                    }
                    let (key, index) = left_out.drop_item_at(table.get_mut(), e.span()?.start)?;
                    let inside = |s: &&Vec<Seg>| {
                        s.len() > 2 && s[0] == Seg::Key(key.clone()) && s[1] == Seg::Index(index)
                    };
                    errors.extend(unknown.iter().filter(inside).map(|s| self.unknown_key(s)));
                }
            }
        }
    }

    fn unknown_key(&self, segs: &[Seg]) -> ConfigError {
        let name = render(segs);
        self.error_at(
            segs,
            format!("unknown key `{name}` (misspelt, or not a setting of this file)"),
        )
    }

    fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let line = e.span().map(|s| self.line_at(s.start));
        let message = e.message().trim().replace('\n', "; ");
        self.error(line, message)
    }
}

/// A file's content despite its errors (see [`TomlFile::parse_keeping`]).
pub struct Parsed<T> {
    pub value: T,
    /// The `id` (else `name`) of each item left out for an error: references
    /// to them are not reported again as unknown.
    pub dropped: BTreeSet<String>,
    /// (top-level key, index in the file) of each item left out.
    pub left_out: Vec<(String, usize)>,
    /// False when the parser had to recover from a syntax error: what it
    /// recovered may miss items written after it.
    pub syntax_ok: bool,
}

impl<T> Parsed<T> {
    /// The index in the file of item `i` of the array `key` as read (items
    /// left out shift the ones after them), for locating errors.
    pub fn file_index(&self, key: &str, i: usize) -> usize {
        LeftOut {
            items: self.left_out.clone(),
            names: BTreeSet::new(),
        }
        .index_in_file(key, i)
    }

    /// Whether any item of the array `key` was left out.
    pub fn lost_any(&self, key: &str) -> bool {
        !self.syntax_ok || self.left_out.iter().any(|(k, _)| k == key)
    }
}

/// The items [`TomlFile::parse_keeping`] left out so far.
#[derive(Default)]
struct LeftOut {
    /// (top-level key, index in the file) of each item left out.
    items: Vec<(String, usize)>,
    /// Their `id` (else `name`).
    names: BTreeSet<String>,
}

impl LeftOut {
    /// The index in the file of item `i` of the pruned array `key`.
    fn index_in_file(&self, key: &str, i: usize) -> usize {
        let mut gone: Vec<usize> = self
            .items
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, j)| *j)
            .collect();
        gone.sort_unstable();
        gone.into_iter()
            .fold(i, |at, g| if g <= at { at + 1 } else { at })
    }

    /// A key path of the pruned table as a path of the file.
    fn original(&self, segs: &[Seg]) -> Vec<Seg> {
        let mut out = segs.to_vec();
        if let [Seg::Key(k), Seg::Index(i), ..] = segs {
            out[1] = Seg::Index(self.index_in_file(k, *i));
        }
        out
    }

    /// Remove the item of a top-level array that holds `offset`; its key and
    /// index in the file. `None` if no item holds it.
    fn drop_item_at(&mut self, table: &mut DeTable<'_>, offset: usize) -> Option<(String, usize)> {
        for (key, v) in table.iter_mut() {
            let DeValue::Array(items) = v.get_mut() else {
                continue;
            };
            let Some(i) = items.iter().position(|it| extent(it).contains(&offset)) else {
                continue;
            };
            if let DeValue::Table(t) = items[i].get_ref() {
                if let Some(name) = ["id", "name"]
                    .iter()
                    .find_map(|k| t.get(*k).and_then(|v| v.get_ref().as_str()))
                {
                    self.names.insert(name.to_string());
                }
            }
            let mut kept = DeArray::new();
            for (j, it) in items.iter().enumerate() {
                if j != i {
                    kept.push(it.clone());
                }
            }
            *items = kept;
            let key = key.get_ref().to_string();
            let index = self.index_in_file(&key, i);
            self.items.push((key.clone(), index));
            return Some((key, index));
        }
        None
    }
}

/// Where a value is written, all of it: a `[[table]]` item's own span is
/// only its header, so its keys and values extend it.
fn extent(v: &toml::Spanned<DeValue<'_>>) -> std::ops::Range<usize> {
    let mut range = v.span();
    let mut grow = |r: std::ops::Range<usize>| {
        range.start = range.start.min(r.start);
        range.end = range.end.max(r.end);
    };
    match v.get_ref() {
        DeValue::Table(t) => {
            for (k, child) in t.iter() {
                grow(k.span());
                grow(extent(child));
            }
        }
        DeValue::Array(a) => {
            for child in a.iter() {
                grow(extent(child));
            }
        }
        _ => {}
    }
    range
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

    #[derive(serde::Deserialize, Debug)]
    struct Named {
        officer: Vec<Person>,
    }
    #[derive(serde::Deserialize, Debug)]
    struct Person {
        id: String,
        #[allow(dead_code)]
        name: String,
    }

    /// A broken item is reported with its own unknown keys and left out;
    /// the items after it are still read, their keys located in the file.
    #[test]
    fn a_broken_item_is_left_out_and_the_rest_still_read() {
        let f = TomlFile::new(
            "o.toml",
            "[[officer]]\nid = \"a\"\nname = \"A\"\n[[officer]]\nid = \"b\"\nnmae = \"B\"\n[[officer]]\nid = \"c\"\nname = \"C\"\nphon = 1\n",
        );
        let mut errs = Vec::new();
        let p: Parsed<Named> = f.parse_keeping(&mut errs).unwrap();
        let ids: Vec<&str> = p.value.officer.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(p.dropped, BTreeSet::from(["b".to_string()]));
        assert!(p.syntax_ok);
        let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "o.toml:4: missing field `name`",
                "o.toml:6: unknown key `officer[1].nmae` (misspelt, or not a setting of this file)",
                "o.toml:10: unknown key `officer[2].phon` (misspelt, or not a setting of this file)",
            ]
        );
    }

    #[derive(serde::Deserialize, Debug)]
    struct Counted {
        officer: Vec<Count>,
    }
    #[derive(serde::Deserialize, Debug)]
    struct Count {
        id: String,
        #[allow(dead_code)]
        n: i64,
    }

    /// A value of the wrong type inside a `[[table]]` item leaves out that
    /// item only (its header's span alone does not hold the value).
    #[test]
    fn a_wrong_type_leaves_out_its_item_only() {
        let f = TomlFile::new(
            "o.toml",
            "[[officer]]\nid = \"a\"\nn = \"one\"\n\n[[officer]]\nid = \"b\"\nn = 2\n[[officer]]\nid = \"c\"\nn = [3]\n",
        );
        let mut errs = Vec::new();
        let p: Parsed<Counted> = f.parse_keeping(&mut errs).unwrap();
        let ids: Vec<&str> = p.value.officer.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["b"]);
        assert_eq!(p.file_index("officer", 0), 1);
        let lines: Vec<Option<usize>> = errs.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(3), Some(10)], "{errs:?}");
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
