//! limberup: a terminal coach for runners.
//!
//! The crate is layered so each part can be tested alone: [`routine`] loads and validates what coaches
//! write, [`plan`] expands a routine into a timeline of segments and cues, and the command line in [`cli`]
//! is a thin layer over them.

// An item `pub` but out of reach of the crate's users is `pub(crate)` (or narrower), so the
// compiler's dead-code check sees it when nothing uses it.
#![warn(unreachable_pub)]

pub mod app;
pub mod audio;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod diag;
pub mod duration;
pub mod engine;
pub mod figure;
pub mod format;
pub mod history;
pub(crate) mod isolate;
pub(crate) mod logging;
pub mod plan;
pub mod program;
pub mod routine;
pub mod runs;
pub mod runtime;
pub mod schema;
pub mod soundfile;
pub(crate) mod terminal;
pub mod text;
pub mod triage;
pub mod ui;
pub mod words;
