//! The real terminal: entered once, and always restored (normal exit, panic, ctrl-c, SIGTERM, SIGHUP),
//! plus ctrl-z suspend and the blocking input source of the event loop.
//!
//! A termination signal goes through the event loop, so a running session is saved as quit before
//! the process ends with the conventional 128 + signal number.

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
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

pub(crate) mod background;
#[cfg(unix)]
mod watch;

use crate::engine::{AppClock, AppInstant, MonotonicClock};
use crate::runtime::{Input, InputSource};

pub(crate) type RealTerminal = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal's raw mode and alternate screen; restores them when dropped.
pub(crate) struct TerminalGuard {
    pub terminal: RealTerminal,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, after arranging for the terminal to be restored
    /// on panic and on termination signals.
    pub(crate) fn enter() -> io::Result<Self> {
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
pub(crate) fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A decoder's panic that is caught and reported as an error must not tear the screen down.
        if crate::isolate::panic_is_caught() {
            return;
        }
        restore();
        crate::logging::restore_stderr();
        previous(info);
    }));
}

/// Input from the real terminal, time from the monotonic clock.
///
/// The event loop's thread reads the terminal itself, blocking until a key, a resize or the next
/// deadline: no polling, and nothing reads the terminal once the loop is over (a reader thread
/// would eat what the user types into the shell as the app exits). A termination signal or a SIGTSTP
/// from outside sets a flag and wakes that wait by raising SIGWINCH, which the wait listens for.
pub(crate) struct TerminalInput {
    clock: MonotonicClock,
    /// The termination signal received, or 0.
    signal: Arc<AtomicI32>,
    /// Set by a SIGTSTP (`kill -TSTP`): suspend as for ctrl-z.
    stop: Arc<AtomicBool>,
    terminated_by: Option<i32>,
    #[cfg(unix)]
    watch: Option<watch::TtyWatch>,
}

/// How long a signal waits for the event loop to save and leave before the terminal is restored
/// and the process ends regardless.
const SIGNAL_GRACE: Duration = Duration::from_secs(3);

