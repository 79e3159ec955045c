//! History version 7: the next-morning answer after a spike run, saved with that run; which run the
//! app asks about (only a spike of the runner's previous local day, only once).

use super::*;
use crate::calendar::{Calendar, DayNumber, day_number};
use crate::program::Morning;
use crate::runs::{Activity, Format, Quality};

/// A GPX run of `km` starting at `start`, at 5:30 a kilometre.
fn activity(start: UtcTime, km: f64) -> Activity {
    Activity {
        format: Format::Gpx,
        start,
        timer_s: km * 330.0,
        elapsed_s: km * 330.0,
        distance_m: Some(km * 1000.0),
        distance_from: None,
        sport: "running".to_owned(),
        sub_sport: None,
        indoor: false,
        offset_s: None,
        device: None,
        quality: Quality::Ok,
    }
}

fn hash(n: u32) -> String {
    format!("{n:064x}")
}

/// 10 km every five days over the 35 days before `day` (07:00 UTC), so a run on `day` has a month
/// to be compared with.
fn month_of_runs(store: &mut Store, day: DayNumber) {
    for (n, before) in (1..=7).rev().enumerate() {
        let start = UtcTime((day - 5 * before) * 86_400 + 7 * 3_600);
        let n = u32::try_from(n).expect("small");
        store
            .save_run(&activity(start, 10.0), &hash(1_000 + n), UtcTime(0))
            .expect("saved");
    }
}

fn save(store: &mut Store, start: UtcTime, km: f64, n: u32) -> i64 {
    match store
        .save_run(&activity(start, km), &hash(n), UtcTime(0))
        .expect("saved")
    {
        Imported::New(id) => id,
        other => panic!("not a new run: {other:?}"),
    }
}

const TUESDAY: DayNumber = 20_522; // 2026-03-10

#[test]
fn the_day_numbers_are_the_dates_named() {
    assert_eq!(TUESDAY, day_number(jiff::civil::date(2026, 3, 10)));
}

/// A version-6 history (runs, no answers) reads without writing, migrates to version 7 with the
/// column, keeps its runs, saves an answer and reads it back; opened again, it is not migrated
/// again and the run is not asked about again.
#[test]
fn a_version_six_history_gains_the_morning_answer_of_its_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(HISTORY_FILE);
    let mut connection = rusqlite::Connection::open(&path).expect("create");
    migrate::make_at_version(&mut connection, 6).expect("version 6");
    connection
        .execute(
            "INSERT INTO runs (start, start_s, end_s, timer_s, elapsed_s, distance_m, sport, indoor,
             format, quality, sha256, imported_at) VALUES ('2026-03-09T07:00:00Z', 1773039600,
             1773044220, 4620.0, 4620.0, 14000.0, 'running', 0, 'gpx', 'ok', ?1,
             '2026-03-09T12:00:00Z')",
            [hash(7)],
        )
        .expect("a run of version 6");
    drop(connection);
    let calendar = Calendar::utc();
    let reader = Store::open_read_only(dir.path(), &calendar)
        .expect("opens")
        .expect("exists");
    let runs = reader.runs().expect("an older file reads");
    assert_eq!((runs.len(), runs[0].morning), (1, None));
    drop(reader);

    let mut store = Store::open(dir.path(), &calendar).expect("migrates");
    let version: i64 = store
        .connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("version");
    assert_eq!(version, 7);
    assert!(store.has_column("runs", "morning").expect("read"));
    let id = store.runs().expect("read")[0].id;
    assert!(
        store
            .set_run_morning(id, RunMorning::Answered(Morning::Worse))
            .expect("saved")
    );
    assert!(
        !store
            .set_run_morning(999, RunMorning::Skipped)
            .expect("none")
    );
    drop(store);

    let mut again = Store::open(dir.path(), &calendar).expect("opens again");
    assert!(again.take_set_aside().is_empty());
    let runs = again.runs().expect("read");
    assert_eq!(runs[0].morning, Some(RunMorning::Answered(Morning::Worse)));
    assert_eq!(
        again.program_facts().expect("read").spikes,
        Vec::new(),
        "a lone run is no spike"
    );
}

