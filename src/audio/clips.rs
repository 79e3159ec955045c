//! The cue sounds, compiled into the binary from `sounds/` (made by `sounds/make-sounds.sh`).

/// One of the built-in sounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clip {
    Tick,
    Start,
    Halfway,
    Switch,
    Rest,
    Done,
    SayGetReady,
    SayGo,
    SayRest,
    SaySwitchSides,
    SayHalfway,
    SayThree,
    SayTwo,
    SayOne,
    SayWellDone,
}

impl Clip {
    pub const ALL: [Self; 15] = [
        Self::Tick,
        Self::Start,
        Self::Halfway,
        Self::Switch,
        Self::Rest,
        Self::Done,
        Self::SayGetReady,
        Self::SayGo,
        Self::SayRest,
        Self::SaySwitchSides,
        Self::SayHalfway,
        Self::SayThree,
        Self::SayTwo,
        Self::SayOne,
        Self::SayWellDone,
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
            Self::SayGetReady => include_bytes!("../../sounds/say-get-ready.wav"),
            Self::SayGo => include_bytes!("../../sounds/say-go.wav"),
            Self::SayRest => include_bytes!("../../sounds/say-rest.wav"),
            Self::SaySwitchSides => include_bytes!("../../sounds/say-switch-sides.wav"),
            Self::SayHalfway => include_bytes!("../../sounds/say-halfway.wav"),
            Self::SayThree => include_bytes!("../../sounds/say-three.wav"),
            Self::SayTwo => include_bytes!("../../sounds/say-two.wav"),
            Self::SayOne => include_bytes!("../../sounds/say-one.wav"),
            Self::SayWellDone => include_bytes!("../../sounds/say-well-done.wav"),
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
            Self::SayGetReady => "say-get-ready",
            Self::SayGo => "say-go",
            Self::SayRest => "say-rest",
            Self::SaySwitchSides => "say-switch-sides",
            Self::SayHalfway => "say-halfway",
            Self::SayThree => "say-three",
            Self::SayTwo => "say-two",
            Self::SayOne => "say-one",
            Self::SayWellDone => "say-well-done",
        }
    }
}
