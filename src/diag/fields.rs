//! Reads typed fields out of a parsed TOML table, recording every problem instead of stopping at the first.
//!
//! serde's derive stops at the first error; coaches want all of a file's problems at once, each with its
//! line and column, so routine and answer files are read through this checker instead.

use std::ops::{Range, RangeInclusive};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Diagnostic, SourceText, hint};
use crate::duration::{Secs, parse_duration};

/// Where an array of tables or a table sits, for messages: "step 3", "the catalog entry `band-row`".
pub(crate) type Context<'c> = Option<&'c str>;

/// Collects the problems of one file.
pub struct Checker<'s> {
    pub source: &'s SourceText,
    pub problems: Vec<Diagnostic>,
}

/// Which characters a text field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line: names, cues, tags.
    Line,
    /// Prose that may span lines: descriptions, instructions.
    Paragraph,
}

impl<'s> Checker<'s> {
    pub fn new(source: &'s SourceText) -> Self {
        Self {
            source,
            problems: Vec::new(),
        }
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.problems.push(self.source.diagnostic(span, message));
    }

    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Reads each item of an array of tables with `read`, naming item N "`noun` N" in messages.
    /// `None` when an item is not a table or could not be read; every problem is recorded.
    pub fn each_table<T>(
        &mut self,
        items: &[Spanned<DeValue<'_>>],
        noun: &str,
        mut read: impl FnMut(&mut Self, &DeTable<'_>, Range<usize>, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut read_items = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let label = format!("{noun} {}", index + 1);
            match item.get_ref() {
                DeValue::Table(table) => {
                    if let Some(value) = read(self, table, item.span(), &label) {
                        read_items.push(value);
                    }
                }
                other => self.error(
                    item.span(),
                    format!("{label} must be a table, found a {}", other.type_str()),
                ),
            }
        }
        (read_items.len() == items.len()).then_some(read_items)
    }

    /// Reports every key not in `allowed`, with a suggestion when one is close.
    pub fn unknown_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], context: Context<'_>) {
        for key in table.keys() {
            let name = key.get_ref().as_ref();
            if !allowed.contains(&name) {
                let place = context.map_or_else(String::new, |c| format!(" in {c}"));
                let suggestion = hint(name, allowed.iter().copied());
                self.error(
                    key.span(),
                    format!("unknown key `{name}`{place}{suggestion}"),
                );
            }
        }
    }

    fn type_error(&mut self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str) {
        self.error(
            value.span(),
            format!(
                "`{key}` must be {expected}, found {}",
                article(value.get_ref().type_str())
            ),
        );
    }

    pub fn text(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        kind: TextKind,
        max_chars: usize,
    ) -> Option<Spanned<String>> {
        let value = table.get(key)?;
        let Some(text) = value.get_ref().as_str() else {
            self.type_error(key, value, "a string");
            return None;
        };
        self.check_text(key, text, value.span(), kind, max_chars)
            .then(|| Spanned::new(value.span(), text.to_owned()))
    }

    /// A required text field; reports its absence at `table_span`.
    pub fn required_text(
        &mut self,
        table: &DeTable<'_>,
        table_span: Range<usize>,
        key: &str,
        context: Context<'_>,
        max_chars: usize,
    ) -> Option<Spanned<String>> {
        if table.get(key).is_none() {
            self.missing(table_span, key, context);
            return None;
        }
        self.text(table, key, TextKind::Line, max_chars)
    }

    pub fn missing(&mut self, span: Range<usize>, key: &str, context: Context<'_>) {
        let place = context.map_or_else(String::new, |c| format!(" in {c}"));
        self.error(span, format!("missing required key `{key}`{place}"));
    }

    fn check_text(
        &mut self,
        key: &str,
        text: &str,
        span: Range<usize>,
        kind: TextKind,
        max_chars: usize,
    ) -> bool {
        if let Some(bad) = text
            .chars()
            .find(|&c| !(kind == TextKind::Paragraph && c == '\n') && is_unprintable(c))
        {
            self.error(
                span,
                format!(
                    "`{key}` contains the control character U+{:04X}; only printable text is allowed",
                    u32::from(bad)
                ),
            );
            return false;
        }
        let count = text.chars().count();
        if count > max_chars {
            self.error(
                span,
                format!("`{key}` is {count} characters long; at most {max_chars} are allowed"),
            );
            return false;
        }
        true
    }

    /// A list of one-line strings (tags, cues, equipment, areas).
    pub fn text_list(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        max_chars: usize,
    ) -> Option<Vec<Spanned<String>>> {
        let value = table.get(key)?;
        let Some(items) = value.get_ref().as_array() else {
            if let Some(text) = value.get_ref().as_str() {
                // `tags = "legs"`: show the list it should be.
                self.error(
                    value.span(),
                    format!(
                        "`{key}` must be a list of strings in brackets, like {key} = [\"{text}\"]"
                    ),
                );
            } else {
                self.type_error(key, value, "an array of strings");
            }
            return None;
        };
        let mut out = Vec::new();
        let mut ok = true;
        for item in items {
            if let Some(text) = item.get_ref().as_str() {
                if self.check_text(key, text, item.span(), TextKind::Line, max_chars) {
                    out.push(Spanned::new(item.span(), text.to_owned()));
                } else {
                    ok = false;
                }
            } else {
                self.error(
                    item.span(),
                    format!(
                        "`{key}` must hold only strings, found {}",
                        article(item.get_ref().type_str())
                    ),
                );
                ok = false;
            }
        }
        ok.then_some(out)
    }

    pub fn integer(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        range: RangeInclusive<i64>,
    ) -> Option<Spanned<i64>> {
        let value = table.get(key)?;
        let number = if let DeValue::Integer(i) = value.get_ref() {
            i64::from_str_radix(i.as_str(), i.radix()).ok()
        } else {
            self.type_error(key, value, "a whole number");
            return None;
        };
        match number {
            Some(n) if range.contains(&n) => Some(Spanned::new(value.span(), n)),
            _ => {
                self.error(
                    value.span(),
                    format!(
                        "`{key}` must be from {} to {}, found {}",
                        range.start(),
                        range.end(),
                        value_text(value.get_ref())
                    ),
                );
                None
            }
        }
    }

    pub fn boolean(&mut self, table: &DeTable<'_>, key: &str) -> Option<bool> {
        let value = table.get(key)?;
        if let Some(b) = value.get_ref().as_bool() {
            Some(b)
        } else {
            self.type_error(key, value, "true or false");
            None
        }
    }

    /// A duration: whole seconds, or a string such as "1m30s"; at most `max` seconds.
    pub fn duration(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        min: Secs,
        max: Secs,
    ) -> Option<Spanned<Secs>> {
        let value = table.get(key)?;
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) if n < 0 => Err("a duration cannot be negative".to_owned()),
                Ok(n) => u32::try_from(n)
                    .map(Secs)
                    .map_err(|_| "the duration is too large".to_owned()),
                Err(_) => Err("the duration is too large".to_owned()),
            },
            DeValue::String(s) => parse_duration(s).map_err(|e| e.to_string()),
            DeValue::Float(_) => {
                Err("use whole seconds (or a string such as \"1m30s\"), not a fraction".to_owned())
            }
            _ => {
                self.type_error(key, value, "a duration such as 45 or \"1m30s\"");
                return None;
            }
        };
        match parsed {
            Err(reason) => {
                self.error(value.span(), format!("invalid `{key}`: {reason}"));
                None
            }
            Ok(secs) if secs < min => {
                self.error(value.span(), format!("`{key}` must be at least {}s", min.0));
                None
            }
            Ok(secs) if secs > max => {
                self.error(
                    value.span(),
                    format!(
                        "`{key}` is {}; a duration may be at most {}",
                        crate::duration::format_human(secs.millis()),
                        crate::duration::format_human(max.millis())
                    ),
                );
                None
            }
            Ok(secs) => Some(Spanned::new(value.span(), secs)),
        }
    }

    /// A string from a closed set of words, with "did you mean" for near misses.
    pub fn choice<T: Copy>(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        options: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let value = table.get(key)?;
        let Some(text) = value.get_ref().as_str() else {
            self.type_error(key, value, "a string");
            return None;
        };
        if let Some((_, choice)) = options.iter().find(|(word, _)| *word == text) {
            return Some(Spanned::new(value.span(), *choice));
        }
        let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
        let suggestion = hint(text, words.iter().copied());
        self.error(
            value.span(),
            format!(
                "`{key}` must be one of {}, found \"{text}\"{suggestion}",
                words.join(", ")
            ),
        );
        None
    }
}

pub(crate) use crate::text::is_unprintable;

fn article(type_name: &str) -> String {
    match type_name {
        "integer" => "an integer".to_owned(),
        "array" => "an array".to_owned(),
        "inline table" | "table" => "a table".to_owned(),
        "datetime" => "a date".to_owned(),
        other => format!("a {other}"),
    }
}

fn value_text(value: &DeValue<'_>) -> String {
    match value {
        DeValue::Integer(i) => i.as_str().to_owned(),
        other => other.type_str().to_owned(),
    }
}
