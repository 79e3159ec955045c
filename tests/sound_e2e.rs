//! End to end through a real sound server: the real binary plays a short routine in a real terminal
//! (tmux) into a PulseAudio null sink, `parec` records the sink's monitor, and the recording must hold
//! every expected cue, in order, each within 50 ms of its planned time relative to the first.
//!
//! Cues are told apart by pitch: every cue tone starts on its own note (see `sounds/make-sounds.sh`).
//! Outside CI the test runs when a PulseAudio server is reachable and says it skipped otherwise; with
//! `LIMBERUP_REQUIRE_SOUND=1` (set by `.ci/run`) a missing server is a failure, so CI never passes by
//! skipping.
//!
//! These tests are a test binary of their own, not modules of `tests/integration`: they measure sound to
//! the millisecond and compare waveforms, and the other tests running beside them on the same cores
//! starve the app's sound thread (a debug build) into dropping samples. Run alone, one after the other,
//! they have the machine to themselves.

// Sound end to end needs the build with audio; the build without it plays nothing by design.
#![cfg(feature = "audio")]

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const RATE: usize = 44_100;
/// How far a cue may land from its planned time, relative to the first cue.
const TOLERANCE_MS: f64 = 50.0;

/// Prepare 2 s, a 20 s hold (halfway at 10 s), a 2 s rest, then 2 s a side with a 2 s switch; one
/// countdown tick a segment.
const ROUTINE: &str = r#"
name = "Sound check"
kind = "stretch"
[defaults]
prepare = "2s"
countdown = 1
rest = "2s"
switch = "2s"
[[steps]]
name = "Hold"
duration = "20s"
[[steps]]
name = "Sides"
duration = "2s"
sides = "both"
"#;

/// (seconds from the start, cue) as the plan puts them.
const EXPECTED: &[(f64, &str)] = &[
    (1.0, "tick"),
    (2.0, "start"),
    (12.0, "halfway"),
    (21.0, "tick"),
    (22.0, "rest"),
    (23.0, "tick"),
    (24.0, "start"),
    (25.0, "tick"),
    (26.0, "switch"),
    (27.0, "tick"),
    (28.0, "start"),
    (29.0, "tick"),
    (30.0, "done"),
];

/// The first note of each cue tone, in Hz.
const PITCHES: &[(&str, f64)] = &[
    ("tick", 1760.0),
    ("start", 880.0),
    ("halfway", 660.0),
    ("switch", 1175.0),
    ("rest", 784.0),
    ("done", 523.0),
];

fn pactl(args: &[&str]) -> Option<String> {
    let output = Command::new("pactl").args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// A null sink made the default for the test, put back as it was afterwards.
struct NullSink {
    name: String,
    module: String,
    previous_default: Option<String>,
}

impl NullSink {
    fn load() -> Self {
        // Each test its own name: a sink just unloaded may still hold the last one.
        static LOADED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let count = LOADED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("limberup_e2e_{}_{count}", std::process::id());
        let module = pactl(&[
            "load-module",
            "module-null-sink",
            &format!("sink_name={name}"),
        ])
        .expect("pactl can load a null sink");
        let previous_default = pactl(&["get-default-sink"]);
        pactl(&["set-default-sink", &name]).expect("pactl can set the default sink");
        Self {
            name,
            module,
            previous_default,
        }
    }
}

impl Drop for NullSink {
    fn drop(&mut self) {
        if let Some(previous) = &self.previous_default {
            let _ = pactl(&["set-default-sink", previous]);
        }
        let _ = pactl(&["unload-module", &self.module]);
    }
}

struct Recorder(Child);

impl Drop for Recorder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Tmux(String);

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.0, "kill-server"])
            .status();
    }
}

/// The tests each make their own sink the server's default, so they take turns.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Whether a PulseAudio server answers; with `LIMBERUP_REQUIRE_SOUND=1` one must.
fn sound_server() -> bool {
    let required = std::env::var_os("LIMBERUP_REQUIRE_SOUND").is_some_and(|v| v == "1");
    if pactl(&["info"]).is_none() {
        assert!(
            !required,
            "LIMBERUP_REQUIRE_SOUND=1 but no PulseAudio server answers `pactl info`"
        );
        eprintln!("skipped: no PulseAudio server is reachable");
        return false;
    }
    true
}

