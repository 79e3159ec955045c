//! From a routine file's text to a validated [`Routine`], reporting every problem with its position.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::DeTable;

use super::catalog::Catalog;
use super::shared::{Coaching, check_not_blank, read_coaching, strings};
use super::sound::check_sound;
use crate::diag::fields::{Checker, TextKind};
use crate::diag::toml::{parse_toml, sorted};
use crate::diag::{Diagnostic, SourceText, hint};
use crate::duration::Secs;
use crate::format::limits;
use crate::format::model::{Kind, Origin, Routine, Sides, Step, StepSound, Total, When, Work};

pub const ROUTINE_KEYS: &[&str] = &[
    "name",
    "kind",
    "when",
    "description",
    "tags",
    "equipment",
    "author",
    "pain_check",
    "rounds",
    "round_rest",
    "round_rest_label",
    "defaults",
    "steps",
    "blocks",
];
pub const DEFAULT_KEYS: &[&str] = &[
    "prepare",
    "rest",
    "set_rest",
    "switch",
    "countdown",
    "rest_label",
    "set_rest_label",
    "switch_label",
];
pub const STEP_KEYS: &[&str] = &[
    "name",
    "exercise",
    "duration",
    "reps",
    "tempo",
    "sets",
    "set_rest",
    "rest",
    "switch",
    "countdown",
    "rest_label",
    "set_rest_label",
    "switch_label",
    "sides",
    "instructions",
    "cues",
    "caution",
    "sound",
    "block",
];

/// The routine-wide values a step falls back on.
#[derive(Debug, Clone)]
struct Defaults {
    prepare: Secs,
    rest: Secs,
    set_rest: Secs,
    switch: Secs,
    countdown: u32,
    labels: crate::format::model::Labels,
}

impl Default for Defaults {
    fn default() -> Self {
        Self {
            prepare: Secs(5),
            rest: Secs::ZERO,
            set_rest: Secs(30),
            switch: Secs(5),
            countdown: 3,
            labels: crate::format::model::Labels::default(),
        }
    }
}

/// What the loader needs besides the text: the id, where it came from, and what it may refer to.
pub struct LoadContext<'a> {
    pub id: &'a str,
    pub origin: Origin,
    /// The folder `sound` paths are relative to; `None` for built-in routines, which may not use sounds.
    pub folder: Option<&'a Path>,
    pub catalog: &'a Catalog,
}

/// A routine from text alone, as a built-in one with an empty catalog: for unit tests.
#[cfg(test)]
pub(crate) fn routine_from_text(text: &str) -> Routine {
    let source = SourceText::new("test.toml", text);
    let catalog = Catalog::default();
    let context = LoadContext {
        id: "test",
        origin: Origin::BuiltIn,
        folder: None,
        catalog: &catalog,
    };
    load_routine(&source, &context).expect("a valid test routine")
}

/// Loads and validates one routine.
pub fn load_routine(
    source: &SourceText,
    context: &LoadContext<'_>,
) -> Result<Routine, Vec<Diagnostic>> {
    let root = parse_toml(source)?;
    let mut checker = Checker::new(source);
    let routine = read_routine(&mut checker, root.get_ref(), context);
    match routine {
        Some(mut routine) if !checker.has_problems() => {
            let plan = crate::plan::Plan::build(&routine);
            if let Err(problem) = check_total(source, root.get_ref(), &routine, &plan) {
                return Err(vec![problem]);
            }
            routine.total = Total {
                ms: plan.total_ms(),
                estimated: plan.is_estimated(),
            };
            Ok(routine)
        }
        _ => Err(sorted(checker.problems)),
    }
}

