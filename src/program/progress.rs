//! A session's routine at a program level: `L × reps` on every rep step (a percentage `reps` is of the
//! step's own reps, rounded, at least 1), `L × duration` on every timed
//! exercise step, `L × sets` on every step's sets. Rests, switches and get-ready do not grow.

use super::Progress;
use crate::duration::{Secs, format_human};
use crate::format::limits;
use crate::format::model::{Routine, Total, Work};
use crate::plan::Plan;

/// The routine as played at `level`, its total worked out again.
pub fn progressed(routine: &Routine, progress: Progress, level: u32) -> Routine {
    let mut grown = routine.clone();
    if level == 0 || progress == Progress::default() {
        return grown;
    }
    for step in &mut grown.steps {
        step.sets = step
            .sets
            .saturating_add(level.saturating_mul(progress.sets));
        step.work = match step.work {
            Work::Timed(secs) => Work::Timed(Secs(
                secs.0
                    .saturating_add(level.saturating_mul(progress.duration.0)),
            )),
            Work::Reps { reps, tempo } => Work::Reps {
                reps: reps.saturating_add(level.saturating_mul(progress.reps.per_level(reps))),
                tempo,
            },
        };
    }
    let plan = Plan::build(&grown);
    grown.total = Total {
        ms: plan.total_ms(),
        estimated: plan.is_estimated(),
    };
    grown
}

/// Why the routine at `level` breaks the routine format's limits, if it does.
pub fn beyond_limits(routine: &Routine, progress: Progress, level: u32) -> Option<String> {
    let grown = progressed(routine, progress, level);
    let at = format!("at level {level}, `{}`", routine.id);
    for (index, step) in grown.steps.iter().enumerate() {
        let number = index + 1;
        if let Some(reps) = step
            .work
            .reps()
            .filter(|r| i64::from(*r) > *limits::REPS.end())
        {
            return Some(format!(
                "{at} step {number} would have {reps} reps; a step may have at most {}",
                limits::REPS.end()
            ));
        }
        if i64::from(step.sets) > *limits::SETS.end() {
            return Some(format!(
                "{at} step {number} would have {} sets; a step may have at most {}",
                step.sets,
                limits::SETS.end()
            ));
        }
        if let Some(length) = step.work.length().filter(|l| *l > limits::MAX_DURATION) {
            return Some(format!(
                "{at} step {number} would last {}; a step may last at most 1h",
                format_human(length.millis())
            ));
        }
    }
    (grown.total.ms > limits::MAX_ROUTINE.millis()).then(|| {
        format!(
            "{at} would last {}; a routine may last at most 4h",
            format_human(grown.total.ms)
        )
    })
}
