//! The one warning the evidence supports: a single run much longer than the longest run of the 30
//! days before it. The rule is data with its source ([`LONG_RUN`]), evaluated by [`long_run`], a pure
//! function of the runs; the words are in [`words`].
//!
//! On purpose there is no warning about the acute:chronic workload ratio, week-to-week change or the
//! "10% a week" rule: the same study found no or an inverse association for them, and a randomised
//! trial of the 10% rule found no benefit. Weekly totals are shown as information only.

use crate::calendar::UtcTime;

/// The rule, as data: thresholds and the study they come from.
#[derive(Debug, PartialEq)]
pub struct LongRunRule {
    pub id: &'static str,
    /// How far back the month's longest run is looked for.
    pub window_s: i64,
    /// A run shorter than this is never compared.
    pub min_distance_m: f64,
    /// Longer than the month's longest by more than this many per cent is a spike.
    pub spike_above_percent: i64,
    /// Longer by more than this many per cent is "more than twice".
    pub more_than_twice_above_percent: i64,
    /// Hazard rate ratios the study found, by band of how much longer the run was.
    pub hazard_rate_ratios: &'static [(&'static str, f64)],
    pub source: &'static str,
}

/// Frandsen et al. 2025: in 5,205 runners over 18 months, a run more than 10% longer than the
/// longest of the previous 30 days was followed by more overuse injuries.
pub const LONG_RUN: LongRunRule = LongRunRule {
    id: "long-run-spike",
    window_s: 30 * 24 * 3600,
    min_distance_m: 1000.0,
    spike_above_percent: 10,
    more_than_twice_above_percent: 100,
    hazard_rate_ratios: &[(">10-30%", 1.64), (">30-100%", 1.52), (">100%", 2.28)],
    source: "Frandsen et al., \"How much running is too much? Identifying high-risk running sessions \
             in a 5200-person cohort study\", Br J Sports Med 2025;59(17):1203-1210",
};

/// What the rule needs of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunFacts {
    pub start: UtcTime,
    pub distance_m: Option<f64>,
    /// Running, not hidden and not a duplicate of another run.
    pub counted: bool,
}

/// What the rule says about one run.
#[derive(Debug, Clone, PartialEq)]
pub enum LongRun {
    /// Longer than the month's longest by more than 10% and at most 100% (`percent` rounded).
    Spike { percent: i64, longest_before_m: f64 },
    /// More than twice the month's longest.
    MoreThanTwice { percent: i64, longest_before_m: f64 },
    /// No counted run in the 30 days before it, with enough history before that.
    FirstInThirtyDays,
}

impl LongRun {
    /// The `kind` in JSON output.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Spike { .. } => "spike",
            Self::MoreThanTwice { .. } => "more-than-twice",
            Self::FirstInThirtyDays => "first-in-30-days",
        }
    }
}

/// Distances compared in whole centimetres, so exactly 10% is exactly 10% (in floating point
/// 11 000 / 10 000 − 1 is a little over 0.1).
fn centimetres(distance_m: f64) -> i64 {
    // Distances are checked finite and non-negative before this; saturation is fine past that.
    #[allow(clippy::cast_possible_truncation)]
    let cm = (distance_m * 100.0).round() as i64;
    cm
}

fn metres(cm: i64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // a run's centimetres fit in f64 exactly
    let m = cm as f64 / 100.0;
    m
}

/// The rule for `run` against `history` (all runs; `run` itself may be among them). `None` when the
/// run is not compared (not counted, under 1 km, unknown distance), when the history's first
/// counted run is less than 30 days before it, or when it is within 10% of the month's longest.
pub fn long_run(run: &RunFacts, history: &[RunFacts]) -> Option<LongRun> {
    let rule = &LONG_RUN;
    let distance = run
        .distance_m
        .filter(|d| d.is_finite() && *d >= rule.min_distance_m)?;
    if !run.counted {
        return None;
    }
    let window_start = run.start.0.saturating_sub(rule.window_s);
    let first = history
        .iter()
        .filter(|r| r.counted)
        .map(|r| r.start)
        .min()?;
    if first.0 > window_start {
        return None;
    }
    let Some(longest_cm) = longest_in(history, window_start, run.start.0) else {
        return Some(LongRun::FirstInThirtyDays);
    };
    let run_cm = centimetres(distance);
    let (run_cm, longest_cm) = (i128::from(run_cm), i128::from(longest_cm.max(1)));
    // p = R / L − 1, compared as 100·R against (100 + threshold)·L in integers.
    if 100 * run_cm <= (100 + i128::from(rule.spike_above_percent)) * longest_cm {
        return None;
    }
    let percent = i64::try_from((200 * (run_cm - longest_cm) + longest_cm) / (2 * longest_cm))
        .unwrap_or(i64::MAX);
    let longest_before_m = metres(i64::try_from(longest_cm).unwrap_or(i64::MAX));
    if 100 * run_cm <= (100 + i128::from(rule.more_than_twice_above_percent)) * longest_cm {
        Some(LongRun::Spike {
            percent,
            longest_before_m,
        })
    } else {
        Some(LongRun::MoreThanTwice {
            percent,
            longest_before_m,
        })
    }
}

