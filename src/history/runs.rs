//! The history's side of runs: storing one summary per run, duplicates by file hash and by time
//! overlap (the best copy counted), hiding and correcting, and the files `runs sync` has seen.

use rusqlite::{OptionalExtension, Row, params};

use super::rows::column;
use super::{HistoryError, Store};
use crate::calendar::UtcTime;
use crate::program::Morning;
use crate::runs::{Activity, DistanceSource, Format, Quality};

/// Step 6 of the history. `IF NOT EXISTS` so a file that somehow has the tables is left as it is.
pub(super) const CREATE_RUNS: &str = "CREATE TABLE IF NOT EXISTS runs (
        id INTEGER PRIMARY KEY,
        start TEXT NOT NULL,
        start_s INTEGER NOT NULL,
        end_s INTEGER NOT NULL,
        timer_s REAL NOT NULL,
        elapsed_s REAL NOT NULL,
        distance_m REAL,
        distance_from TEXT,
        sport TEXT NOT NULL,
        sub_sport TEXT,
        indoor INTEGER NOT NULL,
        offset_s INTEGER,
        format TEXT NOT NULL,
        device TEXT,
        quality TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        duplicate_of INTEGER,
        hidden INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS runs_by_start ON runs(start_s);
    CREATE TABLE IF NOT EXISTS run_files (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        modified_s INTEGER NOT NULL,
        seen_at TEXT NOT NULL
    );";

/// Step 7 of the history: the next-morning answer after a spike run (`better`, `same`, `worse`, or
/// `skipped` when the runner pressed esc: asked all the same). Earlier runs keep NULL: never asked.
pub(super) const ADD_RUN_MORNING: &str = "ALTER TABLE runs ADD COLUMN morning TEXT;";

const COLUMNS: &str = "id, start, timer_s, elapsed_s, distance_m, distance_from, sport, sub_sport, \
    indoor, offset_s, format, device, quality, sha256, duplicate_of, hidden";

/// What the runner said the morning after a spike run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMorning {
    /// The back compared with before that run.
    Answered(Morning),
    /// Asked, and skipped with esc: not asked again.
    Skipped,
}

impl RunMorning {
    /// As stored and exported: `better`, `same`, `worse` or `skipped`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Answered(answer) => answer.as_str(),
            Self::Skipped => "skipped",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "skipped" => Some(Self::Skipped),
            other => Morning::parse(other).map(Self::Answered),
        }
    }

    /// The answer, when there is one.
    pub fn answer(self) -> Option<Morning> {
        match self {
            Self::Answered(answer) => Some(answer),
            Self::Skipped => None,
        }
    }
}

/// A stored run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRow {
    pub id: i64,
    pub activity: Activity,
    pub sha256: String,
    /// The counted copy this one duplicates.
    pub duplicate_of: Option<i64>,
    pub hidden: bool,
    /// The next-morning answer after it, when it was a spike and the question was asked.
    pub morning: Option<RunMorning>,
}

impl RunRow {
    /// Running, not hidden, not a duplicate: what the weeks and the long-run rule count.
    pub fn counted(&self) -> bool {
        crate::runs::is_running_sport(&self.activity.sport)
            && !self.hidden
            && self.duplicate_of.is_none()
    }

    /// What the long-run rule needs of it.
    pub fn facts(&self) -> crate::runs::warning::RunFacts {
        crate::runs::warning::RunFacts {
            start: self.activity.start,
            distance_m: self.activity.distance_m,
            counted: self.counted(),
        }
    }
}

/// What storing a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// A new run, as this id.
    New(i64),
    /// The same file (by SHA-256) is already run `0`.
    AlreadyImported(i64),
    /// The same run as `other`, already kept; this copy is `id`, and `kept` says which format is
    /// now counted.
    SameRun { id: i64, other: i64, kept: Format },
}

/// Whether two time spans are the same run: they overlap by at least half the shorter one.
pub(crate) fn same_run(a: (i64, i64), b: (i64, i64)) -> bool {
    let overlap = a.1.min(b.1) - a.0.max(b.0);
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    if shorter <= 0 {
        // A run without a duration is the same run only when it starts at the same second.
        return a.0 == b.0;
    }
    overlap > 0 && 2 * overlap >= shorter
}

