//! The command-line grammar (see `cli.md` in the spec).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "limberup",
    version,
    about = "A terminal coach for runners: warm-ups, stretches, foam rolling and strength work, with a big countdown, audio cues and a post-run pain check.",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Clone, Args, Default)]
pub struct Common {
    /// Play no sound.
    #[arg(long, global = true)]
    pub mute: bool,
    /// Sound volume, 0 to 100.
    #[arg(long, global = true, value_name = "0..100", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub volume: Option<u8>,
    /// Draw no figures of the exercises (the `figures` setting).
    #[arg(long, global = true)]
    pub no_figures: bool,
    /// Read settings from this file instead of <config dir>/limberup/config.toml.
    #[arg(long, global = true, value_name = "FILE", env = "LIMBERUP_CONFIG", value_parser = NonEmptyPath)]
    pub config: Option<PathBuf>,
    /// Keep the history here instead of <data dir>/limberup.
    #[arg(long, global = true, value_name = "DIR", env = "LIMBERUP_DATA_DIR", value_parser = NonEmptyPath)]
    pub data_dir: Option<PathBuf>,
    /// Look for your own routines here instead of <config dir>/limberup/routines.
    #[arg(long, global = true, value_name = "DIR", env = "LIMBERUP_ROUTINES", value_parser = NonEmptyPath)]
    pub routines: Option<PathBuf>,
    /// How problems in files are written: `plain` (path:line:col: error: message, a line each),
    /// `caret` (with the source line, in colour), `json` (a JSON object a line), or `auto` (caret
    /// on a terminal, plain otherwise).
    #[arg(long, global = true, value_enum, value_name = "STYLE", default_value_t)]
    pub report: ReportStyle,
    /// How long, in milliseconds, a pain-check screen waits before a key may answer it (1000).
    /// Hidden: for tests of the real binary, which would otherwise sleep a second a screen.
    #[arg(long, global = true, hide = true, value_name = "MS")]
    pub answer_guard_ms: Option<u64>,
}

/// `--report`: how problems in files are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportStyle {
    /// Caret on a terminal, plain otherwise.
    #[default]
    Auto,
    Plain,
    Caret,
    Json,
}

impl ReportStyle {
    /// The report this asks for, given whether stderr is a terminal.
    pub fn report(self, stderr_is_terminal: bool) -> crate::diag::Report {
        use crate::diag::Report;
        match self {
            Self::Auto => Report::for_terminal(stderr_is_terminal),
            Self::Plain => Report::Plain,
            Self::Caret => Report::Caret,
            Self::Json => Report::Json,
        }
    }
}

impl std::fmt::Display for ReportStyle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Auto => "auto",
            Self::Plain => "plain",
            Self::Caret => "caret",
            Self::Json => "json",
        })
    }
}

