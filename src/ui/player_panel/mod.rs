//! The player's panel: what to do, the countdown, its gauge and the words; from
//! [`crate::app::figures::PLAYER_FIGURE_ROOM`] up, the figure beside the countdown, digits scaled to the room, words kept to
//! a readable measure and, with width to spare, the next exercise.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

mod words;

use super::big_digits;
use super::theme::{self, Theme};
use super::widgets::{gauge, ratio};
use crate::app::figures::{FigureAt, PlayerView};
use crate::app::{App, CUE_FLASH_MS, PlayerScreen};
use crate::duration::{format_clock, format_human};
use crate::engine::Millis;
use crate::figure::FigureView;
use crate::plan::{Segment, SegmentKind};
use words::{detail_text, heading_line};

/// How long each coaching cue stays before the next one shows.
const CUE_ROTATION_MS: Millis = 8_000;
/// Words are kept to this many columns, however wide the terminal: lines stay easy to read.
const MEASURE: u16 = 70;
/// The next exercise shows beside the words when this many columns are left over.
const NEXT_MIN_WIDTH: u16 = 28;
/// The height of the box naming the next exercise when it has no figure: its border and two lines.
const NEXT_BOX_ROWS: u16 = 4;
/// A wide (lying) figure's band takes at most this share of the panel's height: the clock, the gauge
/// and the words keep the rest.
const WIDE_BAND_PERCENT: u16 = 45;

/// What the panel says, whatever its layout.
struct Words<'a> {
    heading: Line<'a>,
    clock_text: String,
    clock_style: Style,
    details: Paragraph<'a>,
    /// The segment's colour, for its gauge.
    color: Style,
    theme: Theme,
    elapsed: Millis,
}

/// `WORK`, or a rest's or switch's name: the usual words ("REST BETWEEN SETS") or the coach's own.
fn panel_title(segment: &Segment) -> String {
    match segment.kind {
        SegmentKind::Exercise => theme::segment_label(segment.kind).to_owned(),
        _ => segment.name.to_uppercase(),
    }
}

pub(super) fn render_panel(
    app: &App,
    player: &PlayerScreen,
    view: &PlayerView<'_>,
    roomy: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let session = &player.session;
    let segment = view.current;
    let theme = theme::of(app);
    let color = theme.segment(segment.kind);
    let mut block = Block::bordered()
        .border_type(theme::segment_border(segment.kind))
        .border_style(color)
        .title(Span::styled(
            format!(" {} ", panel_title(segment)),
            color.add_modifier(Modifier::BOLD),
        ));
    if let Some((cue, at)) = app.last_cue() {
        if app.now() < at.saturating_add(CUE_FLASH_MS) && !session.is_paused() {
            // Without sound the cue must catch the eye instead: the panel's border lights up.
            let silent = app.muted() || app.sound_problem().is_some();
            let label = if silent {
                format!(" ♪ {} ", cue.as_str().to_uppercase())
            } else {
                format!(" ♪ {} ", cue.as_str())
            };
            block = block.title(Line::styled(label, theme.title()).right_aligned());
            if silent {
                block = block.border_style(color.add_modifier(Modifier::REVERSED));
            }
        }
    }
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }

    let featured = view.step;
    let elapsed = session.elapsed_in_segment(app.now());
    let heading = heading_line(player, segment, featured, theme, elapsed);
    let clock_text = match session.remaining_in_segment(app.now()) {
        Some(remaining) => format_clock(remaining.div_ceil(1000) * 1000),
        None => format_clock(elapsed),
    };
    let details =
        Paragraph::new(detail_text(segment, featured, elapsed, theme)).wrap(Wrap { trim: true });
    let clock_style = if session.is_paused() {
        theme.dim()
    } else {
        color.add_modifier(Modifier::BOLD)
    };
    let words = Words {
        heading,
        clock_text,
        clock_style,
        details,
        color,
        theme,
        elapsed,
    };
    if roomy {
        render_roomy(player, view, words, inner, buf);
    } else {
        render_compact(player, words, inner, buf);
    }
}

