//! The runtime, above the views: the one event loop, generic over the ratatui backend: the real terminal and the headless `snapshot`
//! run the same code, differing only in where input and time come from.
//!
//! It blocks until input arrives or the app's next deadline passes, turns what happened into a
//! [`Msg`] for [`update`], and carries out the effects it returns; there is no fixed tick.

use std::io;

use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::Backend;

pub mod headless;

use crate::app::App;
use crate::app::records::HistorySink;
use crate::app::update::{Effect, Msg, update};
use crate::audio::{CueSink, Cued, Sound};
use crate::engine::AppInstant;

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
    fn now(&self) -> AppInstant;
    /// Blocks until input arrives (`Some`) or `deadline` passes (`None`); without a deadline, waits
    /// for input alone.
    fn wait(&mut self, deadline: Option<AppInstant>) -> io::Result<Option<Input>>;
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

/// Effects not yet carried out, sorted by when they are due: sounds at once (they are timed), then
/// the screen, then the history (a result is on screen before its record is written, however long
/// the write takes or however it fails).
#[derive(Default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent requests, each carried out at its own point of the loop"
)]
struct Pending {
    prepare: Vec<Sound>,
    play: Vec<Cued>,
    redraw: bool,
    save: Vec<crate::app::Record>,
    reload: bool,
    quit: bool,
    suspend: bool,
}

impl Pending {
    fn add(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Play(cued) => self.play.push(cued),
                Effect::Prepare(sounds) => self.prepare.extend(sounds),
                Effect::Save(record) => self.save.push(record),
                Effect::ReloadHistory => self.reload = true,
                Effect::Redraw => self.redraw = true,
                Effect::Quit => self.quit = true,
                Effect::Suspend => self.suspend = true,
            }
        }
    }

    /// Hands new cue events to the sound player, and the cues due next when they are near (as of
    /// `now`), then tells the app how sound is doing.
    fn sound(&mut self, app: &mut App, outputs: &mut Outputs<'_>, now: AppInstant) {
        let sounds = std::mem::take(&mut self.prepare);
        if !sounds.is_empty() {
            outputs.cues.prepare(sounds);
        }
        let muted = app.muted();
        for cued in std::mem::take(&mut self.play) {
            outputs.cues.play(&cued, muted);
        }
        outputs.cues.expect(app.next_cue_in());
        outputs.cues.ahead(app.cues_ahead(now));
        let problem = outputs.cues.problem();
        self.add(update(app, Msg::SoundProblem(problem)));
    }

    /// Writes new records to the history, each as it came; the app hears how each went. Returns
    /// whether that changed the screen (a save failed).
    fn save(&mut self, app: &mut App, outputs: &mut Outputs<'_>) -> bool {
        let mut changed = false;
        for record in std::mem::take(&mut self.save) {
            let saved = outputs.history.save(&record).map_err(|problem| {
                tracing::error!(%problem, "history not saved");
                problem.to_string()
            });
            changed |= self.take(update(app, Msg::Saved(saved)));
        }
        changed
    }

    /// Reads the history again when the app asked (after every record is saved, so nothing it
    /// holds is lost); returns whether what it shows changed.
    fn reload(&mut self, app: &mut App, outputs: &mut Outputs<'_>) -> bool {
        if !std::mem::take(&mut self.reload) {
            return false;
        }
        let Some(loaded) = outputs.history.reload() else {
            return false;
        };
        let loaded = loaded.map_err(|e| e.to_string());
        self.take(update(app, Msg::HistoryLoaded(loaded)))
    }

    /// Adds an output's answer's effects; returns whether it changed the screen.
    fn take(&mut self, effects: Vec<Effect>) -> bool {
        let changed = effects.contains(&Effect::Redraw);
        self.add(effects);
        changed
    }
}

/// Runs the app until it quits or input ends. `on_capture` sees the terminal after a fresh draw
/// whenever the source asks for a capture.
pub fn run<B, S>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    source: &mut S,
    outputs: &mut Outputs<'_>,
    on_capture: &mut dyn FnMut(&Terminal<B>, AppInstant),
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    S: InputSource,
{
    let mut pending = Pending::default();
    if let Ok(size) = terminal.size() {
        pending.add(update(
            app,
            Msg::Resize {
                width: size.width,
                height: size.height,
            },
        ));
    }
    pending.add(update(app, Msg::Tick(source.now())));
    pending.redraw = true;
    loop {
        pending.sound(app, outputs, source.now());
        if pending.redraw && source.shows_every_frame() && !pending.quit {
            draw_or_leave(terminal, app, &mut pending, outputs)?;
            pending.redraw = false;
        }
        // A failed save or a changed history shows before anything else happens.
        if pending.save(app, outputs) || pending.reload(app, outputs) {
            pending.redraw = true;
            continue;
        }
        if pending.quit {
            return Ok(());
        }
        if std::mem::take(&mut pending.suspend) {
            source.suspend()?;
            match source.size()? {
                Some((width, height)) => {
                    resize(terminal, width, height)?;
                    pending.add(update(app, Msg::Resize { width, height }));
                }
                None => terminal.clear().map_err(io::Error::other)?,
            }
            pending.redraw = true;
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
            None => pending.add(update(app, Msg::Tick(now))),
            Some(Input::Key(key)) => {
                pending.add(update(app, Msg::Key(key, now)));
                // Headless runs skip frames between captures, but a key's effect can depend on the
                // last frame (a scroll stops at the end of what was drawn): draw as a terminal would.
                if pending.redraw && !source.shows_every_frame() && !pending.quit {
                    draw_or_leave(terminal, app, &mut pending, outputs)?;
                }
            }
            Some(Input::Resize(width, height)) => {
                resize(terminal, width, height)?;
                pending.add(update(app, Msg::Resize { width, height }));
                pending.add(update(app, Msg::Tick(now)));
            }
            Some(Input::Capture) => {
                pending.add(update(app, Msg::Tick(now)));
                pending.sound(app, outputs, now);
                pending.save(app, outputs);
                pending.reload(app, outputs);
                draw_or_leave(terminal, app, &mut pending, outputs)?;
                pending.redraw = false;
                on_capture(terminal, now);
            }
            Some(Input::Terminate | Input::Hangup) => {
                pending.add(update(app, Msg::Terminate(now)));
            }
            Some(Input::Suspend) => pending.add(update(app, Msg::Suspend(now))),
            Some(Input::End) => {
                pending.sound(app, outputs, now);
                pending.save(app, outputs);
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
    pending: &mut Pending,
    outputs: &mut Outputs<'_>,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    draw(terminal, app).inspect_err(|_| {
        pending.add(update(app, Msg::Terminate(app.now())));
        pending.sound(app, outputs, app.now());
        pending.save(app, outputs);
    })
}

fn draw<B>(terminal: &mut Terminal<B>, app: &App) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    terminal
        .draw(|frame| frame.render_widget(crate::ui::View(app), frame.area()))
        .map(|_| ())
        .map_err(io::Error::other)
}
