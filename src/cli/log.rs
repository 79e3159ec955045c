//! `limberup log`: a session done away from the app (it counts for streaks and, when it is one of
//! the active program's, for the program at its level), or the next-morning answer about one.

use std::io::Write;

use super::program::{load_programs, writable};
use super::{Failure, Outcome, io_failure};
use crate::calendar::{Calendar, UtcTime};
use crate::config::Dirs;
use crate::history::{InProgram, SessionRow};
use crate::program::Morning;
use crate::program::judge::status;
use crate::program::standing::with_planned_times;
use crate::routine::Library;
use crate::text::printable;

/// What `log` records.
pub(super) struct LogRequest<'a> {
    pub routine: &'a str,
    pub date: Option<&'a str>,
    pub pain: Option<u8>,
    pub morning: Option<&'a str>,
}

/// A `--date` (default now), never more than a day ahead.
pub(super) fn when(date: Option<&str>, calendar: &Calendar) -> Result<UtcTime, Failure> {
    let now = UtcTime::now();
    let at = match date {
        None => now,
        Some(text) => calendar
            .parse_any(text)
            .ok_or_else(|| Failure::NotADate(printable(text).into_owned()))?,
    };
    if at.0 > now.0 + 24 * 3600 {
        return Err(Failure::FutureDate(
            printable(date.unwrap_or_default()).into_owned(),
        ));
    }
    Ok(at)
}

/// `limberup log ROUTINE [--date DATETIME] [--pain N | --morning ANSWER]`.
pub(super) fn log(
    library: &Library,
    dirs: &Dirs,
    request: &LogRequest<'_>,
    out: &mut impl Write,
) -> Outcome {
    let routine = library.resolve(request.routine)?;
    let calendar = Calendar::system();
    let started_at = when(request.date, &calendar)?;
    let pain = request.pain;
    if let Some(answer) = request.morning {
        return morning(dirs, &routine.id, answer, started_at, out);
    }
    let programs = load_programs(library, dirs)?;
    let mut store = writable(dirs, &calendar)?;
    let day = calendar.day(started_at);
    let in_program = match store.active_program()? {
        Some(active) if day >= active.start_day() => programs
            .find(&active.id)
            .ok()
            .filter(|p| p.involves(&routine.id))
            .map(|program| {
                let facts = with_planned_times(&store.program_facts()?, program, library);
                let level = status(program, active.start_day(), &facts, day).level;
                Ok::<_, crate::history::HistoryError>(InProgram {
                    id: program.id.clone(),
                    level,
                })
            })
            .transpose()?,
        _ => None,
    };
    let total = crate::program::progress::progressed(
        &routine,
        in_program
            .as_ref()
            .and_then(|p| programs.find(&p.id).ok())
            .map(|p| p.progress_of(&routine.id))
            .unwrap_or_default(),
        in_program.as_ref().map_or(0, |p| p.level),
    )
    .total;
    let row = SessionRow {
        routine_id: routine.id.clone(),
        routine_hash: routine.content_hash.clone(),
        started_at,
        ended_at: UtcTime(started_at.0 + i64::try_from(total.ms / 1000).unwrap_or(0)),
        finished: true,
        completed: u32::try_from(routine.steps.len()).unwrap_or(u32::MAX),
        skipped: 0,
        extended: 0,
        pauses: 0,
        paused_ms: 0,
        active_ms: total.ms,
        program: in_program.clone(),
        pain,
        morning: None,
    };
    store.save_session(&row)?;
    let place = in_program.map_or_else(String::new, |p| {
        format!(" (program {}, level {})", printable(&p.id), p.level)
    });
    writeln!(
        out,
        "logged {} on {}{place}",
        printable(&routine.id),
        calendar.date(started_at)
    )
    .map_err(io_failure)
}

/// `log ROUTINE --morning ANSWER`: the answer goes on that routine's latest program session of an
/// earlier day than the one given (default today).
fn morning(dirs: &Dirs, routine: &str, answer: &str, at: UtcTime, out: &mut impl Write) -> Outcome {
    let calendar = Calendar::system();
    let answer = Morning::parse(answer).ok_or_else(|| {
        Failure::NoMorningSession(format!(
            "`{}` is not an answer: better, same or worse",
            printable(answer)
        ))
    })?;
    let mut store = writable(dirs, &calendar)?;
    let day = calendar.day(at);
    let Some(session) = store.program_session_before(routine, day)? else {
        return Err(Failure::NoMorningSession(format!(
            "no program session of `{}` before {} to answer about",
            printable(routine),
            calendar.date(at)
        )));
    };
    store.set_morning(session.session_id, answer)?;
    writeln!(
        out,
        "the morning after {} on {}: {}",
        printable(routine),
        calendar.date(session.started_at),
        answer.as_str()
    )
    .map_err(io_failure)
}
