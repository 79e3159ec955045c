//! `limberup program list | start | status | stop` and `limberup log`: programs over weeks from the
//! command line, and sessions done away from the app.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::args::ProgramAction;
use super::{Failure, Outcome, io_failure, json_failure};
use crate::calendar::{Calendar, UtcTime, day_number};
use crate::config::Dirs;
use crate::history::Store;
use crate::history::standing;
use crate::program::judge::PauseCause;
use crate::program::judge::words::day_words;
use crate::program::standing::ActiveProgram;
use crate::program::standing::Standing;
use crate::program::{Programs, State};
use crate::routine::Library;
use crate::text::printable;

pub(super) fn run(
    action: ProgramAction,
    library: &Library,
    dirs: &Dirs,
    out: &mut impl Write,
) -> Outcome {
    let programs = load_programs(library, dirs)?;
    let calendar = Calendar::system();
    match action {
        ProgramAction::List { json, markdown } => list(&programs, json, markdown, out),
        ProgramAction::Start { id, on } => {
            let program = programs.find(&id)?;
            let start = on.unwrap_or_else(|| calendar.date(UtcTime::now()));
            let mut store = writable(dirs, &calendar)?;
            let active = ActiveProgram {
                id: program.id.clone(),
                start,
            };
            store.start_program(&active, UtcTime::now())?;
            writeln!(
                out,
                "started {} ({}): week 1 of {} begins on {start}",
                printable(&program.name),
                printable(&program.id),
                program.weeks
            )
            .map_err(io_failure)
        }
        ProgramAction::Stop => {
            let stopped = writable(dirs, &calendar)?.stop_program()?;
            let said = if stopped {
                "stopped: no program is active"
            } else {
                "no program was active"
            };
            writeln!(out, "{said}").map_err(io_failure)
        }
        ProgramAction::Resume { date } => resume(library, &programs, dirs, date.as_deref(), out),
        ProgramAction::Show { id, level, json } => {
            super::program_show::show(programs.find(&id)?, library, level.unwrap_or(0), json, out)
        }
        ProgramAction::Status { json, today } => {
            let today = today.unwrap_or_else(|| calendar.date(UtcTime::now()));
            let store = dirs
                .data_dir
                .as_deref()
                .map(|dir| Store::open_read_only(dir, &calendar))
                .transpose()?
                .flatten();
            let standing = standing(store.as_ref(), &programs, library, day_number(today))?;
            if json {
                serde_json::to_writer(&mut *out, &status_json(standing.as_ref()))
                    .map_err(json_failure)?;
                writeln!(out).map_err(io_failure)
            } else {
                out.write_all(status_text(standing.as_ref()).as_bytes())
                    .map_err(io_failure)
            }
        }
    }
}

/// The active program on `today` for the app, read without writing; none when there is none or it
/// cannot be worked out (the app then opens on the library, as without a program).
pub(super) fn standing_on(
    library: &Library,
    store: &Store,
    dirs: &Dirs,
    today: crate::calendar::DayNumber,
) -> Option<Standing> {
    let programs = load_programs(library, dirs).ok()?;
    standing(Some(store), &programs, library, today)
        .ok()
        .flatten()
}

/// What the app shows or asks first on `today`: the program's standing, and the morning questions
/// about yesterday's program session and spike run.
#[derive(Debug, Default)]
pub(super) struct Opening {
    pub(super) standing: Option<Standing>,
    pub(super) morning: Option<crate::history::MorningAsk>,
    pub(super) run_morning: Option<crate::history::run_view::RunMorningAsk>,
}

/// The [`Opening`], read from one opening of the history, without writing; empty when there is no
/// history or it cannot be read (the app then opens as without one).
pub(super) fn opening(
    library: &Library,
    dirs: &Dirs,
    calendar: &Calendar,
    today: crate::calendar::DayNumber,
) -> Opening {
    let Some(store) = dirs
        .data_dir
        .as_deref()
        .and_then(|dir| Store::open_read_only(dir, calendar).ok().flatten())
    else {
        return Opening::default();
    };
    Opening {
        standing: standing_on(library, &store, dirs, today),
        morning: store.awaiting_morning(today).ok().flatten(),
        run_morning: store.awaiting_run_morning(today).ok().flatten(),
    }
}

