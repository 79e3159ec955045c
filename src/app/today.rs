//! Where the active program stands today, with each due routine at its level: what the Today screen
//! shows and `program status` prints, worked out once from the history.

use crate::calendar::DayNumber;
use crate::format::model::Total;
use crate::history::{ActiveProgram, HistoryError, Store};
use crate::program::judge::{Status, status};
use crate::program::progress::progressed;
use crate::program::{Facts, Program, Programs};

use super::App;
use crate::routine::Library;

/// The active program on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub program: Program,
    pub active: ActiveProgram,
    pub status: Status,
    /// What is due today: routine id, level, and its total at that level (none for a routine the
    /// library no longer has).
    pub due: Vec<DueRoutine>,
    /// The `program resume`s of the history, which the app does not record, kept for working the
    /// standing out again.
    pub resumes: Vec<crate::program::ResumeFact>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRoutine {
    pub routine: String,
    pub level: u32,
    pub total: Option<Total>,
}

#[derive(Debug, thiserror::Error)]
pub enum StandingError {
    #[error(transparent)]
    History(#[from] HistoryError),
    #[error(
        "the active program `{}` is no longer found; `limberup program stop` ends it, `limberup program list` shows those there are",
        crate::text::printable(.0)
    )]
    Missing(String),
}

/// The active program's standing on `today`, from `store`; `None` when no program is active.
pub fn standing(
    store: Option<&Store>,
    programs: &Programs,
    library: &Library,
    today: DayNumber,
) -> Result<Option<Standing>, StandingError> {
    let Some(store) = store else {
        return Ok(None);
    };
    let Some(active) = store.active_program()? else {
        return Ok(None);
    };
    let program = programs
        .find(&active.id)
        .map_err(|_| StandingError::Missing(active.id.clone()))?
        .clone();
    Ok(Some(standing_of(
        program,
        active,
        &store.program_facts()?,
        library,
        today,
    )))
}

/// The standing of `program`, active since `active`, on `today`, from `facts`.
pub fn standing_of(
    program: Program,
    active: ActiveProgram,
    facts: &Facts,
    library: &Library,
    today: DayNumber,
) -> Standing {
    let facts = with_planned_times(facts, &program, library);
    let status = status(&program, active.start_day(), &facts, today);
    let due = status
        .due
        .iter()
        .map(|due| DueRoutine {
            routine: due.routine.clone(),
            level: due.level,
            total: library.find(&due.routine).map(|routine| {
                progressed(routine, program.progress_of(&routine.id), due.level).total
            }),
        })
        .collect();
    Standing {
        program,
        active,
        status,
        due,
        resumes: facts.resumes,
    }
}

/// The facts with each of `program`'s sessions' planned time at the level it was played at, so
/// the judgement can tell a session played from one stopped at once.
pub fn with_planned_times(facts: &Facts, program: &Program, library: &Library) -> Facts {
    let mut facts = facts.clone();
    for session in &mut facts.sessions {
        if session.program.as_deref() != Some(program.id.as_str()) {
            continue;
        }
        session.planned_ms = library.find(&session.routine).map(|routine| {
            progressed(
                routine,
                program.progress_of(&routine.id),
                session.level.unwrap_or(0),
            )
            .total
            .ms
        });
    }
    facts
}

impl App {
    /// Works the active program's standing out again from what the app holds (the history as read,
    /// plus what was recorded since), for today: Today then counts a session just played. A history
    /// that could not be read leaves the standing as it was.
    pub(super) fn refresh_program(&mut self) {
        let Some(old) = &self.program else {
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
        self.program = Some(standing_of(
            old.program.clone(),
            old.active.clone(),
            &facts,
            &self.library,
            today,
        ));
    }
}
