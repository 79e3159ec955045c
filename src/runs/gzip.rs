//! Gzipped activity files (a Strava bulk export has `.fit.gz`, `.gpx.gz`, `.tcx.gz`), expanded with a
//! cap so a small bomb cannot fill the memory.

use std::io::Read as _;

use flate2::read::MultiGzDecoder;

use super::ReadError;

/// Whether the bytes start with the gzip signature.
pub(super) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// The expanded bytes, refused past `cap` bytes without expanding further.
pub(super) fn expand(bytes: &[u8], cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut expanded = Vec::new();
    MultiGzDecoder::new(bytes)
        .take(cap.saturating_add(1))
        .read_to_end(&mut expanded)
        .map_err(|error| ReadError::Broken(format!("its gzip is damaged ({error})")))?;
    if u64::try_from(expanded.len()).unwrap_or(u64::MAX) > cap {
        return Err(ReadError::GzipTooLarge { cap });
    }
    Ok(expanded)
}
