//! The history's side of programs: which program is active from which day, the answers saved with a
//! session (its pain, the next morning), and the facts the week judgement reads.

use jiff::civil::Date;
use rusqlite::{OptionalExtension, params};

use super::{CheckRow, HistoryError, SessionRow, Store};
use crate::calendar::Calendar;
use crate::calendar::{DayNumber, UtcTime};
use crate::program::standing::ActiveProgram;
use crate::program::{CheckFact, Facts, Morning, ResumeFact, SessionFact};

/// A program session of the day before, still without its next-morning answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MorningAsk {
    /// The session's row, where the answer goes.
    pub session_id: i64,
    pub routine: String,
    pub started_at: UtcTime,
}

impl Store {
    /// Whether the file has the program tables and columns (version 3 on).
    pub(super) fn has_programs(&self) -> Result<bool, HistoryError> {
        self.connection
            .query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0))
            .map(|version| version >= 3)
            .map_err(|e| self.sqlite(e))
    }

    /// The active program, if any.
    pub fn active_program(&self) -> Result<Option<ActiveProgram>, HistoryError> {
        if !self.has_programs()? {
            return Ok(None); // an earlier history, read without writing: none was ever started
        }
        let row: Option<(String, String)> = self
            .connection
            .query_row(
                "SELECT program_id, start_day FROM active_program WHERE slot = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?;
        row.map(|(id, start)| {
            start
                .parse::<Date>()
                .map(|start| ActiveProgram { id, start })
                .map_err(|_| HistoryError::BadRow {
                    path: self.path.clone(),
                    table: "active_program",
                    id: 1,
                    problem: format!("`start_day` is not a date: {start:?}"),
                })
        })
        .transpose()
    }

    /// Makes `program` the active one (replacing any other).
    pub fn start_program(
        &mut self,
        program: &ActiveProgram,
        now: UtcTime,
    ) -> Result<(), HistoryError> {
        self.connection
            .execute(
                "INSERT OR REPLACE INTO active_program (slot, program_id, start_day, started_at)
                 VALUES (1, ?1, ?2, ?3)",
                params![program.id, program.start.to_string(), now.rfc3339()],
            )
            .map(drop)
            .map_err(|e| self.sqlite(e))
    }

    /// No active program; whether there was one.
    pub fn stop_program(&mut self) -> Result<bool, HistoryError> {
        self.connection
            .execute("DELETE FROM active_program", [])
            .map(|n| n > 0)
            .map_err(|e| self.sqlite(e))
    }

    /// The program session of the day before `today` without a next-morning answer yet that hurt
    /// most (the latest of those that hurt as much). Looked up by its time, not among the newest
    /// rows: sessions logged later for earlier days must not hide it. The query takes the UTC days
    /// around it (a zone is at most 14 hours from UTC), and the local day is then checked exactly.
    pub fn awaiting_morning(&self, today: DayNumber) -> Result<Option<MorningAsk>, HistoryError> {
        let from = UtcTime(today.saturating_sub(2).saturating_mul(86_400)).rfc3339();
        let until = UtcTime(today.saturating_add(1).saturating_mul(86_400)).rfc3339();
        let mut statement = self
            .connection
            .prepare(
                "SELECT id, routine_id, started_at, pain FROM sessions
                 WHERE program_id IS NOT NULL AND morning IS NULL
                   AND started_at >= ?1 AND started_at < ?2
                 ORDER BY started_at DESC, id DESC",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows: Vec<(i64, String, String, Option<i64>)> = statement
            .query_map([from, until], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.sqlite(e))?;
        // The question is about the session that hurt most (a painful one is why it is asked);
        // among equals, the latest.
        let yesterday = rows
            .into_iter()
            .filter_map(|(session_id, routine, started, pain)| {
                UtcTime::parse_instant(&started)
                    .filter(|at| self.calendar.day(*at) == today - 1)
                    .map(|started_at| {
                        let ask = MorningAsk {
                            session_id,
                            routine,
                            started_at,
                        };
                        (pain, ask)
                    })
            });
        Ok(yesterday
            .max_by_key(|(pain, ask)| (*pain, ask.started_at))
            .map(|(_, ask)| ask))
    }

    /// The latest program session of `routine` on a local day before `day`, for a next-morning
    /// answer given later from the command line.
    pub fn program_session_before(
        &self,
        routine: &str,
        day: DayNumber,
    ) -> Result<Option<MorningAsk>, HistoryError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT id, routine_id, started_at FROM sessions
                 WHERE program_id IS NOT NULL AND routine_id = ?1 ORDER BY id DESC LIMIT 200",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows: Vec<(i64, String, String)> = statement
            .query_map([routine], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .and_then(Iterator::collect)
            .map_err(|e| self.sqlite(e))?;
        let mut found: Vec<MorningAsk> = rows
            .into_iter()
            .filter_map(|(session_id, routine, started)| {
                UtcTime::parse_instant(&started)
                    .filter(|at| self.calendar.day(*at) < day)
                    .map(|started_at| MorningAsk {
                        session_id,
                        routine,
                        started_at,
                    })
            })
            .collect();
        found.sort_by_key(|ask| ask.started_at);
        Ok(found.pop())
    }

    /// Saves the next-morning answer of the session saved as `session_id`.
    pub fn set_morning(&mut self, session_id: i64, morning: Morning) -> Result<(), HistoryError> {
        self.connection
            .execute(
                "UPDATE sessions SET morning = ?1 WHERE id = ?2",
                params![morning.as_str(), session_id],
            )
            .map(drop)
            .map_err(|e| self.sqlite(e))
    }

    /// The sessions, checks and resumes as the week judgement reads them, on the runner's local days.
    pub fn program_facts(&self) -> Result<Facts, HistoryError> {
        let mut found = facts(&self.sessions()?, &self.checks()?, &self.calendar);
        found.resumes = self.program_resumes()?;
        found.spikes =
            super::run_view::spike_facts(&super::run_view::views(self.runs()?, &self.calendar));
        Ok(found)
    }

    /// Whether the file has the table of `program resume`s (found by name, not by version, so the
    /// step that adds it may be renumbered).
    fn has_resumes(&self) -> Result<bool, HistoryError> {
        self.connection
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'program_resumes'",
                [],
                |row| row.get::<_, i64>(0),
            )
            .map(|n| n > 0)
            .map_err(|e| self.sqlite(e))
    }

    /// Every `program resume`, oldest first, on the runner's local days.
    pub fn program_resumes(&self) -> Result<Vec<ResumeFact>, HistoryError> {
        if !self.has_resumes()? {
            return Ok(Vec::new()); // an earlier history, read without writing: none was made
        }
        let mut statement = self
            .connection
            .prepare("SELECT id, resumed_at FROM program_resumes ORDER BY id")
            .map_err(|e| self.sqlite(e))?;
        let rows: Vec<(i64, String)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .and_then(Iterator::collect)
            .map_err(|e| self.sqlite(e))?;
        rows.into_iter()
            .map(|(id, text)| {
                UtcTime::parse_instant(&text)
                    .map(|at| ResumeFact {
                        at,
                        day: self.calendar.day(at),
                    })
                    .ok_or_else(|| HistoryError::BadRow {
                        path: self.path.clone(),
                        table: "program_resumes",
                        id,
                        problem: format!("`resumed_at` is not a time: {text:?}"),
                    })
            })
            .collect()
    }

    /// Records `program resume` of `program` at `at`.
    pub fn resume_program(&mut self, program: &str, at: UtcTime) -> Result<(), HistoryError> {
        self.connection
            .execute(
                "INSERT INTO program_resumes (program_id, resumed_at) VALUES (?1, ?2)",
                params![program, at.rfc3339()],
            )
            .map(drop)
            .map_err(|e| self.sqlite(e))
    }
}

/// Sessions and checks as the week judgement reads them, on the runner's local days in `calendar`:
/// the same from the file or from what the app holds.
pub fn facts(sessions: &[SessionRow], checks: &[CheckRow], calendar: &Calendar) -> Facts {
    let sessions = sessions
        .iter()
        .map(|s| SessionFact {
            at: s.started_at,
            day: calendar.day(s.started_at),
            routine: s.routine_id.clone(),
            program: s.program.as_ref().map(|p| p.id.clone()),
            level: s.program.as_ref().map(|p| p.level),
            pain: s.pain,
            morning: s.morning,
            played_ms: s.active_ms,
            finished: s.finished,
            planned_ms: None,
        })
        .collect();
    let checks = checks
        .iter()
        .filter_map(|c| {
            // A level this limberup does not know is left out rather than guessed.
            c.level.known().map(|level| CheckFact {
                at: c.taken_at,
                day: calendar.day(c.taken_at),
                level,
            })
        })
        .collect();
    Facts {
        sessions,
        checks,
        resumes: Vec::new(),
        spikes: Vec::new(),
    }
}
