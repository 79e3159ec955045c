//! The runner's own exercise names, said by the system's text-to-speech program: `espeak-ng` (or
//! `espeak`) where installed, `say` on macOS, the Windows speech API through PowerShell. Each text is
//! made into a WAV file once and kept in the cache folder (`speech/` in the data folder), so a routine
//! that starts again speaks at once. Without a program, those names are not said (the tones and the
//! built-in words still are).
//!
//! Saying takes time (the program may even hang), so it never happens where a cue waits: a
//! [`worker::SpeechWorker`] makes names one at a time on a thread of its own, and a name that is not
//! ready when its cue comes is simply not said.
//!
//! A name comes from a routine file, so it is untrusted: it is cleaned of control characters and of
//! the brackets espeak reads as phonemes, cut to a name's length, and handed to the program on its
//! standard input (never as an argument, where it could pass for an option). The program gets
//! [`SPEAK_TIMEOUT`], then its whole process group is killed. The cache is untrusted too
//! ([`cache`]); a result that is too large or does not decode is deleted, and a name that could not
//! be said is remembered so it is not tried at every start.

pub(crate) mod cache;
mod run;
pub(crate) mod worker;

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use cache::Cached;
use run::{Program, find_program, run};

use crate::format::limits::PROSE_CHARS;

/// How long a program may take to say one name.
pub(crate) const SPEAK_TIMEOUT: Duration = Duration::from_secs(10);

/// Says texts into WAV files, cached.
#[derive(Debug)]
pub(crate) struct Speaker {
    cache: Option<PathBuf>,
    /// The program, looked for once, when the first text needs it.
    program: OnceCell<Option<Program>>,
    timeout: Duration,
    /// Set when limberup stops: a program still running is ended at once.
    stop: Arc<AtomicBool>,
}

impl Speaker {
    /// A speaker keeping its files in `cache` (none: nothing is said).
    pub(crate) fn new(cache: Option<PathBuf>) -> Self {
        Self {
            cache,
            program: OnceCell::new(),
            timeout: SPEAK_TIMEOUT,
            stop: Arc::default(),
        }
    }

    /// A speaker that runs `exe` as espeak, with `timeout`: for tests of what uses a speaker.
    #[cfg(test)]
    pub(crate) fn with_program(cache: PathBuf, exe: PathBuf, timeout: Duration) -> Self {
        Self {
            cache: Some(cache),
            program: OnceCell::from(Some(Program::Espeak(exe))),
            timeout,
            stop: Arc::default(),
        }
    }

    /// The flag that ends a program still running, for whoever stops the speaker.
    pub(crate) fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// Removes what an earlier process that was killed left half-written in the cache.
    pub(crate) fn clean_cache(&self) {
        if let Some(folder) = &self.cache {
            cache::remove_leftovers(folder);
        }
    }

    /// The WAV that says `text`: from the cache, else made now (waiting for the program). `None`
    /// when there is no program or cache folder, the program failed now or before (the reason is
    /// logged), or what it made is not a sound of a name's size.
    pub(crate) fn wav(&mut self, text: &str) -> Option<Arc<[u8]>> {
        let text = clean(text);
        if text.is_empty() {
            return None;
        }
        let folder = self.cache.clone()?;
        let program = self.program.get_or_init(find_program).clone()?;
        let path = folder.join(file_name(&program, &text));
        if let Some(bytes) = usable(&path) {
            return Some(bytes);
        }
        if cache::failed_before(&path) {
            return None;
        }
        let made = make(&program, &text, &folder, &path, self.timeout, &self.stop);
        let result = match made {
            Ok(()) => usable(&path),
            // Stopping is not the program's fault: the name is tried again next time.
            Err(SpeechError::Stopped) => return None,
            Err(error) => {
                tracing::warn!(%error, "text-to-speech failed; the name is not said");
                None
            }
        };
        if result.is_none() {
            cache::mark_failed(&path);
        }
        result
    }
}

/// The cached file at `path` when it is a sound of a name's size; anything else there is deleted.
fn usable(path: &Path) -> Option<Arc<[u8]>> {
    let bytes: Arc<[u8]> = match cache::read(path) {
        Cached::Missing => return None,
        Cached::Bytes(bytes) => Arc::from(bytes),
        Cached::Unusable(why) => {
            tracing::warn!(why, path = %path.display(), "a speech cache entry is not used");
            cache::discard(path);
            return None;
        }
    };
    if let Err(problem) = crate::soundfile::check_decodes(Arc::clone(&bytes)) {
        tracing::warn!(?problem, path = %path.display(), "a cached name does not decode");
        cache::discard(path);
        return None;
    }
    Some(bytes)
}

/// The text as the program gets it: no control or invisible characters, and none of the brackets
/// espeak reads as phonemes (`[[...]]`) or markup (each becomes a space), one space between words, at
/// most a caution's length (names are shorter still).
fn clean(text: &str) -> String {
    let visible: String = text
        .chars()
        .map(|c| {
            if crate::text::is_unprintable(c) || matches!(c, '[' | ']' | '<' | '>') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = visible.split_whitespace().collect();
    words.join(" ").chars().take(PROSE_CHARS).collect()
}

/// The cache file for a text said by a program: a hash of both (the program's path too), so another
/// program (another voice) makes its own file, and a name one program could not say is tried again
/// with another.
fn file_name(program: &Program, text: &str) -> String {
    format!(
        "{}.wav",
        crate::text::content_hash(&format!(
            "{}\n{}\n{text}",
            program.name(),
            program.path().display()
        ))
    )
}

/// Why a name could not be said into a file.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SpeechError {
    #[error("cannot use the speech folder: {0}")]
    Folder(std::io::Error),
    #[error("cannot run the speech program: {0}")]
    Run(std::io::Error),
    #[error("the speech program took longer than {0:?}")]
    TimedOut(Duration),
    #[error("the speech program failed ({0})")]
    Failed(std::process::ExitStatus),
    #[error("limberup is stopping")]
    Stopped,
}

/// Runs the program on `text` into a new file of an unguessable name in `folder`, which becomes `path`
/// only once complete (and is removed otherwise).
fn make(
    program: &Program,
    text: &str,
    folder: &Path,
    path: &Path,
    timeout: Duration,
    stop: &Arc<AtomicBool>,
) -> Result<(), SpeechError> {
    let partial = cache::new_partial(folder).map_err(SpeechError::Folder)?;
    run(program, text, partial.path(), timeout, stop)?;
    partial
        .persist(path)
        .map(drop)
        .map_err(|error| SpeechError::Folder(error.error))
}

#[cfg(test)]
mod tests;
