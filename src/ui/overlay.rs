//! Boxes drawn over a screen: help, "quit this routine?" and a program's two pain questions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::theme::{self, Theme};
use crate::app::App;

/// Clears the box's room, back to the theme's background.
fn clear(theme: Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    buf.set_style(area, theme.base());
}

fn popup(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

/// Every key of the screen, from its key table (the same one its handler and footer use).
pub(super) fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let keys = app.help_hints();
    let mut lines: Vec<Line<'_>> = keys
        .iter()
        .map(|hint| {
            Line::from(vec![
                Span::styled(format!("{:>10}  ", hint.shown), theme.key()),
                Span::raw(hint.help),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Any key closes this help.", theme.dim()));
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = popup(area, 64, height);
    clear(theme, area, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(Span::styled(" Keys ", theme.title())))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// "Stop this routine?", with the keys of its table.
pub(super) fn confirm_quit(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let lines = vec![Line::raw("Stop this routine? What you did is kept.")];
    question(
        app,
        popup(area, 44, 5),
        lines,
        Span::styled(" Quit? ", theme.caution()),
        buf,
    );
}

/// The one question after a program session.
pub(super) fn session_pain(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let typed = app.session_pain_typed();
    let shown = if typed.is_empty() { "_" } else { typed };
    let lines = vec![
        Line::raw("How much did it hurt during this session? 0-10"),
        Line::from(vec![
            Span::raw("Pain: "),
            Span::styled(format!("{shown:>2}"), theme.title()),
            Span::raw(" /10, then enter"),
        ]),
        Line::raw(gate_words(app)),
    ];
    let title = Span::styled(" Session pain ", theme.title());
    question(app, popup(area, 50, 7), lines, title, buf);
}

/// The one question the morning after a program session.
pub(super) fn morning(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let session = app.morning_asked().map_or_else(String::new, |ask| {
        let name = app
            .library()
            .find(&ask.routine)
            .map_or(ask.routine.as_str(), |r| r.name.as_str());
        format!(
            "Yesterday: {} ({})",
            crate::text::printable(name),
            app.history().calendar().date(ask.started_at)
        )
    });
    let lines = vec![
        Line::styled(session, theme.dim()),
        Line::raw("Compared with before that session, your back this morning is:"),
    ];
    let title = Span::styled(" This morning ", theme.title());
    question(app, popup(area, 66, 6), lines, title, buf);
}

/// The one question the morning after a spike run, naming the run: "Yesterday, Mon 9 Mar: a 14.2
/// km run, 35% longer than your longest in the 30 days before it."
pub(super) fn run_morning(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let run = app
        .run_morning_asked()
        .map_or_else(String::new, run_morning_words);
    let lines = vec![
        Line::styled(run, theme.dim()),
        Line::raw("Compared with before that run, your back this morning is:"),
    ];
    let title = Span::styled(" This morning ", theme.title());
    // The run's line takes two rows in the box; more on a narrow terminal.
    let height = if area.width < 70 { 8 } else { 6 };
    question(app, popup(area, 66, height), lines, title, buf);
}

/// The run a morning question is about, in one sentence.
pub(super) fn run_morning_words(ask: &crate::history::run_view::RunMorningAsk) -> String {
    use crate::runs::warning::{LongRun, words::km};
    let how_much = match &ask.warning {
        LongRun::MoreThanTwice { .. } => {
            "more than twice as long as your longest in the 30 days before it".to_owned()
        }
        LongRun::Spike { percent, .. } => {
            format!("{percent}% longer than your longest in the 30 days before it")
        }
        LongRun::FirstInThirtyDays => "your first in over 30 days".to_owned(),
    };
    format!(
        "Yesterday, {}: a {} run, {how_much}.",
        ask.date.strftime("%a %-d %b"),
        km(ask.distance_m)
    )
}

/// A box asking one question: its lines, then the keys of the overlay's table on one line.
fn question(app: &App, area: Rect, mut lines: Vec<Line<'_>>, title: Span<'_>, buf: &mut Buffer) {
    let theme = theme::of(app);
    clear(theme, area, buf);
    let mut keys = Vec::new();
    for hint in app.footer_hints() {
        keys.push(Span::styled(hint.shown, theme.key()));
        keys.push(Span::raw(format!(" {}   ", hint.does)));
    }
    lines.push(Line::from(keys));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(Block::bordered().title(title))
        .render(area, buf);
}

/// What the answer does, by the active program's gate: "0-3 go on · 4-5 hold · above 5 step back".
fn gate_words(app: &App) -> String {
    let gate = app.standing().map(|s| s.program.gate).unwrap_or_default();
    format!(
        "0-{} go on · {}-{} hold · above {} step back",
        gate.green,
        gate.green + 1,
        gate.amber,
        gate.amber
    )
}
