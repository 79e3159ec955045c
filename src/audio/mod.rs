//! Audio cues: which sounds a cue plays ([`cues`], pure), and a player thread that plays them
//! ([`player`]) through an [`player::Output`]: rodio in the product, a recorder in tests.
//!
//! The engine and the app never wait for sound. The player thread opens the output when a cue comes
//! and closes it again once nothing has played for a few seconds, so an idle routine costs no audio
//! wake-ups. A missing or failing device never stops the routine: the app shows a notice and the
//! visual cues, and the player tries again later.

pub mod clips;
pub mod cues;
pub mod player;
#[cfg(feature = "audio")]
pub mod rodio_output;

use std::sync::Arc;

pub use clips::Clip;

/// Something to play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sound {
    Clip(Clip),
    /// A step's own start sound, read (and decoded once, to check it) when the routine loaded.
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
    /// It decodes, to nothing.
    Silent,
}

/// Decodes a whole sound file, to find a bad one when the routine loads rather than in silence later;
/// the error says why, or that the file holds no sound.
#[cfg(feature = "audio")]
pub fn check_decodes(bytes: Arc<[u8]>) -> Result<(), DecodeProblem> {
    let decoder = rodio::Decoder::new(std::io::Cursor::new(bytes)).map_err(|e| {
        // rodio's messages are sentences; ours continue a sentence.
        let reason = e.to_string();
        let reason = reason.trim_end_matches('.');
        let mut chars = reason.chars();
        DecodeProblem::Undecodable(chars.next().map_or_else(String::new, |first| {
            first.to_lowercase().chain(chars).collect::<String>()
        }))
    })?;
    if decoder.count() == 0 {
        return Err(DecodeProblem::Silent);
    }
    Ok(())
}

/// Without the audio feature nothing is played, so the format check at load is all there is.
#[cfg(not(feature = "audio"))]
pub fn check_decodes(_bytes: Arc<[u8]>) -> Result<(), DecodeProblem> {
    Ok(())
}
