//! The built-in library's safety words, held to a classification of every exercise: how it moves the
//! spine, whether it pulls on a nerve, and what kind of work it is. A new exercise fails
//! `every_exercise_is_classified` until someone decides, with a reason, where it belongs; the rules
//! below then say which cautions it must carry and whether it may be marked `review_safe`.

use limberup::program::catalog::Programs;
use limberup::routine::Library;

/// How an exercise moves the spine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spine {
    /// Held long or upright: no bend to speak of.
    Still,
    /// Turns it (rotation); the cautions for bending do not apply.
    Twist,
    /// Arches it back (extension), which the osteoporosis guidance favours.
    Arch,
    /// Bends it forward, short of the end of its range (a small tilt or a thigh drawn in).
    SmallForwardBend,
    /// Bends it forward to the end of its range (rounding the whole back, hugging to the chest).
    EndRangeForwardBend,
}

/// Which nerves the position stretches along with the muscles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nerve {
    None,
    /// The arm's (brachial plexus, median and ulnar nerves): tingling down an arm is the sign.
    Arm,
    /// The leg's (sciatic): tingling down the leg is the sign.
    Leg,
}

/// What kind of work it is, for `review_safe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    Breathing,
    Walking,
    /// Small, easy, unloaded movement well inside the range (the pain check's "small tilts and rolls").
    Gentle,
    /// Swings, circles, lunges and jogging: a warm-up's range and pace.
    Dynamic,
    /// A posture or form drill, standing or sitting.
    Posture,
    /// Held toward the end of a muscle's range.
    Stretch,
    /// Muscles working against a load (a band, the body's weight, a brace).
    Strength,
    Balance,
    FoamRolling,
}

/// One exercise's classification, and why.
struct Class {
    id: &'static str,
    spine: Spine,
    nerve: Nerve,
    work: Work,
    why: &'static str,
}

const fn class(
    id: &'static str,
    spine: Spine,
    nerve: Nerve,
    work: Work,
    why: &'static str,
) -> Class {
    Class {
        id,
        spine,
        nerve,
        work,
        why,
    }
}

use Nerve as N;
use Spine as S;
use Work as W;

