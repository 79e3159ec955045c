//! The footer: a notice, then as many of the screen's keys as fit, by their priority.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme;
use crate::app::App;
use crate::app::keymap::{Hint, Priority};

/// A notice (what went wrong, if anything), then the screen's key hints in their table's order. When
/// they do not all fit, the footer is filled by priority (`?` first, then the way out, the screen's
/// own keys, and the keys a newcomer tries anyway last), in table order within one priority: the
/// lowest go first and `?` is never dropped.
pub(super) fn footer(app: &App, notice: Option<&str>, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let hints: &[Hint] = &app.footer_hints();
    let keep = fitting(hints, notice, usize::from(area.width));
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

/// Which hints the footer keeps in `width` cells after the notice: by priority, highest first,
/// each one that still fits (`?` whatever the width).
fn fitting(hints: &[Hint], notice: Option<&str>, width: usize) -> Vec<bool> {
    // Each entry is " · " (3 cells) before all but the first, the key, a space and the words.
    let cost =
        |shown: &str, does: &str| 3 + crate::text::width(shown) + 1 + crate::text::width(does);
    let mut used = notice.map_or(0, |text| cost("!", text) - 3);
    let mut by_priority: Vec<usize> = (0..hints.len()).collect();
    by_priority.sort_by_key(|&index| std::cmp::Reverse(hints[index].priority));
    let mut keep = vec![false; hints.len()];
    for index in by_priority {
        let hint = &hints[index];
        let needed = cost(hint.shown, hint.does) - usize::from(used == 0) * 3;
        if used + needed <= width || hint.priority == Priority::Always {
            keep[index] = true;
            used += needed;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(shown: &'static str, does: &'static str, priority: Priority) -> Hint {
        Hint {
            shown,
            does,
            help: "",
            priority,
        }
    }

    fn kept(hints: &[Hint], notice: Option<&str>, width: usize) -> Vec<&'static str> {
        let keep = fitting(hints, notice, width);
        hints
            .iter()
            .zip(keep)
            .filter(|(_, kept)| *kept)
            .map(|(h, _)| h.shown)
            .collect()
    }

    fn table() -> [Hint; 5] {
        [
            hint("enter", "open", Priority::Low),
            hint("h", "history", Priority::Normal),
            hint("e", "exercises", Priority::Normal),
            hint("?", "help", Priority::Always),
            hint("q", "quit", Priority::High),
        ]
    }

    #[test]
    fn a_footer_wide_enough_keeps_every_key() {
        assert_eq!(kept(&table(), None, 80), ["enter", "h", "e", "?", "q"]);
    }

    #[test]
    fn the_lowest_priority_goes_first_and_the_others_keep_their_order() {
        // "h history · e exercises · ? help · q quit" is 42 cells.
        assert_eq!(kept(&table(), None, 42), ["h", "e", "?", "q"]);
    }

    #[test]
    fn help_stays_however_narrow_the_footer() {
        assert_eq!(kept(&table(), None, 3), ["?"]);
        assert_eq!(kept(&table(), Some("no sound device"), 10), ["?"]);
    }
}
