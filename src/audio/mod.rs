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
pub mod sink;

use std::sync::Arc;

pub use clips::Clip;
pub use sink::{CueSink, Cued, Silent};

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

/// The product's sound: the player thread on the default output device; in a build without the
/// `audio` feature, a sink that plays nothing and says why.
pub fn device(volume: f32, muted: bool) -> Box<dyn CueSink> {
    #[cfg(feature = "audio")]
    return Box::new(player::SoundPlayer::start(
        rodio_output::DefaultDevice::default(),
        volume,
        muted,
    ));
    #[cfg(not(feature = "audio"))]
    {
        let _ = (volume, muted);
        Box::new(sink::WithoutAudio)
    }
}
