//! Following later writers from a history opened read-only.
//!
//! With no limberup writing, a read-only history is read as a file nobody changes (SQLite's
//! `immutable`), which makes no `-wal` or `-shm` files beside it: reading never writes. But such a
//! connection never sees what a limberup opened later writes, into its log or, once that one has
//! checkpointed and closed, into the file itself; and its `data_version` never moves. So the file's
//! stamp (length, time of change, whether a log is beside it) is kept from the opening, and a
//! different stamp opens it again, through the log when there is one now. A store read through the
//! log already sees every write, and its `data_version` says when.

use std::path::Path;
use std::time::SystemTime;

use rusqlite::Connection;

use super::{HISTORY_FILE, HistoryError, Store};

/// What can be seen of the history file from outside, without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FileStamp {
    len: Option<u64>,
    modified: Option<SystemTime>,
    /// A write-ahead log is beside it: a limberup has it open to write (or one stopped without
    /// closing it).
    log: bool,
}

impl FileStamp {
    pub(super) fn of(path: &Path) -> Self {
        let metadata = std::fs::metadata(path).ok();
        Self {
            len: metadata.as_ref().map(std::fs::Metadata::len),
            modified: metadata.and_then(|m| m.modified().ok()),
            log: log_of(path).exists(),
        }
    }

    /// Whether a limberup writes to the file now, so reading must go through its log.
    pub(super) fn being_written(&self) -> bool {
        self.log
    }
}

fn log_of(path: &Path) -> std::path::PathBuf {
    path.with_file_name(format!("{HISTORY_FILE}-wal"))
}

/// Opens `path` to read: through the log when a limberup writes to it (falling back to the file as
/// it stands when that cannot be done), or else as a file nobody changes; with the stamp to follow
/// it by, for the latter (`None` when read through the log).
pub(super) fn open_to_read(
    path: &Path,
) -> Result<(Connection, Option<FileStamp>), rusqlite::Error> {
    // The stamp is taken first: a write between it and the opening shows as a change next time
    // (and is read once more), never as none.
    let stamp = FileStamp::of(path);
    if stamp.being_written() {
        if let Ok(connection) = super::open_read_only(path, false) {
            return Ok((connection, None));
        }
    }
    Ok((super::open_read_only(path, true)?, Some(stamp)))
}

impl Store {
    /// A store opened read-only as a file nobody changes is opened again when its file changed
    /// since (another limberup opened it to write, or wrote and closed it), so it reads what that
    /// one wrote. Returns whether it was opened again: what it reads may have changed, and its
    /// `data_version` starts afresh. A store read through the log, or opened to write, is left as
    /// it is (its `data_version` tells of every change).
    pub fn follow_writers(&mut self) -> Result<bool, HistoryError> {
        let Some(seen) = &self.file_stamp else {
            return Ok(false);
        };
        if FileStamp::of(&self.path) == *seen {
            return Ok(false);
        }
        let (connection, stamp) = open_to_read(&self.path).map_err(|e| self.sqlite(e))?;
        self.connection = connection;
        self.file_stamp = stamp;
        Ok(true)
    }
}
