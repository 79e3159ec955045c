//! The next-morning question after a spike run (runs.md, "Programs"): asked the first time the app
//! opens on the runner's next local day, once, about that run; saved with the run, shown by `runs
//! show`, carried by `history export` / `import`. Times are local to Paris.

use std::path::{Path, PathBuf};
use std::process::Output;

use super::common::cli::{limberup_in, ok};
use super::common::runs::gpx_run;

fn paris(args: &[&str], data: &Path) -> Output {
    limberup_in("Europe/Paris", args, data)
}

/// 10 km every five days from 2 February to 4 March 2026, then `metres` on Monday 9 March at 18:00
/// in Paris (42% longer for 14.2 km); the data folder.
fn history(dir: &Path, metres: f64) -> PathBuf {
    let data = dir.join("data");
    let runs = dir.join("runs");
    std::fs::create_dir_all(&runs).expect("folder");
    for (n, day) in [
        "02-02", "02-07", "02-12", "02-17", "02-22", "02-27", "03-04",
    ]
    .iter()
    .enumerate()
    {
        let start = format!("2026-{day}T07:00:00Z");
        gpx_run(&runs, &format!("{n}.gpx"), &start, 55, 10_000.0);
    }
    gpx_run(&runs, "long.gpx", "2026-03-09T17:00:00Z", 80, metres);
    ok(&paris(
        &["runs", "import", runs.to_str().expect("utf-8")],
        &data,
    ));
    data
}

/// The first screen on `today`, or the screen at `at` after `keys`.
fn screen(data: &Path, today: &str, keys: Option<(&str, &str)>) -> String {
    let mut args = vec!["snapshot", "--today", today];
    if let Some((keys, at)) = keys {
        args.extend(["--keys", keys, "--at", at]);
    }
    ok(&paris(&args, data))
}

/// The id of the long run of 9 March.
fn long_run_id(data: &Path) -> i64 {
    let list: serde_json::Value =
        serde_json::from_str(&ok(&paris(&["runs", "list", "--json"], data))).expect("json");
    list.as_array()
        .expect("an array")
        .iter()
        .find(|run| run["local_date"] == "2026-03-09")
        .and_then(|run| run["id"].as_i64())
        .expect("the run of 9 March")
}

fn answer(data: &Path, id: i64, answer: limberup::history::RunMorning) {
    let paris = limberup::calendar::Calendar::named("Europe/Paris").expect("zone");
    let mut store = limberup::history::Store::open(data, &paris).expect("opens");
    assert!(store.set_run_morning(id, answer).expect("saved"));
}

#[test]
fn the_morning_after_a_spike_run_asks_about_that_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history(dir.path(), 14_200.0);
    let question = screen(&data, "2026-03-10", None);
    assert!(
        question.contains("Compared with before that run, your back this morning is:"),
        "{question}"
    );
    assert!(
        question.contains("Yesterday, Mon 9 Mar: a 14.2 km run, 42% longer than your"),
        "{question}"
    );
    assert!(question.contains("esc skip"), "{question}");
    insta::assert_snapshot!("run_morning_question", question);
    // Not on the day of the run, nor two days after it.
    for day in ["2026-03-09", "2026-03-11"] {
        let other = screen(&data, day, None);
        assert!(!other.contains("this morning"), "{day}: {other}");
    }
}

#[test]
fn a_run_within_ten_percent_asks_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history(dir.path(), 10_900.0);
    let first = screen(&data, "2026-03-10", None);
    assert!(!first.contains("this morning"), "{first}");
}

/// One key saves the answer with that run, and `esc` saves that it was skipped: either way the
/// question is gone, and is not asked again when the app opens again that day.
#[test]
fn the_answer_or_esc_is_saved_with_that_run_and_not_asked_again() {
    use limberup::app::Record;
    use limberup::history::RunMorning;
    use limberup::program::Morning;
    use limberup::routine::Library;
    use limberup::runtime::headless::{SnapshotRequest, capture_saving};

    let dir = tempfile::tempdir().expect("temp dir");
    let data = history(dir.path(), 14_200.0);
    let id = long_run_id(&data);
    let paris = limberup::calendar::Calendar::named("Europe/Paris").expect("zone");
    let tuesday = limberup::calendar::day_number(jiff::civil::date(2026, 3, 10));
    let ask = limberup::history::Store::open_read_only(&data, &paris)
        .expect("opens")
        .expect("exists")
        .awaiting_run_morning(tuesday)
        .expect("reads")
        .expect("Monday's long run");
    assert_eq!(ask.run_id, id);
    for (keys, said) in [
        ("w@1", RunMorning::Answered(Morning::Worse)),
        ("b@1", RunMorning::Answered(Morning::Better)),
        ("s@1", RunMorning::Answered(Morning::Same)),
        ("esc@1", RunMorning::Skipped),
    ] {
        let mut request = SnapshotRequest::new(80, 24);
        request.keys = limberup::cli::snapshot::script::parse_script(keys).expect("keys");
        request.at = vec![2_000];
        request.run_morning = Some(ask.clone());
        let mut saved = Saved(Vec::new());
        let screens = capture_saving(
            Library::load(None).expect("library"),
            None,
            &request,
            &mut limberup::audio::Silent,
            &mut saved,
        )
        .expect("runs");
        assert_eq!(
            saved.0,
            [Record::RunMorning {
                run_id: id,
                answer: said
            }],
            "{keys}"
        );
        assert!(
            !screens[0].1.join("\n").contains("this morning"),
            "{keys}: the question is gone"
        );
    }
    answer(&data, id, RunMorning::Skipped);
    let again = screen(&data, "2026-03-10", None);
    assert!(!again.contains("this morning"), "asked once: {again}");
}

