//! Importing activity files into the history (here, above both the runs reader and the store): folders walked, each file read alone (one problem is one line,
//! the rest still imported), then stored by the duplicate rules.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::batch::Batched;
use super::{HistoryError, Imported, Store};
use crate::calendar::UtcTime;
use crate::runs::file::read_bytes;
use crate::runs::read::check_start;
use crate::runs::{Format, ReadError, is_running_sport, read_activity};

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Imported(i64),
    AlreadyImported(i64),
    /// The same run as `other`: this copy is `id`; `kept` is the format counted now.
    Duplicate {
        id: i64,
        other: i64,
        kept: Format,
    },
    /// An activity of another sport (`walking`).
    NotARun(String),
    NotAnActivity,
    /// Would be imported (`--dry-run`).
    WouldImport,
    Error(String),
}

impl Outcome {
    /// The `outcome` of `runs import --json`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Imported(_) | Self::WouldImport => "imported",
            Self::AlreadyImported(_) => "already-imported",
            Self::Duplicate { .. } => "duplicate",
            Self::NotARun(_) => "not-a-run",
            Self::NotAnActivity => "not-an-activity",
            Self::Error(_) => "error",
        }
    }

    /// The run it concerns, if any.
    pub fn run(&self) -> Option<i64> {
        match self {
            Self::Imported(id) | Self::AlreadyImported(id) | Self::Duplicate { id, .. } => {
                Some(*id)
            }
            _ => None,
        }
    }

    /// The words after the path: `imported`, `same run as #12 (kept the FIT)`, …
    pub fn message(&self) -> String {
        match self {
            Self::Imported(id) => format!("imported as #{id}"),
            Self::WouldImport => "would be imported".to_owned(),
            Self::AlreadyImported(id) => format!("already imported (#{id})"),
            Self::Duplicate { other, kept, .. } => {
                format!(
                    "same run as #{other} (kept the {})",
                    kept.name().to_uppercase()
                )
            }
            Self::NotARun(sport) => format!("not a run ({sport})"),
            Self::NotAnActivity => "not an activity file".to_owned(),
            Self::Error(message) => format!("error: {message}"),
        }
    }
}

/// One file's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub path: PathBuf,
    pub outcome: Outcome,
}

/// How an import runs.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// `--sport`: take every file as this sport (and sub-sport, when given: `trail`).
    pub sport: Option<(String, Option<String>)>,
    pub dry_run: bool,
    pub now: UtcTime,
}

/// The files under `paths`, folders walked recursively in name order (links to folders are not
/// followed, so a loop cannot trap the walk); a path that cannot be read is a report of its own.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileReport>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        walk(path, &mut files, &mut problems);
    }
    (files, problems)
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<FileReport>) {
    let problem = |error: &std::io::Error| FileReport {
        path: path.to_path_buf(),
        outcome: Outcome::Error(crate::text::io_reason(error)),
    };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => return problems.push(problem(&error)),
    };
    if metadata.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    if !metadata.is_dir() {
        // Opening a named pipe waits for a writer forever; a device never ends.
        return problems.push(FileReport {
            path: path.to_path_buf(),
            outcome: Outcome::Error("not a regular file (a device, pipe or socket)".to_owned()),
        });
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(error) => return problems.push(problem(&error)),
    };
    let mut children: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    children.sort();
    for child in children {
        let is_link = std::fs::symlink_metadata(&child).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && child.is_dir() {
            continue;
        }
        walk(&child, files, problems);
    }
}

/// The SHA-256 of a file's bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Reads one file and stores its run (with `store`; without, as a dry run).
pub fn import_file(store: Option<&mut Store>, path: &Path, options: &ImportOptions) -> Outcome {
    match import_bytes(store, read_bytes(path), options) {
        Ok(outcome) => outcome,
        Err(error) => Outcome::Error(error.to_string()),
    }
}

/// From this size on, a file is hashed on a thread of its own while it is decoded (a 60 MB GPX
/// takes about as long to hash as to read); smaller ones are not worth a thread.
const HASH_APART_FROM: usize = 1024 * 1024;

