//! Runs from watches and apps: reading their activity files (FIT, GPX, TCX, any of them gzipped)
//! into one summary per run, and the one warning the evidence supports (a run much longer than the
//! month's longest; see [`warning`]).
//!
//! Parsing is pure (bytes in, [`Activity`] out, see [`read::read_activity`]); reading files from disk
//! with their size limits is in [`file`].

pub mod file;
mod fit;
mod geo;
mod gpx;
mod gzip;
pub mod read;
mod sport;
mod tcx;
pub mod warning;
mod xml;

use crate::calendar::UtcTime;

pub use read::{ReadError, read_activity};
pub use sport::is_running_sport;

/// A file over this size is refused before it is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// A gzip that would expand past this is refused.
pub const MAX_DECOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

/// The file format a run came from, best copy first: a FIT file carries the device's own totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Fit,
    Tcx,
    Gpx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Self::Fit => "fit",
            Self::Tcx => "tcx",
            Self::Gpx => "gpx",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Fit, Self::Tcx, Self::Gpx]
            .into_iter()
            .find(|format| format.name() == name)
    }
}

/// How much of the file could be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quality {
    Ok,
    /// A FIT checksum did not match; the values were read anyway.
    Crc,
    /// The file broke off; what was read before the break is kept.
    Partial,
}

impl Quality {
    pub fn name(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Crc => "crc",
            Self::Partial => "partial",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Ok, Self::Crc, Self::Partial]
            .into_iter()
            .find(|quality| quality.name() == name)
    }
}

/// Where a run's distance came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistanceSource {
    /// The device's own total (a FIT session, a TCX lap).
    Device,
    /// Summed from GPS points.
    Gps,
}

impl DistanceSource {
    pub fn name(self) -> &'static str {
        match self {
            Self::Device => "device",
            Self::Gps => "gps",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Device, Self::Gps]
            .into_iter()
            .find(|source| source.name() == name)
    }
}

/// The summary of one activity file: what the history keeps of it (no GPS points).
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub format: Format,
    pub start: UtcTime,
    /// Moving time, pauses excluded; the elapsed time when the file has no timer.
    pub timer_s: f64,
    pub elapsed_s: f64,
    pub distance_m: Option<f64>,
    pub distance_from: Option<DistanceSource>,
    /// `running`, `walking`, `cycling`, … (lower case, FIT's names).
    pub sport: String,
    /// `trail`, `treadmill`, `track`, … when the file says.
    pub sub_sport: Option<String>,
    pub indoor: bool,
    /// The file's own UTC offset, when plausible; for display only.
    pub offset_s: Option<i32>,
    pub device: Option<String>,
    pub quality: Quality,
}

impl Activity {
    /// When the activity ended, by elapsed time (for overlap between copies of one run).
    pub fn end(&self) -> UtcTime {
        UtcTime(self.start.0 + seconds(self.elapsed_s.max(self.timer_s)))
    }
}

/// Whole seconds of a duration in seconds, saturating (durations come from files).
pub(crate) fn seconds(duration_s: f64) -> i64 {
    if duration_s.is_finite() {
        // Saturating float-to-int conversion is what is wanted for a duration from a file.
        #[allow(clippy::cast_possible_truncation)]
        let whole = duration_s.round() as i64;
        whole
    } else {
        0
    }
}
