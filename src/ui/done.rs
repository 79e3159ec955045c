//! The summary after a routine: time, what was done, what was skipped.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{footer, theme};
use crate::app::{App, PlayerScreen};
use crate::duration::format_clock;
use crate::engine::Summary;

pub(super) fn render(app: &App, player: &PlayerScreen, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let record = player.session.record();
    let plan = player.session.plan();
    let [body, keys] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);

    let summary = Summary::of(record, plan);

    // Why the history could not be written: then nothing "counts" in it, and the runner is told.
    let unsaved = app.history().unsaved();
    let (title, headline) = match (summary.finished, unsaved) {
        (true, _) => (" Well done! ", "Routine complete."),
        (false, Some(_)) => (" Stopped ", "Routine stopped early."),
        (false, None) => (
            " Stopped ",
            "Routine stopped early. What you did still counts.",
        ),
    };
    let mut lines = vec![
        Line::styled(player.routine.name.as_str(), theme.title()),
        Line::raw(headline),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Time      ", theme.dim()),
            Span::raw(format_clock(record.active_ms())),
            Span::styled(
                if record.paused_ms > 0 {
                    format!("  (plus {} paused)", format_clock(record.paused_ms))
                } else {
                    String::new()
                },
                theme.dim(),
            ),
        ]),
        Line::from(vec![
            Span::styled("Steps     ", theme.dim()),
            Span::raw(format!(
                "{} of {} done",
                summary.steps_done,
                player.routine.steps.len()
            )),
        ]),
        Line::from(vec![
            Span::styled("Skipped   ", theme.dim()),
            Span::raw(skipped_words(summary.skipped, summary.exercises_skipped)),
        ]),
    ];
    if summary.extended > 0 {
        lines.push(Line::from(vec![
            Span::styled("Adjusted  ", theme.dim()),
            Span::raw(format!(
                "{} with +/-",
                crate::text::count(summary.extended, "segment", "segments")
            )),
        ]));
    }
    if record.pauses > 0 {
        lines.push(Line::from(vec![
            Span::styled("Pauses    ", theme.dim()),
            Span::raw(record.pauses.to_string()),
        ]));
    }
    if let Some(problem) = unsaved {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "This session could not be saved: {}",
                crate::text::printable(problem)
            ),
            theme.caution(),
        ));
    }
    Paragraph::new(lines)
        .block(Block::bordered().title(Span::styled(title, theme.title())))
        .wrap(Wrap { trim: true })
        .render(body, buf);
    footer(app, None, keys, buf);
}

/// "none", "1 segment (an exercise)", "3 segments (2 exercises)".
fn skipped_words(all: usize, exercises: usize) -> String {
    match (all, exercises) {
        (0, _) => "nothing".to_owned(),
        (1, 1) => "1 segment (an exercise)".to_owned(),
        (1, _) => "1 segment (a rest or switch)".to_owned(),
        (n, 1) => format!("{n} segments (1 exercise)"),
        (n, e) => format!("{n} segments ({e} exercises)"),
    }
}
