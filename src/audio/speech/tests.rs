//! The speech program is replaced by small shell scripts at the same seam (a [`Program`] path), so
//! each outcome can be made to happen: speaking, failing, hanging, writing garbage.

use std::os::unix::fs::PermissionsExt;
use std::time::Instant;

use super::run::find_program_in;
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
    .replace("TONE", &wav.display().to_string())
    .replace("DIR", &dir.path().display().to_string());
    std::fs::write(&exe, body).expect("writes");
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let speaker = Speaker {
        cache: Some(dir.path().join("speech")),
        program: OnceCell::from(Some(Program::Espeak(exe))),
        timeout,
        stop: Arc::default(),
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
    assert_eq!(read(&dir, "said"), "--version 2J rm -rf x");
    let args = read(&dir, "args");
    assert!(!args.contains("version") && !args.contains("rm"), "{args}");
    assert!(args.starts_with("-v en-us -s 165 --stdin -w "), "{args}");
}

#[test]
fn a_long_text_is_cut_to_a_cautions_length() {
    let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    speaker.wav(&"a".repeat(5000)).expect("said");
    assert_eq!(read(&dir, "said").chars().count(), PROSE_CHARS);
}

/// The names of the files in the cache folder, sorted.
fn cache_files(dir: &tempfile::TempDir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("speech"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_failing_program_says_nothing_leaves_no_file_and_is_not_asked_again() {
    let (mut speaker, dir) = speaker_with("echo partial > \"$out\"; exit 3", SPEAK_TIMEOUT);
    assert_eq!(speaker.wav("Banded squat"), None);
    let files = cache_files(&dir);
    assert_eq!(files.len(), 1, "only the failure marker: {files:?}");
    assert!(files[0].ends_with(".failed"), "{files:?}");
    assert_eq!(speaker.wav("Banded squat"), None);
    assert_eq!(read(&dir, "runs").lines().count(), 1, "not tried again");
}

#[test]
fn a_program_that_hangs_is_killed_at_the_timeout() {
    let (mut speaker, dir) = speaker_with(
        "sleep 30 & echo $! > 'DIR/child'; wait",
        // Long enough for the script to start its child on a loaded machine (300 ms was not, with
        // sixteen test threads on two cores), far short of the child's 30 s.
        Duration::from_secs(2),
    );
    let started = Instant::now();
    assert_eq!(speaker.wav("Banded squat"), None);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    // The program's own child went with it: its whole process group was killed.
    let child = read(&dir, "child");
    assert!(!child.trim().is_empty(), "the script started its child");
    assert!(
        gone(child.trim()),
        "the child {child} outlived the time-out"
    );
}

#[test]
fn garbage_from_the_program_is_not_played_and_not_kept() {
    let (mut speaker, dir) = speaker_with("printf 'RIFF garbage' > \"$out\"", SPEAK_TIMEOUT);
    assert_eq!(speaker.wav("Banded squat"), None);
    let files = cache_files(&dir);
    assert!(
        files.iter().all(|f| f.ends_with(".failed")),
        "the garbage was deleted: {files:?}"
    );
    assert_eq!(speaker.wav("Banded squat"), None);
    assert_eq!(read(&dir, "runs").lines().count(), 1, "not made again");
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
        stop: Arc::default(),
    };
    assert_eq!(no_program.wav("Banded squat"), None);
    assert_eq!(no_program.wav("   "), None);
}

/// The real program, where it is installed (Debian: espeak-ng), says a name into a playable WAV.
/// With `LIMBERUP_REQUIRE_SPEECH=1` (set by `.ci/run`) a missing program is a failure.
#[test]
#[cfg_attr(
    limberup_no_espeak,
    ignore = "needs espeak-ng, not found on PATH at build time"
)]
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
        stop: Arc::default(),
    };
    let wav = speaker.wav("Banded squat").expect("espeak-ng speaks");
    let decoded = crate::soundfile::decode::decode(wav, 1 << 22).expect("decodes");
    let rate = usize::try_from(decoded.rate).expect("a rate");
    let millis = decoded.samples.len() * 1000 / rate;
    assert!((300..5000).contains(&millis), "{millis} ms");
}

/// Whether process `pid` has ended (gone, or a zombie about to be reaped), waiting up to 10 s (the
/// processes in question would live 30 s).
fn gone(pid: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next());
        if stat.is_empty() || state == Some("Z") {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The cache file a speaker's program would keep `text` in.
fn cached_path(speaker: &Speaker, text: &str) -> std::path::PathBuf {
    let program = speaker.program.get().cloned().flatten().expect("a program");
    speaker
        .cache
        .clone()
        .expect("a cache")
        .join(file_name(&program, &clean(text)))
}

#[test]
fn brackets_espeak_reads_as_phonemes_or_markup_are_not_passed_on() {
    let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    speaker.wav("Squat [[h@'loU]] <speak>").expect("said");
    assert_eq!(read(&dir, "said"), "Squat h@'loU speak");
}

#[test]
fn stopping_ends_a_running_program_at_once_and_does_not_mark_the_name_failed() {
    let (mut speaker, dir) = speaker_with("sleep 30", SPEAK_TIMEOUT);
    let stop = speaker.stop_flag();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    let started = Instant::now();
    assert_eq!(speaker.wav("Banded squat"), None);
    stopper.join().expect("stopper");
    // Half the 10 s time-out: stopped by the flag, not by the time-out, even on a loaded machine.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        cache_files(&dir),
        Vec::<String>::new(),
        "no partial, no marker"
    );
}

