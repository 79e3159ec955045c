//! A routine's steps: each step's fields, its name and work filled in from its catalog exercise.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::DeTable;

use super::{Defaults, LoadContext, STEP_KEYS, apply_timings, to_u32};
use crate::diag::fields::{Checker, TextKind};
use crate::diag::hint;
use crate::duration::Secs;
use crate::format::limits;
use crate::format::model::{Sides, Step, StepSound, Work};
use crate::routine::catalog::{Catalog, Exercise};
use crate::routine::shared::{Coaching, check_not_blank, read_coaching, strings};
use crate::routine::sound::check_sound;

pub(super) fn read_steps(
    checker: &mut Checker<'_>,
    root: &DeTable<'_>,
    defaults: &Defaults,
    context: &LoadContext<'_>,
) -> Option<Vec<Step>> {
    let Some(value) = root.get("steps") else {
        checker.error(
            0..0,
            "a routine needs at least one step: add a [[steps]] table",
        );
        return None;
    };
    let Some(items) = value.get_ref().as_array() else {
        checker.error(
            value.span(),
            "`steps` must be an array of tables: write each step as [[steps]]",
        );
        return None;
    };
    if items.is_empty() {
        checker.error(value.span(), "a routine needs at least one step");
        return None;
    }
    if let Some(extra) = items.get(limits::MAX_STEPS) {
        checker.error(
            extra.span(),
            format!(
                "a routine may have at most {} steps; this is step {}",
                limits::MAX_STEPS,
                limits::MAX_STEPS + 1
            ),
        );
        return None;
    }
    checker.each_table(items, "step", |checker, table, span, label| {
        read_step(checker, table, span, label, defaults, context)
    })
}

fn read_step(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    label: &str,
    defaults: &Defaults,
    context: &LoadContext<'_>,
) -> Option<Step> {
    let before = checker.problems.len();
    check_step_keys(checker, table, label);
    let fields = read_fields(checker, table, defaults, context);
    let name = step_name(checker, table, &span, label, &fields);
    let work = resolve_work(checker, table, span, label, &fields);
    if checker.problems.len() > before {
        return None;
    }
    Some(fields.into_step(name?, work?))
}

/// Unknown keys, and `prepare` (routine-wide only) with its own advice.
fn check_step_keys(checker: &mut Checker<'_>, table: &DeTable<'_>, label: &str) {
    if let Some(key) = table.keys().find(|k| k.get_ref().as_ref() == "prepare") {
        checker.error(
            key.span(),
            format!("`prepare` cannot be set in {label}: it is the get-ready time before the first step; set it in [defaults]"),
        );
    }
    // `prepare` is reported above with its own advice, so it is not "unknown" here.
    let mut allowed = STEP_KEYS.to_vec();
    allowed.push("prepare");
    checker.unknown_keys(table, &allowed, Some(label));
}

/// A step's fields as read, each checked on its own.
struct Fields<'c> {
    exercise: Option<&'c Exercise>,
    name: Option<Spanned<String>>,
    coaching: Coaching,
    duration: Option<Spanned<Secs>>,
    reps: Option<Spanned<i64>>,
    tempo: Option<Spanned<Secs>>,
    sets: Option<Spanned<i64>>,
    sides: Option<Spanned<Sides>>,
    timings: Defaults,
    sound: Option<StepSound>,
    block: Option<Spanned<String>>,
}

fn read_fields<'c>(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    defaults: &Defaults,
    context: &LoadContext<'c>,
) -> Fields<'c> {
    let exercise = read_exercise_ref(checker, table, context.catalog);
    let name = checker.text(table, "name", TextKind::Line, limits::NAME_CHARS);
    check_not_blank(checker, name.as_ref());
    let coaching = read_coaching(checker, table);
    let duration = checker.duration(table, "duration", Secs(1), limits::MAX_DURATION);
    let reps = checker.integer(table, "reps", limits::REPS);
    let tempo = checker.duration(table, "tempo", Secs(1), limits::MAX_DURATION);
    let sets = checker.integer(table, "sets", limits::SETS);
    let sides = checker.choice(table, "sides", Sides::ALL);
    let mut timings = defaults.clone();
    apply_timings(checker, table, &mut timings);
    let sound = read_sound(checker, table, context.folder);
    let block = checker.text(table, "block", TextKind::Line, limits::NAME_CHARS);
    Fields {
        exercise,
        name,
        coaching,
        duration,
        reps,
        tempo,
        sets,
        sides,
        timings,
        sound,
        block,
    }
}

/// The step's own `name`, else its exercise's.
fn step_name(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: &Range<usize>,
    label: &str,
    fields: &Fields<'_>,
) -> Option<String> {
    match (&fields.name, fields.exercise) {
        (Some(name), _) => Some(name.get_ref().clone()),
        (None, Some(exercise)) => Some(exercise.name.clone()),
        (None, None) => {
            // A `name` or `exercise` that is there but wrong has its own error already.
            if !table.contains_key("exercise") && !table.contains_key("name") {
                checker.error(
                    span.clone(),
                    format!("{label} needs a `name` (or an `exercise` from the catalog)"),
                );
            }
            None
        }
    }
}

