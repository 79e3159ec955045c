//! `limberup check --answers FILE [--json] [--no-save]`: the pain check from an answers file.
//!
//! The result is printed first, whatever happens to the history: a history that cannot be read
//! (its earlier checks are then not compared) or written is reported afterwards on stderr, with
//! exit code 1. With `--no-save` nothing in the data folder is created or changed; saving opens the
//! history to write before reading it, so an older file is brought up to date first.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{Failure, Outcome, io_failure, json_failure};
use crate::calendar::{Calendar, UtcTime};
use crate::config::Dirs;
use crate::diag::FileError;
use crate::diag::source::read_source;
use crate::history::spike_noted::with_recent_spike;
use crate::history::{HistoryError, Store, run_view};
use crate::routine::Library;
use crate::text::printable;
use crate::triage::advice::{DISCLAIMER, suggested_routines};
use crate::triage::answers::DateContext;
use crate::triage::profile::Profile;
use crate::triage::report::{Reason, Report, report};
use crate::triage::{CheckRecord, parse_answers};

#[derive(Serialize)]
struct CheckJson<'a> {
    level: &'a str,
    rules: Vec<&'a str>,
    advice: &'a [&'a str],
    routines: &'a [String],
    /// The saved profile's answers the check used.
    profile: &'a [String],
}

/// How `check --answers` runs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Options {
    pub json: bool,
    pub save: bool,
    /// Fill in what the file leaves open from the saved profile (not with `--no-profile`).
    pub use_profile: bool,
}

pub(super) fn run(
    library: &Library,
    dirs: &Dirs,
    answers_path: &Path,
    options: Options,
    out: &mut impl Write,
) -> Outcome {
    let Options {
        json,
        save,
        use_profile,
    } = options;
    let when = DateContext {
        now: UtcTime::now(),
        calendar: Calendar::system(),
    };
    let answers = read_answers(answers_path, &when)?;
    // To save, the history is opened to write first: an older file is brought up to date (a row
    // it cannot convert set aside) before its earlier checks and the profile are read.
    let writable = save.then(|| open_to_save(dirs, &when.calendar));
    // Otherwise it is opened once, read-only, for the earlier checks, the profile and the runs.
    let (read_only, unopened) = match &writable {
        Some(Ok(_)) => (None, None),
        _ => match open_read_only(dirs, &when.calendar) {
            Ok(store) => (store, None),
            Err(error) => (None, Some(error)),
        },
    };
    let store = match &writable {
        Some(Ok(store)) => Some(store),
        _ => read_only.as_ref(),
    };
    let earlier = match (unopened, store) {
        (Some(error), _) => Err(error),
        (None, Some(store)) => store
            .past_checks()
            .and_then(|checks| Ok((checks, store.profile()?))),
        (None, None) => Ok((Vec::new(), Profile::default())),
    };
    let (history, profile, unreadable) = match earlier {
        Ok((history, profile)) => (history, profile, None),
        Err(error) => (Vec::new(), Profile::default(), Some(error)),
    };
    let profile = use_profile.then_some(&profile);
    let record = CheckRecord::take(answers, profile, when.now, &when.calendar, &history);
    let routines = suggested_routines(record.triage.level, &record.answers.areas, library);
    // A long-run spike in the week before is context, added after the rules judged the check, as
    // on the app's result screen. Runs that cannot be read leave it out and change nothing else.
    let runs = store
        .map_or_else(|| Ok(Vec::new()), Store::runs)
        .unwrap_or_else(|error| {
            tracing::warn!(%error, "the runs could not be read for the check");
            Vec::new()
        });
    let shown = with_recent_spike(
        report(&record.triage, &record.answers),
        &run_view::views(runs, &when.calendar),
        record.day,
    );
    // A reader that left (`| head -1`) or a full disk does not lose the check: it is saved all the
    // same, and the output's failure reported after.
    let printed = if json {
        let body = CheckJson {
            level: record.triage.level.as_str(),
            rules: record.triage.rule_ids(),
            advice: &shown.advice,
            routines: &routines,
            profile: &shown.from_profile,
        };
        serde_json::to_writer(&mut *out, &body)
            .map_err(json_failure)
            .and_then(|()| writeln!(out).map_err(io_failure))
    } else {
        let text = as_text(&shown, &routines, library, unreadable.as_ref());
        out.write_all(text.as_bytes()).map_err(io_failure)
    }
    .and_then(|()| out.flush().map_err(io_failure));

    let mut problems = Vec::new();
    if let Some(error) = unreadable {
        problems.push(format!(
            "earlier checks could not be compared (the history could not be read): {error}"
        ));
    }
    if let Some(writable) = writable {
        let saved = writable.and_then(|mut store| store.save_check(&record).map(drop));
        match saved {
            Ok(()) if !json && printed.is_ok() => {
                writeln!(out, "Saved to your history.").map_err(io_failure)?;
            }
            Ok(()) => {}
            Err(error) => problems.push(format!("this check was not saved: {error}")),
        }
    }
    if problems.is_empty() {
        printed
    } else {
        Err(Failure::Unsaved(problems))
    }
}

