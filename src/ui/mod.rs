//! Rendering: read-only views of the app's state. [`View`] is the whole screen; the runtime, above
//! this layer, draws it each frame (the app below never draws).

mod big_digits;
mod check;
mod check_group;
mod done;
mod exercises;
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
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::keymap::Hint;
use crate::app::{App, Overlay, Screen};

/// The whole screen for the app's state as it is now.
#[derive(Clone, Copy)]
pub struct View<'a>(pub &'a App);

impl Widget for View<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        // The theme's own background and text colour under everything (nothing without colour).
        buf.set_style(area, theme::of(app).base());
        let (min_width, min_height) = match &app.screen {
            Screen::Player(_) => player::MIN_SIZE,
            _ => (30, 8),
        };
        if area.width < min_width || area.height < min_height {
            too_small(area, min_width, min_height, buf);
            return;
        }
        match &app.screen {
            Screen::Library(screen) => library::render(app, screen, area, buf),
            Screen::Preview {
                routine, scroll, ..
            } => {
                preview::render(app, routine, scroll, area, buf);
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
        match app.overlay {
            Some(Overlay::Help) => overlay::help(app, area, buf),
            Some(Overlay::ConfirmQuit) => overlay::confirm_quit(app, area, buf),
            Some(Overlay::SessionPain) => overlay::session_pain(app, area, buf),
            Some(Overlay::Morning) => overlay::morning(app, area, buf),
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

/// A notice (what went wrong, if anything), then the screen's key hints in their table's order. When
/// they do not all fit, the ones in the middle go first: the first (the screen's main key), quit or
/// back, and help are kept longest.
fn footer(app: &App, notice: Option<&str>, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let hints: &[Hint] = &app.footer_hints();
    let width = usize::from(area.width);
    let cost =
        |shown: &str, does: &str| 3 + crate::text::width(shown) + 1 + crate::text::width(does);
    let mut used = notice.map_or(0, |text| cost("!", text) - 3);
    let last = hints.len().saturating_sub(1);
    let kept_longest = |index: usize, hint: &Hint| {
        index == 0 || matches!(hint.shown, "?" | "q" | "esc")
    } || index == last;
    let mut keep = vec![false; hints.len()];
    let by_priority = hints
        .iter()
        .enumerate()
        .filter(|(i, h)| kept_longest(*i, h))
        .chain(
            hints
                .iter()
                .enumerate()
                .filter(|(i, h)| !kept_longest(*i, h)),
        );
    for (index, hint) in by_priority {
        let needed = cost(hint.shown, hint.does) - usize::from(used == 0) * 3;
        if used + needed <= width {
            keep[index] = true;
            used += needed;
        }
    }
    let mut spans: Vec<Span<'_>> = Vec::new();
    let shown = hints
        .iter()
        .zip(&keep)
        .filter(|(_, kept)| **kept)
        .map(|(h, _)| (h.shown, h.does));
    for (key, action) in notice.map(|text| ("!", text)).into_iter().chain(shown) {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {action}")));
    }
    Line::from(spans).render(area, buf);
}

#[cfg(test)]
mod key_tables;
