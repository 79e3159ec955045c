//! The real terminal: entered once, and always restored (normal exit, panic, ctrl-c, SIGTERM, SIGHUP),
//! plus ctrl-z suspend and the blocking input source of the event loop.

use std::io::{self, Stdout, stdout};
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
        install_signal_handlers();
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
        previous(info);
    }));
}

/// A thread that waits for SIGTERM, SIGHUP, SIGINT or SIGQUIT, restores the terminal and exits with
/// the conventional 128 + signal number. It sleeps in the kernel until a signal comes: no wake-ups.
#[cfg(unix)]
fn install_signal_handlers() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::Signals;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]) else {
            tracing::warn!("cannot watch for termination signals");
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    tracing::info!(signal, "terminated by signal");
                    restore();
                    std::process::exit(128 + signal);
                }
            });
        if spawned.is_err() {
            tracing::warn!("cannot start the signal thread");
        }
    });
}

#[cfg(not(unix))]
fn install_signal_handlers() {}

/// Input from the real terminal, time from the monotonic clock.
pub struct TerminalInput {
    clock: MonotonicClock,
}

impl TerminalInput {
    pub fn new(clock: MonotonicClock) -> Self {
        Self { clock }
    }
}

impl InputSource for TerminalInput {
    fn now(&self) -> Millis {
        self.clock.now()
    }

    fn wait(&mut self, deadline: Option<Millis>) -> io::Result<Option<Input>> {
        let until = deadline.map(|at| self.clock.instant_at(at));
        loop {
            // With no deadline, wait for input alone; the hour is just a bound on one poll call.
            let timeout = until.map_or(Duration::from_secs(3600), |t| {
                t.saturating_duration_since(Instant::now())
            });
            if !event::poll(timeout)? {
                if until.is_some_and(|t| Instant::now() >= t) {
                    return Ok(None);
                }
                continue;
            }
            match event::read()? {
                TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                    return Ok(Some(Input::Key(key)));
                }
                TermEvent::Resize(width, height) => return Ok(Some(Input::Resize(width, height))),
                _ => {}
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