/// A symlink planted where a name's file goes is neither read nor written through: the file it
/// points at, outside the cache, is left as it was, and the name is made into a real file.
#[test]
fn a_planted_symlink_in_the_cache_is_not_followed() {
    let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    let outside = dir.path().join("outside.wav");
    std::fs::write(&outside, Clip::Done.bytes()).expect("writes");
    let path = cached_path(&speaker, "Banded squat");
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    std::os::unix::fs::symlink(&outside, &path).expect("symlink");
    assert_eq!(
        speaker.wav("Banded squat").as_deref(),
        Some(Clip::Tick.bytes())
    );
    assert_eq!(std::fs::read(&outside).expect("reads"), Clip::Done.bytes());
    let kind = std::fs::symlink_metadata(&path)
        .expect("the name's file")
        .file_type();
    assert!(kind.is_file(), "a real file replaced the link: {kind:?}");
}

/// A FIFO, `/dev/zero` or a huge file where a name's file goes ends neither in a wait for ever nor
/// in reading until memory runs out: each is set aside and the name made again.
#[test]
fn a_fifo_a_device_or_a_huge_file_in_the_cache_is_set_aside() {
    for plant in ["fifo", "zero", "huge"] {
        let (mut speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
        let path = cached_path(&speaker, "Banded squat");
        std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
        match plant {
            "fifo" => {
                let made = std::process::Command::new("mkfifo").arg(&path).status();
                assert!(made.expect("mkfifo runs").success());
            }
            "zero" => std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink"),
            _ => {
                let file = std::fs::File::create(&path).expect("creates");
                file.set_len(cache::MAX_SPOKEN_BYTES + 1).expect("grows");
            }
        }
        let started = Instant::now();
        assert_eq!(
            speaker.wav("Banded squat").as_deref(),
            Some(Clip::Tick.bytes()),
            "{plant}"
        );
        // A FIFO opened to read waits for a writer for ever, and `/dev/zero` never ends: a bound
        // generous enough for a loaded machine tells either apart from a real read.
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{plant}: {:?}",
            started.elapsed()
        );
        assert_eq!(read(&dir, "runs").lines().count(), 1, "{plant}: made again");
    }
}

#[test]
fn what_a_killed_process_left_half_written_is_cleaned_at_the_start() {
    let (speaker, dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
    let folder = dir.path().join("speech");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join(".say-abc.part"), b"half").expect("writes");
    std::fs::write(folder.join("0123.wav"), Clip::Tick.bytes()).expect("writes");
    speaker.clean_cache();
    assert_eq!(cache_files(&dir), vec!["0123.wav".to_owned()]);
}

/// Only an executable regular file in an absolute folder of the `PATH` is the program: an empty
/// entry (the current folder) or a relative one never is, and a file that cannot run does not hide
/// the real program further on.
#[test]
fn the_program_is_found_only_in_absolute_folders_and_only_if_it_can_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |folder: &str, mode: u32| {
        let folder = dir.path().join(folder);
        std::fs::create_dir_all(&folder).expect("folder");
        let exe = folder.join("espeak-ng");
        std::fs::write(&exe, "#!/bin/sh\n").expect("writes");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(mode)).expect("chmod");
        exe
    };
    let not_runnable = write("first", 0o644);
    let real = write("second", 0o755);
    let path = std::env::join_paths([
        std::path::PathBuf::new(),
        std::path::PathBuf::from("relative"),
        not_runnable.parent().expect("folder").to_path_buf(),
        real.parent().expect("folder").to_path_buf(),
    ])
    .expect("a PATH");
    assert_eq!(find_program_in(&path), Some(Program::Espeak(real)));
    let only_relative = std::ffi::OsString::from(":relative:.");
    assert_eq!(find_program_in(&only_relative), None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the cache holds for a name (any bytes, or a real WAV with bytes changed or cut), the
    /// speaker neither panics nor hands on something that does not decode: it uses the file, or sets
    /// it aside and makes the name again.
    #[test]
    fn any_cache_entry_is_used_only_if_it_decodes(
        noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048),
        flips in proptest::collection::vec((0_usize..4096, proptest::prelude::any::<u8>()), 0..16),
        cut in 0_usize..8192,
        from_real in proptest::prelude::any::<bool>(),
    ) {
        let (mut speaker, _dir) = speaker_with("cp TONE \"$out\"", SPEAK_TIMEOUT);
        let bytes = if from_real {
            let mut real = Clip::Tick.bytes().to_vec();
            for (at, value) in &flips {
                let at = at % real.len();
                real[at] = *value;
            }
            real.truncate(cut.max(1));
            real
        } else {
            noise
        };
        let path = cached_path(&speaker, "Banded squat");
        std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
        std::fs::write(&path, &bytes).expect("writes");
        let said = speaker.wav("Banded squat").expect("used, or made again");
        proptest::prop_assert!(crate::soundfile::check_decodes(said).is_ok());
    }
}

/// A program whose file is held open for writing a moment longer ("text file busy") is started
/// once it is free, not given up on.
#[test]
fn a_program_file_busy_for_a_moment_is_started_once_it_is_free() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let exe = dir.path().join("busy");
    let mut file = std::fs::File::create(&exe).expect("creates");
    file.write_all(b"#!/bin/sh\nexit 0\n").expect("writes");
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let busy = std::process::Command::new(&exe).spawn();
    assert_eq!(
        busy.map(drop).map_err(|e| e.kind()),
        Err(std::io::ErrorKind::ExecutableFileBusy),
        "busy while open for writing"
    );
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(60));
        drop(file);
    });
    let mut command = std::process::Command::new(&exe);
    let mut child = super::run::spawn_when_not_busy(&mut command).expect("started once free");
    assert!(child.wait().expect("waits").success());
    holder.join().expect("holder");
}
