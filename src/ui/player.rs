//! The player: what to do now, how long is left, what comes next.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::footer;
use super::player_panel::render_panel;
use super::theme::{self, Theme};
use super::widgets::{gauge, ratio};
use crate::app::figures::{PLAYER_FIGURE_ROOM, has_room};
use crate::app::{App, PlayerScreen};
use crate::duration::{format_clock, format_human};
use crate::plan::Segment;
use crate::routine::Routine;

pub(super) const MIN_SIZE: (u16, u16) = (30, 10);

pub(super) fn render(app: &App, player: &PlayerScreen, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let session = &player.session;
    // Worked out once for the frame: the panel's words and figure read the same exercise.
    let Some(view) = app.player_view() else {
        return;
    };
    let segment = view.current;
    let [header, main, next, progress, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);

    render_header(
        &player.routine,
        segment,
        app.muted(),
        session.is_paused(),
        theme,
        header,
        buf,
    );
    let roomy = has_room((area.width, area.height), PLAYER_FIGURE_ROOM);
    render_panel(app, player, &view, roomy, main, buf);
    render_up_next(player, theme, next, buf);

    let (position, total) = session.routine_progress(app.now());
    let label = format!("{} / {}", format_clock(position), format_clock(total));
    gauge(
        theme,
        ratio(position, total),
        label,
        theme.title(),
        progress,
        buf,
    );

    footer(app, app.sound_problem(), keys, buf);
}

fn render_header(
    routine: &Routine,
    segment: &Segment,
    muted: bool,
    paused: bool,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut right = Vec::new();
    if paused {
        right.push(Span::styled("PAUSED", theme.caution()));
    }
    if muted {
        right.push(Span::styled("MUTED", theme.dim()));
    }
    if let Some(step) = segment.step {
        right.push(Span::raw(format!("step {step}/{}", routine.steps.len())));
    }
    if let Some(block) = &segment.block_round {
        right.push(Span::raw(format!(
            "{} {}/{}",
            block.block, block.round, block.rounds
        )));
    }
    if routine.rounds > 1 {
        if let Some(round) = segment.round {
            right.push(Span::raw(format!("round {round}/{}", routine.rounds)));
        }
    }
    let mut spans = Vec::new();
    for (i, span) in right.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(span);
    }
    let right = Line::from(spans);
    let right_width = u16::try_from(right.width())
        .unwrap_or(area.width)
        .min(area.width);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    Line::styled(routine.name.as_str(), theme.title()).render(left_area, buf);
    right.right_aligned().render(right_area, buf);
}

fn render_up_next(player: &PlayerScreen, theme: Theme, area: Rect, buf: &mut Buffer) {
    let text = match player.session.upcoming() {
        Some(next) => {
            let side = next
                .side
                .map_or(String::new(), |s| format!(" ({})", s.label()));
            let length = next
                .length_ms
                .map_or_else(|| format!("{} reps", next.reps.unwrap_or(0)), format_human);
            format!("{}{side} · {length}", next.name)
        }
        None => "the finish".to_owned(),
    };
    Line::from(vec![
        Span::styled("Up next: ", theme.dim()),
        Span::raw(text),
    ])
    .render(area, buf);
}
