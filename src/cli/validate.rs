//! `limberup validate`: check routine files and catalogs, reporting every problem.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Failure, Outcome, io_failure};
use crate::diag::FileError;
use crate::diag::source::read_source;
use crate::diag::{Diagnostic, Report, SourceText, file_level, folder_level};
use crate::program::catalog::{PROGRAMS_DIR, is_program_path, load_file};
use crate::routine::Library;
use crate::routine::catalog::Catalog;
use crate::routine::figure_check::contact_warnings;
use crate::routine::library::{is_catalog, toml_files};
use crate::text::io_reason;
use crate::text::{count, printable, printable_path};

pub(super) fn run(
    library: &Library,
    paths: &[PathBuf],
    routines_dir: Option<&Path>,
    style: Report,
    out: &mut impl Write,
) -> Outcome {
    let entries = if paths.is_empty() {
        // Without a path: the runner's own routines folder, whole.
        own_folder(routines_dir)
    } else {
        expand(paths)
    };
    let mut failed = 0_usize;
    for entry in &entries {
        let checked = match entry {
            Ok(file) => check_file(library, file, style).map(|summary| (file, summary)),
            Err(problem) => Err((vec![problem.clone()], None)),
        };
        match checked {
            Ok((file, summary)) => {
                writeln!(out, "{}: ok ({summary})", printable_path(file)).map_err(io_failure)?;
            }
            Err((problems, source)) => {
                failed += 1;
                let sources: Vec<SourceText> = source.into_iter().collect();
                let text = style.problems(&problems, &sources);
                let _ = std::io::stderr().lock().write_all(text.as_bytes());
            }
        }
    }
    if failed > 0 {
        if style.for_people() {
            let _ = writeln!(std::io::stderr(), "limberup: {}", summary(&entries, failed));
        }
        return Err(Failure::Reported);
    }
    Ok(())
}

/// "2 of 3 files have problems", with folders that gave no files counted as folders: "1 folder
/// has problems", "1 of 2 files and 1 folder have problems".
fn summary(entries: &[Entry], failed: usize) -> String {
    let folders = entries.iter().filter(|entry| entry.is_err()).count();
    let files = entries.len() - folders;
    let failed_files = failed - folders;
    let mut parts = Vec::new();
    if failed_files > 0 {
        parts.push(format!(
            "{failed_files} of {}",
            count(files, "file", "files")
        ));
    }
    if folders > 0 {
        parts.push(count(folders, "folder", "folders"));
    }
    let verb = if failed == 1 { "has" } else { "have" };
    format!("{} {verb} problems", parts.join(" and "))
}

/// A file to check, or why a folder given gave none.
type Entry = Result<PathBuf, Diagnostic>;

/// Folders stand for the `.toml` files directly inside them; a folder that cannot be read or holds
/// none is a problem of its own.
fn expand(paths: &[PathBuf]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for path in paths {
        if !path.is_dir() {
            entries.push(Ok(path.clone()));
            continue;
        }
        let shown = path.display().to_string();
        match toml_files(path) {
            Ok(files) if files.is_empty() => entries.push(Err(folder_level(
                &shown,
                "no routine files (.toml) in this folder",
            ))),
            Ok(files) => {
                entries.extend(files.into_iter().map(Ok));
                // A routines folder's programs are checked with it.
                let programs = path.join(PROGRAMS_DIR);
                if programs.is_dir() {
                    entries.extend(expand(&[programs]));
                }
            }
            Err(error) => entries.push(Err(folder_level(
                &shown,
                format!("cannot read the folder: {}", io_reason(&error)),
            ))),
        }
    }
    entries
}

/// The runner's routines folder, which must exist when it is all there is to check.
fn own_folder(routines_dir: Option<&Path>) -> Vec<Entry> {
    match routines_dir {
        Some(dir) if dir.exists() => expand(&[dir.to_path_buf()]),
        Some(dir) => vec![Err(folder_level(
            &dir.display().to_string(),
            "there is no routines folder here; give one with --routines or LIMBERUP_ROUTINES, or the files to check",
        ))],
        None => vec![Err(folder_level(
            "limberup",
            "there is no routines folder (no home folder); give one with --routines or LIMBERUP_ROUTINES, or the files to check",
        ))],
    }
}

type Problems = (Vec<Diagnostic>, Option<SourceText>);

/// Warnings go to stderr (`path:line:col: warning: message`, or JSON); the file still counts as
/// ok.
fn warn(warnings: &[Diagnostic], style: Report) {
    let mut err = std::io::stderr().lock();
    for warning in warnings {
        let _ = writeln!(err, "{}", style.warning(warning));
    }
}

fn check_file(library: &Library, path: &Path, style: Report) -> Result<String, Problems> {
    if is_program_path(path) && path.extension().is_some_and(|e| e == "toml") {
        return match load_file(path, library) {
            Ok(program) => Ok(format!(
                "program, {}, {} weeks",
                printable(&program.name),
                program.weeks
            )),
            Err(FileError::Invalid {
                problems,
                mut sources,
            }) => Err((problems, sources.pop())),
            Err(other @ FileError::NotFound { .. }) => Err((
                vec![file_level(&path.display().to_string(), other.to_string())],
                None,
            )),
        };
    }
    if is_catalog(path) {
        let source = read_source(path).map_err(|d| (vec![d], None))?;
        let catalog = Catalog::parse(&source).map_err(|p| (p, Some(source.clone())))?;
        warn(&contact_warnings(&source, &catalog), style);
        return Ok(format!(
            "catalog, {}",
            count(catalog.len(), "exercise", "exercises")
        ));
    }
    if path
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("toml"))
        && path.is_file()
    {
        let shown = path.display().to_string();
        return Err((
            vec![file_level(
                &shown,
                "a routine file's name must end in .toml",
            )],
            None,
        ));
    }
    match library.load_path(path) {
        Ok(routine) => Ok(format!(
            "{}, {}",
            printable(&routine.name),
            routine.total.label()
        )),
        Err(FileError::Invalid {
            problems,
            mut sources,
        }) => Err((problems, sources.pop())),
        Err(other @ FileError::NotFound { .. }) => Err((
            vec![file_level(&path.display().to_string(), other.to_string())],
            None,
        )),
    }
}
