//! Where things live: the user's routines, settings and history, the XDG way unless overridden.

use std::path::PathBuf;

use crate::cli::Common;

/// The folders the app reads and writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    /// The user's own routines (`--routines`, `LIMBERUP_ROUTINES`, else `<config dir>/limberup/routines`).
    pub routines_dir: Option<PathBuf>,
    /// Settings file (`--config`, `LIMBERUP_CONFIG`, else `<config dir>/limberup/config.toml`).
    pub config_file: Option<PathBuf>,
    /// History and logs (`--data-dir`, `LIMBERUP_DATA_DIR`, else `<data dir>/limberup`).
    pub data_dir: Option<PathBuf>,
}

impl Dirs {
    pub fn resolve(common: &Common) -> Self {
        let project = directories::ProjectDirs::from("", "", "limberup");
        let config_dir = project.as_ref().map(|p| p.config_dir().to_path_buf());
        Self {
            routines_dir: common
                .routines
                .clone()
                .or_else(|| config_dir.as_ref().map(|d| d.join("routines"))),
            config_file: common
                .config
                .clone()
                .or_else(|| config_dir.as_ref().map(|d| d.join("config.toml"))),
            data_dir: common
                .data_dir
                .clone()
                .or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf())),
        }
    }
}
