//! Where the active program stands today, with each due routine at its level: what the Today screen
//! shows and `program status` prints, worked out once from the history.

use crate::calendar::DayNumber;
use crate::format::model::Total;
use crate::history::{ActiveProgram, HistoryError, Store};
use crate::program::judge::{Status, status};
use crate::program::progress::progressed;
use crate::program::{Program, Programs};
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
    let status = status(&program, active.start_day(), &store.program_facts()?, today);
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
    Ok(Some(Standing {
        program,
        active,
        status,
        due,
    }))
}
