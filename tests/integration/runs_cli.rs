//! `limberup runs ...` on the real binary: exact output, exit codes, duplicates, local days and
//! hostile file names.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use super::common::cli::{limberup_in, ok};
use super::common::runs::{fixture, gpx_run};

fn utc(args: &[&str], data: &Path) -> Output {
    limberup_in("UTC", args, data)
}

/// A temporary folder with `data/` for the history and an empty folder `name` for files.
fn workspace(name: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let folder = dir.path().join(name);
    std::fs::create_dir_all(&folder).expect("folder");
    (dir, data, folder)
}

/// `runs import PATH` that must fail (exit 1): what it printed on stdout and on stderr.
fn import_failing(path: &str, data: &Path) -> (String, String) {
    let output = utc(&["runs", "import", path], data);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    (stdout(&output), stderr(&output))
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A folder of copies of the real fixtures, so printed paths are short and known.
fn fixtures_in(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("watch");
    std::fs::create_dir_all(&folder).expect("folder");
    for name in [
        "georustgpx-garmin-activity.gpx",
        "pyfit-garmin-fenix-5-run.fit",
        "pyfit-garmin-fenix-5-walk.fit",
        "rusttcx-20210119_run_garmin_fenix6.tcx",
    ] {
        std::fs::copy(fixture(name), folder.join(name)).expect("copy");
    }
    folder
}

#[test]
fn a_folder_is_imported_one_line_a_file_and_again_is_already_imported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let folder = fixtures_in(dir.path());
    let folder = folder.to_str().expect("utf-8");
    let first = utc(&["runs", "import", folder], &data);
    assert_eq!(
        ok(&first),
        format!(
            "{folder}/georustgpx-garmin-activity.gpx: imported as #1\n\
             {folder}/pyfit-garmin-fenix-5-run.fit: imported as #2\n\
             {folder}/pyfit-garmin-fenix-5-walk.fit: not a run (walking)\n\
             {folder}/rusttcx-20210119_run_garmin_fenix6.tcx: imported as #3\n"
        )
    );
    assert_eq!(stderr(&first), "");
    let again = utc(&["runs", "import", folder, "--json"], &data);
    assert_eq!(
        ok(&again),
        format!(
            "{{\"path\":\"{folder}/georustgpx-garmin-activity.gpx\",\"outcome\":\"already-imported\",\"run\":1,\"message\":\"already imported (#1)\"}}\n\
             {{\"path\":\"{folder}/pyfit-garmin-fenix-5-run.fit\",\"outcome\":\"already-imported\",\"run\":2,\"message\":\"already imported (#2)\"}}\n\
             {{\"path\":\"{folder}/pyfit-garmin-fenix-5-walk.fit\",\"outcome\":\"not-a-run\",\"run\":null,\"message\":\"not a run (walking)\"}}\n\
             {{\"path\":\"{folder}/rusttcx-20210119_run_garmin_fenix6.tcx\",\"outcome\":\"already-imported\",\"run\":3,\"message\":\"already imported (#3)\"}}\n"
        )
    );
    assert_eq!(
        ok(&utc(&["runs"], &data)),
        "   #  date        start  distance     time       pace  source  flags\n\
         \x20 #2  2017-06-11  14:34    0.2 km     0:57   6:01 /km  fit\n\
         \x20 #1  2017-07-29  14:46   12.8 km  1:31:38   7:09 /km  gpx     first in 30 days\n\
         \x20 #3  2021-01-19  23:30    5.1 km    20:30   4:00 /km  tcx     first in 30 days\n"
    );
}

