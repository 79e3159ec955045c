//! Where the active program stands on a day, with each due routine at its level: what the Today
//! screen shows and `program status` prints. Pure: worked out from the program, the facts of the
//! history and the day alone (the history reads the facts, the app and the command line ask).

use jiff::civil::Date;

use super::judge::{Status, status};
use super::progress::progressed;
use super::{Facts, Program, ResumeFact};
use crate::calendar::{DayNumber, day_number};
use crate::format::model::Total;
use crate::routine::Library;

/// The program the runner follows, and the local day its week 1 began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveProgram {
    pub id: String,
    pub start: Date,
}

impl ActiveProgram {
    pub fn start_day(&self) -> DayNumber {
        day_number(self.start)
    }
}

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
    pub resumes: Vec<ResumeFact>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRoutine {
    pub routine: String,
    pub level: u32,
    pub total: Option<Total>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::{Programs, State};

    #[test]
    fn on_its_first_day_a_program_is_in_week_one_with_its_routines_due_and_timed() {
        let library = Library::load(None).expect("built-ins load");
        let programs = Programs::load(&library, None).expect("programs");
        let program = programs.find("upper-back-fix").expect("built in").clone();
        let active = ActiveProgram {
            id: program.id.clone(),
            start: jiff::civil::date(2026, 3, 2),
        };
        let today = active.start_day();
        let standing = standing_of(program, active, &Facts::default(), &library, today);
        assert_eq!(standing.status.week, 1);
        assert_eq!(standing.status.state, State::Active);
        assert!(!standing.due.is_empty());
        assert!(standing.due.iter().all(|due| due.total.is_some()));
    }
}
