//! `limberup history [--json | --csv]`: past sessions and pain checks. Text from the history file
//! (ids, areas, levels) is escaped on its way to a terminal, as everything from a file is.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::{Failure, Outcome, io_failure, json_failure};
use crate::calendar::Calendar;
use crate::config::Dirs;
use crate::duration::format_clock;
use crate::history::{CheckRow, SessionRow, Store};
use crate::text::printable;

#[derive(Serialize)]
struct SessionJson<'a> {
    routine: &'a str,
    routine_hash: &'a str,
    started_at: String,
    ended_at: String,
    finished: bool,
    completed: u32,
    skipped: u32,
    extended: u32,
    pauses: u32,
    paused_ms: u64,
    active_ms: u64,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    taken_at: String,
    pain: u8,
    areas: Vec<&'a str>,
    level: &'a str,
    rules: Vec<&'a str>,
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    sessions: Vec<SessionJson<'a>>,
    checks: Vec<CheckJson<'a>>,
}

pub(super) fn run(dirs: &Dirs, json: bool, csv: bool, out: &mut impl Write) -> Outcome {
    let dir = dirs.data_dir.as_deref().ok_or(Failure::NoDataFolder)?;
    // Read only: listing the history never creates or changes anything.
    let calendar = Calendar::system();
    let store = Store::open_read_only(dir, &calendar)?;
    let (sessions, checks) = match &store {
        Some(store) => (store.sessions()?, store.checks()?),
        None => (Vec::new(), Vec::new()),
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &as_json(&sessions, &checks))
            .map_err(json_failure)?;
        return writeln!(out).map_err(io_failure);
    }
    let text = if csv {
        as_csv(&sessions, &checks)?
    } else {
        as_text(&sessions, &checks, &calendar)
    };
    out.write_all(text.as_bytes()).map_err(io_failure)
}

fn as_json<'a>(sessions: &'a [SessionRow], checks: &'a [CheckRow]) -> HistoryJson<'a> {
    HistoryJson {
        sessions: sessions
            .iter()
            .map(|s| SessionJson {
                routine: &s.routine_id,
                routine_hash: &s.routine_hash,
                started_at: s.started_at.rfc3339(),
                ended_at: s.ended_at.rfc3339(),
                finished: s.finished,
                completed: s.completed,
                skipped: s.skipped,
                extended: s.extended,
                pauses: s.pauses,
                paused_ms: s.paused_ms,
                active_ms: s.active_ms,
            })
            .collect(),
        checks: checks
            .iter()
            .map(|c| CheckJson {
                taken_at: c.taken_at.rfc3339(),
                pain: c.pain,
                areas: c.area_words(),
                level: c.level.as_str(),
                rules: c.rule_words(),
            })
            .collect(),
    }
}

/// One row per session and check, quoted where a field needs it (an id with a comma stays one field).
fn as_csv(sessions: &[SessionRow], checks: &[CheckRow]) -> Result<String, Failure> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "type",
        "time",
        "routine",
        "finished",
        "active_s",
        "completed",
        "skipped",
        "pain",
        "areas",
        "level",
        "rules",
    ])?;
    for s in sessions {
        writer.write_record([
            "session".to_owned(),
            s.started_at.rfc3339(),
            printable(&s.routine_id).into_owned(),
            s.finished.to_string(),
            (s.active_ms / 1000).to_string(),
            s.completed.to_string(),
            s.skipped.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ])?;
    }
    for c in checks {
        writer.write_record([
            "check".to_owned(),
            c.taken_at.rfc3339(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            c.pain.to_string(),
            printable(&c.area_words().join(";")).into_owned(),
            printable(c.level.as_str()).into_owned(),
            printable(&c.rule_words().join(";")).into_owned(),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Failure::Output(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// For a person: times on the runner's clock (the screens' days), a program session's program,
/// level and the pain the runner gave it. `--json` and `--csv` keep UTC, for programs.
fn as_text(sessions: &[SessionRow], checks: &[CheckRow], calendar: &Calendar) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "Sessions ({}):", sessions.len());
    for s in sessions {
        let mut line = format!(
            "  {}  {} {:>7}  {:<8}",
            calendar.local_text(s.started_at),
            crate::text::pad(&printable(&s.routine_id), 24),
            format_clock(s.active_ms),
            if s.finished { "finished" } else { "stopped" }
        );
        if let Some(program) = &s.program {
            let _ = write!(
                line,
                "  program {} level {}",
                printable(&program.id),
                program.level
            );
        }
        if let Some(pain) = s.pain {
            let _ = write!(line, "  pain {pain}/10");
        }
        let _ = writeln!(text, "{}", line.trim_end());
    }
    let _ = writeln!(text, "Pain checks ({}):", checks.len());
    for c in checks {
        let _ = writeln!(
            text,
            "  {}  pain {:>2}/10  {:<10} {}",
            calendar.local_text(c.taken_at),
            c.pain,
            printable(c.level.as_str()),
            printable(&c.area_words().join(", "))
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::UtcTime;
    use crate::history::InProgram;
    use crate::words::Word;

    fn session(program: Option<InProgram>, pain: Option<u8>) -> SessionRow {
        SessionRow {
            routine_id: "hip-mobility".to_owned(),
            routine_hash: String::new(),
            started_at: UtcTime::parse_instant("2026-11-24T13:05:00Z").expect("instant"),
            ended_at: UtcTime::parse_instant("2026-11-24T13:15:00Z").expect("instant"),
            finished: true,
            completed: 5,
            skipped: 0,
            extended: 0,
            pauses: 0,
            paused_ms: 0,
            active_ms: 600_000,
            program,
            pain,
            morning: None,
        }
    }

    #[test]
    fn text_shows_the_runners_clock_with_program_level_and_session_pain() {
        let calendar = Calendar::named("America/New_York").expect("zone");
        let program = InProgram {
            id: "back-to-running".to_owned(),
            level: 2,
        };
        let check = CheckRow {
            taken_at: UtcTime::parse_instant("2026-11-25T02:30:00Z").expect("instant"),
            pain: 3,
            areas: vec![Word::read("knee")],
            level: Word::read("green"),
            rules: Vec::new(),
        };
        let text = as_text(
            &[session(Some(program), Some(4)), session(None, None)],
            &[check],
            &calendar,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1],
            "  2026-11-24 08:05 EST  hip-mobility               10:00  finished  program back-to-running level 2  pain 4/10"
        );
        assert_eq!(
            lines[2],
            "  2026-11-24 08:05 EST  hip-mobility               10:00  finished"
        );
        // The evening before, on the runner's clock, although it is the 25th in UTC.
        assert!(
            lines[4].starts_with("  2026-11-24 21:30 EST  pain  3/10"),
            "{text}"
        );
    }
}
