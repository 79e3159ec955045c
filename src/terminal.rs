//! The real terminal: entered once, and always restored (normal exit, panic, ctrl-c, SIGTERM, SIGHUP),
//! plus ctrl-z suspend and the blocking input source of the event loop.
//!
//! A termination signal goes through the event loop, so a running session is saved as quit before
//! the process ends with the conventional 128 + signal number.

use std::io::{self, Stdout, stdout};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{self, Event as TermEvent, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::event_loop::{Input, InputSource};
use crate::engine::{Clock, Millis, MonotonicClock};

pub type RealTerminal = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal's raw mode and alternate screen; restores them when dropped.
pub struct TerminalGuard {
    pub terminal: RealTerminal,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, after arranging for the terminal to be restored
    /// on panic and on termination signals.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        enter_screen()?;
        // A fixed viewport, resized on resize events only: a full-screen viewport would ask the
        // kernel for the window size (open, ioctl, close of /dev/tty) on every single frame.
        let (width, height) = crossterm::terminal::size()?;
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        let terminal = Terminal::with_options(
            CrosstermBackend::new(stdout()),
            TerminalOptions { viewport },
        )?;
        Ok(Self { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_screen() -> io::Result<()> {
    enable_raw_mode()?;
    if let Err(error) = execute!(stdout(), EnterAlternateScreen, Hide) {
        restore();
        return Err(error);
    }
    Ok(())
}

/// Raw mode off, alternate screen left, cursor shown. Safe to call more than once; errors are ignored
/// because the terminal may already be gone (SIGHUP).
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        crate::logging::restore_stderr();
        previous(info);
    }));
}

/// Input from the real terminal, time from the monotonic clock.
///
/// A reader thread blocks on the terminal and a signal thread on SIGTERM, SIGHUP, SIGINT and SIGQUIT;
/// both send to one channel, on which the event loop waits with the next deadline as its timeout. So
/// the app sleeps in the kernel until a key, a resize, a signal or a deadline: no polling.
pub struct TerminalInput {
    clock: MonotonicClock,
    receiver: Receiver<Incoming>,
    terminated_by: Option<i32>,
}

enum Incoming {
    Terminal(io::Result<TermEvent>),
    Signal(i32),
}

/// How long a signal waits for the event loop to save and leave before the terminal is restored
/// and the process ends regardless.
const SIGNAL_GRACE: Duration = Duration::from_secs(3);

impl TerminalInput {
    pub fn new(clock: MonotonicClock) -> Self {
        let (sender, receiver) = mpsc::channel();
        forward_signals(sender.clone());
        let spawned = std::thread::Builder::new()
            .name("terminal input".into())
            .spawn(move || {
                loop {
                    let event = event::read();
                    let failed = event.is_err();
                    if sender.send(Incoming::Terminal(event)).is_err() || failed {
                        return;
                    }
                }
            });
        if let Err(error) = spawned {
            tracing::error!(%error, "cannot start the input thread");
        }
        Self {
            clock,
            receiver,
            terminated_by: None,
        }
    }

    /// The signal that ended the app, if one did.
    pub fn terminated_by(&self) -> Option<i32> {
        self.terminated_by
    }
}

/// Sends termination signals to the event loop; if it has not left within [`SIGNAL_GRACE`] (stuck
/// writing to a terminal that is gone), restores the terminal and exits with 128 + the signal.
#[cfg(unix)]
fn forward_signals(sender: Sender<Incoming>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::Signals;
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]) else {
        tracing::warn!("cannot watch for termination signals");
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                tracing::info!(signal, "termination signal");
                let _ = sender.send(Incoming::Signal(signal));
                std::thread::sleep(SIGNAL_GRACE);
                tracing::warn!(signal, "the app did not leave in time; exiting");
                restore();
                std::process::exit(128 + signal);
            }
        });
    if spawned.is_err() {
        tracing::warn!("cannot start the signal thread");
    }
}

#[cfg(not(unix))]
fn forward_signals(_sender: Sender<Incoming>) {}

impl InputSource for TerminalInput {
    fn now(&self) -> Millis {
        self.clock.now()
    }

    fn wait(&mut self, deadline: Option<Millis>) -> io::Result<Option<Input>> {
        let until = deadline.map(|at| self.clock.instant_at(at));
        loop {
            let incoming = match until {
                Some(until) => {
                    match self
                        .receiver
                        .recv_timeout(until.saturating_duration_since(Instant::now()))
                    {
                        Ok(incoming) => incoming,
                        Err(RecvTimeoutError::Timeout) => return Ok(None),
                        Err(RecvTimeoutError::Disconnected) => return Ok(Some(Input::End)),
                    }
                }
                None => match self.receiver.recv() {
                    Ok(incoming) => incoming,
                    Err(_) => return Ok(Some(Input::End)),
                },
            };
            match incoming {
                Incoming::Signal(signal) => {
                    self.terminated_by = Some(signal);
                    return Ok(Some(Input::Terminate));
                }
                Incoming::Terminal(event) => match event? {
                    TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                        return Ok(Some(Input::Key(key)));
                    }
                    TermEvent::Resize(width, height) => {
                        return Ok(Some(Input::Resize(width, height)));
                    }
                    _ => {}
                },
            }
        }
    }

    #[cfg(unix)]
    fn suspend(&mut self) -> io::Result<()> {
        restore();
        // Stops the process like ctrl-z in a shell would; execution resumes here after `fg`.
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        enter_screen()
    }

    #[cfg(unix)]
    fn size(&self) -> io::Result<Option<(u16, u16)>> {
        crossterm::terminal::size().map(Some)
    }
}
