//! Rendering: read-only views of the app's state. [`View`] is the whole screen; the runtime, above
//! this layer, draws it each frame (the app below never draws).

mod big_digits;
mod check;
mod check_group;
mod done;
mod exercises;
mod footer;
mod history;
mod history_program;
mod library;
mod overlay;
mod player;
mod player_panel;
mod preview;
mod runs;
pub mod theme;
mod today;
mod today_spike;
mod widgets;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Overlay, Screen};
use footer::footer;

/// The whole screen for the app's state as it is now.
#[derive(Clone, Copy)]
pub struct View<'a>(pub &'a App);

impl Widget for View<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        // The theme's own background and text colour under everything (nothing without colour).
        buf.set_style(area, theme::of(app).base());
        let (min_width, min_height) = match &app.screen() {
            Screen::Player(_) => player::MIN_SIZE,
            _ => (30, 8),
        };
        if area.width < min_width || area.height < min_height {
            too_small(area, min_width, min_height, buf);
            return;
        }
        match &app.screen() {
            Screen::Library(screen) => library::render(app, screen, area, buf),
            Screen::Preview(screen) => {
                preview::render(app, &screen.routine, &screen.scroll, area, buf);
            }
            Screen::Player(player) => player::render(app, player, area, buf),
            Screen::Done(player) => done::render(app, player, area, buf),
            Screen::Check(form) => check::render_form(app, form, area, buf),
            Screen::CheckResult(result) => check::render_result(app, result, area, buf),
            Screen::History => history::render(app, area, buf),
            Screen::Runs => runs::render(app, area, buf),
            Screen::Today => today::render(app, area, buf),
            Screen::Exercises(screen) => exercises::render(app, screen, area, buf),
        }
        match app.overlay() {
            Some(Overlay::Help) => overlay::help(app, area, buf),
            Some(Overlay::ConfirmQuit) => overlay::confirm_quit(app, area, buf),
            Some(Overlay::SessionPain) => overlay::session_pain(app, area, buf),
            Some(Overlay::Morning) => overlay::morning(app, area, buf),
            Some(Overlay::RunMorning) => overlay::run_morning(app, area, buf),
            None => {}
        }
    }
}

/// A screen's title row, its body and its footer row.
fn title_body_footer(area: Rect) -> [Rect; 3] {
    ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Min(4),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(area)
}

/// A clear message instead of a broken layout; wraps down to any size, even 1x1.
fn too_small(area: Rect, min_width: u16, min_height: u16, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small: {}x{}. Make it at least {min_width}x{min_height}.",
        area.width, area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .centered()
        .render(area, buf);
}

#[cfg(test)]
mod footers_80x24;
#[cfg(test)]
mod key_tables;
