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

/// Days a spike is named on Today: the day of the run and the seven after it.
pub const SPIKE_NAMED_DAYS: i64 = 7;

/// The latest counted run with a spike on one of the [`SPIKE_NAMED_DAYS`] local days before
/// `today` (or on `today`), for Today's line.
pub fn recent_spike(runs: &[RunView], today: crate::calendar::DayNumber) -> Option<&RunView> {
    runs.iter()
        .filter(|run| run.counted())
        .filter(|run| {
            matches!(
                run.warning,
                Some(LongRun::Spike { .. } | LongRun::MoreThanTwice { .. })
            )
        })
        .filter(|run| {
            let day = crate::calendar::day_number(run.local.date());
            (0..=SPIKE_NAMED_DAYS).contains(&(today - day))
        })
        .max_by_key(|run| run.row.activity.start)
}

/// The counted runs' spikes, on their local days, as the program's week judgement reads them.
pub fn spike_facts(runs: &[RunView]) -> Vec<crate::program::SpikeFact> {
    runs.iter()
        .filter(|run| run.counted())
        .filter_map(|run| match run.warning {
            Some(LongRun::Spike { percent, .. } | LongRun::MoreThanTwice { percent, .. }) => {
                Some(crate::program::SpikeFact {
                    day: crate::calendar::day_number(run.local.date()),
                    percent,
                    morning: run.row.morning.and_then(super::RunMorning::answer),
                })
            }
            _ => None,
        })
        .collect()
}

/// A spike run of the runner's previous local day, for the next-morning question about it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunMorningAsk {
    /// The run's row, where the answer goes.
    pub run_id: i64,
    /// Its local date.
    pub date: jiff::civil::Date,
    pub distance_m: f64,
    /// The spike (or "more than twice") it was.
    pub warning: LongRun,
}

/// The counted spike run of the local day before `today` that was not asked about yet (the latest
/// of them, should there be two): the next-morning question is asked on the morning after it
/// only, as it is after a program session. A spike two days ago is not asked about any more: the
/// runner's "this morning" would no longer be the morning after it.
pub fn spike_to_ask(runs: &[RunView], today: crate::calendar::DayNumber) -> Option<RunMorningAsk> {
    runs.iter()
        .filter(|run| run.counted() && run.row.morning.is_none())
        .filter(|run| crate::calendar::day_number(run.local.date()) == today - 1)
        .filter(|run| {
            matches!(
                run.warning,
                Some(LongRun::Spike { .. } | LongRun::MoreThanTwice { .. })
            )
        })
        .max_by_key(|run| (run.row.activity.start, run.id()))
        .and_then(|run| {
            Some(RunMorningAsk {
                run_id: run.id(),
                date: run.local.date(),
                distance_m: run.row.activity.distance_m?,
                warning: run.warning.clone()?,
            })
        })
}

/// Runs made for tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::RunRow;
    use crate::calendar::UtcTime;
    use crate::runs::{Activity, Format, Quality};

    /// A counted run of `km` on day `day` at 07:00 UTC, at 5:00 a kilometre.
    pub(crate) fn run(id: i64, day: i64, km: f64) -> RunRow {
        RunRow {
            id,
            activity: Activity {
                format: Format::Gpx,
                start: UtcTime(day * 86_400 + 7 * 3_600),
                timer_s: km * 300.0,
                elapsed_s: km * 300.0,
                distance_m: Some(km * 1000.0),
                distance_from: None,
                sport: "running".to_owned(),
                sub_sport: None,
                indoor: false,
                offset_s: None,
                device: None,
                quality: Quality::Ok,
            },
            sha256: id.to_string(),
            duplicate_of: None,
            hidden: false,
            morning: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::run;
    use super::*;

    /// Runs of 10 km from day 0 to day 35, then a spike of 14 km on day 40.
    fn with_spike_on_day_40() -> Vec<RunView> {
        let mut rows: Vec<RunRow> = (0..8).map(|i| run(i, i * 5, 10.0)).collect();
        rows.push(run(8, 40, 14.0));
        views(rows, &Calendar::utc())
    }

    #[test]
    fn a_spike_is_named_on_its_day_and_the_seven_after() {
        let runs = with_spike_on_day_40();
        for (today, named) in [(39, false), (40, true), (44, true), (47, true), (48, false)] {
            assert_eq!(
                recent_spike(&runs, today).map(RunView::id),
                named.then_some(8),
                "day {today}"
            );
        }
    }

    #[test]
    fn a_forgotten_spike_is_not_named() {
        let mut runs = with_spike_on_day_40();
        if let Some(spike) = runs.last_mut() {
            spike.row.hidden = true;
        }
        assert_eq!(recent_spike(&runs, 41).map(RunView::id), None);
    }
}