#[test]
#[cfg_attr(
    limberup_no_pulseaudio,
    ignore = "needs a PulseAudio server (pactl not found on PATH at build time)"
)]
fn cues_reach_a_pulseaudio_sink_in_order_and_on_time() {
    let Some(played) = play_and_record(ROUTINE, "volume = 100\nspoken = false\n", 30) else {
        return;
    };
    let (samples, arrivals, log) = (played.samples, played.arrivals, played.log);
    let heard: Vec<(f64, &str)> = cues_in(&samples)
        .into_iter()
        .map(|(sample, cue)| (arrival_of(sample, &arrivals), cue))
        .collect();
    let names: Vec<&str> = heard.iter().map(|(_, cue)| *cue).collect();
    let expected: Vec<&str> = EXPECTED.iter().map(|(_, cue)| *cue).collect();
    assert_eq!(names, expected, "cues heard at {heard:?}\nlog:\n{log}");
    // The recording's clock and the routine's start are not aligned, so each cue is compared with
    // the median offset of all of them: one late cue (say the first, which opens the output) shows
    // as its own error instead of shifting every other cue.
    let mut offsets: Vec<f64> = heard
        .iter()
        .zip(EXPECTED)
        .map(|((at, _), (planned, _))| at - planned)
        .collect();
    offsets.sort_by(f64::total_cmp);
    let median = offsets[offsets.len() / 2];
    let mut worst: f64 = 0.0;
    for ((at, cue), (planned, _)) in heard.iter().zip(EXPECTED) {
        let error_ms = (at - planned - median) * 1000.0;
        worst = worst.max(error_ms.abs());
        assert!(
            error_ms.abs() <= TOLERANCE_MS,
            "{cue} planned at {planned} s was heard {error_ms:.1} ms off (all: {heard:?})\nlog:\n{log}"
        );
    }
    // By design no cue waits for a new stream to settle: the output opens a lead ahead of each.
    assert!(
        !log.contains("held back until the new stream settles"),
        "a cue waited for the output to settle\nlog:\n{log}"
    );
    let spread: Vec<String> = heard
        .iter()
        .zip(EXPECTED)
        .map(|((at, _), (planned, _))| format!("{:+.1}", (at - planned - median) * 1000.0))
        .collect();
    eprintln!(
        "{} cues heard in order; the worst was {worst:.1} ms off its planned time; heard minus planned (ms): {}",
        heard.len(),
        spread.join(" ")
    );
    // What the stream said of its delay (making a frame to hearing it) at each hand-over: the output
    // starts each cue that much before its moment.
    let delays: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("the stream's delay as a cue is handed over"))
        .filter_map(|line| {
            line.split_whitespace()
                .find_map(|f| f.strip_prefix("delay="))
        })
        .collect();
    eprintln!("the stream's delay at each hand-over: {}", delays.join(" "));
}

/// What a routine played into the sink: the recording, its chunks' arrivals, the app's log, and its
/// folder (with the data folder inside).
struct Played {
    samples: Vec<f64>,
    arrivals: Arrivals,
    log: String,
    dir: tempfile::TempDir,
}

/// Plays `routine` (`seconds` long) with `config` into a null sink of its own and records it; `None`
/// when the test is skipped for want of a sound server.
fn play_and_record(routine: &str, config: &str, seconds: u64) -> Option<Played> {
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !sound_server() {
        return None;
    }
    let sink = NullSink::load();
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("routine.toml"), routine).expect("write routine");
    std::fs::write(dir.path().join("config.toml"), config).expect("write config");
    let recording = Recording::start(&sink);
    play_routine(dir.path(), seconds);
    let (samples, arrivals) = recording.finish();
    let log = std::fs::read_to_string(dir.path().join("data/limberup.log")).unwrap_or_default();
    Some(Played {
        samples,
        arrivals,
        log,
        dir,
    })
}

/// For each chunk recorded: the count of samples so far, and when (seconds) it arrived.
type Arrivals = Vec<(usize, f64)>;

/// Records the sink's monitor, each chunk stamped with when it arrived: the sample count alone is not
/// a clock, as a monitor's stream can skip when the sink rewinds for a new stream.
struct Recording {
    _silence: Recorder,
    parec: Recorder,
    reader: std::thread::JoinHandle<(Vec<u8>, Arrivals)>,
}

