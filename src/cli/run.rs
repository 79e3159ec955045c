//! `limberup`, `limberup run` and `limberup check`: the full-screen app on the real terminal.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;

use super::Outcome;
use crate::app::event_loop::{self, Outputs, Silent};
use crate::app::records::{HistorySink, NoHistory, Record};
use crate::app::{App, HistoryView};
use crate::config::Dirs;
use crate::engine::{Clock, MonotonicClock};
use crate::history::{Store, UtcTime};
use crate::routine::{Library, Routine};
use crate::terminal::{TerminalGuard, TerminalInput};

/// Plays `routine` (or opens the library when `None`) until the user quits.
pub fn run(library: Library, routine: Option<Routine>, dirs: &Dirs, muted: bool) -> Outcome {
    let clock = MonotonicClock::start();
    let app = match routine {
        Some(routine) => App::run_routine(library, routine, muted, clock.now()),
        None => App::with_library(library, muted),
    };
    full_screen(app, clock, dirs, true)
}

/// The pain check's questions full-screen (`limberup check` without `--answers`).
pub fn check(library: Library, dirs: &Dirs, muted: bool, save: bool) -> Outcome {
    full_screen(
        App::pain_check(library, muted),
        MonotonicClock::start(),
        dirs,
        save,
    )
}

fn full_screen(mut app: App, clock: MonotonicClock, dirs: &Dirs, save: bool) -> Outcome {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(anyhow::anyhow!(
            "the full-screen app needs a terminal; for scripts use `limberup list`, `plan`, `snapshot` or `check --answers`"
        )
        .into());
    }
    let log = crate::logging::init(dirs.data_dir.as_deref());
    tracing::info!(log = ?log, "starting");
    // The wall-clock time at the clock's zero dates what the app records.
    let origin = UtcTime(UtcTime::now().0 - i64::try_from(clock.now() / 1000).unwrap_or(0));
    app.history = read_history(dirs, origin, true);
    let mut store = StoreSink::new(dirs.data_dir.clone());
    let mut no_history = NoHistory;
    let mut input = TerminalInput::new(clock);
    let mut guard = TerminalGuard::enter().context("cannot set up the terminal")?;
    let result = event_loop::run(
        &mut guard.terminal,
        &mut app,
        &mut input,
        &mut Outputs {
            cues: &mut Silent,
            history: if save { &mut store } else { &mut no_history },
        },
        &mut |_, _| {},
    );
    drop(guard);
    if let Some(signal) = input.terminated_by() {
        tracing::info!(signal, "ended by a signal");
        std::process::exit(128 + signal);
    }
    result.context("the terminal failed")?;
    if let Some(problem) = &app.history.problem {
        eprintln!("limberup: warning: {problem}");
    }
    if let Some(player) = app.player() {
        let record = player.session.record();
        let verb = if record.finished {
            "Finished"
        } else {
            "Stopped"
        };
        println!(
            "{verb} {}: {} active.",
            player.routine.name,
            crate::routine::duration::format_clock(record.active_ms())
        );
    }
    Ok(())
}

/// The saved sessions and checks, for the history screen and the check's history rules. A history
/// that cannot be read leaves the app usable, with the reason shown; `create` makes a new one.
pub fn read_history(dirs: &Dirs, origin: UtcTime, create: bool) -> HistoryView {
    let mut view = HistoryView::starting_at(origin);
    let Some(dir) = dirs.data_dir.as_deref() else {
        return view;
    };
    let store = if create {
        Store::open(dir).map(Some)
    } else {
        Store::open_existing(dir)
    };
    let loaded = store.and_then(|store| match store {
        Some(store) => Ok((store.sessions()?, store.checks()?)),
        None => Ok((Vec::new(), Vec::new())),
    });
    match loaded {
        Ok((sessions, checks)) => {
            view.sessions = sessions;
            view.checks = checks;
        }
        Err(error) => {
            tracing::error!(%error, "cannot read the history");
            view.problem = Some(error.to_string());
        }
    }
    view
}

/// Writes each record to the history as it happens, one transaction each, so a crash or a signal
/// later loses nothing already shown as done.
struct StoreSink {
    data_dir: Option<PathBuf>,
    store: Option<Store>,
}

impl StoreSink {
    fn new(data_dir: Option<PathBuf>) -> Self {
        Self {
            data_dir,
            store: None,
        }
    }
}

impl HistorySink for StoreSink {
    fn save(&mut self, record: &Record) -> Result<(), String> {
        if self.store.is_none() {
            let dir = self
                .data_dir
                .as_deref()
                .ok_or("no data folder to save the history in; use --data-dir")?;
            self.store = Some(Store::open(dir).map_err(|e| e.to_string())?);
        }
        let Some(store) = self.store.as_mut() else {
            return Err("the history is not open".into());
        };
        let saved = match record {
            Record::Session(row) => store.save_session(row),
            Record::Check(check) => {
                store.save_check(&check.answers, (&check.taken_at, check.day), &check.triage)
            }
        };
        saved.map(|_| ()).map_err(|e| e.to_string())
    }
}
