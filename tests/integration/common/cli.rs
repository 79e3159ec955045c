//! The real binary on the command line, with a data folder of the test's own, no routines folder,
//! and a time zone the test chooses.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `limberup ARGS` with its data in `data_dir`, in time zone `zone`.
pub fn limberup_in(zone: &str, args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_DATA_DIR", data_dir)
        .env("LIMBERUP_ROUTINES", "/nonexistent")
        .env("TZ", zone)
        .output()
        .expect("the binary runs")
}

/// What a command that must succeed printed; its stderr when it failed.
pub fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `limberup ARGS` with the built-in routines and catalog only, and no settings file.
pub fn limberup_built_in(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_limberup"))
        .args(args)
        .env("LIMBERUP_ROUTINES", "/nonexistent/limberup-routines")
        .env_remove("LIMBERUP_CONFIG")
        .output()
        .expect("the binary runs")
}
