//! The rows of the history, and reading them back: a value that cannot be read is an error naming
//! its table and row, never a quiet default.

use rusqlite::Row;
use serde::Serialize;

use super::{HistoryError, Store};
use crate::calendar::{Calendar, UtcTime};
use crate::program::Morning;
use crate::triage::{Answers, Area, CheckRecord, Level, PastCheck, RuleId};
use crate::words::{Vocabulary, Word};

/// A session as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub routine_id: String,
    pub routine_hash: String,
    pub started_at: UtcTime,
    pub ended_at: UtcTime,
    pub finished: bool,
    pub completed: u32,
    pub skipped: u32,
    pub extended: u32,
    pub pauses: u32,
    pub paused_ms: u64,
    pub active_ms: u64,
    /// The program and level it was done at, if it was one of the active program's sessions.
    pub program: Option<InProgram>,
    /// How much it hurt during the session, 0-10, if the runner said.
    pub pain: Option<u8>,
    /// The back the next morning, compared with before the session, if the runner said.
    pub morning: Option<Morning>,
}

/// A session's place in a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InProgram {
    pub id: String,
    pub level: u32,
}

/// A saved check, its words read once: an area, level or rule this limberup does not know (a newer
/// limberup wrote it) is kept as written, logged when read, and left out of the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    pub taken_at: UtcTime,
    pub pain: u8,
    pub areas: Vec<Word<Area>>,
    pub level: Word<Level>,
    /// The rules that fired, in table order.
    pub rules: Vec<Word<RuleId>>,
}

impl CheckRow {
    /// A check just taken, as the history will list it once saved.
    pub fn of(check: &CheckRecord) -> Self {
        Self {
            taken_at: check.taken_at,
            pain: check.answers.pain,
            areas: check
                .answers
                .areas
                .iter()
                .copied()
                .map(Word::from)
                .collect(),
            level: check.triage.level.into(),
            rules: check
                .triage
                .fired
                .iter()
                .map(|rule| Word::Known(RuleId::of(rule)))
                .collect(),
        }
    }

    /// The check as the history rules read it, on the runner's local day, with the areas this
    /// limberup knows (the rules have nothing to say of the others).
    pub fn as_past(&self, calendar: &Calendar) -> PastCheck {
        PastCheck {
            at: self.taken_at,
            day: calendar.day(self.taken_at),
            pain: self.pain,
            areas: self.areas.iter().filter_map(Word::known).collect(),
        }
    }

    /// The areas as written, known or not.
    pub fn area_words(&self) -> Vec<&str> {
        self.areas.iter().map(Word::as_str).collect()
    }

    /// The rules' ids as written, known or not.
    pub fn rule_words(&self) -> Vec<&str> {
        self.rules.iter().map(Word::as_str).collect()
    }

    /// How many of its words (areas, level) this limberup does not know.
    pub fn unknown_words(&self) -> usize {
        let areas = self.areas.iter().filter(|a| a.known().is_none()).count();
        areas + usize::from(self.level.known().is_none())
    }
}

/// The answers as the history records them.
#[derive(Serialize)]
struct AnswersRecord {
    pain: u8,
    areas: Vec<&'static str>,
    onset: Option<&'static str>,
    days: u32,
    trend: &'static str,
    limits_activity: bool,
    symptoms: Vec<&'static str>,
    unsure: Vec<&'static str>,
    age: Option<u32>,
}

