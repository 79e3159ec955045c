//! The history: every session and every pain check, in SQLite in the data folder.
//!
//! One file, versioned with `PRAGMA user_version` and marked with an application id, so a file that is
//! not ours (or is from a newer limberup) is refused with a clear message and never touched. WAL mode
//! and a busy timeout let two instances write at once; every write is one transaction.

pub mod clock;
pub mod trends;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

pub use clock::UtcTime;

use crate::triage::{Answers, PastCheck, Triage};

pub const HISTORY_FILE: &str = "history.sqlite3";

/// "LIMB": marks the database as limberup's.
const APPLICATION_ID: i32 = 0x4C49_4D42;

/// Each entry brings the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &["CREATE TABLE sessions (
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
    CREATE INDEX checks_by_day ON checks(day);"];

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
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
    #[error("cannot use the history at {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot create the data folder {path}: {source}")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

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
}

/// A saved check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow {
    pub taken_at: String,
    pub day: i64,
    pub pain: u8,
    pub areas: Vec<String>,
    pub level: String,
    pub rules: Vec<String>,
}

impl CheckRow {
    /// The check as the history rules read it; area names this limberup does not know are left out.
    pub fn as_past(&self) -> PastCheck {
        PastCheck {
            day: self.day,
            pain: self.pain,
            areas: self
                .areas
                .iter()
                .filter_map(|a| crate::triage::Area::parse(a))
                .collect(),
        }
    }
}

pub struct Store {
    connection: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the history in `data_dir` if there is one; creates nothing.
    pub fn open_existing(data_dir: &Path) -> Result<Option<Self>, HistoryError> {
        if data_dir.join(HISTORY_FILE).exists() {
            Self::open(data_dir).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Opens (or creates) the history in `data_dir`.
    pub fn open(data_dir: &Path) -> Result<Self, HistoryError> {
        std::fs::create_dir_all(data_dir).map_err(|source| HistoryError::Folder {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let path = data_dir.join(HISTORY_FILE);
        refuse_foreign_file(&path)?;
        let sqlite = |source| HistoryError::Sqlite {
            path: path.clone(),
            source,
        };
        let connection = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .map_err(sqlite)?;
        connection
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sqlite)?;
        let mut store = Self { connection, path };
        store.migrate()?;
        Ok(store)
    }

    fn sqlite(&self, source: rusqlite::Error) -> HistoryError {
        HistoryError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    fn migrate(&mut self) -> Result<(), HistoryError> {
        let pragma = |store: &Self, name: &str| -> Result<i64, HistoryError> {
            store
                .connection
                .query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
                .map_err(|e| store.sqlite(e))
        };
        let application_id = pragma(self, "application_id")?;
        let version = pragma(self, "user_version")?;
        let has_tables: i64 = self
            .connection
            .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
            .map_err(|e| self.sqlite(e))?;
        if application_id != i64::from(APPLICATION_ID) && (version != 0 || has_tables != 0) {
            return Err(HistoryError::NotOurs {
                path: self.path.clone(),
                reason: "this SQLite database belongs to another program".to_owned(),
            });
        }
        if version > i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX) {
            return Err(HistoryError::Newer {
                path: self.path.clone(),
                found: version,
                known: MIGRATIONS.len(),
            });
        }
        self.connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| self.sqlite(e))?;
        let path = self.path.clone();
        let transaction = self
            .connection
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|source| HistoryError::Sqlite {
                path: path.clone(),
                source,
            })?;
        // Read again inside the write lock: another instance may have migrated meanwhile.
        let version: i64 = transaction
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|source| HistoryError::Sqlite {
                path: path.clone(),
                source,
            })?;
        let start = usize::try_from(version).unwrap_or(0);
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(start) {
            transaction
                .execute_batch(sql)
                .and_then(|()| {
                    transaction.pragma_update(
                        None,
                        "user_version",
                        i64::try_from(index + 1).unwrap_or(i64::MAX),
                    )
                })
                .map_err(|source| HistoryError::Sqlite {
                    path: path.clone(),
                    source,
                })?;
        }
        transaction
            .pragma_update(None, "application_id", APPLICATION_ID)
            .and_then(|()| transaction.commit())
            .map_err(|source| HistoryError::Sqlite { path, source })
    }

