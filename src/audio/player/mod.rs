//! The player thread: takes cues from the app over a channel and plays them on an [`Output`], never
//! blocking the app. The output is opened when a cue comes and closed once nothing has played for
//! [`CLOSE_AFTER`]; a device that cannot be opened is retried no more often than [`RETRY_AFTER`].
//! Its time comes from a [`Clock`]: the monotonic one, or a virtual one in tests.

mod clock;

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use clock::{Clock, Monotonic, Received};

use super::Sound;
use crate::audio::{CueSink, Cued};

/// How long the output stays open after the last sound ends. Cues closer together than this plus
/// [`OPEN_BEFORE`] (the countdown's ticks) share one opening.
pub const CLOSE_AFTER: Duration = Duration::from_millis(500);
/// How long before an expected cue the output opens. A new stream takes a moment to settle (its
/// first sound comes late, or not at all), so cues play on one already running: each then reaches
/// the speaker with the same delay as the others.
pub const OPEN_BEFORE: Duration = Duration::from_millis(250);
/// The notice while sound does not work (the reason is in the log).
pub const NO_DEVICE: &str = "no sound device: cues show on screen";

/// How long quitting waits for the sound thread to close the output.
pub const QUIT_WAIT: Duration = Duration::from_secs(1);

/// How long to wait before trying a device that failed again.
pub const RETRY_AFTER: Duration = Duration::from_secs(10);

/// Where sounds go: the sound card, or a recorder in tests.
/// Why sound cannot play right now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutputError {
    /// No output device could be opened (no sound server, no card).
    #[error("no sound device: {0}")]
    NoDevice(String),
    /// A sound could not be prepared to play.
    #[error("cannot decode {name}: {reason}")]
    Undecodable { name: String, reason: String },
}

pub trait Output {
    /// Starts playing `sounds` one after the other, mixed over anything still playing; returns how
    /// long they last (when known), or why the device failed.
    fn play(&mut self, sounds: &[Sound], volume: f32) -> Result<Option<Duration>, OutputError>;
    /// Whether the device reported an error since it was opened (a headset unplugged).
    fn failed(&self) -> bool {
        false
    }
}

/// Opens an [`Output`]; called on the player thread, as some outputs cannot move between threads.
pub trait Opener: Send + 'static {
    type Output: Output;
    /// Work to do once, on the player thread, before any cue (decoding the built-in sounds).
    fn prepare(&mut self) {}
    /// Decodes a starting routine's own sounds, on the player thread.
    fn prepare_sounds(&mut self, _sounds: &[Sound]) {}
    fn open(&mut self) -> Result<Self::Output, OutputError>;
}

enum Command {
    Play(Vec<Sound>),
    Prepare(Vec<Sound>),
    /// The next cue may come at this moment (or none is due).
    Expect(Option<Instant>),
    /// Stop, close the output, and say so on the channel.
    Quit(Sender<()>),
}

/// The app's side of the player: a [`CueSink`] that hands sounds to the thread.
pub struct SoundPlayer<C: Clock = Monotonic> {
    commands: Sender<Command>,
    problem: Arc<Mutex<Option<String>>>,
    thread: Option<JoinHandle<()>>,
    /// The last expectation sent, to send only changes.
    expected: Option<Instant>,
    clock: C,
}

impl SoundPlayer {
    /// Starts the player thread; `volume` is 0.0 to 1.0. Unless `muted`, it tries the device at once.
    pub fn start<O: Opener>(opener: O, volume: f32, muted: bool) -> Self {
        Self::spawn(
            opener,
            volume,
            !muted,
            (CLOSE_AFTER, RETRY_AFTER),
            Monotonic,
        )
    }
}

