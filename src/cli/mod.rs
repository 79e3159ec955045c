//! The command line: parse, dispatch, and turn every failure into one report and an exit code.

mod args;
mod check;
mod exercise_json;
mod exercises;
mod history;
mod history_move;
mod list;
mod log;
mod plan;
mod profile;
mod program;
mod program_show;
mod run;
mod runs;
pub mod snapshot;
mod validate;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

pub use args::{Cli, Command, Common};

use crate::calendar::{Calendar, UtcTime};
use crate::config::{Dirs, Settings};
use crate::diag::{FileError, Report};
use crate::routine::Library;
use crate::triage::answers::DateContext;

/// Exit code for invalid input or a runtime failure.
pub const EXIT_INVALID: u8 = 1;
/// Exit code for command-line misuse (clap uses it too).
pub const EXIT_USAGE: u8 = 2;

/// What a command ends with: success, or a failure already reported to the user.
pub type Outcome = Result<(), Failure>;

/// A failure, reported once at the edge.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Problems in a user's file; already printed.
    #[error("invalid input")]
    Reported,
    /// The reader went away (`limberup list | head`): not an error worth a word.
    #[error("output closed")]
    OutputClosed,
    /// A termination signal ended the full-screen app (after it saved what was running); the exit
    /// code is 128 + the signal's number, as a shell expects.
    #[error("ended by signal {0}")]
    Signal(i32),
    #[error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    History(#[from] crate::history::HistoryError),
    #[error("cannot write the output: {}", crate::text::io_reason(.0))]
    Output(std::io::Error),
    #[error("cannot write the JSON: {0}")]
    Json(serde_json::Error),
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("the terminal failed: {}", crate::text::io_reason(.0))]
    Terminal(std::io::Error),
    #[error(
        "the full-screen app needs a terminal; for scripts use `limberup list`, `plan`, `snapshot` or `check --answers`"
    )]
    NeedsTerminal,
    #[error("--json needs --answers FILE: the questions on screen have no JSON to print")]
    JsonNeedsAnswers,
    #[error("there is no data folder; use --data-dir")]
    NoDataFolder,
    #[error(transparent)]
    Standing(#[from] crate::history::StandingError),
    #[error("`{0}` is not a date: write 2026-11-24, 2026-11-24T18:30 or 2026-11-24T18:30:00+01:00")]
    NotADate(String),
    #[error("--date {0} is more than a day in the future: check the year and month")]
    FutureDate(String),
    /// `log --morning` with nothing to answer about.
    #[error("{0}")]
    NoMorningSession(String),
    /// `program resume` when the program is not paused by two red weeks, or too soon.
    #[error("{0}")]
    CannotResume(String),
    /// `plan --level` above what the active program can ever reach.
    #[error("{0}")]
    LevelOutOfReach(String),
    /// A request that cannot be carried out as asked, with why and what to do instead.
    #[error("{0}")]
    Refused(String),
    #[error("there is no run #{0}; `limberup runs --all` lists them")]
    NoSuchRun(i64),
    #[error("no exercise called `{id}`{hint}; `limberup exercises` lists them all")]
    UnknownExercise { id: String, hint: String },
    /// Command-line misuse found after parsing (a value that depends on another argument).
    #[error("{0}")]
    Misuse(String),
    /// Shown (the result, the summary), then not saved or not read: each reason on a line.
    #[error("{}", .0.join("\n  "))]
    Unsaved(Vec<String>),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version are successes; everything else is misuse.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // How problems are written is chosen here, once, for every command.
    let style = cli.common.report.report(std::io::stderr().is_terminal());
    match run(cli, style) {
        Ok(()) | Err(Failure::OutputClosed) => ExitCode::SUCCESS,
        Err(Failure::Signal(signal)) => {
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(EXIT_INVALID))
        }
        Err(failure @ Failure::Misuse(_)) => {
            report(&failure, style);
            ExitCode::from(EXIT_USAGE)
        }
        Err(failure) => {
            report(&failure, style);
            ExitCode::from(EXIT_INVALID)
        }
    }
}

