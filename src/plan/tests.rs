//! Cues inside a segment: tempo steps count their reps.

use super::*;
use crate::routine::load::routine_from_text;

fn exercise(text: &str) -> Segment {
    let plan = Plan::build(&routine_from_text(text));
    plan.segments
        .into_iter()
        .find(|s| s.kind == SegmentKind::Exercise)
        .expect("an exercise")
}

const TEMPO: &str = "name = \"T\"\nkind = \"strength\"\n[defaults]\nprepare = 0\ncountdown = 3\n\
                     [[steps]]\nname = \"Row\"\nreps = 4\ntempo = \"5s\"\n";

#[test]
fn a_tempo_step_cues_each_rep_after_the_first() {
    let row = exercise(TEMPO);
    assert_eq!(row.reps, Some(4));
    assert_eq!(row.tempo_ms, Some(5_000));
    // Rep 3 begins at halfway (10 s), which already sounds there; the countdown stays as it was.
    assert_eq!(
        row.cues(),
        vec![
            (0, Cue::Start),
            (5_000, Cue::Rep),
            (10_000, Cue::Halfway),
            (15_000, Cue::Rep),
            (17_000, Cue::Tick),
            (18_000, Cue::Tick),
            (19_000, Cue::Tick),
        ]
    );
    // Shortened with `-` to 14 s: the rep that would begin at 15 s is not cued.
    assert_eq!(
        row.cues_when(Some(14_000))
            .into_iter()
            .filter(|(_, c)| *c == Cue::Rep)
            .collect::<Vec<_>>(),
        vec![(5_000, Cue::Rep), (10_000, Cue::Rep)]
    );
}

#[test]
fn the_rep_under_way_is_counted_from_the_tempo() {
    let row = exercise(TEMPO);
    let table = [
        (0, Some((1, 4))),
        (4_999, Some((1, 4))),
        (5_000, Some((2, 4))),
        (19_999, Some((4, 4))),
        // Lengthened with `+`: the last rep stays the last.
        (25_000, Some((4, 4))),
    ];
    for (elapsed, want) in table {
        assert_eq!(row.rep_at(elapsed), want, "after {elapsed} ms");
    }
    let open = exercise(
        "name = \"O\"\nkind = \"strength\"\n[[steps]]\nname = \"Chin tucks\"\nreps = 10\n",
    );
    assert_eq!(
        open.rep_at(3_000),
        None,
        "an open-ended step is not counted"
    );
    assert!(open.cues().iter().all(|(_, c)| *c != Cue::Rep));
}

/// A hold of `length` with a caution of `words` words (countdown 3).
fn hold_with_caution(length: &str, words: usize) -> String {
    let caution = vec!["word"; words].join(" ");
    format!(
        "name = \"C\"\nkind = \"stretch\"\n[defaults]\nprepare = 0\ncountdown = 3\n\
         [[steps]]\nname = \"Hold\"\nduration = \"{length}\"\nsides = \"both\"\ncaution = \"{caution}\"\n"
    )
}

#[test]
fn a_caution_is_cued_once_where_it_ends_before_every_other_cue() {
    // 30 s: halfway at 15 s. Ten words take 4 s from 2.5 s, ending at 6.5 s.
    let plan = Plan::build(&routine_from_text(&hold_with_caution("30s", 10)));
    let exercises: Vec<&Segment> = plan
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Exercise)
        .collect();
    assert_eq!(exercises[0].caution_window(), Some(2_500..6_500));
    assert!(exercises[0].cues().contains(&(2_500, Cue::Caution)));
    // The right side does not say it again.
    assert_eq!(exercises[1].caution, None);
    assert!(exercises[1].cues().iter().all(|(_, c)| *c != Cue::Caution));
    // 31 words end at 14.9 s, too near halfway (15 s, with half a second of quiet): not said.
    let long = exercise(&hold_with_caution("30s", 31));
    assert_eq!(long.caution_window(), None);
    assert!(long.cues().iter().all(|(_, c)| *c != Cue::Caution));
    // 30 words end at 14.5 s, half a second before halfway: said.
    assert!(
        exercise(&hold_with_caution("30s", 30))
            .caution_window()
            .is_some()
    );
    // 10 s, no halfway: ten words must end half a second before the countdown's first tick (7 s).
    assert_eq!(
        exercise(&hold_with_caution("10s", 10)).caution_window(),
        Some(2_500..6_500)
    );
    assert_eq!(
        exercise(&hold_with_caution("10s", 11)).caution_window(),
        None
    );
}