impl Store {
    /// Stores a run read from a file with hash `sha256`, by the duplicate rules.
    pub fn save_run(
        &mut self,
        activity: &Activity,
        sha256: &str,
        now: UtcTime,
    ) -> Result<Imported, HistoryError> {
        let path = self.path.clone();
        let sqlite = move |error| HistoryError::Sqlite {
            path: path.clone(),
            error,
        };
        // A savepoint, not a transaction, so a history import can hold the whole merge in one.
        let transaction = self.connection.savepoint().map_err(&sqlite)?;
        let existing: Option<i64> = transaction
            .query_row(
                "SELECT id FROM runs WHERE sha256 = ?1",
                params![sha256],
                |row| row.get(0),
            )
            .optional()
            .map_err(&sqlite)?;
        if let Some(id) = existing {
            return Ok(Imported::AlreadyImported(id));
        }
        let span = (activity.start.0, activity.end().0.max(activity.start.0));
        // Candidates start within a day of this run; the overlap test decides.
        let mut kept = None;
        {
            let mut statement = transaction
                .prepare(
                    "SELECT id, start_s, end_s, format, hidden FROM runs
                     WHERE duplicate_of IS NULL AND start_s BETWEEN ?1 AND ?2 ORDER BY id",
                )
                .map_err(&sqlite)?;
            let mut rows = statement
                .query(params![span.0 - 86_400 * 2, span.1])
                .map_err(&sqlite)?;
            while let Some(row) = rows.next().map_err(&sqlite)? {
                let other = (
                    row.get::<_, i64>(1).map_err(&sqlite)?,
                    row.get::<_, i64>(2).map_err(&sqlite)?,
                );
                if same_run(span, other) {
                    let format: String = row.get(3).map_err(&sqlite)?;
                    kept = Some((
                        row.get::<_, i64>(0).map_err(&sqlite)?,
                        Format::from_name(&format).unwrap_or(Format::Gpx),
                        row.get::<_, bool>(4).map_err(&sqlite)?,
                    ));
                    break;
                }
            }
        }
        let (duplicate_of, hidden) = match kept {
            Some((other, format, hidden)) if activity.format >= format => (Some(other), hidden),
            Some((_, _, hidden)) => (None, hidden),
            None => (None, false),
        };
        insert(&transaction, activity, sha256, duplicate_of, hidden, now).map_err(&sqlite)?;
        let id = transaction.last_insert_rowid();
        let outcome = match kept {
            None => Imported::New(id),
            Some((other, format, _)) if duplicate_of.is_some() => Imported::SameRun {
                id,
                other,
                kept: format,
            },
            Some((other, _, _)) => {
                // A better copy: it is counted now, and the old one (and its copies) point to it.
                transaction
                    .execute(
                        "UPDATE runs SET duplicate_of = ?1 WHERE id = ?2 OR duplicate_of = ?2",
                        params![id, other],
                    )
                    .map_err(&sqlite)?;
                // The next-morning answer is about the run, not the file: it goes with the copy
                // counted, so the question is not asked again.
                transaction
                    .execute(
                        "UPDATE runs SET morning = (SELECT morning FROM runs WHERE id = ?2)
                         WHERE id = ?1",
                        params![id, other],
                    )
                    .map_err(&sqlite)?;
                Imported::SameRun {
                    id,
                    other,
                    kept: activity.format,
                }
            }
        };
        transaction.commit().map_err(&sqlite)?;
        Ok(outcome)
    }

    /// Every stored run, oldest first.
    pub fn runs(&self) -> Result<Vec<RunRow>, HistoryError> {
        if !self.has_table("runs")? {
            return Ok(Vec::new());
        }
        // A history from before step 7, read without writing, has no answers yet.
        let morning = if self.has_column("runs", "morning")? {
            "morning"
        } else {
            "NULL"
        };
        let mut statement = self
            .connection
            .prepare(&format!(
                "SELECT {COLUMNS}, {morning} FROM runs ORDER BY start_s, id"
            ))
            .map_err(|e| self.sqlite(e))?;
        let mut rows = statement.query([]).map_err(|e| self.sqlite(e))?;
        let mut runs = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.sqlite(e))? {
            let id: i64 = row.get(0).unwrap_or(-1);
            runs.push(run_row(row).map_err(|problem| HistoryError::BadRow {
                path: self.path.clone(),
                table: "runs",
                id,
                problem,
            })?);
        }
        Ok(runs)
    }

    /// Hides a run (and its copies), so importing it again does not bring it back. `false` when
    /// there is no such run.
    pub fn hide_run(&mut self, id: i64) -> Result<bool, HistoryError> {
        self.connection
            .execute(
                "UPDATE runs SET hidden = 1 WHERE id = ?1 OR duplicate_of = ?1",
                params![id],
            )
            .map(|changed| changed > 0)
            .map_err(|e| self.sqlite(e))
    }

    /// Corrects a run's sport (a treadmill run the watch called walking).
    pub fn set_run_sport(
        &mut self,
        id: i64,
        sport: &str,
        sub_sport: Option<&str>,
    ) -> Result<bool, HistoryError> {
        self.connection
            .execute(
                "UPDATE runs SET sport = ?2, sub_sport = ?3 WHERE id = ?1",
                params![id, sport, sub_sport],
            )
            .map(|changed| changed > 0)
            .map_err(|e| self.sqlite(e))
    }

    /// Whether `runs sync` saw this file before as it is now.
    pub fn run_file_seen(
        &self,
        path: &str,
        size: u64,
        modified_s: i64,
    ) -> Result<bool, HistoryError> {
        if !self.has_table("run_files")? {
            return Ok(false);
        }
        self.connection
            .query_row(
                "SELECT count(*) FROM run_files WHERE path = ?1 AND size = ?2 AND modified_s = ?3",
                params![path, i64::try_from(size).unwrap_or(i64::MAX), modified_s],
                |row| row.get::<_, i64>(0),
            )
            .map(|count| count > 0)
            .map_err(|e| self.sqlite(e))
    }

    /// Remembers a file `runs sync` has read.
    pub fn remember_run_file(
        &mut self,
        path: &str,
        size: u64,
        modified_s: i64,
        now: UtcTime,
    ) -> Result<(), HistoryError> {
        self.connection
            .execute(
                "INSERT INTO run_files (path, size, modified_s, seen_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(path) DO UPDATE SET size = ?2, modified_s = ?3, seen_at = ?4",
                params![
                    path,
                    i64::try_from(size).unwrap_or(i64::MAX),
                    modified_s,
                    now.rfc3339()
                ],
            )
            .map(|_| ())
            .map_err(|e| self.sqlite(e))
    }

    /// Saves the next-morning answer (or that it was skipped) with run `id`, or with the copy
    /// counted when `id` is a duplicate; `false` when there is no such run.
    pub fn set_run_morning(&mut self, id: i64, morning: RunMorning) -> Result<bool, HistoryError> {
        self.connection
            .execute(
                "UPDATE runs SET morning = ?2
                 WHERE id = COALESCE((SELECT duplicate_of FROM runs WHERE id = ?1), ?1)",
                params![id, morning.as_str()],
            )
            .map(|changed| changed > 0)
            .map_err(|e| self.sqlite(e))
    }

    /// The spike run of the local day before `today` still without its next-morning answer, for
    /// the app to ask about (see [`super::run_view::spike_to_ask`]).
    pub fn awaiting_run_morning(
        &self,
        today: crate::calendar::DayNumber,
    ) -> Result<Option<super::run_view::RunMorningAsk>, HistoryError> {
        let views = super::run_view::views(self.runs()?, &self.calendar);
        Ok(super::run_view::spike_to_ask(&views, today))
    }

    pub(super) fn has_column(&self, table: &str, column: &str) -> Result<bool, HistoryError> {
        self.connection
            .query_row(
                "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2",
                params![table, column],
                |row| row.get::<_, i64>(0),
            )
            .map(|count| count > 0)
            .map_err(|e| self.sqlite(e))
    }

    pub(super) fn has_table(&self, name: &str) -> Result<bool, HistoryError> {
        self.connection
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                params![name],
                |row| row.get::<_, i64>(0),
            )
            .map(|count| count > 0)
            .map_err(|e| self.sqlite(e))
    }
}

