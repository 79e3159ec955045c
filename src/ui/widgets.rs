//! Small widgets more than one view draws: the one-line progress gauge and text that scrolls.

use std::marker::PhantomData;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, LineGauge, Paragraph, StatefulWidget, Widget, Wrap};

use super::theme::Theme;
use crate::app::Scroll;
use crate::engine::Millis;

/// Wrapped lines in a block, scrolled by a [`Scroll`]: the block says " ↓ more " (with the key
/// that scrolls, when given) at its bottom while lines are hidden below. The render tells the
/// scroll how tall the text is at this width, so the keys stop at its end.
///
/// The state is a shared `&Scroll`: views get the app read-only, and a scroll keeps its numbers in
/// `Cell`s for this.
pub(super) struct ScrolledText<'a, 's> {
    lines: Vec<Line<'a>>,
    block: Block<'a>,
    key: Option<&'static str>,
    /// Rows at the top of the block's inside that are not the text's (a figure above it).
    top: u16,
    state: PhantomData<&'s Scroll>,
}

impl<'a> ScrolledText<'a, '_> {
    pub(super) fn new(lines: Vec<Line<'a>>, block: Block<'a>) -> Self {
        Self {
            lines,
            block,
            key: None,
            top: 0,
            state: PhantomData,
        }
    }

    /// The key that scrolls down, named in the hint: " ↓ more: j ".
    #[must_use]
    pub(super) fn key(mut self, key: &'static str) -> Self {
        self.key = Some(key);
        self
    }

    /// The text starts `rows` below the top of the block's inside.
    #[must_use]
    pub(super) fn below(mut self, rows: u16) -> Self {
        self.top = rows;
        self
    }
}

impl<'s> StatefulWidget for ScrolledText<'_, 's> {
    type State = &'s Scroll;

    fn render(self, area: Rect, buf: &mut Buffer, scroll: &mut &'s Scroll) {
        let inner = self.block.inner(area);
        let top = self.top.min(inner.height);
        let text = Rect {
            y: inner.y + top,
            height: inner.height - top,
            ..inner
        };
        let paragraph = Paragraph::new(self.lines).wrap(Wrap { trim: false });
        let content = u16::try_from(paragraph.line_count(text.width)).unwrap_or(u16::MAX);
        let offset = scroll.fit(content, text.height);
        let block = if scroll.more_below() {
            let hint = self
                .key
                .map_or_else(|| " ↓ more ".to_owned(), |key| format!(" ↓ more: {key} "));
            self.block.title_bottom(Line::from(hint).right_aligned())
        } else {
            self.block
        };
        block.render(area, buf);
        paragraph.scroll((offset, 0)).render(text, buf);
    }
}

/// A one-line gauge; without colour, filled and unfilled are told apart by their characters.
pub(super) fn gauge(
    theme: Theme,
    ratio: f64,
    label: String,
    style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut gauge = LineGauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(label)
        .filled_style(style)
        .unfilled_style(theme.dim());
    if let Some((filled, unfilled)) = theme.gauge_symbols() {
        gauge = gauge.filled_symbol(filled).unfilled_symbol(unfilled);
    }
    gauge.render(area, buf);
}

#[allow(clippy::cast_precision_loss)] // times under 4 h are exact in f64
pub(super) fn ratio(part: Millis, whole: Millis) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: usize, scroll: &Scroll, key: Option<&'static str>) -> Vec<String> {
        let text: Vec<Line<'_>> = (1..=lines)
            .map(|n| Line::raw(format!("line {n}")))
            .collect();
        let area = Rect::new(0, 0, 20, 5);
        let mut buf = Buffer::empty(area);
        let mut widget = ScrolledText::new(text, Block::bordered());
        if let Some(key) = key {
            widget = widget.key(key);
        }
        widget.render(area, &mut buf, &mut &*scroll);
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn hidden_lines_below_are_named_with_the_key_until_the_end() {
        let mut scroll = Scroll::default();
        let shown = rows(5, &scroll, Some("j"));
        assert_eq!(shown[1], "│line 1            │");
        assert_eq!(shown[4], format!("└{} ↓ more: j ┘", "─".repeat(7)));
        scroll.down();
        scroll.down();
        assert!(
            !scroll.down(),
            "the last draw set the end: 5 lines in 3 rows"
        );
        let shown = rows(5, &scroll, Some("j"));
        assert_eq!(shown[3], "│line 5            │");
        assert_eq!(shown[4], "└──────────────────┘");
    }

    #[test]
    fn without_a_key_the_hint_is_just_more() {
        let shown = rows(9, &Scroll::default(), None);
        assert_eq!(shown[4], format!("└{} ↓ more ┘", "─".repeat(10)));
    }
}