/// Below the figure's room: words before size. The digits get only what the heading, the gauge, two
/// blank lines and every line of instructions leave over; with too little room the clock is one plain
/// line.
fn render_compact(player: &PlayerScreen, words: Words<'_>, inner: Rect, buf: &mut Buffer) {
    let Words {
        heading,
        clock_text,
        clock_style,
        details,
        color,
        theme,
        elapsed,
    } = words;
    let details_height = u16::try_from(details.line_count(inner.width)).unwrap_or(u16::MAX);

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
    render_clock(&clock_text, scale, clock_style, clock_area, buf);
    render_gauge(player, elapsed, color, theme, gauge_area, buf);
    details.render(details_area, buf);
}

/// From [`crate::app::figures::PLAYER_FIGURE_ROOM`] up: the heading across the top; the figure on the left (lying down, in a band
/// across the panel above the rest); the digits as
/// large as the rest of the width and half the height allow; the words at a readable measure, and
/// beside them, with width to spare, the next exercise.
fn render_roomy(
    player: &PlayerScreen,
    view: &PlayerView<'_>,
    words: Words<'_>,
    inner: Rect,
    buf: &mut Buffer,
) {
    let Words {
        heading,
        clock_text,
        clock_style,
        details,
        color,
        theme,
        elapsed,
    } = words;
    let [heading_area, _, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    Paragraph::new(heading).centered().render(heading_area, buf);

    let (text_area, figure, beside_figure) = place_figure(view, theme, body, buf);

    let measure = text_area.width.min(MEASURE);
    let details_height = u16::try_from(details.line_count(measure)).unwrap_or(u16::MAX);
    let big_room = text_area
        .height
        .saturating_sub(1 + 1 + 1 + details_height)
        .min(text_area.height / 2);
    let scale = big_digits::best_scale(
        &clock_text,
        Rect::new(text_area.x, text_area.y, text_area.width, big_room),
    );
    let clock_height = scale.map_or(1, |s| big_digits::GLYPH_ROWS * s.y);
    let next = view.next;
    let next_beside =
        next.filter(|_| text_area.width.saturating_sub(measure + 2) >= NEXT_MIN_WIDTH);
    // With no figure to fill the height, the clock and the words sit in the middle of it rather than
    // leaving the bottom half of a tall terminal empty.
    let text_area = match next_beside {
        _ if figure => text_area,
        Some((_, Some(_))) => text_area,
        Some((_, None)) => middle(
            text_area,
            clock_height + 3 + details_height.max(NEXT_BOX_ROWS),
        ),
        None => middle(text_area, clock_height + 3 + details_height),
    };
    let [clock_area, _, gauge_area, _, words_area] = Layout::vertical([
        Constraint::Length(clock_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(text_area);
    render_clock(&clock_text, scale, clock_style, clock_area, buf);
    render_gauge(player, elapsed, color, theme, gauge_area, buf);

    if let Some((segment, next_figure)) = next_beside {
        let [details_area, _, next_area] = Layout::horizontal([
            Constraint::Length(measure),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(words_area);
        details.render(details_area, buf);
        // Without a figure, the box holds two lines.
        let next_area = if next_figure.is_some() {
            next_area
        } else {
            Rect {
                height: next_area.height.min(NEXT_BOX_ROWS),
                ..next_area
            }
        };
        render_next(segment, next_figure, theme, next_area, buf);
    } else {
        // Alone or under a band, the words sit in the middle of the width; beside a figure, next to it.
        let left = if beside_figure {
            0
        } else {
            words_area.width.saturating_sub(measure) / 2
        };
        let details_area = Rect::new(
            words_area.x + left,
            words_area.y,
            measure,
            words_area.height,
        );
        details.render(details_area, buf);
    }
}

/// Draws the figure, if any, and says where the clock and words go: beside a standing figure, or
/// below a wide one's band; and whether there is a figure, and whether it stands beside the words.
fn place_figure(
    view: &PlayerView<'_>,
    theme: Theme,
    body: Rect,
    buf: &mut Buffer,
) -> (Rect, bool, bool) {
    // The start pose dotted behind the moving body, so the movement reads at a glance.
    let figure = view
        .figure
        .map(|figure| figure_view(figure, theme).with_ghost());
    let text_area = match &figure {
        // Lying down, a figure beside the words would be a thin strip: it takes a band across the
        // whole width instead, and the clock and words go below it.
        Some(drawing) if drawing.is_wide() => {
            let fitted = drawing.fitted(Rect {
                height: body.height * WIDE_BAND_PERCENT / 100,
                ..body
            });
            let [band, _, text_area] = Layout::vertical([
                Constraint::Length(fitted.height),
                Constraint::Length(1),
                Constraint::Min(0),
            ])
            .areas(body);
            drawing.render(
                Rect {
                    y: band.y,
                    ..fitted
                },
                buf,
            );
            text_area
        }
        Some(drawing) => {
            let [figure_area, _, text_area] = Layout::horizontal([
                Constraint::Length(body.width * 2 / 5),
                Constraint::Length(2),
                Constraint::Min(0),
            ])
            .areas(body);
            drawing.render(drawing.fitted(figure_area), buf);
            text_area
        }
        None => body,
    };
    let beside = figure.as_ref().is_some_and(|drawing| !drawing.is_wide());
    (text_area, figure.is_some(), beside)
}

/// The figure, in the middle of its room.
/// The lower part of `area` in which `used` rows sit in the middle of its height.
fn middle(area: Rect, used: u16) -> Rect {
    let top = area.height.saturating_sub(used) / 2;
    Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    }
}

fn figure_view(figure: FigureAt<'_>, theme: Theme) -> FigureView {
    let (body, props, background) = theme.figure_colors();
    FigureView::new(figure.figure, figure.phase, figure.mirrored).colors(body, props, background)
}

fn draw_figure(figure: FigureAt<'_>, theme: Theme, area: Rect, buf: &mut Buffer) {
    let view = figure_view(figure, theme);
    view.render(view.fitted(area), buf);
}

/// The next exercise, boxed: its name, side and length, and its figure at rest.
fn render_next(
    segment: &Segment,
    figure: Option<FigureAt<'_>>,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let block = Block::bordered()
        .border_style(theme.dim())
        .title(Span::styled(" Next ", theme.dim()));
    let inner = block.inner(area);
    block.render(area, buf);
    let side = segment
        .side
        .map_or(String::new(), |s| format!("{} side · ", s.label()));
    let length = segment.length_ms.map_or_else(
        || format!("{} reps", segment.reps.unwrap_or(0)),
        format_human,
    );
    let [name_area, about_area, _, figure_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    Line::styled(segment.name.as_str(), theme.title()).render(name_area, buf);
    Line::styled(format!("{side}{length}"), theme.dim()).render(about_area, buf);
    if let Some(figure) = figure {
        if figure_area.height >= 4 {
            draw_figure(figure, theme, figure_area, buf);
        }
    }
}

fn render_clock(
    clock_text: &str,
    scale: Option<big_digits::Scale>,
    style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    match scale {
        Some(scale) => big_digits::render(clock_text, scale, style, area, buf),
        None => Line::styled(clock_text.to_owned(), style)
            .centered()
            .render(area, buf),
    }
}

/// The segment's gauge: how much is done, and what is left (or how long so far).
fn render_gauge(
    player: &PlayerScreen,
    elapsed: Millis,
    color: Style,
    theme: Theme,
    gauge_area: Rect,
    buf: &mut Buffer,
) {
    let session = &player.session;
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
    gauge(theme, done_ratio, gauge_label, color, gauge_area, buf);
}
