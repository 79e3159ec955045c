//! The headless app, as the screen tests drive it.

pub mod cli;
pub mod crafted;
pub mod pane;
pub mod runs;

use limberup::app::HistoryView;
use limberup::app::records::{HistorySink, NoHistory};
use limberup::audio::{CueSink, Silent};
use limberup::calendar::{Calendar, UtcTime};
use limberup::cli::snapshot::script::{parse_script, parse_time};
use limberup::config::ThemeSetting;
use limberup::diag::SourceText;
use limberup::routine::Library;
use limberup::runtime::headless::{SnapshotRequest, capture_buffers, capture_saving};
use limberup::triage::answers::DateContext;
use limberup::triage::{Answers, parse_answers};
use ratatui::buffer::Buffer;

/// When the headless app starts, unless a test gives its own history: 2026-11-24T11:05:00Z.
pub const NOW: UtcTime = UtcTime(1_795_518_300);

/// One screen of the headless app.
pub struct Shot<'a> {
    pub routine: Option<&'a str>,
    pub size: (u16, u16),
    pub keys: &'a str,
    pub answers: Option<Answers>,
    pub history: HistoryView,
    /// Figures drawn (the `figures` setting; `--no-figures` turns it off).
    pub figures: bool,
    /// The `theme` setting (`auto` is dark: the headless app asks no terminal).
    pub theme: ThemeSetting,
    /// As with `NO_COLOR` set.
    pub no_color: bool,
}

impl<'a> Shot<'a> {
    /// The library at 80x24, no keys, an empty history, days in UTC.
    pub fn new() -> Self {
        Self {
            routine: None,
            size: (80, 24),
            keys: "",
            answers: None,
            history: HistoryView::starting_at(NOW, Calendar::utc()),
            figures: true,
            theme: ThemeSetting::Auto,
            no_color: false,
        }
    }

    pub fn routine(mut self, routine: &'a str) -> Self {
        self.routine = Some(routine);
        self
    }

    pub fn size(mut self, width: u16, height: u16) -> Self {
        self.size = (width, height);
        self
    }

    pub fn keys(mut self, keys: &'a str) -> Self {
        self.keys = keys;
        self
    }

    /// Answers the pain check from this answers file.
    pub fn answers(mut self, path: &str) -> Self {
        let text = std::fs::read_to_string(path).expect("answers file");
        let source = SourceText::new(path, text);
        let when = DateContext {
            now: self.history.origin(),
            calendar: self.history.calendar().clone(),
        };
        self.answers = Some(parse_answers(&source, &when).expect("valid answers"));
        self
    }

    /// As with `--no-figures`.
    pub fn no_figures(mut self) -> Self {
        self.figures = false;
        self
    }

    pub fn history(mut self, history: HistoryView) -> Self {
        self.history = history;
        self
    }

    pub fn theme(mut self, theme: ThemeSetting) -> Self {
        self.theme = theme;
        self
    }

    /// As with `NO_COLOR` set.
    pub fn no_color(mut self) -> Self {
        self.no_color = true;
        self
    }

    fn request(self, at: &str) -> (Library, Option<limberup::routine::Routine>, SnapshotRequest) {
        let library = Library::load(None).expect("the built-in library loads");
        let routine = self
            .routine
            .map(|r| library.resolve(r).expect("routine loads"));
        let mut request = SnapshotRequest::new(self.size.0, self.size.1);
        request.at = vec![parse_time(at).expect("time")];
        request.keys = parse_script(self.keys).expect("keys");
        request.answers = self.answers;
        request.history = self.history;
        request.settings.figures = self.figures;
        request.settings.theme = self.theme;
        request.settings.no_color = self.no_color;
        (library, routine, request)
    }

    /// The screen at `at` as cells, with their colours.
    pub fn buffer_at(self, at: &str) -> Buffer {
        let (library, routine, request) = self.request(at);
        let mut screens = capture_buffers(library, routine, &request, &mut Silent, &mut NoHistory)
            .expect("runs headless");
        assert_eq!(screens.len(), 1);
        screens.remove(0).1
    }

    /// The screen at `at`, as text.
    pub fn at(self, at: &str) -> String {
        self.at_with(at, &mut Silent)
    }

    /// The same, with cue events going to `sink`.
    pub fn at_with(self, at: &str, sink: &mut dyn CueSink) -> String {
        self.at_saving(at, sink, &mut NoHistory)
    }

    /// The same, with records going to `history`.
    pub fn at_saving(
        self,
        at: &str,
        sink: &mut dyn CueSink,
        history: &mut dyn HistorySink,
    ) -> String {
        let height = self.size.1;
        let (library, routine, request) = self.request(at);
        let screens =
            capture_saving(library, routine, &request, sink, history).expect("runs headless");
        assert_eq!(screens.len(), 1);
        let lines = &screens[0].1;
        assert_eq!(lines.len(), usize::from(height), "one line per row");
        lines.join("\n")
    }
}