fn read_routine(
    checker: &mut Checker<'_>,
    root: &DeTable<'_>,
    context: &LoadContext<'_>,
) -> Option<Routine> {
    misplaced_top_keys(checker, root);
    let mut allowed = ROUTINE_KEYS.to_vec();
    allowed.extend(STEP_KEYS.iter().chain(DEFAULT_KEYS));
    checker.unknown_keys(root, &allowed, None);
    let top = 0..0;
    let name = checker.required_text(root, top.clone(), "name", None, limits::NAME_CHARS);
    check_not_blank(checker, name.as_ref());
    let kind = if root.contains_key("kind") {
        checker.choice(root, "kind", Kind::ALL)
    } else {
        checker.missing(top.clone(), "kind", None);
        None
    };
    let when = checker
        .choice(root, "when", When::ALL)
        .map_or(When::Any, Spanned::into_inner);
    let description = checker.text(
        root,
        "description",
        TextKind::Paragraph,
        limits::DESCRIPTION_CHARS,
    );
    let tags = checker.text_list(root, "tags", limits::LINE_CHARS);
    let equipment = checker.text_list(root, "equipment", limits::LINE_CHARS);
    let author = checker.text(root, "author", TextKind::Line, limits::LINE_CHARS);
    let pain_check = checker.boolean(root, "pain_check");
    let rounds = checker.integer(root, "rounds", limits::ROUNDS);
    let round_rest = checker.duration(root, "round_rest", Secs::ZERO, limits::MAX_DURATION);
    let round_rest_label =
        checker.text(root, "round_rest_label", TextKind::Line, limits::NAME_CHARS);
    check_not_blank(checker, round_rest_label.as_ref());
    let defaults = read_defaults(checker, root);
    let steps = read_steps(checker, root, &defaults, context);
    let blocks = super::blocks::read_blocks(checker, root);

    Some(Routine {
        id: context.id.to_owned(),
        origin: context.origin.clone(),
        name: name?.into_inner(),
        kind: kind?.into_inner(),
        when,
        description: description.map(Spanned::into_inner),
        tags: strings(tags),
        equipment: strings(equipment),
        author: author.map(Spanned::into_inner),
        pain_check: pain_check.unwrap_or(when == When::After),
        rounds: rounds.map_or(1, |r| to_u32(*r.get_ref())),
        round_rest: round_rest.map_or(Secs::ZERO, Spanned::into_inner),
        round_rest_label: round_rest_label.map(Spanned::into_inner),
        prepare: defaults.prepare,
        countdown: defaults.countdown,
        steps: steps?,
        blocks: blocks?,
        content_hash: content_hash(&checker.source.text),
        total: Total::default(),
    })
}

/// Step and `[defaults]` keys written at the top of the file: say where they belong.
fn misplaced_top_keys(checker: &mut Checker<'_>, root: &DeTable<'_>) {
    for key in root.keys() {
        let name = key.get_ref().as_ref();
        if ROUTINE_KEYS.contains(&name) {
            continue;
        }
        let place = match (DEFAULT_KEYS.contains(&name), STEP_KEYS.contains(&name)) {
            (true, true) => "in [defaults] (for every step) or in a step",
            (true, false) => "in [defaults]",
            (false, true) => "in a step, under [[steps]]",
            (false, false) => continue,
        };
        checker.error(
            key.span(),
            format!("`{name}` cannot be set at the top of a routine: it belongs {place}"),
        );
    }
}

fn read_defaults(checker: &mut Checker<'_>, root: &DeTable<'_>) -> Defaults {
    let mut defaults = Defaults::default();
    let Some(value) = root.get("defaults") else {
        return defaults;
    };
    let Some(table) = value.get_ref().as_table() else {
        checker.error(value.span(), "`defaults` must be a table, like [defaults]");
        return defaults;
    };
    checker.unknown_keys(table, DEFAULT_KEYS, Some("[defaults]"));
    apply_timings(checker, table, &mut defaults);
    if let Some(prepare) = checker.duration(table, "prepare", Secs::ZERO, limits::MAX_DURATION) {
        defaults.prepare = prepare.into_inner();
    }
    defaults
}

/// The fields `[defaults]` and a step share: rests, switch time and countdown.
fn apply_timings(checker: &mut Checker<'_>, table: &DeTable<'_>, into: &mut Defaults) {
    let max = limits::MAX_DURATION;
    if let Some(v) = checker.duration(table, "rest", Secs::ZERO, max) {
        into.rest = v.into_inner();
    }
    if let Some(v) = checker.duration(table, "set_rest", Secs::ZERO, max) {
        into.set_rest = v.into_inner();
    }
    if let Some(v) = checker.duration(table, "switch", Secs::ZERO, max) {
        into.switch = v.into_inner();
    }
    if let Some(v) = checker.integer(table, "countdown", limits::COUNTDOWN) {
        into.countdown = to_u32(*v.get_ref());
    }
    let mut label = |key: &str| {
        let text = checker.text(table, key, TextKind::Line, limits::NAME_CHARS);
        check_not_blank(checker, text.as_ref());
        text.map(Spanned::into_inner)
    };
    if let Some(text) = label("rest_label") {
        into.labels.rest = Some(text);
    }
    if let Some(text) = label("set_rest_label") {
        into.labels.set_rest = Some(text);
    }
    if let Some(text) = label("switch_label") {
        into.labels.switch = Some(text);
    }
}

