//! Moving the history between machines (runs.md): an export of sessions, checks, programs and runs
//! as JSON Lines, one record a line, after a first line naming the format and its version; an
//! import that merges such a file without overwriting anything, skipping what is already here by
//! the same rules (a run by its file's hash and by time overlap); and a backup, a consistent copy of
//! the whole file by SQLite's `VACUUM INTO`.
//!
//! Records carry the table's columns by name (all but the row id), so what is exported is what is
//! stored. The runner's profile stays on the machine: the spec lists what moves, and it is not one.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter};
use serde_json::{Map, Value as Json};

use super::{HistoryError, Imported, RunMorning, Store};
use crate::calendar::UtcTime;
use crate::runs::{Activity, DistanceSource, Format, Quality};

/// The export's own format version (the first line says it). Version 2 adds a run's `morning`
/// (the next-morning answer after a spike run); an export of version 1, without it, still imports.
pub const EXPORT_VERSION: i64 = 2;
/// The first line's `format`.
const FORMAT_NAME: &str = "limberup-history";

/// A kind of record: its `kind`, its table, the column of its time (for `--since`), and the
/// columns that make two records the same one.
struct Kind {
    name: &'static str,
    table: &'static str,
    time_column: Option<&'static str>,
    same_by: &'static [&'static str],
}

/// Exported in this order; runs last, through the duplicate rules.
const KINDS: &[Kind] = &[
    Kind {
        name: "session",
        table: "sessions",
        time_column: Some("started_at"),
        same_by: &["routine_id", "started_at"],
    },
    Kind {
        name: "check",
        table: "checks",
        time_column: Some("taken_at"),
        same_by: &["taken_at"],
    },
    Kind {
        name: "program",
        table: "active_program",
        time_column: None,
        same_by: &["slot"],
    },
    Kind {
        name: "program-resume",
        table: "program_resumes",
        time_column: Some("resumed_at"),
        same_by: &["program_id", "resumed_at"],
    },
    Kind {
        name: "run",
        table: "runs",
        time_column: Some("start"),
        same_by: &["sha256"],
    },
];

/// The records of an export, each checked against the columns of its table by [`parse_export`]
/// (the only way to make one, so no other name reaches the SQL).
#[derive(Debug, Clone, Default)]
pub struct ExportRecords(Vec<Map<String, Json>>);

/// What an import did, by kind: `(kind, added, already here)`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merged {
    pub counts: Vec<(&'static str, usize, usize)>,
    /// Runs added as copies of a run already here (the same run from another file).
    pub same_runs: usize,
}

