//! The runner's own exercise names, said by the system's text-to-speech program: `espeak-ng` (or
//! `espeak`) where installed, `say` on macOS, the Windows speech API through PowerShell. Each text is
//! made into a WAV file once and kept in the cache folder (`speech/` in the data folder), so a routine
//! that starts again speaks at once. Without a program, those names are not said (the tones and the
//! built-in words still are).
//!
//! A name comes from a routine file, so it is untrusted: it is cleaned of control characters, cut to
//! a name's length, and handed to the program on its standard input (never as an argument, where it
//! could pass for an option). The program gets [`SPEAK_TIMEOUT`] and is killed after; a cached file
//! is checked like any sound file before it is used.

use std::cell::OnceCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::format::limits::{MAX_SOUND_BYTES, NAME_CHARS};

/// How long a program may take to say one name.
pub const SPEAK_TIMEOUT: Duration = Duration::from_secs(10);

/// A text-to-speech program found on this system.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Program {
    /// `espeak-ng` or `espeak`: `--stdin -w FILE`.
    Espeak(PathBuf),
    /// macOS `say`: `-f - -o FILE --data-format`.
    Say(PathBuf),
    /// Windows PowerShell and `System.Speech`.
    PowerShell(PathBuf),
}

/// Says texts into WAV files, cached.
#[derive(Debug)]
pub struct Speaker {
    cache: Option<PathBuf>,
    /// The program, looked for once, when the first text needs it.
    program: OnceCell<Option<Program>>,
    timeout: Duration,
}

impl Speaker {
    /// A speaker keeping its files in `cache` (none: nothing is said).
    pub fn new(cache: Option<PathBuf>) -> Self {
        Self {
            cache,
            program: OnceCell::new(),
            timeout: SPEAK_TIMEOUT,
        }
    }

    /// The WAV that says `text`: from the cache, else made now (waiting for the program). `None`
    /// when there is no program or cache folder, or the program failed (the reason is logged).
    pub fn wav(&mut self, text: &str) -> Option<Arc<[u8]>> {
        let text = clean(text);
        if text.is_empty() {
            return None;
        }
        let folder = self.cache.clone()?;
        let program = self.program.get_or_init(find_program).clone()?;
        let path = folder.join(file_name(&program, &text));
        if let Some(bytes) = read_checked(&path) {
            return Some(bytes);
        }
        if let Err(error) = make(&program, &text, &path, self.timeout) {
            tracing::warn!(%error, "text-to-speech failed; the name is not said");
            return None;
        }
        read_checked(&path)
    }
}

/// The text as the program gets it: no control or invisible characters (each becomes a space), one
/// space between words, at most a name's length.
fn clean(text: &str) -> String {
    let visible: String = text
        .chars()
        .map(|c| {
            if crate::text::is_unprintable(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = visible.split_whitespace().collect();
    words.join(" ").chars().take(NAME_CHARS).collect()
}

/// The cache file for a text said by a program: a hash of both, so another program (another voice)
/// makes its own file.
fn file_name(program: &Program, text: &str) -> String {
    format!(
        "{}.wav",
        crate::text::content_hash(&format!("{}\n{text}", program.name()))
    )
}

impl Program {
    fn name(&self) -> &'static str {
        match self {
            Self::Espeak(_) => "espeak",
            Self::Say(_) => "say",
            Self::PowerShell(_) => "powershell",
        }
    }
}

/// A cached file, when it is there, not too big, and decodes.
fn read_checked(path: &Path) -> Option<Arc<[u8]>> {
    let size = std::fs::metadata(path).ok()?.len();
    if size > MAX_SOUND_BYTES {
        return None;
    }
    let bytes: Arc<[u8]> = Arc::from(std::fs::read(path).ok()?);
    crate::soundfile::check_decodes(Arc::clone(&bytes))
        .map_err(|problem| tracing::warn!(?problem, path = %path.display(), "a cached name does not decode"))
        .ok()?;
    Some(bytes)
}

/// The first text-to-speech program on the `PATH`.
fn find_program() -> Option<Program> {
    let path = std::env::var_os("PATH")?;
    let on_path = |name: &str| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    };
    let found = on_path("espeak-ng")
        .or_else(|| on_path("espeak"))
        .map(Program::Espeak)
        .or_else(|| {
            cfg!(target_os = "macos")
                .then(|| on_path("say"))
                .flatten()
                .map(Program::Say)
        })
        .or_else(|| {
            cfg!(windows)
                .then(|| on_path("powershell.exe"))
                .flatten()
                .map(Program::PowerShell)
        });
    if let Some(program) = &found {
        tracing::info!(?program, "text-to-speech program");
    } else {
        tracing::info!("no text-to-speech program: the runner's own names are not said");
    }
    found
}

/// Why a name could not be said into a file.
#[derive(Debug, thiserror::Error)]
enum SpeechError {
    #[error("cannot use the speech folder: {0}")]
    Folder(std::io::Error),
    #[error("cannot run the speech program: {0}")]
    Run(std::io::Error),
    #[error("the speech program took longer than {0:?}")]
    TimedOut(Duration),
    #[error("the speech program failed ({0})")]
    Failed(std::process::ExitStatus),
}

/// Runs the program on `text`, writing a temporary file that becomes `path` only once complete.
fn make(program: &Program, text: &str, path: &Path, timeout: Duration) -> Result<(), SpeechError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(SpeechError::Folder)?;
    }
    let partial = path.with_extension(format!("{}.part", std::process::id()));
    let result = run(program, text, &partial, timeout)
        .and_then(|()| std::fs::rename(&partial, path).map_err(SpeechError::Folder));
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn run(program: &Program, text: &str, out: &Path, timeout: Duration) -> Result<(), SpeechError> {
    let mut command = match program {
        Program::Espeak(exe) => {
            let mut command = Command::new(exe);
            command
                .args(["-v", "en-us", "-s", "165", "--stdin", "-w"])
                .arg(out);
            command
        }
        Program::Say(exe) => {
            let mut command = Command::new(exe);
            command
                .args(["--data-format=LEI16@22050", "-f", "-", "-o"])
                .arg(out);
            command
        }
        Program::PowerShell(exe) => {
            let target = out.display().to_string().replace('\'', "''");
            let script = format!(
                "Add-Type -AssemblyName System.Speech; \
                 $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; \
                 $s.SetOutputToWaveFile('{target}'); \
                 $s.Speak([Console]::In.ReadToEnd()); $s.Dispose()"
            );
            let mut command = Command::new(exe);
            command.args(["-NoProfile", "-NonInteractive", "-Command", &script]);
            command
        }
    };
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(SpeechError::Run)?;
    if let Some(mut stdin) = child.stdin.take() {
        // A program that exits without reading its input is judged by its exit status below.
        let _ = stdin.write_all(text.as_bytes());
    }
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().map_err(SpeechError::Run)? {
            return if status.success() {
                Ok(())
            } else {
                Err(SpeechError::Failed(status))
            };
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(SpeechError::TimedOut(timeout));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(test)]
mod tests;
