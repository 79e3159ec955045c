//! The history screen: the latest check, streaks, sessions per week and pain by area over time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType, Paragraph, Widget, Wrap,
};

use super::{footer, theme};
use crate::app::App;
use crate::calendar::date_of;
use crate::history::trends::{pain_by_area, runs, sessions_per_week, streaks};

/// Days the pain chart looks back.
const PAIN_DAYS: i64 = 30;

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let program_rows = app.standing().map_or(0, super::history_program::height);
    // The latest check's lines wrap rather than being cut, while the charts keep 6 rows; with less
    // room they are cut as before, a line each.
    let wrapped = latest_check_lines(
        app,
        (area.width.saturating_mul(3) / 5).saturating_sub(1),
        true,
    );
    let room = area.height.saturating_sub(2 + program_rows + 6);
    let wanted = u16::try_from(wrapped.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let wrap = wanted <= room.max(4);
    let summary_rows = if wrap { wanted.max(4) } else { 4 };
    let [header, summary, program, charts, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(summary_rows),
        Constraint::Length(program_rows),
        Constraint::Min(4),
        Constraint::Length(1),
    ])
    .areas(area);
    let theme = theme::of(app);
    Line::styled("limberup · history", theme.title()).render(header, buf);
    let history = app.history();
    let today = history.today(app.now());
    let problem = history.trouble();
    footer(app, problem, keys, buf);
    if history.sessions().is_empty() && history.checks().is_empty() {
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
    latest_check(app, latest_area, wrap, buf);
    let (current, longest) = streaks(history.sessions(), today, history.calendar());
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
    if let Some(standing) = app.standing() {
        super::history_program::render(standing, program, buf);
    }
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

fn latest_check(app: &App, area: Rect, wrap: bool, buf: &mut Buffer) {
    Paragraph::new(latest_check_lines(app, area.width, wrap))
        .block(Block::bordered().title(" Latest pain check "))
        .render(area, buf);
}

/// The latest check in lines that fit a box `width` columns wide (borders included): its level and
/// date, then its pain and areas, wrapped at words (or a line each, cut by the box).
fn latest_check_lines(app: &App, width: u16, wrap: bool) -> Vec<Line<'static>> {
    let Some(check) = app
        .history()
        .checks()
        .iter()
        .filter(|c| c.taken_at <= app.history().wall_time(app.now()))
        .max_by_key(|c| c.taken_at)
    else {
        return vec![Line::raw("none yet: press c")];
    };
    let width = if wrap {
        usize::from(width.saturating_sub(2))
    } else {
        usize::MAX
    };
    let level_style = check
        .level
        .known()
        .map_or_else(Style::new, |level| theme::of(app).level(level));
    let level_words: &str = match check.level.known() {
        Some(level) => level.title(),
        None => check.level.as_str(),
    };
    let areas = if check.areas.is_empty() {
        String::new()
    } else {
        format!(
            " in the {}",
            check.area_words().join(", ").replace('-', " ")
        )
    };
    let said = format!(
        "{}: pain {}/10{areas}",
        app.history().calendar().date(check.taken_at),
        check.pain
    );
    let mut lines: Vec<Line<'static>> = wrap_words(level_words, width)
        .into_iter()
        .map(|line| Line::styled(line, level_style))
        .collect();
    lines.extend(wrap_words(&said, width).into_iter().map(Line::raw));
    lines
}

/// `text` in lines of at most `width` columns, broken between words (a word longer than a line is
/// cut into pieces).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed =
            crate::text::width(&line) + usize::from(!line.is_empty()) + crate::text::width(word);
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while crate::text::width(&line) > width {
            let cut: String = line.chars().take(width).collect();
            let rest: String = line.chars().skip(width).collect();
            lines.push(cut);
            line = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
        app.history().sessions(),
        today,
        room.clamp(1, 12),
        app.history().calendar(),
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
    let series = pain_by_area(
        app.history().checks(),
        today,
        PAIN_DAYS,
        app.history().calendar(),
    );
    let block = Block::bordered().title(format!(" Pain by area, last {PAIN_DAYS} days (0-10) "));
    if series.is_empty() {
        Paragraph::new("No pain checks with pain in the last 30 days.")
            .block(block)
            .render(area, buf);
        return;
    }
    // Days without a check are gaps, not guesses: each run of checks on consecutive days is a line
    // of its own, named once for the legend. Without colour the legend shows each area's marker
    // before its name.
    let theme = theme::of(app);
    let datasets: Vec<Dataset<'_>> = series
        .iter()
        .flat_map(|(area, points)| {
            let (marker, mark) = theme.area_marker(*area);
            let name = mark.map_or_else(|| area.label(), |m| format!("{m} {}", area.label()));
            runs(points).into_iter().enumerate().map(move |(i, run)| {
                let dataset = Dataset::default()
                    .marker(marker)
                    .graph_type(GraphType::Line)
                    .style(theme.area(*area))
                    .data(run);
                if i == 0 {
                    dataset.name(name.clone())
                } else {
                    dataset
                }
            })
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