pub(super) fn load_programs(library: &Library, dirs: &Dirs) -> Result<Programs, Failure> {
    let programs = Programs::load(library, dirs.routines_dir.as_deref())?;
    for problem in &programs.problems {
        let _ = writeln!(std::io::stderr(), "limberup: warning: {problem}");
    }
    Ok(programs)
}

pub(super) fn writable(dirs: &Dirs, calendar: &Calendar) -> Result<Store, Failure> {
    let dir = dirs.data_dir.as_deref().ok_or(Failure::NoDataFolder)?;
    Ok(super::open_history_to_write(dir, calendar)?)
}

#[derive(Serialize)]
struct ProgramJson<'a> {
    id: &'a str,
    name: &'a str,
    weeks: u32,
    sessions_a_week: u32,
    built_in: bool,
}

fn list(programs: &Programs, json: bool, markdown: bool, out: &mut impl Write) -> Outcome {
    if json {
        let rows: Vec<ProgramJson<'_>> = programs
            .programs
            .iter()
            .map(|p| ProgramJson {
                id: &p.id,
                name: &p.name,
                weeks: p.weeks,
                sessions_a_week: p.sessions_a_week(),
                built_in: p.built_in,
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows).map_err(json_failure)?;
        return writeln!(out).map_err(io_failure);
    }
    let mut text = String::new();
    if markdown {
        text.push_str("| id | weeks | a week | what it is for |\n|---|---|---|---|\n");
        for p in &programs.programs {
            let purpose = p
                .description
                .as_deref()
                .unwrap_or(&p.name)
                .replace('|', "\\|");
            let _ = writeln!(
                text,
                "| `{}` | {} | {} | {} |",
                printable(&p.id),
                p.weeks,
                p.sessions_a_week(),
                printable(&purpose)
            );
        }
    } else {
        let width = programs
            .programs
            .iter()
            .map(|p| printable(&p.id).chars().count())
            .max()
            .unwrap_or(2)
            .max(2);
        let _ = writeln!(text, "{:<width$}  WEEKS  A WEEK  NAME", "ID");
        for p in &programs.programs {
            let _ = writeln!(
                text,
                "{:<width$}  {:>5}  {:>6}  {}",
                printable(&p.id),
                p.weeks,
                p.sessions_a_week(),
                printable(&p.name)
            );
        }
    }
    out.write_all(text.as_bytes()).map_err(io_failure)
}

/// `program status --json`, in the shape and key order the spec gives.
#[derive(Serialize)]
struct StatusJson<'a> {
    program: Option<&'a str>,
    week: Option<u32>,
    weeks: Option<u32>,
    level: Option<u32>,
    state: &'static str,
    due: Vec<DueJson<'a>>,
    done_this_week: u32,
    planned_this_week: u32,
    last_week: Option<&'static str>,
    advice: Option<String>,
    repeat: bool,
    reason: Option<String>,
}

#[derive(Serialize)]
struct DueJson<'a> {
    routine: &'a str,
    level: u32,
    total_s: Option<f64>,
}

fn status_json(standing: Option<&Standing>) -> StatusJson<'_> {
    let Some(standing) = standing else {
        return StatusJson {
            program: None,
            week: None,
            weeks: None,
            level: None,
            state: "none",
            due: Vec::new(),
            done_this_week: 0,
            planned_this_week: 0,
            last_week: None,
            advice: None,
            repeat: false,
            reason: None,
        };
    };
    let status = &standing.status;
    StatusJson {
        program: Some(&standing.program.id),
        week: Some(status.week),
        weeks: Some(standing.program.weeks),
        level: Some(status.level),
        state: status.state.as_str(),
        due: standing
            .due
            .iter()
            .map(|d| DueJson {
                routine: &d.routine,
                level: d.level,
                total_s: d.total.map(|t| seconds(t.ms)),
            })
            .collect(),
        done_this_week: status.done_this_week,
        planned_this_week: status.planned_this_week,
        last_week: status.last_week().map(|w| w.verdict.as_str()),
        advice: status.advice.as_deref().map(|a| printable(a).into_owned()),
        repeat: status.repeat,
        reason: Some(printable(&status.reason).into_owned()),
    }
}