#[test]
fn a_bad_file_is_one_line_on_stderr_and_the_rest_are_still_imported() {
    let (_dir, data, folder) = workspace("mixed");
    std::fs::write(folder.join("a-empty.fit"), b"").expect("write");
    std::fs::write(folder.join("b-notes.txt"), b"shoes: 420 km").expect("write");
    gpx_run(&folder, "c-run.gpx", "2026-09-08T07:00:00Z", 60, 10_000.0);
    let folder = folder.to_str().expect("utf-8");
    let (printed, errors) = import_failing(folder, &data);
    assert_eq!(
        printed,
        format!("{folder}/b-notes.txt: not an activity file\n{folder}/c-run.gpx: imported as #1\n")
    );
    assert_eq!(
        errors,
        format!("{folder}/a-empty.fit: error: the file is empty\n")
    );
    let (_, errors) = import_failing("/nonexistent/run.fit", &data);
    assert_eq!(errors, "/nonexistent/run.fit: error: no such file\n");
    assert!(ok(&utc(&["runs", "--csv"], &data)).ends_with(
        "1,2026-09-08,07:00,2026-09-08T07:00:00Z,running,,10000.0,3600.0,3600.0,360,gpx,ok,\n"
    ));
}

#[test]
fn the_same_run_as_tcx_and_gpx_counts_once_in_both_orders() {
    for tcx_first in [true, false] {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        let gpx = super::runs_history::gpx_of_the_tcx(dir.path());
        let tcx = dir.path().join("run.tcx");
        std::fs::copy(fixture("rusttcx-20210119_run_garmin_fenix6.tcx"), &tcx).expect("copy");
        let (first, second) = if tcx_first {
            (&tcx, &gpx)
        } else {
            (&gpx, &tcx)
        };
        let first = first.to_str().expect("utf-8");
        let second = second.to_str().expect("utf-8");
        assert_eq!(
            ok(&utc(&["runs", "import", first], &data)),
            format!("{first}: imported as #1\n")
        );
        assert_eq!(
            ok(&utc(&["runs", "import", second], &data)),
            format!("{second}: same run as #1 (kept the TCX)\n")
        );
        let listed = ok(&utc(&["runs", "list"], &data));
        assert_eq!(listed.lines().count(), 2, "{listed}");
        let kept = if tcx_first { "#1" } else { "#2" };
        assert!(
            listed.contains(&format!("{kept:>4}  2021-01-19  23:30    5.1 km")),
            "{listed}"
        );
        assert!(listed.contains("tcx"), "{listed}");
        let all = ok(&utc(&["runs", "list", "--all"], &data));
        assert_eq!(all.lines().count(), 3, "{all}");
        let copy = if tcx_first { "#1" } else { "#2" };
        assert!(all.contains(&format!("same run as {copy}")), "{all}");
    }
}

#[test]
fn the_same_file_twice_in_one_import_is_counted_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let run = gpx_run(dir.path(), "run.gpx", "2026-09-08T07:00:00Z", 60, 10_000.0);
    std::fs::copy(&run, dir.path().join("copy.gpx")).expect("copy");
    let output = utc(
        &[
            "runs",
            "import",
            run.to_str().expect("utf-8"),
            dir.path().join("copy.gpx").to_str().expect("utf-8"),
        ],
        &data,
    );
    let printed = ok(&output);
    assert!(
        printed.ends_with("copy.gpx: already imported (#1)\n"),
        "{printed}"
    );
    assert_eq!(
        ok(&utc(&["runs", "--json"], &data))
            .matches("\"id\"")
            .count(),
        1
    );
}

#[test]
fn a_run_falls_on_its_new_york_date_in_new_york_and_its_berlin_date_in_berlin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let tcx = fixture("rusttcx-20210119_run_garmin_fenix6.tcx");
    ok(&utc(
        &["runs", "import", tcx.to_str().expect("utf-8")],
        &data,
    ));
    for (zone, date, time) in [
        ("America/New_York", "2021-01-19", "18:30"),
        ("Europe/Berlin", "2021-01-20", "00:30"),
    ] {
        let listed = ok(&limberup_in(zone, &["runs"], &data));
        assert!(
            listed.contains(&format!("  #1  {date}  {time}    5.1 km")),
            "{zone}: {listed}"
        );
        let json = ok(&limberup_in(zone, &["runs", "--json"], &data));
        assert!(
            json.contains(&format!("\"local_date\":\"{date}\"")),
            "{zone}: {json}"
        );
        // The week it counts in is the local one: Monday the 18th either way, but the day differs.
        let weeks = ok(&limberup_in(
            zone,
            &["runs", "weeks", "--weeks", "1", "--today", date],
            &data,
        ));
        assert!(
            weeks.contains("2021-01-18     1    5.1 km     20:30    5.1 km"),
            "{zone}: {weeks}"
        );
    }
    // In New York the run is not yet on the 20th; from Berlin's 20th on it is.
    let before = ok(&limberup_in(
        "America/New_York",
        &["runs", "--since", "2021-01-20"],
        &data,
    ));
    assert!(before.starts_with("No runs yet"), "{before}");
    let since = ok(&limberup_in(
        "Europe/Berlin",
        &["runs", "--since", "2021-01-20"],
        &data,
    ));
    assert!(since.contains("#1  2021-01-20"), "{since}");
}

