//! The history's versions. Each step brings the file from version `index` to `index + 1`, inside
//! one transaction, so a file is always at one version or the next.
//!
//! Migrating never stops at one bad row or at work already done: a step's SQL skips a table, index or
//! column that is already there ([`already`]), and a step that converts rows sets aside each row it
//! cannot convert ([`Quarantine`]) and converts the rest.

mod already;
mod quarantine;

use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use quarantine::Quarantine;
pub use quarantine::SetAside;

use super::{APPLICATION_ID, HistoryError, Store};
use crate::calendar::Calendar;

pub(super) enum Step {
    /// Schema statements, each skipped when what it makes exists already.
    Sql(&'static str),
    /// Rows converted in code; one that cannot be is handed to the quarantine.
    Code(fn(&Transaction<'_>, &Calendar, &mut Quarantine) -> rusqlite::Result<()>),
}

const STEPS: &[Step] = &[
    Step::Sql(
        "CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            routine_id TEXT NOT NULL,
            routine_hash TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            finished INTEGER NOT NULL,
            completed INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            extended INTEGER NOT NULL,
            pauses INTEGER NOT NULL,
            paused_ms INTEGER NOT NULL,
            active_ms INTEGER NOT NULL
        );
        CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            taken_at TEXT NOT NULL,
            day INTEGER NOT NULL,
            pain INTEGER NOT NULL,
            areas TEXT NOT NULL,
            answers TEXT NOT NULL,
            level TEXT NOT NULL,
            rules TEXT NOT NULL
        );
        CREATE INDEX checks_by_day ON checks(day);",
    ),
    Step::Code(checks_taken_at_in_utc),
    // Version 3, programs: a session carries the program and level it was done at, its session
    // pain (0-10) and the next-morning answer; at most one program is active, from a local day.
    // Earlier sessions keep NULL in all four (done outside any program, nothing asked).
    Step::Sql(
        "ALTER TABLE sessions ADD COLUMN program_id TEXT;
        ALTER TABLE sessions ADD COLUMN program_level INTEGER;
        ALTER TABLE sessions ADD COLUMN pain INTEGER;
        ALTER TABLE sessions ADD COLUMN morning TEXT;
        CREATE TABLE active_program (
            slot INTEGER PRIMARY KEY CHECK (slot = 1),
            program_id TEXT NOT NULL,
            start_day TEXT NOT NULL,
            started_at TEXT NOT NULL
        );",
    ),
    // Version 4, the runner's profile (pain check version 3): one row per fact (`cancer-history`,
    // `bone-risk`, `infection-risk`, `back-history`: yes, no or not-sure; `age` or `born`: a
    // number), each with when it was answered. Earlier checks are untouched.
    Step::Sql(
        "CREATE TABLE IF NOT EXISTS profile (
            fact TEXT PRIMARY KEY,
            answer TEXT NOT NULL,
            answered_at TEXT NOT NULL
        );",
    ),
    // Version 5, programs version 2: `program resume` after two red weeks paused the active
    // program. Kept apart from the sessions and checks, and created only if absent.
    Step::Sql(
        "CREATE TABLE IF NOT EXISTS program_resumes (
            id INTEGER PRIMARY KEY,
            program_id TEXT NOT NULL,
            resumed_at TEXT NOT NULL
        );",
    ),
    // Version 6, runs version 1 (the runs spec's "history version 4"): one row per imported run,
    // no GPS points; and the files seen by `runs sync`, by path, size and modified time.
    Step::Sql(super::runs::CREATE_RUNS),
    // Version 7, the next-morning question after a spike run (runs.md, "Programs"): the answer, or
    // that it was skipped, saved with that run. Earlier runs were never asked: NULL.
    Step::Sql(super::runs::ADD_RUN_MORNING),
];

/// Version 2: version 1 stored a check's `taken_at` as the answers file wrote it (with an offset,
/// as a local time, or a date alone) and its day as a UTC day. Every value becomes a UTC instant in
/// one format, and the day the local day it fell on. A row whose value is not a date and time is
/// set aside.
fn checks_taken_at_in_utc(
    transaction: &Transaction<'_>,
    calendar: &Calendar,
    quarantine: &mut Quarantine,
) -> rusqlite::Result<()> {
    let rows: Vec<(i64, Result<String, String>)> = transaction
        .prepare("SELECT id, taken_at FROM checks")?
        .query_map([], |row| Ok((row.get(0)?, date_text(row.get_ref(1)?))))?
        .collect::<Result<_, _>>()?;
    let mut update =
        transaction.prepare("UPDATE checks SET taken_at = ?1, day = ?2 WHERE id = ?3")?;
    for (id, written) in rows {
        let instant = written.and_then(|text| {
            calendar
                .parse_any(&text)
                .ok_or_else(|| format!("`taken_at` is not a date and time: {:?}", shortened(&text)))
        });
        match instant {
            Ok(instant) => {
                update.execute(params![instant.rfc3339(), calendar.day(instant), id])?;
            }
            Err(reason) => quarantine.set_aside(transaction, "checks", id, reason)?,
        }
    }
    Ok(())
}

