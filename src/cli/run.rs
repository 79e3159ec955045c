//! `limberup` and `limberup run`: the full-screen app on the real terminal.

use std::io::IsTerminal;

use anyhow::Context;

use super::Outcome;
use crate::app::App;
use crate::app::event_loop::{self, Silent};
use crate::config::Dirs;
use crate::engine::{Clock, MonotonicClock};
use crate::routine::{Library, Routine};
use crate::terminal::{TerminalGuard, TerminalInput};

/// Plays `routine` (or opens the library when `None`) until the user quits.
pub fn run(library: Library, routine: Option<Routine>, dirs: &Dirs, muted: bool) -> Outcome {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(anyhow::anyhow!(
            "the full-screen app needs a terminal; for scripts use `limberup list`, `plan` or `snapshot`"
        )
        .into());
    }
    let log = crate::logging::init(dirs.data_dir.as_deref());
    tracing::info!(log = ?log, routine = routine.as_ref().map(|r| r.id.as_str()), "starting");
    let clock = MonotonicClock::start();
    let mut app = match routine {
        Some(routine) => App::run_routine(library, routine, muted, clock.now()),
        None => App::with_library(library, muted),
    };
    let mut guard = TerminalGuard::enter().context("cannot set up the terminal")?;
    let mut input = TerminalInput::new(clock);
    let result = event_loop::run(
        &mut guard.terminal,
        &mut app,
        &mut input,
        &mut Silent,
        &mut |_, _| {},
    );
    drop(guard);
    result.context("the terminal failed")?;
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