/// Three runs: a first one long ago, then 10 km, then 13.5 km a week later: a spike of 35%.
fn spike_history(dir: &Path) -> std::path::PathBuf {
    let data = dir.join("data");
    let folder = dir.join("runs");
    std::fs::create_dir_all(&folder).expect("folder");
    gpx_run(&folder, "1.gpx", "2026-07-15T07:00:00Z", 30, 5_000.0);
    gpx_run(&folder, "2.gpx", "2026-09-01T07:00:00Z", 60, 10_000.0);
    gpx_run(&folder, "3.gpx", "2026-09-08T07:00:00Z", 81, 13_500.0);
    ok(&utc(
        &["runs", "import", folder.to_str().expect("utf-8")],
        &data,
    ));
    data
}

#[test]
fn a_spike_is_flagged_in_the_list_and_explained_in_show() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = spike_history(dir.path());
    assert_eq!(
        ok(&utc(&["runs", "list"], &data)),
        "   #  date        start  distance     time       pace  source  flags\n\
         \x20 #1  2026-07-15  07:00    5.0 km    30:00   6:00 /km  gpx\n\
         \x20 #2  2026-09-01  07:00   10.0 km  1:00:00   6:00 /km  gpx     first in 30 days\n\
         \x20 #3  2026-09-08  07:00   13.5 km  1:21:00   6:00 /km  gpx     spike 35%\n"
    );
    let json = ok(&utc(
        &["runs", "list", "--since", "2026-09-08", "--json"],
        &data,
    ));
    let runs: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        runs,
        serde_json::json!([{"id": 3, "start": "2026-09-08T07:00:00Z", "local_date": "2026-09-08",
            "sport": "running", "sub_sport": null, "distance_m": runs[0]["distance_m"],
            "distance_from": "gps", "timer_s": 4860.0, "elapsed_s": 4860.0, "format": "gpx",
            "quality": "ok", "offset_s": null, "device": "test", "duplicate_of": null,
            "hidden": false,
            "warning": {"kind": "spike", "percent": 35, "longest_before_m": 10000.0}}])
    );
    let distance = runs[0]["distance_m"].as_f64().expect("a distance");
    assert!((distance - 13_500.0).abs() < 0.001, "{distance}");
    let show = ok(&utc(&["runs", "show", "3"], &data));
    assert!(
        show.contains(
            "  compared with #2 on 2026-09-01, 10.0 km: the longest run in the 30 days before it\n"
        ),
        "{show}"
    );
    assert!(
        show.contains(
            "\nYour run on Tue 8 Sep (13.5 km) was 35% longer than your longest run in the 30 \
             days before it (10.0 km). In a study of 5,200 runners, runs more than 10% longer than \
             the past month's longest were followed by more overuse injuries than runs within \
             10%. This is a pattern in a group, not a forecast for you. Easy, shorter runs for the \
             next few days are a simple precaution; take the pain check if anything hurts.\n\
             Source: Frandsen et al., \"How much running is too much? Identifying high-risk \
             running sessions in a 5200-person cohort study\", Br J Sports Med \
             2025;59(17):1203-1210\n"
        ),
        "{show}"
    );
    let shown: serde_json::Value =
        serde_json::from_str(&ok(&utc(&["runs", "show", "3", "--json"], &data))).expect("json");
    assert_eq!(
        shown["compared_with"],
        serde_json::json!({"id": 2, "start": "2026-09-01T07:00:00Z", "local_date": "2026-09-01",
            "distance_m": shown["compared_with"]["distance_m"]})
    );
    assert_eq!(shown["counted"], true);
    assert_eq!(shown["duplicates"], serde_json::json!([]));
}