impl Store {
    /// The columns of `table` (none when it does not exist), each with whether a record must give
    /// it (not null and without a default).
    fn columns(&self, table: &str) -> Result<Vec<(String, bool)>, HistoryError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT name, \"notnull\" AND dflt_value IS NULL AND NOT pk
                 FROM pragma_table_info(?1)",
            )
            .map_err(|e| self.sqlite(e))?;
        let names = statement
            .query_map(params![table], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(|e| self.sqlite(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sqlite(e))?;
        Ok(names)
    }

    /// Writes the export to `out`, each line through `line`: records from `since` on (every
    /// program record whatever its time).
    pub fn export(
        &self,
        since: Option<UtcTime>,
        now: UtcTime,
        mut line: impl FnMut(&Json) -> std::io::Result<()>,
    ) -> Result<(), ExportError> {
        line(&serde_json::json!({
            "format": FORMAT_NAME,
            "version": EXPORT_VERSION,
            "exported_at": now.rfc3339(),
        }))?;
        for kind in KINDS {
            if !self.has_table(kind.table)? {
                continue;
            }
            let mut statement = self
                .connection
                .prepare(&format!("SELECT * FROM {} ORDER BY rowid", kind.table))
                .map_err(|e| self.sqlite(e))?;
            let names: Vec<String> = statement.column_names().map(str::to_owned).collect();
            let mut rows = statement.query([]).map_err(|e| self.sqlite(e))?;
            while let Some(row) = rows.next().map_err(|e| self.sqlite(e))? {
                let mut record = Map::new();
                record.insert("kind".to_owned(), Json::from(kind.name));
                for (index, name) in names.iter().enumerate() {
                    if name == "id" {
                        continue; // row ids are this file's own
                    }
                    let value: Value = row.get(index).map_err(|e| self.sqlite(e))?;
                    record.insert(name.clone(), json_of(value));
                }
                let before = match (since, kind.time_column) {
                    (Some(since), Some(column)) => record
                        .get(column)
                        .and_then(Json::as_str)
                        .and_then(|text| self.calendar.parse_any(text))
                        .is_some_and(|time| time < since),
                    _ => false,
                };
                if !before {
                    line(&Json::Object(record))?;
                }
            }
        }
        Ok(())
    }

    /// Merges parsed records (see [`parse_export`]): nothing here is overwritten, and a record
    /// already here is skipped.
    pub fn merge(&mut self, records: &ExportRecords, now: UtcTime) -> Result<Merged, HistoryError> {
        // All or nothing: a failure half-way leaves the history as it was.
        self.connection
            .execute_batch("SAVEPOINT history_import")
            .map_err(|e| self.sqlite(e))?;
        let merged = self.merge_all(records, now);
        let end = if merged.is_ok() {
            "RELEASE history_import"
        } else {
            "ROLLBACK TO history_import; RELEASE history_import"
        };
        self.connection
            .execute_batch(end)
            .map_err(|e| self.sqlite(e))?;
        merged
    }

    fn merge_all(&mut self, records: &ExportRecords, now: UtcTime) -> Result<Merged, HistoryError> {
        let mut merged = Merged::default();
        for kind in KINDS {
            let of_kind = records
                .0
                .iter()
                .filter(|r| r.get("kind").and_then(Json::as_str) == Some(kind.name));
            let (mut added, mut here) = (0, 0);
            for record in of_kind {
                let was_added = if kind.table == "runs" {
                    self.merge_run(record, now, &mut merged.same_runs)?
                } else {
                    self.merge_row(kind, record)?
                };
                if was_added {
                    added += 1;
                } else {
                    here += 1;
                }
            }
            merged.counts.push((kind.name, added, here));
        }
        Ok(merged)
    }

    /// A copy of the whole history at `target` (which must not exist), consistent even while
    /// another limberup writes: SQLite's `VACUUM INTO` reads one snapshot.
    pub fn backup(&self, target: &Path) -> Result<(), HistoryError> {
        let text = target.to_str().ok_or_else(|| {
            HistoryError::Unavailable(format!(
                "{}: a backup's path must be valid UTF-8",
                crate::text::printable_path(target)
            ))
        })?;
        self.connection
            .execute("VACUUM INTO ?1", params![text])
            .map(drop)
            .map_err(|error| HistoryError::Sqlite {
                path: target.to_path_buf(),
                error,
            })
    }

    fn merge_row(&mut self, kind: &Kind, record: &Map<String, Json>) -> Result<bool, HistoryError> {
        let mut columns: Vec<(&String, Value)> = record
            .iter()
            .filter(|(name, _)| name.as_str() != "kind")
            .map(|(name, value)| (name, value_of(value)))
            .collect();
        // A check's day is the local day it was taken on: this machine's zone, not the exporter's.
        let taken_day = record
            .get("taken_at")
            .and_then(Json::as_str)
            .and_then(UtcTime::parse_instant)
            .map(|taken_at| self.calendar.day(taken_at));
        if let (Some(day), true) = (taken_day, kind.table == "checks") {
            for (name, value) in &mut columns {
                if name.as_str() == "day" {
                    *value = Value::Integer(day);
                }
            }
        }
        let key: Vec<Value> = kind
            .same_by
            .iter()
            .map(|name| record.get(*name).map_or(Value::Null, value_of))
            .collect();
        let condition: Vec<String> = kind
            .same_by
            .iter()
            .enumerate()
            .map(|(index, name)| format!("{name} IS ?{}", index + 1))
            .collect();
        let found: i64 = self
            .connection
            .query_row(
                &format!(
                    "SELECT count(*) FROM {} WHERE {}",
                    kind.table,
                    condition.join(" AND ")
                ),
                params_from_iter(key.iter()),
                |row| row.get(0),
            )
            .map_err(|e| self.sqlite(e))?;
        if found > 0 {
            return Ok(false);
        }
        let names: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
        let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        self.connection
            .execute(
                &format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    kind.table,
                    names.join(", "),
                    marks.join(", ")
                ),
                params_from_iter(columns.iter().map(|(_, value)| value)),
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(true)
    }

    fn merge_run(
        &mut self,
        record: &Map<String, Json>,
        now: UtcTime,
        same_runs: &mut usize,
    ) -> Result<bool, HistoryError> {
        let (activity, sha256, hidden, morning) =
            run_of(record).map_err(HistoryError::Unavailable)?;
        let (id, added) = match self.save_run(&activity, &sha256, now)? {
            Imported::AlreadyImported(id) => (id, false),
            Imported::New(id) => (id, true),
            Imported::SameRun { id, .. } => {
                *same_runs += 1;
                (id, true)
            }
        };
        if hidden && added {
            self.hide_run(id)?;
        }
        if let Some(morning) = morning {
            // The answer goes with the run counted, where none was given here (never over one).
            self.connection
                .execute(
                    "UPDATE runs SET morning = ?2
                     WHERE id = COALESCE((SELECT duplicate_of FROM runs WHERE id = ?1), ?1)
                       AND morning IS NULL",
                    params![id, morning.as_str()],
                )
                .map_err(|e| self.sqlite(e))?;
        }
        Ok(added)
    }
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    History(#[from] HistoryError),
    #[error("cannot write the export: {}", crate::text::io_reason(.0))]
    Output(#[from] std::io::Error),
}

/// A line of an export that cannot be read: its number, the column when known, and why.
pub type Problem = (usize, Option<usize>, String);

/// Reads an export's lines: the first must name the format and a version this limberup knows, and
/// every other must be a record of a known kind with the columns its table has. Each problem is
/// `(line, column if known, message)`; with any, nothing should be imported.
pub fn parse_export(
    store: &Store,
    lines: impl Iterator<Item = std::io::Result<String>>,
) -> Result<Result<ExportRecords, Vec<Problem>>, HistoryError> {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut columns_of = std::collections::HashMap::new();
    for kind in KINDS {
        columns_of.insert(kind.name, store.columns(kind.table)?);
    }
    let mut saw_header = false;
    for (index, line) in lines.enumerate() {
        let number = index + 1;
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                problems.push((number, None, crate::text::io_reason(&error)));
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let record = match serde_json::from_str::<Map<String, Json>>(&line) {
            Ok(record) => record,
            Err(error) => {
                let reason = error.to_string();
                let reason = reason.split(" at line ").next().unwrap_or_default();
                let column = (error.column() > 0).then_some(error.column());
                problems.push((number, column, format!("not a JSON object ({reason})")));
                continue;
            }
        };
        if !saw_header {
            saw_header = true;
            if let Err(problem) = check_header(&record) {
                problems.push((number, None, problem));
                break;
            }
            continue;
        }
        match check_record(&record, &columns_of) {
            Ok(()) => records.push(record),
            Err(problem) => problems.push((number, None, problem)),
        }
    }
    if !saw_header && problems.is_empty() {
        problems.push((
            1,
            None,
            "the file is empty; `limberup history export > FILE` writes one".to_owned(),
        ));
    }
    Ok(if problems.is_empty() {
        Ok(ExportRecords(records))
    } else {
        Err(problems)
    })
}

fn check_header(record: &Map<String, Json>) -> Result<(), String> {
    if record.get("format").and_then(Json::as_str) != Some(FORMAT_NAME) {
        return Err(format!(
            "not a limberup history export: its first line must be {{\"format\": \"{FORMAT_NAME}\", \"version\": {EXPORT_VERSION}, …}}"
        ));
    }
    match record.get("version").and_then(Json::as_i64) {
        Some(version) if (1..=EXPORT_VERSION).contains(&version) => Ok(()),
        Some(version) if version > EXPORT_VERSION => Err(format!(
            "an export of version {version}, from a newer limberup (this one reads versions 1 to {EXPORT_VERSION}); update limberup"
        )),
        _ => Err(format!("`version` must be 1 to {EXPORT_VERSION}")),
    }
}

fn check_record(
    record: &Map<String, Json>,
    columns_of: &std::collections::HashMap<&str, Vec<(String, bool)>>,
) -> Result<(), String> {
    let kind = record
        .get("kind")
        .and_then(Json::as_str)
        .ok_or("a record needs a `kind`")?;
    let columns = columns_of.get(kind).ok_or_else(|| {
        let kinds: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        format!(
            "`kind` must be one of {}, found {:?}",
            kinds.join(", "),
            crate::text::printable(kind)
        )
    })?;
    for (name, value) in record {
        if name == "kind" {
            continue;
        }
        if name == "id" || !columns.iter().any(|(column, _)| column == name) {
            return Err(format!(
                "a {kind} has no field `{}`",
                crate::text::printable(name)
            ));
        }
        if matches!(value, Json::Array(_) | Json::Object(_)) {
            return Err(format!("`{name}` must be a string, a number or null"));
        }
    }
    if kind == "run" {
        run_of(record)?;
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|(name, required)| *required && record.get(name).is_none_or(Json::is_null))
        .map(|(name, _)| name.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(format!("a {kind} needs `{}`", missing.join("`, `")));
    }
    Ok(())
}

/// A run record as the duplicate rules take it: the activity, its file's hash, whether the
/// runner had forgotten it, and the next-morning answer after it (version 2 on).
fn run_of(
    record: &Map<String, Json>,
) -> Result<(Activity, String, bool, Option<RunMorning>), String> {
    let text = |name: &str| record.get(name).and_then(Json::as_str);
    let number = |name: &str| record.get(name).and_then(Json::as_f64);
    let required = |name: &str| text(name).ok_or(format!("a run needs `{name}`"));
    let start = required("start")?;
    let format = required("format")?;
    let quality = required("quality")?;
    let sha256 = required("sha256")?;
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err("a run's `sha256` must be 64 hex digits".to_owned());
    }
    let activity = Activity {
        format: Format::from_name(format).ok_or(format!(
            "`format` must be fit, tcx or gpx, found {format:?}"
        ))?,
        start: UtcTime::parse_instant(start).ok_or(format!("`start` is not a time: {start:?}"))?,
        timer_s: number("timer_s").ok_or("a run needs `timer_s`")?,
        elapsed_s: number("elapsed_s").ok_or("a run needs `elapsed_s`")?,
        distance_m: number("distance_m"),
        distance_from: text("distance_from").and_then(DistanceSource::from_name),
        sport: required("sport")?.to_owned(),
        sub_sport: text("sub_sport").map(str::to_owned),
        indoor: flag(record.get("indoor")),
        offset_s: record
            .get("offset_s")
            .and_then(Json::as_i64)
            .and_then(|offset| i32::try_from(offset).ok()),
        device: text("device").map(str::to_owned),
        quality: Quality::from_name(quality).ok_or(format!(
            "`quality` must be ok, crc or partial, found {quality:?}"
        ))?,
    };
    let morning =
        match record.get("morning") {
            None | Some(Json::Null) => None,
            Some(value) => Some(value.as_str().and_then(RunMorning::parse).ok_or(
                "a run's `morning` must be better, same, worse, skipped or null".to_owned(),
            )?),
        };
    Ok((
        activity,
        sha256.to_ascii_lowercase(),
        flag(record.get("hidden")),
        morning,
    ))
}

fn flag(value: Option<&Json>) -> bool {
    match value {
        Some(Json::Bool(flag)) => *flag,
        Some(Json::Number(n)) => n.as_i64().is_some_and(|n| n != 0),
        _ => false,
    }
}

fn json_of(value: Value) -> Json {
    match value {
        Value::Null | Value::Blob(_) => Json::Null,
        Value::Integer(n) => Json::from(n),
        Value::Real(x) => serde_json::Number::from_f64(x).map_or(Json::Null, Json::Number),
        Value::Text(text) => Json::from(text),
    }
}

fn value_of(json: &Json) -> Value {
    match json {
        Json::Bool(flag) => Value::Integer(i64::from(*flag)),
        Json::Number(n) => n
            .as_i64()
            .map_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)), Value::Integer),
        Json::String(text) => Value::Text(text.clone()),
        Json::Null | Json::Array(_) | Json::Object(_) => Value::Null,
    }
}
