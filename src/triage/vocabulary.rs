//! The words of the pain check: levels, body areas, symptoms, onset and trend.

use serde::Serialize;

/// How urgent the next step is, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Ok,
    SelfCare,
    Review,
    Urgent,
    Emergency,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::SelfCare => "self-care",
            Self::Review => "review",
            Self::Urgent => "urgent",
            Self::Emergency => "emergency",
        }
    }
}

macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [(&'static str, Self)] = &[$(($word, Self::$variant)),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word),+ }
            }
        }
    };
}

words! {
    /// Where it hurts.
    Area {
        Neck = "neck",
        Shoulders = "shoulders",
        UpperBack = "upper-back",
        MidBack = "mid-back",
        LowerBack = "lower-back",
        Hips = "hips",
        Legs = "legs",
        Arms = "arms",
    }
}

words! {
    /// When the pain started, relative to the run.
    Onset {
        BeforeRun = "before-run",
        DuringRun = "during-run",
        AfterRun = "after-run",
    }
}

words! {
    /// How the pain has been changing.
    Trend {
        Better = "better",
        Same = "same",
        Worse = "worse",
    }
}

words! {
    /// The yes/no/not-sure questions, by id.
    Symptom {
        SaddleNumbness = "saddle-numbness",
        BladderBowel = "bladder-bowel",
        BothLegs = "both-legs",
        Weakness = "weakness",
        ChestPain = "chest-pain",
        TearingPain = "tearing-pain",
        SeriousInjury = "serious-injury",
        NeuroSigns = "neuro-signs",
        MinorFall = "minor-fall",
        BoneRisk = "bone-risk",
        Fever = "fever",
        SevereHeadache = "severe-headache",
        CancerHistory = "cancer-history",
        WeightLoss = "weight-loss",
        NightPain = "night-pain",
        Swelling = "swelling",
        NumbnessTingling = "numbness-tingling",
        Radiating = "radiating",
        SuddenSharp = "sudden-sharp",
        BackHistory = "back-history",
    }
}

impl Symptom {
    /// The red flags of rules E1-E8, whose "not sure" is itself a reason for same-day advice (U5).
    pub const RED_FLAGS: [Self; 8] = [
        Self::SaddleNumbness,
        Self::BladderBowel,
        Self::BothLegs,
        Self::Weakness,
        Self::ChestPain,
        Self::TearingPain,
        Self::SeriousInjury,
        Self::NeuroSigns,
    ];
}
