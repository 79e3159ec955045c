use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{MAX_DECODED_SAMPLES, check, decode};
use crate::audio::Clip;
use crate::soundfile::DecodeProblem;

#[path = "../../../tests/integration/common/crafted.rs"]
#[allow(
    unreachable_pub,
    reason = "shared with the integration tests, where it must be pub"
)]
mod crafted;

fn arc(bytes: Vec<u8>) -> Arc<[u8]> {
    Arc::from(bytes)
}

#[test]
fn crafted_headers_are_problems_not_panics() {
    assert_eq!(
        check(arc(crafted::wav_rate_zero())),
        Err(DecodeProblem::Rate(0))
    );
    let zero_bits = check(arc(crafted::wav_extensible_zero_bits()));
    assert!(
        matches!(
            zero_bits,
            Err(DecodeProblem::Crashed(_) | DecodeProblem::Undecodable(_))
        ),
        "{zero_bits:?}"
    );
    assert!(decode(arc(crafted::wav_extensible_zero_bits()), 1000).is_err());
}

#[test]
fn every_built_in_clip_checks_and_decodes() {
    for clip in Clip::ALL {
        assert_eq!(check(Arc::from(clip.bytes())), Ok(()), "{}", clip.name());
        let decoded = decode(Arc::from(clip.bytes()), MAX_DECODED_SAMPLES).expect("decodes");
        assert!(!decoded.samples.is_empty() && decoded.rate >= 8_000);
    }
}

/// The bomb decodes to 65,535 x 8 samples a frame for ever; checking reads one frame, playing stops
/// at the budget, both quickly.
#[test]
fn a_flac_bomb_costs_one_frame_to_check_and_a_bounded_budget_to_play() {
    let bomb = arc(crafted::flac_bomb(1 << 20, 0));
    let start = Instant::now();
    assert_eq!(check(Arc::clone(&bomb)), Ok(()));
    let decoded = decode(bomb, 3_000_001).expect("decodes");
    assert_eq!(
        decoded.samples.len(),
        3_000_000,
        "whole frames of 8 channels"
    );
    assert_eq!((decoded.channels, decoded.rate), (8, 48_000));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_bomb_that_declares_its_length_is_refused_before_decoding() {
    let bomb = arc(crafted::flac_bomb(4096, 65_535 * 10_000));
    assert_eq!(
        check(bomb),
        Err(DecodeProblem::TooLong {
            ms: 65_535 * 10_000 * 1000 / 48_000
        })
    );
}

#[test]
fn a_header_with_no_frames_is_silent() {
    let empty = crafted::wav(&crafted::pcm_fmt(1, 44_100, 16), &[]);
    assert_eq!(check(arc(empty.clone())), Err(DecodeProblem::Silent));
    assert_eq!(decode(arc(empty), 100), Err(DecodeProblem::Silent));
}