impl Recording {
    fn start(sink: &NullSink) -> Self {
        // A null sink that nobody plays to is suspended, and its monitor then stops delivering
        // samples; a stream of silence keeps it running. Low latency from the start, too: a sink
        // whose latency drops when the app's stream joins rewinds, and its monitor would skip.
        let silence = Recorder(
            Command::new("pacat")
                .args(["-d", &sink.name, "--raw", "--format=s16le", "--rate=44100"])
                .args(["--channels=1", "--latency-msec=10", "/dev/zero"])
                .stdout(Stdio::null())
                .spawn()
                .expect("pacat runs"),
        );
        std::thread::sleep(Duration::from_millis(300));
        let mut parec = Recorder(
            Command::new("parec")
                .args(["-d", &format!("{}.monitor", sink.name), "--raw"])
                .args(["--format=s16le", &format!("--rate={RATE}"), "--channels=1"])
                .arg("--latency-msec=10")
                .stdout(Stdio::piped())
                .spawn()
                .expect("parec runs"),
        );
        let mut stdout = parec.0.stdout.take().expect("parec output");
        let (flowing, flows) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let origin = Instant::now();
            let mut bytes = Vec::new();
            let mut arrivals = Vec::new();
            let mut chunk = [0_u8; 4096];
            while let Ok(read) = stdout.read(&mut chunk) {
                if read == 0 {
                    break;
                }
                bytes.extend_from_slice(&chunk[..read]);
                arrivals.push((bytes.len() / 2, origin.elapsed().as_secs_f64()));
                if bytes.len() / 2 >= RATE {
                    let _ = flowing.send(());
                }
            }
            (bytes, arrivals)
        });
        // parec's first second comes in one late burst; start once samples arrive as they are made.
        flows
            .recv_timeout(Duration::from_secs(10))
            .expect("parec records the monitor");
        std::thread::sleep(Duration::from_millis(500));
        Self {
            _silence: silence,
            parec,
            reader,
        }
    }

    /// Stops recording: the samples (-1 to 1) and the chunks' arrivals.
    fn finish(self) -> (Vec<f64>, Arrivals) {
        drop(self.parec);
        let (bytes, arrivals) = self.reader.join().expect("reader");
        let samples = bytes
            .chunks_exact(2)
            .map(|b| f64::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0)
            .collect();
        (samples, arrivals)
    }
}

