//! The cue tones, compiled into the binary from `sounds/` (made by `sounds/make-sounds.sh`); the
//! spoken words are in [`super::voice`].

/// One of the built-in tones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clip {
    Tick,
    Start,
    Halfway,
    Switch,
    Rest,
    Done,
}

impl Clip {
    pub const ALL: [Self; 6] = [
        Self::Tick,
        Self::Start,
        Self::Halfway,
        Self::Switch,
        Self::Rest,
        Self::Done,
    ];

    /// The WAV file's bytes.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Self::Tick => include_bytes!("../../sounds/tick.wav"),
            Self::Start => include_bytes!("../../sounds/start.wav"),
            Self::Halfway => include_bytes!("../../sounds/halfway.wav"),
            Self::Switch => include_bytes!("../../sounds/switch.wav"),
            Self::Rest => include_bytes!("../../sounds/rest.wav"),
            Self::Done => include_bytes!("../../sounds/done.wav"),
        }
    }

    /// The file name in `sounds/`, for logs.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tick => "tick",
            Self::Start => "start",
            Self::Halfway => "halfway",
            Self::Switch => "switch",
            Self::Rest => "rest",
            Self::Done => "done",
        }
    }
}
