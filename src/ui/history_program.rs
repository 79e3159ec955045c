//! The history screen's program view: the active program's level and adherence week by week (done
//! against planned, and how each finished week was judged).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::program::standing::Standing;
use crate::program::{State, Verdict};
use crate::text::printable;

/// Rows the view takes: a line a week so far, and its borders.
pub(super) fn height(standing: &Standing) -> u16 {
    u16::try_from(lines(standing).len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
}

pub(super) fn render(standing: &Standing, area: Rect, buf: &mut Buffer) {
    let title = format!(" {} · week by week ", printable(&standing.program.name));
    Paragraph::new(lines(standing))
        .block(Block::bordered().title(title))
        .render(area, buf);
}

fn verdict_color(verdict: Verdict) -> Color {
    match verdict {
        Verdict::Green => Color::Green,
        Verdict::Amber => Color::Yellow,
        Verdict::Red => Color::LightRed,
    }
}

/// "Week 1  level 0  5/5  green: every session within the gate", then this week so far.
fn lines(standing: &Standing) -> Vec<Line<'static>> {
    let status = &standing.status;
    let mut lines: Vec<Line<'static>> = status
        .judged
        .iter()
        .map(|week| {
            Line::from(vec![
                Span::raw(format!(
                    "Week {:<2} level {:<2} {}/{} done  ",
                    week.week, week.level, week.done, week.planned
                )),
                if week.judged {
                    Span::styled(
                        week.verdict.as_str(),
                        Style::new().fg(verdict_color(week.verdict)),
                    )
                } else {
                    Span::raw("held")
                },
                Span::raw(format!(": {}", week.reason)),
            ])
        })
        .collect();
    if status.state == State::Scheduled {
        lines.push(Line::raw("Not started yet."));
    } else if status.state != State::Finished {
        lines.push(Line::raw(format!(
            "Week {:<2} level {:<2} {}/{} done  this week, so far",
            status.week, status.level, status.done_this_week, status.planned_this_week
        )));
    }
    lines
}
