//! The one event loop, generic over the ratatui backend: the real terminal and the headless `snapshot`
//! run the same code, differing only in where input and time come from.
//!
//! It blocks until input arrives or the app's next deadline passes, and redraws only when something
//! changed; there is no fixed tick.

use std::io;

use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::App;
use super::records::HistorySink;
use crate::audio::CueSink;
use crate::engine::Millis;

/// What woke the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// Headless only: show the screen as it is now.
    Capture,
    /// A termination signal: record what is running as quit, then leave.
    Terminate,
    /// No more input will come.
    End,
    /// The terminal went away (its window closed): a termination, so record what runs as quit and
    /// leave at once.
    Hangup,
    /// A stop signal from outside (`kill -TSTP`): suspend as for ctrl-z.
    Suspend,
}

/// Where input and time come from.
pub trait InputSource {
    fn now(&self) -> Millis;
    /// Blocks until input arrives (`Some`) or `deadline` passes (`None`); without a deadline, waits
    /// for input alone.
    fn wait(&mut self, deadline: Option<Millis>) -> io::Result<Option<Input>>;
    /// Hands the terminal back to the shell until the user resumes the app (ctrl-z, then `fg`).
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Whether anyone sees frames between captures. Headless runs only look at captures, so they skip
    /// the frames in between; what a capture shows is the same either way, as rendering is pure.
    fn shows_every_frame(&self) -> bool {
        true
    }
    /// The terminal's size now, where it can change behind the app's back (after a suspend).
    fn size(&self) -> io::Result<Option<(u16, u16)>> {
        Ok(None)
    }
}

/// Where the app's output goes besides the screen: sounds and the history.
pub struct Outputs<'a> {
    pub cues: &'a mut dyn CueSink,
    pub history: &'a mut dyn HistorySink,
}

/// Runs the app until it quits or input ends. `on_capture` sees the terminal after a fresh draw
/// whenever the source asks for a capture.
pub fn run<B, S>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    source: &mut S,
    outputs: &mut Outputs<'_>,
    on_capture: &mut dyn FnMut(&Terminal<B>, Millis),
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    S: InputSource,
{
    if let Ok(size) = terminal.size() {
        app.resize(size.width, size.height);
    }
    app.tick(source.now());
    let mut dirty = true;
    loop {
        // Sounds first (they are timed), then the screen, then the history: a result is on screen
        // before its record is written, however long the write takes or however it fails.
        dirty |= deliver_cues(app, outputs);
        if dirty && source.shows_every_frame() && !app.should_quit {
            draw_or_leave(terminal, app, outputs)?;
            dirty = false;
        }
        if deliver_records(app, outputs) || deliver_reload(app, outputs) {
            dirty = true;
            continue;
        }
        if app.should_quit {
            return Ok(());
        }
        if app.suspend_requested {
            app.suspend_requested = false;
            app.pause_for_suspend(source.now());
            source.suspend()?;
            match source.size()? {
                Some((width, height)) => {
                    resize(terminal, width, height)?;
                    app.resize(width, height);
                }
                None => terminal.clear().map_err(io::Error::other)?,
            }
            dirty = true;
            continue;
        }
        // Frames nobody sees are not worth waking for: what a capture shows is worked out from
        // the time alone, so a headless run wakes only where the app itself changes.
        let wake = if source.shows_every_frame() {
            app.next_wake()
        } else {
            app.next_deadline()
        };
        let input = source.wait(wake)?;
        let now = source.now();
        match input {
            None => dirty |= app.tick(now),
            Some(Input::Key(key)) => {
                dirty |= app.handle_key(key, now);
                // Headless runs skip frames between captures, but a key's effect can depend on the
                // last frame (a scroll stops at the end of what was drawn): draw as a terminal would.
                if dirty && !source.shows_every_frame() && !app.should_quit {
                    draw_or_leave(terminal, app, outputs)?;
                }
            }
            Some(Input::Resize(width, height)) => {
                resize(terminal, width, height)?;
                app.resize(width, height);
                app.tick(now);
                dirty = true;
            }
            Some(Input::Capture) => {
                app.tick(now);
                deliver_cues(app, outputs);
                deliver_records(app, outputs);
                deliver_reload(app, outputs);
                draw_or_leave(terminal, app, outputs)?;
                dirty = false;
                on_capture(terminal, now);
            }
            Some(Input::Terminate | Input::Hangup) => {
                app.tick(now);
                app.quit_now();
            }
            Some(Input::Suspend) => app.suspend_requested = true,
            Some(Input::End) => {
                deliver_cues(app, outputs);
                deliver_records(app, outputs);
                return Ok(());
            }
        }
    }
}

/// Moves the viewport to the new size and clears, so the next draw repaints everything.
fn resize<B>(terminal: &mut Terminal<B>, width: u16, height: u16) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    terminal
        .resize(ratatui::layout::Rect::new(0, 0, width, height))
        .map_err(io::Error::other)
}

/// Draws; a terminal that cannot be drawn on is gone, so what runs is recorded as quit and saved
/// before the error ends the loop.
fn draw_or_leave<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    outputs: &mut Outputs<'_>,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    draw(terminal, app).inspect_err(|_| {
        app.quit_now();
        deliver_cues(app, outputs);
        deliver_records(app, outputs);
    })
}

fn draw<B>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .map(|_| ())
        .map_err(io::Error::other)
}

/// Hands new cue events to the sound player; returns whether the screen must change to show a
/// problem with sound.
fn deliver_cues(app: &mut App, outputs: &mut Outputs<'_>) -> bool {
    let muted = app.muted;
    let sounds = app.take_sounds_to_prepare();
    if !sounds.is_empty() {
        outputs.cues.prepare(sounds);
    }
    for cued in app.take_events() {
        outputs.cues.play(&cued, muted);
    }
    outputs.cues.expect(app.next_cue_in());
    let problem = outputs.cues.problem();
    if problem == app.sound_problem {
        return false;
    }
    app.sound_problem = problem;
    true
}

/// Reads the history again when the app asks (after every record is saved, so nothing it holds is
/// lost); returns whether what it shows changed.
fn deliver_reload(app: &mut App, outputs: &mut Outputs<'_>) -> bool {
    if !app.take_history_request() {
        return false;
    }
    match outputs.history.reload() {
        Some(loaded) => app.reloaded(loaded.map_err(|e| e.to_string())),
        None => false,
    }
}

/// Hands new records to the history; returns whether one failed (the screen then says so).
fn deliver_records(app: &mut App, outputs: &mut Outputs<'_>) -> bool {
    let mut failed = false;
    for record in app.take_records() {
        if let Err(problem) = outputs.history.save(&record) {
            tracing::error!(%problem, "history not saved");
            app.history.problem = Some(problem.to_string());
            failed = true;
        }
    }
    failed
}
