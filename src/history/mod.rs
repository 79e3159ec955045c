//! The history: every session and every pain check, in SQLite in the data folder.
//!
//! One file, versioned with `PRAGMA user_version` and marked with an application id, so a file that is
//! not ours (or is from a newer limberup) is refused with a clear message and never touched. WAL mode
//! and a busy timeout let two instances write at once; every write is one transaction. Times are
//! stored as UTC instants in one format; days are worked out when read, in the runner's zone.
//!
//! Reading never writes: [`Store::open_read_only`] serves `history`, `snapshot`, `check --no-save`
//! and a history in a read-only folder. A new history is built under a temporary name and linked
//! into place whole, so a crash or a second instance never sees a half-made file. Every connection
//! is opened through a URI built from the path's bytes (`open.rs`), so a folder's name is never read
//! as part of a URI.

pub mod batch;
mod create;
mod follow;
mod migrate;
mod open;
mod profile;
mod program;
pub(crate) mod rows;
pub mod run_import;
pub mod run_view;
pub mod run_weeks;
mod runs;
pub mod spike_noted;
mod standing;
pub mod transfer;
pub mod trends;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

pub use crate::calendar::UtcTime;
pub use migrate::SetAside;
pub use program::{MorningAsk, facts};
pub use rows::{CheckRow, InProgram, SessionRow};
pub use runs::{Imported, RunMorning, RunRow};
pub use standing::{StandingError, standing};

use crate::calendar::Calendar;
use crate::program::Morning;
use crate::triage::{CheckRecord, PastCheck};

pub const HISTORY_FILE: &str = "history.sqlite3";

/// "LIMB": marks the database as limberup's.
const APPLICATION_ID: i32 = 0x4C49_4D42;

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The history could not be opened earlier (this is why), so nothing can be written now.
    #[error("{0}")]
    Unavailable(String),
    #[error("{path}: {reason}; limberup left it untouched (move it aside to start a new history)")]
    NotOurs { path: PathBuf, reason: String },
    #[error(
        "{path} was written by a newer limberup (history version {found}, this one knows {known}); update limberup"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: usize,
    },
    // The reasons are part of the message, and so not also a `source`: a report of the error
    // chain would say them twice ("X: X: Error code 11: X").
    #[error("cannot use the history at {path}: {error}")]
    Sqlite {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error(
        "cannot create the data folder {path}: {}",
        crate::text::io_reason(error)
    )]
    Folder {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: {table} row {id} cannot be read: {problem}")]
    BadRow {
        path: PathBuf,
        table: &'static str,
        id: i64,
        problem: String,
    },
}

pub struct Store {
    connection: Connection,
    path: PathBuf,
    /// Turns stored instants into local days, and old local-time values into instants.
    calendar: Calendar,
    /// Rows the migration on opening could not convert, set aside in the quarantine table; the
    /// caller says so once ([`Store::take_set_aside`]).
    set_aside: Vec<SetAside>,
    /// Opened read-only as a file nobody changes: the file as it was then, to notice a later
    /// writer by ([`Store::follow_writers`]). `None` when it reads every write as it comes.
    file_stamp: Option<follow::FileStamp>,
}

impl Store {
    /// Opens the history in `data_dir` for writing, creating the folder and the file if needed and
    /// bringing an older file up to date.
    pub fn open(data_dir: &Path, calendar: &Calendar) -> Result<Self, HistoryError> {
        std::fs::create_dir_all(data_dir).map_err(|error| HistoryError::Folder {
            path: data_dir.to_path_buf(),
            error,
        })?;
        let path = data_dir.join(HISTORY_FILE);
        create::ensure_exists(&path, calendar)?;
        refuse_foreign_file(&path)?;
        let connection = open::connect(&path, OpenFlags::SQLITE_OPEN_READ_WRITE, false)
            .and_then(|c| {
                c.busy_timeout(std::time::Duration::from_secs(10))?;
                Ok(c)
            })
            .map_err(|error| HistoryError::Sqlite {
                path: path.clone(),
                error,
            })?;
        let mut store = Self {
            connection,
            path,
            calendar: calendar.clone(),
            set_aside: Vec::new(),
            file_stamp: None,
        };
        migrate::check_ours(&store)?;
        store.set_aside = migrate::up_to_date(&mut store)?;
        Ok(store)
    }

    /// Opens the history in `data_dir` for reading only, if there is one: creates, migrates and
    /// writes nothing (a history in a read-only folder can still be read).
    pub fn open_read_only(
        data_dir: &Path,
        calendar: &Calendar,
    ) -> Result<Option<Self>, HistoryError> {
        let path = data_dir.join(HISTORY_FILE);
        if !path.exists() {
            return Ok(None);
        }
        refuse_foreign_file(&path)?;
        let sqlite = |error| HistoryError::Sqlite {
            path: path.clone(),
            error,
        };
        // With no write-ahead log beside it, no limberup is writing: read the file as it stands,
        // which makes no -wal or -shm files. With one (the app is running), read through it, so
        // its latest records count; those files exist already.
        let (connection, file_stamp) = follow::open_to_read(&path).map_err(sqlite)?;
        let store = Self {
            connection,
            path,
            calendar: calendar.clone(),
            set_aside: Vec::new(),
            file_stamp,
        };
        migrate::check_ours(&store)?;
        Ok(Some(store))
    }

