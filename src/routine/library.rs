//! Finding routines: built in, in the user's folder, or at a path; user routines shadow built-in ones.

use std::path::{Path, PathBuf};

use super::catalog::Catalog;
use super::load::{LoadContext, load_routine};
use crate::diag::source::read_source;
use crate::diag::{Diagnostic, FileError, Lookup, SourceText, file_level, folder_level, hint};
use crate::format::model::{Origin, Routine};
use crate::text::io_reason;

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/built_in.rs"));
}

pub(crate) const CATALOG_FILE: &str = "exercises.toml";

/// Everything the app can offer: the routines found and the catalog they draw on.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Built-in and user routines, a user routine replacing a built-in one of the same id; sorted by id.
    pub routines: Vec<Routine>,
    /// The built-in catalog with the user's catalog laid over it.
    pub catalog: Catalog,
    /// Problems in the files that did not load (or loaded in part, like a catalog with a broken
    /// entry), in file order; shown, never fatal.
    pub problems: Vec<Diagnostic>,
    /// The runner's routine files that did not load. A broken file's id is never served by anything
    /// else (a built-in routine of the same id included): asking for it reports these problems.
    pub broken: Vec<BrokenRoutine>,
    user_dir: Option<PathBuf>,
}

/// A routine file in the runner's folder with errors.
#[derive(Debug, Clone)]
pub struct BrokenRoutine {
    pub id: String,
    pub problems: Vec<Diagnostic>,
    pub source: Option<SourceText>,
}

/// One file with problems, for a screen: its first problem and how many it has.
#[derive(Debug, Clone, Copy)]
pub struct FileProblems<'a> {
    pub first: &'a Diagnostic,
    pub count: usize,
}

/// The built-in catalog text (`routines/exercises.toml`).
pub(crate) fn built_in_catalog_text() -> Option<&'static str> {
    built_in::BUILT_IN_FILES
        .iter()
        .find(|(name, _)| *name == CATALOG_FILE)
        .map(|(_, text)| *text)
}

/// The built-in routine files, by id.
pub(crate) fn built_in_routine_texts() -> impl Iterator<Item = (&'static str, &'static str)> {
    built_in::BUILT_IN_FILES
        .iter()
        .filter(|(name, _)| *name != CATALOG_FILE)
        .filter_map(|(name, text)| name.strip_suffix(".toml").map(|id| (id, *text)))
}

impl Library {
    /// Loads the built-in routines and those in `user_dir` (if it exists). A `user_dir` that is not
    /// a folder, or that cannot be read, is an error: its routines would otherwise be missing unsaid.
    pub fn load(user_dir: Option<&Path>) -> Result<Self, FileError> {
        let mut library = Self {
            user_dir: user_dir.map(Path::to_path_buf),
            ..Self::default()
        };
        if let Some(text) = built_in_catalog_text() {
            let source = SourceText::new(format!("routines/{CATALOG_FILE}"), text);
            let (catalog, problems) = Catalog::read(&source);
            library.catalog = catalog;
            library.problems.extend(problems);
        }
        let user_files = user_dir.map(user_files).transpose()?.unwrap_or_default();
        if let Some(path) = user_files.iter().find(|p| is_catalog(p)) {
            let (catalog, problems) = read_catalog(path);
            library.catalog.overlay(catalog);
            library.problems.extend(problems);
        }
        for (id, text) in built_in_routine_texts() {
            let source = SourceText::new(format!("routines/{id}.toml"), text);
            let context = LoadContext {
                id,
                origin: Origin::BuiltIn,
                folder: None,
                catalog: &library.catalog,
            };
            match load_routine(&source, &context) {
                Ok(routine) => library.routines.push(routine),
                Err(problems) => library.problems.extend(problems),
            }
        }
        let mut own_ids: Vec<(String, &Path)> = Vec::new();
        for path in user_files.iter().filter(|p| !is_catalog(p)) {
            let id = file_id(path);
            if let Some((_, first)) = own_ids.iter().find(|(seen, _)| *seen == id) {
                library.problems.push(file_level(
                    &path.display().to_string(),
                    format!(
                        "`{}` has the same routine id `{id}` as {}; rename one of them",
                        file_name(path),
                        file_name(first)
                    ),
                ));
                continue;
            }
            own_ids.push((id.clone(), path));
            // The runner's file replaces the built-in routine, whether it loads or not.
            library.routines.retain(|r| r.id != id);
            match load_file(path, Origin::User(path.clone()), &library.catalog) {
                Ok(routine) => library.routines.push(routine),
                Err(FileError::Invalid {
                    problems,
                    mut sources,
                }) => {
                    library.problems.extend(problems.iter().cloned());
                    library.broken.push(BrokenRoutine {
                        id,
                        problems,
                        source: sources.pop(),
                    });
                }
                Err(FileError::NotFound { .. }) => {}
            }
        }
        library.routines.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(library)
    }

