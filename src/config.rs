//! Where things live: the user's routines, settings and history, the XDG way unless overridden.

use std::path::PathBuf;

/// What the command line (or the environment) says, before the defaults fill in the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub routines: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub mute: bool,
    pub volume: Option<u8>,
    /// `--no-figures`.
    pub no_figures: bool,
    /// `NO_COLOR` set and not empty (no-color.org), read once at start.
    pub no_color: bool,
}

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
    pub fn resolve(common: &Overrides) -> Self {
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

/// The runner's settings (`config.toml`), after the command line's `--mute` and `--volume`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is its own on/off setting of the file"
)]
pub struct Settings {
    /// 0 to 100.
    pub volume: u8,
    pub muted: bool,
    /// Spoken words after the tones ("three, two, one", "rest", "switch sides").
    pub spoken: bool,
    /// With `spoken`: each step's caution said once, as the step first starts.
    pub spoken_cautions: bool,
    /// Countdown ticks in the last N seconds of each segment, replacing the routines' own.
    pub countdown: Option<u32>,
    /// Ring the terminal bell on each cue while no sound device works.
    pub bell: bool,
    /// Draw the exercises' figures (in the player, the preview and the exercise browser).
    pub figures: bool,
    /// Colours for a dark or a light background, or whichever the terminal reports.
    pub theme: ThemeSetting,
    /// No colours at all (`NO_COLOR`); never from the file.
    pub no_color: bool,
    /// Folders of activity files `runs sync` (and the app, when it opens) imports from; a leading
    /// `~/` is the home folder.
    pub runs_folders: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            volume: 80,
            muted: false,
            spoken: true,
            spoken_cautions: true,
            countdown: None,
            bell: false,
            figures: true,
            theme: ThemeSetting::Auto,
            no_color: false,
            runs_folders: Vec::new(),
        }
    }
}

const SETTINGS_KEYS: &[&str] = &[
    "volume",
    "mute",
    "spoken",
    "spoken_cautions",
    "countdown",
    "bell",
    "figures",
    "theme",
    "runs_folders",
];

/// The `theme` setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeSetting {
    /// The terminal's reported background decides; dark when it does not answer.
    #[default]
    Auto,
    Dark,
    Light,
}

/// The background the colours are made for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Background {
    #[default]
    Dark,
    Light,
}

/// How the screens look: the resolved theme, and whether there is colour at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    pub background: Background,
    pub color: bool,
}

impl Settings {
    /// Reads the settings file: a missing default file means the defaults, a missing `--config` file
    /// is an error, and every problem in the file is reported with its line and column.
    pub fn load(dirs: &Dirs, common: &Overrides) -> Result<Self, crate::diag::FileError> {
        let mut settings = match &dirs.config_file {
            Some(path) if common.config.is_some() || path.exists() => Self::read(path)?,
            _ => Self::default(),
        };
        settings.muted |= common.mute;
        if let Some(volume) = common.volume {
            settings.volume = volume;
        }
        settings.figures &= !common.no_figures;
        settings.no_color = common.no_color;
        Ok(settings)
    }

    /// How the screens look, given the background the terminal reported (if it was asked and
    /// answered).
    pub fn look(&self, reported: Option<Background>) -> Look {
        let background = match self.theme {
            ThemeSetting::Dark => Background::Dark,
            ThemeSetting::Light => Background::Light,
            ThemeSetting::Auto => reported.unwrap_or_default(),
        };
        Look {
            background,
            color: !self.no_color,
        }
    }

    fn read(path: &std::path::Path) -> Result<Self, crate::diag::FileError> {
        use crate::diag::FileError;
        let source = crate::diag::source::read_source(path)
            .map_err(|d| FileError::invalid(vec![d], None))?;
        Self::parse(&source).map_err(|problems| FileError::invalid(problems, Some(source)))
    }

