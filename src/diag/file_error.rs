//! The one error of loading a user's file (a routine, a program, the settings): its problems with
//! their sources, or an id that names no file.

use super::{Diagnostic, SourceText};
use crate::text::printable;

/// What an id was looked up as: it says what was not found and which command lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Routine,
    Program,
}

impl Lookup {
    fn noun(self) -> &'static str {
        match self {
            Self::Routine => "routine",
            Self::Program => "program",
        }
    }

    fn list_command(self) -> &'static str {
        match self {
            Self::Routine => "limberup list",
            Self::Program => "limberup program list",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{}", .problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid {
        problems: Vec<Diagnostic>,
        sources: Vec<SourceText>,
    },
    #[error(
        "no {} called `{}`{}; `{}` shows them all",
        .lookup.noun(),
        printable(id),
        printable(suggestion),
        .lookup.list_command()
    )]
    NotFound {
        lookup: Lookup,
        id: String,
        suggestion: String,
    },
}

impl FileError {
    /// `problems` in a file, with its text (for the caret view) when it could be read.
    pub fn invalid(problems: Vec<Diagnostic>, source: Option<SourceText>) -> Self {
        Self::Invalid {
            problems,
            sources: source.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_not_found_names_what_was_looked_for_and_where_they_are_listed() {
        let routine = FileError::NotFound {
            lookup: Lookup::Routine,
            id: "hip".to_owned(),
            suggestion: " (did you mean `hips`?)".to_owned(),
        };
        assert_eq!(
            routine.to_string(),
            "no routine called `hip` (did you mean `hips`?); `limberup list` shows them all"
        );
        let program = FileError::NotFound {
            lookup: Lookup::Program,
            id: "x".to_owned(),
            suggestion: String::new(),
        };
        assert_eq!(
            program.to_string(),
            "no program called `x`; `limberup program list` shows them all"
        );
    }
}
