//! The Today screen: the active program's week and level (and why it moved), what is due today at
//! this level, a long-run spike of the last days, this week done against planned, the state in
//! words, the latest check.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::footer;
use super::theme::{self, Theme};
use crate::app::App;
use crate::calendar::date_of;
use crate::program::judge::words::{day_words, level_reason};
use crate::program::judge::{PauseCause, RestCause};
use crate::program::standing::Standing;
use crate::program::{REST_DAYS, State};
use crate::text::printable;

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let [header, body, keys] = super::title_body_footer(area);
    footer(app, None, keys, buf);
    let Some(standing) = app.standing() else {
        Line::styled("limberup · today", theme.title()).render(header, buf);
        return;
    };
    Line::styled(
        format!("limberup · today · {}", printable(&standing.program.name)),
        theme.title(),
    )
    .render(header, buf);
    let mut lines = vec![week_line(standing, theme), Line::raw("")];
    for (index, words) in state_words(standing).into_iter().enumerate() {
        let style = if index == 0 {
            theme.title()
        } else {
            theme.caution()
        };
        lines.push(Line::styled(words, style));
    }
    lines.push(Line::raw(""));
    lines.extend(due_lines(app, standing));
    lines.extend(super::today_spike::lines(app, theme));
    lines.push(Line::raw(""));
    let status = &standing.status;
    lines.push(Line::raw(if status.state == State::Scheduled {
        format!("Week 1 plans {} sessions", status.planned_this_week)
    } else {
        format!(
            "This week: {} of {} sessions done",
            status.done_this_week, status.planned_this_week
        )
    }));
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

/// "Week 2 of 4 · level 1 (up: last week green, 5 of 5 sessions done, pain at most 2/10)".
fn week_line(standing: &Standing, theme: Theme) -> Line<'static> {
    let status = &standing.status;
    let again = if status.repeat { " again" } else { "" };
    let why = match status.last_week() {
        Some(last) if status.repeat && status.state != State::Finished => format!(
            "week {} again: last week was {}, {}",
            status.week,
            last.verdict.as_str(),
            last.reason
        ),
        // The state line says when and from which level.
        _ if status.resumed.is_some() => "resumed one level lower after the pause".to_owned(),
        _ => level_reason(status),
    };
    Line::from(vec![
        Span::styled(
            format!(
                "Week {} of {}{again} · level {}",
                status.week, standing.program.weeks, status.level
            ),
            theme.title(),
        ),
        Span::raw(format!(" ({})", printable(&why))),
    ])
}

/// The state in words, with what caused it, then its advice.
fn state_words(standing: &Standing) -> Vec<String> {
    let status = &standing.status;
    let on = |day| day_words(day);
    let said = match (status.state, &status.pause, &status.rest) {
        (State::Scheduled, _, _) => format!(
            "Starts on {}: nothing is due until then.",
            on(status.starts_on)
        ),
        (State::Finished, _, _) => format!(
            "Finished: all {} weeks done, ending at level {}.",
            standing.program.weeks, status.level
        ),
        (State::Paused, Some(pause), _) => match &pause.cause {
            PauseCause::Check(check) => format!(
                "Paused: the pain check on {} said {}. Nothing is due.",
                on(check.day),
                check.level.title()
            ),
            PauseCause::TwoRedWeeks => "Paused after two red weeks. Nothing is due.".to_owned(),
            PauseCause::TooLong => format!(
                "Paused: {} weeks went by without finishing. Nothing is due.",
                standing.program.max_weeks
            ),
        },
        (State::RestDays, _, Some(RestCause::SessionPain { day, pain })) => format!(
            "A rest day: the session on {} hurt {pain}/10. The gentle routine instead.",
            on(*day)
        ),
        (State::RestDays, _, Some(RestCause::Check(check))) => format!(
            "Rest days after the self-care check on {}: the gentle routine instead, until {}.",
            on(check.day),
            on(check.day + REST_DAYS - 1)
        ),
        _ => match &status.resumed {
            Some(resumed) => format!(
                "Resumed on {} one level lower: level {} (it paused at level {}).",
                on(resumed.day),
                resumed.level,
                resumed.from_level
            ),
            None => "On plan: do what is due; each good week adds a little.".to_owned(),
        },
    };
    let mut words = vec![said];
    words.extend(
        status
            .advice
            .as_deref()
            .map(|advice| printable(advice).into_owned()),
    );
    if let Some(pain) = status.ask_check {
        words.push(format!(
            "Your last session hurt {pain}/10: take the pain check (c)"
        ));
    }
    words
}

fn due_lines(app: &App, standing: &Standing) -> Vec<Line<'static>> {
    if standing.due.is_empty() {
        return vec![Line::raw("Nothing due today.")];
    }
    let mut lines = vec![Line::raw("Due today:")];
    for (index, due) in standing.due.iter().enumerate() {
        let name = app
            .library()
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
