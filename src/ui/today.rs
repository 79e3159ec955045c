//! The Today screen: the active program's week and level (and why it moved), what is due today at
//! this level, this week done against planned, the state in words, the latest check.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::footer;
use super::theme::{self, Theme};
use crate::app::App;
use crate::app::today::Standing;
use crate::calendar::date_of;
use crate::program::judge::Verdict;
use crate::program::{REST_DAYS, State};
use crate::text::printable;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(1),
    ])
    .areas(area);
    footer(app, None, keys, buf);
    let Some(standing) = &app.program else {
        Line::styled("limberup · today", theme.title()).render(header, buf);
        return;
    };
    Line::styled(
        format!("limberup · today · {}", printable(&standing.program.name)),
        theme.title(),
    )
    .render(header, buf);
    let mut lines = vec![week_line(standing, theme), Line::raw("")];
    lines.push(Line::styled(state_words(standing), theme.title()));
    lines.push(Line::raw(""));
    lines.extend(due_lines(app, standing));
    lines.push(Line::raw(""));
    let status = &standing.status;
    lines.push(Line::raw(format!(
        "This week: {} of {} sessions done",
        status.done_this_week, status.planned_this_week
    )));
    lines.push(Line::raw(match &status.latest_check {
        Some(check) => format!(
            "Latest check: {} on {}",
            check.level.as_str(),
            date_of(check.day)
        ),
        None => "Latest check: none yet (c takes one)".to_owned(),
    }));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered())
        .render(body, buf);
}

/// "Week 2 of 4 · level 1 (up: last week green, 5 of 5 sessions done, pain at most 3/10)".
fn week_line(standing: &Standing, theme: Theme) -> Line<'static> {
    let status = &standing.status;
    let why = match status.last_week() {
        None => "the starting level".to_owned(),
        Some(last) => {
            let moved = match last.verdict {
                Verdict::Green => "up",
                Verdict::Amber => "held",
                Verdict::Red if last.level == 0 => "held at the lowest",
                Verdict::Red => "down",
            };
            format!(
                "{moved}: last week {}, {}",
                last.verdict.as_str(),
                last.reason
            )
        }
    };
    Line::from(vec![
        Span::styled(
            format!(
                "Week {} of {} · level {}",
                status.week, standing.program.weeks, status.level
            ),
            theme.title(),
        ),
        Span::raw(format!(" ({why})")),
    ])
}

/// The state in words, with the check behind it.
fn state_words(standing: &Standing) -> String {
    let status = &standing.status;
    let on = |day| date_of(day).strftime("%a %-d %b").to_string();
    match (status.state, &status.because) {
        (State::Finished, _) => format!(
            "Finished: all {} weeks done, ending at level {}. Start another with `limberup program start`.",
            standing.program.weeks, status.level
        ),
        (State::Paused, Some(check)) => format!(
            "Paused: the pain check on {} said {}. Nothing is due until a check says ok or self-care.",
            on(check.day),
            check.level.title()
        ),
        (State::RestDays, Some(check)) => format!(
            "Rest days after the self-care check on {}: the gentle routine instead, until {}.",
            on(check.day),
            on(check.day + REST_DAYS - 1)
        ),
        _ if status.not_started => "Not started yet: week 1 begins on its first day.".to_owned(),
        _ => "On plan: do what is due; each good week adds a little.".to_owned(),
    }
}

fn due_lines(app: &App, standing: &Standing) -> Vec<Line<'static>> {
    if standing.due.is_empty() {
        return vec![Line::raw("Nothing due today.")];
    }
    let mut lines = vec![Line::raw("Due today:")];
    for (index, due) in standing.due.iter().enumerate() {
        let name = app
            .library
            .find(&due.routine)
            .map_or_else(|| due.routine.clone(), |r| r.name.clone());
        let total = due
            .total
            .map_or_else(|| "?".to_owned(), crate::format::model::Total::label);
        let marker = if index == 0 { "▸ " } else { "  " };
        lines.push(Line::raw(format!(
            "{marker}{} · level {} · {total}",
            printable(&name),
            due.level
        )));
    }
    lines
}
