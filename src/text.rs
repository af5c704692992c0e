//! Text from outside (complaints, config, the database) made safe to draw on
//! a terminal, and measured in terminal cells rather than chars.
//!
//! Owns: the one sanitiser every displayed string passes through. C0/C1
//! controls (ESC included, so no escape or OSC sequence can reach the
//! terminal) become U+FFFD, visible but inert; bidi overrides and isolates are
//! dropped so text cannot reorder the screen; tabs and newlines become spaces.

use unicode_width::UnicodeWidthChar;

const REPLACEMENT: char = '\u{FFFD}';

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that change how a terminal lays text out without showing:
/// bidi controls and the line and paragraph separators.
pub fn is_invisible_control(c: char) -> bool {
    is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Make `s` inert for a terminal (one line).
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_bidi_control(c) => {}
            c if c.is_control() => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out
}

/// A value from outside quoted inside a message or a log line: inert, and
/// cut to `QUOTE_CHARS` characters so one huge field cannot flood a log.
pub fn quote(s: &str) -> String {
    let clean = sanitize(s);
    if clean.chars().count() <= QUOTE_CHARS {
        return clean;
    }
    let mut out: String = clean.chars().take(QUOTE_CHARS).collect();
    out.push('…');
    out
}

/// How many characters of an outside value a message quotes.
pub const QUOTE_CHARS: usize = 80;

/// A file name from outside (any bytes) as one inert, unambiguous line:
/// printable text kept, control and bidi characters as `\u{..}`, bytes that
/// are not UTF-8 as `\xNN`. Two different names never look the same.
pub fn file_name(name: &std::ffi::OsStr) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else if c.is_control() || is_bidi_control(c) {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// Serialized JSON with C1 controls and bidi controls escaped as `\\uXXXX`:
/// the same data for a program (serde escapes only C0), inert when a
/// person prints it on a terminal.
pub fn json_inert(json: &str) -> String {
    use std::fmt::Write;
    let teeth =
        |c: char| c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c) || is_invisible_control(c);
    if !json.chars().any(teeth) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if teeth(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Display width in terminal cells (CJK = 2).
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Cut `s` to at most `cells` cells, ending in `…` when cut.
pub fn truncate(s: &str, cells: usize) -> String {
    if width(s) <= cells {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > cells {
            break;
        }
        out.push(c);
        used += w;
    }
    if cells > 0 {
        out.push('…');
    }
    out
}

/// `s` cut or padded with spaces to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    let mut t = truncate(s, cells);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    t
}

/// Mask a phone number for display: `138****5678`.
pub fn mask_phone(p: &str) -> String {
    let chars: Vec<char> = p.chars().collect();
    if chars.len() <= 4 {
        return "*".repeat(chars.len());
    }
    let keep_tail = 4;
    let keep_head = if chars.len() >= 11 { 3 } else { 0 };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < keep_head || i >= chars.len() - keep_tail {
                *c
            } else {
                '*'
            }
        })
        .collect()
}

