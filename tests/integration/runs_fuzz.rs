//! Mutated real activity files: whatever the bytes, reading gives an activity or one error, never a
//! panic, and quickly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::prelude::*;

use limberup::runs::read_activity;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/runs")
        .join(name);
    std::fs::read(&path).expect("fixture")
}

/// The FIT files whole, and the first 20 KB of the XML ones (their structure is in the start; the
/// whole files would make each case slow in a debug build).
fn seeds() -> Vec<Vec<u8>> {
    let mut tcx = fixture("rusttcx-20210119_run_garmin_fenix6.tcx");
    tcx.truncate(20_000);
    let mut gpx = fixture("georustgpx-garmin-activity.gpx");
    gpx.truncate(20_000);
    vec![
        fixture("pyfit-garmin-fenix-5-run.fit"),
        fixture("pyfit-garmin-fenix-5-walk.fit"),
        tcx,
        gpx,
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Cut(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set(at, byte)),
        1 => any::<usize>().prop_map(Mutation::Cut),
        1 => (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        1 => (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Remove(at, len)),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    match mutation {
        Mutation::Set(at, byte) => {
            let at = at % bytes.len();
            bytes[at] = *byte;
        }
        Mutation::Cut(at) => bytes.truncate(at % bytes.len()),
        Mutation::Insert(at, more) => {
            let at = at % bytes.len();
            bytes.splice(at..at, more.iter().copied());
        }
        Mutation::Remove(at, len) => {
            let at = at % bytes.len();
            let end = (at + len).min(bytes.len());
            bytes.drain(at..end);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn mutated_real_files_never_panic_or_hang(
        seed in 0usize..4,
        mutations in proptest::collection::vec(mutation(), 1..8),
    ) {
        let mut bytes = seeds().swap_remove(seed);
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let started = Instant::now();
        let read = read_activity(&bytes);
        prop_assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
        if let Ok(activity) = read {
            prop_assert!(activity.timer_s.is_finite() && activity.timer_s >= 0.0);
            prop_assert!(activity.distance_m.is_none_or(|d| d.is_finite() && d >= 0.0));
        }
    }
}

/// Found by the fuzz test above: 56 bytes cut from the middle of the Fenix run leave its records out
/// of time order, and the span from the first record read to the last one was negative.
#[test]
fn a_fit_file_whose_records_are_out_of_order_has_no_negative_time() {
    let mut bytes = seeds().swap_remove(0);
    apply(&mut bytes, &Mutation::Remove(2_186_574_130_982_598_593, 56));
    let activity = read_activity(&bytes).expect("still a run, partly");
    assert!(activity.timer_s >= 0.0, "timer {}", activity.timer_s);
    assert!(activity.elapsed_s >= 0.0, "elapsed {}", activity.elapsed_s);
}

/// Found by the test above: a damaged FIT file whose last record is earlier than its first, and no
/// session, gave a negative elapsed (and so timer) time.
#[test]
fn records_out_of_order_give_no_negative_time() {
    let mut bytes = seeds().swap_remove(0);
    apply(
        &mut bytes,
        &Mutation::Insert(1_971_972_480_927_302_592, vec![0, 0, 0, 0, 59, 0, 0]),
    );
    apply(&mut bytes, &Mutation::Set(12_466_171_784_541_058_542, 9));
    let activity = read_activity(&bytes).expect("reads what it can");
    assert!(activity.timer_s >= 0.0, "{activity:?}");
    assert!(activity.elapsed_s >= 0.0, "{activity:?}");
}
