use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::TryRecvError;
use std::time::{Duration, Instant};

use super::*;
use crate::audio::Clip;
use crate::engine::{AppInstant, Event};

/// Everything the fake outputs did, shared with the test.
#[derive(Default)]
struct Log {
    played: Mutex<Vec<(Vec<String>, f32)>>,
    /// How long each play waited before starting, in play order.
    waits: Mutex<Vec<Duration>>,
    /// Calls that stopped the sounds still waiting for their moment.
    called_off: AtomicUsize,
    prepared: Mutex<Vec<String>>,
    opened: AtomicUsize,
    closed: AtomicUsize,
}

struct FakeOpener {
    log: Arc<Log>,
    /// Fail every open while set.
    no_device: Arc<AtomicBool>,
    /// Outputs report a failure after this many plays.
    fail_after: Option<usize>,
    /// Each opening takes this long on this clock (a loaded machine, a slow sound server).
    open_takes: Option<(Virtual, Duration)>,
}

struct FakeOutput {
    log: Arc<Log>,
    plays: usize,
    fail_after: Option<usize>,
}

impl Opener for FakeOpener {
    type Output = FakeOutput;
    fn prepare_sounds(&mut self, sounds: &[Sound]) {
        let names = sounds.iter().map(|s| s.name().to_owned());
        self.log.prepared.lock().expect("log").extend(names);
    }
    fn open(&mut self) -> Result<FakeOutput, OutputError> {
        if self.no_device.load(Ordering::SeqCst) {
            return Err(OutputError::NoDevice("no device".into()));
        }
        if let Some((clock, takes)) = &self.open_takes {
            clock.spend(*takes);
        }
        self.log.opened.fetch_add(1, Ordering::SeqCst);
        Ok(FakeOutput {
            log: Arc::clone(&self.log),
            plays: 0,
            fail_after: self.fail_after,
        })
    }
}

impl Output for FakeOutput {
    fn play(
        &mut self,
        sounds: &[Sound],
        volume: f32,
        start_in: Duration,
    ) -> Result<Option<Duration>, OutputError> {
        self.plays += 1;
        let names = sounds.iter().map(|s| s.name().to_owned()).collect();
        self.log.played.lock().expect("log").push((names, volume));
        self.log.waits.lock().expect("log").push(start_in);
        Ok(Some(Duration::from_millis(10)))
    }

    fn call_off_waiting(&mut self) {
        self.log.called_off.fetch_add(1, Ordering::SeqCst);
    }

    fn failed(&self) -> bool {
        self.fail_after.is_some_and(|n| self.plays >= n)
    }
}

impl Drop for FakeOutput {
    fn drop(&mut self) {
        self.log.closed.fetch_add(1, Ordering::SeqCst);
    }
}

fn cued(clips: &[Clip]) -> Cued {
    cued_at(0, clips)
}

/// A cue event `since_start` milliseconds into the app's clock, playing `clips`.
fn cued_at(since_start: u64, clips: &[Clip]) -> Cued {
    Cued {
        event: Event::Finished {
            at: AppInstant::from_millis(since_start),
        },
        sounds: clips.iter().map(|c| Sound::Clip(*c)).collect(),
    }
}

/// Virtual time, shared by the test and the player: it moves only when the worker waits for a
/// deadline, and no further than the test has let it go.
#[derive(Clone)]
struct Virtual(Arc<Mutex<Times>>);

struct Times {
    start: Instant,
    now: Instant,
    /// How far the test lets time go.
    until: Instant,
    /// The deadline last met, until a message comes.
    last_due: Option<Instant>,
}

impl Virtual {
    fn new() -> Self {
        let start = Instant::now();
        Self(Arc::new(Mutex::new(Times {
            start,
            now: start,
            until: start,
            last_due: None,
        })))
    }

    fn times(&self) -> std::sync::MutexGuard<'_, Times> {
        self.0.lock().expect("times")
    }

    /// Lets time go `by` further than it may so far.
    fn allow(&self, by: Duration) {
        self.times().until += by;
    }

    /// Time spent inside a call (an opening that takes a while): it passes whatever the test allows.
    fn spend(&self, time: Duration) {
        let mut times = self.times();
        times.now += time;
        times.until = times.until.max(times.now);
    }

    /// Virtual time since the start.
    fn elapsed(&self) -> Duration {
        let times = self.times();
        times.now - times.start
    }
}

