//! `limberup` and `limberup run`: the full-screen app on the real terminal.

use std::io::IsTerminal;

use anyhow::Context;

use super::Outcome;
use crate::app::App;
use crate::app::EndedSession;
use crate::app::event_loop::{self, Silent};
use crate::config::Dirs;
use crate::engine::{Clock, MonotonicClock};
use crate::history::{SessionRow, Store, UtcTime};
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
    // The wall-clock time at the clock's zero, to date the sessions saved to the history.
    let wall_origin = UtcTime::now();
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
    let saved = save_sessions(dirs, wall_origin, app.take_ended_sessions());
    result.context("the terminal failed")?;
    saved?;
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

/// Writes the played sessions to the history, one transaction each.
fn save_sessions(
    dirs: &Dirs,
    wall_origin: UtcTime,
    sessions: Vec<EndedSession>,
) -> anyhow::Result<()> {
    if sessions.is_empty() {
        return Ok(());
    }
    let dir = dirs
        .data_dir
        .as_deref()
        .context("no data folder to save the session in")?;
    let mut store = Store::open(dir)?;
    for session in sessions {
        let record = &session.record;
        let at = |ms: u64| UtcTime(wall_origin.0 + i64::try_from(ms / 1000).unwrap_or(0));
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        store.save_session(&SessionRow {
            routine_id: session.routine_id,
            routine_hash: session.routine_hash,
            started_at: at(record.started_at),
            ended_at: at(record.ended_at.unwrap_or(record.started_at)),
            finished: record.finished,
            completed: count(record.completed()),
            skipped: count(record.skipped()),
            extended: count(record.extended()),
            pauses: record.pauses,
            paused_ms: record.paused_ms,
            active_ms: record.active_ms(),
        })?;
        tracing::info!("session saved");
    }
    Ok(())
}
