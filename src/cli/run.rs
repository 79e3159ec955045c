//! `limberup`, `limberup run` and `limberup check`: the full-screen app on the real terminal.

use std::io::{IsTerminal, Write};

use super::{Failure, Outcome};
use crate::app::records::{HistorySink, Loaded, NoHistory, Record};
use crate::app::{App, HistoryView};
use crate::audio::{CueSink, Cued};
use crate::calendar::Calendar;
use crate::config::{Dirs, Settings, ThemeSetting};
use crate::engine::{AppClock, Millis, MonotonicClock};
use crate::history::{HistoryError, Store, UtcTime};
use crate::routine::{Library, Routine};
use crate::runtime::{self as event_loop, Outputs};
use crate::terminal::{TerminalGuard, TerminalInput};

/// Plays `routine` (or opens the library when `None`) until the user quits; pain-check screens
/// wait `answer_guard` ms before a key may answer them.
pub(super) fn run(
    library: Library,
    routine: Option<Routine>,
    dirs: &Dirs,
    settings: &Settings,
    answer_guard: Millis,
) -> Outcome {
    let clock = MonotonicClock::start();
    let calendar = Calendar::system();
    let today = calendar.day(UtcTime::now());
    let opening = super::program::opening(&library, dirs, &calendar, today);
    let app = match routine {
        Some(routine) => App::run_routine(library, routine, settings, clock.now()),
        None => App::with_library(library, settings),
    }
    .with_program(opening.standing)
    .with_morning_question(opening.morning)
    .with_run_morning_question(opening.run_morning)
    .with_answer_guard(answer_guard);
    full_screen(app, clock, dirs, settings, true)
}

/// The pain check's questions full-screen (`limberup check` without `--answers`).
pub(super) fn check(
    library: Library,
    dirs: &Dirs,
    settings: &Settings,
    save: bool,
    answer_guard: Millis,
) -> Outcome {
    full_screen(
        App::pain_check(library, settings).with_answer_guard(answer_guard),
        MonotonicClock::start(),
        dirs,
        settings,
        save,
    )
}

fn full_screen(
    mut app: App,
    clock: MonotonicClock,
    dirs: &Dirs,
    settings: &Settings,
    save: bool,
) -> Outcome {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::NeedsTerminal);
    }
    let log = crate::logging::init(dirs.data_dir.as_deref());
    tracing::info!(log = ?log, "starting");
    // The wall-clock time at the clock's zero dates what the app records. The history is opened
    // while stderr is still the terminal, so a row a migration set aside is told where the runner
    // sees it (once the app's screen is gone).
    let origin =
        UtcTime(UtcTime::now().0 - i64::try_from(clock.now().whole_seconds()).unwrap_or(0));
    let (history, mut store) = open_history(dirs, save, origin);
    // New files in the runs folders are imported on a thread of their own, after the history is
    // opened (and brought up to date) here: the first screen never waits for them.
    if save {
        super::runs::sync_in_background(dirs.data_dir.as_deref(), &settings.runs_folders);
    }
    // From here until the terminal is restored, whatever a library writes to stderr (ALSA, the
    // sound server client) goes to the log instead of over the screen.
    let stderr = crate::logging::StderrToLog::start(log.as_deref());
    let mut cues = Cues::start(settings, dirs.data_dir.as_deref());
    app.set_history(history);
    let mut no_history = NoHistory;
    let mut input = TerminalInput::new(clock);
    let mut guard = TerminalGuard::enter().map_err(Failure::Terminal)?;
    // Asked once, in raw mode and before the event loop reads the terminal; a short wait, as a
    // terminal that answers does so at once.
    let reported = (settings.theme == ThemeSetting::Auto && !settings.no_color)
        .then(|| crate::terminal::background::query(std::time::Duration::from_millis(200)))
        .flatten();
    app.set_look(settings.look(reported));
    let result = event_loop::run(
        &mut guard.terminal,
        &mut app,
        &mut input,
        &mut Outputs {
            cues: &mut cues,
            history: if save { &mut store } else { &mut no_history },
        },
        &mut |_, _| {},
    );
    // Sound stops before the terminal comes back; then stderr is the terminal's again.
    cues.stop();
    drop(guard);
    drop(stderr);
    if let Some(signal) = input.terminated_by() {
        tracing::info!(signal, "ended by a signal");
        return Err(Failure::Signal(signal));
    }
    result.map_err(Failure::Terminal)?;
    let not_saved = app
        .history()
        .unsaved()
        .map(|problem| Failure::Unsaved(vec![format!("not saved to the history: {problem}")]));
    let printed = app.player().map_or(Ok(()), say_how_it_ended);
    not_saved.map_or(printed, Err)
}

