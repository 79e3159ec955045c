//! Loading hostile sound files, measured on the real binary (`cargo bench --bench sound_loading`).
//!
//! - `validate` of a routine whose sound is a 5 MiB FLAC bomb: under 0.2 s.
//! - `list` of a folder of 100 routines, one with a broken sound: as fast as without it (within 20%
//!   or 5 ms of the same folder with a good sound).
//!
//! Prints the median and best of several runs; exits non-zero when a target is missed.

#[path = "../tests/integration/common/crafted.rs"]
mod crafted;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 15;

fn time_runs(mut command: impl FnMut() -> Command) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let mut cmd = command();
            let start = Instant::now();
            let output = cmd.output().expect("the binary runs");
            let elapsed = start.elapsed();
            assert!(
                !String::from_utf8_lossy(&output.stderr).contains("panicked"),
                "{output:?}"
            );
            elapsed
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0])
}

const ROUTINE: &str =
    "name = \"R\"\nkind = \"stretch\"\n[[steps]]\nname = \"Hold\"\nduration = \"10s\"\n";

/// 100 routines, the first with `sound` naming `sound`'s bytes.
fn folder(dir: &Path, sound: &[u8]) {
    for i in 0..100 {
        let text = if i == 0 {
            format!("{ROUTINE}sound = \"s.flac\"\n")
        } else {
            ROUTINE.to_owned()
        };
        std::fs::write(dir.join(format!("r{i:03}.toml")), text).expect("write");
    }
    std::fs::write(dir.join("s.flac"), sound).expect("write");
}

fn main() {
    let binary = env!("CARGO_BIN_EXE_limberup");
    let mut missed = false;

    let bomb_dir = tempfile::tempdir().expect("temp dir");
    let routine = bomb_dir.path().join("bomb.toml");
    std::fs::write(&routine, format!("{ROUTINE}sound = \"bomb.flac\"\n")).expect("write");
    let bomb = crafted::flac_bomb((5 << 20) - 64, 0);
    std::fs::write(bomb_dir.path().join("bomb.flac"), &bomb).expect("write");
    let (median, best) = time_runs(|| {
        let mut cmd = Command::new(binary);
        cmd.arg("validate").arg(&routine);
        cmd
    });
    println!("validate, 5 MiB FLAC bomb: median {median:?}, best {best:?} (target < 200ms)");
    missed |= median >= Duration::from_millis(200);

    let broken = tempfile::tempdir().expect("temp dir");
    folder(broken.path(), &crafted::wav_rate_zero());
    let good = tempfile::tempdir().expect("temp dir");
    folder(good.path(), &crafted::wav_tone(1, 44_100, 4_410));
    let list = |dir: &Path| {
        let dir = dir.to_path_buf();
        move || {
            let mut cmd = Command::new(binary);
            cmd.arg("list").env("LIMBERUP_ROUTINES", &dir);
            cmd
        }
    };
    let (with_broken, best_broken) = time_runs(list(broken.path()));
    let (with_good, best_good) = time_runs(list(good.path()));
    println!(
        "list, 100 routines, one broken sound: median {with_broken:?}, best {best_broken:?}; \
         with a good sound instead: median {with_good:?}, best {best_good:?}"
    );
    missed |= with_broken > with_good.mul_f64(1.2) + Duration::from_millis(5);

    if missed {
        eprintln!("a target was missed");
        std::process::exit(1);
    }
}
