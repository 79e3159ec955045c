//! A group screen of the pain check: numbered signs with their marks, drawn from the rows the form
//! works out (so what fits, what scrolls and what the keys allow always agree).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget};

use super::theme::Theme;
use crate::app::check::group::{Group, Mark, Row};
use crate::app::check::{CheckForm, FOOTNOTE};

pub(super) fn render(form: &CheckForm, group: Group, theme: Theme, area: Rect, buf: &mut Buffer) {
    let rows = form.group_rows(FOOTNOTE);
    let mut block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Span::styled(format!(" {} ", group.title()), theme.title()));
    let height = usize::from(area.height.saturating_sub(2));
    if rows.len() > height {
        let below = form.offset + height < rows.len();
        let hint = if below { " ↓ more: j " } else { " ↑ k " };
        block = block.title_bottom(Line::from(hint).right_aligned());
    }
    let lines: Vec<Line<'static>> = rows
        .into_iter()
        .skip(form.offset)
        .map(|row| match row {
            Row::Question(text) => Line::styled(text, theme.title()),
            Row::Blank => Line::raw(""),
            Row::Sign { index, text, .. } => {
                let mark = form.marks.get(index).copied().unwrap_or_default();
                let style = match mark {
                    Mark::Unmarked => Style::new(),
                    Mark::Yes | Mark::NotSure => theme.selected(),
                };
                Line::styled(text, style)
            }
            Row::Footnote(text) => Line::styled(text, theme.dim()),
        })
        .collect();
    Paragraph::new(lines).block(block).render(area, buf);
}
