//! The alert banners under the header: the top (newest) unacknowledged
//! alert in whole sentences, and how to acknowledge it. Nothing is cut: the
//! text wraps over up to [`MAX_LINES`] lines, and where even that is too
//! narrow a shorter variant, still whole sentences, takes its place.

use ratatui::text::Line;

use super::theme::Theme;
use crate::i18n::{Lang, T, fill};
use crate::text::width;
use crate::tui::alerts;
use crate::tui::state::State;

/// The most lines the banners take.
pub const MAX_LINES: usize = 3;

/// The banner lines for a screen `cells` wide (none when nothing is unacknowledged).
pub fn lines(state: &State, cells: u16) -> Vec<Line<'static>> {
    let Some(top) = state.banners.last() else {
        return Vec::new();
    };
    let lang = state.lang;
    let more = state.banners.len() - 1;
    let hints: Vec<String> = if more == 0 {
        vec![
            T::AckOne.get(lang).to_string(),
            T::AckOneShort.get(lang).to_string(),
        ]
    } else {
        let n = [("more", more.to_string())];
        let n: Vec<(&str, &str)> = n.iter().map(|(k, v)| (*k, v.as_str())).collect();
        vec![
            fill(T::AckMore.get(lang), &n),
            fill(T::AckMoreShort.get(lang), &n),
        ]
    };
    let texts = alerts::sentences(&top.alert, &state.config, lang);
    let label = T::AlertBanner.get(lang);
    let cells = usize::from(cells).max(1);
    let compose = |text: &str, hint: &str| {
        let sep = if lang == Lang::En { " " } else { "" };
        let text = format!("{label} {text}{sep}{hint}");
        wrap(&text, cells.saturating_sub(2), lang == Lang::Zh)
    };
    // The full hint before a shorter text: the issue was losing "press x".
    let mut chosen = None;
    'fit: for hint in &hints {
        for text in &texts {
            let wrapped = compose(text, hint);
            if wrapped.len() <= MAX_LINES {
                chosen = Some(wrapped);
                break 'fit;
            }
        }
    }
    let mut wrapped = chosen.unwrap_or_else(|| {
        // Narrower than any sensible terminal: the shortest, as far as it goes.
        let text = texts.last().map(String::as_str).unwrap_or("");
        let hint = hints.last().map(String::as_str).unwrap_or("");
        compose(text, hint)
    });
    wrapped.truncate(MAX_LINES);
    wrapped
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), Theme::banner()))
        .collect()
}

/// Break `text` into lines of at most `cells` cells: between words, and,
/// for Chinese text (`cjk`), between CJK characters too (a closing mark
/// stays with the character before it); in English a Chinese name stays
/// whole. A word longer than a line is broken where it must be.
pub fn wrap(text: &str, cells: usize, cjk: bool) -> Vec<String> {
    let cells = cells.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut pending_space = false;
    for token in tokens(text, cjk) {
        if token == " " {
            pending_space = used > 0;
            continue;
        }
        let w = width(token);
        let space = usize::from(pending_space);
        if used > 0 && used + space + w > cells {
            lines.push(std::mem::take(&mut line));
            used = 0;
        } else if pending_space {
            line.push(' ');
            used += 1;
        }
        pending_space = false;
        if w <= cells {
            line.push_str(token);
            used += w;
            continue;
        }
        for c in token.chars() {
            let cw = width(c.encode_utf8(&mut [0; 4]));
            if used > 0 && used + cw > cells {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Punctuation that must not start a line.
fn closing(c: char) -> bool {
    "，。、；：！？）」』》,.;:!?)".contains(c)
}

/// Words, single spaces, and (`cjk`) wide characters one by one, each with
/// the closing punctuation after it.
fn tokens(text: &str, cjk: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None::<usize>;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let wide = cjk && width(c.encode_utf8(&mut [0; 4])) > 1 && !closing(c);
        if c == ' ' || wide {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
            if c == ' ' {
                out.push(" ");
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !closing(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(&text[i..end]);
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words_and_cjk_characters_and_keeps_every_one() {
        let en = "ALERT #12 warning: nobody is on site and the deadline 09:42 is 5 min away.";
        let lines = wrap(en, 30, false);
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        assert_eq!(lines.join(" "), en);
        assert_eq!(lines[0], "ALERT #12 warning: nobody is");
        let zh = "告警 #12 预警：尚无人到场，距到场时限 09:42 还有 5 分钟。";
        let lines = wrap(zh, 16, true);
        assert!(lines.iter().all(|l| width(l) <= 16), "{lines:?}");
        assert!(
            !lines
                .iter()
                .any(|l| l.starts_with('，') || l.starts_with('。')),
            "{lines:?}"
        );
        assert_eq!(lines.concat().replace(' ', ""), zh.replace(' ', ""));
        // A word longer than the line is broken, not lost.
        assert_eq!(wrap("abcdefgh", 3, false), ["abc", "def", "gh"]);
        // In English a Chinese name is one word.
        assert_eq!(
            wrap("alerted 汤国栋 13577097845 at", 12, false),
            ["alerted", "汤国栋", "13577097845", "at"]
        );
    }
}