/// One connection, opened (or created) once: read for the history screen and the history rules,
/// then written as sessions and checks happen. A history that cannot be written (a read-only
/// folder, another program's file) is still read where it can be, and the sink says why it cannot
/// save.
fn open_history(dirs: &Dirs, save: bool, origin: UtcTime) -> (HistoryView, StoreSink) {
    let calendar = Calendar::system();
    let writable = match dirs.data_dir.as_deref() {
        Some(dir) if save => Some(super::open_history_to_write(dir, &calendar)),
        _ => None,
    };
    let (view, store) = match writable {
        Some(Ok(store)) => (history_view(origin, &calendar, Ok(Some(&store))), Ok(store)),
        other => (
            read_history(dirs, origin, &calendar),
            Err(match other {
                Some(Err(error)) => error.to_string(),
                _ => "there is no data folder to save the history in; use --data-dir".to_owned(),
            }),
        ),
    };
    let sink = StoreSink {
        store,
        data_dir: dirs.data_dir.clone(),
        reader: None,
        calendar,
        seen: None,
    };
    (view, sink)
}

/// "Finished Upper-back stretch: 8:12 active." once the terminal is back.
fn say_how_it_ended(player: &crate::app::PlayerScreen) -> Outcome {
    let record = player.session.record();
    let verb = if crate::engine::Summary::of(record, player.session.plan()).finished {
        "Finished"
    } else {
        "Stopped"
    };
    // `println!` would panic on a terminal that went away; this is a clean error instead.
    let mut out = std::io::stdout();
    writeln!(
        out,
        "{verb} {}: {} active.",
        crate::text::printable(&player.routine.name),
        crate::duration::format_clock(record.active_ms())
    )
    .and_then(|()| out.flush())
    .map_err(super::io_failure)
}

/// The saved sessions and checks, read if there is a history, never created or written (`snapshot`,
/// `check --no-save`, a history that cannot be written).
pub(super) fn read_history(dirs: &Dirs, origin: UtcTime, calendar: &Calendar) -> HistoryView {
    let store = dirs
        .data_dir
        .as_deref()
        .map_or(Ok(None), |dir| Store::open_read_only(dir, calendar));
    history_view(origin, calendar, store.as_ref().map(Option::as_ref))
}

/// The saved sessions and checks, for the history screen and the check's history rules. A history
/// that cannot be read leaves the app usable, with the reason shown.
fn history_view(
    origin: UtcTime,
    calendar: &Calendar,
    store: Result<Option<&Store>, &HistoryError>,
) -> HistoryView {
    let mut view = HistoryView::starting_at(origin, calendar.clone());
    let loaded = match store {
        Ok(Some(store)) => {
            // A profile that cannot be read is asked again; the checks still count.
            view.set_profile(store.profile().unwrap_or_else(|error| {
                tracing::error!(%error, "cannot read the profile");
                crate::triage::profile::Profile::default()
            }));
            store
                .sessions()
                .and_then(|sessions| Ok((sessions, store.checks()?, store.runs()?)))
                .map_err(|e| e.to_string())
        }
        Ok(None) => return view,
        Err(error) => Err(error.to_string()),
    };
    match loaded {
        Ok((sessions, checks, runs)) => {
            view.set_sessions(sessions);
            view.set_checks(checks);
            view.set_runs(runs);
        }
        Err(error) => {
            tracing::error!(%error, "cannot read the history");
            view.set_unreadable(error);
        }
    }
    view
}

