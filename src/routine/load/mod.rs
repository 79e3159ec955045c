//! From a routine file's text to a validated [`Routine`], reporting every problem with its position.

mod step;

use std::path::Path;

use toml::Spanned;
use toml::de::DeTable;

use super::catalog::Catalog;
use super::shared::{check_not_blank, strings};
use crate::diag::fields::{Checker, TextKind};
use crate::diag::toml::{parse_toml, sorted};
use crate::diag::{Diagnostic, SourceText};
use crate::duration::Secs;
use crate::format::limits;
use crate::format::model::{Kind, Origin, Routine, Total, When};
use step::read_steps;

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
        content_hash: crate::text::content_hash(&checker.source.text),
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
