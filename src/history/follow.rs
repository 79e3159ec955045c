//! Following later writers from a history opened read-only.
//!
//! With no limberup writing, a read-only history is read as a file nobody changes (SQLite's
//! `immutable`), which makes no `-wal` or `-shm` files beside it: reading never writes. But such a
//! connection never sees what a limberup opened later writes, into its log or, once that one has
//! checkpointed and closed, into the file itself; and its `data_version` never moves. So the file's
//! stamp (length, time of change, whether a log is beside it) is kept from the opening, and a
//! different stamp opens it again, through the log when there is one now. A store read through the
//! log already sees every write, and its `data_version` says when.
//!
//! A time of change is kept to a second or two on some file systems, and a small write leaves
//! the length as it was: a writer that opened, wrote and closed within the tick of the time the
//! stamp saw would leave the same stamp. SQLite's own change counter (the header's bytes 24..28)
//! does not help, as the history is in WAL mode, where SQLite does not move it. So while the time
//! of change is that recent, the stamp also holds a hash of the file's bytes (git's answer to its
//! "racy" index entries); once the time of change is older, a write must move it, and the bytes
//! are not read again.

use std::hash::Hasher;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, SystemTime};

use rusqlite::Connection;

use super::{HISTORY_FILE, HistoryError, Store};

/// The coarsest times of change a file system keeps (FAT's two seconds): a write this long after
/// the time of change a stamp saw moves it.
const COARSEST_TIME_OF_CHANGE: Duration = Duration::from_secs(2);

/// What can be seen of the history file from outside, without opening it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FileStamp {
    len: Option<u64>,
    modified: Option<SystemTime>,
    /// A write-ahead log is beside it: a limberup has it open to write (or one stopped without
    /// closing it).
    log: bool,
    /// A hash of the file's bytes, while the time of change is too recent to tell a later write
    /// apart (see the module's notes); `None` once it is old enough, or when the file cannot be
    /// read.
    bytes: Option<u64>,
}

impl FileStamp {
    pub(super) fn of(path: &Path) -> Self {
        Self::taken(path, false).0
    }

    /// The stamp now, with the bytes' hash when the time of change is recent, or when `hash_bytes`
    /// (to compare with a stamp that holds one); and whether it is recent.
    fn taken(path: &Path, hash_bytes: bool) -> (Self, bool) {
        // The clock is read before the file, so a write in between counts as recent.
        let taken_at = SystemTime::now();
        let metadata = std::fs::metadata(path).ok();
        let modified = metadata.as_ref().and_then(|m| m.modified().ok());
        let recent = recent(modified, taken_at);
        let stamp = Self {
            len: metadata.as_ref().map(std::fs::Metadata::len),
            modified,
            log: log_of(path).exists(),
            bytes: (hash_bytes || recent).then(|| hash_of(path)).flatten(),
        };
        (stamp, recent)
    }

    /// Whether a limberup writes to the file now, so reading must go through its log.
    pub(super) fn being_written(&self) -> bool {
        self.log
    }

    /// Whether the file is compared by its bytes too, its time of change being recent.
    #[cfg(test)]
    pub(super) fn reads_bytes(&self) -> bool {
        self.bytes.is_some()
    }

    /// The file's stamp now if it is as this stamp saw it (to keep instead of this one: it leaves
    /// the bytes' hash once the time of change is old enough), `None` if it changed.
    fn unchanged(&self, path: &Path) -> Option<Self> {
        let (now, recent) = Self::taken(path, self.bytes.is_some());
        (now == *self).then(|| Self {
            bytes: now.bytes.filter(|_| recent),
            ..now
        })
    }
}

/// Whether a time of change is too close to `now` for a later write to move it: closer than the
/// coarsest a file system keeps, or later than `now` (a clock that differs). Without a time of
/// change there is nothing to be recent: the length and the log are all a stamp has.
fn recent(modified: Option<SystemTime>, now: SystemTime) -> bool {
    modified.is_some_and(|modified| {
        now.duration_since(modified)
            .map_or(true, |age| age < COARSEST_TIME_OF_CHANGE)
    })
}

/// A hash of the file's bytes (read in pieces: a history of many runs is a few megabytes), `None`
/// when it cannot be read.
fn hash_of(path: &Path) -> Option<u64> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = std::hash::DefaultHasher::new();
    let mut piece = vec![0_u8; 64 * 1024];
    loop {
        match file.read(&mut piece) {
            Ok(0) => return Some(hasher.finish()),
            Ok(read) => hasher.write(&piece[..read]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
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
        if let Some(same) = seen.unchanged(&self.path) {
            self.file_stamp = Some(same);
            return Ok(false);
        }
        let (connection, stamp) = open_to_read(&self.path).map_err(|e| self.sqlite(e))?;
        self.connection = connection;
        self.file_stamp = stamp;
        Ok(true)
    }
}
