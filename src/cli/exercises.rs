//! `limberup exercises`: the exercise catalog, and one exercise drawn as text.

use crate::text::{pad, printable, width as text_width};
use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::{Failure, Outcome, io_failure, json_failure};
use crate::diag::hint;
use crate::figure::render_text;
use crate::routine::Library;
use crate::routine::catalog::Exercise;

/// The size `limberup exercises ID` draws at without `--size`.
pub(super) const DEFAULT_SIZE: (u16, u16) = (40, 12);

#[derive(Serialize)]
struct ExerciseEntry<'a> {
    id: &'a str,
    name: &'a str,
    areas: &'a [String],
    figure: bool,
    /// Suggested while waiting for a professional's look (pain check `review`).
    review_safe: bool,
    routines: Vec<&'a str>,
}

/// The ids of the routines with a step that names `id`, in library order (sorted by id).
fn routines_using<'l>(library: &'l Library, id: &str) -> Vec<&'l str> {
    library
        .routines
        .iter()
        .filter(|r| r.steps.iter().any(|s| s.exercise.as_deref() == Some(id)))
        .map(|r| r.id.as_str())
        .collect()
}

/// Every exercise in the catalog, built-in and the runner's.
pub(super) fn list(library: &Library, json: bool, out: &mut impl Write) -> Outcome {
    let entries: Vec<ExerciseEntry<'_>> = library
        .catalog
        .iter()
        .map(|e| ExerciseEntry {
            id: &e.id,
            name: &e.name,
            areas: &e.areas,
            figure: e.figure.is_some(),
            review_safe: e.review_safe,
            routines: routines_using(library, &e.id),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &entries).map_err(json_failure)?;
        return writeln!(out).map_err(io_failure);
    }
    // Everything here came from catalog and routine files: escaped, and padded by display width.
    let width = |f: fn(&ExerciseEntry<'_>) -> usize| entries.iter().map(f).max().unwrap_or(0);
    let id_width = width(|e| text_width(&printable(e.id))).max(2);
    let name_width = width(|e| text_width(&printable(e.name))).max(4);
    let mut text = format!(
        "{}  {}  FIGURE  {:<30}  ROUTINES\n",
        pad("ID", id_width),
        pad("NAME", name_width),
        "AREAS"
    );
    for entry in &entries {
        let _ = writeln!(
            text,
            "{}  {}  {:<6}  {}  {}",
            pad(&printable(entry.id), id_width),
            pad(&printable(entry.name), name_width),
            if entry.figure { "yes" } else { "no" },
            pad(&printable(&entry.areas.join(", ")), 30),
            printable(&entry.routines.join(", "))
        );
    }
    out.write_all(text.as_bytes()).map_err(io_failure)
}

/// `limberup exercises [ID]`.
pub(super) fn run(
    library: &Library,
    id: Option<&str>,
    json: bool,
    size: Option<(u16, u16)>,
    at_ms: Option<u64>,
    out: &mut impl Write,
) -> Outcome {
    match id {
        None => list(library, json, out),
        Some(id) if json => show_json(library, id, at_ms.unwrap_or(0), out),
        Some(id) => show(
            library,
            id,
            size.unwrap_or(DEFAULT_SIZE),
            at_ms.unwrap_or(0),
            out,
        ),
    }
}

/// One exercise: its figure at `at_ms` of its movement, then how to do it.
pub(super) fn show(
    library: &Library,
    id: &str,
    size: (u16, u16),
    at_ms: u64,
    out: &mut impl Write,
) -> Outcome {
    let exercise = find(library, id)?;
    let text = describe(exercise, &routines_using(library, id), size, at_ms);
    out.write_all(text.as_bytes()).map_err(io_failure)
}

/// One exercise as data, its figure's points and props at `at_ms` of its movement.
pub(super) fn show_json(library: &Library, id: &str, at_ms: u64, out: &mut impl Write) -> Outcome {
    let exercise = find(library, id)?;
    let data = super::exercise_json::exercise_data(exercise, &routines_using(library, id), at_ms);
    serde_json::to_writer_pretty(&mut *out, &data).map_err(json_failure)?;
    writeln!(out).map_err(io_failure)
}

fn find<'l>(library: &'l Library, id: &str) -> Result<&'l Exercise, Failure> {
    library
        .catalog
        .get(id)
        .ok_or_else(|| Failure::UnknownExercise {
            id: id.escape_debug().to_string(),
            hint: hint(id, library.catalog.ids()),
        })
}

fn describe(exercise: &Exercise, routines: &[&str], size: (u16, u16), at_ms: u64) -> String {
    // Every text below comes from a catalog file: escaped on its way to the terminal.
    let mut text = format!(
        "{} ({})\n\n",
        printable(&exercise.name),
        printable(&exercise.id)
    );
    match &exercise.figure {
        Some(figure) => {
            let tempo = exercise.tempo.map(crate::duration::Secs::millis);
            let phase = figure.phase_at(tempo, at_ms);
            text.push_str(&render_text(figure, phase, false, size.0, size.1));
        }
        None => text.push_str("(no figure yet)\n"),
    }
    text.push('\n');
    if let Some(instructions) = &exercise.instructions {
        let _ = writeln!(text, "{}\n", printable(instructions));
    }
    for cue in &exercise.cues {
        let _ = writeln!(text, "  · {}", printable(cue));
    }
    if !exercise.cues.is_empty() {
        text.push('\n');
    }
    if let Some(caution) = &exercise.caution {
        let _ = writeln!(text, "Caution: {}\n", printable(caution));
    }
    if !exercise.areas.is_empty() {
        let _ = writeln!(text, "Areas: {}", printable(&exercise.areas.join(", ")));
    }
    if !routines.is_empty() {
        let _ = writeln!(text, "Used in: {}", printable(&routines.join(", ")));
    }
    text
}