/// Milliseconds as seconds, for JSON (a routine lasts at most 4 hours, exact in an f64).
fn seconds(ms: u64) -> f64 {
    f64::from(u32::try_from(ms).unwrap_or(u32::MAX)) / 1000.0
}

fn status_text(standing: Option<&Standing>) -> String {
    let Some(standing) = standing else {
        return "No program is active; `limberup program list` shows them, `limberup program start ID` starts one.\n".to_owned();
    };
    let status = &standing.status;
    let mut text = format!(
        "{} ({})\nWeek {} of {}{} · level {} · {}\n",
        printable(&standing.program.name),
        printable(&standing.program.id),
        status.week,
        standing.program.weeks,
        if status.repeat { " again" } else { "" },
        status.level,
        status.state.as_str()
    );
    let _ = writeln!(text, "Why: {}", printable(&status.reason));
    if let Some(last) = status.last_week() {
        let _ = writeln!(
            text,
            "Last week: {} ({})",
            last.verdict.as_str(),
            last.reason
        );
    }
    let _ = writeln!(
        text,
        "This week: {} of {} sessions done",
        status.done_this_week, status.planned_this_week
    );
    if let Some(advice) = &status.advice {
        let _ = writeln!(text, "Advice: {}", printable(advice));
    }
    if let Some(pain) = status.ask_check {
        let _ = writeln!(
            text,
            "Your last session hurt {pain}/10: take the pain check (`limberup check`)"
        );
    }
    if standing.due.is_empty() {
        text.push_str("Nothing due today.\n");
    } else {
        text.push_str("Due today:\n");
        for due in &standing.due {
            let total = due
                .total
                .map_or_else(|| "?".to_owned(), crate::format::model::Total::label);
            let _ = writeln!(
                text,
                "  {}  level {}  {total}",
                printable(&due.routine),
                due.level
            );
        }
    }
    text
}

/// `program resume [--date DATETIME]`: after two red weeks, from two days after the pause began.
fn resume(
    library: &Library,
    programs: &Programs,
    dirs: &Dirs,
    date: Option<&str>,
    out: &mut impl Write,
) -> Outcome {
    let calendar = Calendar::system();
    let at = super::log::when(date, &calendar)?;
    let day = calendar.day(at);
    let mut store = writable(dirs, &calendar)?;
    let Some(before) = standing(Some(&store), programs, library, day)? else {
        return Err(Failure::CannotResume(
            "no program is active; `limberup program start ID` starts one".to_owned(),
        ));
    };
    let status = &before.status;
    let pause = status
        .pause
        .as_ref()
        .filter(|_| status.state == State::Paused);
    let refusal = match pause.map(|p| (&p.cause, p.earliest_end())) {
        None => Some(format!(
            "the program is not paused (it is {})",
            status.state.as_str()
        )),
        Some((PauseCause::Check(check), _)) => Some(format!(
            "the pain check on {} paused it: a check that says ok or self-care from {} resumes it (`limberup check`)",
            day_words(check.day),
            day_words(check.day + 2)
        )),
        Some((PauseCause::TooLong, _)) => Some(format!(
            "the program went on too long without finishing: see a physiotherapist; `limberup program start {}` begins it again",
            printable(&before.program.id)
        )),
        Some((PauseCause::TwoRedWeeks, Some(earliest))) if day < earliest => Some(format!(
            "too soon: two red weeks paused it on {}; it can resume from {} (48 hours on)",
            day_words(earliest - 2),
            day_words(earliest)
        )),
        Some((PauseCause::TwoRedWeeks, _)) => None,
    };
    if let Some(refusal) = refusal {
        return Err(Failure::CannotResume(refusal));
    }
    store.resume_program(&before.program.id, at)?;
    let after = standing(Some(&store), programs, library, day)?;
    let level = after.as_ref().map_or(0, |s| s.status.level);
    writeln!(
        out,
        "resumed {} on {}, one level lower: level {level}",
        printable(&before.program.id),
        calendar.date(at)
    )
    .map_err(io_failure)
}