impl Common {
    /// What these options say, for the settings layer below the command line.
    pub fn overrides(&self) -> crate::config::Overrides {
        crate::config::Overrides {
            routines: self.routines.clone(),
            config: self.config.clone(),
            data_dir: self.data_dir.clone(),
            mute: self.mute,
            volume: self.volume,
            no_figures: self.no_figures,
            no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the routines found: id, kind, when, total time, name.
    List {
        /// Print JSON for scripts.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print a Markdown table with what each routine is for (the README's table).
        #[arg(long)]
        markdown: bool,
    },
    /// Check routine files and exercise catalogs; every problem as path:line:col: error: message.
    Validate {
        /// Routine files, `exercises.toml` catalogs, or folders of them; without any, your routines
        /// folder, whole.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// The exercise catalog; with an ID, that exercise's figure, instructions, cues and caution.
    Exercises {
        /// An exercise id; without one, list them all.
        id: Option<String>,
        /// Print JSON for scripts: the list, or with an ID the exercise and its figure's points and
        /// props at `--at`.
        #[arg(long, conflicts_with = "size")]
        json: bool,
        /// Size of the figure.
        #[arg(long, value_name = "COLSxROWS", value_parser = parse_size, requires = "id")]
        size: Option<(u16, u16)>,
        /// The moment of the movement to draw: time into the step (12, 1.5 or 1m30s).
        #[arg(long = "at", value_name = "TIME", value_parser = parse_at, requires = "id")]
        at: Option<u64>,
    },
    /// Show a routine's timeline: every segment with its start time, and the total.
    Plan {
        /// A routine id or the path of a .toml file.
        routine: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
        /// The routine at this program level (with the active program's `progress` for it).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
        level: Option<u32>,
    },
    /// Programs over weeks: list them, start one, see where it stands, stop it.
    Program {
        #[command(subcommand)]
        action: ProgramAction,
    },
    /// Record a session done away from the app (it counts for streaks and programs).
    Log {
        /// A routine id or the path of a .toml file.
        routine: String,
        /// When it was done: 2026-11-24, 2026-11-24T18:30 (local) or with an offset; default now.
        #[arg(long, value_name = "DATETIME")]
        date: Option<String>,
        /// How much it hurt during the session, 0 to 10.
        #[arg(long, value_name = "0..10", value_parser = clap::value_parser!(u8).range(0..=10))]
        pain: Option<u8>,
        /// The next-morning answer about that routine's latest session in the program (saved on
        /// it, not as a new session): the back compared with before it.
        #[arg(long, value_name = "ANSWER", value_parser = ["better", "same", "worse"], conflicts_with = "pain")]
        morning: Option<String>,
    },
    /// Play one routine full-screen.
    Run {
        /// A routine id or the path of a .toml file.
        routine: String,
    },
    /// Render the app headless at virtual times: no terminal, no waiting.
    Snapshot(SnapshotArgs),
    /// The post-run pain check: the questions full-screen, or the answers from a file.
    Check {
        /// A TOML file of answers (see the README).
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
        /// Do not save the check to the history.
        #[arg(long)]
        no_save: bool,
        /// Leave the saved profile out: only the answers file counts.
        #[arg(long, requires = "answers")]
        no_profile: bool,
    },
    /// The runner's profile the pain check uses: age, cancer history, bone risk, infection risk,
    /// earlier back problems.
    Profile {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<ProfileAction>,
    },
    /// Past sessions and pain checks; export, import and back up the whole history.
    #[command(args_conflicts_with_subcommands = true)]
    History {
        /// Print JSON for scripts.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV for spreadsheets.
        #[arg(long)]
        csv: bool,
        #[command(subcommand)]
        action: Option<HistoryAction>,
    },
    /// Runs from watch and app files (FIT, GPX, TCX): import them, list them, see the weeks.
    #[command(args_conflicts_with_subcommands = true)]
    Runs {
        #[command(flatten)]
        list: RunsListArgs,
        #[command(subcommand)]
        action: Option<RunsAction>,
    },
    /// Print the JSON Schema of the routine format, for editors.
    Schema {
        /// The schema of an exercises.toml catalog instead.
        #[arg(long, conflicts_with = "program")]
        catalog: bool,
        /// The schema of a program file instead.
        #[arg(long)]
        program: bool,
    },
    /// Print shell completions.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProgramAction {
    /// Every program found: id, name, weeks, sessions a week.
    List {
        /// Print JSON for scripts.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print a Markdown table with what each program is for (the README's table).
        #[arg(long)]
        markdown: bool,
    },
    /// Make a program the active one (replaces any other).
    Start {
        /// A program id.
        id: String,
        /// The local day its week 1 begins (YYYY-MM-DD); default today.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        on: Option<jiff::civil::Date>,
    },
    /// Where the active program stands on a day.
    Status {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
        /// Work it out for this day (YYYY-MM-DD), from the history as it stood at its end.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        today: Option<jiff::civil::Date>,
    },
    /// No active program.
    Stop,
    /// Go on after two red weeks paused the program (48 hours on at the earliest), one level lower.
    Resume {
        /// When (local date and time, as for `log --date`); default now.
        #[arg(long, value_name = "DATETIME")]
        date: Option<String>,
    },
    /// A program's weeks, what each plans and each session's total at a level, without starting it.
    Show {
        /// A program id.
        id: String,
        /// The level the totals are worked out at (default 0).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=100))]
        level: Option<u32>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    /// Sessions, checks, programs and runs as JSON Lines on stdout (`> FILE`).
    Export {
        /// Only what happened on or after this local day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        since: Option<jiff::civil::Date>,
    },
    /// Merge an export from another machine: nothing is overwritten, duplicates are skipped.
    Import {
        /// A file `history export` wrote.
        file: PathBuf,
    },
    /// A consistent copy of the whole history file.
    Backup {
        /// Where to write the copy (must not exist yet).
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum RunsAction {
    /// Import activity files, or folders of them (recursively).
    Import {
        /// Files or folders.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Take every file as this sport (a run the watch called walking).
        #[arg(long, value_name = "SPORT", value_parser = parse_sport)]
        sport: Option<RunSport>,
        /// Read and report, store nothing.
        #[arg(long)]
        dry_run: bool,
        /// One JSON object a line, one per file.
        #[arg(long)]
        json: bool,
    },
    /// The counted runs, oldest first (the default).
    List(RunsListArgs),
    /// One run: every stored field, its duplicates, what a spike was compared with.
    Show {
        /// The run's number (`runs list` shows it).
        id: i64,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Monday weeks: runs, distance, time, longest; and the longest-run line.
    Weeks {
        /// How many weeks, ending with this one.
        #[arg(long, value_name = "N", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=520))]
        weeks: u32,
        /// Take this local day (YYYY-MM-DD) as today.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        today: Option<jiff::civil::Date>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Hide a run (and its copies); importing it again does not bring it back.
    Forget {
        /// The run's number.
        id: i64,
    },
    /// Correct a run's sport.
    Set {
        /// The run's number.
        id: i64,
        /// running, trail, treadmill, track, walking, hiking or another sport's name.
        #[arg(long, value_name = "SPORT", value_parser = parse_sport)]
        sport: RunSport,
    },
    /// Import new files from the folders of `runs_folders` in the settings.
    Sync {
        /// One JSON object a line, one per file.
        #[arg(long)]
        json: bool,
    },
}

/// `runs` and `runs list`'s options.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RunsListArgs {
    /// Only runs on or after this local day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<jiff::civil::Date>,
    /// Hidden runs and duplicates too.
    #[arg(long)]
    pub all: bool,
    /// Print JSON for scripts.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV for spreadsheets.
    #[arg(long)]
    pub csv: bool,
}

/// A sport as `--sport` names it: the sport and the sub-sport it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSport {
    pub sport: String,
    pub sub_sport: Option<String>,
}

/// `trail` is running on trails, `treadmill` running indoors; any other word is a sport's name.
fn parse_sport(text: &str) -> Result<RunSport, String> {
    let word = text.trim().to_ascii_lowercase();
    let valid = !word.is_empty()
        && word.len() <= 40
        && word.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    if !valid {
        return Err(format!(
            "`{}` is not a sport: write running, trail, treadmill, track, walking or another sport's name",
            crate::text::printable(text)
        ));
    }
    let (sport, sub_sport) = match word.as_str() {
        "trail" | "treadmill" | "track" => ("running".to_owned(), Some(word)),
        _ => (word, None),
    };
    Ok(RunSport { sport, sub_sport })
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// Change one answer: `bone-risk yes`, `cancer-history not-sure`, `age 62`, `born 1964`.
    Set {
        /// What to change.
        #[arg(value_enum)]
        key: ProfileKey,
        /// yes, no or not-sure; for age a number of years, for born a year.
        #[arg(value_name = "VALUE")]
        value: String,
    },
    /// Forget the whole profile (the next full-screen check asks it again).
    Clear,
}

/// The profile's answers, as `profile set` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileKey {
    CancerHistory,
    BoneRisk,
    InfectionRisk,
    BackHistory,
    Age,
    Born,
}

/// A path option that may also come from an environment variable. An empty value is refused, naming
/// the variable when that is where it came from (clap alone says "a value is required for
/// '--data-dir <DIR>'" when `LIMBERUP_DATA_DIR=""`).
#[derive(Debug, Clone, Copy)]
struct NonEmptyPath;

impl clap::builder::TypedValueParser for NonEmptyPath {
    type Value = PathBuf;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<PathBuf, clap::Error> {
        if !value.is_empty() {
            return Ok(PathBuf::from(value));
        }
        let empty_variable = arg
            .and_then(clap::Arg::get_env)
            .filter(|name| std::env::var_os(name).is_some_and(|v| v.is_empty()));
        let message = match (empty_variable, arg.and_then(clap::Arg::get_long)) {
            (Some(name), _) => format!(
                "the environment variable {} is empty; unset it or set it to a path\n",
                name.to_string_lossy()
            ),
            (None, Some(long)) => format!("--{long} needs a path, not an empty value\n"),
            (None, None) => "an empty path\n".to_owned(),
        };
        Err(clap::Error::raw(clap::error::ErrorKind::InvalidValue, message).with_cmd(cmd))
    }
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (cols, rows) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not a size: write COLSxROWS, such as 80x24"))?;
    let parse = |part: &str| {
        part.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| format!("`{part}` must be a whole number from 1 to 1000"))
    };
    Ok((parse(cols)?, parse(rows)?))
}

/// `2026-11-24`, a calendar date.
fn parse_day(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse::<jiff::civil::Date>()
        .ok()
        .filter(|date| date.year() >= 1970)
        .ok_or_else(|| format!("`{text}` is not a date: write YYYY-MM-DD, such as 2026-11-24"))
}

fn parse_at(text: &str) -> Result<u64, String> {
    super::snapshot::script::parse_time(text).map_err(|e| e.to_string())
}

/// A parsed `--keys` script; a newtype so clap treats it as one value, not a list of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyScript(pub Vec<(u64, crossterm::event::KeyEvent)>);

fn parse_keys(text: &str) -> Result<KeyScript, String> {
    super::snapshot::script::parse_script(text)
        .map(KeyScript)
        .map_err(|e| e.to_string())
}

/// `limberup snapshot`'s options.
#[derive(Debug, clap::Args)]
pub struct SnapshotArgs {
    /// A routine id or path; without one, the library screen.
    pub routine: Option<String>,
    /// Screen size.
    #[arg(long, value_name = "COLSxROWS", default_value = "80x24", value_parser = parse_size)]
    pub size: (u16, u16),
    /// Print the screen at this virtual time (12, 12.5 or 1m30s); repeatable.
    #[arg(long = "at", value_name = "TIME", value_parser = parse_at)]
    pub at: Vec<u64>,
    /// Key presses at virtual times: KEY@TIME,KEY@TIME (space@5,n@31,enter@60).
    #[arg(long, value_name = "SCRIPT", value_parser = parse_keys, allow_hyphen_values = true)]
    pub keys: Option<KeyScript>,
    /// Answer the pain check at the end of the routine from this file instead of keys.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// The date the app takes as today (YYYY-MM-DD), for the history screen and the check's
    /// history rules; default: the real date. The history is read, never written.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub today: Option<jiff::civil::Date>,
}
