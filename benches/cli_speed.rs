//! Speed targets of the command line, measured on the real binary (run with `cargo bench --bench cli_speed`).
//!
//! - `validate` of 1,000 routine files: under 1 s.
//! - `list`: starts and exits in under 20 ms.
//! - `snapshot` of a 30-minute routine at 1,800 virtual times: under 1 s.
//!
//! Prints the median and best of several runs; exits non-zero when a target is missed, so the figures
//! are checked where they are measured rather than in timed unit tests.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const ROUTINE_FILES: usize = 1000;
const RUNS: usize = 15;

fn time_runs(runs: usize, mut command: impl FnMut() -> Command) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let mut cmd = command();
            let start = Instant::now();
            let output = cmd.output().expect("the binary runs");
            let elapsed = start.elapsed();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            elapsed
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0])
}

/// 1,000 varied routine files: every built-in routine and valid fixture, copied round-robin.
fn write_routines(dir: &Path) {
    let mut sources: Vec<std::path::PathBuf> = ["routines", "tests/fixtures/valid"]
        .iter()
        .flat_map(|folder| {
            std::fs::read_dir(folder)
                .expect("folder exists")
                .filter_map(Result::ok)
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !p.ends_with("exercises.toml"))
        .collect();
    sources.sort();
    for i in 0..ROUTINE_FILES {
        let from = &sources[i % sources.len()];
        std::fs::copy(from, dir.join(format!("routine-{i:04}.toml"))).expect("copy");
    }
}

fn main() {
    let binary = env!("CARGO_BIN_EXE_limberup");
    let dir = tempfile::tempdir().expect("temp dir");
    write_routines(dir.path());
    let empty = tempfile::tempdir().expect("temp dir");

    let (validate_median, validate_best) = time_runs(RUNS, || {
        let mut cmd = Command::new(binary);
        cmd.arg("validate")
            .arg(dir.path())
            .env("LIMBERUP_ROUTINES", empty.path());
        cmd
    });
    let (list_median, list_best) = time_runs(RUNS * 4, || {
        let mut cmd = Command::new(binary);
        cmd.arg("list").env("LIMBERUP_ROUTINES", empty.path());
        cmd
    });
    println!(
        "validate {ROUTINE_FILES} files: median {validate_median:.1?}, best {validate_best:.1?} (target < 1 s)"
    );
    println!("list: median {list_median:.2?}, best {list_best:.2?} (target < 20 ms)");
    let at_args: Vec<String> = (1..=1800)
        .flat_map(|i| ["--at".to_owned(), i.to_string()])
        .collect();
    let (snapshot_median, snapshot_best) = time_runs(5, || {
        let mut cmd = Command::new(binary);
        cmd.arg("snapshot")
            .arg("benches/thirty-minutes.toml")
            .args(&at_args)
            .env("LIMBERUP_ROUTINES", empty.path())
            .stdout(std::process::Stdio::null());
        cmd
    });
    println!(
        "snapshot, 1800 screens of a 30-minute routine: median {snapshot_median:.1?}, best {snapshot_best:.1?} (target < 1 s)"
    );
    let mut missed = false;
    if validate_median >= Duration::from_secs(1) {
        eprintln!("MISSED: validate of {ROUTINE_FILES} files took {validate_median:?}");
        missed = true;
    }
    if list_median >= Duration::from_millis(20) {
        eprintln!("MISSED: list took {list_median:?}");
        missed = true;
    }
    if snapshot_median >= Duration::from_secs(1) {
        eprintln!("MISSED: snapshot with 1800 times took {snapshot_median:?}");
        missed = true;
    }
    if missed {
        std::process::exit(1);
    }
}
