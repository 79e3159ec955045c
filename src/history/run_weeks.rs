//! Monday weeks of local days, each with its runs, distance, time and longest run, and its spikes:
//! what `runs weeks` prints and the runs screen draws. Weekly totals are information only: no
//! warning is drawn from them (see `runs::warning`).

use serde::Serialize;

use super::run_view::RunView;
use crate::calendar::{DayNumber, date_of, day_number};
use crate::runs::warning::LongRun;

/// One Monday week's totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[allow(clippy::struct_field_names, reason = "`week_start` is the JSON's name")]
pub struct Week {
    pub week_start: String,
    pub runs: usize,
    pub distance_m: f64,
    pub timer_s: f64,
    pub longest_m: Option<f64>,
    /// The per cent by which each spike run of the week was longer than its month's longest.
    pub spikes: Vec<i64>,
}

/// The `count` Monday weeks ending with the week starting on `this_week`, oldest first, of the
/// counted runs in `views`.
pub fn weeks(views: &[RunView], this_week: DayNumber, count: u32) -> Vec<Week> {
    (0..i64::from(count))
        .rev()
        .map(|back| week_of(views, this_week - 7 * back))
        .collect()
}

/// The week starting on Monday `monday` (a day number).
fn week_of(views: &[RunView], monday: DayNumber) -> Week {
    let in_week: Vec<&RunView> = views
        .iter()
        .filter(|view| view.counted())
        .filter(|view| (monday..monday + 7).contains(&day_number(view.local.date())))
        .collect();
    let distances = || in_week.iter().filter_map(|v| v.row.activity.distance_m);
    Week {
        week_start: date_of(monday).to_string(),
        runs: in_week.len(),
        distance_m: distances().sum(),
        timer_s: in_week.iter().map(|v| v.row.activity.timer_s).sum(),
        longest_m: distances().reduce(f64::max),
        spikes: in_week.iter().filter_map(|v| spike_percent(v)).collect(),
    }
}

/// How much longer than its month's longest a spike run was; `None` for any other run.
pub fn spike_percent(view: &RunView) -> Option<i64> {
    match view.warning {
        Some(LongRun::Spike { percent, .. } | LongRun::MoreThanTwice { percent, .. }) => {
            Some(percent)
        }
        _ => None,
    }
}
