//! Hostile sound files in a shared routine folder: each is a positioned error for the routine that
//! uses it, found quickly, and never a panic; every other routine and command keeps working.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::crafted;

const GOOD: &str =
    "name = \"Good\"\nkind = \"stretch\"\n[[steps]]\nname = \"Hold\"\nduration = \"10s\"\n";

fn routine_with_sound(file: &str) -> String {
    format!(
        "name = \"Bad\"\nkind = \"stretch\"\n[[steps]]\nname = \"Hold\"\nduration = \"10s\"\nsound = \"{file}\"\n"
    )
}

/// Runs the binary, killing it (and failing) if it takes longer than `limit`.
fn run_within(limit: Duration, args: &[&str], routines: &Path, data: &Path) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", routines)
        .env("LIMBERUP_DATA_DIR", data)
        .env_remove("LIMBERUP_CONFIG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`limberup {}` took more than {limit:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let elapsed = start.elapsed();
    (child.wait_with_output().expect("output"), elapsed)
}

fn folder_with(sound: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.toml"), GOOD).expect("write");
    std::fs::write(
        dir.path().join("bad.toml"),
        routine_with_sound("crafted.wav"),
    )
    .expect("write");
    std::fs::write(dir.path().join("crafted.wav"), sound).expect("write");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_other_commands_work(dir: &Path, bad_reason: &str) {
    let data = tempfile::tempdir().expect("temp dir");
    let limit = Duration::from_secs(20);
    let (list, _) = run_within(limit, &["list"], dir, data.path());
    let (out, err) = (text(&list.stdout), text(&list.stderr));
    assert_eq!(list.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.contains("good") && !out.contains("bad"), "{out}");
    let at = format!(
        "{}:6:9: error: `sound`: `crafted.wav` ",
        dir.join("bad.toml").display()
    );
    assert!(err.contains(&at) && err.contains(bad_reason), "{err}");

    let folder = dir.to_str().expect("UTF-8 temp path");
    let (validate, _) = run_within(limit, &["validate", folder], dir, data.path());
    let err = text(&validate.stderr);
    assert_eq!(validate.status.code(), Some(1), "{err}");
    assert!(err.contains(&at) && !err.contains("panicked"), "{err}");

    let answers = "tests/fixtures/answers/ok.toml";
    let (check, _) = run_within(
        limit,
        &["check", "--answers", answers, "--no-save"],
        dir,
        data.path(),
    );
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(!text(&check.stderr).contains("panicked"));
}

#[test]
fn a_wav_with_sample_rate_zero_is_an_error_for_its_routine_alone() {
    let dir = folder_with(&crafted::wav_rate_zero());
    assert_other_commands_work(dir.path(), "sample rate");
}

#[test]
fn a_wav_extensible_with_zero_bits_is_an_error_for_its_routine_alone() {
    let dir = folder_with(&crafted::wav_extensible_zero_bits());
    assert_other_commands_work(dir.path(), "cannot be decoded");
}

#[test]
fn too_many_channels_or_an_odd_rate_are_refused_at_load() {
    let cases: [(Vec<u8>, &str); 4] = [
        (
            crafted::wav_tone(9, 44_100, 4410),
            "9 channels; a sound may have at most 8",
        ),
        (crafted::wav_tone(1, 4_000, 4000), "4000 Hz"),
        (crafted::wav_tone(1, 400_000, 4000), "400000 Hz"),
        (
            crafted::wav(&crafted::pcm_fmt(1, 8_000, 8), &vec![128; 8_000 * 601]),
            "lasts 10:01",
        ),
    ];
    for (wav, reason) in cases {
        let dir = folder_with(&wav);
        assert_other_commands_work(dir.path(), reason);
    }
    // The edges are fine.
    let dir = folder_with(&crafted::wav_tone(8, 8_000, 800));
    let data = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().to_str().expect("UTF-8 temp path");
    let (validate, _) = run_within(
        Duration::from_secs(20),
        &["validate", folder],
        dir.path(),
        data.path(),
    );
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        text(&validate.stderr)
    );
}

/// 5 MiB of FLAC that would decode to about 10^11 samples. Loading looks at its header and first
/// frame only, so `validate` is quick whatever the file would decode to (the 0.2 s target is measured
/// on the release binary by `benches/cli_speed.rs`; this debug build gets more room).
#[test]
fn a_flac_bomb_does_not_make_loading_slow() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("bad.toml"), routine_with_sound("bomb.flac")).expect("write");
    std::fs::write(
        dir.path().join("bomb.flac"),
        crafted::flac_bomb((5 << 20) - 64, 0),
    )
    .expect("write");
    let data = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().to_str().expect("UTF-8 temp path");
    let (validate, took) = run_within(
        Duration::from_secs(10),
        &["validate", folder],
        dir.path(),
        data.path(),
    );
    assert!(took < Duration::from_secs(2), "validate took {took:?}");
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        text(&validate.stderr)
    );
}

#[test]
fn a_flac_bomb_that_declares_its_length_is_refused_as_too_long() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("bad.toml"),
        routine_with_sound("crafted.wav"),
    )
    .expect("write");
    let bomb = crafted::flac_bomb(1 << 20, 65_535 * 30_000);
    std::fs::write(dir.path().join("crafted.wav"), bomb).expect("write");
    std::fs::write(dir.path().join("good.toml"), GOOD).expect("write");
    assert_other_commands_work(dir.path(), "a sound may last at most 10:00");
}