impl PlayerClock for Virtual {
    fn now(&self) -> Instant {
        self.times().now
    }

    /// A message already sent comes first; else time jumps to the deadline if the test lets it go
    /// that far (`Due`), or to where the test stopped it (`Closed`: the worker's loop returns, and
    /// the test takes its turn). A deadline met twice with nothing in between fails the test: on a
    /// real clock the worker would spin.
    fn recv<T>(&self, from: &Receiver<T>, deadline: Option<Instant>) -> Received<T> {
        match from.try_recv() {
            Ok(message) => {
                self.times().last_due = None;
                return Received::Message(message);
            }
            Err(TryRecvError::Disconnected) => return Received::Closed,
            Err(TryRecvError::Empty) => {}
        }
        let mut times = self.times();
        match deadline {
            Some(at) if at <= times.until => {
                assert_ne!(
                    times.last_due,
                    Some(at),
                    "woken twice for the same deadline"
                );
                times.last_due = Some(at);
                times.now = times.now.max(at);
                Received::Due
            }
            _ => {
                times.now = times.until;
                Received::Closed
            }
        }
    }
}

/// How long the output stays open after the last sound, and when a failed device is tried again.
const CLOSE: Duration = Duration::from_millis(100);
const RETRY: Duration = Duration::from_millis(150);
const MS: Duration = Duration::from_millis(1);

/// A player and its worker on the test's thread, on virtual time.
struct Rig {
    player: SoundPlayer<Virtual>,
    worker: Worker<FakeOpener, Virtual>,
    commands: Receiver<Command>,
    clock: Virtual,
    log: Arc<Log>,
    no_device: Arc<AtomicBool>,
}

impl Rig {
    /// As the thread starts: trying the device at once unless `muted` (the device missing while
    /// `no_device`; failing after `fail_after` plays).
    fn new(no_device: bool, fail_after: Option<usize>, muted: bool) -> Self {
        Self::opening_in(Duration::ZERO, no_device, fail_after, muted)
    }

    /// As [`Rig::new`], with every opening taking `open_takes` of virtual time.
    fn opening_in(
        open_takes: Duration,
        no_device: bool,
        fail_after: Option<usize>,
        muted: bool,
    ) -> Self {
        let log = Arc::new(Log::default());
        let flag = Arc::new(AtomicBool::new(no_device));
        let clock = Virtual::new();
        let opener = FakeOpener {
            log: Arc::clone(&log),
            no_device: Arc::clone(&flag),
            fail_after,
            open_takes: Some((clock.clone(), open_takes)),
        };
        let (player, commands) = SoundPlayer::unstarted(clock.clone());
        let problem = Arc::clone(&player.problem);
        let mut worker = Worker::new(opener, 0.5, problem, (CLOSE, RETRY), clock.clone());
        worker.start(!muted);
        Self {
            player,
            worker,
            commands,
            clock,
            log,
            no_device: flag,
        }
    }

    /// Lets `by` pass: the worker takes what was sent, then meets every deadline up to then.
    fn pass(&mut self, by: Duration) {
        self.clock.allow(by);
        self.worker.run(&self.commands);
    }

    /// The worker takes what was sent, with no time passing.
    fn settle(&mut self) {
        self.pass(Duration::ZERO);
    }

    fn opened(&self) -> usize {
        self.log.opened.load(Ordering::SeqCst)
    }

    fn closed(&self) -> usize {
        self.log.closed.load(Ordering::SeqCst)
    }
}

/// A started player: unless `no_device`, it tried the device once at the start, and closed it
/// again [`CLOSE`] later as nothing came.
fn start(no_device: bool, fail_after: Option<usize>) -> Rig {
    let mut rig = Rig::new(no_device, fail_after, false);
    if !no_device {
        assert_eq!(rig.opened(), 1, "the first opening");
        rig.pass(CLOSE.saturating_sub(MS));
        assert_eq!(rig.closed(), 0, "not closed before its time");
        rig.pass(MS);
        assert_eq!(rig.closed(), 1, "its closing");
    }
    rig
}

fn played(log: &Log) -> Vec<Vec<String>> {
    log.played
        .lock()
        .expect("log")
        .iter()
        .map(|(names, _)| names.clone())
        .collect()
}

