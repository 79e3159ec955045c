//! The words of the pain check: levels, body areas, symptoms, onset and trend.

use crate::words::words;

words! {
    /// How urgent the next step is, lowest first.
    Level {
        Ok = "ok",
        SelfCare = "self-care",
        Review = "review",
        Urgent = "urgent",
        Emergency = "emergency",
    }
}

impl Level {
    /// The result's title: the level named once, with what it means, so it never depends on colour.
    pub fn title(self) -> &'static str {
        match self {
            Self::Ok => "OK · normal post-run soreness",
            Self::SelfCare => "SELF-CARE · rest from running for a few days",
            Self::Review => "REVIEW · see a physio or doctor",
            Self::Urgent => "URGENT · get medical advice today",
            Self::Emergency => "EMERGENCY · call for help now",
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
        DarkUrine = "dark-urine",
        CancerHistory = "cancer-history",
        WeightLoss = "weight-loss",
        NightPain = "night-pain",
        Swelling = "swelling",
        ExertionPain = "exertion-pain",
        HandSigns = "hand-signs",
        ConstantPain = "constant-pain",
        NumbnessTingling = "numbness-tingling",
        Radiating = "radiating",
        SuddenSharp = "sudden-sharp",
        BackHistory = "back-history",
        InfectionRisk = "infection-risk",
        VeryUnwell = "very-unwell",
        CannotBearWeight = "cannot-bear-weight",
    }
}

impl Symptom {
    /// The warning signs whose "yes" means an emergency on its own (E1-E8, E10, E11); a "not sure"
    /// to any of them is itself a reason for same-day advice (U5).
    pub const EMERGENCY: [Self; 10] = [
        Self::SaddleNumbness,
        Self::BladderBowel,
        Self::BothLegs,
        Self::Weakness,
        Self::ChestPain,
        Self::TearingPain,
        Self::SeriousInjury,
        Self::NeuroSigns,
        Self::SevereHeadache,
        Self::DarkUrine,
    ];

    /// The signs whose "yes" means medical advice today (U1, U2's weight loss, U3, U4, U6-U9); a
    /// "not sure" to any of them is a reason for a professional's look (R13). A history of cancer
    /// (U2) counts only with spinal pain, and so does a "not sure" about it: see the rule table.
    pub const URGENT: [Self; 8] = [
        Self::Fever,
        Self::WeightLoss,
        Self::NightPain,
        Self::Swelling,
        Self::ExertionPain,
        Self::HandSigns,
        Self::ConstantPain,
        Self::VeryUnwell,
    ];

    /// Emergency signs that may be happening right now: a "not sure" about one of them is told to
    /// call a helpline now, and the emergency number if it lasts more than 15 minutes.
    pub const HAPPENING_NOW: [Self; 5] = [
        Self::ChestPain,
        Self::TearingPain,
        Self::NeuroSigns,
        Self::Weakness,
        Self::BothLegs,
    ];

    /// The facts about the runner that do not change from run to run: the profile's yes/no facts.
    pub const PROFILE: [Self; 4] = [
        Self::CancerHistory,
        Self::BoneRisk,
        Self::InfectionRisk,
        Self::BackHistory,
    ];

    /// Whether a "yes" ends the questions at once: the result is an emergency whatever follows.
    pub fn is_emergency(self) -> bool {
        Self::EMERGENCY.contains(&self)
    }

    /// A short name, for "you were not sure about …".
    pub fn label(self) -> &'static str {
        match self {
            Self::SaddleNumbness => "numbness around the genitals or buttocks",
            Self::BladderBowel => "bladder or bowel trouble",
            Self::BothLegs => "symptoms in both legs",
            Self::Weakness => "weakness in an arm or leg",
            Self::ChestPain => "chest pain at rest",
            Self::TearingPain => "sudden tearing pain",
            Self::SeriousInjury => "a serious accident or fall",
            Self::NeuroSigns => "numb face, double vision or fainting",
            Self::MinorFall => "a minor fall",
            Self::BoneRisk => "osteoporosis or steroid tablets",
            Self::Fever => "a fever",
            Self::SevereHeadache => "a severe headache",
            Self::DarkUrine => "dark urine with muscle pain",
            Self::CancerHistory => "a history of cancer",
            Self::WeightLoss => "weight loss without trying",
            Self::NightPain => "pain at rest or at night",
            Self::Swelling => "a lump or swelling on the back",
            Self::ExertionPain => "chest or arm pressure during the run",
            Self::HandSigns => "clumsy hands or unsteady walking",
            Self::ConstantPain => "pain that never changes with movement",
            Self::NumbnessTingling => "numbness in one arm or leg",
            Self::Radiating => "pain spreading down a limb",
            Self::SuddenSharp => "sudden sharp pain",
            Self::BackHistory => "earlier back problems",
            Self::InfectionRisk => "a risk of infection",
            Self::VeryUnwell => "feeling very unwell",
            Self::CannotBearWeight => "standing and walking after the fall",
        }
    }
}

