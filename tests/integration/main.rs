//! The integration tests, in one crate so the suite links one test binary: each module was its own
//! file under `tests/`. Run one module with `cargo test --test integration <module>::`. The sound
//! end-to-end tests are the exception: `tests/sound_e2e.rs` runs alone (it says why).
//!
//! Snapshots are in `snapshots/`, named `integration__<module>__<test>.snap`.

mod common;

mod audio_cues;
mod broken_files;
mod check_groups;
mod check_screens;
mod cli;
mod closed_output;
mod crafted_sounds;
mod error_messages;
mod figure_contacts;
mod figure_frames;
mod figure_json;
mod figure_screens;
mod figure_sides;
mod figures;
mod folder_errors;
mod history_crash;
mod history_migration;
mod history_screen;
mod history_transfer;
mod hostile_text;
mod invalid_fixtures;
mod layering;
mod library_plans;
mod library_safety;
mod loader_never_panics;
mod odd_folders;
mod pain_check_brief;
mod pain_check_cli;
mod pain_check_safety;
mod plan_fixtures;
mod profile_cli;
mod program_cli;
mod program_files;
mod program_screens;
mod program_v2_cli;
mod program_v2_screens;
mod report_styles;
mod routine_library;
mod run_morning;
mod runs_cli;
mod runs_files;
mod runs_fuzz;
mod runs_history;
mod runs_screen;
mod schema_agreement;
mod screens;
// Plays through the real sound stack, which a build without audio does not have.
#[cfg(feature = "audio")]
mod terminal_faults;
mod themes;
mod time_edges;
mod tmux_e2e;
mod wide_text;