    /// The rows opening set aside, each as a sentence naming the file; empty after the first call,
    /// so they are told once.
    pub fn take_set_aside(&mut self) -> Vec<String> {
        std::mem::take(&mut self.set_aside)
            .iter()
            .map(|row| row.describe(&self.path))
            .collect()
    }

    fn sqlite(&self, error: rusqlite::Error) -> HistoryError {
        HistoryError::Sqlite {
            path: self.path.clone(),
            error,
        }
    }

    pub fn save_session(&mut self, session: &SessionRow) -> Result<i64, HistoryError> {
        self.connection
            .execute(
                "INSERT INTO sessions (routine_id, routine_hash, started_at, ended_at, finished, completed,
                 skipped, extended, pauses, paused_ms, active_ms, program_id, program_level, pain, morning)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    session.routine_id,
                    session.routine_hash,
                    session.started_at.rfc3339(),
                    session.ended_at.rfc3339(),
                    session.finished,
                    session.completed,
                    session.skipped,
                    session.extended,
                    session.pauses,
                    i64::try_from(session.paused_ms).unwrap_or(i64::MAX),
                    i64::try_from(session.active_ms).unwrap_or(i64::MAX),
                    session.program.as_ref().map(|p| p.id.as_str()),
                    session.program.as_ref().map(|p| p.level),
                    session.pain,
                    session.morning.map(Morning::as_str),
                ],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(self.connection.last_insert_rowid())
    }

    /// Saves a check with its answers and result.
    pub fn save_check(&mut self, check: &CheckRecord) -> Result<i64, HistoryError> {
        let CheckRecord {
            answers,
            taken_at,
            triage,
            ..
        } = check;
        let areas: Vec<&str> = answers.areas.iter().map(|a| a.as_str()).collect();
        self.connection
            .execute(
                "INSERT INTO checks (taken_at, day, pain, areas, answers, level, rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    taken_at.rfc3339(),
                    self.calendar.day(*taken_at),
                    answers.pain,
                    serde_json::to_string(&areas).unwrap_or_default(),
                    rows::answers_json(answers),
                    triage.level.as_str(),
                    serde_json::to_string(&triage.rule_ids()).unwrap_or_default(),
                ],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(self.connection.last_insert_rowid())
    }

    /// Earlier checks, as the history rules (R10, R11) read them.
    pub fn past_checks(&self) -> Result<Vec<PastCheck>, HistoryError> {
        Ok(self
            .checks()?
            .iter()
            .map(|c| c.as_past(&self.calendar))
            .collect())
    }

    /// Every check, oldest first; a row that cannot be read is an error naming it.
    pub fn checks(&self) -> Result<Vec<CheckRow>, HistoryError> {
        rows::read_checks(self)
    }

    /// Every session, oldest first; a row that cannot be read is an error naming it.
    pub fn sessions(&self) -> Result<Vec<SessionRow>, HistoryError> {
        rows::read_sessions(self)
    }

    /// SQLite's `PRAGMA data_version`: it moves when another connection (another limberup) has
    /// committed to the file since this one last looked, never for this store's own writes. The
    /// one signal that the history changed under us.
    pub fn data_version(&self) -> Result<i64, HistoryError> {
        self.connection
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .map_err(|e| self.sqlite(e))
    }

    /// Confirms the file is sound (`PRAGMA integrity_check`).
    pub fn integrity_ok(&self) -> Result<bool, HistoryError> {
        let result: Option<String> = self
            .connection
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .optional()
            .map_err(|e| self.sqlite(e))?;
        Ok(result.as_deref() == Some("ok"))
    }
}

fn open_read_only(path: &Path, immutable: bool) -> Result<Connection, rusqlite::Error> {
    let connection = open::connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY, immutable)?;
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    // Opening is lazy: read something now so a file we cannot read fails here.
    connection.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0))?;
    Ok(connection)
}

/// Refuses, before SQLite can touch it, a file that is not an SQLite database at all.
fn refuse_foreign_file(path: &Path) -> Result<(), HistoryError> {
    use std::io::Read;
    let not_ours = |reason: &str| HistoryError::NotOurs {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    let metadata = std::fs::metadata(path).map_err(|_| not_ours("the file cannot be read"))?;
    if !metadata.is_file() {
        return Err(not_ours("not a regular file"));
    }
    let mut header = [0_u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut header))
        .map_err(|_| not_ours("the file cannot be read"))?;
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(not_ours("this is not an SQLite database"));
    }
    Ok(())
}

#[cfg(test)]
mod change_tests;
#[cfg(test)]
mod check_rows_tests;
#[cfg(test)]
mod fuzz_tests;
#[cfg(test)]
mod program_tests;
#[cfg(test)]
mod run_morning_tests;
#[cfg(test)]
mod tests;
