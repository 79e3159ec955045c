//! The player: what to do now, how long is left, what comes next.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, LineGauge, Paragraph, Widget, Wrap};

use super::{big_digits, footer, theme};
use crate::app::{App, CUE_FLASH_MS, PlayerScreen};
use crate::duration::{format_clock, format_human};
use crate::engine::Millis;
use crate::plan::{Segment, SegmentKind};
use crate::routine::{Routine, Step};

pub const MIN_SIZE: (u16, u16) = (30, 10);

/// How long each coaching cue stays before the next one shows.
const CUE_ROTATION_MS: Millis = 8_000;

pub fn render(app: &App, player: &PlayerScreen, area: Rect, buf: &mut Buffer) {
    let session = &player.session;
    let Some(segment) = session.current() else {
        return;
    };
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
        app.muted,
        session.is_paused(),
        header,
        buf,
    );
    render_panel(app, player, segment, main, buf);
    render_up_next(player, next, buf);

    let (position, total) = session.routine_progress(app.now);
    let label = format!("{} / {}", format_clock(position), format_clock(total));
    gauge(ratio(position, total), label, theme::title(), progress, buf);

    footer(app.sound_problem.as_deref(), &app.footer_hints(), keys, buf);
}

fn render_header(
    routine: &Routine,
    segment: &Segment,
    muted: bool,
    paused: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut right = Vec::new();
    if paused {
        right.push(Span::styled("PAUSED", theme::caution()));
    }
    if muted {
        right.push(Span::styled("MUTED", theme::dim()));
    }
    if let Some(step) = segment.step {
        right.push(Span::raw(format!("step {step}/{}", routine.steps.len())));
    }
    if routine.rounds > 1 {
        if let Some(round) = segment.round {
            right.push(Span::raw(format!("round {round}/{}", routine.rounds)));
        }
    }
    let mut spans = Vec::new();
    for (i, span) in right.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        spans.push(span);
    }
    let right = Line::from(spans);
    let right_width = u16::try_from(right.width())
        .unwrap_or(area.width)
        .min(area.width);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
    Line::styled(routine.name.as_str(), theme::title()).render(left_area, buf);
    right.right_aligned().render(right_area, buf);
}

/// The step a segment shows: its own for an exercise or switch, the coming one for rests and get-ready.
fn featured_step<'a>(player: &'a PlayerScreen, segment: &Segment) -> Option<&'a Step> {
    let shown = match segment.kind {
        SegmentKind::Exercise | SegmentKind::Switch => segment,
        _ => player.session.plan().segments[segment.index + 1..]
            .iter()
            .find(|s| s.kind == SegmentKind::Exercise)?,
    };
    shown.step.and_then(|n| player.routine.steps.get(n - 1))
}

/// `WORK`, or a rest's or switch's name: the usual words ("REST BETWEEN SETS") or the coach's own.
fn panel_title(segment: &Segment) -> String {
    match segment.kind {
        SegmentKind::Exercise => theme::segment_label(segment.kind).to_owned(),
        _ => segment.name.to_uppercase(),
    }
}

fn render_panel(app: &App, player: &PlayerScreen, segment: &Segment, area: Rect, buf: &mut Buffer) {
    let session = &player.session;
    let color = theme::segment_color(segment.kind);
    let mut block = Block::bordered()
        .border_type(theme::segment_border(segment.kind))
        .border_style(Style::new().fg(color))
        .title(Span::styled(
            format!(" {} ", panel_title(segment)),
            Style::new().fg(color).add_modifier(Modifier::BOLD),
        ));
    if let Some((cue, at)) = app.last_cue {
        if app.now < at + CUE_FLASH_MS && !session.is_paused() {
            // Without sound the cue must catch the eye instead: the panel's border lights up.
            let silent = app.muted || app.sound_problem.is_some();
            let label = if silent {
                format!(" ♪ {} ", cue.as_str().to_uppercase())
            } else {
                format!(" ♪ {} ", cue.as_str())
            };
            block = block.title(Line::styled(label, theme::title()).right_aligned());
            if silent {
                block = block.border_style(Style::new().fg(color).add_modifier(Modifier::REVERSED));
            }
        }
    }
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }

    let featured = featured_step(player, segment);
    let heading = heading_line(player, segment, featured);
    let elapsed = session.elapsed_in_segment(app.now);
    let clock_text = match session.remaining_in_segment(app.now) {
        Some(remaining) => format_clock(remaining.div_ceil(1000) * 1000),
        None => format_clock(elapsed),
    };
    let details = Paragraph::new(detail_text(segment, featured, elapsed)).wrap(Wrap { trim: true });
    let details_height = u16::try_from(details.line_count(inner.width)).unwrap_or(u16::MAX);

    // Words before size: the digits get only what the heading, the gauge, two blank lines and every
    // line of instructions leave over; with too little room the clock is one plain line.
    let big_room = inner.height.saturating_sub(1 + 2 + 1 + details_height);
    let clock_area_probe = Rect::new(inner.x, inner.y, inner.width, big_room);
    let scale = big_digits::best_scale(&clock_text, clock_area_probe);
    let clock_height = scale.map_or(1, |s| big_digits::GLYPH_ROWS * s.y);

    let [heading_area, _, clock_area, _, gauge_area, details_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(scale.is_some())),
        Constraint::Length(clock_height),
        Constraint::Length(u16::from(scale.is_some())),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);

    Paragraph::new(heading).centered().render(heading_area, buf);
    let clock_style = if session.is_paused() {
        theme::dim()
    } else {
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    };
    match scale {
        Some(scale) => big_digits::render(&clock_text, scale, clock_style, clock_area, buf),
        None => Line::styled(clock_text.clone(), clock_style)
            .centered()
            .render(clock_area, buf),
    }
    let (done_ratio, mut gauge_label) = match session.length() {
        Some(length) => (
            ratio(elapsed, length),
            format!("{} left", format_human(length.saturating_sub(elapsed))),
        ),
        None => (0.0, format!("{} so far", format_human(elapsed))),
    };
    if session.is_paused() {
        // Said here rather than on a line of its own, so pausing never moves the layout.
        gauge_label = format!("PAUSED (space to carry on) · {gauge_label}");
    }
    gauge(
        done_ratio,
        gauge_label,
        Style::new().fg(color),
        gauge_area,
        buf,
    );
    details.render(details_area, buf);
}