    pub fn find(&self, id: &str) -> Option<&Routine> {
        self.routines.iter().find(|r| r.id == id)
    }

    /// The files with problems, in the order found, each with its first problem.
    pub fn files_with_problems(&self) -> Vec<FileProblems<'_>> {
        let mut files: Vec<FileProblems<'_>> = Vec::new();
        for problem in &self.problems {
            match files.iter_mut().find(|f| f.first.path == problem.path) {
                Some(file) => file.count += 1,
                None => files.push(FileProblems {
                    first: problem,
                    count: 1,
                }),
            }
        }
        files
    }

    /// A routine by id, or by path when the argument looks like one (`./x.toml`, `dir/x`, an existing file).
    pub fn resolve(&self, argument: &str) -> Result<Routine, FileError> {
        let looks_like_path = Path::new(argument)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            || argument.contains('/')
            || argument.contains(std::path::MAIN_SEPARATOR);
        if !looks_like_path {
            if let Some(broken) = self.broken.iter().find(|b| b.id == argument) {
                return Err(FileError::Invalid {
                    problems: broken.problems.clone(),
                    sources: broken.source.iter().cloned().collect(),
                });
            }
            if let Some(routine) = self.find(argument) {
                return Ok(routine.clone());
            }
            if !Path::new(argument).is_file() {
                return Err(FileError::NotFound {
                    lookup: Lookup::Routine,
                    id: argument.to_owned(),
                    suggestion: hint(argument, self.routines.iter().map(|r| r.id.as_str())),
                });
            }
        }
        self.load_path(Path::new(argument))
    }

    /// Loads the routine file at `path`, with its folder's own catalog laid over ours.
    pub fn load_path(&self, path: &Path) -> Result<Routine, FileError> {
        let catalog = self.catalog_for(path);
        load_file(path, Origin::Path(path.to_path_buf()), &catalog)
    }

    /// The catalog a routine at `path` sees: ours, with its own folder's `exercises.toml` over it.
    fn catalog_for(&self, path: &Path) -> Catalog {
        let mut catalog = self.catalog.clone();
        let folder = path.parent().unwrap_or(Path::new("."));
        let local = folder.join(CATALOG_FILE);
        let is_user_dir = self
            .user_dir
            .as_deref()
            .is_some_and(|dir| same_dir(dir, folder));
        if local.is_file() && !is_user_dir {
            // Its own problems are the catalog file's to report (validate checks it in its turn); a
            // routine only hears of the entries it uses.
            catalog.overlay(read_catalog(&local).0);
        }
        catalog
    }
}

/// Reads a catalog file: its good entries, and all its problems.
fn read_catalog(path: &Path) -> (Catalog, Vec<Diagnostic>) {
    match read_source(path) {
        Ok(source) => Catalog::read(&source),
        Err(problem) => (Catalog::unreadable_file(problem.clone()), vec![problem]),
    }
}

/// A routine's id: its file name without `.toml`.
fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Loads a routine file; its id is the file name without `.toml`.
pub(crate) fn load_file(
    path: &Path,
    origin: Origin,
    catalog: &Catalog,
) -> Result<Routine, FileError> {
    let source = read_source(path).map_err(|d| FileError::invalid(vec![d], None))?;
    let id = file_id(path);
    let folder = path.parent().map_or_else(
        || PathBuf::from("."),
        |p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        },
    );
    let context = LoadContext {
        id: &id,
        origin,
        folder: Some(&folder),
        catalog,
    };
    load_routine(&source, &context).map_err(|problems| FileError::invalid(problems, Some(source)))
}

/// The routine files in the runner's folder; none when there is no such folder yet.
fn user_files(dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let shown = dir.display().to_string();
    let refuse = |message: String| FileError::invalid(vec![folder_level(&shown, message)], None);
    match std::fs::metadata(dir) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Ok(metadata) if metadata.is_file() => {
            return Err(refuse(
                "the routines folder is a file, not a folder".to_owned(),
            ));
        }
        Ok(metadata) if !metadata.is_dir() => {
            return Err(refuse("the routines folder is not a folder".to_owned()));
        }
        _ => {}
    }
    let files = toml_files(dir).map_err(|error| {
        refuse(format!(
            "cannot read the routines folder: {}",
            io_reason(&error)
        ))
    })?;
    Ok(files.into_iter().filter(|p| p.is_file()).collect())
}

/// The `.toml` entries directly in `dir`, sorted. A folder or an entry that cannot be read is an
/// error, never an empty or shorter list.
pub(crate) fn toml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        // `.TOML` too: a file the coach named in capitals is read, never skipped unseen.
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

pub(crate) fn is_catalog(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case(CATALOG_FILE))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
