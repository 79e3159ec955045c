//! The group screens of the pain check (version 3): a screen of numbered signs, each marked *yes*,
//! *not sure* or left unmarked, confirmed together. The lines and how they wrap are worked out
//! here, purely, so the key handler and the renderer agree on what fits and what scrolls.

use crate::triage::Symptom;

/// The groups, asked in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// E1-E8, E10, E11.
    Emergency,
    /// U1-U4, U6-U9, and the minor fall.
    Urgent,
    /// Review signs (pain > 0).
    Other,
    /// The profile's facts (first check, or when changed at the re-confirm).
    Profile,
}

/// One line of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Symptom(Symptom),
    /// "It stops normal daily activities, or makes you limp" (R6).
    LimitsActivity,
}

/// A line's mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    #[default]
    Unmarked,
    Yes,
    NotSure,
}

impl Mark {
    /// A line's number cycles it: unmarked → yes → not sure → unmarked.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Unmarked => Self::Yes,
            Self::Yes => Self::NotSure,
            Self::NotSure => Self::Unmarked,
        }
    }

    /// How the mark shows, in brackets so it never depends on colour.
    pub fn shown(self) -> &'static str {
        match self {
            Self::Unmarked => "[        ]",
            Self::Yes => "[  YES   ]",
            Self::NotSure => "[NOT SURE]",
        }
    }
}

const EMERGENCY: [Sign; 10] = [
    Sign::Symptom(Symptom::SaddleNumbness),
    Sign::Symptom(Symptom::BladderBowel),
    Sign::Symptom(Symptom::BothLegs),
    Sign::Symptom(Symptom::Weakness),
    Sign::Symptom(Symptom::ChestPain),
    Sign::Symptom(Symptom::TearingPain),
    Sign::Symptom(Symptom::SeriousInjury),
    Sign::Symptom(Symptom::NeuroSigns),
    Sign::Symptom(Symptom::SevereHeadache),
    Sign::Symptom(Symptom::DarkUrine),
];

const URGENT: [Sign; 9] = [
    Sign::Symptom(Symptom::Fever),
    Sign::Symptom(Symptom::NightPain),
    Sign::Symptom(Symptom::Swelling),
    Sign::Symptom(Symptom::ExertionPain),
    Sign::Symptom(Symptom::HandSigns),
    Sign::Symptom(Symptom::ConstantPain),
    Sign::Symptom(Symptom::VeryUnwell),
    Sign::Symptom(Symptom::WeightLoss),
    Sign::Symptom(Symptom::MinorFall),
];

const OTHER: [Sign; 4] = [
    Sign::Symptom(Symptom::NumbnessTingling),
    Sign::Symptom(Symptom::Radiating),
    Sign::Symptom(Symptom::SuddenSharp),
    Sign::LimitsActivity,
];

const PROFILE: [Sign; 4] = [
    Sign::Symptom(Symptom::CancerHistory),
    Sign::Symptom(Symptom::BoneRisk),
    Sign::Symptom(Symptom::InfectionRisk),
    Sign::Symptom(Symptom::BackHistory),
];

impl Group {
    pub fn signs(self) -> &'static [Sign] {
        match self {
            Self::Emergency => &EMERGENCY,
            Self::Urgent => &URGENT,
            Self::Other => &OTHER,
            Self::Profile => &PROFILE,
        }
    }

    /// The screen's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Emergency => "Warning signs first",
            Self::Urgent => "Signs that need a doctor",
            Self::Other => "A few more signs",
            Self::Profile => "About you (asked once, kept for later checks)",
        }
    }

    /// The question over the lines.
    pub fn question(self) -> &'static str {
        match self {
            Self::Emergency => "Is any of these NEW since the run, or happening now at rest?",
            Self::Urgent => "Is any of these true now, or new in the last two weeks?",
            Self::Other => "Is any of these true of this pain?",
            Self::Profile => "Is any of these true of you?",
        }
    }
}