/// At most 40 characters of a stored value, for a message (a value can be megabytes long).
fn shortened(text: &str) -> String {
    let mut chars = text.chars();
    let start: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{start}…")
    } else {
        start
    }
}

/// A stored value as the text of a date and time, or why it is not one.
fn date_text(value: ValueRef<'_>) -> Result<String, String> {
    match value {
        ValueRef::Text(bytes) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        ValueRef::Blob(_) => Err("`taken_at` is a blob, not a date and time".to_owned()),
        ValueRef::Integer(_) | ValueRef::Real(_) => {
            Err("`taken_at` is a number, not a date and time".to_owned())
        }
        ValueRef::Null => Err("`taken_at` is empty".to_owned()),
    }
}

#[cfg(test)]
pub(super) fn steps() -> &'static [Step] {
    STEPS
}

/// Makes `connection` a history at `version`, as that limberup left it, for tests of older files.
#[cfg(test)]
pub(super) fn make_at_version(connection: &mut Connection, version: usize) -> rusqlite::Result<()> {
    let transaction = connection.transaction()?;
    let mut quarantine = Quarantine::default();
    for step in STEPS.iter().take(version) {
        match step {
            Step::Sql(sql) => transaction.execute_batch(sql)?,
            Step::Code(run) => run(&transaction, &Calendar::utc(), &mut quarantine)?,
        }
    }
    transaction.pragma_update(None, "user_version", i64::try_from(version).unwrap_or(0))?;
    transaction.pragma_update(None, "application_id", APPLICATION_ID)?;
    transaction.commit()
}

pub(super) fn known_version() -> usize {
    STEPS.len()
}

/// Refuses a file that is not a limberup history, or is from a newer limberup.
pub(super) fn check_ours(store: &Store) -> Result<(), HistoryError> {
    let pragma = |name: &str| -> Result<i64, HistoryError> {
        store
            .connection
            .query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
            .map_err(|e| store.sqlite(e))
    };
    let not_ours = |reason: &str| HistoryError::NotOurs {
        path: store.path.clone(),
        reason: reason.to_owned(),
    };
    if pragma("application_id")? != i64::from(APPLICATION_ID) {
        // limberup builds a new history whole before it takes this name, so a database here
        // without our mark, even an empty one, is another program's.
        return Err(not_ours("this SQLite database belongs to another program"));
    }
    let version = pragma("user_version")?;
    if version < 0 {
        return Err(not_ours(
            "its history version is negative, so it is not one limberup wrote",
        ));
    }
    if version > i64::try_from(known_version()).unwrap_or(i64::MAX) {
        return Err(HistoryError::Newer {
            path: store.path.clone(),
            found: version,
            known: known_version(),
        });
    }
    Ok(())
}

/// Brings an existing history of ours up to the current version; returns the rows set aside.
pub(super) fn up_to_date(store: &mut Store) -> Result<Vec<SetAside>, HistoryError> {
    let version: i64 = store
        .connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| store.sqlite(e))?;
    if usize::try_from(version).is_ok_and(|v| v >= known_version()) {
        return Ok(Vec::new());
    }
    let path = store.path.clone();
    apply(&mut store.connection, &path, &store.calendar)
}

/// Runs the steps the file lacks, in one transaction, and marks it as ours; returns the rows set
/// aside (in the quarantine table) because they could not be converted.
pub(super) fn apply(
    connection: &mut Connection,
    path: &Path,
    calendar: &Calendar,
) -> Result<Vec<SetAside>, HistoryError> {
    apply_up_to(connection, path, calendar, STEPS.len())
}

/// Runs the steps the file lacks up to version `last` (an earlier limberup's file, for tests);
/// returns the rows set aside.
pub(super) fn apply_up_to(
    connection: &mut Connection,
    path: &Path,
    calendar: &Calendar,
    last: usize,
) -> Result<Vec<SetAside>, HistoryError> {
    let sqlite = |error| HistoryError::Sqlite {
        path: path.to_path_buf(),
        error,
    };
    let mode: String = connection
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .map_err(sqlite)?;
    if !mode.eq_ignore_ascii_case("wal") {
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
    }
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    // Read again inside the write lock: another instance may have migrated meanwhile.
    let version: i64 = transaction
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(sqlite)?;
    let start = usize::try_from(version).unwrap_or(0);
    let mut quarantine = Quarantine::default();
    for (index, step) in STEPS.iter().enumerate().take(last).skip(start) {
        match step {
            Step::Sql(sql) => already::run(&transaction, sql, &mut quarantine),
            Step::Code(run) => run(&transaction, calendar, &mut quarantine),
        }
        .and_then(|()| {
            transaction.pragma_update(
                None,
                "user_version",
                i64::try_from(index + 1).unwrap_or(i64::MAX),
            )
        })
        .map_err(sqlite)?;
    }
    transaction
        .pragma_update(None, "application_id", APPLICATION_ID)
        .and_then(|()| transaction.commit())
        .map_err(sqlite)?;
    Ok(quarantine.into_rows())
}
