//! The active program as the app holds it, and what is still open about its sessions: the one
//! playing, the one waiting for its session pain, yesterday's waiting for the morning answer.
//! The app changes it; everything else reads the standing through [`App::standing`].

use super::App;
use super::morning::MorningAsk;
use crate::history::{InProgram, SessionRow};
use crate::program::standing::Standing;

/// The program's part of the app.
#[derive(Debug, Default)]
pub struct ProgramState {
    /// The active program as it stood when the app opened, worked out again as sessions are
    /// recorded; `None` without one.
    pub(super) standing: Option<Standing>,
    /// The program and level of the routine playing, when it was started from Today.
    pub(super) playing: Option<InProgram>,
    /// A program session not yet saved: it waits for its session pain.
    pub(super) awaiting_pain: Option<SessionRow>,
    /// The session pain typed so far.
    pub(super) pain_typed: String,
    /// Yesterday's program session, while the morning question about it is open.
    pub(super) awaiting_morning: Option<MorningAsk>,
}

impl App {
    /// The active program's standing today; `None` without one.
    pub fn standing(&self) -> Option<&Standing> {
        self.program.standing.as_ref()
    }
}
