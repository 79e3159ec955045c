//! What a result tells the runner: advice per level, routines that may help, and the disclaimer.

use super::{Area, Level};
use crate::routine::catalog::Catalog;
use crate::routine::{Kind, Library, Routine, When};

/// Shown with every result.
pub(crate) const DISCLAIMER: &str = "limberup is not a medical device and this is not a diagnosis. If anything feels like an emergency, call your local emergency number (112, 911, 999) now.";

/// Safety-netting: when to come back sooner.
const SEE_SOMEONE: &str = "See a GP or physiotherapist if it is not improving within about two weeks, or is getting worse.";
/// Safety-netting: which new signs mean the emergency number.
const CALL_NOW: &str = "Call your local emergency number at once if you get new numbness around your genitals or buttocks, trouble with your bladder or bowels, weakness in both legs, or chest pain.";

/// The one safe next step, in a sentence.
pub(crate) fn headline(level: Level) -> &'static str {
    match level {
        Level::Ok => {
            "Normal post-run soreness: keep moving gently, and check again if it is worse tomorrow."
        }
        Level::SelfCare => {
            "Rest from running for 2-3 days and look after it yourself; return gradually."
        }
        Level::Review => {
            "Book a physiotherapist or doctor in the next few days; rest from running meanwhile."
        }
        Level::Urgent => {
            "Get medical advice today: your doctor, an urgent care centre or a medical helpline."
        }
        Level::Emergency => "Call your local emergency number now. Do not run.",
    }
}

/// Practical advice for the level.
pub(crate) fn advice(level: Level) -> Vec<&'static str> {
    match level {
        Level::Ok => vec![
            "Keep moving gently: an easy walk or the stretches below help more than sitting still.",
            "If the pain is worse tomorrow, or not settling, take the check again.",
            SEE_SOMEONE,
            CALL_NOW,
        ],
        Level::SelfCare => vec![
            "Take 2-3 days off running but stay gently active; avoid bed rest.",
            "Use ice wrapped in a cloth for up to 15 minutes every 2-3 hours, or heat for 15-20 minutes.",
            "Gentle stretching and easy movement help; stop anything that sharpens the pain.",
            "Over-the-counter pain relief only as the label says; ask a pharmacist first if you have stomach, kidney or heart problems, asthma, take blood thinners or are pregnant. Never take ibuprofen during long runs.",
            "Return to running when the pain stays at 3/10 or less during a run and is no worse the next morning.",
            "When you return, keep any single run within 10% of your longest run of the last 30 days.",
            SEE_SOMEONE,
            CALL_NOW,
        ],
        Level::Review => vec![
            "Book a physiotherapist or doctor in the next few days.",
            "Rest from running until then; gentle movement that does not hurt is fine.",
            "If it gets worse before then, or stops you sleeping, see a doctor sooner.",
            CALL_NOW,
        ],
        Level::Urgent => vec![
            "Contact your doctor, an urgent care centre or a medical helpline today.",
            "Do not run until you have been checked.",
            "If it gets worse or new warning signs appear, call your local emergency number.",
        ],
        Level::Emergency => vec![
            "Call your local emergency number now (112, 911, 999 ...).",
            "Do not run, and do not drive yourself if you feel unwell.",
        ],
    }
}

/// Whether every step of `routine` is a catalog exercise marked `review_safe` (a step of its own,
/// not from the catalog, cannot be vouched for).
pub(crate) fn review_safe(routine: &Routine, catalog: &Catalog) -> bool {
    !routine.steps.is_empty()
        && routine.steps.iter().all(|step| {
            step.exercise
                .as_deref()
                .and_then(|id| catalog.get(id))
                .is_some_and(|exercise| exercise.review_safe)
        })
}

/// Up to three stretch, mobility or foam-rolling routines whose tags name a reported area (for ok and
/// self-care), or routines made wholly of review-safe exercises (for review: radiating or nerve
/// pain can be aggravated by stretching, loading and foam rolling); nothing above review. Most
/// areas matched first, then those meant for after a run (the check follows one), then by id.
pub(crate) fn suggested_routines(level: Level, areas: &[Area], library: &Library) -> Vec<String> {
    let fits = |routine: &Routine| match level {
        Level::Ok | Level::SelfCare => matches!(
            routine.kind,
            Kind::Stretch | Kind::Mobility | Kind::FoamRolling
        ),
        Level::Review => review_safe(routine, &library.catalog),
        Level::Urgent | Level::Emergency => false,
    };
    let mut scored: Vec<(usize, bool, &str)> = library
        .routines
        .iter()
        .filter(|r| fits(r))
        .map(|r| {
            let matches = areas
                .iter()
                .filter(|a| r.tags.iter().any(|t| t == a.as_str()))
                .count();
            (matches, r.when == When::After, r.id.as_str())
        })
        .filter(|(matches, ..)| *matches > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    scored
        .into_iter()
        .take(3)
        .map(|(.., id)| id.to_owned())
        .collect()
}
