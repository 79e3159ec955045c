//! `snapshot` at the far edge of virtual time, through the binary: every command ends promptly with
//! a screen, and the browser and history screens cost the same at any `--at` (issue 23, item 6).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Within a second of the largest time `--at` takes (`u64::MAX` milliseconds, as seconds).
const EDGE: &str = "18446744073709550";
const LAST: &str = "18446744073709551.615";

/// Long enough for a slow, shared machine; every case takes milliseconds when time is not walked.
const PROMPT: Duration = Duration::from_secs(10);

/// A routine whose steps wait for "done" (reps without a tempo), so a key can start a segment at
/// any time.
const OPEN_ENDED: &str = "name = \"Open\"\nkind = \"strength\"\n\n[[steps]]\nname = \"Squats\"\nreps = 5\n\n[[steps]]\nname = \"Hold\"\nduration = \"30s\"\n\n[[steps]]\nname = \"Lunges\"\nreps = 5\n";

/// Runs limberup with `args`, killed if it takes longer than [`PROMPT`]; (exit code, stdout).
fn within_time(args: &[&str], routines: &Path, data: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", routines)
        .env("LIMBERUP_DATA_DIR", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if start.elapsed() > PROMPT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} did not end within {PROMPT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    let _ = child
        .stdout
        .take()
        .expect("piped")
        .read_to_string(&mut stdout);
    let _ = child
        .stderr
        .take()
        .expect("piped")
        .read_to_string(&mut stderr);
    assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
    (status.code(), stdout)
}

#[test]
fn snapshots_at_the_edge_of_time_end_promptly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let routines = dir.path().join("routines");
    std::fs::create_dir(&routines).expect("folder");
    std::fs::write(routines.join("open.toml"), OPEN_ENDED).expect("write");
    let data = dir.path().join("data");
    let keys_at = |key: &str, at: &str| format!("{key}@{at}");
    let cases: Vec<Vec<String>> = vec![
        // The history screen, opened at the edge (the next poll would pass u64::MAX).
        vec!["h".into(), keys_at("h", EDGE), EDGE.into()],
        vec!["h".into(), keys_at("h", LAST), LAST.into()],
        // The exercise browser, its figure moving, at the edge.
        vec!["e".into(), keys_at("e", EDGE), EDGE.into()],
        // A routine played, and its open-ended step done (a segment starting) at the edge.
        vec!["open".into(), keys_at("enter", EDGE), EDGE.into()],
        vec!["open".into(), keys_at("enter", LAST), LAST.into()],
        vec![
            "open".into(),
            format!("space@1,{}", keys_at("space", EDGE)),
            EDGE.into(),
        ],
        vec!["pre-run-warm-up".into(), keys_at("h", EDGE), EDGE.into()],
    ];
    for case in cases {
        let mut args = vec!["snapshot"];
        if case[0].len() > 1 {
            args.push(&case[0]);
        }
        args.extend(["--keys", &case[1], "--at", &case[2]]);
        let (_, screen) = within_time(&args, &routines, &data);
        assert!(screen.contains('─'), "{args:?}: {screen}");
    }
}

/// A screen that changes with time on its own (a moving figure, a poll for another instance's
/// writes) is still worked out once per capture, not once per frame since the start.
#[test]
fn the_browser_and_history_cost_the_same_at_any_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    for key in ["e", "h"] {
        let start = Instant::now();
        within_time(
            &["snapshot", "--keys", &format!("{key}@1"), "--at", "2"],
            Path::new("/nonexistent"),
            &data,
        );
        let soon = start.elapsed();
        let start = Instant::now();
        // A year and more of virtual time on the screen.
        within_time(
            &[
                "snapshot",
                "--keys",
                &format!("{key}@1"),
                "--at",
                "40000000",
            ],
            Path::new("/nonexistent"),
            &data,
        );
        let late = start.elapsed();
        assert!(
            late < soon * 4 + Duration::from_secs(1),
            "{key}: {late:?} at 40,000,000 s against {soon:?} at 2 s"
        );
    }
}

mod any_time {
    use limberup::cli::snapshot::script::parse_key;
    use limberup::routine::Library;
    use limberup::runtime::headless::{SnapshotRequest, capture};
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "space", "enter", "n", "b", "+", "-", "m", "h", "e", "c", "q", "y", "esc", "down", "?",
    ];

    /// A time anywhere, often near the end of time.
    fn time() -> impl Strategy<Value = u64> {
        prop_oneof![
            any::<u64>(),
            (u64::MAX - 100_000)..=u64::MAX,
            0_u64..600_000
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Keys and captures at any times, on any screen: the run ends, never overflowing.
        #[test]
        fn keys_and_captures_at_any_time_end(
            routine in prop::option::of(prop::sample::select(&["pre-run-warm-up", "core-stability"][..])),
            keys in prop::collection::vec((prop::sample::select(KEYS), time()), 0..8),
            at in prop::collection::vec(time(), 1..4),
        ) {
            let library = Library::load(None).expect("library");
            let routine = routine.map(|id| library.resolve(id).expect("built in"));
            let mut request = SnapshotRequest::new(80, 24);
            request.keys = keys
                .into_iter()
                .map(|(key, at)| (at, parse_key(key).expect("key")))
                .collect();
            request.keys.sort_by_key(|(at, _)| *at);
            request.at = at;
            let screens = capture(library, routine, &request, &mut limberup::audio::Silent)
                .expect("runs");
            prop_assert_eq!(screens.len(), request.at.len());
        }
    }
}
