use std::collections::BTreeSet;

use super::*;
use crate::routine::library::Library;

#[test]
fn numbers_in_words() {
    let table: &[(u32, &[&str])] = &[
        (0, &[]),
        (1, &["one"]),
        (7, &["seven"]),
        (13, &["thirteen"]),
        (19, &["nineteen"]),
        (20, &["twenty"]),
        (21, &["twenty", "one"]),
        (45, &["forty", "five"]),
        (99, &["ninety", "nine"]),
        (100, &["one", "hundred"]),
        (101, &["one", "hundred", "one"]),
        (120, &["one", "hundred", "twenty"]),
        (200, &["two", "hundred"]),
        (999, &["nine", "hundred", "ninety", "nine"]),
        (1000, &[]),
    ];
    for (n, words) in table {
        assert_eq!(number_words(*n), *words, "{n}");
    }
}

#[test]
fn durations_in_words() {
    let table: &[(u64, &[&str])] = &[
        (0, &[]),
        (499, &[]),
        (500, &["one", "second"]),
        (1_000, &["one", "second"]),
        (2_000, &["two", "seconds"]),
        (45_000, &["forty", "five", "seconds"]),
        (44_600, &["forty", "five", "seconds"]),
        (60_000, &["one", "minute"]),
        (90_000, &["one", "minute", "thirty", "seconds"]),
        (121_000, &["two", "minutes", "one", "second"]),
        (3_600_000, &["sixty", "minutes"]),
    ];
    for (millis, words) in table {
        assert_eq!(duration_words(*millis), *words, "{millis}");
    }
}

#[test]
fn names_are_said_without_the_words_in_brackets() {
    let table = [
        ("Clamshell (side of the hip, glute med)", "Clamshell"),
        ("Face-down (prone) Y-T-W", "Face-down Y-T-W"),
        ("Foam roll: calves", "Foam roll: calves"),
        ("Foam roll: upper back (thoracic)", "Foam roll: upper back"),
        ("Foam roll: (lats)", "Foam roll"),
        ("Open (book", "Open"),
        ("Open ) book", "Open book"),
        ("  Cat-cow  ", "Cat-cow"),
        ("(all brackets)", ""),
    ];
    for (name, spoken) in table {
        assert_eq!(spoken_name(name), spoken, "{name}");
    }
}

#[test]
fn slugs_match_the_sound_scripts() {
    let table = [
        ("Child's pose", "child-s-pose"),
        ("Foam roll: upper back", "foam-roll-upper-back"),
        ("  Go! ", "go"),
        ("Figure-4 stretch", "figure-4-stretch"),
        ("Café stretch", "caf-stretch"),
        ("", ""),
    ];
    for (text, slug_) in table {
        assert_eq!(slug(text), slug_, "{text}");
    }
}

#[test]
fn every_word_the_cues_say_has_a_clip() {
    let missing: Vec<&str> = fixed_words()
        .filter(|word| built_in(word).is_none())
        .collect();
    assert!(missing.is_empty(), "no clip for {missing:?}");
    // Every number said is made of those words.
    let fixed: BTreeSet<&str> = fixed_words().collect();
    let strays: Vec<&str> = (1..=999)
        .flat_map(number_words)
        .filter(|word| !fixed.contains(word))
        .collect();
    assert!(strays.is_empty(), "numbers use {strays:?}");
}

#[test]
fn every_clip_decodes() {
    for (file, bytes) in built_in::VOICE_CLIPS {
        let decoded = crate::soundfile::check_decodes(std::sync::Arc::from(*bytes));
        assert!(decoded.is_ok(), "{file}: {decoded:?}");
    }
}

/// What the built-in routines and catalog name, as said aloud, and the cautions they say.
fn built_in_names() -> BTreeSet<String> {
    let library = Library::load(None).expect("the built-in library loads");
    let steps = library.routines.iter().flat_map(|r| &r.steps);
    let names = steps
        .clone()
        .map(|step| step.name.as_str())
        .chain(library.catalog.iter().map(|e| e.name.as_str()));
    names
        .map(spoken_name)
        .chain(built_in_cautions(&library))
        .collect()
}

/// Every caution of the built-in catalog and routines, as the voice says it (whole).
fn built_in_cautions(library: &Library) -> BTreeSet<String> {
    let steps = library.routines.iter().flat_map(|r| &r.steps);
    steps
        .filter_map(|step| step.caution.clone())
        .chain(library.catalog.iter().filter_map(|e| e.caution.clone()))
        .collect()
}

/// The plan gives a spoken caution 0.4 s a word, so that nothing is cued while it is said: every
/// built-in caution's clip must be said within that. (Decoding needs the build with audio.)
#[cfg(feature = "audio")]
#[test]
fn every_built_in_caution_is_said_within_the_time_the_plan_gives_it() {
    let library = Library::load(None).expect("the built-in library loads");
    let mut problems = Vec::new();
    for caution in built_in_cautions(&library) {
        let Some(bytes) = built_in(&caution) else {
            problems.push(format!("no clip: {caution:?}"));
            continue;
        };
        let decoded = crate::soundfile::decode::decode(std::sync::Arc::from(bytes), 1 << 24)
            .expect("the clip decodes");
        let frames = decoded.samples.len() / usize::from(decoded.channels.max(1));
        let said_ms =
            u64::try_from(frames).unwrap_or(u64::MAX) * 1000 / u64::from(decoded.rate.max(1));
        let allowed = crate::plan::caution_speaking_ms(&caution);
        if said_ms > allowed {
            problems.push(format!("{said_ms} ms, allowed {allowed}: {caution:?}"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The lines of `sounds/voice.txt` that `sounds/make-sounds.sh` speaks.
fn voice_list() -> BTreeSet<String> {
    let text = include_str!("../../../sounds/voice.txt");
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_built_in_name_is_said_by_a_clip() {
    let listed = voice_list();
    let unlisted: Vec<String> = built_in_names()
        .into_iter()
        .filter(|name| !listed.contains(name))
        .collect();
    assert!(
        unlisted.is_empty(),
        "add these lines to sounds/voice.txt and run sounds/make-sounds.sh: {unlisted:#?}"
    );
    let silent: Vec<&String> = listed.iter().filter(|t| built_in(t).is_none()).collect();
    assert!(
        silent.is_empty(),
        "run sounds/make-sounds.sh to make the clips of {silent:#?}"
    );
}

#[test]
fn every_clip_is_still_said() {
    let names = built_in_names();
    let words: BTreeSet<&str> = fixed_words().collect();
    let listed = voice_list();
    let stale: Vec<&String> = listed
        .iter()
        .filter(|line| !words.contains(line.as_str()) && !names.contains(*line))
        .collect();
    assert!(
        stale.is_empty(),
        "nothing says these lines of sounds/voice.txt: {stale:#?}"
    );
    let slugs: BTreeSet<String> = listed
        .iter()
        .map(|line| format!("{}.ogg", slug(line)))
        .collect();
    let orphans: Vec<&str> = built_in::VOICE_CLIPS
        .iter()
        .map(|(file, _)| *file)
        .filter(|file| !slugs.contains(*file))
        .collect();
    assert!(
        orphans.is_empty(),
        "sounds/voice/ has clips voice.txt does not list: {orphans:?}"
    );
}
