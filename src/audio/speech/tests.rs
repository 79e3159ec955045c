//! The speech program is replaced by small shell scripts at the same seam (a [`Program`] path), so
//! each outcome can be made to happen: speaking, failing, hanging, writing garbage.

use std::os::unix::fs::PermissionsExt;

use super::*;
use crate::audio::Clip;

/// A speaker whose program is `script` (a shell body; `$out` is the file to write), with its cache in
/// a temporary folder, and the folder where the script leaves what it was given.
fn speaker_with(script: &str, timeout: Duration) -> (Speaker, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let wav = dir.path().join("tone.wav");
    std::fs::write(&wav, Clip::Tick.bytes()).expect("writes");
    let exe = dir.path().join("fake-espeak");
    let body = format!(
        "#!/bin/sh\nfor a; do out=$a; done\necho run >> '{runs}'\ncat > '{said}'\necho \"$@\" > '{args}'\n{script}\n",
        runs = dir.path().join("runs").display(),
        said = dir.path().join("said").display(),
        args = dir.path().join("args").display(),
    )
    .replace("TONE", &wav.display().to_string());
    std::fs::write(&exe, body).expect("writes");
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let speaker = Speaker {
        cache: Some(dir.path().join("speech")),
        program: OnceCell::from(Some(Program::Espeak(exe))),
        timeout,
    };
    (speaker, dir)
}

fn read(dir: &tempfile::TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).unwrap_or_default()
}

#[test]
fn a_name_is_said_once_and_then_read_from_the_cache() {
    let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    let first = speaker.wav("Banded squat").expect("said");
    assert_eq!(&*first, Clip::Tick.bytes());
    assert_eq!(read(&dir, "said"), "Banded squat");
    let again = speaker.wav("Banded squat").expect("cached");
    assert_eq!(first, again);
    assert_eq!(
        read(&dir, "runs").lines().count(),
        1,
        "the program ran once"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path().join("speech"))
        .expect("the cache folder exists")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "one file, no partial left: {files:?}");
    let extension = std::path::Path::new(&files[0]).extension();
    assert_eq!(extension, Some(std::ffi::OsStr::new("wav")), "{files:?}");
}

#[test]
fn the_text_goes_in_on_stdin_cleaned_never_as_an_argument() {
    let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    let hostile = "--version\u{1b}[2J\nrm -rf x";
    speaker.wav(hostile).expect("said");
    assert_eq!(read(&dir, "said"), "--version [2J rm -rf x");
    let args = read(&dir, "args");
    assert!(!args.contains("version") && !args.contains("rm"), "{args}");
    assert!(args.starts_with("-v en-us -s 165 --stdin -w "), "{args}");
}

#[test]
fn a_long_name_is_cut_to_a_names_length() {
    let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    speaker.wav(&"a".repeat(500)).expect("said");
    assert_eq!(read(&dir, "said").chars().count(), NAME_CHARS);
}

#[test]
fn a_failing_program_says_nothing_and_leaves_no_file() {
    let (mut speaker, dir) = speaker_with("echo partial > \"$out\"; exit 3", SPEAK_TIMEOUT);
    assert_eq!(speaker.wav("Banded squat"), None);
    let left = std::fs::read_dir(dir.path().join("speech")).map_or(0, Iterator::count);
    assert_eq!(left, 0, "no partial file is left behind");
}

#[test]
fn a_program_that_hangs_is_killed_at_the_timeout() {
    let (mut speaker, _dir) = speaker_with("sleep 30", Duration::from_millis(300));
    let started = Instant::now();
    assert_eq!(speaker.wav("Banded squat"), None);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn garbage_from_the_program_is_not_played() {
    let (mut speaker, _dir) = speaker_with("printf 'RIFF garbage' > \"$out\"", SPEAK_TIMEOUT);
    assert_eq!(speaker.wav("Banded squat"), None);
}

#[test]
fn a_tampered_cache_file_is_made_again() {
    let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    speaker.wav("Banded squat").expect("said");
    let cached = std::fs::read_dir(dir.path().join("speech"))
        .expect("cache")
        .find_map(Result::ok)
        .expect("one file")
        .path();
    std::fs::write(&cached, b"not a sound").expect("writes");
    assert_eq!(
        speaker.wav("Banded squat").as_deref(),
        Some(Clip::Tick.bytes())
    );
    assert_eq!(read(&dir, "runs").lines().count(), 2);
}

#[test]
fn without_a_cache_folder_or_a_program_nothing_is_said() {
    let mut no_folder = Speaker::new(None);
    assert_eq!(no_folder.wav("Banded squat"), None);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut no_program = Speaker {
        cache: Some(dir.path().to_path_buf()),
        program: OnceCell::from(None),
        timeout: SPEAK_TIMEOUT,
    };
    assert_eq!(no_program.wav("Banded squat"), None);
    assert_eq!(no_program.wav("   "), None);
}

/// The real program, where it is installed (Debian: espeak-ng), says a name into a playable WAV.
/// With `LIMBERUP_REQUIRE_SPEECH=1` (set by `.ci/run`) a missing program is a failure.
#[test]
fn espeak_ng_says_a_name_when_installed() {
    let Some(program @ Program::Espeak(_)) = find_program() else {
        let required = std::env::var_os("LIMBERUP_REQUIRE_SPEECH").is_some_and(|v| v == "1");
        assert!(
            !required,
            "LIMBERUP_REQUIRE_SPEECH=1 but espeak-ng is not on the PATH"
        );
        eprintln!("skipped: espeak-ng not installed");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut speaker = Speaker {
        cache: Some(dir.path().to_path_buf()),
        program: OnceCell::from(Some(program)),
        timeout: SPEAK_TIMEOUT,
    };
    let wav = speaker.wav("Banded squat").expect("espeak-ng speaks");
    let decoded = crate::soundfile::decode::decode(wav, 1 << 22).expect("decodes");
    let rate = usize::try_from(decoded.rate).expect("a rate");
    let millis = decoded.samples.len() * 1000 / rate;
    assert!((300..5000).contains(&millis), "{millis} ms");
}