impl Fields<'_> {
    /// The step, with the coaching it leaves out taken from its exercise.
    fn into_step(self, name: String, work: Work) -> Step {
        let exercise = self.exercise;
        let Coaching {
            instructions,
            cues,
            caution,
        } = self.coaching;
        Step {
            name,
            exercise: exercise.map(|e| e.id.clone()),
            work,
            sides: self.sides.map_or(Sides::None, Spanned::into_inner),
            sets: self.sets.map_or(1, |s| to_u32(*s.get_ref())),
            set_rest: self.timings.set_rest,
            rest: self.timings.rest,
            switch: self.timings.switch,
            countdown: self.timings.countdown,
            labels: self.timings.labels,
            instructions: instructions
                .map(Spanned::into_inner)
                .or_else(|| exercise.and_then(|e| e.instructions.clone())),
            cues: match cues {
                Some(cues) => strings(Some(cues)),
                None => exercise.map(|e| e.cues.clone()).unwrap_or_default(),
            },
            caution: caution
                .map(Spanned::into_inner)
                .or_else(|| exercise.and_then(|e| e.caution.clone())),
            sound: self.sound,
            block: self.block.map(Spanned::into_inner),
        }
    }
}

fn read_exercise_ref<'c>(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    catalog: &'c Catalog,
) -> Option<&'c Exercise> {
    let id = checker.text(table, "exercise", TextKind::Line, limits::NAME_CHARS)?;
    let found = catalog.get(id.get_ref());
    if found.is_some() {
        return found;
    }
    let message = if let Some(problem) = catalog.broken(id.get_ref()) {
        format!(
            "exercise `{}` cannot be used: its entry in the catalog has an error, at {}: {}",
            id.get_ref(),
            problem.place(),
            problem.message
        )
    } else {
        let unreadable: String = catalog
            .unreadable()
            .iter()
            .fold(String::new(), |mut out, p| {
                let _ = write!(
                    out,
                    "; {} could not be read ({})",
                    p.path,
                    p.position
                        .map_or_else(String::new, |p| format!("{}:{}", p.line, p.column))
                );
                out
            });
        // Without a near miss, say where ids come from.
        let near = hint(id.get_ref(), catalog.ids());
        let pointer = if near.is_empty() {
            "; `limberup exercises` lists the known ids, and your own go in `exercises.toml` in \
             your routines folder"
        } else {
            ""
        };
        format!(
            "unknown exercise `{}`{near}{unreadable}{pointer}",
            id.get_ref(),
        )
    };
    checker.error(id.span(), message);
    None
}

/// Exactly one of `duration` and `reps`, after the catalog fills in what the step leaves out.
fn resolve_work(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    label: &str,
    fields: &Fields<'_>,
) -> Option<Work> {
    let Fields {
        exercise,
        duration,
        reps,
        tempo,
        ..
    } = fields;
    let exercise = *exercise;
    let has_duration = table.contains_key("duration");
    let has_reps = table.contains_key("reps");
    if has_duration && has_reps {
        let at = table.get("reps").map_or(span, Spanned::span);
        checker.error(
            at,
            format!("{label} has both `duration` and `reps`; a step is either timed or counted, keep one"),
        );
        return None;
    }
    if has_duration {
        if let Some(tempo_value) = table.get("tempo") {
            checker.error(
                tempo_value.span(),
                format!("`tempo` applies only to a step with `reps`; {label} has a `duration`"),
            );
        }
        return duration.as_ref().map(|d| Work::Timed(*d.get_ref()));
    }
    let tempo = tempo
        .as_ref()
        .map(|t| *t.get_ref())
        .or_else(|| exercise.and_then(|e| e.tempo));
    if has_reps {
        return reps.as_ref().map(|r| Work::Reps {
            reps: to_u32(*r.get_ref()),
            tempo,
        });
    }
    match exercise {
        Some(e) if e.reps.is_some() => e.reps.map(|reps| Work::Reps { reps, tempo }),
        Some(e) if e.duration.is_some() => e.duration.map(Work::Timed),
        _ if table.contains_key("exercise") && exercise.is_none() => None,
        _ => {
            let from_catalog = if exercise.is_some() {
                " (its catalog exercise sets neither)"
            } else {
                ""
            };
            checker.error(
                span,
                format!("{label} needs either `duration` or `reps`{from_catalog}"),
            );
            None
        }
    }
}

fn read_sound(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    folder: Option<&Path>,
) -> Option<StepSound> {
    let value = checker.text(table, "sound", TextKind::Line, limits::LINE_CHARS)?;
    let Some(folder) = folder else {
        checker.error(
            value.span(),
            "built-in routines cannot use `sound` files; the app's own cue sounds are used",
        );
        return None;
    };
    match check_sound(folder, value.get_ref()) {
        Ok(sound) => Some(sound),
        Err(reason) => {
            checker.error(value.span(), format!("`sound`: {reason}"));
            None
        }
    }
}
