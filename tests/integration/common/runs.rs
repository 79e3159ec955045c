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
