//! Finding the speech program and running it on one text, with a time-out and a stop: the program
//! runs in a process group of its own, and the whole group is killed when it overruns or limberup
//! stops, so neither it nor a child of it outlives the app.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::SpeechError;

/// A text-to-speech program found on this system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Program {
    /// `espeak-ng` or `espeak`: `--stdin -w FILE`.
    Espeak(PathBuf),
    /// macOS `say`: `-f - -o FILE --data-format`.
    Say(PathBuf),
    /// Windows PowerShell and `System.Speech`.
    PowerShell(PathBuf),
}

impl Program {
    pub(super) fn name(&self) -> &'static str {
        match self {
            Self::Espeak(_) => "espeak",
            Self::Say(_) => "say",
            Self::PowerShell(_) => "powershell",
        }
    }

    pub(super) fn path(&self) -> &Path {
        match self {
            Self::Espeak(path) | Self::Say(path) | Self::PowerShell(path) => path,
        }
    }
}

/// The first text-to-speech program in the `PATH`'s absolute folders. An empty or relative entry
/// (`PATH=:/usr/bin` after a careless `export`) would mean the current folder, where an unzipped
/// routine pack could hold an `espeak-ng` of its own; and only an executable regular file counts, so a
/// stray non-executable file of that name does not hide the real program further on.
pub(super) fn find_program() -> Option<Program> {
    find_program_in(&std::env::var_os("PATH")?)
}

/// [`find_program`] in the folders of `path` (a `PATH` value).
pub(super) fn find_program_in(path: &std::ffi::OsStr) -> Option<Program> {
    let on_path = |name: &str| {
        std::env::split_paths(path)
            .filter(|dir| dir.is_absolute())
            .map(|dir| dir.join(name))
            .find(|candidate| is_executable_file(candidate))
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
        tracing::info!(path = %program.path().display(), "text-to-speech program");
    } else {
        tracing::info!("no text-to-speech program: the runner's own names are not said");
    }
    found
}

#[cfg(unix)]
fn is_executable_file(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable_file(path: &Path) -> bool {
    path.is_file()
}

/// How often, and how far apart, a program whose file is busy is started again.
const BUSY_TRIES: u32 = 10;
const BUSY_WAIT: Duration = Duration::from_millis(20);

/// Starts `command`, trying again for a moment while its file is busy ("text file busy"): on Linux
/// a program file is busy while any process holds it open for writing, which a package update
/// does, and so does any fork of this process that happened while another of its threads was
/// writing a file (the copy of the descriptor lives until that child execs). Seen as one test in
/// ten failing when sixteen threads wrote and ran scripts at once.
pub(super) fn spawn_when_not_busy(command: &mut Command) -> std::io::Result<std::process::Child> {
    let mut tries = 1;
    loop {
        match command.spawn() {
            Err(error)
                if error.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < BUSY_TRIES =>
            {
                tries += 1;
                std::thread::sleep(BUSY_WAIT);
            }
            result => return result,
        }
    }
}

/// Runs `program` on `text`, writing into `out`; gives up at `timeout` or as soon as `stop` is set.
pub(super) fn run(
    program: &Program,
    text: &str,
    out: &Path,
    timeout: Duration,
    stop: &Arc<AtomicBool>,
) -> Result<(), SpeechError> {
    let mut command = command(program, out);
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // A group of its own, so a time-out or quitting can end it and every child it started.
        command.process_group(0);
    }
    let mut child = spawn_when_not_busy(&mut command).map_err(SpeechError::Run)?;
    if let Some(mut stdin) = child.stdin.take() {
        // A program that exits without reading its input is judged by its exit status below.
        let _ = stdin.write_all(text.as_bytes());
    }
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().map_err(SpeechError::Run)? {
            end_group(&mut child);
            return if status.success() {
                Ok(())
            } else {
                Err(SpeechError::Failed(status))
            };
        }
        if stop.load(Ordering::Relaxed) {
            end_group(&mut child);
            return Err(SpeechError::Stopped);
        }
        if Instant::now() >= deadline {
            end_group(&mut child);
            return Err(SpeechError::TimedOut(timeout));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn command(program: &Program, out: &Path) -> Command {
    match program {
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
    }
}

/// Kills the program's whole process group (what it started too), then reaps the program.
fn end_group(child: &mut Child) {
    #[cfg(unix)]
    if let Some(group) = i32::try_from(child.id())
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    {
        // The group may be gone already (the program exited and left nothing behind).
        let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}
