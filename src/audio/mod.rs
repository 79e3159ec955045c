//! Audio cues: which sounds a cue plays ([`cues`], pure), and a player thread that plays them
//! ([`player`]) through an [`player::Output`]: rodio in the product, a recorder in tests.
//!
//! The engine and the app never wait for sound. The player thread opens the output when a cue comes
//! and closes it again once nothing has played for a few seconds, so an idle routine costs no audio
//! wake-ups. A missing or failing device never stops the routine: the app shows a notice and the
//! visual cues, and the player tries again later.

pub(crate) mod clips;
pub(crate) mod cues;
#[cfg(feature = "audio")]
mod device_stream;
pub mod player;
#[cfg(feature = "audio")]
mod playhead;
#[cfg(feature = "audio")]
pub(crate) mod rodio_output;
pub(crate) mod sink;
#[cfg(feature = "audio")]
pub(crate) mod speech;
#[cfg(feature = "audio")]
mod start_at;
pub mod voice;

use std::path::PathBuf;
use std::sync::Arc;

pub use clips::Clip;
pub use sink::{Ahead, CueSink, Cued, HAND_AHEAD, HAND_AHEAD_MS, Silent};

/// The folder, in the data folder, where names said by the speech program are kept.
pub const SPEECH_FOLDER: &str = "speech";

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
    /// Words said aloud: by a built-in clip ([`voice::built_in`]) when one says them (the cues'
    /// words, the built-in exercises' names), else by the system's text-to-speech program.
    Say(Arc<str>),
}

impl Sound {
    /// Words to say.
    pub fn say(text: &str) -> Self {
        Self::Say(Arc::from(text))
    }

    /// The encoded sound, when it is built in or was read from a file; `None` for words no built-in
    /// clip says.
    pub fn bytes(&self) -> Option<Arc<[u8]>> {
        match self {
            Self::Clip(clip) => Some(Arc::from(clip.bytes())),
            Self::File { bytes, .. } => Some(Arc::clone(bytes)),
            Self::Say(text) => voice::built_in(text).map(Arc::from),
        }
    }

    /// The clip's or file's name, or the words said.
    pub fn name(&self) -> &str {
        match self {
            Self::Clip(clip) => clip.name(),
            Self::File { name, .. } => name,
            Self::Say(text) => text,
        }
    }
}

/// The product's sound: the player thread on the default output device, saying the runner's own
/// exercise names through a text-to-speech program cached in `speech_cache`; in a build without the
/// `audio` feature, a sink that plays nothing and says why.
pub fn device(volume: f32, muted: bool, speech_cache: Option<PathBuf>) -> Box<dyn CueSink> {
    #[cfg(feature = "audio")]
    return Box::new(player::SoundPlayer::start(
        rodio_output::DefaultDevice::new(speech::Speaker::new(speech_cache)),
        volume,
        muted,
    ));
    #[cfg(not(feature = "audio"))]
    {
        let _ = (volume, muted, speech_cache);
        Box::new(sink::WithoutAudio)
    }
}
