//! Rendering: read-only views of the app's state (`impl Widget for &App`).

mod big_digits;
mod check;
mod done;
mod history;
mod library;
mod overlay;
mod player;
mod preview;
mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::{App, Overlay, Screen};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (min_width, min_height) = match &self.screen {
            Screen::Player(_) => player::MIN_SIZE,
            _ => (30, 8),
        };
        if area.width < min_width || area.height < min_height {
            too_small(area, min_width, min_height, buf);
            return;
        }
        match &self.screen {
            Screen::Library(screen) => library::render(self, screen, area, buf),
            Screen::Preview { routine, scroll } => preview::render(routine, *scroll, area, buf),
            Screen::Player(player) => player::render(self, player, area, buf),
            Screen::Done(player) => done::render(self, player, area, buf),
            Screen::Check(form) => check::render_form(form, area, buf),
            Screen::CheckResult(result) => check::render_result(self, result, area, buf),
            Screen::History => history::render(self, area, buf),
        }
        match self.overlay {
            Some(Overlay::Help) => overlay::help(&self.screen, area, buf),
            Some(Overlay::ConfirmQuit) => overlay::confirm_quit(area, buf),
            None => {}
        }
    }
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

/// Key hints that fit the width, most important first: `space pause · n next · …`.
fn footer(hints: &[(&str, &str)], area: Rect, buf: &mut Buffer) {
    let mut spans: Vec<Span<'_>> = Vec::new();
    let mut used = 0_usize;
    let width = usize::from(area.width);
    for (key, action) in hints {
        let separator = if spans.is_empty() { 0 } else { 3 };
        let needed = separator + crate::text::width(key) + 1 + crate::text::width(action);
        if used + needed > width {
            break;
        }
        if separator > 0 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        spans.push(Span::styled(*key, theme::key()));
        spans.push(Span::raw(format!(" {action}")));
        used += needed;
    }
    Line::from(spans).render(area, buf);
}