fn run(cli: Cli, style: Report) -> Outcome {
    let dirs = Dirs::resolve(&cli.common.overrides());
    // A settings file asked for by name must be there, whatever the command does with it.
    if cli
        .common
        .config
        .as_deref()
        .is_some_and(|path| !path.exists())
    {
        settings(&dirs, &cli.common)?;
    }
    let guard = cli
        .common
        .answer_guard_ms
        .unwrap_or(crate::app::check::READ_TIME_MS);
    match cli.command {
        None => run::run(
            library(&dirs)?,
            None,
            &dirs,
            &settings(&dirs, &cli.common)?,
            guard,
        ),
        Some(Command::Run { routine }) => {
            let library = library(&dirs)?;
            let routine = library.resolve(&routine)?;
            run::run(
                library,
                Some(routine),
                &dirs,
                &settings(&dirs, &cli.common)?,
                guard,
            )
        }
        Some(Command::Check {
            answers: None,
            json: false,
            no_save,
            ..
        }) => run::check(
            library(&dirs)?,
            &dirs,
            &settings(&dirs, &cli.common)?,
            !no_save,
            guard,
        ),
        // Not locked for the whole run: the signal thread must be able to write the terminal's
        // reset sequences while a full-screen app is running.
        Some(command) => print(command, &dirs, &cli.common, style, &mut std::io::stdout()),
    }
}

/// The commands that print and leave.
fn print(
    command: Command,
    dirs: &Dirs,
    common: &Common,
    style: Report,
    out: &mut impl Write,
) -> Outcome {
    match command {
        Command::Snapshot(args) => snapshot_command(dirs, common, args, out),
        Command::List { json, markdown } => {
            let library = library(dirs)?;
            let listed = if markdown {
                list::markdown(&library, out)
            } else {
                list::run(&library, json, out)
            };
            // Broken files in the runner's folder are left out, not fatal, and said after the list.
            list::warn_about_problems(&library, style);
            listed
        }
        Command::Validate { paths } => validate::run(
            &library(dirs)?,
            &paths,
            dirs.routines_dir.as_deref(),
            style,
            out,
        ),
        Command::Exercises { id, json, size, at } => {
            let library = library(dirs)?;
            let shown = exercises::run(&library, id.as_deref(), json, size, at, out);
            list::warn_about_problems(&library, style);
            shown
        }
        Command::Plan {
            routine,
            json,
            level,
        } => plan_command(dirs, &routine, json, level, out),
        Command::Program { action } => program::run(action, &library(dirs)?, dirs, out),
        Command::Log {
            routine,
            date,
            pain,
            morning,
        } => log::log(
            &library(dirs)?,
            dirs,
            &log::LogRequest {
                routine: &routine,
                date: date.as_deref(),
                pain,
                morning: morning.as_deref(),
            },
            out,
        ),
        Command::Check {
            answers: Some(path),
            json,
            no_save,
            no_profile,
        } => check::run(
            &library(dirs)?,
            dirs,
            &path,
            check::Options {
                json,
                save: !no_save,
                use_profile: !no_profile,
            },
            out,
        ),
        Command::Profile { json, action } => profile::run(dirs, json, action, out),
        Command::Check { answers: None, .. } => Err(Failure::JsonNeedsAnswers),
        Command::History {
            json,
            csv,
            action: None,
        } => history::run(dirs, json, csv, out),
        Command::History {
            action: Some(action),
            ..
        } => history_move::run(action, dirs, out),
        Command::Runs { list, action } => {
            runs::run(action, &list, dirs, || settings(dirs, common), out)
        }
        Command::Schema { catalog, program } => {
            let text = if program {
                crate::schema::program_schema_text()
            } else if catalog {
                crate::schema::catalog_schema_text()
            } else {
                crate::schema::routine_schema_text(&library(dirs)?.catalog)
            };
            writeln!(out, "{text}").map_err(io_failure)
        }
        Command::Completions { shell } => {
            // clap_complete panics when a write fails (`| true`, a full disk), so it writes to
            // memory and the write that can fail is ours.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "limberup", &mut script);
            out.write_all(&script)
                .and_then(|()| out.flush())
                .map_err(io_failure)
        }
        Command::Run { .. } => unreachable_full_screen(),
    }
}

/// `run` is dispatched to the full-screen app before [`print`]; reaching here would be a slip in
/// the dispatch, reported rather than panicking.
fn unreachable_full_screen() -> Outcome {
    Err(Failure::NeedsTerminal)
}

/// `limberup plan ROUTINE [--json] [--level N]`.
fn plan_command(
    dirs: &Dirs,
    routine: &str,
    json: bool,
    level: Option<u32>,
    out: &mut impl Write,
) -> Outcome {
    let library = library(dirs)?;
    let mut routine = library.resolve(routine)?;
    if let Some(level) = level {
        routine = at_level(&library, dirs, &routine, level)?;
    }
    plan::run(&routine, json, out)
}