#[test]
fn weeks_are_monday_weeks_with_the_budget_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = spike_history(dir.path());
    assert_eq!(
        ok(&utc(
            &["runs", "weeks", "--weeks", "3", "--today", "2026-09-10"],
            &data
        )),
        "week of     runs  distance      time   longest\n\
         2026-08-24     0    0.0 km      0:00         -\n\
         2026-08-31     1   10.0 km   1:00:00   10.0 km\n\
         2026-09-07     1   13.5 km   1:21:00   13.5 km  ▲35%\n\
         \n\
         Longest run in the last 30 days: 13.5 km. A run up to 14.8 km stays within 10% of it.\n"
    );
    let long_after = ok(&utc(
        &["runs", "weeks", "--weeks", "1", "--today", "2026-12-01"],
        &data,
    ));
    assert_eq!(
        long_after,
        "week of     runs  distance      time   longest\n\
         2026-11-30     0    0.0 km      0:00         -\n\
         \n\
         No runs in the last 30 days.\n"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&utc(
        &[
            "runs",
            "weeks",
            "--weeks",
            "1",
            "--today",
            "2026-09-08",
            "--json",
        ],
        &data,
    )))
    .expect("json");
    assert_eq!(json["weeks"][0]["week_start"], "2026-09-07");
    assert_eq!(json["weeks"][0]["runs"], 1);
    assert_eq!(json["weeks"][0]["spikes"], serde_json::json!([35]));
    assert_eq!(json["budget"]["longest_m"], 13_500.0);
    assert_eq!(json["budget"]["within_m"], 14_850.0);
}

#[test]
fn forget_and_set_change_a_run_and_importing_again_does_not_bring_it_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = spike_history(dir.path());
    assert_eq!(
        ok(&utc(&["runs", "forget", "3"], &data)),
        "run #3 forgotten: it no longer counts, and importing it again does not bring it back\n"
    );
    let folder = dir.path().join("runs");
    let again = ok(&utc(
        &["runs", "import", folder.to_str().expect("utf-8")],
        &data,
    ));
    assert!(again.contains("3.gpx: already imported (#3)"), "{again}");
    let listed = ok(&utc(&["runs"], &data));
    assert!(!listed.contains("#3"), "{listed}");
    // A forgotten run is not counted, so it has no spike either.
    assert!(
        ok(&utc(&["runs", "--all"], &data))
            .contains("  #3  2026-09-08  07:00   13.5 km  1:21:00   6:00 /km  gpx     forgotten\n")
    );
    assert_eq!(
        ok(&utc(&["runs", "set", "2", "--sport", "treadmill"], &data)),
        "run #2 is now running (treadmill)\n"
    );
    assert!(ok(&utc(&["runs"], &data)).contains("6:00 /km  gpx     treadmill, first in 30 days"));
    assert_eq!(
        ok(&utc(&["runs", "set", "2", "--sport", "walking"], &data)),
        "run #2 is now walking\n"
    );
    assert_eq!(ok(&utc(&["runs"], &data)).lines().count(), 2);
    for command in [&["runs", "forget", "9"][..], &["runs", "show", "9"][..]] {
        let missing = utc(command, &data);
        assert_eq!(missing.status.code(), Some(1), "{command:?}");
        assert_eq!(
            stderr(&missing),
            "limberup: error: there is no run #9; `limberup runs --all` lists them\n"
        );
    }
    let misuse = utc(&["runs", "set", "2", "--sport", "run\u{1b}[2J"], &data);
    assert_eq!(misuse.status.code(), Some(2));
    assert!(!stderr(&misuse).contains('\u{1b}'), "{}", stderr(&misuse));
}

