//! Checks written by the real binary while it is killed with SIGKILL at random moments: afterwards the
//! history opens, passes `PRAGMA integrity_check`, and holds every check whose command reported success.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

use limberup::history::Store;

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

#[test]
fn sigkill_at_random_moments_never_corrupts_or_loses_a_reported_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let mut random = Lcg(0x5EED);
    let mut reported = BTreeSet::new();
    for i in 0..60_u32 {
        // A unique date per check, so each one can be found again.
        let day = 1 + i % 28;
        let hour = i / 28;
        let taken_at = format!("2026-10-{day:02}T{hour:02}:00:00Z");
        let answers = dir.path().join(format!("a{i}.toml"));
        std::fs::write(
            &answers,
            format!("pain = 3\nareas = [\"neck\"]\ndate = {taken_at}\n"),
        )
        .expect("write");
        let mut child = Command::new(env!("CARGO_BIN_EXE_limberup"))
            .args(["check", "--json", "--answers"])
            .arg(&answers)
            .env("LIMBERUP_DATA_DIR", &data)
            .env("LIMBERUP_ROUTINES", "/nonexistent")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        // A check takes about 70 ms in a debug build: kill anywhere from start-up to well after the end.
        std::thread::sleep(Duration::from_millis(random.next(120)));
        // Fails harmlessly when the check has already finished.
        let _ = child.kill();
        let output = child.wait_with_output().expect("waited");
        if output.status.success() && output.stdout.starts_with(b"{\"level\"") {
            reported.insert(taken_at);
        }
    }
    let interrupted = 60 - reported.len();
    eprintln!(
        "{} checks reported success, {interrupted} were killed first",
        reported.len()
    );
    let store = Store::open(&data).expect("the history still opens");
    assert!(
        store.integrity_ok().expect("integrity check runs"),
        "integrity check failed"
    );
    let saved: BTreeSet<String> = store
        .checks()
        .expect("readable")
        .into_iter()
        .map(|c| c.taken_at)
        .collect();
    let lost: Vec<&String> = reported.difference(&saved).collect();
    assert!(lost.is_empty(), "reported but not saved: {lost:?}");
    // Both outcomes must occur for the test to mean anything.
    assert!(
        interrupted >= 5,
        "only {interrupted} checks were interrupted"
    );
    assert!(
        reported.len() >= 5,
        "only {} checks finished before their kill",
        reported.len()
    );
}
