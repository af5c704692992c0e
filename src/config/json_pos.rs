//! A small JSON reader that keeps the line and column of every value, so an
//! error in `grids.geojson` (a config file like the TOML ones) can say
//! `file:line` — serde_json's values forget where they were written.
//!
//! Owns: the syntax (RFC 8259, nesting at most [`MAX_DEPTH`]), with
//! `line:column` in every syntax error. Pure.

/// A value and where it starts (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq)]
pub struct J {
    pub line: usize,
    pub col: usize,
    pub v: V,
}

#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    /// The member `key` of an object (the last one if repeated).
    pub fn get(&self, key: &str) -> Option<&J> {
        match &self.v {
            V::Obj(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self.v {
            V::Null => "null",
            V::Bool(_) => "a boolean",
            V::Num(_) => "a number",
            V::Str(_) => "a string",
            V::Arr(_) => "an array",
            V::Obj(_) => "an object",
        }
    }
}

/// A syntax error: line, column, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Deeper nesting is refused (a GeoJSON MultiPolygon needs 7 levels).
pub const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<J, SyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        seen: std::cell::Cell::new((0, 1, 1)),
    };
    // A BOM is tolerated, as editors on Windows write one.
    if text.starts_with('\u{feff}') {
        p.i = 3;
    }
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("unexpected text after the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    /// The last position asked for: `(byte, line, column)`. Values are read
    /// in order, so each position is counted on from the one before — a
    /// count from the start for each value made a 40 KB file take seconds.
    seen: std::cell::Cell<(usize, usize, usize)>,
}

impl Parser<'_> {
    fn pos(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let (mut from, mut line, mut col) = self.seen.get();
        if at < from || !self.text.is_char_boundary(at) {
            (from, line, col) = (0, 1, 1);
        }
        let Some(between) = self.text.get(from..at) else {
            return (line, col);
        };
        for c in between.chars() {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        self.seen.set((at, line, col));
        (line, col)
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        let at = self.i.min(self.s.len());
        let at = (0..=at)
            .rev()
            .find(|i| self.text.is_char_boundary(*i))
            .unwrap_or(0);
        let (line, col) = self.pos(at);
        SyntaxError {
            line,
            col,
            message: message.into(),
        }
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<J, SyntaxError> {
        self.ws();
        if depth > MAX_DEPTH {
            return Err(self.error(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        let (line, col) = self.pos(self.i);
        let v = match self.s.get(self.i) {
            None => return Err(self.error("unexpected end of file: a value was expected")),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => V::Str(self.string()?),
            Some(b't') => self.word("true", V::Bool(true))?,
            Some(b'f') => self.word("false", V::Bool(false))?,
            Some(b'n') => self.word("null", V::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => {
                return Err(self.error(
                    "expected a value (object, array, string, number, true, false or null)",
                ));
            }
        };
        Ok(J { line, col, v })
    }

    fn word(&mut self, w: &str, v: V) -> Result<V, SyntaxError> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.error(format!("expected `{w}`")))
        }
    }

    fn number(&mut self) -> Result<V, SyntaxError> {
        let start = self.i;
        while self.i < self.s.len()
            && matches!(
                self.s[self.i],
                b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
            )
        {
            self.i += 1;
        }
        let t = &self.text[start..self.i];
        let strict = {
            let body = t.strip_prefix('-').unwrap_or(t);
            !body.is_empty()
                && body.as_bytes()[0].is_ascii_digit()
                && !(body.len() > 1 && body.starts_with('0') && body.as_bytes()[1].is_ascii_digit())
        };
        match t.parse::<f64>() {
            Ok(x) if strict && x.is_finite() => Ok(V::Num(x)),
            _ => {
                self.i = start;
                Err(self.error(format!("'{t}' is not a JSON number")))
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.i..];
            let Some(c) = rest.chars().next() else {
                return Err(self.error("unterminated string"));
            };
            match c {
                '"' => {
                    self.i += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.i += 1;
                    let esc = self.s.get(self.i).copied();
                    self.i += 1;
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode()?),
                        _ => {
                            self.i -= 1;
                            return Err(self.error("invalid escape in a string"));
                        }
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.error("a control character in a string (write \\n)"));
                }
                c => {
                    out.push(c);
                    self.i += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let h = self
            .text
            .get(self.i..self.i + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok());
        match h {
            Some(h) => {
                self.i += 4;
                Ok(h)
            }
            None => Err(self.error("\\u needs four hex digits")),
        }
    }

    fn unicode(&mut self) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) && self.s[self.i..].starts_with(b"\\u") {
            self.i += 2;
            let lo = self.hex4()?;
            0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| self.error("\\u escape is not a character"))
    }

    fn array(&mut self, depth: usize) -> Result<V, SyntaxError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(V::Arr(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(V::Arr(items));
                }
                _ => return Err(self.error("expected `,` or `]` in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<V, SyntaxError> {
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(V::Obj(members));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.error("expected a member name in quotes"));
            }
            let key = self.string()?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Err(self.error("expected `:` after a member name"));
            }
            self.i += 1;
            members.push((key, self.value(depth + 1)?));
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(V::Obj(members));
                }
                _ => return Err(self.error("expected `,` or `}` in an object")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_line_and_column() {
        let j = parse("{\n  \"a\": [1, -2.5e1],\n  \"名\": \"x\\u00e9\\ud83d\\ude00\"\n}").unwrap();
        let a = j.get("a").unwrap();
        assert_eq!((a.line, a.col), (2, 8));
        let V::Arr(items) = &a.v else { panic!() };
        assert_eq!(items[1].v, V::Num(-25.0));
        let s = j.get("名").unwrap();
        assert_eq!((s.line, s.col), (3, 8));
        assert_eq!(s.v, V::Str("xé😀".into()));
    }

    #[test]
    fn syntax_errors_say_line_and_column() {
        for (text, line, col) in [
            ("{\n  \"a\": [1, 2,, 3]\n}", 2, 14),
            ("{\"a\" 1}", 1, 6),
            ("[1, 2", 1, 6),
            ("{\"a\": 01}", 1, 7),
            ("{\"a\": tru}", 1, 7),
            ("[1] x", 1, 5),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!((e.line, e.col), (line, col), "{text}: {e:?}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }
}