/// `limberup snapshot`: the app headless, with the history read (never written).
fn snapshot_command(
    dirs: &Dirs,
    common: &Common,
    args: args::SnapshotArgs,
    out: &mut impl Write,
) -> Outcome {
    let library = library(dirs)?;
    let routine = args.routine.map(|r| library.resolve(&r)).transpose()?;
    let calendar = Calendar::system();
    // `--today` is local midnight of that date; the app's clock runs on from there.
    let origin = args
        .today
        .and_then(|date| calendar.midnight(date))
        .unwrap_or_else(UtcTime::now);
    let when = DateContext {
        now: origin,
        calendar: calendar.clone(),
    };
    let answers = args
        .answers
        .map(|path| check::read_answers(&path, &when))
        .transpose()?;
    let opening = program::opening(&library, dirs, &calendar, calendar.day(origin));
    let request = crate::runtime::headless::SnapshotRequest {
        width: args.size.0,
        height: args.size.1,
        at: args.at,
        keys: args.keys.map(|k| k.0).unwrap_or_default(),
        answers,
        history: run::read_history(dirs, origin, &calendar),
        // The theme from the settings (`auto` is dark: no terminal is asked) and never `NO_COLOR`
        // from the environment, so the same command prints the same screen anywhere.
        settings: Settings {
            no_color: false,
            ..settings(dirs, common)?
        },
        program: opening.standing,
        morning: opening.morning,
        run_morning: opening.run_morning,
    };
    snapshot::run(library, routine, &request, out)
}

/// A routine at a program level, growing by the active program's `progress` for it (by nothing
/// when no program is active or it is not one of its sessions). A level the active program can
/// never reach is refused.
fn at_level(
    library: &Library,
    dirs: &Dirs,
    routine: &crate::routine::Routine,
    level: u32,
) -> Result<crate::routine::Routine, Failure> {
    let calendar = Calendar::system();
    let active = dirs
        .data_dir
        .as_deref()
        .map(|dir| crate::history::Store::open_read_only(dir, &calendar))
        .transpose()?
        .flatten()
        .map(|store| store.active_program())
        .transpose()?
        .flatten();
    let programs = match active {
        Some(_) => program::load_programs(library, dirs)?,
        None => crate::program::Programs::default(),
    };
    let active_program = active.and_then(|active| programs.find(&active.id).ok());
    if let Some(found) = active_program {
        program_show::reachable(found, level)?;
    }
    let progress = active_program
        .map(|p| p.progress_of(&routine.id))
        .unwrap_or_default();
    Ok(crate::program::progress::progressed(
        routine, progress, level,
    ))
}

/// Opens the history in `dir` to write. A row an older file's migration could not convert is named
/// here on stderr, once (the migration that set it aside runs once); it never stops the opening.
pub(crate) fn open_history_to_write(
    dir: &std::path::Path,
    calendar: &Calendar,
) -> Result<crate::history::Store, crate::history::HistoryError> {
    // A file of many bad rows is named by its first few, then counted: stderr is for a person.
    const NAMED: usize = 10;
    let mut store = crate::history::Store::open(dir, calendar)?;
    let set_aside = store.take_set_aside();
    let mut err = std::io::stderr().lock();
    for row in set_aside.iter().take(NAMED) {
        let _ = writeln!(err, "limberup: warning: {}", crate::text::printable(row));
    }
    if set_aside.len() > NAMED {
        let _ = writeln!(
            err,
            "limberup: warning: and {} more rows, each kept in the table `quarantine` with why",
            set_aside.len() - NAMED
        );
    }
    Ok(store)
}

fn settings(dirs: &Dirs, common: &Common) -> Result<Settings, Failure> {
    Ok(Settings::load(dirs, &common.overrides())?)
}

fn library(dirs: &Dirs) -> Result<Library, Failure> {
    Ok(Library::load(dirs.routines_dir.as_deref())?)
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "called as map_err(io_failure)"
)]
pub(crate) fn io_failure(error: std::io::Error) -> Failure {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return Failure::OutputClosed;
    }
    Failure::Output(error)
}

pub(crate) fn json_failure(error: serde_json::Error) -> Failure {
    match error.io_error_kind() {
        Some(kind) => io_failure(kind.into()),
        None => Failure::Json(error),
    }
}

/// Prints a failure to stderr, a file's problems in the run's `style`.
fn report(failure: &Failure, style: Report) {
    let mut err = std::io::stderr().lock();
    let _ = match failure {
        Failure::Reported | Failure::OutputClosed | Failure::Signal(_) => Ok(()),
        Failure::File(FileError::Invalid { problems, sources }) => {
            err.write_all(style.problems(problems, sources).as_bytes())
        }
        other => writeln!(err, "{}", style.message(&other.to_string())),
    };
}
