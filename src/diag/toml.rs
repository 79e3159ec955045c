//! Parsing TOML with every syntax error as a positioned problem, shared by every file limberup
//! reads (routines, catalogs, programs, answers, settings).

use toml::Spanned;
use toml::de::DeTable;

use super::{Diagnostic, SourceText};

/// Parses TOML, turning syntax errors into diagnostics.
pub(crate) fn parse_toml(source: &SourceText) -> Result<Spanned<DeTable<'_>>, Vec<Diagnostic>> {
    let (table, errors) = DeTable::parse_recoverable(&source.text);
    if errors.is_empty() {
        return Ok(table);
    }
    let mut problems = Vec::new();
    let mut table_twice = false;
    for error in &errors {
        let span = error.span().unwrap_or(0..0);
        let message = match explain(source, &span, error.message()) {
            Some(Explained::Said(message)) => message,
            Some(Explained::TableTwice(message)) => {
                table_twice = true;
                message
            }
            // A key of a table written twice, set in both: the table's error says it all.
            Some(Explained::FollowOn) if table_twice => continue,
            Some(Explained::FollowOn) => duplicate_without_first(source, span.start),
            None => toml_message(error.message()),
        };
        problems.push(source.diagnostic(span, message));
    }
    Err(sorted(problems))
}

enum Explained {
    Said(String),
    TableTwice(String),
    /// A duplicate key whose first setting is not in the same table section.
    FollowOn,
}

/// toml's messages, as one line in our voice.
fn toml_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    format!("invalid TOML: {first}")
}

/// toml's words for the mistakes coaches make most, said in plain words.
fn explain(source: &SourceText, span: &std::ops::Range<usize>, message: &str) -> Option<Explained> {
    let first = message.lines().next().unwrap_or(message).trim();
    if first.starts_with("invalid basic string") {
        return Some(Explained::Said(
            "this text needs closing quotes: end it with `\"`".to_owned(),
        ));
    }
    if first.starts_with("invalid literal string") {
        return Some(Explained::Said(
            "this text needs a closing quote: end it with `'`".to_owned(),
        ));
    }
    if first.starts_with("duplicate key") {
        return Some(duplicate(source, span.start));
    }
    None
}

fn duplicate_without_first(source: &SourceText, at: usize) -> String {
    let (name, _) = key_at(source, at);
    format!("`{name}` is set twice; keep one")
}

/// The key (or `[table]`) on the line of `at`, and that line's 1-based number.
fn key_at(source: &SourceText, at: usize) -> (String, usize) {
    let (line, _) = source.position(at);
    let here = source.text.lines().nth(line - 1).map_or("", str::trim);
    let name = if here.starts_with('[') {
        format!("[{}]", here.trim_matches(|c| c == '[' || c == ']').trim())
    } else {
        here.split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .to_owned()
    };
    (name, line)
}

/// "`name` is set twice, on line 1 and again here on line 3; keep one": the key and both lines.
fn duplicate(source: &SourceText, at: usize) -> Explained {
    let (name, line) = key_at(source, at);
    let lines: Vec<&str> = source.text.lines().collect();
    let here = lines.get(line - 1).map_or("", |l| l.trim());
    if here.starts_with('[') {
        // A table written twice: the same header earlier in the file.
        return match lines[..line - 1].iter().position(|l| l.trim() == here) {
            Some(first) => Explained::TableTwice(format!(
                "`{name}` is set twice, on line {} and again here on line {line}; keep one",
                first + 1
            )),
            None => Explained::TableTwice(format!("`{name}` is set twice; keep one")),
        };
    }
    // The same key earlier in the same table: back to the table's header.
    let earlier = lines[..line - 1]
        .iter()
        .rposition(|l| {
            let l = l.trim();
            l.starts_with('[')
                || l.split('=')
                    .next()
                    .is_some_and(|k| k.trim().trim_matches('"') == name)
        })
        .filter(|&i| !lines[i].trim().starts_with('['));
    match earlier {
        Some(first) => Explained::Said(format!(
            "`{name}` is set twice, on line {} and again here on line {line}; keep one",
            first + 1
        )),
        None => Explained::FollowOn,
    }
}

pub(crate) fn sorted(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by_key(|d| d.position);
    problems.dedup();
    problems
}
