//! Runs in the history: the same file twice, the same run as two formats in both orders, local days.

use std::fmt::Write as _;
use std::path::PathBuf;

use limberup::calendar::{Calendar, UtcTime};
use limberup::history::Store;
use limberup::history::run_import::{ImportOptions, Outcome, import_file};
use limberup::runs::{Format, read_activity};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runs")
        .join(name)
}

fn options() -> ImportOptions {
    ImportOptions {
        sport: None,
        dry_run: false,
        now: UtcTime(1_800_000_000),
    }
}

/// The TCX fixture's run as a GPX (in `dir`): same times, GPS points from its trackpoints.
pub(crate) fn gpx_of_the_tcx(dir: &std::path::Path) -> PathBuf {
    let tcx =
        std::fs::read_to_string(fixture("rusttcx-20210119_run_garmin_fenix6.tcx")).expect("tcx");
    let mut gpx = String::from("<gpx creator=\"test\"><trk><type>running</type><trkseg>");
    for point in tcx.split("<Trackpoint>").skip(1) {
        let field = |name: &str| {
            point
                .split(&format!("<{name}>"))
                .nth(1)
                .and_then(|rest| rest.split(&format!("</{name}>")).next())
                .map(str::to_owned)
        };
        if let (Some(time), Some(lat), Some(lon)) = (
            field("Time"),
            field("LatitudeDegrees"),
            field("LongitudeDegrees"),
        ) {
            let _ = write!(
                gpx,
                "<trkpt lat=\"{lat}\" lon=\"{lon}\"><time>{time}</time></trkpt>"
            );
        }
    }
    gpx.push_str("</trkseg></trk></gpx>");
    let path = dir.join("same-run.gpx");
    std::fs::write(&path, gpx).expect("write");
    path
}

#[test]
fn the_same_file_twice_is_already_imported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("history");
    let tcx = fixture("rusttcx-20210119_run_garmin_fenix6.tcx");
    let first = import_file(Some(&mut store), &tcx, &options());
    assert!(matches!(first, Outcome::Imported(_)), "{first:?}");
    let again = import_file(Some(&mut store), &tcx, &options());
    assert_eq!(again, Outcome::AlreadyImported(first.run().expect("id")));
    assert_eq!(store.runs().expect("runs").len(), 1);
}

#[test]
fn tcx_and_gpx_of_one_run_count_once_in_both_orders_keeping_the_tcx() {
    for tcx_first in [true, false] {
        let dir = tempfile::tempdir().expect("tempdir");
        let gpx = gpx_of_the_tcx(dir.path());
        let tcx = fixture("rusttcx-20210119_run_garmin_fenix6.tcx");
        let mut store = Store::open(dir.path(), &Calendar::utc()).expect("history");
        let order = if tcx_first {
            [&tcx, &gpx]
        } else {
            [&gpx, &tcx]
        };
        let first = import_file(Some(&mut store), order[0], &options());
        assert!(matches!(first, Outcome::Imported(_)), "{first:?}");
        let second = import_file(Some(&mut store), order[1], &options());
        assert!(
            matches!(
                second,
                Outcome::Duplicate {
                    kept: Format::Tcx,
                    ..
                }
            ),
            "{second:?}"
        );
        let runs = store.runs().expect("runs");
        let counted: Vec<_> = runs.iter().filter(|r| r.counted()).collect();
        assert_eq!(runs.len(), 2);
        assert_eq!(counted.len(), 1);
        assert_eq!(counted[0].activity.format, Format::Tcx);
    }
}

#[test]
fn the_walk_is_not_a_run_and_is_not_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("history");
    let walk = import_file(
        Some(&mut store),
        &fixture("pyfit-garmin-fenix-5-walk.fit"),
        &options(),
    );
    assert_eq!(walk, Outcome::NotARun("walking".to_owned()));
    assert_eq!(walk.message(), "not a run (walking)");
    assert!(store.runs().expect("runs").is_empty());
}

#[test]
fn a_run_falls_on_different_days_in_new_york_and_berlin() {
    let bytes = std::fs::read(fixture("rusttcx-20210119_run_garmin_fenix6.tcx")).expect("tcx");
    let run = read_activity(&bytes).expect("reads");
    let new_york = Calendar::named("America/New_York").expect("zone");
    let berlin = Calendar::named("Europe/Berlin").expect("zone");
    assert_eq!(new_york.date(run.start).to_string(), "2021-01-19");
    assert_eq!(berlin.date(run.start).to_string(), "2021-01-20");
}

#[test]
fn forgetting_a_run_keeps_it_hidden_when_imported_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path(), &Calendar::utc()).expect("history");
    let tcx = fixture("rusttcx-20210119_run_garmin_fenix6.tcx");
    let id = import_file(Some(&mut store), &tcx, &options())
        .run()
        .expect("id");
    assert!(store.hide_run(id).expect("hide"));
    let again = import_file(Some(&mut store), &tcx, &options());
    assert_eq!(again, Outcome::AlreadyImported(id));
    let gpx = gpx_of_the_tcx(dir.path());
    import_file(Some(&mut store), &gpx, &options());
    assert!(store.runs().expect("runs").iter().all(|r| !r.counted()));
}
