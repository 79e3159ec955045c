//! The exercise browser: the catalog on the left, the chosen exercise on the right (its figure
//! moving, how to do it, what to feel, what to watch, and which routines use it).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::footer;
use super::theme::{self, Theme};
use super::widgets::ScrolledText;
use crate::app::figures::{BROWSER_FIGURE_ROOM, has_room};
use crate::app::{App, ExerciseScreen, routines_using};
use crate::figure::FigureView;
use crate::routine::catalog::Exercise;
use crate::text::fit;

/// The list's width, at most.
const LIST_WIDTH: u16 = 32;
/// The figure's share of the exercise panel's height: large enough to read at a glance at any
/// size, with the words (scrolled below it) keeping the rest.
const FIGURE_PERCENT: u16 = 45;

pub(super) fn render(app: &App, screen: &ExerciseScreen, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(screen, theme, header, buf);

    let visible = screen.visible(app.library());
    let [list_area, detail_area] = Layout::horizontal([
        Constraint::Length(LIST_WIDTH.min(body.width / 3)),
        Constraint::Min(0),
    ])
    .areas(body);
    let count = match visible.len() {
        1 => " 1 exercise ".to_owned(),
        n => format!(" {n} exercises "),
    };
    let block = Block::bordered().title(count);
    let item_width = usize::from(list_area.width.saturating_sub(4));
    let items: Vec<ListItem<'_>> = visible
        .iter()
        .map(|e| ListItem::new(fit(&e.name, item_width)))
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected())
        .highlight_symbol("› ");
    let mut state = ListState::default().with_selected(Some(screen.selected));
    StatefulWidget::render(list, list_area, buf, &mut state);

    match visible.get(screen.selected) {
        Some(exercise) => {
            let room = has_room((area.width, area.height), BROWSER_FIGURE_ROOM);
            render_exercise(app, screen, exercise, room, detail_area, buf);
        }
        None => Paragraph::new(
            "No exercise matches. Backspace edits the filter, esc clears it and the area.",
        )
        .wrap(Wrap { trim: true })
        .block(Block::bordered())
        .render(detail_area, buf),
    }
    footer(app, None, keys, buf);
}

fn render_header(screen: &ExerciseScreen, theme: Theme, area: Rect, buf: &mut Buffer) {
    let mut right = Vec::new();
    if let Some(body_area) = &screen.area {
        right.push(Span::raw(format!("area: {body_area}")));
        right.push(Span::styled(" · ", theme.dim()));
    }
    if screen.filter.is_empty() {
        right.push(Span::styled("type to filter · tab: one area", theme.dim()));
    } else {
        right.push(Span::raw(format!("filter: {}_", screen.filter)));
    }
    let right = Line::from(right);
    let width = u16::try_from(right.width())
        .unwrap_or(area.width)
        .min(area.width);
    let [title_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
    Line::styled("limberup · exercises", theme.title()).render(title_area, buf);
    right.right_aligned().render(right_area, buf);
}

fn render_exercise(
    app: &App,
    screen: &ExerciseScreen,
    exercise: &Exercise,
    room: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = theme::of(app);
    let block =
        Block::bordered().title(Span::styled(format!(" {} ", exercise.name), theme.title()));
    let inner = block.inner(area);
    let figure = app.browser_figure().filter(|_| room);
    let figure_rows = if figure.is_some() {
        inner.height * FIGURE_PERCENT / 100
    } else {
        0
    };
    // The figure, a blank row, then the words.
    let words_top = figure_rows + u16::from(figure_rows > 0);
    ScrolledText::new(words(app, exercise), block)
        .key("pgdn")
        .below(words_top)
        .render(area, buf, &mut &screen.scroll);
    if let Some(figure) = figure {
        let figure_area = Rect {
            height: figure_rows,
            ..inner
        };
        let (body, props, background) = theme.figure_colors();
        FigureView::new(figure.figure, figure.phase, figure.mirrored)
            .colors(body, props, background)
            .with_ghost()
            .render(figure_area, buf);
    }
}

/// How to do it, what to feel, what to watch, where it helps and where it is used.
fn words<'a>(app: &'a App, exercise: &'a Exercise) -> Vec<Line<'a>> {
    let theme = theme::of(app);
    let mut lines = Vec::new();
    if let Some(instructions) = &exercise.instructions {
        lines.push(Line::raw(instructions.as_str()));
        lines.push(Line::raw(""));
    }
    for cue in &exercise.cues {
        lines.push(Line::from(vec![
            Span::styled("» ", theme.key()),
            Span::raw(cue.as_str()),
        ]));
    }
    if !exercise.cues.is_empty() {
        lines.push(Line::raw(""));
    }
    if let Some(caution) = &exercise.caution {
        lines.push(Line::from(vec![
            Span::styled("! ", theme.caution()),
            Span::styled(caution.as_str(), theme.caution()),
        ]));
        lines.push(Line::raw(""));
    }
    if !exercise.areas.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Areas: ", theme.dim()),
            Span::raw(exercise.areas.join(", ")),
        ]));
    }
    let routines = routines_using(app.library(), &exercise.id);
    let used = if routines.is_empty() {
        "no routine yet".to_owned()
    } else {
        routines.join(", ")
    };
    lines.push(Line::from(vec![
        Span::styled("Used in: ", theme.dim()),
        Span::raw(used),
    ]));
    lines
}
