//! Text from files and file names on its way to a terminal. A routine file named `ESC ]0;…` or a TOML
//! key holding OSC 52 would otherwise retitle the terminal or write to the clipboard when printed, so
//! everything that came from a file is passed through [`printable`] on every text output.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters a terminal would act on or that reorder or hide text: C0 and C1 controls, DEL, bidi
/// marks, embeddings, overrides and isolates, zero-width space and other invisible formatting, line
/// and paragraph separators, the byte-order mark. The zero-width joiner and non-joiner (U+200D,
/// U+200C) are not among them: emoji sequences (🏃‍♀️) and Persian words need them.
pub fn is_unprintable(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// `s` with every [`is_unprintable`] character shown as `\u{1b}`; borrowed when nothing needed
/// escaping (the usual case).
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unprintable(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// FNV-1a over the text's bytes, as 16 hex digits: stable across Rust versions, unlike
/// `DefaultHasher`, so it can name what is stored (a routine's version in the history, a cached file).
pub fn content_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// `1 routine`, `2 routines`: a count with its noun, singular or plural (`plural` for irregular ones).
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// [`printable`] for a path (a file name may hold any byte but `/` and NUL).
pub fn printable_path(path: &std::path::Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

/// The reason without Rust's "(os error 2)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::StorageFull => "no space left on the device".to_owned(),
        _ => {
            let text = error.to_string();
            let reason = text.split(" (os error").next().unwrap_or(&text);
            // "Not a directory" reads "not a directory" after a colon, as the reasons above do.
            let mut chars = reason.chars();
            match (chars.next(), chars.next()) {
                (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
                    first
                        .to_lowercase()
                        .chain(reason[first.len_utf8()..].chars())
                        .collect()
                }
                _ => reason.to_owned(),
            }
        }
    }
}

/// The columns `text` takes on a terminal, as ratatui measures it: a CJK character or an emoji
/// sequence (🏃‍♀️, ❤️) takes two, a combining mark none.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` cut to at most `columns` columns, the cut marked with an ellipsis. Cuts fall between grapheme
/// clusters, never inside an emoji sequence or between a letter and its combining marks.
pub fn fit(text: &str, columns: usize) -> Cow<'_, str> {
    if width(text) <= columns {
        return Cow::Borrowed(text);
    }
    let room = columns.saturating_sub(1);
    let mut cut = String::new();
    let mut used = 0;
    for grapheme in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
        let next = width(grapheme);
        if used + next > room {
            break;
        }
        cut.push_str(grapheme);
        used += next;
    }
    if columns > 0 {
        cut.push('…');
    }
    Cow::Owned(cut)
}

/// `text` followed by spaces up to `columns` columns (`{:<N}` counts characters, not columns).
pub fn pad(text: &str, columns: usize) -> String {
    let mut padded = text.to_owned();
    padded.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    padded
}

/// Words joined by single spaces into lines of at most `width` columns, as the screen measures them;
/// a word longer than the width gets a line of its own. Always at least one line.
pub fn wrap_words<'a>(words: impl IntoIterator<Item = &'a str>, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in words {
        let needed = self::width(&current) + usize::from(!current.is_empty()) + self::width(word);
        if !current.is_empty() && needed > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::{fit, is_unprintable, pad, printable, width};

    #[test]
    fn wide_text_is_measured_cut_and_padded_by_columns() {
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("🏃\u{200D}♀\u{FE0F}"), 2);
        assert_eq!(width("❤\u{FE0F}"), 2);
        assert_eq!(width("Cafe\u{301}"), 4);
        assert_eq!(fit("日本語です", 6), "日本…");
        assert_eq!(fit("日本語です", 7), "日本語…");
        assert_eq!(fit("a🏃\u{200D}♀\u{FE0F}b", 3), "a…");
        assert_eq!(fit("Cafe\u{301}s", 5), "Cafe\u{301}s");
        assert_eq!(fit("Cafe\u{301}ss", 5), "Cafe\u{301}…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("e\u{301}", 3), "e\u{301}  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }
    use std::borrow::Cow;

    #[test]
    fn terminal_controls_are_shown_not_sent() {
        assert_eq!(
            printable("a\u{1b}]0;TITLE\u{7}b"),
            "a\\u{1b}]0;TITLE\\u{7}b"
        );
        assert_eq!(printable("\u{9b}31m\u{7f}"), "\\u{9b}31m\\u{7f}");
        assert_eq!(printable("abc\u{202E}cba"), "abc\\u{202e}cba");
        assert_eq!(printable("tab\tnew\nline"), "tab\\u{9}new\\u{a}line");
        assert_eq!(printable("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for text in [
            "Hüftöffner",
            "🏃\u{200D}♀\u{FE0F}",
            "می\u{200C}خواهم",
            "日本語",
            "e\u{301}",
            "",
        ] {
            assert!(
                matches!(printable(text), Cow::Borrowed(t) if t == text),
                "{text}"
            );
        }
    }

    #[test]
    fn joiners_are_printable_and_bidi_overrides_are_not() {
        assert!(!is_unprintable('\u{200D}') && !is_unprintable('\u{200C}'));
        for c in [
            '\u{200B}', '\u{200E}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{FEFF}', '\u{0}',
        ] {
            assert!(is_unprintable(c), "{c:?}");
        }
    }
}