/// Every built-in exercise. Keep it in the catalog's order.
#[rustfmt::skip]
const CLASSES: &[Class] = &[
    class("leg-swings-front", S::Still, N::None, W::Dynamic, "tall spine, a swinging leg"),
    class("hip-circles", S::Still, N::None, W::Dynamic, "standing tall, the knee circles"),
    class("arm-circles", S::Still, N::None, W::Dynamic, "circles that grow to the full range"),
    class("shoulder-rolls", S::Still, N::None, W::Gentle, "small, unloaded, well inside the range"),
    class("walking-lunge-twist", S::Twist, N::None, W::Dynamic, "a lunge with a turn of the chest"),
    class("cat-cow", S::EndRangeForwardBend, N::None, W::Stretch, "rounds the whole back up to the ceiling"),
    class("standing-cat-cow", S::EndRangeForwardBend, N::None, W::Stretch, "rounds the whole back, chin tucked"),
    class("thoracic-rotation", S::Twist, N::None, W::Stretch, "turns the upper back to the end of its range"),
    class("open-book", S::Twist, N::Arm, W::Stretch, "the arm opened behind the body stretches the arm's nerves, as the doorway stretch does"),
    class("doorway-chest-stretch", S::Still, N::Arm, W::Stretch, "arms out and turned back: the brachial plexus is stretched"),
    class("chin-tucks", S::Still, N::None, W::Posture, "a small glide of the head, held; not a stretch of a nerve, though it says to stop if an arm tingles"),
    class("scapular-retraction", S::Still, N::None, W::Strength, "the muscles between the shoulder blades hold a squeeze"),
    class("childs-pose", S::EndRangeForwardBend, N::None, W::Stretch, "the whole back folded forward over the thighs"),
    class("hamstring-stretch", S::Still, N::Leg, W::Stretch, "a straight leg with the toes up pulls on the sciatic nerve"),
    class("foam-roll-upper-back", S::Still, N::None, W::FoamRolling, "rolling"),
    class("roller-extension", S::Arch, N::None, W::Stretch, "the upper back arches over the roller"),
    class("wall-angels", S::Still, N::Arm, W::Stretch, "arms raised and turned out against the wall: the position of the arm's nerve tension tests"),
    class("arm-swings", S::Still, N::None, W::Dynamic, "loose swings across the chest"),
    class("leg-swings-side", S::Still, N::None, W::Dynamic, "a swinging leg, hips square"),
    class("march-in-place", S::Still, N::None, W::Dynamic, "builds to a jog"),
    class("running-form", S::Still, N::None, W::Posture, "standing tall, a lean from the ankles"),
    class("thread-the-needle", S::Twist, N::None, W::Stretch, "turns the middle of the back"),
    class("band-row", S::Still, N::None, W::Strength, "against a band"),
    class("band-pull-apart", S::Still, N::None, W::Strength, "against a band"),
    class("superman", S::Arch, N::None, W::Strength, "arms, chest and legs lifted against gravity"),
    class("prone-ytw", S::Still, N::None, W::Strength, "the arms lift against gravity; the chest stays down"),
    class("plank", S::Still, N::None, W::Strength, "the body held against gravity"),
    class("side-plank", S::Still, N::None, W::Strength, "the body held against gravity"),
    class("glute-bridge", S::Still, N::None, W::Strength, "the hips lifted, no arching"),
    class("bird-dog", S::Still, N::None, W::Strength, "a level back, limbs held out"),
    class("dead-bug", S::Still, N::None, W::Strength, "the lower back stays down while the limbs move"),
    class("abdominal-bracing", S::Still, N::None, W::Strength, "a light brace is still muscle work against the brace"),
    class("belly-breathing", S::Still, N::None, W::Breathing, "breathing, lying down"),
    class("mcgill-curl-up", S::Still, N::None, W::Strength, "the back stays still; only the head and shoulders lift"),
    class("clamshell", S::Still, N::None, W::Strength, "the hip muscles lift the knee"),
    class("side-leg-raise", S::Still, N::None, W::Strength, "the hip muscles lift the leg"),
    class("hip-hinge", S::Still, N::None, W::Strength, "a long back on the stick; the hips do the bending"),
    class("single-leg-balance", S::Still, N::None, W::Balance, "standing on one foot"),
    class("knee-rolls", S::Twist, N::None, W::Gentle, "small rolls of the knees, lying down"),
    class("prone-on-elbows", S::Arch, N::None, W::Stretch, "arches the lower back gently"),
    class("easy-walk", S::Still, N::None, W::Walking, "an easy walk"),
    class("hip-flexor-stretch", S::Still, N::None, W::Stretch, "the pelvis tucked, the chest tall"),
    class("figure-four-stretch", S::SmallForwardBend, N::None, W::Stretch, "drawing the thigh in lifts the tailbone a little: some forward bending of the lower back"),
    class("calf-stretch", S::Still, N::None, W::Stretch, "leaning on a wall"),
    class("knee-to-chest", S::EndRangeForwardBend, N::None, W::Stretch, "hugging the knee in rounds the lower back"),
    class("pelvic-tilt", S::SmallForwardBend, N::None, W::Gentle, "flattens the lower back: a forward bend, kept small"),
    class("neck-side-stretch", S::Still, N::Arm, W::Stretch, "the head tipped away while the other hand reaches down stretches the arm's nerves"),
    class("cross-body-shoulder-stretch", S::Still, N::None, W::Stretch, "the back of the shoulder"),
    class("triceps-stretch", S::Still, N::Arm, W::Stretch, "the elbow bent overhead stretches the ulnar nerve"),
    class("wall-posture-check", S::Still, N::None, W::Posture, "standing tall against a wall"),
    class("foam-roll-lats", S::Still, N::None, W::FoamRolling, "rolling"),
    class("foam-roll-calves", S::Still, N::None, W::FoamRolling, "rolling"),
    class("foam-roll-hamstrings", S::Still, N::None, W::FoamRolling, "rolling"),
    class("foam-roll-quads", S::Still, N::None, W::FoamRolling, "rolling"),
    class("foam-roll-glutes", S::Still, N::None, W::FoamRolling, "rolling"),
    class("calf-raise", S::Still, N::None, W::Strength, "the calves lift the body's weight"),
    class("single-leg-calf-raise", S::Still, N::None, W::Strength, "one calf lifts the body's weight"),
    class("bent-knee-calf-raise", S::Still, N::None, W::Strength, "the deep calf (soleus) lifts the body's weight, knees bent"),
    class("split-squat", S::Still, N::None, W::Strength, "the front leg lowers and lifts the body, trunk upright"),
    class("single-leg-bridge", S::Still, N::None, W::Strength, "one leg lifts the hips, no arching"),
    class("ankle-circles", S::Still, N::None, W::Dynamic, "circles of the ankle to the edge of its range, standing on one foot"),
    class("strides", S::Still, N::None, W::Dynamic, "running fast for 20 seconds"),
    class("easy-run", S::Still, N::None, W::Dynamic, "running loads the legs and back with every stride: never for a runner waiting to be seen"),
    class("standing-thoracic-rotation", S::Twist, N::Arm, W::Dynamic, "the straight arm swept out and back at shoulder height stretches the arm's nerves, as the open book does"),
];

