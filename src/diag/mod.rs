//! Problems found in a user's file, each pinned to a line and column.
//!
//! The one-line form `path:line:col: error: message` is the contract (scripts and editors parse it); on a
//! terminal the same problem can also be drawn with its source line and a caret.

pub(crate) mod fields;
mod file_error;
pub mod source;
mod suggest;
pub(crate) mod toml;

use std::fmt;
use std::ops::Range;

use crate::text::printable;

pub use file_error::{FileError, Lookup};
pub use suggest::hint;

/// A 1-based line and column (in characters) in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: String,
    /// Where in the file; none for a folder, which has no lines to point into.
    pub position: Option<Position>,
    pub message: String,
    /// Byte range in the source, for the caret report.
    pub span: Range<usize>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: error: {}",
            printable(&self.place()),
            printable(&self.message)
        )
    }
}

impl Diagnostic {
    /// `path:line:column`, or the path alone when there is no position (as written, unescaped).
    pub fn place(&self) -> String {
        match self.position {
            Some(Position { line, column }) => format!("{}:{line}:{column}", self.path),
            None => self.path.clone(),
        }
    }
}

/// A file's text with its line starts, to turn byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_index = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let start = self.line_starts[line_index];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line_index + 1, column + 1)
    }

    pub fn diagnostic(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.position(span.start);
        Diagnostic {
            path: self.path.clone(),
            position: Some(Position { line, column }),
            message: message.into(),
            span,
        }
    }
}

/// A diagnostic for a whole file that has no position of its own (unreadable, too large, not UTF-8).
pub fn file_level(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_owned(),
        position: Some(Position { line: 1, column: 1 }),
        message: message.into(),
        span: 0..0,
    }
}

/// A diagnostic for a folder (missing, unreadable, empty), shown as `path: error: message`.
pub fn folder_level(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_owned(),
        position: None,
        message: message.into(),
        span: 0..0,
    }
}

/// How problems are written: chosen once per run, for every command alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// `path:line:col: error: message`, a line each: the contract scripts and editors parse.
    Plain,
    /// With the source line and a caret, in colour, for a person at a terminal.
    Caret,
    /// A JSON object a line (`path`, `line`, `column`, `severity`, `message`), for tools.
    Json,
}

impl Report {
    /// The caret view for a terminal, the plain lines for anything else.
    pub fn for_terminal(is_terminal: bool) -> Self {
        if is_terminal {
            Self::Caret
        } else {
            Self::Plain
        }
    }

    /// One problem, with the source it points into when there is one.
    pub fn problem(self, diagnostic: &Diagnostic, source: Option<&SourceText>) -> String {
        match self {
            Self::Plain => diagnostic.to_string(),
            Self::Caret => render_rich(diagnostic, source, true),
            Self::Json => json_line(diagnostic, "error"),
        }
    }

    /// A warning: the file still counts as ok.
    pub fn warning(self, diagnostic: &Diagnostic) -> String {
        match self {
            Self::Json => json_line(diagnostic, "warning"),
            Self::Plain | Self::Caret => format!(
                "{}: warning: {}",
                printable(&diagnostic.place()),
                printable(&diagnostic.message)
            ),
        }
    }