/// The history read-only, without creating or changing anything (none yet: `None`).
fn open_read_only(dirs: &Dirs, calendar: &Calendar) -> Result<Option<Store>, HistoryError> {
    match &dirs.data_dir {
        Some(dir) => Store::open_read_only(dir, calendar),
        None => Ok(None),
    }
}

fn open_to_save(dirs: &Dirs, calendar: &Calendar) -> Result<Store, HistoryError> {
    let dir = dirs.data_dir.as_deref().ok_or_else(|| {
        HistoryError::Unavailable(
            "there is no data folder to save it in; use --data-dir or --no-save".to_owned(),
        )
    })?;
    super::open_history_to_write(dir, calendar)
}

fn as_text(
    shown: &Report,
    routines: &[String],
    library: &Library,
    unreadable: Option<&HistoryError>,
) -> String {
    let mut text = format!("Result: {}\n{}\n", shown.title, shown.headline);
    let mut section = |title: &str, reasons: &[Reason]| {
        if !reasons.is_empty() {
            let _ = writeln!(text, "\n{title}:");
            for reason in reasons {
                let _ = writeln!(text, "  - {} ({})", reason.text, reason.id);
            }
        }
    };
    section("Why", &shown.why);
    section("Also noted", &shown.also_noted);
    if !shown.from_profile.is_empty() {
        let _ = write!(
            text,
            "\nFrom your profile (`limberup profile` shows and changes it): {}\n",
            shown.from_profile.join("; ")
        );
    }
    text.push_str("\nWhat to do:\n");
    for line in &shown.advice {
        let _ = writeln!(text, "  - {line}");
    }
    if !routines.is_empty() {
        text.push_str("\nRoutines that may help (limberup run ID):\n");
        for id in routines {
            let name = library.find(id).map_or("", |r| r.name.as_str());
            let _ = writeln!(text, "  - {}: {}", printable(id), printable(name));
        }
    }
    if unreadable.is_some() {
        text.push_str(
            "\nYour history could not be read, so earlier checks were not compared (see below).\n",
        );
    }
    let _ = write!(text, "\n{DISCLAIMER}\n");
    text
}

/// Reads and checks an answers file; every problem is reported with its position.
pub(super) fn read_answers(
    path: &Path,
    when: &DateContext,
) -> Result<crate::triage::Answers, Failure> {
    let source = read_source(path).map_err(|d| invalid(vec![d], None))?;
    parse_answers(&source, when).map_err(|p| invalid(p, Some(source.clone())))
}

fn invalid(
    problems: Vec<crate::diag::Diagnostic>,
    source: Option<crate::diag::SourceText>,
) -> Failure {
    Failure::File(FileError::invalid(problems, source))
}
