//! The player thread: takes cues from the app over a channel and plays them on an [`Output`], never
//! blocking the app. The output is opened a [lead](Worker::lead) ahead of an expected cue and closed
//! once nothing has played for [`CLOSE_AFTER`]; a device that cannot be opened is retried no more often
//! than [`RETRY_AFTER`].
//! Its time comes from a [`PlayerClock`]: the monotonic one, or a virtual one in tests.

mod clock;

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use clock::{Monotonic, PlayerClock, Received};

use super::Sound;
use crate::audio::{Ahead, CueSink, Cued};
use crate::engine::Event;

/// How long the output stays open after the last sound ends. Cues closer together than this plus
/// the lead (the countdown's ticks) share one opening.
pub const CLOSE_AFTER: Duration = Duration::from_millis(500);
/// How long a new stream takes to settle: a sound played on it sooner loses or delays its start, so an
/// output holds such a sound back in silence until then. The lead keeps every cue but a routine's very
/// first out of that window.
pub const SETTLE: Duration = Duration::from_millis(200);
/// The least time before an expected cue that the output opens. Opening takes about 35 ms on an idle
/// machine with PulseAudio, and was seen taking 130 ms on a loaded one (a debug build beside a compiler),
/// which left the first cue after a quiet stretch 80 ms late when the lead was 250 ms. A second covers
/// that several times over; a device seen opening more slowly gets a longer lead (see `Worker::lead`).
/// Keeping a stream open a second longer before a distant cue costs little: it is closed between cues.
pub const OPEN_BEFORE: Duration = Duration::from_secs(1);
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
    /// Starts playing `sounds` one after the other, `start_in` from now, mixed over anything still
    /// playing; returns how long they last once started (when known), or why the device failed.
    fn play(
        &mut self,
        sounds: &[Sound],
        volume: f32,
        start_in: Duration,
    ) -> Result<Option<Duration>, OutputError>;
    /// Stops the sounds that have not started yet (cues handed ahead that will not happen).
    fn call_off_waiting(&mut self) {}
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
    /// Cues due at this moment: each one's sounds, to start then on the output's own clock.
    PlayAt(Instant, Vec<Vec<Sound>>),
    /// The cues handed ahead will not happen: stop them before they start.
    CallOff,
    Prepare(Vec<Sound>),
    /// The next cue may come at this moment (or none is due).
    Expect(Option<Instant>),
    /// Stop, close the output, and say so on the channel.
    Quit(Sender<()>),
}

/// The app's side of the player: a [`CueSink`] that hands sounds to the thread.
pub struct SoundPlayer<C: PlayerClock = Monotonic> {
    commands: Sender<Command>,
    problem: Arc<Mutex<Option<String>>>,
    thread: Option<JoinHandle<()>>,
    /// The last expectation sent, to send only changes.
    expected: Option<Instant>,
    /// The events of the cues handed ahead that have not come yet: when they come, they have
    /// played already.
    handed: Vec<Event>,
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

impl<C: PlayerClock> SoundPlayer<C> {
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
            handed: Vec::new(),
            clock,
        };
        (player, receiver)
    }
}

impl<C: PlayerClock> CueSink for SoundPlayer<C> {
    fn play(&mut self, cued: &Cued, muted: bool) {
        if let Some(at) = self.handed.iter().position(|event| *event == cued.event) {
            // Handed ahead: it started on time, whatever the moment it is now.
            self.handed.remove(at);
            return;
        }
        if muted || cued.sounds.is_empty() {
            return;
        }
        let _ = self.commands.send(Command::Play(cued.sounds.clone()));
    }

