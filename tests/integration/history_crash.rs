//! Checks written by the real binary while it is killed with SIGKILL at random moments: afterwards the
//! history opens, passes `PRAGMA integrity_check`, and holds every check whose command reported success.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use limberup::calendar::Calendar;
use limberup::history::Store;

/// Checks killed at random moments, at least; more (up to [`MAX_CHECKS`]) until both outcomes,
/// killed first and finished first, have happened [`EACH_OUTCOME`] times.
const CHECKS: u32 = 60;
const MAX_CHECKS: u32 = 240;
const EACH_OUTCOME: u32 = 5;
/// The checks that time one check come after every killed one.
const TIMING: u32 = MAX_CHECKS;

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

/// A unique date per check, so each one can be found again.
fn taken_at(i: u32) -> String {
    format!("2026-10-{:02}T{:02}:00:00Z", 1 + i % 28, i / 28)
}

fn spawn_check(dir: &Path, data: &Path, i: u32) -> Child {
    let answers = dir.join(format!("a{i}.toml"));
    let text = format!("pain = 3\nareas = [\"neck\"]\ndate = {}\n", taken_at(i));
    std::fs::write(&answers, text).expect("write");
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(["check", "--json", "--answers"])
        .arg(&answers)
        .env("LIMBERUP_DATA_DIR", data)
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns")
}

#[test]
fn sigkill_at_random_moments_never_corrupts_or_loses_a_reported_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    // How long one check takes on this machine right now (the fastest of three: the first also creates
    // the database): the kills are spread over twice that, so both outcomes happen whatever the load.
    let mut fastest = Duration::MAX;
    let mut reported = BTreeSet::new();
    for i in TIMING..TIMING + 3 {
        let start = Instant::now();
        let output = spawn_check(dir.path(), &data, i)
            .wait_with_output()
            .expect("waited");
        assert!(
            output.status.success(),
            "a check that is not killed succeeds"
        );
        fastest = fastest.min(start.elapsed());
        reported.insert(taken_at(i));
    }
    let mut spread = u64::try_from(fastest.as_millis() * 2)
        .unwrap_or(u64::MAX)
        .max(10);

    let mut random = Lcg(0x5EED);
    let (mut finished, mut tried) = (0, 0);
    // The machine's load can change after the timing: every 20 checks short of one outcome, the
    // kills come sooner (too few killed first) or later (too few finished first).
    while tried < MAX_CHECKS
        && (tried < CHECKS || finished < EACH_OUTCOME || tried - finished < EACH_OUTCOME)
    {
        if tried >= CHECKS && tried % 20 == 0 {
            if tried - finished < EACH_OUTCOME {
                spread = (spread / 2).max(2);
            } else {
                spread = spread.saturating_mul(2);
            }
        }
        let i = tried;
        tried += 1;
        let mut child = spawn_check(dir.path(), &data, i);
        std::thread::sleep(Duration::from_millis(random.next(spread)));
        // Fails harmlessly when the check has already finished.
        let _ = child.kill();
        let output = child.wait_with_output().expect("waited");
        if output.status.success() && output.stdout.starts_with(b"{\"level\"") {
            reported.insert(taken_at(i));
            finished += 1;
        }
    }
    let interrupted = tried - finished;
    eprintln!(
        "{finished} checks reported success, {interrupted} were killed first (kills spread over {spread} ms)"
    );

    let store = Store::open(&data, &Calendar::utc()).expect("the history still opens");
    assert!(
        store.integrity_ok().expect("integrity check runs"),
        "integrity check failed"
    );
    let saved: BTreeSet<String> = store
        .checks()
        .expect("readable")
        .into_iter()
        .map(|c| c.taken_at.rfc3339())
        .collect();
    let lost: Vec<&String> = reported.difference(&saved).collect();
    assert!(lost.is_empty(), "reported but not saved: {lost:?}");
    // Both outcomes must occur for the test to mean anything.
    assert!(
        interrupted >= EACH_OUTCOME,
        "only {interrupted} checks were interrupted"
    );
    assert!(
        finished >= EACH_OUTCOME,
        "only {finished} checks finished before their kill"
    );
}

/// Killed in its first moments on a new data folder, a check leaves either no history or a whole
/// one: the next check always works (a 0-byte file used to break every later check).
#[test]
fn a_kill_during_first_use_never_breaks_the_next_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Kills spread over twice the time a first check takes on this machine, so some land before
    // the history exists, some while it is made, some after.
    let fastest = (0..3)
        .map(|n| {
            let start = Instant::now();
            let data = dir.path().join(format!("timing{n}"));
            let output = spawn_check(dir.path(), &data, 500 + n)
                .wait_with_output()
                .expect("waited");
            assert!(output.status.success());
            start.elapsed()
        })
        .min()
        .unwrap_or(Duration::from_millis(20));
    let mut spread = u64::try_from(fastest.as_micros() * 2)
        .unwrap_or(u64::MAX)
        .max(1_000);
    let mut random = Lcg(0xF1257);
    let (mut with_file, mut rounds) = (0, 0);
    // At least 40 rounds; more (up to 120) until each outcome has happened 3 times, the kills
    // coming sooner or later every 20 rounds short of one (the load can change after the timing).
    while rounds < 120 && (rounds < 40 || with_file < 3 || rounds - with_file < 3) {
        if rounds >= 40 && rounds % 20 == 0 {
            if with_file < 3 {
                spread = spread.saturating_mul(2);
            } else {
                spread = (spread / 2).max(100);
            }
        }
        let round = rounds;
        rounds += 1;
        let data = dir.path().join(format!("data{round}"));
        let mut child = spawn_check(dir.path(), &data, round);
        std::thread::sleep(Duration::from_micros(random.next(spread)));
        let _ = child.kill();
        let _ = child.wait();
        if data.join("history.sqlite3").exists() {
            with_file += 1;
        }
        let output = spawn_check(dir.path(), &data, round + 300)
            .wait_with_output()
            .expect("waited");
        assert!(
            output.status.success(),
            "round {round}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let leftovers: Vec<String> = std::fs::read_dir(&data)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(".new-"))
            .collect();
        assert!(leftovers.is_empty(), "round {round}: {leftovers:?}");
    }
    eprintln!("{with_file} of {rounds} kills came after the history existed (spread {spread} µs)");
    assert!(
        with_file >= 3 && rounds - with_file >= 3,
        "both outcomes must occur: {with_file} of {rounds}"
    );
}

/// Two first starts at once on a new data folder both work and share one history.
#[test]
fn two_first_starts_at_once_share_one_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    for round in 0..20 {
        let data = dir.path().join(format!("data{round}"));
        let children: Vec<Child> = (0..2)
            .map(|n| spawn_check(dir.path(), &data, round * 2 + n))
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("waited");
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let store = Store::open(&data, &Calendar::utc()).expect("opens");
        assert_eq!(store.checks().expect("read").len(), 2, "round {round}");
    }
}