fn read_steps(
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

    let exercise = read_exercise_ref(checker, table, context.catalog);
    let name = checker.text(table, "name", TextKind::Line, limits::NAME_CHARS);
    check_not_blank(checker, name.as_ref());
    let Coaching {
        instructions,
        cues,
        caution,
    } = read_coaching(checker, table);
    let duration = checker.duration(table, "duration", Secs(1), limits::MAX_DURATION);
    let reps = checker.integer(table, "reps", limits::REPS);
    let tempo = checker.duration(table, "tempo", Secs(1), limits::MAX_DURATION);
    let sets = checker.integer(table, "sets", limits::SETS);
    let sides = checker.choice(table, "sides", Sides::ALL);
    let mut timings = defaults.clone();
    apply_timings(checker, table, &mut timings);
    let sound = read_sound(checker, table, context.folder);
    let block = checker.text(table, "block", TextKind::Line, limits::NAME_CHARS);

    let name = match (name, exercise) {
        (Some(name), _) => Some(name.into_inner()),
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
    };
    let work = resolve_work(checker, table, span, label, exercise, duration, reps, tempo);
    if checker.problems.len() > before {
        return None;
    }
    Some(Step {
        name: name?,
        exercise: exercise.map(|e| e.id.clone()),
        work: work?,
        sides: sides.map_or(Sides::None, Spanned::into_inner),
        sets: sets.map_or(1, |s| to_u32(*s.get_ref())),
        set_rest: timings.set_rest,
        rest: timings.rest,
        switch: timings.switch,
        countdown: timings.countdown,
        labels: timings.labels,
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
        sound,
        block: block.map(Spanned::into_inner),
    })
}

fn read_exercise_ref<'c>(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    catalog: &'c Catalog,
) -> Option<&'c super::catalog::Exercise> {
    let id = checker.text(table, "exercise", TextKind::Line, limits::NAME_CHARS)?;
    let found = catalog.get(id.get_ref());
    if found.is_some() {
        return found;
    }
    let message = if let Some(problem) = catalog.broken(id.get_ref()) {
        format!(
            "exercise `{}` cannot be used: its entry in the catalog has an error, at {}:{}:{}: {}",
            id.get_ref(),
            problem.path,
            problem.line,
            problem.column,
            problem.message
        )
    } else {
        let unreadable: String = catalog
            .unreadable()
            .iter()
            .fold(String::new(), |mut out, p| {
                let _ = write!(
                    out,
                    "; {} could not be read ({}:{})",
                    p.path, p.line, p.column
                );
                out
            });
        format!(
            "unknown exercise `{}`{}{unreadable}",
            id.get_ref(),
            hint(id.get_ref(), catalog.ids())
        )
    };
    checker.error(id.span(), message);
    None
}

/// Exactly one of `duration` and `reps`, after the catalog fills in what the step leaves out.
#[allow(clippy::too_many_arguments)]
fn resolve_work(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    label: &str,
    exercise: Option<&super::catalog::Exercise>,
    duration: Option<Spanned<Secs>>,
    reps: Option<Spanned<i64>>,
    tempo: Option<Spanned<Secs>>,
) -> Option<Work> {
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
        return duration.map(|d| Work::Timed(d.into_inner()));
    }
    let tempo = tempo
        .map(Spanned::into_inner)
        .or_else(|| exercise.and_then(|e| e.tempo));
    if has_reps {
        return reps.map(|r| Work::Reps {
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

/// A routine may last at most 4 hours; the error points at the step during which it passes that mark.
fn check_total(
    source: &SourceText,
    root: &DeTable<'_>,
    routine: &Routine,
    plan: &crate::plan::Plan,
) -> Result<(), Diagnostic> {
    let limit = limits::MAX_ROUTINE.millis();
    if plan.total_ms() <= limit {
        return Ok(());
    }
    let crossing = plan
        .segments
        .iter()
        .find(|s| s.start_ms + s.estimated_ms() > limit)
        .and_then(|s| s.step);
    let span = match (
        crossing,
        root.get("steps").and_then(|s| s.get_ref().as_array()),
    ) {
        (Some(step), Some(items)) if routine.rounds == 1 => {
            items.get(step - 1).map_or(0..0, Spanned::span)
        }
        _ => root.get("rounds").map_or(0..0, Spanned::span),
    };
    Err(source.diagnostic(
        span,
        format!(
            "the routine would last {}; a routine may last at most 4h",
            crate::duration::format_human(plan.total_ms())
        ),
    ))
}

fn to_u32(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// FNV-1a over the file's bytes: stable across Rust versions, unlike `DefaultHasher`.
fn content_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
