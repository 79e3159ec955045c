//! Reading activity files from disk, with the size limit checked before reading.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use super::{MAX_FILE_BYTES, ReadError};
use crate::text::io_reason;

/// A file's bytes, refused past [`MAX_FILE_BYTES`] (also when it grows while being read).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path).map_err(|error| ReadError::Broken(io_reason(&error)))?;
    let size = file
        .metadata()
        .map_err(|error| ReadError::Broken(io_reason(&error)))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| ReadError::Broken(io_reason(&error)))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size: read });
    }
    Ok(bytes)
}
