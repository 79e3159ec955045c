//! The rule table of the pain check, as data: each row an id, a condition, a level, the reason in plain
//! words and where the rule comes from (see shared research notes: NHS, NICE CKS, ACC/AHA, and the
//! runner-facing articles the product started from).

use super::vocabulary::{Area, Level, Symptom, Trend};
use super::{Facts, PastCheck};

/// A condition over the answers and the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    Has(Symptom),
    /// Any of these answered "not sure".
    UnsureOfAny(&'static [Symptom]),
    PainAtLeast(u8),
    PainBetween(u8, u8),
    DaysAtLeast(u32),
    TrendIs(Trend),
    TrendIsNot(Trend),
    LimitsActivity,
    AgeAtLeast(u32),
    All(&'static [Condition]),
    Any(&'static [Condition]),
    /// History: one reported area at pain >= `pain` on `days` or more different days within the last
    /// `window` days, this check included.
    SameAreaOnDays {
        pain: u8,
        days: usize,
        window: i64,
    },
    /// History: pain in one reported area rose at each of the last `checks` checks, this one
    /// included, taken on that many different days within the last `window` days.
    RisingInArea {
        checks: usize,
        window: i64,
    },
    /// Fires only when no other rule did (C1); its own extra test is in [`Rule::fallback`].
    NothingElseFired,
}

/// One row of the table.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    pub when: Condition,
    /// For `NothingElseFired` rules: what must also hold.
    pub fallback: Option<Condition>,
    pub level: Level,
    /// The reason, as the runner reads it.
    pub reason: &'static str,
    pub source: &'static str,
}

const NHS_BACK: &str = "NHS back pain pages; NICE CKS low back pain red flags";
const CAUDA: &str = "UK spinal societies' cauda equina warning card; NHS back pain; NICE CKS red flags; GIRFT cauda equina pathway";
const ARTICLES: &str = "runner-facing back pain articles (shared/research); NHS back pain";
const CHEST: &str = "NHS chest pain and heart attack symptoms";

use Condition::{
    All, Any, DaysAtLeast, Has, LimitsActivity, PainAtLeast, PainBetween, TrendIs, TrendIsNot,
    UnsureOfAny,
};
use Symptom as S;

const fn rule(
    id: &'static str,
    when: Condition,
    level: Level,
    reason: &'static str,
    source: &'static str,
) -> Rule {
    Rule {
        id,
        when,
        fallback: None,
        level,
        reason,
        source,
    }
}

/// At 65 or over, or with osteoporosis or long-term steroids (answered yes): a minor fall can break
/// a bone.
const BONE_RISK: Condition = Any(&[Condition::AgeAtLeast(65), Has(S::BoneRisk)]);

pub static RULES: [Rule; 35] = [
    rule(
        "E1",
        Has(S::SaddleNumbness),
        Level::Emergency,
        "New numbness around the genitals, buttocks or back passage, or a new loss of sexual function, can mean pressure on the nerves at the base of the spine.",
        CAUDA,
    ),
    rule(
        "E2",
        Has(S::BladderBowel),
        Level::Emergency,
        "New trouble passing urine, or losing bladder or bowel control, can mean pressure on the spinal nerves.",
        CAUDA,
    ),
    rule(
        "E3",
        Has(S::BothLegs),
        Level::Emergency,
        "New numbness, tingling or weakness in both legs, or pain spreading down both legs, can mean pressure on the spinal nerves.",
        "NHS sciatica pages; NICE CKS sciatica red flags; UK cauda equina warning card",
    ),
    rule(
        "E4",
        Has(S::Weakness),
        Level::Emergency,
        "New or worsening weakness in an arm or leg (a foot that drags, a leg that gives way) needs checking at once.",
        CAUDA,
    ),
    rule(
        "E5",
        Has(S::ChestPain),
        Level::Emergency,
        "Chest pain or tightness that has not settled at rest, or that spreads with breathlessness, sweating or sickness, can come from the heart.",
        CHEST,
    ),
    rule(
        "E6",
        Has(S::TearingPain),
        Level::Emergency,
        "Sudden, severe, tearing pain in the chest, back or belly can come from the main artery.",
        "ACC/AHA aortic disease guideline (ADD-RS high-risk pain features)",
    ),
    rule(
        "E7",
        Has(S::SeriousInjury),
        Level::Emergency,
        "Pain that began with a serious accident or fall may mean a broken bone.",
        "NICE CKS fracture red flags; Canadian C-spine rule",
    ),
    rule(
        "E8",
        Has(S::NeuroSigns),
        Level::Emergency,
        "Numb face, double vision, trouble speaking or swallowing, fainting or electric shocks down the spine need checking at once.",
        "NHS neck pain pages; NICE CKS neck pain red flags",
    ),
    rule(
        "E9",
        All(&[Has(S::MinorFall), BONE_RISK]),
        Level::Emergency,
        "Even a small fall can break a bone at 65 or over, with osteoporosis, or on long-term steroid tablets.",
        "NICE CKS fracture red flags",
    ),
    rule(
        "E10",
        Has(S::SevereHeadache),
        Level::Emergency,
        "A sudden, severe headache, or one with a stiff neck, vomiting or dislike of light, needs checking at once.",
        "NHS headache and meningitis pages; NICE CKS neck pain red flags",
    ),
    rule(
        "E11",
        Has(S::DarkUrine),
        Level::Emergency,
        "Dark or scanty urine with severe muscle pain after exercise can mean muscle breakdown that harms the kidneys.",
        "NHS and NICE CKS guidance on rhabdomyolysis after exertion",
    ),
    rule(
        "U1",
        Has(S::Fever),
        Level::Urgent,
        "A fever of 38 °C or more, or feeling very unwell, with back pain needs a doctor today.",
        NHS_BACK,
    ),
    rule(
        "U2",
        Any(&[Has(S::CancerHistory), Has(S::WeightLoss)]),
        Level::Urgent,
        "Back pain with a history of cancer or weight loss you cannot explain needs a doctor today.",
        "NHS back pain; NICE CG75 metastatic spinal cord compression",
    ),
    rule(
        "U3",
        Has(S::NightPain),
        Level::Urgent,
        "Pain that is there even when resting still, or is worse at night, needs a doctor today.",
        NHS_BACK,
    ),
    rule(
        "U4",
        Has(S::Swelling),
        Level::Urgent,
        "A lump, swelling or change in the shape of your back needs a doctor today.",
        NHS_BACK,
    ),
    rule(
        "U5",
        Any(&[
            UnsureOfAny(&Symptom::EMERGENCY),
            All(&[Has(S::MinorFall), UnsureOfAny(&[S::BoneRisk])]),
            // Not sure about the fall itself, with a reason a small fall could break a bone.
            All(&[
                UnsureOfAny(&[S::MinorFall]),
                Any(&[BONE_RISK, UnsureOfAny(&[S::BoneRisk])]),
            ]),
        ]),
        Level::Urgent,
        "You were not sure about a warning sign; a doctor or medical helpline can go through it with you today.",
        "product safety margin: a warning sign answered \"not sure\" is not a no",
    ),
    rule(
        "U6",
        Has(S::ExertionPain),
        Level::Urgent,
        "Chest, arm, jaw or upper-back pain that comes on while running and eases when you stop can come from the heart.",
        "NHS angina pages; NICE CG95 chest pain of recent onset",
    ),
    rule(
        "U7",
        Has(S::HandSigns),
        Level::Urgent,
        "New clumsy or weak hands, tingling in both hands, or unsteady walking can mean pressure on the spinal cord in the neck.",
        "NICE CKS neck pain: cervical myelopathy",
    ),
    rule(
        "U8",
        Has(S::ConstantPain),
        Level::Urgent,
        "Mid- or upper-back pain that does not change at all with movement needs a doctor today.",
        "NICE CKS back pain red flags (non-mechanical thoracic pain)",
    ),
    rule(
        "R1",
        Has(S::NumbnessTingling),
        Level::Review,
        "Numbness or tingling in an arm or leg is worth a physiotherapist's or doctor's look.",
        ARTICLES,
    ),
    rule(
        "R2",
        Has(S::Radiating),
        Level::Review,
        "Pain spreading down an arm or leg is worth a physiotherapist's or doctor's look.",
        "NHS sciatica pages; runner-facing back pain articles",
    ),
    rule(
        "R3",
        Has(S::SuddenSharp),
        Level::Review,
        "Sudden, sharp pain is worth a physiotherapist's or doctor's look.",
        ARTICLES,
    ),
    rule(
        "R4",
        All(&[DaysAtLeast(14), TrendIsNot(Trend::Better)]),
        Level::Review,
        "Pain that has lasted two weeks or more without getting better should be looked at.",
        NHS_BACK,
    ),
    rule(
        "R5",
        All(&[TrendIs(Trend::Worse), DaysAtLeast(3)]),
        Level::Review,
        "Pain that is getting worse after three days or more should be looked at.",
        NHS_BACK,
    ),
    rule(
        "R6",
        LimitsActivity,
        Level::Review,
        "Pain that stops your normal daily activities, or makes you limp, should be looked at.",
        ARTICLES,
    ),
    rule(
        "R7",
        PainAtLeast(8),
        Level::Review,
        "Very severe pain (8 out of 10 or more) should be looked at.",
        NHS_BACK,
    ),
    rule(
        "R8",
        All(&[Has(S::BackHistory), PainAtLeast(4)]),
        Level::Review,
        "With earlier back problems, moderate pain is worth a professional's look.",
        ARTICLES,
    ),
    rule(
        "R9",
        All(&[Has(S::MinorFall), PainAtLeast(4)]),
        Level::Review,
        "Pain of 4 out of 10 or more after a fall is worth a professional's look.",
        "NICE CKS fracture red flags",
    ),
    rule(
        "R10",
        Condition::SameAreaOnDays {
            pain: 4,
            days: 3,
            window: 14,
        },
        Level::Review,
        "The same area has hurt at 4 out of 10 or more on three different days in two weeks.",
        "NHS back pain: not improving with self-care",
    ),
    rule(
        "R11",
        Condition::RisingInArea {
            checks: 3,
            window: 14,
        },
        Level::Review,
        "Pain in the same area has risen at each of your last three checks, on three days in two weeks.",
        "NHS back pain: getting worse",
    ),
    rule(
        "R12",
        Has(S::InfectionRisk),
        Level::Review,
        "Back pain with a weakened immune system, injecting drugs or a recent infection is worth a doctor's look.",
        "NICE CKS low back pain red flags (spinal infection)",
    ),
    rule(
        "R13",
        UnsureOfAny(&Symptom::URGENT),
        Level::Review,
        "You were not sure about a sign that can need a doctor; a physiotherapist or doctor can go through it with you.",
        "product safety margin: a sign answered \"not sure\" is not a no",
    ),
    rule(
        "S1",
        PainBetween(4, 7),
        Level::SelfCare,
        "Moderate pain: time for a few days of rest from running and gentle self-care.",
        "NHS physiotherapy rest advice; Cochrane review of advice to stay active",
    ),
    rule(
        "S2",
        All(&[PainBetween(1, 3), TrendIs(Trend::Worse)]),
        Level::SelfCare,
        "Mild pain that is getting worse: ease off before it becomes a bigger problem.",
        "pain-monitoring model for running (Silbernagel); ACSM pain rules",
    ),
    Rule {
        id: "C1",
        when: Condition::NothingElseFired,
        fallback: Some(PainBetween(0, 3)),
        level: Level::Ok,
        reason: "Mild or no pain: normal post-run soreness.",
        source: "pain-monitoring model for running (Silbernagel); ACSM pain rules",
    },
];

impl Rule {
    pub(super) fn fallback_holds(&self, facts: &Facts<'_>) -> bool {
        self.fallback.is_none_or(|c| c.holds(facts))
    }
}

impl Condition {
    pub fn holds(&self, facts: &Facts<'_>) -> bool {
        let answers = facts.answers;
        match *self {
            Self::Has(symptom) => answers.symptoms.contains(&symptom),
            Self::UnsureOfAny(symptoms) => symptoms.iter().any(|s| answers.unsure.contains(s)),
            Self::PainAtLeast(n) => answers.pain >= n,
            Self::PainBetween(low, high) => (low..=high).contains(&answers.pain),
            Self::DaysAtLeast(n) => answers.days >= n,
            Self::TrendIs(trend) => answers.trend == trend,
            Self::TrendIsNot(trend) => answers.trend != trend,
            Self::LimitsActivity => answers.limits_activity,
            Self::AgeAtLeast(n) => answers.age.is_some_and(|age| age >= n),
            Self::All(conditions) => conditions.iter().all(|c| c.holds(facts)),
            Self::Any(conditions) => conditions.iter().any(|c| c.holds(facts)),
            Self::SameAreaOnDays { pain, days, window } => {
                same_area_on_days(facts, pain, days, window)
            }
            Self::RisingInArea { checks, window } => rising_in_area(facts, checks, window),
            Self::NothingElseFired => true,
        }
    }
}

/// The history as it stood when this check was taken, then this check: oldest first. Checks dated
/// after this one (a check logged late) are not part of its past.
fn timeline(facts: &Facts<'_>) -> Vec<PastCheck> {
    let mut all: Vec<PastCheck> = facts
        .history
        .iter()
        .filter(|c| c.at <= facts.at)
        .cloned()
        .collect();
    all.sort_by_key(|c| c.at);
    all.push(PastCheck {
        at: facts.at,
        day: facts.day,
        pain: facts.answers.pain,
        areas: facts.answers.areas.clone(),
    });
    all
}

/// Whether a check's local day lies within the `window` days up to and including this check's.
fn within(facts: &Facts<'_>, day: i64, window: i64) -> bool {
    day <= facts.day && facts.day - day < window
}

fn same_area_on_days(facts: &Facts<'_>, pain: u8, days: usize, window: i64) -> bool {
    let all = timeline(facts);
    facts.answers.areas.iter().any(|area| {
        let mut distinct: Vec<i64> = all
            .iter()
            .filter(|c| c.pain >= pain && c.areas.contains(area))
            .filter(|c| within(facts, c.day, window))
            .map(|c| c.day)
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.len() >= days
    })
}

fn rising_in_area(facts: &Facts<'_>, checks: usize, window: i64) -> bool {
    let all = timeline(facts);
    facts.answers.areas.iter().any(|area: &Area| {
        let in_area: Vec<&PastCheck> = all.iter().filter(|c| c.areas.contains(area)).collect();
        let Some(last) = in_area
            .len()
            .checked_sub(checks)
            .map(|from| &in_area[from..])
        else {
            return false;
        };
        let mut days: Vec<i64> = last.iter().map(|c| c.day).collect();
        days.dedup();
        days.len() == checks
            && last.iter().all(|c| within(facts, c.day, window))
            && last.windows(2).all(|w| w[1].pain > w[0].pain)
    })
}
