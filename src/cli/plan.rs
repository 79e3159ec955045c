//! `limberup plan`: a routine's timeline.

use std::io::Write;

use crate::text::printable;

use super::{Outcome, io_failure, json_failure};
use crate::duration::{format_clock, format_human};
use crate::plan::{Plan, PlanJson, Segment};
use crate::routine::Routine;

pub(super) fn run(routine: &Routine, json: bool, out: &mut impl Write) -> Outcome {
    let plan = Plan::build(routine);
    if json {
        serde_json::to_writer(&mut *out, &PlanJson::from(&plan)).map_err(json_failure)?;
        writeln!(out).map_err(io_failure)
    } else {
        write_text(routine, &plan, out).map_err(io_failure)
    }
}

fn write_text(routine: &Routine, plan: &Plan, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} ({}, {})",
        printable(&routine.name),
        routine.kind.as_str(),
        printable(&routine.id)
    )?;
    writeln!(
        out,
        "{:>4}  {:>7}  {:>7}  {:<10}  WHAT",
        "#", "START", "LENGTH", "KIND"
    )?;
    for segment in &plan.segments {
        let estimated = segment.length_ms.is_none();
        let start = format!(
            "{}{}",
            if estimated_before(plan, segment) {
                "~"
            } else {
                ""
            },
            format_clock(segment.start_ms)
        );
        let length = if estimated {
            format!("~{}", format_human(segment.estimated_ms()))
        } else {
            format_human(segment.estimated_ms())
        };
        writeln!(
            out,
            "{:>4}  {:>7}  {:>7}  {:<10}  {}",
            segment.index + 1,
            start,
            length,
            segment.kind.as_str(),
            describe(segment)
        )?;
    }
    let prefix = if plan.is_estimated() { "~" } else { "" };
    writeln!(out, "Total: {prefix}{}", format_clock(plan.total_ms()))?;
    if plan.is_estimated() {
        writeln!(
            out,
            "~ estimated: a step without a tempo runs until you press Enter; counted at 3 s a rep"
        )?;
    }
    Ok(())
}

fn estimated_before(plan: &Plan, segment: &Segment) -> bool {
    plan.segments[..segment.index]
        .iter()
        .any(|s| s.length_ms.is_none())
}

/// "Band row (left, set 2/3, round 1)".
fn describe(segment: &Segment) -> String {
    let mut details = Vec::new();
    if let Some(side) = segment.side {
        details.push(side.label().to_lowercase());
    }
    if let Some(set) = segment.set.filter(|_| segment.sets > 1) {
        details.push(format!("set {set}/{}", segment.sets));
    }
    if let Some(reps) = segment.reps {
        details.push(format!("{reps} reps"));
    }
    if let Some(round) = segment
        .round
        .filter(|_| segment.kind == crate::plan::SegmentKind::RoundRest || segment.round > Some(1))
    {
        details.push(format!("round {round}"));
    }
    if segment.caution_window().is_some() {
        details.push("caution said".to_owned());
    }
    if details.is_empty() {
        segment.name.clone()
    } else {
        format!("{} ({})", segment.name, details.join(", "))
    }
}
