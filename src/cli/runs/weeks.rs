//! `limberup runs weeks [--weeks N] [--today DATE] [--json]`: Monday weeks of local days, each with
//! its runs, distance, time and longest run (spikes marked), and the budget line. Weekly totals are
//! information only: no warning is drawn from them (see `runs::warning`).

use std::fmt::Write as _;
use std::io::Write;

use jiff::civil::Date;
use serde::Serialize;

use super::json::write_json;
use crate::calendar::{Calendar, UtcTime, week_start};
use crate::cli::{Outcome, io_failure};
use crate::config::Dirs;
use crate::history::run_view::{RunView, clock};
use crate::history::run_weeks::{Week, weeks};
use crate::runs::warning::{Budget, RunFacts, budget, words};

#[derive(Serialize)]
struct WeeksJson {
    weeks: Vec<Week>,
    budget: Option<BudgetJson>,
    budget_line: Option<String>,
}

#[derive(Serialize)]
struct BudgetJson {
    longest_m: f64,
    within_m: f64,
}

pub(super) fn run(
    dirs: &Dirs,
    calendar: &Calendar,
    count: u32,
    today: Option<Date>,
    json: bool,
    out: &mut impl Write,
) -> Outcome {
    let views: Vec<RunView> = super::read_views(dirs, calendar)?
        .into_iter()
        .filter(RunView::counted)
        .collect();
    // The end of the day taken as today: runs of that whole day count.
    let now = match today {
        Some(date) => date
            .tomorrow()
            .ok()
            .and_then(|next| calendar.midnight(next))
            .map_or_else(UtcTime::now, |midnight| UtcTime(midnight.0 - 1)),
        None => UtcTime::now(),
    };
    let this_week = week_start(calendar.day(now));
    let weeks = weeks(&views, this_week, count);
    let facts: Vec<RunFacts> = views.iter().map(|v| v.row.facts()).collect();
    let budget = budget(&facts, now);
    let budget_line = budget.as_ref().map(words::budget);
    if json {
        let shown = WeeksJson {
            weeks,
            budget: budget.map(
                |Budget {
                     longest_m,
                     within_m,
                 }| BudgetJson {
                    longest_m,
                    within_m,
                },
            ),
            budget_line,
        };
        return write_json(out, &shown, true);
    }
    let mut text = String::from("week of     runs  distance      time   longest\n");
    for week in &weeks {
        let spikes: Vec<String> = week.spikes.iter().map(|p| format!("▲{p}%")).collect();
        let line = format!(
            "{}  {:>4}  {:>8}  {:>8}  {:>8}  {}",
            week.week_start,
            week.runs,
            words::km(week.distance_m),
            clock(week.timer_s),
            week.longest_m.map_or_else(|| "-".to_owned(), words::km),
            spikes.join(" ")
        );
        let _ = writeln!(text, "{}", line.trim_end());
    }
    let _ = writeln!(
        text,
        "\n{}",
        budget_line.unwrap_or_else(|| "No runs in the last 30 days.".to_owned())
    );
    out.write_all(text.as_bytes()).map_err(io_failure)
}
