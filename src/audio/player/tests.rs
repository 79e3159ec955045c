use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::*;
use crate::audio::Clip;
use crate::engine::Event;

/// Everything the fake outputs did, shared with the test.
#[derive(Default)]
struct Log {
    played: Mutex<Vec<(Vec<String>, f32)>>,
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
        self.log.opened.fetch_add(1, Ordering::SeqCst);
        Ok(FakeOutput {
            log: Arc::clone(&self.log),
            plays: 0,
            fail_after: self.fail_after,
        })
    }
}

impl Output for FakeOutput {
    fn play(&mut self, sounds: &[Sound], volume: f32) -> Result<Option<Duration>, OutputError> {
        self.plays += 1;
        let names = sounds.iter().map(|s| s.name().to_owned()).collect();
        self.log.played.lock().expect("log").push((names, volume));
        Ok(Some(Duration::from_millis(10)))
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
    Cued {
        event: Event::Finished { at: 0 },
        sounds: clips.iter().map(|c| Sound::Clip(*c)).collect(),
    }
}

fn start(no_device: bool, fail_after: Option<usize>) -> (SoundPlayer, Arc<Log>, Arc<AtomicBool>) {
    let log = Arc::new(Log::default());
    let flag = Arc::new(AtomicBool::new(no_device));
    let opener = FakeOpener {
        log: Arc::clone(&log),
        no_device: Arc::clone(&flag),
        fail_after,
    };
    let player = SoundPlayer::with_timing(
        opener,
        0.5,
        true,
        (Duration::from_millis(100), Duration::from_millis(150)),
    );
    if !no_device {
        // The player tries the device once at the start, then closes it again when nothing comes.
        eventually("the first opening", || {
            log.opened.load(Ordering::SeqCst) == 1
        });
        eventually("its closing", || log.closed.load(Ordering::SeqCst) == 1);
    }
    (player, log, flag)
}

/// Waits (up to 5 s, for a loaded machine) until `done` holds.
fn eventually(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
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
    let (mut player, log, _) = start(false, None);
    player.play(&cued(&[Clip::Tick]), false);
    player.play(&cued(&[Clip::Start, Clip::Switch]), false);
    player.play(&cued(&[Clip::Halfway]), true);
    player.play(&cued(&[]), false);
    player.play(&cued(&[Clip::Done]), false);
    eventually("three plays", || played(&log).len() == 3);
    assert_eq!(
        played(&log),
        vec![
            vec!["tick".to_owned()],
            vec!["start".to_owned(), "switch".to_owned()],
            vec!["done".to_owned()],
        ]
    );
    assert!(
        log.played
            .lock()
            .expect("log")
            .iter()
            .all(|(_, v)| (*v - 0.5).abs() < f32::EPSILON)
    );
    assert_eq!(player.problem(), None);
}

#[test]
fn the_output_closes_when_idle_and_reopens_for_the_next_cue() {
    let (mut player, log, _) = start(false, None);
    player.play(&cued(&[Clip::Tick]), false);
    eventually("closed after idle", || {
        log.closed.load(Ordering::SeqCst) == 2
    });
    player.play(&cued(&[Clip::Tick]), false);
    eventually("reopened", || log.opened.load(Ordering::SeqCst) == 3);
}

#[test]
fn quitting_stops_and_closes_everything() {
    let (mut player, log, _) = start(false, None);
    player.play(&cued(&[Clip::Done]), false);
    eventually("played", || played(&log).len() == 1);
    drop(player);
    assert_eq!(
        log.closed.load(Ordering::SeqCst),
        2,
        "closed on drop, at once"
    );
}

#[test]
fn no_device_is_a_notice_and_a_retry_later_not_a_failure() {
    let (mut player, log, no_device) = start(true, None);
    // Known from the start: the player tries the device at once.
    eventually("the notice", || player.problem().is_some());
    player.play(&cued(&[Clip::Tick]), false);
    assert_eq!(player.problem().as_deref(), Some(NO_DEVICE));
    // Too soon to try again: this cue is dropped without touching the device.
    no_device.store(false, Ordering::SeqCst);
    player.play(&cued(&[Clip::Tick]), false);
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(log.opened.load(Ordering::SeqCst), 0);
    // After the retry delay the device is back, and so is sound.
    std::thread::sleep(Duration::from_millis(200));
    player.play(&cued(&[Clip::Start]), false);
    eventually("played after the retry", || played(&log).len() == 1);
    eventually("the notice cleared", || player.problem().is_none());
}

#[test]
fn a_device_that_fails_mid_session_is_reopened() {
    let (mut player, log, _) = start(false, Some(1));
    player.play(&cued(&[Clip::Tick]), false);
    eventually("first play", || played(&log).len() == 1);
    player.play(&cued(&[Clip::Tick]), false);
    eventually("second play on a new output", || played(&log).len() == 2);
    assert_eq!(log.opened.load(Ordering::SeqCst), 3);
    assert_eq!(log.closed.load(Ordering::SeqCst), 2);
}

#[test]
fn the_output_opens_ahead_of_an_expected_cue_and_closes_after() {
    let (mut player, log, _) = start(false, None);
    player.expect(Some(Duration::from_millis(600)));
    // Not yet: the output opens OPEN_BEFORE (400 ms) ahead of the cue.
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(log.opened.load(Ordering::SeqCst), 1);
    eventually("opened before the cue", || {
        log.opened.load(Ordering::SeqCst) == 2
    });
    player.play(&cued(&[Clip::Tick]), false);
    eventually("played", || played(&log).len() == 1);
    assert_eq!(
        log.opened.load(Ordering::SeqCst),
        2,
        "the cue used the open output"
    );
    player.expect(None);
    eventually("closed after", || log.closed.load(Ordering::SeqCst) == 2);
}

#[test]
fn started_muted_it_leaves_the_device_alone() {
    let log = Arc::new(Log::default());
    let opener = FakeOpener {
        log: Arc::clone(&log),
        no_device: Arc::new(AtomicBool::new(false)),
        fail_after: None,
    };
    let mut player = SoundPlayer::with_timing(
        opener,
        0.5,
        false,
        (Duration::from_millis(100), Duration::from_millis(150)),
    );
    player.play(&cued(&[Clip::Tick]), true);
    std::thread::sleep(Duration::from_millis(150));
    assert_eq!(log.opened.load(Ordering::SeqCst), 0);
    // Unmuted, the next cue opens it.
    player.play(&cued(&[Clip::Tick]), false);
    eventually("opened for the cue", || {
        log.opened.load(Ordering::SeqCst) == 1
    });
}

/// A sound server that stopped answering: opening never returns (within the test).
struct Hung;

impl Opener for Hung {
    type Output = FakeOutput;
    fn open(&mut self) -> Result<FakeOutput, OutputError> {
        std::thread::sleep(Duration::from_secs(30));
        Err(OutputError::NoDevice("hung".into()))
    }
}

#[test]
fn a_hung_sound_server_does_not_hold_up_quitting() {
    let player = SoundPlayer::with_timing(
        Hung,
        0.5,
        true,
        (Duration::from_millis(100), Duration::from_millis(150)),
    );
    std::thread::sleep(Duration::from_millis(50));
    let start = Instant::now();
    drop(player);
    let waited = start.elapsed();
    assert!(
        waited >= QUIT_WAIT,
        "it waited for the thread first: {waited:?}"
    );
    assert!(waited < QUIT_WAIT * 3, "then left it behind: {waited:?}");
}

#[test]
fn a_starting_routine_s_own_sounds_are_prepared_on_the_player_thread() {
    let (mut player, log, _) = start(true, None);
    let sound = Sound::File {
        name: "beep.wav".into(),
        bytes: Arc::from(Clip::Tick.bytes()),
    };
    player.prepare(vec![sound]);
    drop(player);
    assert_eq!(
        *log.prepared.lock().expect("log"),
        vec!["beep.wav".to_owned()]
    );
}