/// Writes each record to the history as it happens, one transaction each, so a crash or a signal
/// later loses nothing already shown as done. Holds why not, when the history could not be opened.
/// Reads it again when the app asks and another limberup wrote to it since (the store's
/// `data_version`).
struct StoreSink {
    store: Result<Store, String>,
    /// The history opened read-only, when it could not be opened to write: kept, so its
    /// `data_version` tells when another limberup wrote.
    reader: Option<Store>,
    data_dir: Option<std::path::PathBuf>,
    calendar: Calendar,
    /// The store's `data_version` when last read.
    seen: Option<i64>,
}

impl StoreSink {
    /// The store to read: the one written to, or else the history opened read-only (`None` while
    /// there is none).
    fn readable(&mut self) -> Option<Result<&Store, HistoryError>> {
        if let Ok(store) = &self.store {
            return Some(Ok(store));
        }
        if self.reader.is_none() {
            match Store::open_read_only(self.data_dir.as_deref()?, &self.calendar) {
                Ok(reader) => self.reader = reader,
                Err(error) => return Some(Err(error)),
            }
        }
        self.reader.as_ref().map(Ok)
    }
}

impl HistorySink for StoreSink {
    fn save(&mut self, record: &Record) -> Result<(), HistoryError> {
        let store = self
            .store
            .as_mut()
            .map_err(|reason| HistoryError::Unavailable(reason.clone()))?;
        match record {
            Record::Session(row) => store.save_session(row),
            Record::Check(check) => store.save_check(check),
            Record::Morning { session_id, answer } => {
                store.set_morning(*session_id, *answer).map(|()| 0)
            }
            Record::RunMorning { run_id, answer } => {
                store.set_run_morning(*run_id, *answer).map(|_| 0)
            }
            Record::Profile(profile) => store.save_profile(profile).map(|()| 0),
        }
        .map(|_| ())
    }

    fn reload(&mut self) -> Option<Result<Loaded, HistoryError>> {
        if let Some(reader) = &mut self.reader {
            // Opened while nobody wrote, the reader cannot see a later writer until opened again.
            match reader.follow_writers() {
                // A new connection: its data_version says nothing about the old one's.
                Ok(true) => self.seen = None,
                Ok(false) => {}
                Err(error) => return Some(Err(error)),
            }
        }
        let seen = self.seen;
        let store = match self.readable()? {
            Ok(store) => store,
            Err(error) => return Some(Err(error)),
        };
        let version = match store.data_version() {
            Ok(version) => version,
            Err(error) => return Some(Err(error)),
        };
        if seen == Some(version) {
            return None;
        }
        let read = read_all(store);
        self.seen = Some(version);
        Some(read)
    }
}

fn read_all(store: &Store) -> Result<Loaded, HistoryError> {
    Ok((store.sessions()?, store.checks()?, store.runs()?))
}

/// The device's sound, plus the terminal bell while sound does not work (when the settings ask).
struct Cues {
    sound: Box<dyn CueSink>,
    bell: bool,
}

impl Cues {
    /// Names no built-in clip says are kept, once said, in `speech/` in the data folder.
    fn start(settings: &Settings, data_dir: Option<&std::path::Path>) -> Self {
        let volume = f32::from(settings.volume) / 100.0;
        let speech_cache = data_dir.map(|dir| dir.join(crate::audio::SPEECH_FOLDER));
        Self {
            sound: crate::audio::device(volume, settings.muted, speech_cache),
            bell: settings.bell,
        }
    }

    /// Stops any sound and closes the output.
    fn stop(self) {
        drop(self.sound);
    }
}

