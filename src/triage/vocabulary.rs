//! The words of the pain check: levels, body areas, symptoms, onset and trend.

use serde::Serialize;

macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        $(#[$meta])*
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [(&'static str, Self)] = &[$(($word, Self::$variant)),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word),+ }
            }

            /// The value a word names, if any.
            pub fn parse(word: &str) -> Option<Self> {
                Self::ALL.iter().find(|(w, _)| *w == word).map(|(_, value)| *value)
            }
        }
    };
}

words! {
    /// How urgent the next step is, lowest first.
    #[serde(rename_all = "kebab-case")]
    Level {
        Ok = "ok",
        SelfCare = "self-care",
        Review = "review",
        Urgent = "urgent",
        Emergency = "emergency",
    }
}

impl Level {
    /// The level in plain words, so it never depends on colour.
    pub fn words(self) -> &'static str {
        match self {
            Self::Ok => "you are fine to carry on",
            Self::SelfCare => "rest and self-care",
            Self::Review => "see a physio or doctor",
            Self::Urgent => "medical advice today",
            Self::Emergency => "emergency",
        }
    }
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

impl Area {
    /// As a runner reads it: "upper back".
    pub fn label(self) -> String {
        self.as_str().replace('-', " ")
    }
}

impl Symptom {
    /// The question asked in the app, answered yes, no or not sure.
    pub fn question(self) -> &'static str {
        match self {
            Self::SaddleNumbness => {
                "Any numbness or tingling around your genitals, buttocks or back passage?"
            }
            Self::BladderBowel => {
                "Any new trouble passing urine, or new loss of bladder or bowel control?"
            }
            Self::BothLegs => "Pain, tingling, numbness or weakness in both legs?",
            Self::Weakness => "New or worsening weakness in an arm or leg, or trouble walking?",
            Self::ChestPain => {
                "Chest pain or pressure, or pain with breathlessness, sweating, nausea or light-headedness?"
            }
            Self::TearingPain => {
                "Sudden, severe, tearing or ripping pain in your chest, back or belly?"
            }
            Self::SeriousInjury => {
                "Did it start with a serious accident or fall: a collision, a fall from a height or down stairs, a bike crash?"
            }
            Self::NeuroSigns => {
                "A numb face, double vision, trouble speaking or swallowing, fainting, or an electric-shock feeling down your spine?"
            }
            Self::MinorFall => "Did it start with a minor fall or slip?",
            Self::BoneRisk => "Do you have osteoporosis, or take steroid tablets long-term?",
            Self::Fever => "A temperature of 38 °C or more, or feeling very unwell?",
            Self::SevereHeadache => "A severe headache, vomiting, or dislike of bright light?",
            Self::CancerHistory => "Have you ever had cancer?",
            Self::WeightLoss => "Have you lost weight recently without trying?",
            Self::NightPain => "Does the pain not ease with rest, or get worse at night?",
            Self::Swelling => "A lump, swelling or change in the shape of your back?",
            Self::NumbnessTingling => "Numbness or tingling in one arm or leg?",
            Self::Radiating => "Does the pain spread down an arm or leg, or into your neck?",
            Self::SuddenSharp => "Did the pain come on suddenly and sharply?",
            Self::BackHistory => "Have you had back problems before?",
        }
    }
}
