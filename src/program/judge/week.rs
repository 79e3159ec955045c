//! One past week, judged: red (step back), amber (hold) or green (go on), or not judged at all when
//! nothing was planned. Pain is looked at in every session, counted or not; "done" only in those
//! that count.

use super::{CheckFact, Morning, SessionFact, SpikeFact, Verdict};
use crate::program::Gate;
use crate::triage::Level;

/// A past week, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekResult {
    /// The program week played (with `on-green`, the same week may be played twice).
    pub week: u32,
    /// The calendar week from the start.
    pub calendar_week: u32,
    /// The level the week ended at.
    pub level: u32,
    pub verdict: Verdict,
    /// False for a week with nothing planned: it holds the level and is never green.
    pub judged: bool,
    /// Why, in words: "a session hurt 6/10 (above 5)".
    pub reason: String,
    pub done: u32,
    pub planned: u32,
    /// The highest session pain known that week.
    pub highest_pain: Option<u8>,
}

/// The highest pain of the weeks before, for creeping pain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Trend {
    /// The highest pain of the latest week with one known.
    pub last_high: Option<u8>,
    /// Whether that week's highest was above the one before it.
    pub rose: bool,
}

impl Trend {
    /// Whether `high` is above the last week's highest.
    fn rises_to(self, high: Option<u8>) -> bool {
        matches!((high, self.last_high), (Some(now), Some(before)) if now > before)
    }

    pub(super) fn after(self, high: Option<u8>) -> Self {
        match high {
            None => self,
            Some(_) => Self {
                last_high: high,
                rose: self.rises_to(high),
            },
        }
    }
}

/// What a week is judged on.
pub(super) struct WeekFacts<'a> {
    pub gate: Gate,
    /// The program's sessions of that week.
    pub sessions: Vec<&'a SessionFact>,
    /// The checks taken that week.
    pub checks: Vec<&'a CheckFact>,
    /// The long-run spikes of that week.
    pub spikes: Vec<&'a SpikeFact>,
    pub done: u32,
    pub planned: u32,
    pub trend: Trend,
}

impl WeekFacts<'_> {
    pub(super) fn highest_pain(&self) -> Option<u8> {
        self.sessions.iter().filter_map(|s| s.pain).max()
    }

    /// The verdict, whether the week was judged, and why.
    pub(super) fn judge(&self) -> (Verdict, bool, String) {
        let gate = self.gate;
        let worst_pain = self.highest_pain();
        let worst_check = self.checks.iter().map(|c| c.level).max();
        let counted: Vec<&&SessionFact> = self.sessions.iter().filter(|s| s.counts()).collect();
        let unknown = counted.iter().filter(|s| s.pain.is_none()).count();
        let (done, planned) = (self.done, self.planned);
        let amber = |reason: String| (Verdict::Amber, true, reason);
        if let Some(pain) = worst_pain.filter(|p| *p > gate.amber) {
            return (
                Verdict::Red,
                true,
                format!("a session hurt {pain}/10 (above {})", gate.amber),
            );
        }
        if let Some(level) = worst_check.filter(|l| *l >= Level::Review) {
            return (
                Verdict::Red,
                true,
                format!("a pain check said {}", level.as_str()),
            );
        }
        if let Some(pain) = worst_pain.filter(|p| *p > gate.green) {
            return amber(format!("a session hurt {pain}/10 (above {})", gate.green));
        }
        if self
            .sessions
            .iter()
            .any(|s| s.morning == Some(Morning::Worse))
        {
            return amber("worse the morning after a session".to_owned());
        }
        // Counted as a worse morning after a session is: the week holds (runs.md, "Programs").
        if let Some(spike) = self
            .spikes
            .iter()
            .find(|s| s.morning == Some(Morning::Worse))
        {
            return amber(format!(
                "worse the morning after the long run on {}: the level holds",
                super::words::day_words(spike.day)
            ));
        }
        if worst_check == Some(Level::SelfCare) {
            return amber("a pain check said self-care".to_owned());
        }
        if planned == 0 {
            return (
                Verdict::Amber,
                false,
                "nothing was planned (paused or rest days all week): not judged, the level holds"
                    .to_owned(),
            );
        }
        if done * 2 < planned {
            return amber(format!(
                "{done} of {planned} sessions done (fewer than half)"
            ));
        }
        if unknown * 2 > counted.len() {
            return amber(format!(
                "pain not known: no answer for {unknown} of {} sessions done",
                counted.len()
            ));
        }
        // A long-run spike is followed by more overuse injuries in a group of runners: the level
        // holds for the week, whatever else went well.
        if let Some(spike) = self.spikes.iter().max_by_key(|s| s.percent) {
            return amber(format!(
                "a run {}% longer than the longest of the 30 days before it (on {}): the level holds",
                spike.percent,
                super::words::day_words(spike.day)
            ));
        }
        let creeping =
            self.trend.rose && self.trend.rises_to(worst_pain) && worst_pain.is_some_and(|p| p > 0);
        if creeping {
            return amber(format!(
                "pain creeping up: at most {}/10, after {}/10, higher for the second week running",
                worst_pain.unwrap_or(0),
                self.trend.last_high.unwrap_or(0)
            ));
        }
        (
            Verdict::Green,
            true,
            format!(
                "{done} of {planned} sessions done, pain at most {}/10",
                worst_pain.unwrap_or(0)
            ),
        )
    }
}