#[test]
fn cues_play_in_order_at_the_volume_and_muted_ones_not_at_all() {
    let mut rig = start(false, None);
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.player.play(&cued(&[Clip::Start, Clip::Switch]), false);
    rig.player.play(&cued(&[Clip::Halfway]), true);
    rig.player.play(&cued(&[]), false);
    rig.player.play(&cued(&[Clip::Done]), false);
    rig.settle();
    assert_eq!(
        played(&rig.log),
        vec![
            vec!["tick".to_owned()],
            vec!["start".to_owned(), "switch".to_owned()],
            vec!["done".to_owned()],
        ]
    );
    assert!(
        rig.log
            .played
            .lock()
            .expect("log")
            .iter()
            .all(|(_, v)| (*v - 0.5).abs() < f32::EPSILON)
    );
    assert_eq!(rig.player.problem(), None);
}

#[test]
fn the_output_closes_when_idle_and_reopens_for_the_next_cue() {
    let mut rig = start(false, None);
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(rig.opened(), 2);
    // The sound lasts 10 ms; the output closes CLOSE after it ends.
    rig.pass((Duration::from_millis(10) + CLOSE).saturating_sub(MS));
    assert_eq!(rig.closed(), 1, "still open");
    rig.pass(MS);
    assert_eq!(rig.closed(), 2, "closed after idle");
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(rig.opened(), 3, "reopened");
}

#[test]
fn quitting_stops_and_closes_everything() {
    let mut rig = start(false, None);
    rig.player.play(&cued(&[Clip::Done]), false);
    rig.settle();
    assert_eq!(played(&rig.log).len(), 1);
    let before = rig.clock.elapsed();
    drop(rig.player);
    rig.worker.run(&rig.commands);
    assert_eq!(rig.log.closed.load(Ordering::SeqCst), 2, "closed on drop");
    assert_eq!(rig.clock.elapsed(), before, "at once");
}

#[test]
fn no_device_is_a_notice_and_a_retry_later_not_a_failure() {
    let mut rig = start(true, None);
    // Known from the start: the player tries the device at once.
    assert_eq!(rig.player.problem().as_deref(), Some(NO_DEVICE));
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(rig.player.problem().as_deref(), Some(NO_DEVICE));
    // Too soon to try again: these cues are dropped without touching the device.
    rig.no_device.store(false, Ordering::SeqCst);
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    rig.pass(RETRY.saturating_sub(MS));
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(rig.opened(), 0);
    assert!(played(&rig.log).is_empty());
    // After the retry delay the device is back, and so is sound.
    rig.pass(MS);
    rig.player.play(&cued(&[Clip::Start]), false);
    rig.settle();
    assert_eq!(played(&rig.log), vec![vec!["start".to_owned()]]);
    assert_eq!(rig.player.problem(), None, "the notice cleared");
}

#[test]
fn a_device_that_fails_mid_session_is_reopened() {
    let mut rig = start(false, Some(1));
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(played(&rig.log).len(), 1, "first play");
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(played(&rig.log).len(), 2, "second play on a new output");
    assert_eq!(rig.opened(), 3);
    assert_eq!(rig.closed(), 2);
}

#[test]
fn the_output_opens_ahead_of_an_expected_cue_and_closes_after() {
    let mut rig = start(false, None);
    let cue_in = Duration::from_secs(3);
    rig.player.expect(Some(cue_in));
    rig.settle();
    // Not yet: the output opens OPEN_BEFORE (a second) ahead of the cue.
    rig.pass(cue_in.saturating_sub(OPEN_BEFORE + MS));
    assert_eq!(rig.opened(), 1);
    rig.pass(MS);
    assert_eq!(rig.opened(), 2, "opened before the cue");
    rig.pass(OPEN_BEFORE);
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(played(&rig.log).len(), 1, "played");
    assert_eq!(rig.opened(), 2, "the cue used the open output");
    rig.player.expect(None);
    rig.settle();
    rig.pass((Duration::from_millis(10) + CLOSE).saturating_sub(MS));
    assert_eq!(rig.closed(), 1, "still open");
    rig.pass(MS);
    assert_eq!(rig.closed(), 2, "closed after");
}

