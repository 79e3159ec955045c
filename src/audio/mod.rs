//! Audio cues: which sounds a cue plays ([`cues`], pure), and a player thread that plays them
//! ([`player`]) through an [`player::Output`]: rodio in the product, a recorder in tests.
//!
//! The engine and the app never wait for sound. The player thread opens the output when a cue comes
//! and closes it again once nothing has played for a few seconds, so an idle routine costs no audio
//! wake-ups. A missing or failing device never stops the routine: the app shows a notice and the
//! visual cues, and the player tries again later.

pub mod clips;
pub mod cues;
#[cfg(feature = "audio")]
pub mod decode;
pub mod header;
pub mod player;
#[cfg(feature = "audio")]
pub mod rodio_output;

use std::sync::Arc;

pub use clips::Clip;

/// Something to play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sound {
    Clip(Clip),
    /// A step's own start sound, read and checked (header and first frame) when the routine loaded;
    /// decoded when a routine that uses it starts.
    File {
        name: String,
        bytes: Arc<[u8]>,
    },
}

impl Sound {
    pub fn bytes(&self) -> Arc<[u8]> {
        match self {
            Self::Clip(clip) => Arc::from(clip.bytes()),
            Self::File { bytes, .. } => Arc::clone(bytes),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Self::Clip(clip) => clip.name(),
            Self::File { name, .. } => name,
        }
    }
}

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
pub fn check_decodes(bytes: Arc<[u8]>) -> Result<(), DecodeProblem> {
    header::header_facts(&bytes).map_or(Ok(()), |facts| header::Limits::check(&facts))
}
