//! From a file's bytes to an [`Activity`]: the kind decided by content, every decoder isolated.

use thiserror::Error;

use super::{Activity, MAX_DECOMPRESSED_BYTES, fit, gzip, xml};
use crate::calendar::UtcTime;
use crate::isolate::isolated;

/// 2000-01-01T00:00:00Z: a start before it is a device clock that was never set.
const EARLIEST_START: UtcTime = UtcTime(946_684_800);
/// A start more than this far ahead of now is refused too.
const FUTURE_TOLERANCE_S: i64 = 24 * 3600;

/// Why a file gave no activity. The messages follow `path: error: ` on a line of their own.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("not an activity file")]
    NotActivity,
    #[error("the file is {size} bytes; files over 64 MiB are refused")]
    TooLarge { size: u64 },
    #[error("it would expand past {} MiB when unzipped, so it is refused", cap / (1024 * 1024))]
    GzipTooLarge { cap: u64 },
    #[error("{0}")]
    Broken(String),
    #[error("its decoder failed ({0})")]
    DecoderFailed(String),
    #[error("it has no start time")]
    NoStart,
    #[error("its start, {0}, is before 2000 or more than a day in the future")]
    StartOutOfRange(String),
}

/// The activity in a FIT, GPX or TCX file (gzipped or not), decided by content, never by name.
pub fn read_activity(bytes: &[u8]) -> Result<Activity, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if gzip::is_gzip(bytes) {
        let expanded = gzip::expand(bytes, MAX_DECOMPRESSED_BYTES)?;
        if gzip::is_gzip(&expanded) {
            // A gzip inside a gzip is no export anyone makes; refusing it keeps the cap simple.
            return Err(ReadError::NotActivity);
        }
        return read_activity(&expanded);
    }
    let read = if fit::is_fit(bytes) {
        isolated(|| fit::read(bytes))
    } else if xml::looks_like_xml(bytes) {
        isolated(|| xml::read(bytes))
    } else {
        return Err(ReadError::NotActivity);
    };
    read.map_err(ReadError::DecoderFailed)?
}

/// Refuses a start before 2000 or more than a day after `now` (clocks never set, or set wrong).
pub fn check_start(activity: &Activity, now: UtcTime) -> Result<(), ReadError> {
    let start = activity.start;
    if start < EARLIEST_START || start.0 > now.0.saturating_add(FUTURE_TOLERANCE_S) {
        return Err(ReadError::StartOutOfRange(start.rfc3339()));
    }
    Ok(())
}
