//! The rule table of the pain check, version 3, as data: each row an id, a condition, a level, the
//! reason in plain words, the plain fact for "also noted", and where the rule comes from (see the
//! shared research notes: NHS, NICE CKS, ACC/AHA, and the runner-facing articles the product
//! started from).

use super::rules::{Condition, Rule};
use super::vocabulary::{Level, Symptom, Trend};

const NHS_BACK: &str = "NHS back pain pages; NICE CKS low back pain red flags";
const CAUDA: &str = "UK spinal societies' cauda equina warning card; NHS back pain; NICE CKS red flags; GIRFT cauda equina pathway";
const ARTICLES: &str = "runner-facing back pain articles (shared/research); NHS back pain";
const CHEST: &str = "NHS chest pain and heart attack symptoms";
const FRACTURE: &str = "NICE CKS fracture red flags; Canadian C-spine rule";

use Condition::{
    All, Any, DaysAtLeast, Has, LimitsActivity, Not, PainAtLeast, PainBetween, PainInSpinalArea,
    TrendIs, TrendIsNot, UnsureOfAny,
};
use Symptom as S;

const fn rule(
    id: &'static str,
    when: Condition,
    level: Level,
    reason: &'static str,
    fact: &'static str,
    source: &'static str,
) -> Rule {
    Rule {
        id,
        when,
        fallback: None,
        level,
        reason,
        fact,
        source,
    }
}

/// At 65 or over, or with osteoporosis or long-term steroids (yes or not sure): a minor fall can
/// break a bone.
const FRAGILE_BONES: Condition = Any(&[
    Condition::AgeAtLeast(65),
    Has(S::BoneRisk),
    UnsureOfAny(&[S::BoneRisk]),
]);

/// The pain did not start with a fall.
const NO_FALL: Condition = Not(&Any(&[Has(S::MinorFall), Has(S::SeriousInjury)]));