    /// Parses a settings file.
    pub fn parse(source: &crate::diag::SourceText) -> Result<Self, Vec<crate::diag::Diagnostic>> {
        let root = crate::diag::toml::parse_toml(source)?;
        let table = root.get_ref();
        let mut checker = crate::diag::fields::Checker::new(source);
        checker.unknown_keys(table, SETTINGS_KEYS, None);
        let volume = checker.integer(table, "volume", 0..=100);
        let muted = checker.boolean(table, "mute");
        let spoken = checker.boolean(table, "spoken");
        let spoken_cautions = checker.boolean(table, "spoken_cautions");
        let countdown = checker.integer(table, "countdown", 0..=10);
        let bell = checker.boolean(table, "bell");
        let figures = checker.boolean(table, "figures");
        let theme = checker.choice(
            table,
            "theme",
            &[
                ("auto", ThemeSetting::Auto),
                ("dark", ThemeSetting::Dark),
                ("light", ThemeSetting::Light),
            ],
        );
        let runs_folders = checker.text_list(table, "runs_folders", 4096);
        if checker.has_problems() {
            return Err(crate::diag::toml::sorted(checker.problems));
        }
        let defaults = Self::default();
        Ok(Self {
            volume: volume.map_or(defaults.volume, |v| {
                u8::try_from(*v.get_ref()).unwrap_or(80)
            }),
            muted: muted.unwrap_or(defaults.muted),
            spoken: spoken.unwrap_or(defaults.spoken),
            spoken_cautions: spoken_cautions.unwrap_or(defaults.spoken_cautions),
            countdown: countdown.map(|c| u32::try_from(*c.get_ref()).unwrap_or(3)),
            bell: bell.unwrap_or(defaults.bell),
            figures: figures.unwrap_or(defaults.figures),
            theme: theme.map_or(defaults.theme, |t| *t.get_ref()),
            no_color: false,
            runs_folders: runs_folders
                .unwrap_or_default()
                .iter()
                .map(|folder| home_relative(folder.get_ref()))
                .collect(),
        })
    }
}

/// `~/Garmin` is `Garmin` in the home folder (as a shell reads it); other paths as written.
fn home_relative(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(base)) => base.home_dir().join(rest),
        _ => PathBuf::from(text),
    }
}

#[cfg(test)]
mod tests {
    use super::Settings;
    use crate::diag::SourceText;

    fn parse(text: &str) -> Result<Settings, Vec<String>> {
        Settings::parse(&SourceText::new("config.toml", text))
            .map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn settings_table() {
        assert_eq!(parse(""), Ok(Settings::default()));
        assert_eq!(
            parse(
                "volume = 30\nmute = true\nspoken = false\nspoken_cautions = false\ncountdown = 5\nbell = true\nfigures = false\ntheme = \"light\"\n"
            ),
            Ok(Settings {
                volume: 30,
                muted: true,
                spoken: false,
                spoken_cautions: false,
                countdown: Some(5),
                bell: true,
                figures: false,
                theme: super::ThemeSetting::Light,
                no_color: false,
                runs_folders: Vec::new(),
            })
        );
        assert_eq!(
            parse("theme = \"lite\"\n"),
            Err(vec![
                "config.toml:1:9: error: `theme` must be one of auto, dark, light, found \"lite\""
                    .to_owned()
            ])
        );
        assert_eq!(
            parse("volume = 130\n"),
            Err(vec![
                "config.toml:1:10: error: `volume` must be from 0 to 100, found 130".to_owned()
            ])
        );
        assert_eq!(
            parse("countdown = 11\nspoken = \"yes\"\n"),
            Err(vec![
                "config.toml:1:13: error: `countdown` must be from 0 to 10, found 11".to_owned(),
                "config.toml:2:10: error: `spoken` must be true or false, found a string"
                    .to_owned(),
            ])
        );
        let unknown = parse("volum = 3\n").expect_err("unknown key");
        assert!(
            unknown[0].starts_with("config.toml:1:1: error:"),
            "{unknown:?}"
        );
        assert!(unknown[0].contains("did you mean `volume`"), "{unknown:?}");
    }

    #[test]
    fn reported_backgrounds_pick_the_theme() {
        use super::{Background, ThemeSetting};
        let mut settings = Settings::default();
        assert_eq!(settings.look(None).background, Background::Dark);
        assert_eq!(
            settings.look(Some(Background::Light)).background,
            Background::Light
        );
        settings.theme = ThemeSetting::Dark;
        assert_eq!(
            settings.look(Some(Background::Light)).background,
            Background::Dark
        );
        settings.no_color = true;
        assert!(!settings.look(None).color);
    }
}
