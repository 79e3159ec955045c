//! `limberup program show ID [--level N] [--json]`: a program's weeks, what each plans and each
//! session's total at a level, without making it active.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::{Failure, Outcome, io_failure, json_failure};
use crate::format::model::Total;
use crate::program::progress::progressed;
use crate::program::{Program, Schedule, WEEKDAYS};
use crate::routine::Library;
use crate::text::printable;

#[derive(Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    name: &'a str,
    weeks: u32,
    advance: &'static str,
    max_weeks: u32,
    max_level: Option<u32>,
    top_level: u32,
    max_per_day: u32,
    level: u32,
    gate: GateJson,
    plan: Vec<WeekJson<'a>>,
}

#[derive(Serialize)]
struct GateJson {
    green: u8,
    amber: u8,
}

#[derive(Serialize)]
struct WeekJson<'a> {
    week: u32,
    sessions: Vec<SessionJson<'a>>,
}

#[derive(Serialize)]
struct SessionJson<'a> {
    routine: &'a str,
    per_week: Option<u32>,
    days: Option<Vec<&'static str>>,
    total_s: Option<f64>,
}

/// Refuses a level `program` can never reach.
pub(super) fn reachable(program: &Program, level: u32) -> Result<(), Failure> {
    let top = program.top_level();
    if level <= top {
        return Ok(());
    }
    let why = match program.max_level {
        Some(cap) if cap < program.weeks.saturating_sub(1) => format!("its `max_level` is {cap}"),
        _ => format!(
            "it rises at most one level a green week before its last of {} weeks",
            program.weeks
        ),
    };
    Err(Failure::LevelOutOfReach(format!(
        "level {level} is beyond what `{}` can reach: its levels go from 0 to {top} ({why})",
        printable(&program.id)
    )))
}

fn day_words(days: &[jiff::civil::Weekday]) -> Vec<&'static str> {
    days.iter()
        .filter_map(|day| WEEKDAYS.iter().find(|(_, d)| d == day).map(|(w, _)| *w))
        .collect()
}

fn total_of(program: &Program, library: &Library, routine: &str, level: u32) -> Option<Total> {
    library
        .find(routine)
        .map(|found| progressed(found, program.progress_of(routine), level).total)
}

/// Milliseconds as seconds, for JSON (a routine lasts at most 4 hours, exact in an f64).
fn seconds(ms: u64) -> f64 {
    f64::from(u32::try_from(ms).unwrap_or(u32::MAX)) / 1000.0
}

pub(super) fn show(
    program: &Program,
    library: &Library,
    level: u32,
    json: bool,
    out: &mut impl Write,
) -> Outcome {
    reachable(program, level)?;
    let weeks: Vec<WeekJson<'_>> = (1..=program.weeks)
        .map(|week| WeekJson {
            week,
            sessions: program
                .sessions
                .iter()
                .filter(|s| s.applies_in(week))
                .map(|s| {
                    let (per_week, days) = match &s.schedule {
                        Schedule::PerWeek(n) => (Some(*n), None),
                        Schedule::Days(days) => (None, Some(day_words(days))),
                    };
                    SessionJson {
                        routine: &s.routine,
                        per_week,
                        days,
                        total_s: total_of(program, library, &s.routine, level)
                            .map(|t| seconds(t.ms)),
                    }
                })
                .collect(),
        })
        .collect();
    if json {
        let shown = ShowJson {
            id: &program.id,
            name: &program.name,
            weeks: program.weeks,
            advance: program.advance.as_str(),
            max_weeks: program.max_weeks,
            max_level: program.max_level,
            top_level: program.top_level(),
            max_per_day: program.max_per_day,
            level,
            gate: GateJson {
                green: program.gate.green,
                amber: program.gate.amber,
            },
            plan: weeks,
        };
        serde_json::to_writer(&mut *out, &shown).map_err(json_failure)?;
        return writeln!(out).map_err(io_failure);
    }
    out.write_all(text(program, library, level, &weeks).as_bytes())
        .map_err(io_failure)
}

fn text(program: &Program, library: &Library, level: u32, weeks: &[WeekJson<'_>]) -> String {
    let gate = program.gate;
    let advance = match program.advance {
        crate::program::Advance::Calendar => "a week a calendar week".to_owned(),
        crate::program::Advance::OnGreen => format!(
            "only after a green week (a week that is not green is played again; at most {} weeks)",
            program.max_weeks
        ),
    };
    let mut text = format!(
        "{} ({})\n{} weeks, moving on {advance}; levels 0 to {}; at most {} sessions a day\nPain during a session: 0-{} go on · {}-{} hold · above {} step back\n",
        printable(&program.name),
        printable(&program.id),
        program.weeks,
        program.top_level(),
        program.max_per_day,
        gate.green,
        gate.green + 1,
        gate.amber,
        gate.amber
    );
    if let Some(description) = &program.description {
        let _ = writeln!(text, "{}", printable(description));
    }
    let _ = writeln!(text, "\nAt level {level}:");
    for week in weeks {
        let _ = writeln!(text, "Week {}", week.week);
        for session in &week.sessions {
            let when = match (&session.per_week, &session.days) {
                (Some(n), _) => format!("{n} a week"),
                (None, Some(days)) => days.join(", "),
                (None, None) => String::new(),
            };
            let total = total_of(program, library, session.routine, level)
                .map_or_else(|| "?".to_owned(), Total::label);
            let _ = writeln!(
                text,
                "  {:<24} {:<14} {total}",
                printable(session.routine),
                when
            );
        }
    }
    text
}
