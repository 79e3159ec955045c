//! What a sound file holds, checked without playing it: its header within limits (channels, rate,
//! length) and, with the `audio` feature, its first frame decodable, every decoder isolated so a
//! crafted file is a problem to report, never a crash. Below the routine loader, which checks a step's
//! sound as it loads, and the sound player, which decodes it to play.

#[cfg(feature = "audio")]
pub mod decode;
pub(crate) mod header;

use std::sync::Arc;

/// Why a sound file cannot be played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// The decoder gave up, for this reason.
    Undecodable(String),
    /// The decoder panicked (it is isolated, so this is all that happens); its message.
    Crashed(String),
    /// It decodes, to nothing.
    Silent,
    /// More channels than [`header::MAX_CHANNELS`], or none.
    Channels(usize),
    /// A sample rate outside [`header::MIN_RATE`] to [`header::MAX_RATE`].
    Rate(u32),
    /// Longer than [`header::MAX_LENGTH_MS`], by its header.
    TooLong { ms: u64 },
}

/// Checks a sound file as a routine loads: its header within the limits and its first frame
/// decodable, without decoding the rest (see [`decode`]).
#[cfg(feature = "audio")]
pub fn check_decodes(bytes: Arc<[u8]>) -> Result<(), DecodeProblem> {
    decode::check(bytes)
}

/// Without the audio feature nothing is played, so the header's limits are all there is to check.
#[cfg(not(feature = "audio"))]
#[allow(
    clippy::needless_pass_by_value,
    reason = "the signature of the audio build's, which hands the bytes to the decoder"
)]
pub fn check_decodes(bytes: Arc<[u8]>) -> Result<(), DecodeProblem> {
    header::header_facts(&bytes).map_or(Ok(()), |facts| header::Limits::check(&facts))
}