impl CueSink for Cues {
    fn play(&mut self, cued: &Cued, muted: bool) {
        self.sound.play(cued, muted);
        if self.bell && !muted && !cued.sounds.is_empty() && self.problem().is_some() {
            use std::io::Write;
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
        }
    }

    fn expect(&mut self, next: Option<std::time::Duration>) {
        self.sound.expect(next);
    }

    fn ahead(&mut self, next: Option<crate::audio::Ahead>) {
        self.sound.ahead(next);
    }

    fn prepare(&mut self, sounds: Vec<crate::audio::Sound>) {
        self.sound.prepare(sounds);
    }

    fn problem(&self) -> Option<String> {
        self.sound.problem()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::rows::fixtures::session;

    fn dirs(data_dir: &std::path::Path) -> Dirs {
        Dirs {
            routines_dir: None,
            config_file: None,
            data_dir: Some(data_dir.to_path_buf()),
        }
    }

    fn write_a_session_elsewhere(data_dir: &std::path::Path) {
        let mut other = Store::open(data_dir, &Calendar::utc()).expect("opens");
        other.save_session(&session("easy-walk")).expect("saved");
    }

    fn sessions_read_again(sink: &mut StoreSink) -> Option<usize> {
        match sink.reload()? {
            Ok((sessions, _, _)) => Some(sessions.len()),
            Err(error) => panic!("{error}"),
        }
    }

    /// Read the first time, then not again until another limberup writes.
    fn read_again_only_after_another_write(sink: &mut StoreSink, data_dir: &std::path::Path) {
        assert_eq!(sessions_read_again(sink), Some(0), "read the first time");
        assert_eq!(sessions_read_again(sink), None, "nothing written since");
        write_a_session_elsewhere(data_dir);
        assert_eq!(sessions_read_again(sink), Some(1), "another's write");
    }

    #[test]
    fn the_history_is_read_again_after_another_limberup_wrote_not_after_its_own_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (_, mut sink) = open_history(&dirs(dir.path()), true, UtcTime(0));
        read_again_only_after_another_write(&mut sink, dir.path());
        let profile = crate::triage::profile::Profile::default();
        sink.save(&Record::Profile(profile)).expect("saved");
        assert_eq!(sessions_read_again(&mut sink), None, "its own write");
    }

    #[test]
    fn a_history_read_without_saving_is_read_again_after_another_limberup_wrote() {
        let dir = tempfile::tempdir().expect("temp dir");
        let _writer = Store::open(dir.path(), &Calendar::utc()).expect("opens");
        let (_, mut sink) = open_history(&dirs(dir.path()), false, UtcTime(0));
        read_again_only_after_another_write(&mut sink, dir.path());
    }

    /// Opened read-only while no limberup had the history open, the sink still sees one that opens
    /// it later: one that writes and closes (its log gone), then one that keeps it open.
    #[test]
    fn a_history_read_while_nobody_wrote_is_read_again_after_a_later_limberup_wrote() {
        let dir = tempfile::tempdir().expect("temp dir");
        drop(Store::open(dir.path(), &Calendar::utc()).expect("creates"));
        let (_, mut sink) = open_history(&dirs(dir.path()), false, UtcTime(0));
        read_again_only_after_another_write(&mut sink, dir.path());
        assert_eq!(
            sessions_read_again(&mut sink),
            None,
            "nothing written since"
        );
        let mut staying = Store::open(dir.path(), &Calendar::utc()).expect("opens");
        staying.save_session(&session("easy-walk")).expect("saved");
        assert_eq!(
            sessions_read_again(&mut sink),
            Some(2),
            "one that stays open"
        );
        assert_eq!(
            sessions_read_again(&mut sink),
            None,
            "nothing written since"
        );
        staying.save_session(&session("easy-walk")).expect("saved");
        assert_eq!(sessions_read_again(&mut sink), Some(3), "its next write");
    }
}