impl Area {
    /// As a runner reads it: "upper back".
    pub fn label(self) -> String {
        self.as_str().replace('-', " ")
    }

    /// The neck and the three parts of the back: where fever, cancer, infection and a sudden pain
    /// with fragile bones point at the spine itself.
    pub fn is_spinal(self) -> bool {
        matches!(
            self,
            Self::Neck | Self::UpperBack | Self::MidBack | Self::LowerBack
        )
    }
}

impl Symptom {
    /// The question asked in the app, answered yes, no or not sure. Scoped to what is new, and where
    /// an ordinary hard run could match, to what is happening now, at rest.
    pub fn question(self) -> &'static str {
        match self {
            Self::SaddleNumbness => {
                "Since the run or in the last two weeks: any NEW numbness or tingling around your genitals, buttocks or back passage, or a new loss of sexual function?"
            }
            Self::BladderBowel => {
                "Any NEW trouble passing urine, or new loss of control of your bladder or bowels?"
            }
            Self::BothLegs => {
                "Any NEW numbness, tingling or weakness in BOTH legs, or pain shooting down both legs? (Ordinary tired, sore leg muscles do not count.)"
            }
            Self::Weakness => {
                "Any new or worsening weakness in an arm or leg: a foot that drags or slaps, or a leg that gives way?"
            }
            Self::ChestPain => {
                "Right now, at rest: chest pain, pressure or tightness that has not settled since you stopped, or pain spreading to your arm, jaw or back with breathlessness, sweating or feeling sick?"
            }
            Self::TearingPain => {
                "A sudden, severe, tearing or ripping pain in your chest, back or belly?"
            }
            Self::SeriousInjury => {
                "Did the pain start with a serious accident or fall: a collision, a fall from a height or down stairs, a bike crash?"
            }
            Self::NeuroSigns => {
                "A numb face, double vision, trouble speaking or swallowing, or fainting?"
            }
            Self::SevereHeadache => {
                "A sudden, severe headache (the worst you have had), or a headache with a stiff neck, vomiting or dislike of bright light?"
            }
            Self::DarkUrine => {
                "Dark, cola-coloured urine or hardly any urine, with severe muscle pain, swelling or weakness?"
            }
            Self::MinorFall => "Did the pain start with a minor fall or slip?",
            Self::BoneRisk => "Do you have osteoporosis, or take steroid tablets long-term?",
            Self::Fever => "A temperature of 38 °C or more?",
            Self::VeryUnwell => "Feeling very unwell: shivering, confused, much worse than a cold?",
            Self::CannotBearWeight => {
                "After the fall: are you unable to get up, stand, or walk on it?"
            }
            Self::CancerHistory => "Have you ever had cancer?",
            Self::WeightLoss => "Have you lost weight recently without trying?",
            Self::NightPain => {
                "Is the pain there even when you rest completely still, or worse at night?"
            }
            Self::Swelling => "A lump, swelling or change in the shape of your back?",
            Self::ExertionPain => {
                "During the run: a pressure, tightness or heaviness (not a muscle ache) in your chest, arm, jaw or upper back that came on while running and eased within minutes of stopping?"
            }
            Self::HandSigns => {
                "Any NEW clumsiness or weakness in your hands, tingling in both hands or arms, unsteady walking, or an electric-shock feeling down your spine when you bend your neck?"
            }
            Self::ConstantPain => {
                "Is it pain in the middle or upper back that does not change at all when you move or change position?"
            }
            Self::NumbnessTingling => "Numbness or tingling in one arm or leg?",
            Self::Radiating => {
                "Does the pain spread down an arm or a leg (from the neck: into an arm)?"
            }
            Self::SuddenSharp => "Did the pain come on suddenly and sharply?",
            Self::BackHistory => "Have you had back problems before?",
            Self::InfectionRisk => {
                "A weakened immune system (chemotherapy, a transplant, long-term steroids, HIV), injecting drugs, or an infection in the last few weeks?"
            }
        }
    }
}