/// The longest counted run, in centimetres, that started in `[from, before)`.
fn longest_in(history: &[RunFacts], from: i64, before: i64) -> Option<i64> {
    history
        .iter()
        .filter(|r| r.counted && r.start.0 >= from && r.start.0 < before)
        .filter_map(|r| r.distance_m.filter(|d| d.is_finite() && *d >= 0.0))
        .map(centimetres)
        .max()
}

/// Which run of `history` a spike of `run` was compared with: the longest counted run of the 30
/// days before it (the earliest of equals).
pub fn longest_before(run: &RunFacts, history: &[RunFacts]) -> Option<usize> {
    let from = run.start.0.saturating_sub(LONG_RUN.window_s);
    let longest = longest_in(history, from, run.start.0)?;
    history.iter().position(|r| {
        r.counted
            && r.start.0 >= from
            && r.start.0 < run.start.0
            && r.distance_m
                .filter(|d| d.is_finite() && *d >= 0.0)
                .map(centimetres)
                == Some(longest)
    })
}

/// The budget line's facts: the longest counted run of the 30 days before `now`, and the distance
/// that stays within 10% of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Budget {
    pub longest_m: f64,
    pub within_m: f64,
}

pub fn budget(history: &[RunFacts], now: UtcTime) -> Option<Budget> {
    let rule = &LONG_RUN;
    let longest_cm = longest_in(
        history,
        now.0.saturating_sub(rule.window_s),
        now.0.saturating_add(1),
    )?;
    let within_cm = longest_cm.saturating_mul(100 + rule.spike_above_percent) / 100;
    Some(Budget {
        longest_m: metres(longest_cm),
        within_m: metres(within_cm),
    })
}

/// The words the runner reads.
pub mod words {
    use jiff::civil::Date;

    use super::{Budget, LongRun};

    /// `18.4 km`, to the nearest tenth.
    pub fn km(metres: f64) -> String {
        tenths(metres.max(0.0) / 100.0)
            .map_or_else(String::new, |t| format!("{}.{} km", t / 10, t % 10))
    }

    /// `20.2 km` for 20.24 or 20.28: rounded down, so a budget never says more than it means.
    fn km_down(metres: f64) -> String {
        tenths((metres.max(0.0) / 100.0 + 1e-9).floor())
            .map_or_else(String::new, |t| format!("{}.{} km", t / 10, t % 10))
    }

    fn tenths(value: f64) -> Option<i64> {
        // Distances here are a run's, far inside i64.
        #[allow(clippy::cast_possible_truncation)]
        value.is_finite().then(|| value.round() as i64)
    }

    const STUDY: &str = "In a study of 5,200 runners, runs more than 10% longer than the past \
        month's longest were followed by more overuse injuries than runs within 10%. This is a \
        pattern in a group, not a forecast for you. Easy, shorter runs for the next few days are a \
        simple precaution; take the pain check if anything hurts.";

    /// The warning for a run on local `date` of `distance_m`.
    pub fn warning(warning: &LongRun, date: Date, distance_m: f64) -> String {
        match warning {
            LongRun::FirstInThirtyDays => headline(warning, date, distance_m),
            LongRun::Spike { .. } | LongRun::MoreThanTwice { .. } => {
                format!("{} {STUDY}", headline(warning, date, distance_m))
            }
        }
    }

    /// The warning's first sentence, naming the run (what Today shows in the days after it).
    pub fn headline(warning: &LongRun, date: Date, distance_m: f64) -> String {
        let day = date.strftime("%a %-d %b");
        match warning {
            LongRun::Spike {
                percent,
                longest_before_m,
            } => format!(
                "Your run on {day} ({}) was {percent}% longer than your longest run in the 30 days \
                 before it ({}).",
                km(distance_m),
                km(*longest_before_m)
            ),
            LongRun::MoreThanTwice {
                longest_before_m, ..
            } => format!(
                "Your run on {day} ({}) was more than twice as long as your longest run in the 30 \
                 days before it ({}).",
                km(distance_m),
                km(*longest_before_m)
            ),
            LongRun::FirstInThirtyDays => {
                "First run in over 30 days: build back gradually.".to_owned()
            }
        }
    }

    /// The plain line, never a warning.
    pub fn budget(budget: &Budget) -> String {
        format!(
            "Longest run in the last 30 days: {}. A run up to {} stays within 10% of it.",
            km(budget.longest_m),
            km_down(budget.within_m)
        )
    }
}

#[cfg(test)]
#[path = "warning_tests.rs"]
mod tests;