/// The activity in `bytes` and their SHA-256, side by side for a big file.
fn read_and_hash(bytes: &[u8]) -> (Result<crate::runs::Activity, ReadError>, String) {
    if bytes.len() < HASH_APART_FROM {
        return (read_activity(bytes), sha256_hex(bytes));
    }
    std::thread::scope(|scope| {
        let hashing = std::thread::Builder::new().spawn_scoped(scope, || sha256_hex(bytes));
        let read = read_activity(bytes);
        // A thread that could not start (or ended badly) leaves the hash to this one.
        let hash = hashing
            .ok()
            .and_then(|hashing| hashing.join().ok())
            .unwrap_or_else(|| sha256_hex(bytes));
        (read, hash)
    })
}

fn import_bytes(
    store: Option<&mut Store>,
    bytes: Result<Vec<u8>, ReadError>,
    options: &ImportOptions,
) -> Result<Outcome, HistoryError> {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => return Ok(Outcome::Error(error.to_string())),
    };
    let (read, hash) = read_and_hash(&bytes);
    let mut activity = match read.and_then(|a| check_start(&a, options.now).map(|()| a)) {
        Ok(activity) => activity,
        Err(ReadError::NotActivity) => return Ok(Outcome::NotAnActivity),
        Err(error) => return Ok(Outcome::Error(error.to_string())),
    };
    if let Some((sport, sub_sport)) = &options.sport {
        activity.sport.clone_from(sport);
        if sub_sport.is_some() {
            activity.sub_sport.clone_from(sub_sport);
        }
    }
    if !is_running_sport(&activity.sport) {
        return Ok(Outcome::NotARun(activity.sport));
    }
    let Some(store) = store.filter(|_| !options.dry_run) else {
        return Ok(Outcome::WouldImport);
    };
    Ok(match store.save_run(&activity, &hash, options.now)? {
        Imported::New(id) => Outcome::Imported(id),
        Imported::AlreadyImported(id) => Outcome::AlreadyImported(id),
        Imported::SameRun { id, other, kept } => Outcome::Duplicate { id, other, kept },
    })
}

/// What `runs sync` did besides its reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncSummary {
    /// Files read this time.
    pub read: usize,
    /// Files skipped, seen before as they are now (path, size, modified time).
    pub skipped: usize,
}

/// Imports the files under `folders` that were not seen before as they are now, telling `on_each`
/// of each one read (a folder that cannot be read is a report of its own). A file read is
/// remembered unless it failed, so a file that is not a run is not read again until it changes,
/// and a broken one is tried (and reported) again next time.
pub fn sync_folders(
    store: &mut Store,
    folders: &[PathBuf],
    options: &ImportOptions,
    mut on_each: impl FnMut(&FileReport),
) -> Result<SyncSummary, HistoryError> {
    let (files, problems) = collect_files(folders);
    problems.iter().for_each(&mut on_each);
    let mut summary = SyncSummary::default();
    let mut batch = Batched::new(store);
    for path in files {
        let stamp = file_stamp(&path);
        if let Some((key, size, modified_s)) = &stamp {
            if batch.store()?.run_file_seen(key, *size, *modified_s)? {
                summary.skipped += 1;
                continue;
            }
        }
        let store = batch.store()?;
        let outcome = import_file(Some(&mut *store), &path, options);
        summary.read += 1;
        let failed = matches!(outcome, Outcome::Error(_));
        if let (Some((key, size, modified_s)), false) = (&stamp, failed) {
            store.remember_run_file(key, *size, *modified_s, options.now)?;
        }
        batch.done_one()?;
        on_each(&FileReport { path, outcome });
    }
    batch.commit()?;
    Ok(summary)
}

/// The path (as text), size and modified time (whole seconds since 1970) `runs sync` tells files
/// apart by; `None` when the file cannot be looked at.
fn file_stamp(path: &Path) -> Option<(String, u64, i64)> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified_s = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |since| {
            i64::try_from(since.as_secs()).unwrap_or(i64::MAX)
        });
    Some((
        path.to_string_lossy().into_owned(),
        metadata.len(),
        modified_s,
    ))
}
