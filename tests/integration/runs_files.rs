//! Reading real activity files (tests/fixtures/runs, see its README for origin and licence): each
//! with the values Garmin's own SDK decodes from it, and broken files that must give one error each.

use std::io::Write as _;
use std::path::PathBuf;

use limberup::runs::{Activity, DistanceSource, Format, Quality, ReadError, read_activity};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runs")
        .join(name);
    std::fs::read(&path).expect("fixture")
}

fn read(name: &str) -> Activity {
    read_activity(&fixture(name)).expect("reads")
}

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

#[test]
fn fenix_5_run_fit_has_the_sdks_values() {
    let run = read("pyfit-garmin-fenix-5-run.fit");
    assert_eq!(run.format, Format::Fit);
    assert_eq!(run.start.rfc3339(), "2017-06-11T14:34:09Z");
    assert!(close(run.timer_s, 56.887, 1e-9), "{}", run.timer_s);
    assert!(close(run.distance_m.expect("distance"), 157.56, 1e-9));
    assert_eq!(run.distance_from, Some(DistanceSource::Device));
    assert_eq!(run.sport, "running");
    assert_eq!(run.sub_sport, None, "generic is no sub-sport");
    assert!(!run.indoor);
    assert_eq!(run.quality, Quality::Ok);
    assert_eq!(run.offset_s, Some(-7 * 3600));
    assert_eq!(run.device.as_deref(), Some("garmin"));
}

#[test]
fn fenix_5_walk_fit_is_walking() {
    let walk = read("pyfit-garmin-fenix-5-walk.fit");
    assert_eq!(walk.start.rfc3339(), "2017-06-11T14:32:51Z");
    assert!(close(walk.timer_s, 45.379, 1e-9), "{}", walk.timer_s);
    assert!(close(walk.distance_m.expect("distance"), 67.85, 1e-9));
    assert_eq!(walk.sport, "walking");
    assert_eq!(walk.quality, Quality::Ok);
    assert_eq!(walk.offset_s, Some(-7 * 3600));
}

#[test]
fn fenix_6_tcx_starts_at_its_first_lap() {
    let run = read("rusttcx-20210119_run_garmin_fenix6.tcx");
    assert_eq!(run.format, Format::Tcx);
    assert_eq!(run.start.rfc3339(), "2021-01-19T23:30:50Z");
    assert!(close(run.timer_s, 1230.479, 1e-9), "{}", run.timer_s);
    assert!(close(run.distance_m.expect("distance"), 5124.84, 1e-9));
    assert_eq!(run.distance_from, Some(DistanceSource::Device));
    assert_eq!(run.sport, "running");
    assert_eq!(run.quality, Quality::Ok);
    assert_eq!(run.offset_s, None);
}

#[test]
fn garmin_gpx_distance_is_the_great_circle_sum() {
    let run = read("georustgpx-garmin-activity.gpx");
    assert_eq!(run.format, Format::Gpx);
    assert_eq!(run.start.rfc3339(), "2017-07-29T14:46:35Z");
    assert!(close(run.timer_s, 5498.0, 1e-9), "{}", run.timer_s);
    assert!(close(run.elapsed_s, 5498.0, 1e-9));
    let distance = run.distance_m.expect("distance");
    assert!(close(distance, 12_821.20, 0.005), "{distance}");
    assert_eq!(run.distance_from, Some(DistanceSource::Gps));
    assert_eq!(run.sport, "running");
    assert_eq!(run.quality, Quality::Ok);
    assert_eq!(run.offset_s, None);
}

#[test]
fn an_empty_file_and_random_bytes_are_refused() {
    assert_eq!(read_activity(&[]), Err(ReadError::Empty));
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    assert_eq!(read_activity(&random), Err(ReadError::NotActivity));
    assert_eq!(
        read_activity(b"<html><body/></html>"),
        Err(ReadError::NotActivity)
    );
}

#[test]
fn a_truncated_fit_keeps_what_was_read_as_partial() {
    let whole = fixture("pyfit-garmin-fenix-5-run.fit");
    let cut = &whole[..whole.len() * 2 / 3];
    let run = read_activity(cut).expect("the part before the break reads");
    assert_eq!(run.quality, Quality::Partial);
    assert_eq!(run.start.rfc3339(), "2017-06-11T14:34:09Z");
    assert!(run.elapsed_s > 0.0);
}

#[test]
fn a_bad_checksum_is_recorded_not_refused() {
    let mut bytes = fixture("pyfit-garmin-fenix-5-run.fit");
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    let run = read_activity(&bytes).expect("reads");
    assert_eq!(run.quality, Quality::Crc);
    assert!(close(run.timer_s, 56.887, 1e-9));
}

#[test]
fn a_truncated_gpx_is_partial_or_refused_never_a_panic() {
    let whole = fixture("georustgpx-garmin-activity.gpx");
    let cut = &whole[..whole.len() / 2];
    let run = read_activity(cut).expect("the first half has points");
    assert!(run.distance_m.expect("distance") < 12_821.0);
}

#[test]
fn a_gzipped_file_reads_as_its_content() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(&fixture("rusttcx-20210119_run_garmin_fenix6.tcx"))
        .expect("gzip");
    let gzipped = encoder.finish().expect("gzip");
    let run = read_activity(&gzipped).expect("reads");
    assert_eq!(run.format, Format::Tcx);
    assert_eq!(run.start.rfc3339(), "2021-01-19T23:30:50Z");
}

#[test]
fn a_gzip_bomb_is_refused_at_the_cap() {
    // 300 MiB of zeros, about 300 KB gzipped.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..300 {
        encoder.write_all(&zeros).expect("gzip");
    }
    let bomb = encoder.finish().expect("gzip");
    assert!(bomb.len() < 1024 * 1024);
    assert!(matches!(
        read_activity(&bomb),
        Err(ReadError::GzipTooLarge { .. })
    ));
}

#[test]
fn tolerant_xml_reads_real_export_quirks() {
    let gpx = "\n  <?xml version=\"1.0\"?>\n<gpx creator=\"x\" xmlns:undeclared_used=\"\"><metadata><author><name/></author></metadata>\
        <trk><type>running</type><trkseg>\
        <trkpt lat=\"52.5\" lon=\"13.4\"><time>2024-05-01T06:00:00Z</time><gpxtpx:hr>140</gpxtpx:hr></trkpt>\
        <trkpt lat=\"52.51\" lon=\"13.4\"><time>2024-05-01T06:06:00Z</time></trkpt>\
        </trkseg></trk></gpx>";
    let run = read_activity(gpx.as_bytes()).expect("reads");
    assert_eq!(run.start.rfc3339(), "2024-05-01T06:00:00Z");
    assert!(close(run.timer_s, 360.0, 1e-9));
    assert!(close(run.distance_m.expect("distance"), 1111.95, 0.01));
    let tcx = "  <?xml version=\"1.0\"?><TrainingCenterDatabase><Activities><Activity Sport=\"Running\">\
        <Id>2024-05-01T06:00:00Z</Id><Lap StartTime=\"2024-05-01T06:00:07Z\"><TotalTimeSeconds>600</TotalTimeSeconds>\
        <DistanceMeters>2000</DistanceMeters><Track/></Lap></Activity></Activities></TrainingCenterDatabase>";
    let run = read_activity(tcx.as_bytes()).expect("reads");
    assert_eq!(run.start.rfc3339(), "2024-05-01T06:00:07Z");
    assert!(close(run.timer_s, 600.0, 1e-9));
    assert_eq!(run.distance_m, Some(2000.0));
}
