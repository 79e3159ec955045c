//! Making a new history file whole: it is built under a temporary name in the same folder, then
//! linked into place, which fails if another instance got there first (then theirs is used). A crash
//! at any moment leaves either no history or a complete one, never an empty file.

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;

use super::{HistoryError, migrate};
use crate::calendar::Calendar;

/// Makes sure a history file exists at `path`. An empty file (left by an earlier limberup killed in
/// its first moments) holds nothing to lose and is replaced by a new history.
pub(super) fn ensure_exists(path: &Path, calendar: &Calendar) -> Result<(), HistoryError> {
    remove_stale_temporaries(path);
    let empty = match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() && metadata.len() == 0 => true,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        // A history, or whatever it is: opening it will say.
        Ok(_) | Err(_) => return Ok(()),
    };
    let temporary = temporary_name(path);
    let result = build(&temporary, calendar).and_then(|()| {
        let placed = if empty {
            std::fs::rename(&temporary, path)
        } else {
            place_new(&temporary, path)
        };
        placed.map_err(|error| HistoryError::Folder {
            path: path.to_path_buf(),
            error,
        })
    });
    let _ = std::fs::remove_file(&temporary);
    result
}

/// Links the finished file into place unless one is already there (another instance won the race,
/// and its file is kept).
fn place_new(temporary: &Path, path: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(temporary, path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // A file system without hard links: a rename, which is still whole.
        Err(_) if !path.exists() => std::fs::rename(temporary, path),
        Err(error) => Err(error),
    }
}

/// The prefix of every temporary file a new history is built in (with SQLite's journal beside it).
fn temporary_prefix() -> String {
    format!(".{}.new-", super::HISTORY_FILE)
}

/// Removes what an instance killed while building a new history left behind: the temporary files of
/// a process that is no longer running (where that can be told), or older than a minute.
fn remove_stale_temporaries(path: &Path) {
    let Some(folder) = path.parent() else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = temporary_prefix();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('-').next().unwrap_or_default();
        let gone = if cfg!(target_os = "linux") {
            pid != std::process::id().to_string() && !Path::new("/proc").join(pid).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 60))
        };
        if gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A name no other build uses: the process, then a random number (two threads of one process read
/// the same clock time often enough on a coarse clock that a name of the process and the time alone
/// had both build into one file).
fn temporary_name(path: &Path) -> PathBuf {
    use std::hash::{BuildHasher, Hasher};
    // Every `RandomState` has keys of its own (random for each thread, then one more for each new
    // one), so its hash of nothing is a number no other build draws.
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let name = format!("{}{}-{random:016x}", temporary_prefix(), std::process::id());
    path.with_file_name(name)
}

/// A complete, current, empty history at `path`, closed (its write-ahead log folded in).
fn build(path: &Path, calendar: &Calendar) -> Result<(), HistoryError> {
    let sqlite = |error| HistoryError::Sqlite {
        path: path.to_path_buf(),
        error,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
    let mut connection = super::open::connect(path, flags, false).map_err(sqlite)?;
    // A new file has no rows to set aside.
    migrate::apply(&mut connection, path, calendar)?;
    // Everything into the file itself before it is linked into place: a write-ahead log left beside
    // the temporary name would not follow it, and the linked file would lack its last pages (its
    // mark among them, so the next instance took it for another program's).
    let busy: i64 = connection
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
        .map_err(sqlite)?;
    if busy != 0 {
        return Err(sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("the new history's log could not be folded in".to_owned()),
        )));
    }
    connection.close().map_err(|(_, error)| sqlite(error))
}