#[test]
fn a_dry_run_reads_and_reports_and_stores_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let run = gpx_run(dir.path(), "run.gpx", "2026-09-08T07:00:00Z", 60, 10_000.0);
    let run = run.to_str().expect("utf-8");
    assert_eq!(
        ok(&utc(&["runs", "import", "--dry-run", run], &data)),
        format!("{run}: would be imported\n")
    );
    assert!(!data.exists(), "no history made");
}

#[test]
fn sport_running_imports_what_the_watch_called_a_walk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let walk = fixture("pyfit-garmin-fenix-5-walk.fit");
    let walk = walk.to_str().expect("utf-8");
    assert_eq!(
        ok(&utc(&["runs", "import", "--sport", "running", walk], &data)),
        format!("{walk}: imported as #1\n")
    );
}

#[test]
fn sync_reads_the_folders_of_the_settings_and_skips_files_already_seen() {
    let (dir, data, folder) = workspace("Garmin");
    gpx_run(&folder, "1.gpx", "2026-09-01T07:00:00Z", 60, 10_000.0);
    std::fs::write(folder.join("notes.txt"), "not a run").expect("write");
    let config = dir.path().join("config.toml");
    let folder_text = folder.to_str().expect("utf-8");
    std::fs::write(&config, format!("runs_folders = [{folder_text:?}]\n")).expect("write");
    let config = config.to_str().expect("utf-8");
    let sync = |data: &Path| utc(&["--config", config, "runs", "sync"], data);
    assert_eq!(
        ok(&sync(&data)),
        format!(
            "{folder_text}/1.gpx: imported as #1\n{folder_text}/notes.txt: not an activity file\n"
        )
    );
    assert_eq!(
        ok(&sync(&data)),
        format!("nothing new in {folder_text} (2 files seen before)\n")
    );
    gpx_run(&folder, "2.gpx", "2026-09-08T07:00:00Z", 60, 10_000.0);
    assert_eq!(
        ok(&sync(&data)),
        format!("{folder_text}/2.gpx: imported as #2\n")
    );
    let empty = dir.path().join("empty.toml");
    std::fs::write(&empty, "").expect("write");
    let empty = empty.to_str().expect("utf-8");
    let no_folders = utc(&["--config", empty, "runs", "sync"], &data);
    assert_eq!(no_folders.status.code(), Some(2));
    assert_eq!(
        stderr(&no_folders),
        "limberup: error: no folders to sync: list them in the settings as runs_folders = [\"~/Garmin/Activity\"]\n"
    );
}

#[test]
fn hostile_file_names_never_reach_the_terminal_raw() {
    let (_dir, data, folder) = workspace("shared");
    gpx_run(
        &folder,
        "run\u{1b}]0;pwned\u{7}.gpx",
        "2026-09-08T07:00:00Z",
        60,
        10_000.0,
    );
    std::fs::write(folder.join("bad\u{1b}[2J\u{9b}31m.fit"), b"").expect("write");
    let folder_text = folder.to_str().expect("utf-8");
    assert_eq!(
        import_failing(folder_text, &data),
        (
            format!("{folder_text}/run\\u{{1b}}]0;pwned\\u{{7}}.gpx: imported as #1\n"),
            format!("{folder_text}/bad\\u{{1b}}[2J\\u{{9b}}31m.fit: error: the file is empty\n")
        )
    );
    let json = utc(&["runs", "import", "--json", folder_text], &data);
    let printed = stdout(&json);
    assert!(
        !printed.contains(['\u{1b}', '\u{7}', '\u{9b}']),
        "{printed}"
    );
    assert!(printed.contains("bad\\u001b[2J\\u009b31m.fit"), "{printed}");
    // The JSON still names the file exactly.
    let first: serde_json::Value =
        serde_json::from_str(printed.lines().next().expect("a line")).expect("json");
    assert_eq!(
        first["path"],
        format!("{folder_text}/bad\u{1b}[2J\u{9b}31m.fit")
    );
}