/// "THORACIC ROTATION · LEFT SIDE · set 1/3 · 12 reps", or for rests what comes next.
fn heading_line<'a>(
    player: &PlayerScreen,
    segment: &'a Segment,
    featured: Option<&'a Step>,
) -> Line<'a> {
    let mut parts: Vec<Span<'a>> = Vec::new();
    match segment.kind {
        SegmentKind::Exercise => {
            parts.push(Span::styled(segment.name.to_uppercase(), theme::title()));
            if let Some(side) = segment.side {
                parts.push(Span::styled(
                    format!("{} SIDE", side.label()),
                    theme::caution(),
                ));
            }
            if segment.sets > 1 {
                if let Some(set) = segment.set {
                    parts.push(Span::raw(format!("set {set}/{}", segment.sets)));
                }
            }
            if let Some(reps) = segment.reps {
                parts.push(Span::raw(format!("{reps} reps")));
            }
        }
        SegmentKind::Switch => {
            let next_side = player
                .session
                .plan()
                .segments
                .get(segment.index + 1)
                .and_then(|s| s.side)
                .map_or("the other side".to_owned(), |s| {
                    format!("{} SIDE", s.label())
                });
            parts.push(Span::styled(
                format!("Change to the {next_side}"),
                theme::title(),
            ));
        }
        _ => {
            let what = featured.map_or_else(|| "the end".to_owned(), |s| s.name.clone());
            parts.push(Span::styled(
                format!("Breathe. Next: {what}"),
                theme::title(),
            ));
        }
    }
    let mut spans = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::dim()));
        }
        spans.push(part);
    }
    Line::from(spans)
}

/// Instructions, the coaching cue of the moment, and the caution.
fn detail_text<'a>(segment: &Segment, featured: Option<&'a Step>, elapsed: Millis) -> Text<'a> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    if segment.kind == SegmentKind::Exercise && segment.length_ms.is_none() {
        let reps = segment.reps.unwrap_or(0);
        lines.push(Line::styled(
            format!("Do {reps} reps at your own pace, then press Enter."),
            theme::caution(),
        ));
    }
    let Some(step) = featured else {
        return Text::from(lines);
    };
    if let Some(caution) = &step.caution {
        lines.push(Line::from(vec![
            Span::styled("! ", theme::caution()),
            Span::styled(caution.as_str(), theme::caution()),
        ]));
    }
    if let Some(instructions) = &step.instructions {
        lines.push(Line::raw(instructions.as_str()));
    }
    if !step.cues.is_empty() && segment.kind == SegmentKind::Exercise {
        let index = usize::try_from(elapsed / CUE_ROTATION_MS).unwrap_or(0) % step.cues.len();
        lines.push(Line::from(vec![
            Span::styled("» ", theme::key()),
            Span::styled(
                step.cues[index].as_str(),
                Style::new().add_modifier(Modifier::ITALIC),
            ),
        ]));
    }
    Text::from(lines)
}

fn render_up_next(player: &PlayerScreen, area: Rect, buf: &mut Buffer) {
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
        Span::styled("Up next: ", theme::dim()),
        Span::raw(text),
    ])
    .render(area, buf);
}

fn gauge(ratio: f64, label: String, style: Style, area: Rect, buf: &mut Buffer) {
    LineGauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(label)
        .filled_style(style)
        .unfilled_style(theme::dim())
        .render(area, buf);
}

#[allow(clippy::cast_precision_loss)] // times under 4 h are exact in f64
fn ratio(part: Millis, whole: Millis) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
