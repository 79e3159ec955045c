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