impl TerminalInput {
    pub(crate) fn new(clock: MonotonicClock) -> Self {
        let signal = Arc::new(AtomicI32::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        let watch = watch::TtyWatch::new()
            .inspect_err(|error| tracing::warn!(%error, "cannot watch the terminal for a hang-up"))
            .ok();
        #[cfg(unix)]
        forward_signals(
            Arc::clone(&signal),
            Arc::clone(&stop),
            watch.as_ref().map(watch::TtyWatch::nudger),
        );
        #[cfg(not(unix))]
        forward_signals(Arc::clone(&signal), Arc::clone(&stop));
        Self {
            clock,
            signal,
            stop,
            terminated_by: None,
            #[cfg(unix)]
            watch,
        }
    }

    #[cfg(unix)]
    fn terminal_gone(&mut self) -> io::Result<bool> {
        self.watch.as_mut().map_or(Ok(false), watch::TtyWatch::gone)
    }

    #[cfg(not(unix))]
    fn terminal_gone(&mut self) -> io::Result<bool> {
        Ok(false)
    }

    /// Sleeps until the terminal has input or is gone, a signal comes, or `timeout` passes.
    #[cfg(unix)]
    fn block(&mut self, timeout: Duration) -> io::Result<()> {
        match self.watch.as_mut() {
            Some(watch) => watch.wait(Some(timeout)).map(drop),
            // Without the watch, crossterm waits (and a hang-up may spin it, as before).
            None => event::poll(timeout).map(drop),
        }
    }

    #[cfg(not(unix))]
    fn block(&mut self, timeout: Duration) -> io::Result<()> {
        event::poll(timeout).map(drop)
    }

    /// The signal that ended the app, if one did.
    pub(crate) fn terminated_by(&self) -> Option<i32> {
        self.terminated_by
    }

    /// A terminal that fails as a signal arrives (a hang-up) is the signal's doing: leave as for it.
    fn terminate_or(&mut self, error: io::Error) -> io::Result<Option<Input>> {
        if self.terminated() {
            Ok(Some(Input::Terminate))
        } else {
            Err(error)
        }
    }

    fn terminated(&mut self) -> bool {
        match self.signal.load(Ordering::SeqCst) {
            0 => false,
            signal => {
                self.terminated_by = Some(signal);
                true
            }
        }
    }
}

/// Hands termination signals to the event loop; if it has not left within [`SIGNAL_GRACE`] (stuck
/// writing to a terminal that is gone), restores the terminal and exits with 128 + the signal.
#[cfg(unix)]
fn forward_signals(flag: Arc<AtomicI32>, stop: Arc<AtomicBool>, nudger: Option<watch::Nudger>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
    use signal_hook::iterator::Signals;
    // Wakes the event loop's wait: through the watch's pipe, or else (no watch, so crossterm waits) by
    // a SIGWINCH, which crossterm's own wait wakes on.
    let wake = move || match &nudger {
        Some(nudger) => nudger.nudge(),
        None => {
            let _ = signal_hook::low_level::raise(SIGWINCH);
        }
    };
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP]) else {
        tracing::warn!("cannot watch for termination signals");
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            // A SIGTSTP from outside stops the app only once the loop has restored the terminal.
            let mut incoming = signals.forever().filter(|&signal| {
                if signal == SIGTSTP {
                    stop.store(true, Ordering::SeqCst);
                    wake();
                }
                signal != SIGTSTP
            });
            if let Some(signal) = incoming.next() {
                tracing::info!(signal, "termination signal");
                flag.store(signal, Ordering::SeqCst);
                wake();
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
fn forward_signals(_flag: Arc<AtomicI32>, _stop: Arc<AtomicBool>) {}

impl InputSource for TerminalInput {
    fn now(&self) -> AppInstant {
        self.clock.now()
    }

    fn wait(&mut self, deadline: Option<AppInstant>) -> io::Result<Option<Input>> {
        let until = deadline.and_then(|at| self.clock.instant_at(at));
        loop {
            if self.terminated() {
                return Ok(Some(Input::Terminate));
            }
            if self.stop.swap(false, Ordering::SeqCst) {
                return Ok(Some(Input::Suspend));
            }
            // crossterm is only asked about a terminal that is still there (see `watch`).
            if self.terminal_gone()? {
                return Ok(Some(Input::Hangup));
            }
            // What crossterm has buffered or can read at once (keys, its own resize events) first.
            let ready = match event::poll(Duration::ZERO) {
                Ok(ready) => ready,
                Err(error) => return self.terminate_or(error),
            };
            if ready {
                let event = match event::read() {
                    Ok(event) => event,
                    Err(error) => return self.terminate_or(error),
                };
                match event {
                    TermEvent::Key(key) if key.kind != KeyEventKind::Release => {
                        return Ok(Some(Input::Key(key)));
                    }
                    // A resize may be the signal thread's wake-up call.
                    TermEvent::Resize(_, _) if self.terminated() => {
                        return Ok(Some(Input::Terminate));
                    }
                    TermEvent::Resize(width, height) => {
                        return Ok(Some(Input::Resize(width, height)));
                    }
                    _ => continue,
                }
            }
            if until.is_some_and(|t| Instant::now() >= t) {
                return Ok(None);
            }
            // With no deadline, wait for input alone; the hour is just a bound on one wait.
            let timeout = until.map_or(Duration::from_secs(3600), |t| {
                t.saturating_duration_since(Instant::now())
            });
            self.block(timeout)?;
        }
    }

    #[cfg(unix)]
    fn suspend(&mut self) -> io::Result<()> {
        restore();
        // Stops the process as SIGTSTP's default action would (this process catches SIGTSTP, so
        // that one from outside also comes here first); execution resumes here after `fg`.
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        enter_screen()
    }

    #[cfg(unix)]
    fn size(&self) -> io::Result<Option<(u16, u16)>> {
        crossterm::terminal::size().map(Some)
    }
}
