//! How the app looks and sounds, from the settings (and the hidden answer guard): one group, read
//! through [`App`]'s accessors outside the app; only `m` changes it (mute) while the app runs.

use super::App;
use crate::config::{Look, Settings};
use crate::engine::Millis;

/// How cues sound and count down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CueStyle {
    /// Spoken words ("three, two, one", "rest") with the tones.
    pub spoken: bool,
    /// With `spoken`: each step's caution said once as the step first starts.
    pub spoken_cautions: bool,
    /// Countdown ticks in the last N seconds of every segment, replacing the routines' own.
    pub countdown: Option<u32>,
}

impl CueStyle {
    /// What the voice says, for the sound layer.
    pub(super) fn voice(self) -> crate::audio::cues::Voice {
        crate::audio::cues::Voice {
            spoken: self.spoken,
            cautions: self.spoken_cautions,
        }
    }
}

/// The settings the app keeps.
#[derive(Debug, Clone)]
pub struct Prefs {
    /// No sound (`--mute`, the `mute` setting, `m`).
    pub(super) muted: bool,
    /// How cues sound and count down.
    pub(super) cue_style: CueStyle,
    /// Figures of the exercises are drawn (the `figures` setting, `--no-figures`).
    pub(super) figures: bool,
    /// The theme and whether there is colour (`theme`, the terminal's background, `NO_COLOR`).
    pub(super) look: Look,
    /// How long a pain-check screen waits before a key may answer it ([`super::check::READ_TIME_MS`];
    /// less only for tests of the real binary, through the hidden `--answer-guard-ms`).
    pub(super) answer_guard: Millis,
}

impl Prefs {
    pub(super) fn from_settings(settings: &Settings) -> Self {
        Self {
            muted: settings.muted,
            cue_style: CueStyle {
                spoken: settings.spoken,
                spoken_cautions: settings.spoken_cautions,
                countdown: settings.countdown,
            },
            figures: settings.figures,
            look: settings.look(None),
            answer_guard: super::check::READ_TIME_MS,
        }
    }
}

impl App {
    /// Whether sound is off now.
    pub fn muted(&self) -> bool {
        self.prefs.muted
    }

    /// The theme and whether there is colour.
    pub fn look(&self) -> Look {
        self.prefs.look
    }

    /// The look once the terminal has said what its background is.
    pub fn set_look(&mut self, look: Look) {
        self.prefs.look = look;
    }
}
