//! The runs screen: this week, the budget line, 12 weeks of distance with spikes marked, and the
//! recent runs. Marks are characters (`▲31%`), so the screen reads the same without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Widget, Wrap};

use super::{footer, theme};
use crate::app::App;
use crate::calendar::week_start;
use crate::history::run_view::{RunView, clock};
use crate::history::run_weeks::{Week, spike_percent, weeks};
use crate::runs::warning::{RunFacts, budget, words};

/// Weeks of distance drawn.
const WEEKS: u32 = 12;
/// Columns a bar takes at least (a date, `09-07`) and at most, and the gap after it.
const BAR_WIDTH: (u16, u16) = (5, 8);
const BAR_GAP: u16 = 1;
/// Rows of the chart at least: bars, their dates, each week's longest run, the spike marks, the
/// border.
const CHART_ROWS: u16 = 11;

pub(super) fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let [header, body, keys] = super::title_body_footer(area);
    Line::styled("limberup · runs", theme.title()).render(header, buf);
    let history = app.history();
    let problem = history.trouble();
    footer(app, problem, keys, buf);
    let counted: Vec<&RunView> = history.runs().iter().filter(|r| r.counted()).collect();
    if counted.is_empty() {
        Paragraph::new(
            "No runs yet. Import the files your watch or app exports (FIT, GPX or TCX, a folder \
             works too):\n\n    limberup runs import FILE\n\nthen come back here (r).",
        )
        .wrap(Wrap { trim: false })
        .block(Block::bordered())
        .render(body, buf);
        return;
    }
    let now = history.wall_time(app.now());
    let this_week = week_start(history.calendar().day(now));
    let counted_views: Vec<RunView> = counted.iter().map(|&r| r.clone()).collect();
    let weeks = weeks(&counted_views, this_week, WEEKS);
    let facts: Vec<RunFacts> = counted.iter().map(|r| r.row.facts()).collect();
    let budget_line = budget(&facts, now).map_or_else(
        || "No runs in the last 30 days.".to_owned(),
        |b| words::budget(&b),
    );
    let summary_lines = vec![
        Line::raw(this_week_line(weeks.last())),
        Line::raw(budget_line),
    ];
    let summary_rows = if body.width >= 100 { 2 } else { 3 };
    // A tall terminal gives the bars more height; the runs below take the rest.
    let chart_rows = CHART_ROWS.max(body.height * 2 / 5);
    let [summary, chart, recent] = Layout::vertical([
        Constraint::Length(summary_rows),
        Constraint::Length(chart_rows),
        Constraint::Min(3),
    ])
    .areas(body);
    Paragraph::new(summary_lines)
        .wrap(Wrap { trim: true })
        .render(summary, buf);
    weeks_chart(app, &weeks, chart, buf);
    recent_runs(app, &counted, recent, buf);
}

/// `This week: 2 runs, 18.4 km in 1:45:00.`
fn this_week_line(week: Option<&Week>) -> String {
    match week {
        Some(week) if week.runs > 0 => format!(
            "This week: {} {}, {} in {}.",
            week.runs,
            if week.runs == 1 { "run" } else { "runs" },
            words::km(week.distance_m),
            clock(week.timer_s)
        ),
        _ => "This week: no runs yet.".to_owned(),
    }
}

/// Distance a week in bars; under each week its date, and under that the spikes of its runs.
fn weeks_chart(app: &App, weeks: &[Week], area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let block = Block::bordered()
        .title(" km a week from Monday; under it, its longest run ")
        .title_bottom(" ▲ a run >10% longer than the longest of the 30 days before it ");
    let inner = block.inner(area);
    block.render(area, buf);
    let [bars_area, longest_area, marks_area] = Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let count = u16::try_from(weeks.len()).unwrap_or(u16::MAX).max(1);
    let bar_width =
        (inner.width.saturating_sub(BAR_GAP * (count - 1)) / count).clamp(BAR_WIDTH.0, BAR_WIDTH.1);
    let bars: Vec<Bar<'_>> = weeks
        .iter()
        .map(|week| {
            let style = if week.spikes.is_empty() {
                theme.bars()
            } else {
                theme.caution()
            };
            Bar::default()
                .value(hectometres(week.distance_m))
                .label(Line::from(week_label(week)))
                .text_value(short_km(week.distance_m))
                .style(style)
        })
        .collect();
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(BAR_GAP)
        .bar_style(theme.bars())
        .value_style(theme.selected())
        .render(bars_area, buf);
    for (index, week) in weeks.iter().enumerate() {
        let offset = u16::try_from(index).unwrap_or(u16::MAX) * (bar_width + BAR_GAP);
        let x = inner.x.saturating_add(offset);
        if x >= inner.right() {
            break;
        }
        let under_bar = |row: Rect| Rect::new(x, row.y, bar_width.min(inner.right() - x), 1);
        if let Some(longest) = week.longest_m {
            let text = Span::styled(short_km(longest), theme.dim());
            centred(text, under_bar(longest_area), buf);
        }
        if let Some(&largest) = week.spikes.iter().max() {
            let mark = Span::styled(format!("▲{largest}%"), theme.caution());
            centred(mark, under_bar(marks_area), buf);
        }
    }
}

/// Draws `text` in the middle of `area`'s one row, as the bar chart centres its labels.
fn centred(text: Span<'_>, area: Rect, buf: &mut Buffer) {
    Line::from(text).centered().render(area, buf);
}

/// The bar's height: whole hundreds of metres, so short weeks still show.
fn hectometres(metres: f64) -> u64 {
    // A week's distance is far inside u64 hundreds of metres; negatives and NaN become 0.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let value = (metres / 100.0).round().max(0.0) as u64;
    value
}

/// A distance in a bar's columns: `18.4`, or `184` from 100 km up (five columns).
fn short_km(metres: f64) -> String {
    let km = metres / 1000.0;
    if km >= 100.0 {
        format!("{km:.0}")
    } else {
        format!("{km:.1}")
    }
}

/// `10-06`: month and day of the week's Monday, as on the history screen.
fn week_label(week: &Week) -> String {
    week.week_start.parse::<jiff::civil::Date>().map_or_else(
        |_| week.week_start.clone(),
        |d| d.strftime("%m-%d").to_string(),
    )
}

/// The newest counted runs first, one a line: local date and time, distance, time, pace, flags.
fn recent_runs(app: &App, counted: &[&RunView], area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let block = Block::bordered().title(" Recent runs ");
    let inner = block.inner(area);
    block.render(area, buf);
    let header = Line::styled(
        format!(
            "{:<21} {:>8} {:>8} {:>9}  {}",
            "date", "distance", "time", "pace", "flags"
        ),
        theme.dim(),
    );
    let rows = counted.iter().rev().map(|run| {
        let line = format!(
            "{:<21} {:>8} {:>8} {:>9}  ",
            // With the year: an imported history often reaches back years.
            run.local.strftime("%a %-d %b %Y %H:%M").to_string(),
            run.distance(),
            run.time(),
            run.pace(),
        );
        let flags = run.flags().join(", ");
        let flag_style = if spike_percent(run).is_some() {
            theme.caution()
        } else {
            theme.text()
        };
        let mark = if spike_percent(run).is_some() {
            "▲ "
        } else {
            ""
        };
        Line::from(vec![
            Span::raw(line),
            Span::styled(format!("{mark}{flags}"), flag_style),
        ])
    });
    let lines: Vec<Line<'_>> = std::iter::once(header)
        .chain(rows)
        .take(usize::from(inner.height))
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
