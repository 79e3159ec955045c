//! Finding programs: built in (compiled from `routines/programs/`), and the runner's in
//! `<routines dir>/programs/`; a runner's program replaces a built-in one of the same id.

use std::path::{Path, PathBuf};

use super::Program;
use super::read::read_program;
use crate::diag::source::read_source;
use crate::diag::{Diagnostic, FileError, Lookup, SourceText, folder_level, hint};
use crate::routine::Library;
use crate::routine::library::toml_files;
use crate::text::io_reason;

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/built_in_programs.rs"));
}

/// The folder programs live in, inside a routines folder.
pub const PROGRAMS_DIR: &str = "programs";

/// Every program found, sorted by id, and the runner's files that did not load.
#[derive(Debug, Clone, Default)]
pub struct Programs {
    pub programs: Vec<Program>,
    pub problems: Vec<Diagnostic>,
}

/// The built-in program files, by id.
pub fn built_in_program_texts() -> impl Iterator<Item = (&'static str, &'static str)> {
    built_in::BUILT_IN_PROGRAMS
        .iter()
        .filter_map(|(name, text)| name.strip_suffix(".toml").map(|id| (id, *text)))
}

impl Programs {
    /// The built-in programs and those in `<routines_dir>/programs/`. A `programs` entry that is
    /// not a readable folder is an error, never a quietly shorter list.
    pub fn load(library: &Library, routines_dir: Option<&Path>) -> Result<Self, FileError> {
        let mut found = Self::default();
        for (id, text) in built_in_program_texts() {
            let source = SourceText::new(format!("routines/programs/{id}.toml"), text);
            match read_program(&source, id, true, &library.routines) {
                Ok(program) => found.programs.push(program),
                Err(problems) => found.problems.extend(problems),
            }
        }
        let folder = routines_dir.map(|dir| dir.join(PROGRAMS_DIR));
        for path in folder
            .as_deref()
            .map(user_files)
            .transpose()?
            .unwrap_or_default()
        {
            match load_file(&path, library) {
                Ok(program) => {
                    found.programs.retain(|p| p.id != program.id);
                    found.programs.push(program);
                }
                Err(FileError::Invalid { problems, .. }) => found.problems.extend(problems),
                Err(FileError::NotFound { .. }) => {}
            }
        }
        found.programs.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(found)
    }

    pub fn find(&self, id: &str) -> Result<&Program, FileError> {
        self.programs
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| FileError::NotFound {
                lookup: Lookup::Program,
                id: id.to_owned(),
                suggestion: hint(id, self.programs.iter().map(|p| p.id.as_str())),
            })
    }
}

/// Reads the program file at `path`; its id is the file name without `.toml`.
pub fn load_file(path: &Path, library: &Library) -> Result<Program, FileError> {
    let source = read_source(path).map_err(|d| FileError::Invalid {
        problems: vec![d],
        sources: Vec::new(),
    })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_program(&source, &id, false, &library.routines).map_err(|problems| FileError::Invalid {
        problems,
        sources: vec![source],
    })
}

/// Whether a path is a program file: a `.toml` directly inside a `programs/` folder.
pub fn is_program_path(path: &Path) -> bool {
    path.parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == PROGRAMS_DIR)
}

fn user_files(dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let shown = dir.display().to_string();
    let refuse = |message: String| FileError::Invalid {
        problems: vec![folder_level(&shown, message)],
        sources: Vec::new(),
    };
    match std::fs::metadata(dir) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Ok(metadata) if !metadata.is_dir() => {
            return Err(refuse("the programs folder is not a folder".to_owned()));
        }
        _ => {}
    }
    let files = toml_files(dir).map_err(|error| {
        refuse(format!(
            "cannot read the programs folder: {}",
            io_reason(&error)
        ))
    })?;
    Ok(files.into_iter().filter(|p| p.is_file()).collect())
}