pub static RULES: [Rule; 39] = [
    rule(
        "E1",
        Has(S::SaddleNumbness),
        Level::Emergency,
        "New numbness around the genitals, buttocks or back passage, or a new loss of sexual function, can mean pressure on the nerves at the base of the spine.",
        "new numbness around the genitals or buttocks",
        CAUDA,
    ),
    rule(
        "E2",
        Has(S::BladderBowel),
        Level::Emergency,
        "New trouble passing urine, or losing bladder or bowel control, can mean pressure on the spinal nerves.",
        "new bladder or bowel trouble",
        CAUDA,
    ),
    rule(
        "E3",
        Has(S::BothLegs),
        Level::Emergency,
        "New numbness, tingling or weakness in both legs, or pain spreading down both legs, can mean pressure on the spinal nerves.",
        "new symptoms in both legs",
        "NHS sciatica pages; NICE CKS sciatica red flags; UK cauda equina warning card",
    ),
    rule(
        "E4",
        Has(S::Weakness),
        Level::Emergency,
        "New or worsening weakness in an arm or leg (a foot that drags, a leg that gives way) needs checking at once.",
        "new weakness in an arm or leg",
        CAUDA,
    ),
    rule(
        "E5",
        Has(S::ChestPain),
        Level::Emergency,
        "Chest pain or tightness that has not settled at rest, or that spreads with breathlessness, sweating or sickness, can come from the heart.",
        "chest pain at rest",
        CHEST,
    ),
    rule(
        "E6",
        Has(S::TearingPain),
        Level::Emergency,
        "Sudden, severe, tearing pain in the chest, back or belly can come from the main artery.",
        "sudden tearing pain",
        "ACC/AHA aortic disease guideline (ADD-RS high-risk pain features)",
    ),
    rule(
        "E7",
        Has(S::SeriousInjury),
        Level::Emergency,
        "Pain that began with a serious accident or fall may mean a broken bone.",
        "a serious accident or fall",
        FRACTURE,
    ),
    rule(
        "E8",
        Has(S::NeuroSigns),
        Level::Emergency,
        "A numb face, double vision, trouble speaking or swallowing, or fainting needs checking at once.",
        "numb face, double vision, speech trouble or fainting",
        "NHS stroke and neck pain pages; NICE CKS neck pain red flags",
    ),
    rule(
        "E9",
        All(&[Has(S::MinorFall), Has(S::CannotBearWeight)]),
        Level::Emergency,
        "After a fall, not being able to get up, stand or walk on it can mean a broken bone.",
        "a fall after which you cannot stand or walk on it",
        FRACTURE,
    ),
    rule(
        "E10",
        Has(S::SevereHeadache),
        Level::Emergency,
        "A sudden, severe headache, or one with a stiff neck, vomiting or dislike of light, needs checking at once.",
        "a severe headache",
        "NHS headache and meningitis pages; NICE CKS neck pain red flags",
    ),
    rule(
        "E11",
        Has(S::DarkUrine),
        Level::Emergency,
        "Dark or scanty urine with severe muscle pain after exercise can mean muscle breakdown that harms the kidneys.",
        "dark urine with muscle pain",
        "NHS and NICE CKS guidance on rhabdomyolysis after exertion",
    ),
    rule(
        "U1",
        All(&[Has(S::Fever), PainInSpinalArea]),
        Level::Urgent,
        "A fever of 38 °C or more with pain in the neck or back needs a doctor today.",
        "a fever with pain in the neck or back",
        NHS_BACK,
    ),
    rule(
        "U2",
        Any(&[
            All(&[Has(S::CancerHistory), PainInSpinalArea]),
            Has(S::WeightLoss),
        ]),
        Level::Urgent,
        "Neck or back pain with a history of cancer, or weight loss you cannot explain, needs a doctor today.",
        "a history of cancer with spinal pain, or weight loss without trying",
        "NHS back pain; NICE NG234 spinal metastases and metastatic spinal cord compression (2023)",
    ),
    rule(
        "U3",
        Has(S::NightPain),
        Level::Urgent,
        "Pain that is there even when resting still, or is worse at night, needs a doctor today.",
        "pain at rest or at night",
        NHS_BACK,
    ),
    rule(
        "U4",
        Has(S::Swelling),
        Level::Urgent,
        "A lump, swelling or change in the shape of your back needs a doctor today.",
        "a lump or swelling on the back",
        NHS_BACK,
    ),
    rule(
        "U5",
        Any(&[
            UnsureOfAny(&Symptom::EMERGENCY),
            All(&[Has(S::MinorFall), UnsureOfAny(&[S::CannotBearWeight])]),
            // Not sure about the fall itself when they cannot (or may not) stand on it: E9 may
            // hold, and a "not sure" is never a no.
            All(&[
                UnsureOfAny(&[S::MinorFall]),
                Any(&[
                    Has(S::CannotBearWeight),
                    UnsureOfAny(&[S::CannotBearWeight]),
                ]),
            ]),
        ]),
        Level::Urgent,
        "You were not sure about a warning sign that can be an emergency; a medical helpline or doctor can go through it with you.",
        "not sure about a warning sign",
        "product safety margin: a warning sign answered \"not sure\" is not a no",
    ),
    rule(
        "U6",
        Has(S::ExertionPain),
        Level::Urgent,
        "A pressure, tightness or heaviness in the chest, arm, jaw or upper back that comes on while running and eases when you stop can come from the heart.",
        "chest or arm pressure during the run",
        "NHS angina pages; NICE CG95 chest pain of recent onset",
    ),
    rule(
        "U7",
        Has(S::HandSigns),
        Level::Urgent,
        "New clumsy or weak hands, tingling in both hands, unsteady walking, or an electric-shock feeling down the spine when bending the neck can mean pressure on the spinal cord in the neck.",
        "clumsy hands, unsteady walking or electric shocks down the spine",
        "NICE CKS neck pain: cervical myelopathy (including Lhermitte's sign)",
    ),
    rule(
        "U8",
        Has(S::ConstantPain),
        Level::Urgent,
        "Mid- or upper-back pain that does not change at all with movement needs a doctor today.",
        "pain that never changes with movement",
        "NICE CKS back pain red flags (non-mechanical thoracic pain)",
    ),
    rule(
        "U9",
        Has(S::VeryUnwell),
        Level::Urgent,
        "Feeling very unwell (shivering, confused, much worse than a cold) needs a doctor today.",
        "feeling very unwell",
        "NHS back pain and sepsis pages",
    ),
    rule(
        "U10",
        All(&[
            Has(S::MinorFall),
            FRAGILE_BONES,
            Not(&Has(S::CannotBearWeight)),
        ]),
        Level::Urgent,
        "Even a small fall can break a bone at 65 or over, with osteoporosis, or on long-term steroid tablets: an X-ray today.",
        "a minor fall, at 65 or over or with bone risk",
        FRACTURE,
    ),
    rule(
        "U11",
        All(&[
            Has(S::BoneRisk),
            Has(S::SuddenSharp),
            PainInSpinalArea,
            NO_FALL,
        ]),
        Level::Urgent,
        "A sudden, sharp pain in the spine with osteoporosis or long-term steroids can be a fracture of a vertebra, even without a fall.",
        "a sudden sharp spinal pain with bone risk",
        "NICE CKS low back pain red flags (osteoporotic vertebral fracture)",
    ),
    rule(
        "R1",
        Has(S::NumbnessTingling),
        Level::Review,
        "Numbness or tingling in an arm or leg is worth a physiotherapist's or doctor's look.",
        "numbness or tingling in one arm or leg",
        ARTICLES,
    ),
    rule(
        "R2",
        Has(S::Radiating),
        Level::Review,
        "Pain spreading down an arm or leg is worth a physiotherapist's or doctor's look.",
        "pain spreading down an arm or leg",
        "NHS sciatica pages; runner-facing back pain articles",
    ),
    rule(
        "R3",
        Has(S::SuddenSharp),
        Level::Review,
        "Sudden, sharp pain is worth a physiotherapist's or doctor's look.",
        "sudden, sharp pain",
        ARTICLES,
    ),
    rule(
        "R4",
        All(&[DaysAtLeast(14), TrendIsNot(Trend::Better)]),
        Level::Review,
        "Pain that has lasted two weeks or more without getting better should be looked at.",
        "pain for {days} days, not getting better",
        NHS_BACK,
    ),
    rule(
        "R5",
        All(&[TrendIs(Trend::Worse), DaysAtLeast(3)]),
        Level::Review,
        "Pain that is getting worse after three days or more should be looked at.",
        "pain for {days} days, getting worse",
        NHS_BACK,
    ),
    rule(
        "R6",
        LimitsActivity,
        Level::Review,
        "Pain that stops your normal daily activities, or makes you limp, should be looked at.",
        "it stops daily activities or makes you limp",
        ARTICLES,
    ),
    rule(
        "R7",
        PainAtLeast(8),
        Level::Review,
        "Very severe pain (8 out of 10 or more) should be looked at.",
        "pain {pain}/10",
        NHS_BACK,
    ),
    rule(
        "R8",
        All(&[Has(S::BackHistory), PainAtLeast(4)]),
        Level::Review,
        "With earlier back problems, moderate pain is worth a professional's look.",
        "earlier back problems, pain {pain}/10",
        ARTICLES,
    ),
    rule(
        "R9",
        All(&[Has(S::MinorFall), PainAtLeast(4)]),
        Level::Review,
        "Pain of 4 out of 10 or more after a fall is worth a professional's look.",
        "a minor fall, pain {pain}/10",
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
        "the same area at 4/10 or more on 3 days in two weeks",
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
        "pain in the same area rising at each of the last 3 checks",
        "NHS back pain: getting worse",
    ),
    rule(
        "R12",
        All(&[Has(S::InfectionRisk), PainInSpinalArea]),
        Level::Review,
        "Neck or back pain with a weakened immune system, injecting drugs or a recent infection is worth a doctor's look.",
        "a risk of infection, with pain in the neck or back",
        "NICE CKS low back pain red flags (spinal infection)",
    ),
    rule(
        "R13",
        Any(&[
            UnsureOfAny(&Symptom::URGENT),
            All(&[UnsureOfAny(&[S::CancerHistory]), PainInSpinalArea]),
        ]),
        Level::Review,
        "You were not sure about a sign that can need a doctor; a physiotherapist or doctor can go through it with you.",
        "not sure about a sign",
        "product safety margin: a sign answered \"not sure\" is not a no",
    ),
    rule(
        "S1",
        PainBetween(4, 7),
        Level::SelfCare,
        "Moderate pain: time for a few days of rest from running and gentle self-care.",
        "pain {pain}/10",
        "NHS physiotherapy rest advice; Cochrane review of advice to stay active",
    ),
    rule(
        "S2",
        All(&[PainBetween(1, 3), TrendIs(Trend::Worse)]),
        Level::SelfCare,
        "Mild pain that is getting worse: ease off before it becomes a bigger problem.",
        "pain {pain}/10, getting worse",
        "pain-monitoring model for running (Silbernagel); ACSM pain rules",
    ),
    rule(
        "S3",
        All(&[Has(S::Fever), Not(&PainInSpinalArea)]),
        Level::SelfCare,
        "A fever of 38 °C or more: no running until a day after it has gone; see a doctor if it lasts more than 3 days; call the emergency number for a stiff neck, a rash that does not fade under a pressed glass, confusion or dark urine.",
        "a fever",
        "NHS fever in adults and meningitis pages; ACSM return to exercise after illness",
    ),
    Rule {
        id: "C1",
        when: Condition::NothingElseFired,
        fallback: Some(PainBetween(0, 3)),
        level: Level::Ok,
        reason: "Mild or no pain: normal post-run soreness.",
        fact: "pain {pain}/10",
        source: "pain-monitoring model for running (Silbernagel); ACSM pain rules",
    },
];