/// A folder of 25 runs, one a day in August: enough for the progress line.
fn many_runs() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, data, folder) = workspace("many");
    for day in 1..=25 {
        gpx_run(
            &folder,
            &format!("{day:02}.gpx"),
            &format!("2026-08-{day:02}T07:00:00Z"),
            30,
            5_000.0,
        );
    }
    (dir, data, folder)
}

#[test]
fn no_progress_line_in_a_pipe_even_for_many_files() {
    let (_dir, data, folder) = many_runs();
    let output = utc(&["runs", "import", folder.to_str().expect("utf-8")], &data);
    assert_eq!(ok(&output).lines().count(), 25);
    assert_eq!(stderr(&output), "");
}

/// On a terminal (util-linux `script` gives the command one), stderr shows how far the import is,
/// redrawn in place and cleared at the end; the lines themselves go to stdout as ever.
#[test]
fn a_progress_line_on_a_terminal_for_many_files() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` to give the command a terminal");
        return;
    }
    let (dir, data, folder) = many_runs();
    let printed = dir.path().join("out.txt");
    let command = format!(
        "{} runs import {} > {}",
        env!("CARGO_BIN_EXE_limberup"),
        folder.display(),
        printed.display()
    );
    let terminal = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LIMBERUP_DATA_DIR", &data)
        .env("TZ", "UTC")
        .output()
        .expect("script runs");
    assert!(terminal.status.success());
    let shown = String::from_utf8_lossy(&terminal.stdout);
    let mut expected = String::new();
    for done in 1..25 {
        let _ = write!(expected, "importing: {done} of 25 files\r\u{1b}[2K");
    }
    assert_eq!(shown, expected);
    let lines = std::fs::read_to_string(&printed).expect("stdout");
    assert_eq!(lines.lines().count(), 25);
    assert!(!lines.contains("importing"), "{lines}");
}

/// A shared folder may hold a named pipe (opening one waits for a writer forever) or a link to a
/// device: each is one line, and the import goes on.
#[test]
fn a_pipe_or_a_device_in_a_folder_is_one_line_never_a_hang() {
    let (_dir, data, folder) = workspace("odd");
    let made = std::process::Command::new("mkfifo")
        .arg(folder.join("pipe.fit"))
        .status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.gpx")).expect("link");
    gpx_run(&folder, "run.gpx", "2026-09-08T07:00:00Z", 60, 10_000.0);
    let folder = folder.to_str().expect("utf-8");
    assert_eq!(
        import_failing(folder, &data),
        (
            format!("{folder}/run.gpx: imported as #1\n"),
            format!(
                "{folder}/pipe.fit: error: not a regular file (a device, pipe or socket)\n\
                 {folder}/zero.gpx: error: not a regular file (a device, pipe or socket)\n"
            )
        )
    );
}

/// A check from the command line within 7 days of a spike lists it under "also noted", as the app's
/// result screen does; its level is the same as without the runs (runs.md, "Where it shows").
#[test]
fn check_answers_lists_a_recent_spike_under_also_noted_and_keeps_its_level() {
    let dir = tempfile::tempdir().expect("temp dir");
    let with_runs = spike_history(dir.path());
    let answers = dir.path().join("answers.toml");
    std::fs::write(
        &answers,
        "pain = 6\nareas = [\"upper-back\"]\nonset = \"after-run\"\ndays = 1\ntrend = \"same\"\n\
         date = 2026-09-10T08:00:00Z\n",
    )
    .expect("answers");
    let answers = answers.to_str().expect("utf-8");
    let check = |data: &Path| ok(&utc(&["check", "--answers", answers, "--no-save"], data));
    let with_spike = check(&with_runs);
    let without = check(&dir.path().join("no-runs"));
    let noted = "Your run on Tue 8 Sep (13.5 km) was 35% longer than your longest run in the 30 days \
                 before it (10.0 km).";
    assert!(with_spike.contains("Also noted"), "{with_spike}");
    assert!(with_spike.contains(noted), "{with_spike}");
    assert!(!without.contains("longer than"), "{without}");
    assert_eq!(
        with_spike.lines().next(),
        without.lines().next(),
        "the level's headline is the same"
    );
}