    pub fn save_session(&mut self, session: &SessionRow) -> Result<i64, HistoryError> {
        self.connection
            .execute(
                "INSERT INTO sessions (routine_id, routine_hash, started_at, ended_at, finished, completed,
                 skipped, extended, pauses, paused_ms, active_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
                ],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(self.connection.last_insert_rowid())
    }

    /// Saves a check with its answers and result; `taken` is its date and day.
    pub fn save_check(
        &mut self,
        answers: &Answers,
        taken: (&str, i64),
        triage: &Triage,
    ) -> Result<i64, HistoryError> {
        let areas: Vec<&str> = answers.areas.iter().map(|a| a.as_str()).collect();
        let answers_json = answers_json(answers);
        self.connection
            .execute(
                "INSERT INTO checks (taken_at, day, pain, areas, answers, level, rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    taken.0,
                    taken.1,
                    answers.pain,
                    serde_json::to_string(&areas).unwrap_or_default(),
                    answers_json,
                    triage.level.as_str(),
                    serde_json::to_string(&triage.rule_ids()).unwrap_or_default(),
                ],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(self.connection.last_insert_rowid())
    }

    /// Earlier checks, as the history rules (R10, R11) read them.
    pub fn past_checks(&self) -> Result<Vec<PastCheck>, HistoryError> {
        Ok(self.checks()?.iter().map(CheckRow::as_past).collect())
    }

    pub fn checks(&self) -> Result<Vec<CheckRow>, HistoryError> {
        let mut statement = self
            .connection
            .prepare("SELECT taken_at, day, pain, areas, level, rules FROM checks ORDER BY day, id")
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([], |row| {
                let areas: String = row.get(3)?;
                let rules: String = row.get(5)?;
                Ok(CheckRow {
                    taken_at: row.get(0)?,
                    day: row.get(1)?,
                    pain: row.get(2)?,
                    areas: serde_json::from_str(&areas).unwrap_or_default(),
                    level: row.get(4)?,
                    rules: serde_json::from_str(&rules).unwrap_or_default(),
                })
            })
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sqlite(e))
    }

    pub fn sessions(&self) -> Result<Vec<SessionRow>, HistoryError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT routine_id, routine_hash, started_at, ended_at, finished, completed, skipped, extended,
                 pauses, paused_ms, active_ms FROM sessions ORDER BY started_at, id",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([], |row| {
                Ok(SessionRow {
                    routine_id: row.get(0)?,
                    routine_hash: row.get(1)?,
                    started_at: parse_utc(&row.get::<_, String>(2)?),
                    ended_at: parse_utc(&row.get::<_, String>(3)?),
                    finished: row.get(4)?,
                    completed: row.get(5)?,
                    skipped: row.get(6)?,
                    extended: row.get(7)?,
                    pauses: row.get(8)?,
                    paused_ms: u64::try_from(row.get::<_, i64>(9)?).unwrap_or(0),
                    active_ms: u64::try_from(row.get::<_, i64>(10)?).unwrap_or(0),
                })
            })
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sqlite(e))
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

/// Refuses, before SQLite can touch it, a file that is empty or is not an SQLite database at all.
fn refuse_foreign_file(path: &Path) -> Result<(), HistoryError> {
    use std::io::Read;
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(()); // no file yet: a new history
    };
    let not_ours = |reason: &str| HistoryError::NotOurs {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    if !metadata.is_file() {
        return Err(not_ours("not a regular file"));
    }
    if metadata.len() == 0 {
        return Err(not_ours(
            "the file is empty, so it holds no history to read",
        ));
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

/// The answers as JSON, for the record.
fn answers_json(answers: &Answers) -> String {
    serde_json::json!({
        "pain": answers.pain,
        "areas": answers.areas.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        "onset": answers.onset.map(crate::triage::Onset::as_str),
        "days": answers.days,
        "trend": answers.trend.as_str(),
        "limits_activity": answers.limits_activity,
        "symptoms": answers.symptoms.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "unsure": answers.unsure.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "age": answers.age,
    })
    .to_string()
}

/// Reads back our own `YYYY-MM-DDTHH:MM:SSZ`.
fn parse_utc(text: &str) -> UtcTime {
    let number = |range: std::ops::Range<usize>| {
        text.get(range)
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let day = crate::triage::answers::days_from_civil(number(0..4), number(5..7), number(8..10));
    UtcTime(day * 86_400 + number(11..13) * 3600 + number(14..16) * 60 + number(17..19))
}

#[cfg(test)]
mod tests;