impl<C: Clock> SoundPlayer<C> {
    /// Starts the player thread with the close and retry delays given, on `clock`.
    fn spawn<O: Opener>(
        opener: O,
        volume: f32,
        try_at_once: bool,
        timing: (Duration, Duration),
        clock: C,
    ) -> Self {
        let (mut player, receiver) = Self::unstarted(clock.clone());
        let problem = Arc::clone(&player.problem);
        let thread = std::thread::Builder::new()
            .name("sound".into())
            .spawn(move || {
                // Made here, as some outputs cannot move between threads.
                let mut worker = Worker::new(opener, volume, problem, timing, clock);
                worker.start(try_at_once);
                worker.run(&receiver);
            });
        match thread {
            Ok(thread) => player.thread = Some(thread),
            Err(error) => {
                tracing::error!(%error, "cannot start the sound thread");
                *player
                    .problem
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = Some(NO_DEVICE.to_owned());
            }
        }
        player
    }

    /// The handle with no thread yet (none to wait for when it is dropped), and the channel's
    /// receiving end, for a worker.
    fn unstarted(clock: C) -> (Self, Receiver<Command>) {
        let (commands, receiver) = mpsc::channel();
        let player = Self {
            commands,
            problem: Arc::new(Mutex::new(None)),
            thread: None,
            expected: None,
            clock,
        };
        (player, receiver)
    }
}

impl<C: Clock> CueSink for SoundPlayer<C> {
    fn play(&mut self, cued: &Cued, muted: bool) {
        if muted || cued.sounds.is_empty() {
            return;
        }
        let _ = self.commands.send(Command::Play(cued.sounds.clone()));
    }

    fn prepare(&mut self, sounds: Vec<Sound>) {
        let _ = self.commands.send(Command::Prepare(sounds));
    }

    fn problem(&self) -> Option<String> {
        self.problem
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn expect(&mut self, next: Option<Duration>) {
        let at = next.map(|d| self.clock.now() + d);
        // The loop calls this on every wake-up; only a real change (not clock jitter) is news.
        let same = match (at, self.expected) {
            (Some(a), Some(b)) => a.max(b) - a.min(b) < Duration::from_millis(20),
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.expected = at;
            let _ = self.commands.send(Command::Expect(at));
        }
    }
}

impl<C: Clock> Drop for SoundPlayer<C> {
    /// Stops whatever is playing and closes the output before the app exits. A thread stuck in a
    /// sound server that stopped answering is left behind after [`QUIT_WAIT`] rather than holding
    /// up the exit.
    fn drop(&mut self) {
        let (done, closed) = mpsc::channel();
        let _ = self.commands.send(Command::Quit(done));
        let Some(thread) = self.thread.take() else {
            return;
        };
        let deadline = self.clock.now() + QUIT_WAIT;
        if let Received::Message(()) = self.clock.recv(&closed, Some(deadline)) {
            let _ = thread.join();
        } else {
            tracing::warn!("the sound thread did not stop in time; leaving it");
        }
    }
}

struct Worker<O: Opener, C: Clock> {
    opener: O,
    output: Option<O::Output>,
    volume: f32,
    /// When the last sound queued so far ends.
    busy_until: Option<Instant>,
    /// When the output may close: a while after the last sound ends.
    close_at: Option<Instant>,
    /// When a failed device may be tried again.
    retry_at: Option<Instant>,
    /// When to open the output, ahead of an expected cue.
    open_at: Option<Instant>,
    problem: Arc<Mutex<Option<String>>>,
    close_after: Duration,
    retry_after: Duration,
    clock: C,
}

impl<O: Opener, C: Clock> Worker<O, C> {
    fn new(
        opener: O,
        volume: f32,
        problem: Arc<Mutex<Option<String>>>,
        (close_after, retry_after): (Duration, Duration),
        clock: C,
    ) -> Self {
        Self {
            opener,
            output: None,
            volume,
            busy_until: None,
            close_at: None,
            retry_at: None,
            open_at: None,
            problem,
            close_after,
            retry_after,
            clock,
        }
    }

    /// What the thread does first: the opener's preparation, then one opening unless `try_at_once`
    /// is off, so a missing device shows at once rather than at the first cue. Muted, nothing is
    /// opened until a cue is expected.
    fn start(&mut self, try_at_once: bool) {
        self.opener.prepare();
        if try_at_once && self.ensure_open() {
            self.close_at = Some(self.clock.now() + self.close_after);
        }
    }