fn insert(
    transaction: &rusqlite::Connection,
    activity: &Activity,
    sha256: &str,
    duplicate_of: Option<i64>,
    hidden: bool,
    now: UtcTime,
) -> rusqlite::Result<usize> {
    transaction.execute(
        "INSERT INTO runs (start, start_s, end_s, timer_s, elapsed_s, distance_m, distance_from,
            sport, sub_sport, indoor, offset_s, format, device, quality, sha256, duplicate_of,
            hidden, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            activity.start.rfc3339(),
            activity.start.0,
            activity.end().0.max(activity.start.0),
            activity.timer_s,
            activity.elapsed_s,
            activity.distance_m,
            activity.distance_from.map(DistanceSource::name),
            activity.sport,
            activity.sub_sport,
            activity.indoor,
            activity.offset_s,
            activity.format.name(),
            activity.device,
            activity.quality.name(),
            sha256,
            duplicate_of,
            hidden,
            now.rfc3339(),
        ],
    )
}

fn run_row(row: &Row<'_>) -> Result<RunRow, String> {
    let start: String = column(row, 1, "start")?;
    let format: String = column(row, 10, "format")?;
    let quality: String = column(row, 12, "quality")?;
    let distance_from: Option<String> = column(row, 5, "distance_from")?;
    Ok(RunRow {
        id: column(row, 0, "id")?,
        activity: Activity {
            format: Format::from_name(&format).ok_or(format!("`format` is unknown: {format:?}"))?,
            start: UtcTime::parse_instant(&start)
                .ok_or(format!("`start` is not a time: {start:?}"))?,
            timer_s: column(row, 2, "timer_s")?,
            elapsed_s: column(row, 3, "elapsed_s")?,
            distance_m: column(row, 4, "distance_m")?,
            distance_from: distance_from.as_deref().and_then(DistanceSource::from_name),
            sport: column(row, 6, "sport")?,
            sub_sport: column(row, 7, "sub_sport")?,
            indoor: column(row, 8, "indoor")?,
            offset_s: column(row, 9, "offset_s")?,
            device: column(row, 11, "device")?,
            quality: Quality::from_name(&quality)
                .ok_or(format!("`quality` is unknown: {quality:?}"))?,
        },
        sha256: column(row, 13, "sha256")?,
        duplicate_of: column(row, 14, "duplicate_of")?,
        hidden: column(row, 15, "hidden")?,
        morning: column::<Option<String>>(row, 16, "morning")?
            .map(|word| {
                RunMorning::parse(&word).ok_or(format!(
                    "`morning` is {word:?}, not better, same, worse or skipped"
                ))
            })
            .transpose()?,
    })
}
