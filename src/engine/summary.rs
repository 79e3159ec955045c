//! A played session summed up: each segment counted once, by how it was last left (going back and
//! skipping again is one skip, not two), and whether the routine was really done.

use std::collections::{BTreeMap, BTreeSet};

use super::record::{SegmentOutcome, SessionRecord};
use crate::plan::{Plan, SegmentKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Segments left completed, and left skipped, each counted once by its final state.
    pub completed: usize,
    pub skipped: usize,
    /// Of the skipped segments, those that were exercises (not rests or get-ready).
    pub exercises_skipped: usize,
    /// Steps with at least one exercise segment completed.
    pub steps_done: usize,
    /// Segments whose length was changed with `+`/`-`.
    pub extended: usize,
    /// The last segment was reached and some exercise was done: skipping everything to the end is
    /// a stop, not a finish.
    pub finished: bool,
}

impl Summary {
    pub fn of(record: &SessionRecord, plan: &Plan) -> Self {
        let last_state: BTreeMap<usize, SegmentOutcome> = record.segments.iter().copied().collect();
        let is_exercise = |index: &usize| {
            plan.segments
                .get(*index)
                .is_some_and(|s| s.kind == SegmentKind::Exercise)
        };
        let with = |outcome| last_state.iter().filter(move |(_, o)| **o == outcome);
        let steps_done: BTreeSet<usize> = with(SegmentOutcome::Completed)
            .filter(|(index, _)| is_exercise(index))
            .filter_map(|(index, _)| plan.segments.get(*index).and_then(|s| s.step))
            .collect();
        Self {
            completed: with(SegmentOutcome::Completed).count(),
            skipped: with(SegmentOutcome::Skipped).count(),
            exercises_skipped: with(SegmentOutcome::Skipped)
                .filter(|(index, _)| is_exercise(index))
                .count(),
            steps_done: steps_done.len(),
            extended: record.extended(),
            finished: record.finished && !steps_done.is_empty(),
        }
    }
}