/// Asked the morning after a spike run only: not after a run within 10%, not two days after, not
/// once answered or skipped.
#[test]
fn the_morning_after_a_spike_run_asks_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let calendar = Calendar::utc();
    let mut store = Store::open(dir.path(), &calendar).expect("opens");
    month_of_runs(&mut store, TUESDAY - 1);
    let monday = UtcTime((TUESDAY - 1) * 86_400 + 18 * 3_600);
    assert_eq!(store.awaiting_run_morning(TUESDAY).expect("read"), None);
    // Within 10% of the month's longest: no spike, nothing asked.
    save(&mut store, UtcTime(monday.0 - 10 * 3_600), 10.5, 1);
    assert_eq!(store.awaiting_run_morning(TUESDAY).expect("read"), None);
    // 14.2 km is 35% longer than the 10.5 km earlier that day.
    let spike = save(&mut store, monday, 14.2, 2);
    let ask = store
        .awaiting_run_morning(TUESDAY)
        .expect("read")
        .expect("the spike of the day before");
    assert_eq!(
        (ask.run_id, ask.date, ask.distance_m),
        (spike, jiff::civil::date(2026, 3, 9), 14_200.0)
    );
    assert!(matches!(
        ask.warning,
        crate::runs::warning::LongRun::Spike { percent: 35, .. }
    ));
    // Not on the day of the run, nor two days after it.
    for day in [TUESDAY - 1, TUESDAY + 1] {
        assert_eq!(
            store.awaiting_run_morning(day).expect("read"),
            None,
            "{day}"
        );
    }
    for answer in [
        RunMorning::Skipped,
        RunMorning::Answered(Morning::Same),
        RunMorning::Answered(Morning::Worse),
    ] {
        store.set_run_morning(spike, answer).expect("saved");
        assert_eq!(
            store.awaiting_run_morning(TUESDAY).expect("read"),
            None,
            "{answer:?}"
        );
    }
    let facts = store.program_facts().expect("read");
    assert_eq!(facts.spikes.len(), 1);
    assert_eq!(facts.spikes[0].morning, Some(Morning::Worse));
}

/// Days are the runner's: a run at 23:30 on Monday in New York (03:30 UTC on Tuesday) is asked
/// about on Tuesday there, not on Wednesday; in Berlin the same run fell on Tuesday.
#[test]
fn the_next_morning_is_the_runner_s_next_local_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let new_york = Calendar::named("America/New_York").expect("zone");
    let mut store = Store::open(dir.path(), &new_york).expect("opens");
    month_of_runs(&mut store, TUESDAY - 1);
    let late = new_york
        .parse_any("2026-03-09T23:30:00")
        .expect("a local time");
    assert_eq!(late.rfc3339(), "2026-03-10T03:30:00Z");
    let spike = save(&mut store, late, 14.2, 2);
    let asked = |store: &Store, day| {
        store
            .awaiting_run_morning(day)
            .expect("read")
            .map(|ask| ask.run_id)
    };
    assert_eq!(asked(&store, TUESDAY), Some(spike));
    assert_eq!(asked(&store, TUESDAY + 1), None);
    drop(store);
    let berlin = Calendar::named("Europe/Berlin").expect("zone");
    let store = Store::open(dir.path(), &berlin).expect("opens");
    assert_eq!(asked(&store, TUESDAY), None, "in Berlin it ran on Tuesday");
    assert_eq!(asked(&store, TUESDAY + 1), Some(spike));
}

/// The answer is about the run, not the file: a better copy imported later (a FIT after the GPX)
/// takes it over, and the question is not asked again.
#[test]
fn a_better_copy_of_the_run_keeps_its_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let calendar = Calendar::utc();
    let mut store = Store::open(dir.path(), &calendar).expect("opens");
    month_of_runs(&mut store, TUESDAY - 1);
    let monday = UtcTime((TUESDAY - 1) * 86_400 + 7 * 3_600);
    let gpx = save(&mut store, monday, 14.2, 2);
    store
        .set_run_morning(gpx, RunMorning::Skipped)
        .expect("saved");
    let mut fit = activity(monday, 14.3);
    fit.format = Format::Fit;
    let Imported::SameRun { id, .. } = store.save_run(&fit, &hash(3), UtcTime(0)).expect("saved")
    else {
        panic!("the same run");
    };
    let runs = store.runs().expect("read");
    let kept = runs.iter().find(|r| r.id == id).expect("there");
    assert_eq!(
        (kept.counted(), kept.morning),
        (true, Some(RunMorning::Skipped))
    );
    assert_eq!(store.awaiting_run_morning(TUESDAY).expect("read"), None);
    // An answer given about the copy goes to the run counted.
    store
        .set_run_morning(gpx, RunMorning::Answered(Morning::Better))
        .expect("saved");
    let runs = store.runs().expect("read");
    let kept = runs.iter().find(|r| r.id == id).expect("there");
    assert_eq!(kept.morning, Some(RunMorning::Answered(Morning::Better)));
}