fn library() -> Library {
    let library = Library::load(None).expect("the built-in library loads");
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    library
}

fn class_of(id: &str) -> Option<&'static Class> {
    CLASSES.iter().find(|c| c.id == id)
}

#[test]
fn every_exercise_is_classified() {
    let library = library();
    let unclassified: Vec<&str> = library
        .catalog
        .ids()
        .filter(|id| class_of(id).is_none())
        .collect();
    assert!(
        unclassified.is_empty(),
        "add these to CLASSES, with why: {unclassified:?}"
    );
    let gone: Vec<&str> = CLASSES
        .iter()
        .map(|c| c.id)
        .filter(|id| library.catalog.get(id).is_none())
        .collect();
    assert!(gone.is_empty(), "no longer in the catalog: {gone:?}");
    for class in CLASSES {
        assert!(!class.why.is_empty(), "{} says why", class.id);
    }
}

/// Every caution an exercise is shown with: the catalog's, and each built-in step's that uses it (a
/// step's own caution replaces the catalog's, so it must say the same).
fn cautions<'a>(library: &'a Library, id: &str) -> Vec<(String, &'a str)> {
    let mut found = vec![(
        format!("catalog {id}"),
        library
            .catalog
            .get(id)
            .and_then(|e| e.caution.as_deref())
            .unwrap_or(""),
    )];
    for routine in &library.routines {
        for step in &routine.steps {
            if step.exercise.as_deref() == Some(id) {
                found.push((
                    format!("{} `{}`", routine.id, step.name),
                    step.caution.as_deref().unwrap_or(""),
                ));
            }
        }
    }
    found
}

