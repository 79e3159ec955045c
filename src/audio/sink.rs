//! What the app hands the sound layer: engine events with the sounds they play. The sound player
//! implements [`CueSink`]; headless runs and builds without audio use [`Silent`].

use std::time::Duration;

use crate::engine::Event;

use super::Sound;

/// How long before their moment the cues due next are handed to the sound thread. The app's thread
/// can wake late on a loaded machine (58 to 73 ms was seen beside a compiler, against the 50 ms a cue
/// may be off); handed this far ahead, a cue starts on the sound card's clock instead, and only a key
/// pressed within this window (which calls the cue off) can change it.
pub const HAND_AHEAD: Duration = Duration::from_millis(HAND_AHEAD_MS);
/// [`HAND_AHEAD`] in milliseconds, the app's unit of time.
pub const HAND_AHEAD_MS: u64 = 250;

/// An engine event with the sounds it plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cued {
    pub event: Event,
    pub sounds: Vec<Sound>,
}

/// Cues due at one moment a little ahead, with their sounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ahead {
    /// How long from now they are due.
    pub due_in: Duration,
    pub cues: Vec<Cued>,
}

/// Receives the engine's events as they happen (the sound player, or a recorder in tests).
pub trait CueSink {
    fn play(&mut self, cued: &Cued, muted: bool);
    /// Why sound is not working right now, for a notice on screen.
    fn problem(&self) -> Option<String> {
        None
    }
    /// When the next cue may come (from now), or `None` when none can come without a key: lets a
    /// sound output get ready just before it, and rest in between.
    fn expect(&mut self, _next: Option<std::time::Duration>) {}
    /// A routine using these sounds of its own has started: decode them now, before their cues.
    fn prepare(&mut self, _sounds: Vec<Sound>) {}
    /// The cues due next when they are less than [`HAND_AHEAD`] away (`None` otherwise, or when
    /// what was handed before will not happen: a pause, a skip, mute). A sink that plays them at
    /// their moment still gets their events through [`CueSink::play`] when they happen, and must not
    /// play them twice; one that ignores this plays every cue when its event comes.
    fn ahead(&mut self, _next: Option<Ahead>) {}
}

/// Plays nothing.
#[derive(Debug, Default)]
pub struct Silent;

impl CueSink for Silent {
    fn play(&mut self, _cued: &Cued, _muted: bool) {}
}

/// A build without the `audio` feature: nothing plays, and the screen says why.
#[cfg(not(feature = "audio"))]
#[derive(Debug, Default)]
pub(crate) struct WithoutAudio;

#[cfg(not(feature = "audio"))]
impl CueSink for WithoutAudio {
    fn play(&mut self, _cued: &Cued, _muted: bool) {}

    fn problem(&self) -> Option<String> {
        Some("this limberup was built without sound".to_owned())
    }
}
