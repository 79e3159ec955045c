//! `limberup list`: the routines found.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::{Outcome, io_failure, json_failure};
use crate::format::model::Origin;
use crate::plan::Plan;
use crate::routine::{Library, Routine};
use crate::text::{pad, printable, width};

#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    when: &'a str,
    total_s: f64,
    estimated: bool,
    source: &'a str,
    path: Option<String>,
    author: Option<&'a str>,
    pain_check: bool,
    tags: &'a [String],
    equipment: &'a [String],
    description: Option<&'a str>,
}

pub(super) fn run(library: &Library, json: bool, out: &mut impl Write) -> Outcome {
    if json {
        let entries: Vec<ListEntry<'_>> = library.routines.iter().map(entry).collect();
        serde_json::to_writer_pretty(&mut *out, &entries).map_err(json_failure)?;
        writeln!(out).map_err(io_failure)?;
    } else {
        write_table(library, out).map_err(io_failure)?;
    }
    Ok(())
}

/// The README's table: `| id | kind | when | total | what it is for |`.
pub(super) fn markdown(library: &Library, out: &mut impl Write) -> Outcome {
    let mut text =
        String::from("| id | kind | when | total | what it is for |\n|---|---|---|---|---|\n");
    for routine in &library.routines {
        let purpose = routine
            .description
            .as_deref()
            .unwrap_or(&routine.name)
            .replace('|', "\\|");
        let purpose = printable(&purpose);
        let _ = writeln!(
            text,
            "| `{}` | {} | {} | {} | {} |",
            printable(&routine.id),
            routine.kind.as_str(),
            routine.when.as_str(),
            routine.total.label(),
            purpose
        );
    }
    out.write_all(text.as_bytes()).map_err(io_failure)
}

fn write_table(library: &Library, out: &mut impl Write) -> std::io::Result<()> {
    let id_width = library
        .routines
        .iter()
        .map(|r| width(&printable(&r.id)))
        .max()
        .unwrap_or(2)
        .max(2);
    writeln!(
        out,
        "{}  {:<12}  {:<6}  {:>7}  {:<8}  NAME",
        pad("ID", id_width),
        "KIND",
        "WHEN",
        "TOTAL",
        "FROM"
    )?;
    for routine in &library.routines {
        let from = if routine.is_own() {
            "yours"
        } else {
            "built-in"
        };
        let byline = routine
            .byline()
            .map(|by| format!(" ({})", printable(&by)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {:<12}  {:<6}  {:>7}  {from:<8}  {}{byline}",
            pad(&printable(&routine.id), id_width),
            routine.kind.as_str(),
            routine.when.as_str(),
            routine.total.label(),
            printable(&routine.name)
        )?;
    }
    Ok(())
}

#[allow(clippy::cast_precision_loss)] // at most 4 h in milliseconds
fn entry(routine: &Routine) -> ListEntry<'_> {
    let plan = Plan::build(routine);
    let (source, path) = match &routine.origin {
        Origin::BuiltIn => ("built-in", None),
        Origin::User(p) => ("user", Some(p.display().to_string())),
        Origin::Path(p) => ("path", Some(p.display().to_string())),
    };
    ListEntry {
        id: &routine.id,
        name: &routine.name,
        kind: routine.kind.as_str(),
        when: routine.when.as_str(),
        total_s: plan.total_ms() as f64 / 1000.0,
        estimated: plan.is_estimated(),
        source,
        path,
        author: routine.author.as_deref(),
        pain_check: routine.pain_check,
        tags: &routine.tags,
        equipment: &routine.equipment,
        description: routine.description.as_deref(),
    }
}

/// Broken files in the user's folder are skipped, not fatal, but the coach must hear about them.
pub(crate) fn warn_about_problems(library: &Library, style: crate::diag::Report) {
    if library.problems.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    for problem in &library.problems {
        let _ = writeln!(err, "{}", style.problem(problem, None));
    }
    if !style.for_people() {
        return;
    }
    let _ = writeln!(
        err,
        "limberup: warning: {} in your routines; routines and catalog entries with errors were left out",
        crate::text::count(library.problems.len(), "problem", "problems")
    );
}
