//! The active program's standing read from the history: the store gives the active program and
//! the facts, [`crate::program::standing`] works the standing out.

use super::{HistoryError, Store};
use crate::calendar::DayNumber;
use crate::program::Programs;
use crate::program::standing::{Standing, standing_of};
use crate::routine::Library;

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