/// `s` broken into lines of at most `cells` terminal cells: between words
/// where there are spaces, anywhere between CJK characters, inside a word
/// only when the word alone is wider than a line. Nothing is dropped.
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    // Tokens: a run of spaces, a run of narrow non-space characters, or one wide character.
    let mut tokens: Vec<String> = Vec::new();
    for c in s.chars() {
        let wide = width(c.encode_utf8(&mut [0; 4])) > 1;
        match tokens.last_mut() {
            Some(t)
                if !wide
                    && t.chars().last().is_some_and(|l| {
                        l.is_whitespace() == c.is_whitespace()
                            && width(l.encode_utf8(&mut [0; 4])) <= 1
                    }) =>
            {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    for t in tokens {
        let tw = width(&t);
        if t.chars().all(char::is_whitespace) {
            if w + tw <= cells {
                line.push_str(&t);
                w += tw;
            } else {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                w = 0;
            }
            continue;
        }
        if w + tw > cells && w > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            w = 0;
        }
        if tw <= cells {
            line.push_str(&t);
            w += tw;
            continue;
        }
        for c in t.chars() {
            let cw = width(c.encode_utf8(&mut [0; 4]));
            if w + cw > cells {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            line.push(c);
            w += cw;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// One format for every span of time the consoles count: `mm:ss` under an
/// hour, `h:mm:ss` from an hour (`+` in front when it is past): the digits
/// grow to the left, so a column of them reads the same way throughout.
pub fn countdown(secs: i64) -> String {
    let sign = if secs < 0 { "+" } else { "" };
    let s = secs.unsigned_abs();
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_cjk_and_keeps_everything() {
        assert_eq!(
            wrap("press x to acknowledge", 11),
            ["press x to", "acknowledge"]
        );
        assert_eq!(wrap("按 x 确认告警横幅", 9), ["按 x 确认", "告警横幅"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 5), [""]);
        for (text, w) in [
            ("newest, deadline, grid, status", 7),
            ("城关镇西关村解放路12号 night", 5),
        ] {
            let lines = wrap(text, w);
            assert!(lines.iter().all(|l| width(l) <= w), "{lines:?}");
            let joined: String = lines.concat().split_whitespace().collect();
            let want: String = text.split_whitespace().collect();
            assert_eq!(joined, want);
        }
    }

    #[test]
    fn wrap_keeps_times_and_ascii_runs_whole_inside_chinese() {
        let zh = "受理于 11月30日 周一 19:30，工作日，夜间（08:00-18:00 以外），60 分钟";
        for w in [20, 24, 30, 41] {
            let lines = wrap(zh, w);
            assert!(lines.iter().all(|l| width(l) <= w), "{lines:?}");
            assert!(
                lines.iter().any(|l| l.contains("08:00-18:00")),
                "{w}: {lines:?}"
            );
            assert_eq!(lines.concat().replace(' ', ""), zh.replace(' ', ""));
        }
    }

    #[test]
    fn countdowns_have_one_format_that_grows_to_the_left() {
        assert_eq!(countdown(0), "00:00");
        assert_eq!(countdown(59 * 60 + 59), "59:59");
        assert_eq!(countdown(3600), "1:00:00");
        assert_eq!(countdown(93 * 60), "1:33:00");
        assert_eq!(countdown(-(102 * 60)), "+1:42:00");
        assert_eq!(countdown(-(30 * 3600 + 5)), "+30:00:05");
    }

    #[test]
    fn escapes_and_bidi_become_inert() {
        let s = sanitize("a\x1b]0;title\x07b\x1b[2J\rc\u{202E}d\u{9b}e");
        assert_eq!(s, "a\u{FFFD}]0;title\u{FFFD}b\u{FFFD}[2J cd\u{FFFD}e");
        assert!(!s.chars().any(|c| c.is_control()));
    }

    #[test]
    fn quoted_values_are_inert_and_short() {
        assert_eq!(quote("\u{1b}]0;OWNED\u{7}"), "\u{FFFD}]0;OWNED\u{FFFD}");
        let long = "x".repeat(500);
        assert_eq!(quote(&long).chars().count(), QUOTE_CHARS + 1);
    }

    #[test]
    fn file_names_keep_every_byte_visible() {
        use std::os::unix::ffi::OsStrExt;
        let n = |b: &[u8]| file_name(std::ffi::OsStr::from_bytes(b));
        assert_eq!(
            n(b"\x1b]0;OWNED\x07 \x1b[2J x.json"),
            "\\u{1b}]0;OWNED\\u{7} \\u{1b}[2J x.json"
        );
        assert_eq!(n(b"\xff-bad.json"), "\\xff-bad.json");
        assert_ne!(n(b"\xff-bad.json"), n(b"\xfe-bad.json"));
        assert_eq!(n("石桥镇.json".as_bytes()), "石桥镇.json");
        assert_eq!(n("a\u{202e}b".as_bytes()), "a\\u{202e}b");
        // A literal backslash-x in a name cannot pass for an escaped byte.
        assert_ne!(n(b"\\xff.json"), n(b"\xff.json"));
        assert!(!n(b"\x1b\x9b\x07").chars().any(|c| c.is_control()));
    }

    #[test]
    fn json_keeps_its_data_and_loses_its_teeth() {
        let v = serde_json::json!({"d": "a\u{9b}31mb\u{202e}c\u{1b}"});
        let out = json_inert(&v.to_string());
        assert_eq!(out, r#"{"d":"a\u009b31mb\u202ec\u001b"}"#);
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn widths_are_cells() {
        assert_eq!(width("石桥镇"), 6);
        assert_eq!(fit("石桥镇东村", 7), "石桥镇…");
        assert_eq!(width(&fit("石桥镇东村", 7)), 7);
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn phones_are_masked() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("12369"), "*2369");
    }
}
