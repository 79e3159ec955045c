//! A stored run as the commands and the runs screen show it: its local date and time and its
//! warning, worked out once.

use jiff::civil::DateTime;

use super::RunRow;
use crate::calendar::Calendar;
use crate::duration::format_clock;
use crate::runs::warning::{LongRun, RunFacts, long_run, longest_before, words};
use crate::runs::{Quality, seconds};
use crate::text::printable;

/// One run, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct RunView {
    pub row: RunRow,
    /// Local date and time of its start, in the runner's zone.
    pub local: DateTime,
    pub warning: Option<LongRun>,
    /// The run a spike was compared with (its id), when there is a spike.
    pub compared_with: Option<i64>,
}

/// Every run with its warning, oldest first (as stored).
pub fn views(rows: Vec<RunRow>, calendar: &Calendar) -> Vec<RunView> {
    let facts: Vec<RunFacts> = rows.iter().map(RunRow::facts).collect();
    let compared: Vec<Option<i64>> = facts
        .iter()
        .map(|run| longest_before(run, &facts).map(|index| rows[index].id))
        .collect();
    rows.into_iter()
        .zip(facts.iter())
        .zip(compared)
        .map(|((row, fact), compared)| {
            let warning = long_run(fact, &facts);
            let compared_with = compared.filter(|_| {
                matches!(
                    warning,
                    Some(LongRun::Spike { .. } | LongRun::MoreThanTwice { .. })
                )
            });
            RunView {
                local: calendar.datetime(row.activity.start),
                row,
                warning,
                compared_with,
            }
        })
        .collect()
}

impl RunView {
    pub fn id(&self) -> i64 {
        self.row.id
    }

    pub fn counted(&self) -> bool {
        self.row.counted()
    }

    /// `13.5 km`, or `-` when the file had no distance.
    pub fn distance(&self) -> String {
        self.row
            .activity
            .distance_m
            .map_or_else(|| "-".to_owned(), words::km)
    }

    /// Moving time, `1:14:15`.
    pub fn time(&self) -> String {
        clock(self.row.activity.timer_s)
    }

    /// Minutes and seconds a kilometre, `5:30 /km`; `-` without a distance of at least 10 m.
    pub fn pace(&self) -> String {
        self.pace_s_per_km()
            .map_or_else(|| "-".to_owned(), |pace| format!("{} /km", clock(pace)))
    }

    pub fn pace_s_per_km(&self) -> Option<f64> {
        let activity = &self.row.activity;
        activity
            .distance_m
            .filter(|d| d.is_finite() && *d >= 10.0)
            .map(|d| activity.timer_s / (d / 1000.0))
            .filter(|pace| pace.is_finite())
    }

    /// `gpx`, `fit`, `tcx`: which kind of file it came from.
    pub fn source(&self) -> &'static str {
        self.row.activity.format.name()
    }

    /// Treadmill, trail, partial, crc, the spike; with `--all` also hidden and duplicates.
    pub fn flags(&self) -> Vec<String> {
        let activity = &self.row.activity;
        let mut flags = Vec::new();
        if let Some(sub) = &activity.sub_sport {
            flags.push(printable(sub).into_owned());
        } else if activity.indoor {
            flags.push("indoor".to_owned());
        }
        if activity.sport != "running" {
            flags.push(printable(&activity.sport).into_owned());
        }
        if activity.quality != Quality::Ok {
            flags.push(activity.quality.name().to_owned());
        }
        match &self.warning {
            Some(LongRun::Spike { percent, .. }) => flags.push(format!("spike {percent}%")),
            Some(LongRun::MoreThanTwice { percent, .. }) => {
                flags.push(format!("spike {percent}% (more than twice)"));
            }
            Some(LongRun::FirstInThirtyDays) => flags.push("first in 30 days".to_owned()),
            None => {}
        }
        if self.row.hidden {
            flags.push("forgotten".to_owned());
        }
        if let Some(other) = self.row.duplicate_of {
            flags.push(format!("same run as #{other}"));
        }
        flags
    }

    /// The warning's words, as the spec writes them.
    pub fn warning_words(&self) -> Option<String> {
        let warning = self.warning.as_ref()?;
        Some(words::warning(
            warning,
            self.local.date(),
            self.row.activity.distance_m.unwrap_or(0.0),
        ))
    }
}

/// `1:14:15` or `27:05` for seconds from a file.
pub fn clock(duration_s: f64) -> String {
    format_clock(
        u64::try_from(seconds(duration_s))
            .unwrap_or(0)
            .saturating_mul(1000),
    )
}