pub(super) fn answers_json(answers: &Answers) -> String {
    let record = AnswersRecord {
        pain: answers.pain,
        areas: answers.areas.iter().map(|a| a.as_str()).collect(),
        onset: answers.onset.map(crate::triage::Onset::as_str),
        days: answers.days,
        trend: answers.trend.as_str(),
        limits_activity: answers.limits_activity,
        symptoms: answers.symptoms.iter().map(|s| s.as_str()).collect(),
        unsure: answers.unsure.iter().map(|s| s.as_str()).collect(),
        age: answers.age,
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// Reads one table, row by row, turning each with `read`; the first bad row is the error.
fn read_table<T>(
    store: &Store,
    table: &'static str,
    sql: &str,
    read: impl Fn(&Row<'_>) -> Result<T, String>,
) -> Result<Vec<T>, HistoryError> {
    let mut statement = store.connection.prepare(sql).map_err(|e| store.sqlite(e))?;
    let mut rows = statement.query([]).map_err(|e| store.sqlite(e))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| store.sqlite(e))? {
        let id: i64 = row.get(0).unwrap_or(-1);
        out.push(read(row).map_err(|problem| HistoryError::BadRow {
            path: store.path.clone(),
            table,
            id,
            problem,
        })?);
    }
    Ok(out)
}

pub(super) fn column<T: rusqlite::types::FromSql>(
    row: &Row<'_>,
    index: usize,
    name: &str,
) -> Result<T, String> {
    row.get(index).map_err(|error| match error {
        rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::IntegralValueOutOfRange(..) => {
            format!("`{name}` holds a value out of range")
        }
        rusqlite::Error::InvalidColumnType(..) => {
            format!("`{name}` holds a value of the wrong type")
        }
        other => format!("`{name}`: {other}"),
    })
}

fn words(text: &str, name: &str) -> Result<Vec<String>, String> {
    serde_json::from_str(text).map_err(|_| format!("`{name}` is not a list of words"))
}

/// Reads a word of check `id`; one this limberup does not know is kept, and logged.
fn read_word<T: Vocabulary>(word: &str, what: &str, id: i64) -> Word<T> {
    let read = Word::read(word);
    if read.known().is_none() {
        tracing::warn!(
            check = id,
            word,
            "a check's {what} this limberup does not know is kept as written"
        );
    }
    read
}

pub(super) fn read_checks(store: &Store) -> Result<Vec<CheckRow>, HistoryError> {
    let mut checks = read_table(
        store,
        "checks",
        "SELECT id, taken_at, pain, areas, level, rules FROM checks ORDER BY id",
        |row| {
            let written: String = column(row, 1, "taken_at")?;
            let taken_at = store
                .calendar
                .parse_any(&written)
                .ok_or_else(|| format!("`taken_at` is not a date and time: {written:?}"))?;
            let pain: i64 = column(row, 2, "pain")?;
            let pain = u8::try_from(pain)
                .ok()
                .filter(|p| *p <= 10)
                .ok_or_else(|| format!("`pain` is {pain}, outside 0 to 10"))?;
            let id: i64 = row.get(0).unwrap_or(-1);
            let areas = words(&column::<String>(row, 3, "areas")?, "areas")?;
            let level: String = column(row, 4, "level")?;
            Ok(CheckRow {
                taken_at,
                pain,
                areas: areas.iter().map(|a| read_word(a, "area", id)).collect(),
                level: read_word(&level, "level", id),
                rules: words(&column::<String>(row, 5, "rules")?, "rules")?
                    .iter()
                    .map(|rule| read_word(rule, "rule", id))
                    .collect(),
            })
        },
    )?;
    checks.sort_by_key(|c| c.taken_at);
    Ok(checks)
}

pub(super) fn read_sessions(store: &Store) -> Result<Vec<SessionRow>, HistoryError> {
    // A history read without writing may still be at an earlier version, without the program
    // columns: its sessions were done outside any program, with nothing asked.
    let program_columns = if store.has_programs()? {
        "program_id, program_level, pain, morning"
    } else {
        "NULL, NULL, NULL, NULL"
    };
    let sql = format!(
        "SELECT id, routine_id, routine_hash, started_at, ended_at, finished, completed, skipped,
         extended, pauses, paused_ms, active_ms, {program_columns} FROM sessions ORDER BY id"
    );
    let mut sessions = read_table(store, "sessions", &sql, |row| {
        let instant = |index, name| -> Result<UtcTime, String> {
            let text: String = column(row, index, name)?;
            UtcTime::parse_instant(&text)
                .ok_or_else(|| format!("`{name}` is not a UTC date and time: {text:?}"))
        };
        let millis = |index, name| -> Result<u64, String> {
            u64::try_from(column::<i64>(row, index, name)?)
                .map_err(|_| format!("`{name}` is negative"))
        };
        Ok(SessionRow {
            routine_id: column(row, 1, "routine_id")?,
            routine_hash: column(row, 2, "routine_hash")?,
            started_at: instant(3, "started_at")?,
            ended_at: instant(4, "ended_at")?,
            finished: column(row, 5, "finished")?,
            completed: column(row, 6, "completed")?,
            skipped: column(row, 7, "skipped")?,
            extended: column(row, 8, "extended")?,
            pauses: column(row, 9, "pauses")?,
            paused_ms: millis(10, "paused_ms")?,
            active_ms: millis(11, "active_ms")?,
            program: in_program(row)?,
            pain: pain(row, 14)?,
            morning: morning(row, 15)?,
        })
    })?;
    sessions.sort_by_key(|s| s.started_at);
    Ok(sessions)
}

fn in_program(row: &Row<'_>) -> Result<Option<InProgram>, String> {
    let id: Option<String> = column(row, 12, "program_id")?;
    let level: Option<i64> = column(row, 13, "program_level")?;
    match (id, level) {
        (Some(id), Some(level)) => u32::try_from(level)
            .map(|level| Some(InProgram { id, level }))
            .map_err(|_| format!("`program_level` is {level}, below 0")),
        (None, None) => Ok(None),
        _ => Err("`program_id` and `program_level` must be set together".to_owned()),
    }
}

fn pain(row: &Row<'_>, index: usize) -> Result<Option<u8>, String> {
    let pain: Option<i64> = column(row, index, "pain")?;
    pain.map(|p| {
        u8::try_from(p)
            .ok()
            .filter(|p| *p <= 10)
            .ok_or_else(|| format!("`pain` is {p}, outside 0 to 10"))
    })
    .transpose()
}

fn morning(row: &Row<'_>, index: usize) -> Result<Option<Morning>, String> {
    let word: Option<String> = column(row, index, "morning")?;
    word.map(|w| {
        Morning::parse(&w).ok_or_else(|| format!("`morning` is {w:?}, not better, same or worse"))
    })
    .transpose()
}

/// Rows made for tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// A session of routine `id`, stopped after four exercises.
    pub(crate) fn session(id: &str) -> SessionRow {
        SessionRow {
            routine_id: id.to_owned(),
            routine_hash: "abc".to_owned(),
            started_at: UtcTime(1_795_611_900),
            ended_at: UtcTime(1_795_612_200),
            finished: false,
            completed: 4,
            skipped: 1,
            extended: 0,
            pauses: 2,
            paused_ms: 30_000,
            active_ms: 270_000,
            program: None,
            pain: None,
            morning: None,
        }
    }
}