    /// Sleeps until a command comes, the output is due to open ahead of a cue, or due to close: no
    /// polling.
    fn run(&mut self, commands: &Receiver<Command>) {
        loop {
            let wake = match (self.open_at, self.close_at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let command = match self.clock.recv(commands, wake) {
                Received::Message(command) => command,
                Received::Due => {
                    self.on_time();
                    continue;
                }
                Received::Closed => return,
            };
            match command {
                Command::Play(sounds) => self.play(&sounds),
                Command::Prepare(sounds) => self.opener.prepare_sounds(&sounds),
                Command::Expect(at) => self.expect(at),
                Command::Quit(done) => {
                    self.close();
                    let _ = done.send(());
                    return;
                }
            }
        }
    }

    /// A cue is expected at `at`: have the output running a little before it.
    fn expect(&mut self, at: Option<Instant>) {
        self.open_at = at.map(|at| at.checked_sub(OPEN_BEFORE).unwrap_or(at));
        self.on_time();
    }

    /// Opens or closes the output when its time has come.
    fn on_time(&mut self) {
        let now = self.clock.now();
        if let Some(open_at) = self.open_at.filter(|&at| at <= now) {
            self.open_at = None;
            if self.ensure_open() {
                let cue_at = open_at + OPEN_BEFORE;
                let until = cue_at.max(self.busy_until.unwrap_or(cue_at)) + self.close_after;
                self.close_at = Some(self.close_at.map_or(until, |c| c.max(until)));
            }
        }
        if let Some(close_at) = self.close_at.filter(|&at| at <= now) {
            match self.open_at {
                // Closing now only to open again in a moment would cost more than staying open.
                Some(open_at) if open_at <= close_at + self.close_after => {
                    self.close_at = Some(open_at + OPEN_BEFORE + self.close_after);
                }
                _ => self.close(),
            }
        }
    }

    /// Opens the output unless it is open or a failed device is waiting for its retry; returns
    /// whether it is open.
    fn ensure_open(&mut self) -> bool {
        if self.output.as_ref().is_some_and(Output::failed) {
            tracing::warn!("the sound device failed; reopening it");
            self.close();
        }
        if self.output.is_some() {
            return true;
        }
        if self.retry_at.is_some_and(|at| self.clock.now() < at) {
            return false;
        }
        match self.opener.open() {
            Ok(output) => {
                self.output = Some(output);
                self.retry_at = None;
                self.set_problem(None);
                true
            }
            Err(reason) => {
                self.without_device(&reason);
                false
            }
        }
    }

    fn play(&mut self, sounds: &[Sound]) {
        if !self.ensure_open() {
            return;
        }
        let Some(output) = self.output.as_mut() else {
            return;
        };
        match output.play(sounds, self.volume) {
            Ok(length) => {
                tracing::debug!(sound = sounds.first().map(Sound::name), "playing");
                let ends = self.clock.now() + length.unwrap_or(Duration::from_secs(5));
                let busy_until = self.busy_until.map_or(ends, |at| at.max(ends));
                self.busy_until = Some(busy_until);
                self.close_at = Some(busy_until + self.close_after);
            }
            Err(reason) => self.without_device(&reason),
        }
    }

    /// The device cannot be opened or played on: no output, the notice, and no new try until
    /// the retry delay has passed.
    fn without_device(&mut self, reason: &OutputError) {
        tracing::warn!(%reason, "no sound device");
        self.close();
        self.retry_at = Some(self.clock.now() + self.retry_after);
        self.set_problem(Some(NO_DEVICE.to_owned()));
    }

    fn close(&mut self) {
        if self.output.take().is_some() {
            tracing::debug!("sound output closed");
        }
        self.close_at = None;
        self.busy_until = None;
    }

    fn set_problem(&self, problem: Option<String>) {
        *self.problem.lock().unwrap_or_else(PoisonError::into_inner) = problem;
    }
}

#[cfg(test)]
mod tests;
