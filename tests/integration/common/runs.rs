//! Activity files made for tests: a run as a GPX of two points due north, so its distance (the
//! great-circle sum the reader uses) is exactly what the test asks for.

use std::path::{Path, PathBuf};

/// The real fixtures' folder.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runs")
        .join(name)
}

/// The GPX of a run starting at `start` (`2026-09-08T07:00:00Z`), `minutes` long, `metres` far.
pub fn gpx_text(start: &str, minutes: i64, metres: f64) -> String {
    // Along a meridian the great-circle distance is R·Δφ (R = 6 371 008.8 m, as the reader uses).
    let degrees = metres / 6_371_008.8 * 180.0 / std::f64::consts::PI;
    let begin: jiff::Timestamp = start.parse().expect("a start time");
    let end = begin
        .checked_add(jiff::SignedDuration::from_secs(minutes * 60))
        .expect("an end time");
    format!(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\"><trk><type>running</type>\
         <trkseg><trkpt lat=\"0\" lon=\"0\"><time>{}</time></trkpt>\
         <trkpt lat=\"{degrees:.12}\" lon=\"0\"><time>{}</time></trkpt></trkseg></trk></gpx>\n",
        begin.strftime("%Y-%m-%dT%H:%M:%SZ"),
        end.strftime("%Y-%m-%dT%H:%M:%SZ")
    )
}

/// Writes [`gpx_text`] to `dir/name` and returns its path.
pub fn gpx_run(dir: &Path, name: &str, start: &str, minutes: i64, metres: f64) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, gpx_text(start, minutes, metres)).expect("write the GPX");
    path
}

/// A stored run on day `day` (a day number) at 07:00 UTC, `km` long at 5:30 a kilometre.
pub fn run_row(id: i64, day: i64, km: f64) -> limberup::history::RunRow {
    let timer_s = km * 330.0;
    limberup::history::RunRow {
        id,
        activity: limberup::runs::Activity {
            format: limberup::runs::Format::Gpx,
            start: limberup::calendar::UtcTime(day * 86_400 + 7 * 3_600),
            timer_s,
            elapsed_s: timer_s,
            distance_m: Some(km * 1000.0),
            distance_from: Some(limberup::runs::DistanceSource::Gps),
            sport: "running".to_owned(),
            sub_sport: None,
            indoor: false,
            offset_s: None,
            device: None,
            quality: limberup::runs::Quality::Ok,
        },
        sha256: format!("{id:064}"),
        duplicate_of: None,
        hidden: false,
        morning: None,
    }
}

/// Fourteen weeks of runs ending on day `today`: easy runs with a 10 km long run, a spike of 67%
/// (18.4 km after 11.0 km) five days before `today`, and one of more than twice weeks earlier.
pub fn runs_with_spikes(today: i64) -> Vec<limberup::history::RunRow> {
    let mut plan: Vec<(i64, f64)> = Vec::new();
    for week in (2..14).rev() {
        let first = today - 7 * week;
        plan.push((first + 1, 6.0));
        plan.push((first + 3, 8.0));
        plan.push((first + 5, if week == 9 { 21.5 } else { 10.0 }));
    }
    plan.extend([
        (today - 12, 6.0),
        (today - 10, 11.0),
        (today - 8, 7.5),
        (today - 5, 18.4),
        (today - 2, 5.0),
    ]);
    plan.sort_by_key(|(day, _)| *day);
    plan.into_iter()
        .zip(1..)
        .map(|((day, km), id)| run_row(id, day, km))
        .collect()
}
