//! What the app knows of the history: as loaded, plus what was recorded since, and why it could not
//! be read or written. The app changes it (its fields are the app's); everything else reads it
//! through the accessors, and whoever loads it (the command line, the headless harness, tests) fills
//! it through the setters.

use crate::calendar::{Calendar, DayNumber, UtcTime};
use crate::engine::AppInstant;
use crate::history::run_view::{RunView, views};
use crate::history::{CheckRow, RunRow, SessionRow};
use crate::triage::PastCheck;
use crate::triage::profile::Profile;

/// The history as loaded when the app started, plus everything recorded since.
#[derive(Debug, Clone)]
pub struct HistoryView {
    /// Wall-clock seconds (UTC) at the app's virtual time 0, to date what happens in the app.
    pub(super) origin: i64,
    /// The runner's zone, for local days.
    pub(super) calendar: Calendar,
    pub(super) sessions: Vec<SessionRow>,
    pub(super) checks: Vec<CheckRow>,
    /// The imported runs, oldest first, each with its local time and long-run warning.
    pub(super) runs: Vec<RunView>,
    /// Why the history could not be read, shown with the check's result (its history rules could
    /// not look at earlier checks) and on the history screen.
    pub(super) unreadable: Option<String>,
    /// Why the history could not be written, shown in the footer and with the check's result.
    pub(super) problem: Option<String>,
    /// The runner's profile as saved (pain check version 3).
    pub(super) profile: Profile,
}

impl Default for HistoryView {
    fn default() -> Self {
        Self::starting_at(UtcTime(0), Calendar::utc())
    }
}

impl HistoryView {
    /// An empty history whose day starts at `origin`, with days in `calendar`'s zone.
    pub fn starting_at(origin: UtcTime, calendar: Calendar) -> Self {
        Self {
            origin: origin.0,
            calendar,
            sessions: Vec::new(),
            checks: Vec::new(),
            runs: Vec::new(),
            unreadable: None,
            problem: None,
            profile: Profile::default(),
        }
    }

    /// The wall-clock time at the app's time 0.
    pub fn origin(&self) -> UtcTime {
        UtcTime(self.origin)
    }

    /// The runner's zone, for local days.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The runner's local day at the app's time `now`.
    pub fn today(&self, now: AppInstant) -> DayNumber {
        self.calendar.day(self.wall_time(now))
    }

    /// The wall-clock time at the app's time `now`.
    pub fn wall_time(&self, now: AppInstant) -> UtcTime {
        UtcTime(
            self.origin
                .saturating_add(i64::try_from(now.whole_seconds()).unwrap_or(i64::MAX)),
        )
    }

    /// Every session, oldest first.
    pub fn sessions(&self) -> &[SessionRow] {
        &self.sessions
    }

    /// Every pain check, oldest first.
    pub fn checks(&self) -> &[CheckRow] {
        &self.checks
    }

    /// The imported runs, oldest first, each with its local time and long-run warning.
    pub fn runs(&self) -> &[RunView] {
        &self.runs
    }

    /// The runner's profile as saved.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Why the history could not be read.
    pub fn unreadable(&self) -> Option<&str> {
        self.unreadable.as_deref()
    }

    /// Why the history could not be written: what was recorded since is only here.
    pub fn unsaved(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Why what shows may be incomplete: the history could not be written, or else not read.
    pub fn trouble(&self) -> Option<&str> {
        self.unsaved().or(self.unreadable())
    }

    /// The sessions as read.
    pub fn set_sessions(&mut self, sessions: Vec<SessionRow>) {
        self.sessions = sessions;
    }

    /// The checks as read.
    pub fn set_checks(&mut self, checks: Vec<CheckRow>) {
        self.checks = checks;
    }

    /// The profile as read.
    pub fn set_profile(&mut self, profile: Profile) {
        self.profile = profile;
    }

    /// The history could not be read, for this reason.
    pub fn set_unreadable(&mut self, problem: String) {
        self.unreadable = Some(problem);
    }

    /// Sets the imported runs, working out each one's local time and warning once.
    pub fn set_runs(&mut self, rows: Vec<RunRow>) {
        self.runs = views(rows, &self.calendar);
    }

    pub(super) fn same_runs(&self, rows: &[RunRow]) -> bool {
        self.runs.len() == rows.len() && self.runs.iter().zip(rows).all(|(v, r)| &v.row == r)
    }

    /// Earlier checks, as the history rules (R10, R11) read them.
    pub fn past_checks(&self) -> Vec<PastCheck> {
        self.checks
            .iter()
            .map(|c| c.as_past(&self.calendar))
            .collect()
    }
}