/// With a program session and a spike run the day before, the session's question comes first and
/// the run's right after it, each in a box of its own.
#[test]
fn after_a_session_and_a_spike_run_the_session_is_asked_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history(dir.path(), 14_200.0);
    ok(&paris(
        &["program", "start", "upper-back-fix", "--on", "2026-03-02"],
        &data,
    ));
    ok(&paris(
        &[
            "log",
            "upper-back-strength",
            "--date",
            "2026-03-09T08:00",
            "--pain",
            "1",
        ],
        &data,
    ));
    let first = screen(&data, "2026-03-10", None);
    assert!(first.contains("before that session"), "{first}");
    assert!(!first.contains("before that run"), "never both: {first}");
    let second = screen(&data, "2026-03-10", Some(("s@1", "2")));
    assert!(second.contains("before that run"), "{second}");
    assert!(!second.contains("before that session"), "{second}");
    let after = screen(&data, "2026-03-10", Some(("s@1,w@2", "3")));
    assert!(!after.contains("this morning"), "{after}");
    assert!(after.contains("Week 2 of 4"), "back on Today: {after}");
}

/// `runs show` names the answer; its JSON carries it as `morning`.
#[test]
fn runs_show_tells_the_morning_answer() {
    use limberup::history::RunMorning;
    use limberup::program::Morning;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history(dir.path(), 14_200.0);
    let id = long_run_id(&data);
    let id_text = id.to_string();
    let before = ok(&paris(&["runs", "show", &id_text], &data));
    assert!(!before.contains("next morning"), "{before}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&paris(&["runs", "show", &id_text, "--json"], &data)))
            .expect("json");
    assert_eq!(json["morning"], serde_json::Value::Null);
    answer(&data, id, RunMorning::Answered(Morning::Worse));
    let shown = ok(&paris(&["runs", "show", &id_text], &data));
    assert!(
        shown.contains("  next morning  the back worse than before the run\n"),
        "{shown}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&paris(&["runs", "show", &id_text, "--json"], &data)))
            .expect("json");
    assert_eq!(json["morning"], "worse");
}

/// An export carries the answer to another machine (where the question is then not asked), and an
/// export from before answers (version 1, no `morning`) still imports.
#[test]
fn export_and_import_carry_the_answer() {
    use limberup::history::RunMorning;
    use limberup::program::Morning;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = history(dir.path(), 14_200.0);
    let id = long_run_id(&data);
    answer(&data, id, RunMorning::Answered(Morning::Worse));
    let export = ok(&paris(&["history", "export"], &data));
    let header: serde_json::Value =
        serde_json::from_str(export.lines().next().expect("a first line")).expect("json");
    assert_eq!(header["version"], 2);
    let file = dir.path().join("export.jsonl");
    std::fs::write(&file, &export).expect("written");
    let elsewhere = dir.path().join("elsewhere");
    ok(&paris(
        &["history", "import", file.to_str().expect("utf-8")],
        &elsewhere,
    ));
    let there = long_run_id(&elsewhere).to_string();
    let json: serde_json::Value =
        serde_json::from_str(&ok(&paris(&["runs", "show", &there, "--json"], &elsewhere)))
            .expect("json");
    assert_eq!(json["morning"], "worse");
    let first = screen(&elsewhere, "2026-03-10", None);
    assert!(!first.contains("this morning"), "answered already: {first}");
    // Imported again: nothing doubled, the answer kept.
    let again = ok(&paris(
        &["history", "import", file.to_str().expect("utf-8")],
        &elsewhere,
    ));
    assert!(again.contains("runs: 0 added, 8 already here"), "{again}");

    // An export of version 1, as the limberup before answers wrote it.
    let old: Vec<String> = export
        .lines()
        .enumerate()
        .map(|(n, line)| {
            let mut record: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(line).expect("json");
            if n == 0 {
                record.insert("version".to_owned(), 1.into());
            }
            record.remove("morning");
            serde_json::Value::Object(record).to_string()
        })
        .collect();
    let old_file = dir.path().join("old.jsonl");
    std::fs::write(&old_file, old.join("\n") + "\n").expect("written");
    let third = dir.path().join("third");
    ok(&paris(
        &["history", "import", old_file.to_str().expect("utf-8")],
        &third,
    ));
    let json: serde_json::Value = serde_json::from_str(&ok(&paris(
        &["runs", "show", &long_run_id(&third).to_string(), "--json"],
        &third,
    )))
    .expect("json");
    assert_eq!(json["morning"], serde_json::Value::Null);
    let asked = screen(&third, "2026-03-10", None);
    assert!(
        asked.contains("before that run"),
        "not answered there: {asked}"
    );

    // An answer this limberup does not know is named, and nothing is imported.
    let bad = export.replace("\"morning\":\"worse\"", "\"morning\":\"awful\"");
    assert_ne!(bad, export);
    let bad_file = dir.path().join("bad.jsonl");
    std::fs::write(&bad_file, bad).expect("written");
    let output = paris(
        &["history", "import", bad_file.to_str().expect("utf-8")],
        &dir.path().join("fourth"),
    );
    assert_eq!(output.status.code(), Some(1));
    let told = String::from_utf8_lossy(&output.stderr);
    assert!(
        told.contains(": error: a run's `morning` must be better, same, worse, skipped or null\n")
            && told.ends_with("nothing was imported\n"),
        "{told}"
    );
}

struct Saved(Vec<limberup::app::Record>);

impl limberup::app::records::HistorySink for Saved {
    fn save(
        &mut self,
        record: &limberup::app::Record,
    ) -> Result<(), limberup::history::HistoryError> {
        self.0.push(record.clone());
        Ok(())
    }
}
