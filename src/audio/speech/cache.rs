//! The speech cache is a folder in the data folder, but it may hold anything: a routine pack or another
//! program could have planted a symlink, a FIFO or a huge file there. So it is read as untrusted
//! storage: opened without following links and without blocking, regular files only, no more read than
//! the cap; new files are written under names nobody can guess, made exclusively, and renamed into
//! place whole.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The most a said name's file may hold: ten seconds of 48 kHz stereo, far more than a name takes.
pub(crate) const MAX_SPOKEN_BYTES: u64 = 2 * 1024 * 1024;

/// What an unfinished file's name ends with: such files are left only by a process that was killed.
const PARTIAL_SUFFIX: &str = ".part";
/// What a name's failure marker ends with: the program could not say it, so it is not tried again.
const FAILED_SUFFIX: &str = ".failed";

/// What the cache holds for a name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Cached {
    /// Nothing (or nothing readable): the name is to be said.
    Missing,
    /// A regular file of at most [`MAX_SPOKEN_BYTES`], still to be checked as a sound.
    Bytes(Vec<u8>),
    /// Something that must not be used: a link, a FIFO, a device, a file over the cap.
    Unusable(&'static str),
}

/// What is at `path`, read only when it is a regular file (not a link, a FIFO or a device) of at most
/// [`MAX_SPOKEN_BYTES`].
pub(crate) fn read(path: &Path) -> Cached {
    let file = match open_no_follow(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Cached::Missing,
        // A symlink (refused by no-follow) or anything else that cannot be opened plainly.
        Err(_) => return Cached::Unusable("not a regular file"),
    };
    let Ok(metadata) = file.metadata() else {
        return Cached::Unusable("cannot be examined");
    };
    if !metadata.is_file() {
        return Cached::Unusable("not a regular file");
    }
    if metadata.len() > MAX_SPOKEN_BYTES {
        return Cached::Unusable("too large");
    }
    let mut bytes = Vec::new();
    // The size can change between the check and the read: read one byte past the cap at most.
    if file
        .take(MAX_SPOKEN_BYTES + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return Cached::Unusable("cannot be read");
    }
    if bytes.len() as u64 > MAX_SPOKEN_BYTES {
        return Cached::Unusable("too large");
    }
    Cached::Bytes(bytes)
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    // Non-blocking too: opening a FIFO for reading would otherwise wait for a writer for ever.
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty())?;
    Ok(File::from(fd))
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    let metadata = std::fs::symlink_metadata(path)?;
    if !metadata.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    File::open(path)
}

/// Removes whatever is at `path` (a link itself, never its target).
pub(crate) fn discard(path: &Path) {
    if let Err(error) = std::fs::remove_file(path)
        && error.kind() != std::io::ErrorKind::NotFound
    {
        tracing::warn!(%error, path = %path.display(), "cannot remove a bad speech cache entry");
    }
}

/// A new, empty file in `folder` under a random name, made exclusively (an existing file or link of
/// that name is an error, never followed); removed when dropped unless it was put in place.
pub(crate) fn new_partial(folder: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    std::fs::create_dir_all(folder)?;
    tempfile::Builder::new()
        .prefix(".say-")
        .suffix(PARTIAL_SUFFIX)
        .tempfile_in(folder)
}

/// Removes the unfinished files a killed process left in `folder`.
pub(crate) fn remove_leftovers(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if entry
            .file_name()
            .to_string_lossy()
            .ends_with(PARTIAL_SUFFIX)
        {
            discard(&entry.path());
        }
    }
}

/// The marker that says the program could not say the text whose file is `path`.
pub(crate) fn failure_marker(path: &Path) -> PathBuf {
    path.with_extension(&FAILED_SUFFIX[1..])
}

/// Whether a failure marker is there (whatever it is: a planted one only silences a name).
pub(crate) fn failed_before(path: &Path) -> bool {
    std::fs::symlink_metadata(failure_marker(path)).is_ok()
}

/// Remembers that the text whose file is `path` could not be said.
pub(crate) fn mark_failed(path: &Path) {
    let marker = failure_marker(path);
    if let Err(error) = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&marker)
        && error.kind() != std::io::ErrorKind::AlreadyExists
    {
        tracing::warn!(%error, "cannot remember a name that could not be said");
    }
}
