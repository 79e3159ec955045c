//! `limberup history export / import / backup`: moving the history between machines (runs.md).
//! The export is JSON Lines on stdout; an import merges without overwriting anything and reads the
//! whole file first, so a file with a bad line imports nothing; a backup is a consistent copy of
//! the whole file that never overwrites another.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use super::args::HistoryAction;
use super::runs::json::write_json;
use super::{Failure, Outcome, io_failure};
use crate::calendar::{Calendar, UtcTime};
use crate::config::Dirs;
use crate::history::transfer::{ExportError, parse_export};
use crate::history::{HISTORY_FILE, Store};
use crate::text::printable_path;

pub(super) fn run(action: HistoryAction, dirs: &Dirs, out: &mut impl Write) -> Outcome {
    let dir = dirs.data_dir.as_deref().ok_or(Failure::NoDataFolder)?;
    let calendar = Calendar::system();
    match action {
        HistoryAction::Export { since } => {
            let since = since.and_then(|date| calendar.midnight(date));
            let now = UtcTime::now();
            let Some(store) = Store::open_read_only(dir, &calendar)? else {
                return write_json(out, &header_only(now), false);
            };
            store
                .export(since, now, |record| {
                    write_json(out, record, false).map_err(|failure| match failure {
                        Failure::Output(error) => error,
                        other => std::io::Error::other(other.to_string()),
                    })
                })
                .map_err(|error| match error {
                    ExportError::History(error) => Failure::History(error),
                    ExportError::Output(error) => io_failure(error),
                })
        }
        HistoryAction::Import { file } => import(dir, &calendar, &file, out),
        HistoryAction::Backup { file } => {
            if file.exists() {
                return Err(Failure::Refused(format!(
                    "{} exists already; give a new file name (a backup never overwrites a file)",
                    printable_path(&file)
                )));
            }
            let store = Store::open_read_only(dir, &calendar)?.ok_or_else(|| {
                Failure::Refused(format!(
                    "there is no history in {} yet, so nothing to back up",
                    printable_path(dir)
                ))
            })?;
            store.backup(&file)?;
            writeln!(
                out,
                "backed up {} to {}",
                printable_path(&dir.join(HISTORY_FILE)),
                printable_path(&file)
            )
            .map_err(io_failure)
        }
    }
}

/// The export of an empty history: its first line alone.
fn header_only(now: UtcTime) -> serde_json::Value {
    serde_json::json!({
        "format": "limberup-history",
        "version": crate::history::transfer::EXPORT_VERSION,
        "exported_at": now.rfc3339(),
    })
}

fn import(dir: &Path, calendar: &Calendar, file: &Path, out: &mut impl Write) -> Outcome {
    // A named pipe would wait for a writer forever, a device never end.
    if std::fs::metadata(file).is_ok_and(|metadata| !metadata.is_file()) {
        return Err(Failure::Refused(format!(
            "{}: not a regular file (a device, pipe or socket); give the file `history export` wrote",
            printable_path(file)
        )));
    }
    let reader = std::fs::File::open(file).map_err(|error| {
        Failure::Refused(format!(
            "{}: {}",
            printable_path(file),
            crate::text::io_reason(&error)
        ))
    })?;
    let mut store = super::open_history_to_write(dir, calendar)?;
    let records = match parse_export(&store, BufReader::new(reader).lines())? {
        Ok(records) => records,
        Err(problems) => {
            let mut err = std::io::stderr().lock();
            for (line, column, problem) in problems {
                let column = column.map(|c| format!(":{c}")).unwrap_or_default();
                let _ = writeln!(
                    err,
                    "{}:{line}{column}: error: {}",
                    printable_path(file),
                    crate::text::printable(&problem)
                );
            }
            let _ = writeln!(err, "nothing was imported");
            return Err(Failure::Reported);
        }
    };
    let merged = store.merge(&records, UtcTime::now())?;
    for (kind, added, here) in merged.counts {
        let noun = match kind {
            "session" => "sessions",
            "check" => "pain checks",
            "program" => "active program",
            "program-resume" => "program resumes",
            _ => "runs",
        };
        let same = if kind == "run" && merged.same_runs > 0 {
            format!(
                " ({} of them another file of a run counted once)",
                merged.same_runs
            )
        } else {
            String::new()
        };
        writeln!(out, "{noun}: {added} added{same}, {here} already here").map_err(io_failure)?;
    }
    Ok(())
}
