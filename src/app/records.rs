//! What the app knows of the history, and the records it adds: played sessions and pain checks.
//! The app itself does no I/O; the event loop hands new records to a [`HistorySink`].

use crate::engine::Millis;
use crate::history::{CheckRow, SessionRow, UtcTime};
use crate::triage::{Answers, Facts, PastCheck, Triage, evaluate};

use super::PlayerScreen;

/// The history as loaded when the app started, plus everything recorded since.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryView {
    /// Wall-clock seconds (UTC) at the app's virtual time 0, to date what happens in the app.
    pub origin: i64,
    pub sessions: Vec<SessionRow>,
    pub checks: Vec<CheckRow>,
    /// Why the history could not be read or written, shown in the footer.
    pub problem: Option<String>,
}

impl HistoryView {
    /// An empty history whose day starts at `origin`.
    pub fn starting_at(origin: UtcTime) -> Self {
        Self {
            origin: origin.0,
            ..Self::default()
        }
    }

    /// The wall-clock time at the app's time `now`.
    pub fn wall_time(&self, now: Millis) -> UtcTime {
        UtcTime(self.origin + i64::try_from(now / 1000).unwrap_or(0))
    }

    /// Earlier checks, as the history rules (R10, R11) read them.
    pub fn past_checks(&self) -> Vec<PastCheck> {
        self.checks.iter().map(CheckRow::as_past).collect()
    }
}

/// Something to write to the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Session(SessionRow),
    Check(CheckRecord),
}

/// A finished pain check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRecord {
    pub answers: Answers,
    /// RFC 3339, and as days since 1970-01-01.
    pub taken_at: String,
    pub day: i64,
    pub triage: Triage,
}

impl CheckRecord {
    /// Checks `answers` against every rule and the earlier checks. It is taken `now`, unless the
    /// answers give their own date (a check logged later).
    pub fn evaluate(answers: Answers, now: UtcTime, history: &[PastCheck]) -> Self {
        let (taken_at, day) = answers
            .date
            .clone()
            .unwrap_or_else(|| (now.rfc3339(), now.day()));
        let triage = evaluate(&Facts {
            answers: &answers,
            day,
            history,
        });
        Self {
            answers,
            taken_at,
            day,
            triage,
        }
    }

    /// The check as the history lists it.
    pub fn row(&self) -> CheckRow {
        CheckRow {
            taken_at: self.taken_at.clone(),
            day: self.day,
            pain: self.answers.pain,
            areas: self
                .answers
                .areas
                .iter()
                .map(|a| a.as_str().to_owned())
                .collect(),
            level: self.triage.level.as_str().to_owned(),
            rules: self
                .triage
                .rule_ids()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }
}

/// Saves records as they happen: the real history, or nothing (headless snapshots).
pub trait HistorySink {
    /// Writes one record; the error is shown to the user in a line.
    fn save(&mut self, record: &Record) -> Result<(), String>;
}

/// Keeps nothing.
#[derive(Debug, Default)]
pub struct NoHistory;

impl HistorySink for NoHistory {
    fn save(&mut self, _record: &Record) -> Result<(), String> {
        Ok(())
    }
}

/// The session a player screen played, dated on the wall clock.
pub fn session_row(player: &PlayerScreen, history: &HistoryView) -> SessionRow {
    let record = player.session.record();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    SessionRow {
        routine_id: player.routine.id.clone(),
        routine_hash: player.routine.content_hash.clone(),
        started_at: history.wall_time(record.started_at),
        ended_at: history.wall_time(record.ended_at.unwrap_or(record.started_at)),
        finished: record.finished,
        completed: count(record.completed()),
        skipped: count(record.skipped()),
        extended: count(record.extended()),
        pauses: record.pauses,
        paused_ms: record.paused_ms,
        active_ms: record.active_ms(),
    }
}
