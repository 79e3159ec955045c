//! The app's program standing kept up to date: worked out again, by the pure
//! [`crate::program::standing`], from what the app holds of the history.

use super::App;
use crate::program::standing::standing_of;

impl App {
    /// Works the active program's standing out again from what the app holds (the history as read,
    /// plus what was recorded since), for today: Today then counts a session just played. A history
    /// that could not be read leaves the standing as it was.
    pub(super) fn refresh_program(&mut self) {
        let Some(old) = &self.program.standing else {
            return;
        };
        if self.history.unreadable.is_some() {
            return;
        }
        let history = &self.history;
        let mut facts =
            crate::history::facts(&history.sessions, &history.checks, &history.calendar);
        facts.resumes.clone_from(&old.resumes);
        facts.spikes = crate::history::run_view::spike_facts(&history.runs);
        let today = history.today(self.now);
        self.program.standing = Some(standing_of(
            old.program.clone(),
            old.active.clone(),
            &facts,
            &self.library,
            today,
        ));
    }
}
