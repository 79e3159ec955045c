//! How a program grows and what holds it back: `progress` (flat or percentage reps), `[gate]` and
//! `max_weeks`.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{GATE_KEYS, MAX_WEEKS, PAIN, PROGRESS_KEYS, REPS_PERCENT, to_u8, to_u32};
use crate::diag::fields::Checker;
use crate::duration::Secs;
use crate::format::limits;
use crate::program::{Gate, Progress, RepsStep};

/// `max_weeks`: at least `weeks`; twice `weeks` when absent.
pub(super) fn read_max_weeks(
    checker: &mut Checker<'_>,
    root: &DeTable<'_>,
    weeks: Option<u32>,
) -> Option<u32> {
    let Some(found) = checker.integer(root, "max_weeks", MAX_WEEKS) else {
        return weeks.map(|w| w * 2);
    };
    let max_weeks = to_u32(*found.get_ref());
    match weeks {
        Some(weeks) if max_weeks < weeks => {
            checker.error(
                found.span(),
                format!("`max_weeks` ({max_weeks}) must not be below `weeks` ({weeks})"),
            );
            None
        }
        _ => Some(max_weeks),
    }
}

pub(super) fn read_progress(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    label: &str,
) -> Option<(Progress, Range<usize>)> {
    let Some(value) = table.get("progress") else {
        return Some((Progress::default(), 0..0));
    };
    let DeValue::Table(inner) = value.get_ref() else {
        checker.error(
            value.span(),
            "`progress` must be a table, such as { reps = 2, duration = \"5s\", sets = 0 }",
        );
        return None;
    };
    let context = format!("the progress of {label}");
    checker.unknown_keys(inner, PROGRESS_KEYS, Some(&context));
    let reps = read_reps_step(checker, inner);
    let sets = checker.integer(inner, "sets", 0..=*limits::SETS.end());
    let duration = checker.duration(inner, "duration", Secs::ZERO, limits::MAX_DURATION);
    Some((
        Progress {
            reps: reps.unwrap_or_default(),
            duration: duration.map_or(Secs::ZERO, Spanned::into_inner),
            sets: sets.map_or(0, |n| to_u32(*n.get_ref())),
        },
        value.span(),
    ))
}

/// `reps`: a whole number of reps a level, or a percentage of each step's own reps ("15%").
fn read_reps_step(checker: &mut Checker<'_>, table: &DeTable<'_>) -> Option<RepsStep> {
    let value = table.get("reps")?;
    let DeValue::String(text) = value.get_ref() else {
        return checker
            .integer(table, "reps", 0..=*limits::REPS.end())
            .map(|n| RepsStep::Flat(to_u32(*n.get_ref())));
    };
    let percent = text
        .strip_suffix('%')
        .and_then(|number| number.trim().parse::<i64>().ok())
        .filter(|n| REPS_PERCENT.contains(n));
    if percent.is_none() {
        checker.error(
            value.span(),
            format!(
                "`reps` must be a whole number of reps or a percentage from {}% to {}% such as \"15%\", found \"{}\"",
                REPS_PERCENT.start(),
                REPS_PERCENT.end(),
                crate::text::printable(text)
            ),
        );
    }
    percent.map(|n| RepsStep::Percent(to_u32(n)))
}

pub(super) fn read_gate(checker: &mut Checker<'_>, root: &DeTable<'_>) -> Option<Gate> {
    let Some(value) = root.get("gate") else {
        return Some(Gate::default());
    };
    let DeValue::Table(table) = value.get_ref() else {
        checker.error(value.span(), "`gate` must be a table: write it as [gate]");
        return None;
    };
    checker.unknown_keys(table, GATE_KEYS, Some("[gate]"));
    let defaults = Gate::default();
    let green = checker.integer(table, "green", PAIN);
    let amber = checker.integer(table, "amber", PAIN);
    let gate = Gate {
        green: green
            .as_ref()
            .map_or(defaults.green, |g| to_u8(*g.get_ref())),
        amber: amber
            .as_ref()
            .map_or(defaults.amber, |a| to_u8(*a.get_ref())),
    };
    if gate.green > gate.amber {
        let span = green.or(amber).map_or(value.span(), |s| s.span());
        checker.error(
            span,
            format!(
                "`green` ({}) must not be above `amber` ({})",
                gate.green, gate.amber
            ),
        );
        return None;
    }
    Some(gate)
}
