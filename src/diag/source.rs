//! Reading a user's file safely: only regular files, at most 1 MiB, UTF-8, with a clear refusal otherwise.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::{Diagnostic, SourceText, file_level};
use crate::text::io_reason;

/// The largest file limberup reads: routines, catalogs, programs, answers, settings.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads a routine, catalog, answers or settings file, refusing anything that is not a small UTF-8 regular file.
pub fn read_source(path: &Path) -> Result<SourceText, Diagnostic> {
    let shown = path.display().to_string();
    let metadata = std::fs::metadata(path)
        .map_err(|e| file_level(&shown, format!("cannot read the file: {}", io_reason(&e))))?;
    if metadata.is_dir() {
        return Err(file_level(&shown, "this is a folder, not a file"));
    }
    if !metadata.is_file() {
        return Err(file_level(
            &shown,
            "not a regular file (a device, pipe or socket); give the path of a .toml file",
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(&shown));
    }
    let file = File::open(path)
        .map_err(|e| file_level(&shown, format!("cannot read the file: {}", io_reason(&e))))?;
    // Read one byte past the limit so a file that grew after the size check is still refused.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| file_level(&shown, format!("cannot read the file: {}", io_reason(&e))))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(&shown));
    }
    decode(&shown, bytes)
}

/// Turns bytes into a source, pointing at the first byte that is not UTF-8.
pub fn decode(shown: &str, bytes: Vec<u8>) -> Result<SourceText, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceText::new(shown, text)),
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]).into_owned();
            let source = SourceText::new(shown, prefix);
            Err(source.diagnostic(
                valid_up_to..valid_up_to,
                "the file is not valid UTF-8 text; save it as UTF-8",
            ))
        }
    }
}

fn too_large(shown: &str) -> Diagnostic {
    file_level(
        shown,
        "the file is larger than 1 MiB, the most limberup reads",
    )
}
