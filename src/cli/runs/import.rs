//! `limberup runs import PATH...` and `limberup runs sync`: one line per file (`path: imported as
//! #7`, `path: error: …` on stderr), the rest still imported when one fails, and a progress line on a
//! terminal when there are many files. File names are escaped on their way to a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::json::write_json;
use crate::calendar::{Calendar, UtcTime};
use crate::cli::args::RunSport;
use crate::cli::{Failure, Outcome, io_failure};
use crate::config::Dirs;
use crate::history::batch::Batched;
use crate::history::run_import::{
    FileReport, ImportOptions, Outcome as FileOutcome, collect_files, import_file, sync_folders,
};
use crate::history::{HistoryError, Store};
use crate::text::printable_path;

/// From this many files on, a terminal shows how far the import is.
const PROGRESS_FROM: usize = 20;

/// `runs import`'s options.
pub(super) struct Options {
    pub sport: Option<RunSport>,
    pub dry_run: bool,
    pub json: bool,
}

#[derive(Serialize)]
struct ReportJson {
    path: String,
    outcome: &'static str,
    run: Option<i64>,
    message: String,
}

pub(super) fn import(
    dirs: &Dirs,
    calendar: &Calendar,
    paths: &[PathBuf],
    options: &Options,
    out: &mut impl Write,
) -> Outcome {
    let import_options = ImportOptions {
        sport: options
            .sport
            .clone()
            .map(|sport| (sport.sport, sport.sub_sport)),
        dry_run: options.dry_run,
        now: UtcTime::now(),
    };
    let (files, problems) = collect_files(paths);
    // A dry run never creates the history.
    let mut store = if options.dry_run {
        None
    } else {
        Some(super::writable(dirs, calendar)?)
    };
    let mut printer = Printer::new(options.json, files.len() + problems.len());
    for report in &problems {
        printer.print(report, out)?;
    }
    let mut batch = store.as_mut().map(Batched::new);
    for path in files {
        let store = batch.as_mut().map(Batched::store).transpose()?;
        let outcome = import_file(store, &path, &import_options);
        if let Some(batch) = batch.as_mut() {
            batch.done_one()?;
        }
        printer.print(&FileReport { path, outcome }, out)?;
    }
    if let Some(mut batch) = batch {
        batch.commit()?;
    }
    printer.finish()
}

pub(super) fn sync(
    dirs: &Dirs,
    calendar: &Calendar,
    folders: &[PathBuf],
    json: bool,
    out: &mut impl Write,
) -> Outcome {
    if folders.is_empty() {
        return Err(Failure::Misuse(
            "no folders to sync: list them in the settings as runs_folders = [\"~/Garmin/Activity\"]"
                .to_owned(),
        ));
    }
    let mut store = super::writable(dirs, calendar)?;
    let mut printer = Printer::new(json, 0);
    let mut failure = None;
    let summary = sync_folders(&mut store, folders, &sync_options(), |report| {
        if failure.is_none() {
            failure = printer.print(report, out).err();
        }
    })?;
    if let Some(failure) = failure {
        return Err(failure);
    }
    if !json && summary.read == 0 {
        let folders: Vec<String> = folders.iter().map(|f| printable_path(f)).collect();
        writeln!(
            out,
            "nothing new in {} ({} seen before)",
            folders.join(", "),
            crate::text::count(summary.skipped, "file", "files")
        )
        .map_err(io_failure)?;
    }
    printer.finish()
}

fn sync_options() -> ImportOptions {
    ImportOptions {
        sport: None,
        dry_run: false,
        now: UtcTime::now(),
    }
}

/// What the full-screen app does when it opens: `runs sync` on a thread of its own, so the first
/// screen never waits for it. What it finds goes to the log only (the screen is the app's).
pub(crate) fn sync_in_background(data_dir: Option<&Path>, folders: &[PathBuf]) {
    let (Some(dir), false) = (data_dir, folders.is_empty()) else {
        return;
    };
    let (dir, folders) = (dir.to_path_buf(), folders.to_vec());
    let spawned = std::thread::Builder::new()
        .name("runs-sync".to_owned())
        .spawn(move || {
            if let Err(error) = sync_quietly(&dir, &folders) {
                tracing::warn!(%error, "runs sync failed");
            }
        });
    if let Err(error) = spawned {
        tracing::warn!(%error, "runs sync could not start");
    }
}

fn sync_quietly(dir: &Path, folders: &[PathBuf]) -> Result<(), HistoryError> {
    let mut store = Store::open(dir, &Calendar::system())?;
    let summary = sync_folders(&mut store, folders, &sync_options(), |report| {
        tracing::info!(
            path = %printable_path(&report.path),
            outcome = %report.outcome.message(),
            "runs sync"
        );
    })?;
    tracing::info!(
        read = summary.read,
        skipped = summary.skipped,
        "runs sync done"
    );
    Ok(())
}

/// Prints each file's line, keeping a progress line on a terminal's stderr below them.
struct Printer {
    json: bool,
    total: usize,
    done: usize,
    failed: bool,
    /// On a terminal with many files: whether the progress line is on screen now.
    progress: Option<bool>,
}

impl Printer {
    fn new(json: bool, total: usize) -> Self {
        let progress = (total >= PROGRESS_FROM && std::io::stderr().is_terminal()).then_some(false);
        Self {
            json,
            total,
            done: 0,
            failed: false,
            progress,
        }
    }

    fn print(&mut self, report: &FileReport, out: &mut impl Write) -> Result<(), Failure> {
        self.done += 1;
        self.clear_progress();
        let is_error = matches!(report.outcome, FileOutcome::Error(_));
        self.failed |= is_error;
        if self.json {
            write_json(
                out,
                &ReportJson {
                    path: report.path.to_string_lossy().into_owned(),
                    outcome: report.outcome.kind(),
                    run: report.outcome.run(),
                    message: report.outcome.message(),
                },
                false,
            )?;
        } else {
            // The message may quote the file (a device name, a sport): escaped like the path.
            let line = format!(
                "{}: {}",
                printable_path(&report.path),
                crate::text::printable(&report.outcome.message())
            );
            if is_error {
                out.flush().map_err(io_failure)?;
                let _ = writeln!(std::io::stderr().lock(), "{line}");
            } else {
                writeln!(out, "{line}").map_err(io_failure)?;
            }
        }
        self.draw_progress(out);
        Ok(())
    }

    fn clear_progress(&mut self) {
        if let Some(shown) = self.progress.as_mut().filter(|shown| **shown) {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
            *shown = false;
        }
    }

    fn draw_progress(&mut self, out: &mut impl Write) {
        let Some(shown) = self.progress.as_mut() else {
            return;
        };
        if self.done >= self.total {
            return;
        }
        // What was printed goes out before the progress line is drawn under it.
        let _ = out.flush();
        let _ = write!(
            std::io::stderr().lock(),
            "importing: {} of {} files",
            self.done,
            self.total
        );
        *shown = true;
    }

    /// Exit 1 when any file failed (each was already reported on its line).
    fn finish(mut self) -> Outcome {
        self.clear_progress();
        if self.failed {
            Err(Failure::Reported)
        } else {
            Ok(())
        }
    }
}
