//! `limberup snapshot`: the app headless (see [`crate::runtime::headless`]), its screens printed as text.

pub mod script;

use std::io::Write;

use super::{Outcome, io_failure};
use crate::audio::Silent;
use crate::routine::{Library, Routine};
use crate::runtime::headless::{SnapshotRequest, capture};
use script::time_label;

pub fn run(
    library: Library,
    routine: Option<Routine>,
    request: &SnapshotRequest,
    out: &mut impl Write,
) -> Outcome {
    let screens = capture(library, routine, request, &mut Silent).map_err(io_failure)?;
    for (at, lines) in screens {
        writeln!(out, "--- t={}s ---", time_label(at)).map_err(io_failure)?;
        for line in lines {
            writeln!(out, "{line}").map_err(io_failure)?;
        }
    }
    Ok(())
}
