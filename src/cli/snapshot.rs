//! `limberup snapshot`: the same app on an in-memory terminal and a virtual clock.

use std::io::{self, Write};

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};

use super::{Outcome, io_failure};
use crate::app::event_loop::{self, Input, InputSource, Outputs};
use crate::app::keys::time_label;
use crate::app::records::{HistorySink, NoHistory};
use crate::app::{App, HistoryView};
use crate::audio::{CueSink, Silent};
use crate::config::Settings;
use crate::engine::{Clock, Millis, VirtualClock};
use crate::routine::{Library, Routine};

/// The terminal size and what to do when.
#[derive(Debug, Clone)]
pub struct SnapshotRequest {
    pub width: u16,
    pub height: u16,
    /// Virtual times to print the screen at; none means the first screen.
    pub at: Vec<Millis>,
    pub keys: Vec<(Millis, crossterm::event::KeyEvent)>,
    /// Answers the pain check by itself when it comes (`--answers`).
    pub answers: Option<crate::triage::Answers>,
    /// The history the app starts with; nothing is ever written back.
    pub history: HistoryView,
    pub settings: Settings,
    /// The active program as it stands on the first day; the app then opens on Today.
    pub program: Option<crate::app::today::Standing>,
}

impl SnapshotRequest {
    /// The first screen at this size, with no keys, answers or history.
    pub fn new(width: u16, height: u16) -> Self {
        Self {
            width,
            height,
            at: Vec::new(),
            keys: Vec::new(),
            answers: None,
            history: HistoryView::default(),
            settings: Settings::default(),
            program: None,
        }
    }
}

/// Scripted input on virtual time: keys and captures in time order (keys first at equal times, so a
/// capture shows their effect).
pub struct ScriptedInput {
    clock: VirtualClock,
    script: std::collections::VecDeque<(Millis, Input)>,
}

impl ScriptedInput {
    pub fn new(request: &SnapshotRequest) -> Self {
        let mut script: Vec<(Millis, u8, Input)> = request
            .keys
            .iter()
            .map(|(at, key)| (*at, 0, Input::Key(*key)))
            .collect();
        let captures = if request.at.is_empty() {
            vec![0]
        } else {
            request.at.clone()
        };
        script.extend(captures.into_iter().map(|at| (at, 1, Input::Capture)));
        script.sort_by_key(|(at, order, _)| (*at, *order));
        Self {
            clock: VirtualClock::new(),
            script: script
                .into_iter()
                .map(|(at, _, input)| (at, input))
                .collect(),
        }
    }
}

impl InputSource for ScriptedInput {
    fn now(&self) -> Millis {
        self.clock.now()
    }

    fn shows_every_frame(&self) -> bool {
        false
    }

    fn wait(&mut self, deadline: Option<Millis>) -> io::Result<Option<Input>> {
        let Some(&(at, _)) = self.script.front() else {
            return Ok(Some(Input::End));
        };
        match deadline {
            Some(deadline) if deadline < at => {
                self.clock.advance_to(deadline);
                Ok(None)
            }
            _ => {
                self.clock.advance_to(at);
                Ok(self.script.pop_front().map(|(_, input)| input))
            }
        }
    }
}

/// An in-memory terminal that treats wide characters as a terminal does: a wide character covers the
/// cells after it, and a character written over one erases all of it. ratatui's `TestBackend` copies
/// cells one by one, so its buffer kept whatever was behind a wide character before (`日本語` then
/// `a · 10s` read `at·e10s`): ratatui rightly sends no update for a cell that was already blank
/// under the wide character, because a real terminal blanks it itself.
pub struct ScreenBackend {
    inner: TestBackend,
    screen: Buffer,
}

impl ScreenBackend {
    pub fn new(width: u16, height: u16) -> Self {
        let inner = TestBackend::new(width, height);
        let screen = inner.buffer().clone();
        Self { inner, screen }
    }

    /// What the terminal shows.
    pub fn buffer(&self) -> &Buffer {
        &self.screen
    }

    /// Writes `cell` at `(x, y)` as a terminal would.
    fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        let right = self.screen.area.right();
        // Overwriting a wide character erases the cells it covered.
        let old_width = crate::text::width(self.screen[(x, y)].symbol());
        for covered in (x + 1..right).take(old_width.saturating_sub(1)) {
            self.screen[(covered, y)].reset();
        }
        self.screen[(x, y)] = cell.clone();
        // A wide character covers the cells after it.
        let new_width = crate::text::width(cell.symbol());
        for covered in (x + 1..right).take(new_width.saturating_sub(1)) {
            self.screen[(covered, y)].reset();
        }
    }
}

impl Backend for ScreenBackend {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let content: Vec<_> = content.collect();
        for &(x, y, cell) in &content {
            self.put(x, y, cell);
        }
        self.inner.draw(content.into_iter())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)?;
        self.screen = self.inner.buffer().clone();
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.screen.reset();
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        self.screen = self.inner.buffer().clone();
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

/// Screen text: every row, trailing spaces trimmed, wide characters once.
pub fn buffer_lines(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::with_capacity(usize::from(area.width));
            let mut skip = 0_usize;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                skip = crate::text::width(symbol).saturating_sub(1);
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// Runs the app headless and returns each requested screen as `(time, lines)`, in the order the times
/// were given (one run on virtual time visits them in time order).
pub fn capture(
    library: Library,
    routine: Option<Routine>,
    request: &SnapshotRequest,
    sink: &mut dyn CueSink,
) -> io::Result<Vec<(Millis, Vec<String>)>> {
    capture_saving(library, routine, request, sink, &mut NoHistory)
}

/// The same, with the records the app makes handed to `history` (tests give a failing one).
pub fn capture_saving(
    library: Library,
    routine: Option<Routine>,
    request: &SnapshotRequest,
    sink: &mut dyn CueSink,
    history: &mut dyn HistorySink,
) -> io::Result<Vec<(Millis, Vec<String>)>> {
    let mut app = match routine {
        Some(routine) => App::run_routine(library, routine, &request.settings, 0),
        None => App::with_library(library, &request.settings),
    };
    app.history = request.history.clone();
    let mut app = app.with_program(request.program.clone());
    app.preset_answers.clone_from(&request.answers);
    let mut terminal = Terminal::new(ScreenBackend::new(request.width, request.height))
        .map_err(io::Error::other)?;
    let mut input = ScriptedInput::new(request);
    let mut screens = Vec::new();
    event_loop::run(
        &mut terminal,
        &mut app,
        &mut input,
        &mut Outputs {
            cues: sink,
            history,
        },
        &mut |terminal, now| {
            screens.push((now, buffer_lines(terminal.backend().buffer())));
        },
    )?;
    // Captures after the app quit show its last screen.
    let last = buffer_lines(terminal.backend().buffer());
    let wanted = if request.at.is_empty() {
        vec![0]
    } else {
        request.at.clone()
    };
    let mut in_time_order = wanted.clone();
    in_time_order.sort_unstable();
    while screens.len() < in_time_order.len() {
        screens.push((in_time_order[screens.len()], last.clone()));
    }
    Ok(wanted
        .iter()
        .map(|at| {
            let index = in_time_order.partition_point(|t| t < at);
            (*at, screens[index].1.clone())
        })
        .collect())
}

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
