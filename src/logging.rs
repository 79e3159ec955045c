//! Logs go to a file in the data folder, never to the terminal the app is drawing on.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use tracing_subscriber::EnvFilter;

pub(crate) const LOG_FILE: &str = "limberup.log";

/// Starts logging to `<data dir>/limberup.log` (level from `LIMBERUP_LOG`, default `info`). Without a
/// writable data folder the app runs unlogged rather than not at all; a log path that is not a
/// regular file (a FIFO would block the start until something reads it) is refused with a warning
/// on stderr, before the screen starts.
pub(crate) fn init(data_dir: Option<&Path>) -> Option<PathBuf> {
    let dir = data_dir?;
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(LOG_FILE);
    let file = match open_log(&path) {
        Ok(file) => file,
        Err(reason) => {
            eprintln!(
                "limberup: warning: the log file {} {reason}; running without a log",
                crate::text::printable_path(&path)
            );
            return None;
        }
    };
    let filter = EnvFilter::try_from_env("LIMBERUP_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(path)
}

/// Why the log file cannot be used; reads as the rest of "the log file PATH …".
#[derive(Debug, thiserror::Error)]
enum LogFileError {
    #[error("is not a regular file (a FIFO, device or socket)")]
    NotRegular,
    #[error("cannot be opened: {}", crate::text::io_reason(.0))]
    Open(std::io::Error),
}

/// Opens the log for appending without blocking (on a FIFO, a plain open waits for a reader), and
/// only if it is a regular file.
fn open_log(path: &Path) -> Result<std::fs::File, LogFileError> {
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // No reader on a FIFO is then an error at once, and a FIFO with one is refused below.
        let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
        options.custom_flags(i32::try_from(flags.bits()).unwrap_or(0));
    }
    let file = options.open(path).map_err(|error| {
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
            LogFileError::NotRegular
        } else {
            LogFileError::Open(error)
        }
    })?;
    if file.metadata().map_err(LogFileError::Open)?.is_file() {
        Ok(file)
    } else {
        Err(LogFileError::NotRegular)
    }
}

/// The terminal's stderr while [`StderrToLog`] sends fd 2 to the log. Process-wide like fd 2 itself,
/// so the panic hook can put it back before printing.
#[cfg(unix)]
static SAVED_STDERR: Mutex<Option<std::os::fd::OwnedFd>> = Mutex::new(None);

/// While alive, the process's stderr (file descriptor 2) goes to the log file, so nothing a library
/// prints (ALSA's own error handler, a sound server client) lands on the full-screen app. Dropping it
/// puts stderr back. Without a log file, stderr goes nowhere meanwhile.
pub(crate) struct StderrToLog(());

impl StderrToLog {
    #[cfg(unix)]
    pub(crate) fn start(log: Option<&Path>) -> Self {
        use std::os::fd::AsFd;
        let target = match log {
            Some(path) => OpenOptions::new().append(true).open(path),
            None => OpenOptions::new().write(true).open("/dev/null"),
        };
        let Ok(saved) = rustix::io::dup(std::io::stderr().as_fd()) else {
            return Self(());
        };
        let redirected = target
            .ok()
            .and_then(|file| rustix::stdio::dup2_stderr(&file).ok());
        if redirected.is_some() {
            *SAVED_STDERR.lock().unwrap_or_else(PoisonError::into_inner) = Some(saved);
        } else {
            tracing::warn!("cannot send stderr to the log");
        }
        Self(())
    }

    #[cfg(not(unix))]
    pub fn start(_log: Option<&Path>) -> Self {
        Self(())
    }
}

impl Drop for StderrToLog {
    fn drop(&mut self) {
        restore_stderr();
    }
}

/// Puts the terminal's stderr back (after [`StderrToLog::start`]); safe to call at any time.
pub(crate) fn restore_stderr() {
    #[cfg(unix)]
    if let Some(saved) = SAVED_STDERR
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
    {
        let _ = rustix::stdio::dup2_stderr(&saved);
    }
}