/// Plays `routine.toml` in `dir`, `seconds` long, with the real binary in a tmux pane, until it exits.
fn play_routine(dir: &std::path::Path, seconds: u64) {
    let d = dir.display();
    // A socket of its own: a server of the test before may still be on its way out.
    let folder = dir
        .file_name()
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    let socket = format!("limberup-sound-{}-{folder}", std::process::id());
    let _tmux = Tmux(socket.clone());
    let script = format!(
        "cd {d} && LIMBERUP_LOG=debug LIMBERUP_DATA_DIR={d}/data LIMBERUP_CONFIG={d}/config.toml {bin} run routine.toml; echo $? > {d}/status; sleep 60",
        bin = env!("CARGO_BIN_EXE_limberup"),
    );
    let started = Command::new("tmux")
        .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
        .args(["-x", "80", "-y", "24", "sh", "-c", &script])
        .status()
        .expect("tmux runs");
    assert!(started.success());
    let pane = || {
        Command::new("tmux")
            .args(["-L", &socket, "capture-pane", "-p"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    // The done screen waits for a key. The key is sent once the routine has ended and its last sound
    // has been played out (the output closes after it), not after the routine's length: on a loaded
    // machine a debug build can take seconds to start, and a key sent too soon opens the "Quit?" box
    // (which pauses the routine) or quits in the middle of the last cue, cutting it short.
    let status = dir.join("status");
    let log = dir.join("data/limberup.log");
    let played_out = || {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        text.rfind("sound output closed")
            .is_some_and(|closed| text.rfind("playing sound").is_none_or(|p| p < closed))
    };
    let start = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let ended = || status.exists() || (pane().contains("Routine complete.") && played_out());
    while !ended() {
        assert!(
            start.elapsed() < Duration::from_secs(seconds + 60),
            "the routine did not end and play out its last sound:\n{}",
            pane()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Command::new("tmux")
        .args(["-L", &socket, "send-keys", "Escape"])
        .status()
        .expect("tmux send-keys");
    let asked_to_leave = Instant::now();
    while !status.exists() {
        assert!(
            asked_to_leave.elapsed() < Duration::from_secs(30),
            "the app did not exit:\n{}",
            pane()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let code = std::fs::read_to_string(&status).unwrap_or_default();
    assert!(
        code.trim() == "0",
        "the app exited with {code:?}:\n{}",
        pane()
    );
    std::thread::sleep(Duration::from_millis(500));
}

/// When a sample arrived: the arrival of the chunk that brought it, less the samples after it in
/// that chunk.
fn arrival_of(sample: usize, arrivals: &[(usize, f64)]) -> f64 {
    let index = arrivals.partition_point(|(end, _)| *end <= sample);
    let (end, at) = arrivals
        .get(index)
        .or(arrivals.last())
        .copied()
        .unwrap_or((0, 0.0));
    #[allow(clippy::cast_precision_loss, reason = "sample counts")]
    let after = (end.saturating_sub(sample)) as f64 / RATE as f64;
    at - after
}

/// Every sound in the recording: (its first sample, the cue whose pitch it has).
fn cues_in(samples: &[f64]) -> Vec<(usize, &'static str)> {
    let hop = RATE / 1000; // 1 ms
    let loudness: Vec<f64> = samples
        .chunks(hop)
        .map(|c| c.iter().map(|s| s.abs()).fold(0.0, f64::max))
        .collect();
    let threshold = 0.02;
    let mut cues = Vec::new();
    let mut quiet_for = usize::MAX;
    for (ms, level) in loudness.iter().enumerate() {
        if *level > threshold {
            // A new sound only after 250 ms of quiet: the gap inside the switch cue is 80 ms, and a
            // loaded machine can drop a few more milliseconds of sound there (an underrun); cues
            // are at least a second apart.
            if quiet_for >= 250 {
                let from = ms * hop;
                let window = &samples[from..(from + RATE / 20).min(samples.len())];
                cues.push((from, pitch_of(window)));
            }
            quiet_for = 0;
        } else {
            quiet_for = quiet_for.saturating_add(1);
        }
    }
    cues
}

/// The cue whose first note is strongest in the window (Goertzel at each candidate pitch).
fn pitch_of(window: &[f64]) -> &'static str {
    PITCHES
        .iter()
        .map(|(cue, hz)| (*cue, goertzel(window, *hz)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or("?", |(cue, _)| cue)
}

fn goertzel(window: &[f64], hz: f64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "a sample rate")]
    let coefficient = 2.0 * (2.0 * std::f64::consts::PI * hz / RATE as f64).cos();
    let (mut previous, mut before) = (0.0, 0.0);
    for sample in window {
        let current = sample + coefficient * previous - before;
        before = previous;
        previous = current;
    }
    previous * previous + before * before - coefficient * previous * before
}

/// A 6 s get-ready (room for "get ready, next" and the name), a built-in exercise, a rest, then one
/// of the runner's own, whose name only a speech program can say.
const SPOKEN: &str = r#"
name = "Voice check"
kind = "stretch"
[defaults]
prepare = "6s"
countdown = 0
rest = "6s"
[[steps]]
name = "Cat-cow"
duration = "6s"
caution = "Stop if your shoulder hurts."
[[steps]]
name = "Banded squat"
duration = "2s"
"#;

/// A spoken name is heard: the recording holds the built-in clip that says "Cat-cow", found piece by
/// piece nearly sample for sample, and none of a clip that nothing said. Where espeak-ng is installed
/// (`.ci/run` requires it), the runner's own "Banded squat" is heard too, as the speech program said it
/// into the cache. The step's caution is heard too, from its built-in clip.
#[test]
#[cfg_attr(
    limberup_no_pulseaudio,
    ignore = "needs a PulseAudio server (pactl not found on PATH at build time)"
)]
fn a_spoken_exercise_name_reaches_the_sink() {
    let Some(played) = play_and_record(SPOKEN, "volume = 100\n", 22) else {
        return;
    };
    let (samples, log) = (&played.samples, &played.log);
    let clip = |text| {
        let bytes = limberup::audio::voice::built_in(text).expect("a built-in clip");
        at_recording_rate(bytes)
    };
    let recording = Heard::of(samples);
    let said = recording.share_heard(&clip("Cat-cow"));
    let unsaid = recording.share_heard(&clip("Open book"));
    eprintln!("Cat-cow: {said:.2} of it heard; Open book (never said): {unsaid:.2}");
    // A piece is found only where the waveform is nearly the clip's own (correlation 0.9 over a tenth
    // of a second, where other speech scores about 0.4), so a clip nothing said finds none; a clip that
    // was said keeps most of its pieces even when an underrun drops a few milliseconds of it.
    assert!(
        said >= 0.6 && unsaid == 0.0,
        "Cat-cow {said:.2} heard, the unsaid Open book {unsaid:.2}\nlog:\n{log}"
    );
    let caution = recording.share_heard(&clip("Stop if your shoulder hurts."));
    eprintln!("the caution: {caution:.2} of it heard");
    assert!(
        caution >= 0.6,
        "the caution {caution:.2} heard\nlog:\n{log}"
    );

    let spoken = std::fs::read_dir(played.dir.path().join("data/speech"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "wav"));
    let required = std::env::var_os("LIMBERUP_REQUIRE_SPEECH").is_some_and(|v| v == "1");
    let Some(path) = spoken else {
        assert!(
            !required,
            "LIMBERUP_REQUIRE_SPEECH=1 but no name was said into data/speech\nlog:\n{log}"
        );
        eprintln!("skipped the runner's own name: no speech program");
        return;
    };
    let own = at_recording_rate(&std::fs::read(path).expect("read the cached name"));
    let heard = recording.share_heard(&own);
    eprintln!("Banded squat (espeak-ng): {heard:.2} of it heard");
    assert!(heard >= 0.6, "Banded squat {heard:.2} heard\nlog:\n{log}");
}

/// A sound file's samples, mono, at the recording's rate (linear interpolation).
fn at_recording_rate(bytes: &[u8]) -> Vec<f64> {
    let decoded = limberup::soundfile::decode::decode(std::sync::Arc::from(bytes), 1 << 22)
        .expect("the clip decodes");
    let channels = usize::from(decoded.channels);
    let mono: Vec<f64> = decoded
        .samples
        .chunks(channels)
        .map(|frame| frame.iter().copied().map(f64::from).sum::<f64>())
        .collect();
    #[allow(clippy::cast_precision_loss, reason = "sample rates and counts")]
    let step = f64::from(decoded.rate) / RATE as f64;
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "sample positions"
    )]
    (0..(mono.len() as f64 / step) as usize)
        .map(|i| {
            let at = i as f64 * step;
            let (whole, part) = (at as usize, at.fract());
            let next = mono.get(whole + 1).copied().unwrap_or(0.0);
            mono[whole] * (1.0 - part) + next * part
        })
        .collect()
}

/// Samples are compared below about 4 kHz, where resamplers agree (they differ most in a clip's "s"
/// and "t"); the first search, over the whole recording, runs on every twentieth of them (averaged, so
/// what lies between counts too), as a debug build is slow at it.
const DECIMATE: usize = 20;
/// A clip is looked for 50 ms at a time: short enough that a gap an underrun leaves spoils few pieces,
/// long enough (2,205 samples) that no other sound matches one nearly sample for sample.
const PIECE: usize = RATE / 20;
/// How alike a piece and the recording must be for the piece to count as heard: the same samples
/// through a resampler and a sound server score above 0.95; other speech about 0.4.
const SAME_SAMPLES: f64 = 0.9;

/// A recording as it is searched for clips: low-passed, with a coarse copy for the first search.
struct Heard {
    fine: Vec<f64>,
    coarse: Vec<f64>,
}

impl Heard {
    fn of(samples: &[f64]) -> Self {
        let fine = low_pass(samples);
        let coarse = coarse(&fine);
        Self { fine, coarse }
    }

    /// The share of `clip`'s loud pieces found in the recording nearly sample for sample, in the
    /// clip's order: 1 for a clip heard whole, 0 for one nothing said. An underrun on a loaded machine
    /// inserts silence into a clip and delays the rest of it, so pieces are not held to their
    /// spacing, only to their order.
    fn share_heard(&self, clip: &[f64]) -> f64 {
        let clip = low_pass(clip);
        let pieces: Vec<&[f64]> = clip.chunks_exact(PIECE).collect();
        let energy = |p: &[f64]| p.iter().map(|s| s * s).sum::<f64>();
        let loudest = pieces.iter().map(|p| energy(p)).fold(0.0, f64::max);
        let found: Vec<(f64, usize)> = pieces
            .iter()
            .filter(|piece| energy(piece) >= loudest / 10.0)
            .map(|piece| self.best_place(piece))
            .collect();
        if found.is_empty() {
            return 0.0;
        }
        // The longest run of heard pieces in the clip's order (each after the one before).
        let heard: Vec<usize> = found
            .iter()
            .filter(|(likeness, _)| *likeness >= SAME_SAMPLES)
            .map(|&(_, at)| at)
            .collect();
        let mut longest = vec![1_usize; heard.len()];
        for later in 0..heard.len() {
            for earlier in 0..later {
                if heard[earlier] < heard[later] {
                    longest[later] = longest[later].max(longest[earlier] + 1);
                }
            }
        }
        let in_order = longest.into_iter().max().unwrap_or(0);
        #[allow(clippy::cast_precision_loss, reason = "piece counts")]
        let share = in_order as f64 / found.len() as f64;
        share
    }

    /// Where in the whole recording `piece` is most alike: (likeness, first sample). Every tenth
    /// sample first, then each sample around the three best places.
    fn best_place(&self, piece: &[f64]) -> (f64, usize) {
        let coarse_piece = coarse(piece);
        let Some(last) = self.coarse.len().checked_sub(coarse_piece.len()) else {
            return (0.0, 0);
        };
        let mut candidates: Vec<(f64, usize)> = (0..=last)
            .map(|at| {
                (
                    correlation(&self.coarse[at..at + coarse_piece.len()], &coarse_piece),
                    at,
                )
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
        let Some(fine_last) = self.fine.len().checked_sub(piece.len()) else {
            return (0.0, 0);
        };
        candidates
            .iter()
            .take(3)
            .flat_map(|&(_, at)| {
                let centre = at * DECIMATE;
                centre.saturating_sub(DECIMATE).min(fine_last)..=(centre + DECIMATE).min(fine_last)
            })
            .map(|at| (correlation(&self.fine[at..at + piece.len()], piece), at))
            .fold(
                (0.0, 0),
                |best, next| if next.0 > best.0 { next } else { best },
            )
    }
}

/// Every [`DECIMATE`]th sample of a moving average as long.
fn coarse(samples: &[f64]) -> Vec<f64> {
    samples
        .windows(DECIMATE)
        .step_by(DECIMATE)
        .map(|w| w.iter().sum::<f64>())
        .collect()
}

/// A moving average of 10 samples: a low-pass filter whose first zero is at 4.4 kHz.
fn low_pass(samples: &[f64]) -> Vec<f64> {
    samples
        .windows(10)
        .map(|w| w.iter().sum::<f64>() / 10.0)
        .collect()
}

/// The normalised correlation of two equally long signals (their cosine similarity).
fn correlation(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let norms =
        a.iter().map(|x| x * x).sum::<f64>().sqrt() * b.iter().map(|y| y * y).sum::<f64>().sqrt();
    if norms == 0.0 { 0.0 } else { dot / norms }
}

/// The voice never holds up a cue, and a routine pack cannot bring its own speech program: 200 names
/// only a speech program can say, a speech program early in the `PATH` that never answers, and an
/// `espeak-ng` in the routine's folder reached through an empty `PATH` entry (the current folder).
/// The first cues still play on time (on the player's own clock: its log), and the folder's program
/// never runs.
#[test]
#[cfg_attr(
    limberup_no_pulseaudio,
    ignore = "needs a PulseAudio server (pactl not found on PATH at build time)"
)]
fn a_hanging_speech_program_delays_no_cue_and_the_current_folder_s_is_never_run() {
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !sound_server() {
        return;
    }
    let _sink = NullSink::load();
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut routine = String::from(
        "name = \"Many names\"\nkind = \"stretch\"\n[defaults]\nprepare = \"2s\"\ncountdown = 1\nrest = 0\n",
    );
    routine.extend(
        (0..200).map(|n| format!("[[steps]]\nname = \"Own exercise {n}\"\nduration = \"3s\"\n")),
    );
    std::fs::write(d.join("routine.toml"), routine).expect("write routine");
    std::fs::write(d.join("config.toml"), "volume = 100\n").expect("write config");
    let executable = |path: &std::path::Path, body: &str| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::write(path, body).expect("write script");
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    };
    // The pack's own program, in the folder the app runs in: it must never run.
    executable(
        &d.join("espeak-ng"),
        &format!("#!/bin/sh\ntouch {}/pack-program-ran\n", d.display()),
    );
    let hanging = d.join("hanging");
    std::fs::create_dir_all(&hanging).expect("folder");
    executable(&hanging.join("espeak-ng"), "#!/bin/sh\nsleep 60\n");
    let socket = format!("limberup-speech-{}", std::process::id());
    let _tmux = Tmux(socket.clone());
    let script = format!(
        "cd {d} && PATH=:{hanging}:$PATH LIMBERUP_LOG=debug LIMBERUP_DATA_DIR={d}/data LIMBERUP_CONFIG={d}/config.toml {bin} run routine.toml; sleep 60",
        d = d.display(),
        hanging = hanging.display(),
        bin = env!("CARGO_BIN_EXE_limberup"),
    );
    let started = Command::new("tmux")
        .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
        .args(["-x", "80", "-y", "24", "sh", "-c", &script])
        .status()
        .expect("tmux runs");
    assert!(started.success());
    std::thread::sleep(Duration::from_secs(7));
    let log = std::fs::read_to_string(d.join("data/limberup.log")).unwrap_or_default();
    let at = |line: &str| -> f64 {
        // "2026-12-03T10:04:19.670525Z ..." : seconds within the day.
        let time = line.get(11..26).unwrap_or("00:00:00.000000");
        let parts: Vec<f64> = time.split(':').filter_map(|p| p.parse().ok()).collect();
        parts.iter().fold(0.0, |total, part| total * 60.0 + part)
    };
    // A cue handed to the sound thread ahead of its moment says how far ahead: it starts then.
    let plays: Vec<(f64, &str)> = log
        .lines()
        .filter(|line| line.contains("playing sound="))
        .map(|line| (at(line) + start_in(line), line))
        .collect();
    let start = log
        .lines()
        .find(|line| line.contains("starting"))
        .map_or(0.0, at);
    assert!(
        !d.join("pack-program-ran").exists(),
        "the espeak-ng in the current folder ran\nlog:\n{log}"
    );
    assert!(
        log.contains(&format!("path={}", hanging.join("espeak-ng").display())),
        "the hanging program in an absolute PATH folder was the one chosen\nlog:\n{log}"
    );
    // Prepare 2 s with a one-tick countdown: "get ready" at once, "one" at 1 s and the start at 2 s,
    // then the first exercise's own count; all within the 7 s whatever the speech program does.
    let first = |sound: &str| {
        plays
            .iter()
            .find(|(_, line)| line.contains(&format!("sound=\"{sound}\"")))
            .map(|(at, _)| at - start)
    };
    let (Some(one), Some(go)) = (first("one"), first("start")) else {
        panic!("the countdown and the start did not play: {plays:?}\nlog:\n{log}");
    };
    assert!(
        one < 1.5,
        "the first tick played {one:.2} s after the start, for a plan of 1 s\nlog:\n{log}"
    );
    assert!(
        (go - one - 1.0).abs() < 0.05,
        "the tick and the start were {:.3} s apart, for a plan of 1 s\nlog:\n{log}",
        go - one
    );
}

/// The `start_in` of a log line (`start_in=249.97ms`, as `Duration`'s `Debug` writes it), in
/// seconds; 0 when there is none.
fn start_in(line: &str) -> f64 {
    let Some(value) = line
        .split_whitespace()
        .find_map(|field| field.strip_prefix("start_in="))
    else {
        return 0.0;
    };
    let digits = value.trim_end_matches(|c: char| c.is_alphabetic() || c == 'µ');
    let number: f64 = digits.parse().unwrap_or(0.0);
    let scale = match &value[digits.len()..] {
        "s" => 1.0,
        "ms" => 1e-3,
        "µs" | "us" => 1e-6,
        _ => 1e-9,
    };
    number * scale
}

#[test]
fn a_log_line_s_start_in_is_read_in_seconds() {
    let line = r#"... DEBUG limberup::audio::player: playing sound="tick" start_in=249.5ms"#;
    assert!((start_in(line) - 0.2495).abs() < 1e-9);
    assert!((start_in("playing sound=\"x\" start_in=1.5s") - 1.5).abs() < 1e-9);
    assert!((start_in("playing sound=\"x\" start_in=12µs") - 12e-6).abs() < 1e-12);
    assert!(start_in("playing sound=\"x\" start_in=0ns").abs() < f64::EPSILON);
    assert!(start_in("playing sound=\"x\"").abs() < f64::EPSILON);
}
