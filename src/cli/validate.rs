//! `limberup validate`: check routine files and catalogs, reporting every problem.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{Failure, Outcome, io_failure};
use crate::diag::source::read_source;
use crate::diag::{Diagnostic, SourceText, file_level, render_rich};
use crate::routine::catalog::Catalog;
use crate::routine::library::CATALOG_FILE;
use crate::routine::{Library, LoadError};
use crate::text::{printable, printable_path};

pub fn run(library: &Library, paths: &[PathBuf], out: &mut impl Write) -> Outcome {
    let files = expand(paths);
    let mut failed = 0_usize;
    let rich = std::io::stderr().is_terminal();
    for file in &files {
        match check_file(library, file) {
            Ok(summary) => {
                writeln!(out, "{}: ok ({summary})", printable_path(file)).map_err(io_failure)?;
            }
            Err((problems, source)) => {
                failed += 1;
                let mut err = std::io::stderr().lock();
                for problem in &problems {
                    let text = if rich {
                        render_rich(problem, source.as_ref(), true)
                    } else {
                        problem.to_string()
                    };
                    let _ = writeln!(err, "{text}");
                }
            }
        }
    }
    if failed > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "limberup: {failed} of {} file(s) have problems",
            files.len()
        );
        return Err(Failure::Reported);
    }
    Ok(())
}

/// Folders stand for the `.toml` files directly inside them.
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                        .collect()
                })
                .unwrap_or_default();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    files
}

type Problems = (Vec<Diagnostic>, Option<SourceText>);

fn check_file(library: &Library, path: &Path) -> Result<String, Problems> {
    if path.file_name().is_some_and(|n| n == CATALOG_FILE) {
        let source = read_source(path).map_err(|d| (vec![d], None))?;
        return Catalog::parse(&source)
            .map(|c| format!("catalog, {} exercises", c.len()))
            .map_err(|p| (p, Some(source)));
    }
    if path.extension().is_none_or(|e| e != "toml") && path.is_file() {
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
        Err(LoadError::Invalid {
            problems,
            mut sources,
        }) => Err((problems, sources.pop())),
        Err(other @ LoadError::NotFound { .. }) => Err((
            vec![file_level(&path.display().to_string(), other.to_string())],
            None,
        )),
    }
}
