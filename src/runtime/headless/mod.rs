//! The app without a terminal: the same event loop on an in-memory backend, with keys and captures
//! on a virtual clock. `limberup snapshot` prints what it captures; the screen tests pin it.

mod backend;

use std::io;

use ratatui::Terminal;
use ratatui::buffer::Buffer;

pub use backend::ScreenBackend;

use super::{Input, InputSource, Outputs};
use crate::app::records::{HistorySink, NoHistory};
use crate::app::{App, HistoryView};
use crate::audio::CueSink;
use crate::config::Settings;
use crate::engine::{AppClock, AppInstant, Millis, VirtualClock};
use crate::routine::{Library, Routine};

/// The terminal size and what to do when. Times are milliseconds since the app started, as a
/// script writes them (`space@5`, `--at 12.5`); the harness turns them into the app's instants.
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
    pub program: Option<crate::program::standing::Standing>,
    /// Yesterday's program session without its morning answer: the app asks about it first.
    pub morning: Option<crate::history::MorningAsk>,
    /// Yesterday's spike run without its morning answer: asked about after the session, if any.
    pub run_morning: Option<crate::history::run_view::RunMorningAsk>,
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
            morning: None,
            run_morning: None,
        }
    }
}

/// Scripted input on virtual time: keys and captures in time order (keys first at equal times, so a
/// capture shows their effect).
pub struct ScriptedInput {
    clock: VirtualClock,
    script: std::collections::VecDeque<(AppInstant, Input)>,
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
                .map(|(at, _, input)| (AppInstant::from_millis(at), input))
                .collect(),
        }
    }
}

impl InputSource for ScriptedInput {
    fn now(&self) -> AppInstant {
        self.clock.now()
    }

    fn shows_every_frame(&self) -> bool {
        false
    }

    fn wait(&mut self, deadline: Option<AppInstant>) -> io::Result<Option<Input>> {
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
    Ok(capture_buffers(library, routine, request, sink, history)?
        .into_iter()
        .map(|(at, buffer)| (at, buffer_lines(&buffer)))
        .collect())
}

/// Each requested screen as the cells drawn, with their colours and modifiers.
pub fn capture_buffers(
    library: Library,
    routine: Option<Routine>,
    request: &SnapshotRequest,
    sink: &mut dyn CueSink,
    history: &mut dyn HistorySink,
) -> io::Result<Vec<(Millis, Buffer)>> {
    let mut app = match routine {
        Some(routine) => App::run_routine(library, routine, &request.settings, AppInstant::START),
        None => App::with_library(library, &request.settings),
    };
    app.set_history(request.history.clone());
    let mut app = app
        .with_program(request.program.clone())
        .with_morning_question(request.morning.clone())
        .with_run_morning_question(request.run_morning.clone())
        .with_preset_answers(request.answers.clone());
    let mut terminal = Terminal::new(ScreenBackend::new(request.width, request.height))
        .map_err(io::Error::other)?;
    let mut input = ScriptedInput::new(request);
    let mut screens = Vec::new();
    super::run(
        &mut terminal,
        &mut app,
        &mut input,
        &mut Outputs {
            cues: sink,
            history,
        },
        &mut |terminal, now| {
            screens.push((now.as_millis(), terminal.backend().buffer().clone()));
        },
    )?;
    // Captures after the app quit show its last screen.
    let last = terminal.backend().buffer().clone();
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