/// Forward bending of the spine, repeated, forceful or to the end of its range, is what the guidance
/// asks people with osteoporosis to keep small (Too Fit To Fracture, Osteoporos Int 2014; Strong,
/// Steady and Straight, BJSM 2022). Every forward bend says so, wherever it is shown.
#[test]
fn every_forward_bend_of_the_spine_carries_the_osteoporosis_caution() {
    let library = library();
    let bends: Vec<&Class> = CLASSES
        .iter()
        .filter(|c| matches!(c.spine, S::SmallForwardBend | S::EndRangeForwardBend))
        .collect();
    for id in ["knee-to-chest", "childs-pose", "cat-cow", "pelvic-tilt"] {
        assert!(bends.iter().any(|c| c.id == id), "{id} bends forward");
    }
    let mut problems = Vec::new();
    for class in bends {
        for (place, caution) in cautions(&library, class.id) {
            if !caution.contains("With osteoporosis") {
                problems.push(format!("{place}: {caution:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A stretch that pulls on a nerve says that tingling down the limb is the nerve, and to stop.
#[test]
fn every_stretch_that_pulls_on_a_nerve_carries_the_tingling_caution() {
    let library = library();
    for id in [
        "neck-side-stretch",
        "triceps-stretch",
        "doorway-chest-stretch",
    ] {
        assert_eq!(class_of(id).map(|c| c.nerve), Some(N::Arm), "{id}");
    }
    let mut problems = Vec::new();
    for class in CLASSES {
        let limb: &[&str] = match class.nerve {
            N::None => continue,
            N::Arm => &["down an arm"],
            N::Leg => &["down the leg", "down a leg"],
        };
        for (place, caution) in cautions(&library, class.id) {
            let named = limb.iter().any(|words| caution.contains(words));
            if !(named && caution.contains("ingling") && caution.contains("stop")) {
                problems.push(format!("{place}: {caution:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// `review_safe` is on exactly the exercises gentle enough while a runner waits to be seen: breathing,
/// an easy walk and small, easy movements, with no end-range bend and no nerve stretched.
#[test]
fn review_safe_marks_exactly_the_gentle_exercises() {
    let library = library();
    let mut problems = Vec::new();
    for class in CLASSES {
        let qualifies = matches!(class.work, W::Breathing | W::Walking | W::Gentle)
            && class.spine != S::EndRangeForwardBend
            && class.nerve == N::None;
        let marked = library.catalog.get(class.id).is_some_and(|e| e.review_safe);
        if qualifies != marked {
            problems.push(format!(
                "{}: review_safe = {marked}, but it is {:?} ({})",
                class.id, class.work, class.why
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Claims the evidence does not hold up: stretching and cool-downs do not prevent injury, and no one
/// kind of exercise protects a back better than another.
const CLAIMS: [&str; 7] = [
    "prevent",
    "protect",
    "injury-proof",
    "bulletproof",
    "the least you should",
    "lengthening what pulls",
    "reduces the risk",
];

#[test]
fn no_words_claim_prevention_or_protection() {
    let library = library();
    let mut texts: Vec<(String, String)> = Vec::new();
    for routine in &library.routines {
        let id = &routine.id;
        texts.push((format!("{id} name"), routine.name.clone()));
        texts.extend(
            routine
                .description
                .clone()
                .map(|d| (format!("{id} description"), d)),
        );
        for step in &routine.steps {
            let place = format!("{id} `{}`", step.name);
            texts.push((place.clone(), step.name.clone()));
            texts.extend(step.instructions.clone().map(|t| (place.clone(), t)));
            texts.extend(step.caution.clone().map(|t| (place.clone(), t)));
            texts.extend(step.cues.iter().map(|t| (place.clone(), t.clone())));
        }
    }
    for exercise in library.catalog.iter() {
        let place = format!("catalog {}", exercise.id);
        texts.push((place.clone(), exercise.name.clone()));
        texts.extend(exercise.instructions.clone().map(|t| (place.clone(), t)));
        texts.extend(exercise.caution.clone().map(|t| (place.clone(), t)));
        texts.extend(exercise.cues.iter().map(|t| (place.clone(), t.clone())));
    }
    let programs = Programs::load(&library, None).expect("the built-in programs load");
    for program in &programs.programs {
        let place = format!("program {}", program.id);
        texts.push((place.clone(), program.name.clone()));
        texts.extend(program.description.clone().map(|d| (place.clone(), d)));
    }
    let problems: Vec<String> = texts
        .iter()
        .filter_map(|(place, text)| {
            let lower = text.to_lowercase();
            CLAIMS
                .iter()
                .find(|claim| lower.contains(*claim))
                .map(|claim| format!("{place}: `{claim}` in {text:?}"))
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The voice says every built-in step's caution once, as the step first starts: each fits before the
/// next cue of its segment (the plan leaves out a caution that does not, rather than talk over a cue).
#[test]
fn every_built_in_caution_is_said_once() {
    let library = library();
    let mut problems = Vec::new();
    for routine in &library.routines {
        let plan = limberup::plan::Plan::build(routine);
        for (index, step) in routine.steps.iter().enumerate() {
            let Some(caution) = &step.caution else {
                continue;
            };
            let said: Vec<&limberup::plan::Segment> = plan
                .segments
                .iter()
                .filter(|s| s.step == Some(index + 1) && s.caution.is_some())
                .collect();
            match said.as_slice() {
                [segment] if segment.caution.as_ref() == Some(caution) => {
                    if segment.caution_window().is_none() {
                        problems.push(format!(
                            "{} `{}`: {caution:?} does not fit before the next cue",
                            routine.id, step.name
                        ));
                    }
                }
                other => problems.push(format!(
                    "{} `{}`: said in {} segments",
                    routine.id,
                    step.name,
                    other.len()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