/// The first cue after a quiet stretch is heard on time even where opening is slow: a device seen
/// taking 700 ms to open is opened early enough that the opening ends, and the stream settles, before
/// the cue (issue 27: with a fixed 250 ms lead, a 130 ms opening made the cue 80 ms late).
#[test]
fn a_slow_device_is_opened_far_enough_ahead_to_settle_before_the_cue() {
    let takes = Duration::from_millis(700);
    let mut rig = Rig::opening_in(takes, false, None, false);
    assert_eq!(
        rig.opened(),
        1,
        "the first opening, which shows how slow the device is"
    );
    rig.pass(CLOSE + MS);
    assert_eq!(rig.closed(), 1);
    let cue_at = rig.clock.elapsed() + Duration::from_secs(10);
    rig.player.expect(Some(Duration::from_secs(10)));
    rig.settle();
    rig.pass(
        cue_at
            .saturating_sub(rig.clock.elapsed())
            .saturating_sub(takes + SETTLE),
    );
    assert_eq!(
        rig.opened(),
        2,
        "opened, and settled, by the time the cue comes"
    );
    let ready_at = rig.clock.elapsed();
    assert!(
        ready_at + SETTLE <= cue_at,
        "the opening ended at {ready_at:?}; the cue is at {cue_at:?}"
    );
}

/// Ticks a second apart share one opening: the output is not closed and opened again between them.
#[test]
fn cues_a_second_apart_share_one_opening() {
    let mut rig = start(false, None);
    for _ in 0..5 {
        rig.player.expect(Some(Duration::from_secs(1)));
        rig.settle();
        rig.pass(Duration::from_secs(1));
        rig.player.play(&cued(&[Clip::Tick]), false);
        rig.settle();
    }
    assert_eq!(played(&rig.log).len(), 5);
    assert_eq!(rig.opened(), 2, "one opening for the five ticks");
    assert_eq!(rig.closed(), 1, "only the start's opening was closed");
}

#[test]
fn started_muted_it_leaves_the_device_alone() {
    let mut rig = Rig::new(false, None, true);
    rig.player.play(&cued(&[Clip::Tick]), true);
    rig.settle();
    rig.pass(RETRY);
    assert_eq!(rig.opened(), 0);
    // Unmuted, the next cue opens it.
    rig.player.play(&cued(&[Clip::Tick]), false);
    rig.settle();
    assert_eq!(rig.opened(), 1, "opened for the cue");
}

/// A sound server that stopped answering: opening returns only when the test lets it.
struct Hung {
    release: Receiver<()>,
}

impl Opener for Hung {
    type Output = FakeOutput;
    fn open(&mut self) -> Result<FakeOutput, OutputError> {
        let _ = self.release.recv();
        Err(OutputError::NoDevice("hung".into()))
    }
}

#[test]
fn a_hung_sound_server_does_not_hold_up_quitting() {
    let (release, hung) = mpsc::channel();
    let clock = Virtual::new();
    // The player's own thread, stuck opening the device at once.
    let player = SoundPlayer::spawn(
        Hung { release: hung },
        0.5,
        true,
        (CLOSE, RETRY),
        clock.clone(),
    );
    clock.allow(Duration::from_secs(3600));
    drop(player);
    assert_eq!(
        clock.elapsed(),
        QUIT_WAIT,
        "it waited for the thread, then left it behind"
    );
    drop(release);
}

#[test]
fn a_starting_routine_s_own_sounds_are_prepared_on_the_player_thread() {
    let mut rig = start(true, None);
    let sound = Sound::File {
        name: "beep.wav".into(),
        bytes: Arc::from(Clip::Tick.bytes()),
    };
    rig.player.prepare(vec![sound]);
    drop(rig.player);
    rig.worker.run(&rig.commands);
    assert_eq!(
        *rig.log.prepared.lock().expect("log"),
        vec!["beep.wav".to_owned()]
    );
}

#[test]
fn the_monotonic_clock_gives_a_message_the_deadline_or_the_end_without_waiting_past_either() {
    let (send, receive) = mpsc::channel();
    let clock = Monotonic;
    assert_eq!(clock.recv(&receive, Some(clock.now())), Received::Due);
    send.send(1).expect("send");
    assert_eq!(
        clock.recv(&receive, Some(clock.now())),
        Received::Message(1)
    );
    send.send(2).expect("send");
    assert_eq!(clock.recv(&receive, None), Received::Message(2));
    drop(send);
    assert_eq!(clock.recv(&receive, Some(clock.now())), Received::Closed);
    assert_eq!(clock.recv(&receive, None), Received::Closed);
}

mod ahead;
