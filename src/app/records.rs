//! What the app knows of the history, and the records it adds: played sessions and pain checks.
//! The app itself does no I/O; the event loop hands new records to a [`HistorySink`].

use crate::engine::Millis;
use crate::history::{CheckRow, HistoryError, RunRow, SessionRow};
use crate::triage::CheckRecord;

use super::{HistoryView, PlayerScreen};

/// Something to write to the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Session(SessionRow),
    Check(CheckRecord),
    /// The next-morning answer about the session saved as `session_id`.
    Morning {
        session_id: i64,
        answer: crate::program::Morning,
    },
    /// The next-morning answer about the spike run saved as `run_id`, or that it was skipped.
    RunMorning {
        run_id: i64,
        answer: crate::history::RunMorning,
    },
    /// The runner's profile as answered or confirmed in a check: it replaces the saved one.
    Profile(crate::triage::profile::Profile),
}

/// Saves records as they happen: the real history, or nothing (headless snapshots).
pub trait HistorySink {
    /// Writes one record; the error is shown to the user in a line.
    fn save(&mut self, record: &Record) -> Result<(), HistoryError>;

    /// The history as it stands now, when it may have changed since last read (another limberup
    /// wrote to it); `None` when it has not, or there is nothing to read.
    fn reload(&mut self) -> Option<Result<Loaded, HistoryError>> {
        None
    }
}

/// Every session, every check and every run, as read from the history.
pub type Loaded = (Vec<SessionRow>, Vec<CheckRow>, Vec<RunRow>);

/// How often the history screen asks whether the history changed.
pub const HISTORY_POLL_MS: Millis = 2_000;

impl super::App {
    /// Shows the history screen, read again first.
    pub(super) fn open_history(&mut self) {
        self.screen = super::Screen::History;
        self.outbox.push(super::Effect::ReloadHistory);
    }

    /// Shows the runs screen, read again first (runs may have been imported since the app opened).
    pub(super) fn open_runs(&mut self) {
        self.screen = super::Screen::Runs;
        self.outbox.push(super::Effect::ReloadHistory);
    }

    /// The history as read again: what the app holds is replaced (everything recorded so far has
    /// been saved before; after a failed save nothing is replaced), and the program's standing
    /// follows. Returns whether anything changed.
    pub(super) fn reloaded(&mut self, loaded: Result<Loaded, String>) -> bool {
        if self.history.problem.is_some() {
            return false; // what could not be saved is only here: keep it on screen
        }
        match loaded {
            Ok((sessions, checks, runs)) => {
                if self.history.unreadable.is_none()
                    && sessions == self.history.sessions
                    && checks == self.history.checks
                    && self.history.same_runs(&runs)
                {
                    return false;
                }
                self.history.sessions = sessions;
                self.history.checks = checks;
                self.history.set_runs(runs);
                self.history.unreadable = None;
                self.refresh_program();
            }
            Err(problem) => {
                if self.history.unreadable.as_ref() == Some(&problem) {
                    return false;
                }
                self.history.unreadable = Some(problem);
            }
        }
        true
    }
}

/// Keeps nothing.
#[derive(Debug, Default)]
pub struct NoHistory;

impl HistorySink for NoHistory {
    fn save(&mut self, _record: &Record) -> Result<(), HistoryError> {
        Ok(())
    }
}

/// The session a player screen played, dated on the wall clock.
pub fn session_row(player: &PlayerScreen, history: &HistoryView) -> SessionRow {
    let record = player.session.record();
    let summary = crate::engine::Summary::of(record, player.session.plan());
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    SessionRow {
        routine_id: player.routine.id.clone(),
        routine_hash: player.routine.content_hash.clone(),
        started_at: history.wall_time(record.started_at),
        ended_at: history.wall_time(record.ended_at.unwrap_or(record.started_at)),
        finished: summary.finished,
        completed: count(summary.completed),
        skipped: count(summary.skipped),
        extended: count(summary.extended),
        pauses: record.pauses,
        paused_ms: record.paused_ms,
        active_ms: record.active_ms(),
        program: None,
        pain: None,
        morning: None,
    }
}
