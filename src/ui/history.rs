//! The history screen: the latest check, streaks, sessions per week and pain by area over time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType, Paragraph, Widget, Wrap,
};

use super::{footer, theme};
use crate::app::App;
use crate::calendar::date_of;
use crate::history::trends::{pain_by_area, sessions_per_week, streaks};
use crate::triage::Level;

/// Days the pain chart looks back.
const PAIN_DAYS: i64 = 30;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let [header, summary, charts, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(4),
        Constraint::Min(4),
        Constraint::Length(1),
    ])
    .areas(area);
    Line::styled("limberup · history", theme.title()).render(header, buf);
    let history = &app.history;
    let today = history.today(app.now);
    let problem = history.problem.as_ref().or(history.unreadable.as_ref());
    footer(app, problem.map(String::as_str), keys, buf);
    if history.sessions.is_empty() && history.checks.is_empty() {
        Paragraph::new(
            "Nothing here yet. Play a routine, or take the pain check (c): sessions per week, streaks and pain by area will show here.",
        )
        .wrap(Wrap { trim: true })
        .block(Block::bordered())
        .render(summary.union(charts), buf);
        return;
    }

    let [latest_area, streak_area] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(summary);
    latest_check(app, latest_area, buf);
    let (current, longest) = streaks(&history.sessions, today, &history.calendar);
    Paragraph::new(vec![
        Line::raw(format!("now  {}", days_word(current))),
        Line::raw(format!("best {}", days_word(longest))),
    ])
    .block(Block::bordered().title(" Days in a row "))
    .render(streak_area, buf);

    let [weeks_area, pain_area] = if charts.width >= 100 {
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(charts)
    } else {
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(charts)
    };
    weeks_chart(app, today, weeks_area, buf);
    pain_chart(app, today, pain_area, buf);
}

fn days_word(days: u32) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}

fn latest_check(app: &App, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered().title(" Latest pain check ");
    let Some(check) = app
        .history
        .checks
        .iter()
        .filter(|c| c.taken_at <= app.history.wall_time(app.now))
        .max_by_key(|c| c.taken_at)
    else {
        Paragraph::new("none yet: press c")
            .block(block)
            .render(area, buf);
        return;
    };
    let level = Level::parse(&check.level);
    let level_span = match level {
        Some(level) => Span::styled(level.title().to_owned(), theme::of(app).level(level)),
        None => Span::raw(check.level.clone()),
    };
    let areas = if check.areas.is_empty() {
        String::new()
    } else {
        format!(" in the {}", check.areas.join(", ").replace('-', " "))
    };
    Paragraph::new(vec![
        Line::from(level_span),
        Line::raw(format!(
            "{}: pain {}/10{areas}",
            app.history.calendar.date(check.taken_at),
            check.pain
        )),
    ])
    .block(block)
    .render(area, buf);
}

/// `11-23`: month and day, enough for a chart label.
fn short_date(day: i64) -> String {
    date_of(day).strftime("%m-%d").to_string()
}

fn weeks_chart(app: &App, today: i64, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    // Bars of 5 columns and a gap of 1; as many weeks as fit, up to 12.
    let room = usize::from(area.width.saturating_sub(2)) / 6;
    let weeks = sessions_per_week(
        &app.history.sessions,
        today,
        room.clamp(1, 12),
        &app.history.calendar,
    );
    let bars: Vec<Bar<'_>> = weeks
        .iter()
        .map(|&(monday, count)| {
            Bar::default()
                .value(count)
                .label(Line::from(short_date(monday)))
                .text_value(count.to_string())
        })
        .collect();
    BarChart::default()
        .block(Block::bordered().title(" Sessions per week (from Monday) "))
        .data(BarGroup::default().bars(&bars))
        .bar_width(5)
        .bar_gap(1)
        .bar_style(theme.bars())
        .value_style(theme.selected())
        .render(area, buf);
}

fn pain_chart(app: &App, today: i64, area: Rect, buf: &mut Buffer) {
    let series = pain_by_area(&app.history.checks, today, PAIN_DAYS, &app.history.calendar);
    let block = Block::bordered().title(format!(" Pain by area, last {PAIN_DAYS} days (0-10) "));
    if series.is_empty() {
        Paragraph::new("No pain checks with pain in the last 30 days.")
            .block(block)
            .render(area, buf);
        return;
    }
    let theme = theme::of(app);
    let datasets: Vec<Dataset<'_>> = series
        .iter()
        .map(|(area, points)| {
            // Without colour the legend shows each area's marker before its name.
            let (marker, mark) = theme.area_marker(*area);
            let name = mark.map_or_else(|| area.label(), |m| format!("{m} {}", area.label()));
            Dataset::default()
                .name(name)
                .marker(marker)
                .graph_type(GraphType::Line)
                .style(theme.area(*area))
                .data(points)
        })
        .collect();
    #[allow(clippy::cast_precision_loss, reason = "a small day count")]
    let first = -(PAIN_DAYS as f64 - 1.0);
    Chart::new(datasets)
        .style(theme.base())
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([first, 0.0])
                .labels([short_date(today - PAIN_DAYS + 1), "today".to_owned()]),
        )
        .y_axis(Axis::default().bounds([0.0, 10.0]).labels(["0", "5", "10"]))
        .legend_position(Some(ratatui::widgets::LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 1)))
        .render(area, buf);
}