impl Sign {
    /// The line as the group screen shows it: short, plain, scoped as the rule needs.
    pub fn line(self) -> &'static str {
        let Self::Symptom(symptom) = self else {
            return "It stops your normal daily activities, or makes you limp";
        };
        match symptom {
            Symptom::SaddleNumbness => {
                "Numbness or tingling around the genitals, buttocks or back passage, or lost sexual function"
            }
            Symptom::BladderBowel => "Trouble passing urine, or losing bladder or bowel control",
            Symptom::BothLegs => {
                "Numbness, tingling, weakness or shooting pain in BOTH legs (not sore muscles)"
            }
            Symptom::Weakness => "Weakness in an arm or leg: a foot that drags, a leg giving way",
            Symptom::ChestPain => {
                "Chest pain, pressure or tightness not settled at rest, or spreading with breathlessness or sweating"
            }
            Symptom::TearingPain => "Sudden, severe, tearing pain in the chest, back or belly",
            Symptom::SeriousInjury => {
                "The pain began with a crash, or a fall from a height or stairs"
            }
            Symptom::NeuroSigns => {
                "Numb face, double vision, trouble speaking or swallowing, fainting"
            }
            Symptom::SevereHeadache => {
                "Sudden, severe headache, or one with a stiff neck, vomiting or dislike of light"
            }
            Symptom::DarkUrine => "Dark (cola) or scant urine with severe muscle pain or weakness",
            Symptom::Fever => "A temperature of 38 °C or more",
            Symptom::NightPain => "Pain that does not ease with rest, or wakes you at night",
            Symptom::Swelling => "A lump, swelling or change in the shape of your back",
            Symptom::ExertionPain => {
                "Chest, arm, jaw or upper-back pressure (not an ache) while running, easing when you stop"
            }
            Symptom::HandSigns => {
                "Clumsy hands, tingling in both hands, unsteady walking, shocks down the spine"
            }
            Symptom::ConstantPain => "Mid- or upper-back pain that never changes as you move",
            Symptom::VeryUnwell => "Feeling very unwell: shivering, confused, worse than a cold",
            Symptom::WeightLoss => "Losing weight without trying",
            Symptom::MinorFall => "The pain began with a minor fall, trip or slip",
            Symptom::NumbnessTingling => "Numbness or tingling in one arm or leg",
            Symptom::Radiating => "Pain spreading down an arm or a leg",
            Symptom::SuddenSharp => "The pain came on suddenly and sharply",
            Symptom::CancerHistory => "You have had cancer",
            Symptom::BoneRisk => "Osteoporosis, or steroid tablets taken long-term",
            Symptom::InfectionRisk => {
                "A weak immune system (chemotherapy, transplant, steroids, HIV), or injecting drugs"
            }
            Symptom::BackHistory => "Back problems before",
            Symptom::CannotBearWeight => "Cannot stand or walk on it after the fall",
        }
    }
}

/// What a row of a group screen is: text the renderer styles by its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Question(String),
    Blank,
    /// A row of the numbered line `index` (its first row, or a continuation).
    Sign {
        index: usize,
        text: String,
    },
    Footnote(String),
}

/// The number key of line `index` (0-based): 1-9, then 0 for the tenth.
pub(crate) fn number_of(index: usize) -> char {
    char::from_digit(u32::try_from((index + 1) % 10).unwrap_or(0), 10).unwrap_or('?')
}

/// The width of a line's lead: ` 1 [NOT SURE] `.
const LEAD: usize = 14;

/// The group screen's rows at `width` columns (inside the border and padding).
pub(crate) fn rows(group: Group, marks: &[Mark], footnote: &str, width: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = wrap(group.question(), width)
        .into_iter()
        .map(Row::Question)
        .collect();
    rows.push(Row::Blank);
    for (index, sign) in group.signs().iter().enumerate() {
        let mark = marks.get(index).copied().unwrap_or_default();
        let text_width = width.saturating_sub(LEAD).max(12);
        for (part, text) in wrap(sign.line(), text_width).into_iter().enumerate() {
            let text = if part == 0 {
                format!(" {} {} {text}", number_of(index), mark.shown())
            } else {
                format!("{:LEAD$}{text}", "")
            };
            rows.push(Row::Sign { index, text });
        }
    }
    rows.push(Row::Blank);
    rows.extend(wrap(footnote, width).into_iter().map(Row::Footnote));
    rows
}

/// Words wrapped to `width` columns (a word longer than the width gets a row of its own).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    crate::text::wrap_words(text.split_whitespace(), width)
}

/// The rows a check screen of `size` (columns, rows) has for its content: the header and footer
/// lines and the border take the rest; the border's padding takes a column each side.
pub(crate) fn viewport(size: (u16, u16)) -> (usize, usize) {
    (
        usize::from(size.0.saturating_sub(4)).max(1),
        usize::from(size.1.saturating_sub(4)).max(1),
    )
}
