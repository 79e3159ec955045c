//! Waiting on the terminal before crossterm reads it. crossterm's reader loops for ever on a
//! terminal that has gone away (`tmux kill-pane`, a closed window): a read of 0 bytes is neither data
//! nor "would block", so it reads again, at full speed, and the app never gets to save. Here a
//! hang-up is seen first (the terminal reports POLLHUP) and crossterm only reads a live terminal.
//! The wait also wakes on SIGWINCH (resizes) and on the signal thread's nudge after SIGTERM or SIGTSTP,
//! which it writes to the wake pipe itself rather than raising SIGWINCH: crossterm's reader is
//! edge-triggered and drops a key that it reads in the same wake-up as a SIGWINCH, so a made-up
//! resize after `fg` swallowed the first key typed (issue 27).
//!
//! Why `an_external_sigtstp_suspends_like_ctrl_z` once saw PAUSED and then no `q`, and why it
//! cannot happen so any more: crossterm's reader waits with epoll, edge-triggered, and takes one
//! event per read; when its SIGWINCH and the terminal are ready in the same wait it returns the
//! resize and the terminal's readiness is gone with that wait, so a key already there stays unread
//! until another key comes. The SIGWINCH the signal thread used to raise after `kill -TSTP` woke
//! this wait (through the SIGWINCH pipe) but never crossterm's, so it was still pending in
//! crossterm after `fg`; on a loaded machine the test's `q` came before the loop's first look at
//! crossterm, both were ready at once, and `q` was lost. The nudge is now a byte in this pipe, which
//! crossterm never sees; the flag is set before the byte is written and read before each wait, so
//! no wake-up is lost either. What remains is crossterm's own: a real resize whose SIGWINCH
//! meets a key in the same wait (a window resized while the app is stopped, then a key typed the
//! instant after `fg`) can hold that key until the next one. Only replacing crossterm's reader
//! (reading the terminal here) would close that; the fallback without this watch (no terminal to
//! watch) raises SIGWINCH still and has the same small window.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ready {
    /// The terminal has input for crossterm to read.
    Input,
    /// A signal came (a resize, or a nudge): look at the flags and crossterm's own events.
    Woken,
    /// The terminal is gone: no input will ever come.
    Gone,
    /// The timeout passed.
    Timeout,
}

pub(super) struct TtyWatch {
    /// The terminal crossterm reads: stdin when it is one, else `/dev/tty` (as crossterm decides).
    tty: OwnedFd,
    wake: UnixStream,
    nudger: Nudger,
}

/// Wakes the event loop's wait on the terminal (the signal thread's call after a signal).
#[derive(Clone)]
pub(super) struct Nudger(Arc<UnixStream>);

impl Nudger {
    pub(super) fn nudge(&self) {
        // A full pipe already holds a wake-up: nothing is lost by a failed write.
        let _ = (&*self.0).write(&[1]);
    }
}

impl TtyWatch {
    pub(super) fn new() -> io::Result<Self> {
        let stdin = io::stdin();
        let tty = if stdin.is_terminal() {
            stdin.as_fd().try_clone_to_owned()?
        } else {
            File::open("/dev/tty")?.into()
        };
        let (wake, nudge) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        nudge.set_nonblocking(true)?;
        let nudger = nudge.try_clone()?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, nudge)?;
        Ok(Self {
            tty,
            wake,
            nudger: Nudger(Arc::new(nudger)),
        })
    }

    /// What wakes a wait from another thread.
    pub(super) fn nudger(&self) -> Nudger {
        self.nudger.clone()
    }

    /// Blocks until the terminal has input, is gone, a signal comes, or `timeout` (if any) passes.
    pub(super) fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Ready> {
        let timeout = timeout.map(|d| Timespec {
            tv_sec: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: d.subsec_nanos().into(),
        });
        let mut fds = [
            PollFd::new(&self.tty, PollFlags::IN),
            PollFd::new(&self.wake, PollFlags::IN),
        ];
        match poll(&mut fds, timeout.as_ref()) {
            Ok(0) => return Ok(Ready::Timeout),
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => return Ok(Ready::Woken),
            Err(error) => return Err(error.into()),
        }
        let (tty, wake) = (fds[0].revents(), fds[1].revents());
        if tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Ok(Ready::Gone);
        }
        if wake.contains(PollFlags::IN) {
            let mut drained = [0_u8; 64];
            while matches!((&self.wake).read(&mut drained), Ok(n) if n > 0) {}
            return Ok(Ready::Woken);
        }
        if tty.contains(PollFlags::IN) {
            return Ok(Ready::Input);
        }
        Ok(Ready::Timeout)
    }

    /// Whether the terminal is gone, without waiting.
    pub(super) fn gone(&mut self) -> io::Result<bool> {
        let mut fds = [PollFd::new(&self.tty, PollFlags::IN)];
        match poll(&mut fds, Some(&Timespec::default())) {
            Ok(_) => Ok(fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)),
            Err(rustix::io::Errno::INTR) => Ok(false),
            Err(error) => Err(error.into()),
        }
    }
}
