//! Building a plan's segments: steps in runs (blocks), each step's sets, sides and rests.

use super::{BlockRound, Plan, Segment, SegmentKind};
use crate::format::model::{Block, Routine, Side, Sides, Step, Work};

impl Plan {
    /// Expands a routine into segments, in the order the routine format prescribes.
    pub fn build(routine: &Routine) -> Self {
        let mut builder = Builder {
            segments: Vec::new(),
            clock: 0,
            block_round: None,
            cautioned: Vec::new(),
        };
        builder.push(
            SegmentKind::Prepare,
            "Get ready",
            Some(routine.prepare.millis()),
            routine.countdown,
            Place::default(),
        );
        let step_count = routine.steps.len();
        let groups = groups(routine);
        for round in 1..=routine.rounds {
            for (range, block) in &groups {
                let block_rounds = block.map_or(1, |b| b.rounds);
                for block_round in 1..=block_rounds {
                    for index in range.clone() {
                        builder.block_round = block.filter(|b| b.rounds > 1).map(|b| BlockRound {
                            block: b.name.clone(),
                            round: block_round,
                            rounds: b.rounds,
                        });
                        let step = &routine.steps[index];
                        let number = index + 1;
                        builder.step(step, number, round);
                        let place = Place {
                            step: Some(number),
                            set: None,
                            sets: 1,
                            side: None,
                            round: Some(round),
                        };
                        let end_of_block_round =
                            index + 1 == range.end && block_round < block_rounds;
                        if let (true, Some(block)) = (end_of_block_round, block) {
                            builder.push(
                                SegmentKind::RoundRest,
                                block
                                    .round_rest_label
                                    .as_deref()
                                    .unwrap_or("Rest between rounds"),
                                Some(block.round_rest.millis()),
                                routine.countdown,
                                Place {
                                    step: None,
                                    ..place
                                },
                            );
                        } else if number != step_count {
                            if index + 1 == range.end {
                                // The rest after a block belongs to no round of it.
                                builder.block_round = None;
                            }
                            builder.push(
                                SegmentKind::Rest,
                                step.labels.rest.as_deref().unwrap_or("Rest"),
                                Some(step.rest.millis()),
                                step.countdown,
                                place,
                            );
                        } else if round < routine.rounds {
                            builder.block_round = None;
                            builder.push(
                                SegmentKind::RoundRest,
                                routine
                                    .round_rest_label
                                    .as_deref()
                                    .unwrap_or("Rest between rounds"),
                                Some(routine.round_rest.millis()),
                                routine.countdown,
                                Place {
                                    step: None,
                                    ..place
                                },
                            );
                        }
                    }
                }
            }
        }
        for (index, segment) in builder.segments.iter_mut().enumerate() {
            segment.index = index;
        }
        Self {
            id: routine.id.clone(),
            segments: builder.segments,
        }
    }
}

/// The steps in runs: each block's steps together with the block, every other step on its own.
fn groups(routine: &Routine) -> Vec<(std::ops::Range<usize>, Option<&Block>)> {
    let mut groups: Vec<(std::ops::Range<usize>, Option<&Block>)> = Vec::new();
    for (index, step) in routine.steps.iter().enumerate() {
        let block = step
            .block
            .as_deref()
            .and_then(|name| routine.blocks.iter().find(|b| b.name == name));
        match (groups.last_mut(), block) {
            (Some((range, Some(last))), Some(block)) if last.name == block.name => {
                range.end = index + 1;
            }
            _ => groups.push((index..index + 1, block)),
        }
    }
    groups
}

#[derive(Debug, Clone, Copy, Default)]
struct Place {
    step: Option<usize>,
    set: Option<u32>,
    sets: u32,
    side: Option<Side>,
    round: Option<u32>,
}

struct Builder {
    segments: Vec<Segment>,
    clock: u64,
    /// The block round segments are pushed in, if any.
    block_round: Option<BlockRound>,
    /// Steps whose caution a segment already says: each is said once, at the step's first start.
    cautioned: Vec<usize>,
}

impl Builder {
    fn push(
        &mut self,
        kind: SegmentKind,
        name: &str,
        length_ms: Option<u64>,
        countdown: u32,
        place: Place,
    ) {
        self.push_with_reps(kind, name, length_ms, countdown, place, (None, None));
    }

    fn push_with_reps(
        &mut self,
        kind: SegmentKind,
        name: &str,
        length_ms: Option<u64>,
        countdown: u32,
        place: Place,
        (reps, tempo_ms): (Option<u32>, Option<u64>),
    ) {
        if length_ms == Some(0) {
            return;
        }
        let segment = Segment {
            index: 0,
            kind,
            name: name.to_owned(),
            start_ms: self.clock,
            length_ms,
            step: place.step,
            set: place.set,
            sets: place.sets,
            side: place.side,
            round: place.round,
            countdown,
            reps,
            tempo_ms,
            block_round: self.block_round.clone(),
            caution: None,
        };
        self.clock += segment.estimated_ms();
        self.segments.push(segment);
    }

    fn step(&mut self, step: &Step, number: usize, round: u32) {
        let length = step.work.length().map(crate::duration::Secs::millis);
        let reps = match step.work {
            Work::Reps { reps, tempo } => (Some(reps), tempo.map(crate::duration::Secs::millis)),
            Work::Timed(_) => (None, None),
        };
        for set in 1..=step.sets {
            let place = Place {
                step: Some(number),
                set: Some(set),
                sets: step.sets,
                side: None,
                round: Some(round),
            };
            let sides: &[Option<Side>] = match step.sides {
                Sides::None => &[None],
                Sides::Left => &[Some(Side::Left)],
                Sides::Right => &[Some(Side::Right)],
                Sides::Both => &[Some(Side::Left), Some(Side::Right)],
            };
            for (i, side) in sides.iter().enumerate() {
                if i > 0 {
                    self.push(
                        SegmentKind::Switch,
                        step.labels.switch.as_deref().unwrap_or("Switch sides"),
                        Some(step.switch.millis()),
                        step.countdown,
                        place,
                    );
                }
                let place = Place {
                    side: *side,
                    ..place
                };
                let pushed = self.segments.len();
                self.push_with_reps(
                    SegmentKind::Exercise,
                    &step.name,
                    length,
                    step.countdown,
                    place,
                    reps,
                );
                let first_start = !self.cautioned.contains(&number);
                if let (Some(segment), Some(caution), true) = (
                    self.segments.get_mut(pushed),
                    step.caution.as_ref(),
                    first_start,
                ) {
                    self.cautioned.push(number);
                    segment.caution = Some(caution.clone());
                }
            }
            if set < step.sets {
                self.push(
                    SegmentKind::SetRest,
                    step.labels
                        .set_rest
                        .as_deref()
                        .unwrap_or("Rest between sets"),
                    Some(step.set_rest.millis()),
                    step.countdown,
                    place,
                );
            }
        }
    }
}
