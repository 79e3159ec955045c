//! A routine before it starts: what it is for, its steps and its length.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, StatefulWidget, Widget, Wrap};

use super::widgets::ScrolledText;
use super::{footer, theme};
use crate::app::figures::{PREVIEW_FIGURE_ROOM, has_room};
use crate::app::{App, Scroll};
use crate::duration::format_human;
use crate::figure::FigureView;
use crate::routine::{Routine, Sides, Step, Work};

pub(super) fn render(app: &App, routine: &Routine, scroll: &Scroll, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let [body, keys] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    let mut lines = vec![Line::from(vec![
        Span::styled(routine.kind.heading(), theme.key()),
        Span::raw(format!(
            " · {} a run · {}",
            when_words(routine),
            routine.total.label()
        )),
    ])];
    let mut credits: Vec<String> = routine.byline().into_iter().collect();
    if routine.is_own() {
        credits.push("your own routine".to_owned());
    }
    if !credits.is_empty() {
        lines.push(Line::styled(credits.join(" · "), theme.dim()));
    }
    lines.push(Line::raw(""));
    if let Some(description) = &routine.description {
        lines.push(Line::raw(description.as_str()));
        lines.push(Line::raw(""));
    }
    if !routine.equipment.is_empty() {
        lines.push(Line::raw(format!(
            "Equipment: {}",
            routine.equipment.join(", ")
        )));
    }
    if routine.rounds > 1 {
        lines.push(Line::raw(format!(
            "{} rounds of these steps, {} rest between rounds",
            routine.rounds,
            format_human(routine.round_rest.millis())
        )));
    }
    lines.push(Line::styled("Steps", theme.title()));
    let steps_from = lines.clone();
    for (index, step) in routine.steps.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::raw(format!("{:>2}. {}", index + 1, step.name)),
            Span::styled(format!("  {}", step_summary(step)), theme.dim()),
        ]));
    }
    let with_figure = has_room((area.width, area.height), PREVIEW_FIGURE_ROOM)
        && routine.steps.iter().any(|s| app.figure_of(s).is_some());
    let (body, figure_area) = if with_figure {
        let [text, figure] =
            Layout::horizontal([Constraint::Min(0), Constraint::Percentage(40)]).areas(body);
        (text, Some(figure))
    } else {
        (body, None)
    };
    let block = Block::bordered().title(Span::styled(format!(" {} ", routine.name), theme.title()));
    let inner = block.inner(body);
    ScrolledText::new(lines, block).render(body, buf, &mut &*scroll);
    let offset = scroll.offset();
    if let Some(figure_area) = figure_area {
        // The first step on screen with a figure: scrolling down the steps shows each in turn.
        let before_steps = Paragraph::new(steps_from)
            .wrap(Wrap { trim: false })
            .line_count(inner.width);
        let first_shown = usize::from(offset).saturating_sub(before_steps);
        render_step_figure(app, routine, first_shown, figure_area, buf);
    }
    footer(app, None, keys, buf);
}

/// The figure of the first step from `from` on that has one, still, with its number and name.
fn render_step_figure(app: &App, routine: &Routine, from: usize, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let found = routine
        .steps
        .iter()
        .enumerate()
        .skip(from)
        .chain(routine.steps.iter().enumerate())
        .find_map(|(index, step)| app.figure_of(step).map(|(f, _)| (index, step, f)));
    let Some((index, step, figure)) = found else {
        return;
    };
    let block = Block::bordered().title(Span::styled(
        format!(" {}. {} ", index + 1, step.name),
        theme.title(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let (body, props, background) = theme.figure_colors();
    let view = FigureView::new(figure, 0.0, false).colors(body, props, background);
    view.render(view.fitted(inner), buf);
}

fn when_words(routine: &Routine) -> &'static str {
    match routine.when {
        crate::routine::When::Before => "before",
        crate::routine::When::After => "after",
        crate::routine::When::Any => "before or after",
    }
}

/// `30s each side`, `3 × 12 reps at 3s`, `10 reps, at your pace`.
pub(super) fn step_summary(step: &Step) -> String {
    let work = match step.work {
        Work::Timed(secs) => format_human(secs.millis()),
        Work::Reps {
            reps,
            tempo: Some(t),
        } => format!("{reps} reps at {}", format_human(t.millis())),
        Work::Reps { reps, tempo: None } => format!("{reps} reps, at your pace"),
    };
    let sets = if step.sets > 1 {
        format!("{} × ", step.sets)
    } else {
        String::new()
    };
    let sides = match step.sides {
        Sides::None => "",
        Sides::Both => " each side",
        Sides::Left => " left side",
        Sides::Right => " right side",
    };
    format!("{sets}{work}{sides}")
}
