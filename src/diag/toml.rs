//! Parsing TOML with every syntax error as a positioned problem, shared by every file limberup
//! reads (routines, catalogs, programs, answers, settings).

use toml::Spanned;
use toml::de::DeTable;

use super::{Diagnostic, SourceText};

/// Parses TOML, turning syntax errors into diagnostics.
pub fn parse_toml(source: &SourceText) -> Result<Spanned<DeTable<'_>>, Vec<Diagnostic>> {
    let (table, errors) = DeTable::parse_recoverable(&source.text);
    if errors.is_empty() {
        return Ok(table);
    }
    Err(sorted(
        errors
            .iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                source.diagnostic(span, toml_message(e.message()))
            })
            .collect(),
    ))
}

/// toml's messages, as one line in our voice.
fn toml_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    format!("invalid TOML: {first}")
}

pub fn sorted(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by_key(|d| (d.line, d.column));
    problems.dedup();
    problems
}
