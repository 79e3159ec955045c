//! Today's line for the days after a long-run spike: the run named, the budget line, and the
//! routines meant for after a run.

use ratatui::text::Line;

use super::theme::Theme;
use crate::app::App;
use crate::format::model::When;
use crate::history::run_view::recent_spike;
use crate::runs::warning::{RunFacts, budget, words};
use crate::text::printable;

/// At most this many after-run routines are named.
const AFTER_RUN_NAMED: usize = 3;

/// Nothing without a spike in the last days; otherwise a blank line, then its lines.
pub(super) fn lines(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let history = app.history();
    let now = history.wall_time(app.now());
    let Some(spike) = recent_spike(history.runs(), history.calendar().day(now)) else {
        return Vec::new();
    };
    let Some(warning) = &spike.warning else {
        return Vec::new();
    };
    let named = words::headline(
        warning,
        spike.local.date(),
        spike.row.activity.distance_m.unwrap_or(0.0),
    );
    let mut lines = vec![
        Line::raw(""),
        Line::styled(format!("▲ {named} (r: your runs)"), theme.caution()),
    ];
    let facts: Vec<RunFacts> = history.runs().iter().map(|r| r.row.facts()).collect();
    if let Some(budget) = budget(&facts, now) {
        lines.push(Line::raw(words::budget(&budget)));
    }
    let after_run: Vec<String> = app
        .library()
        .routines
        .iter()
        .filter(|routine| routine.when == When::After)
        .take(AFTER_RUN_NAMED)
        .map(|routine| printable(&routine.name).into_owned())
        .collect();
    if !after_run.is_empty() {
        lines.push(Line::raw(format!(
            "After a run (l: the library): {}.",
            after_run.join(", ")
        )));
    }
    lines
}
