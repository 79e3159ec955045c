//! What the app hands the sound layer: engine events with the sounds they play. The sound player
//! implements [`CueSink`]; headless runs and builds without audio use [`Silent`].

use crate::engine::Event;

use super::Sound;

/// An engine event with the sounds it plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cued {
    pub event: Event,
    pub sounds: Vec<Sound>,
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
}

/// Plays nothing.
#[derive(Debug, Default)]
pub struct Silent;

impl CueSink for Silent {
    fn play(&mut self, _cued: &Cued, _muted: bool) {}
}

/// A build without the `audio` feature: nothing plays, and the screen says why.
#[derive(Debug, Default)]
pub struct WithoutAudio;

impl CueSink for WithoutAudio {
    fn play(&mut self, _cued: &Cued, _muted: bool) {}

    fn problem(&self) -> Option<String> {
        Some("this limberup was built without sound".to_owned())
    }
}