    /// A problem that is not in a file (a missing folder, a history that cannot be opened).
    pub fn message(self, message: &str) -> String {
        match self {
            Self::Json => serde_json::json!({
                "path": null,
                "line": null,
                "column": null,
                "severity": "error",
                "message": message,
            })
            .to_string(),
            // Messages may quote paths and ids from files: each line escaped, the lines kept.
            Self::Plain | Self::Caret => format!(
                "limberup: error: {}",
                message
                    .lines()
                    .map(printable)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    /// Whether the end of a run may add a sentence for a person ("2 of 3 files have problems"): not
    /// among JSON lines, where the exit code says it.
    pub fn for_people(self) -> bool {
        self != Self::Json
    }

    /// Every problem, each with its own file's source, a line (or a caret view) each.
    pub fn problems(self, problems: &[Diagnostic], sources: &[SourceText]) -> String {
        problems
            .iter()
            .map(|problem| {
                let source = sources.iter().find(|s| s.path == problem.path);
                self.problem(problem, source) + "\n"
            })
            .collect()
    }
}

/// One problem as a JSON object on one line. JSON escapes every control character, so nothing from
/// a file reaches the terminal as a control sequence; `line` and `column` are null for a folder.
fn json_line(diagnostic: &Diagnostic, severity: &str) -> String {
    serde_json::json!({
        "path": diagnostic.path,
        "line": diagnostic.position.map(|p| p.line),
        "column": diagnostic.position.map(|p| p.column),
        "severity": severity,
        "message": diagnostic.message,
    })
    .to_string()
}

/// Draws a diagnostic with its source line and a caret, for a person at a terminal.
pub fn render_rich(diagnostic: &Diagnostic, source: Option<&SourceText>, color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let Some(source) = source.filter(|s| diagnostic.span.end <= s.text.len() && !s.text.is_empty())
    else {
        return diagnostic.to_string();
    };
    let mut span = diagnostic.span.clone();
    if span.is_empty() {
        // Point at one character so the caret is visible.
        let next = source.text[span.start..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        span.end = span.start + next;
    }
    let report = &[Level::ERROR.primary_title(&diagnostic.message).element(
        Snippet::source(&source.text)
            .path(&source.path)
            .fold(true)
            .annotation(AnnotationKind::Primary.span(span)),
    )];
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let source = SourceText::new("r.toml", "a = 1\nname = \"é\" x\n");
        assert_eq!(source.position(0), (1, 1));
        assert_eq!(source.position(6), (2, 1));
        // The byte after the two-byte `é` and its closing quote.
        let x = source.text.find('x').expect("x is in the text");
        assert_eq!(source.position(x), (2, 12));
        assert_eq!(source.position(999), (3, 1));
    }

    /// The JSON report gives the plain line's parts as fields, a warning as a warning, a problem
    /// outside any file without a path; a control character from a file stays an escape.
    #[test]
    fn the_json_report_is_one_object_a_line() {
        let source = SourceText::new("dir/r.toml", "name = 1\n");
        let d = source.diagnostic(7..8, "`name` must be a string\u{1b}[2J");
        assert_eq!(
            Report::Json.problem(&d, Some(&source)),
            r#"{"column":8,"line":1,"message":"`name` must be a string\u001b[2J","path":"dir/r.toml","severity":"error"}"#
        );
        assert_eq!(
            Report::Json.warning(&d),
            r#"{"column":8,"line":1,"message":"`name` must be a string\u001b[2J","path":"dir/r.toml","severity":"warning"}"#
        );
        assert_eq!(
            Report::Json.message("no history here"),
            r#"{"column":null,"line":null,"message":"no history here","path":null,"severity":"error"}"#
        );
        assert_eq!(
            Report::Plain.warning(&d),
            "dir/r.toml:1:8: warning: `name` must be a string\\u{1b}[2J"
        );
        assert_eq!(
            Report::Plain.message("one\ntwo"),
            "limberup: error: one\ntwo"
        );
        assert!(Report::Plain.for_people() && !Report::Json.for_people());
    }

    #[test]
    fn one_line_form() {
        let source = SourceText::new("dir/r.toml", "name = 1\n");
        let d = source.diagnostic(7..8, "`name` must be a string");
        assert_eq!(
            d.to_string(),
            "dir/r.toml:1:8: error: `name` must be a string"
        );
    }

    #[test]
    fn a_folders_problem_has_no_position_and_is_written_without_one() {
        let d = folder_level("routines", "the routines folder is a file, not a folder");
        assert_eq!(d.position, None);
        assert_eq!(
            d.to_string(),
            "routines: error: the routines folder is a file, not a folder"
        );
    }

    #[test]
    fn the_plain_report_is_the_one_line_form_and_the_caret_report_shows_the_source() {
        let source = SourceText::new("r.toml", "name = 1\n");
        let d = source.diagnostic(7..8, "`name` must be a string");
        let sources = [source];
        assert_eq!(
            Report::Plain.problems(std::slice::from_ref(&d), &sources),
            "r.toml:1:8: error: `name` must be a string\n"
        );
        let caret = Report::Caret.problems(&[d], &sources);
        assert!(caret.contains("name = 1") && caret.contains('^'), "{caret}");
    }

    #[test]
    fn rich_form_has_a_caret_under_the_problem() {
        let source = SourceText::new("r.toml", "name = 1\n");
        let d = source.diagnostic(7..8, "`name` must be a string");
        let text = render_rich(&d, Some(&source), false);
        assert!(text.contains("r.toml:1:8"), "{text}");
        assert!(text.contains("name = 1"), "{text}");
        assert!(text.contains('^'), "{text}");
    }
}