    fn ahead(&mut self, next: Option<Ahead>) {
        let next = next.filter(|ahead| ahead.cues.iter().any(|cued| !cued.sounds.is_empty()));
        let events: Vec<Event> = next
            .iter()
            .flat_map(|ahead| ahead.cues.iter().map(|cued| cued.event))
            .collect();
        // Sent once: the loop hands the same cues over on every wake-up until they happen.
        if events == self.handed {
            return;
        }
        if !self.handed.is_empty() {
            let _ = self.commands.send(Command::CallOff);
        }
        self.handed = events;
        if let Some(ahead) = next {
            let at = self.clock.now() + ahead.due_in;
            let sounds = ahead.cues.into_iter().map(|cued| cued.sounds).collect();
            let _ = self.commands.send(Command::PlayAt(at, sounds));
        }
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

impl<C: PlayerClock> Drop for SoundPlayer<C> {
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

struct Worker<O: Opener, C: PlayerClock> {
    opener: O,
    output: Option<O::Output>,
    volume: f32,
    /// When the last sound queued so far ends.
    busy_until: Option<Instant>,
    /// When the output may close: a while after the last sound ends.
    close_at: Option<Instant>,
    /// When a failed device may be tried again.
    retry_at: Option<Instant>,
    /// When the next cue is expected: the output opens a [lead](Self::lead) ahead of it.
    expected: Option<Instant>,
    /// The longest an opening has taken so far.
    slowest_open: Duration,
    problem: Arc<Mutex<Option<String>>>,
    close_after: Duration,
    retry_after: Duration,
    clock: C,
}

impl<O: Opener, C: PlayerClock> Worker<O, C> {
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
            expected: None,
            slowest_open: Duration::ZERO,
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
            let wake = match (self.open_at(), self.close_at) {
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
                Command::Play(sounds) => self.play(&sounds, Duration::ZERO),
                Command::PlayAt(at, cues) => {
                    let start_in = at.saturating_duration_since(self.clock.now());
                    for sounds in cues.iter().filter(|sounds| !sounds.is_empty()) {
                        self.play(sounds, start_in);
                    }
                }
                Command::CallOff => {
                    if let Some(output) = self.output.as_mut() {
                        tracing::debug!("cues handed ahead called off");
                        output.call_off_waiting();
                    }
                }
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
        self.expected = at;
        self.on_time();
    }

    /// How long before a cue the output opens: long enough for the slowest opening seen so far to end
    /// and the new stream to settle, twice over, and never less than [`OPEN_BEFORE`].
    fn lead(&self) -> Duration {
        OPEN_BEFORE.max(2 * (self.slowest_open + SETTLE))
    }

    /// When the output is due to open for the expected cue, if one is expected.
    fn open_at(&self) -> Option<Instant> {
        let lead = self.lead();
        self.expected.map(|at| at.checked_sub(lead).unwrap_or(at))
    }

    /// Opens or closes the output when its time has come.
    fn on_time(&mut self) {
        let now = self.clock.now();
        if let Some(cue_at) = self
            .expected
            .filter(|_| self.open_at().is_some_and(|at| at <= now))
        {
            self.expected = None;
            if self.ensure_open() {
                let until = cue_at.max(self.busy_until.unwrap_or(cue_at)) + self.close_after;
                self.close_at = Some(self.close_at.map_or(until, |c| c.max(until)));
            }
        }
        if let Some(close_at) = self.close_at.filter(|&at| at <= now) {
            match (self.open_at(), self.expected) {
                // Closing now only to open again in a moment would cost more than staying open.
                (Some(open_at), Some(cue_at)) if open_at <= close_at + self.close_after => {
                    self.close_at = Some(cue_at + self.close_after);
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
        let started = self.clock.now();
        let opened = self.opener.open();
        let took = self.clock.now().saturating_duration_since(started);
        if took > self.slowest_open {
            self.slowest_open = took;
            tracing::debug!(?took, lead = ?self.lead(), "the slowest opening so far");
        }
        match opened {
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

    /// Plays `sounds`, starting `start_in` from now.
    fn play(&mut self, sounds: &[Sound], start_in: Duration) {
        if !self.ensure_open() {
            return;
        }
        let Some(output) = self.output.as_mut() else {
            return;
        };
        match output.play(sounds, self.volume, start_in) {
            Ok(length) => {
                tracing::debug!(
                    sound = sounds.first().map(Sound::name),
                    ?start_in,
                    "playing"
                );
                let ends = self.clock.now() + start_in + length.unwrap_or(Duration::from_secs(5));
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
