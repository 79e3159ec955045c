//! Logs go to a file in the data folder, never to the terminal the app is drawing on.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

pub const LOG_FILE: &str = "limberup.log";

/// Starts logging to `<data dir>/limberup.log` (level from `LIMBERUP_LOG`, default `info`). Without a
/// writable data folder the app runs unlogged rather than not at all.
pub fn init(data_dir: Option<&Path>) -> Option<PathBuf> {
    let dir = data_dir?;
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join(LOG_FILE);
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    let filter = EnvFilter::try_from_env("LIMBERUP_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(path)
}
