//! What happened in a session, for the done screen and the history.

use super::clock::{AppInstant, Millis};

/// How one segment ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentOutcome {
    Completed,
    Skipped,
}

/// Everything the history needs to know about a played session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionRecord {
    /// The outcome of each segment that was left, in the order it was left (a segment played twice after
    /// going back appears twice).
    pub segments: Vec<(usize, SegmentOutcome)>,
    /// Seconds added (or taken, if negative) per segment, by `+`/`-`.
    pub adjustments: Vec<(usize, i64)>,
    pub pauses: u32,
    pub paused_ms: Millis,
    pub started_at: AppInstant,
    pub ended_at: Option<AppInstant>,
    /// True when the last segment was left, false when the session was quit.
    pub finished: bool,
}

impl SessionRecord {
    #[cfg(test)]
    pub(crate) fn completed(&self) -> usize {
        self.count(SegmentOutcome::Completed)
    }

    #[cfg(test)]
    pub(crate) fn skipped(&self) -> usize {
        self.count(SegmentOutcome::Skipped)
    }

    #[cfg(test)]
    fn count(&self, outcome: SegmentOutcome) -> usize {
        self.segments.iter().filter(|(_, o)| *o == outcome).count()
    }

    /// Segments whose length was changed with `+`/`-`.
    pub fn extended(&self) -> usize {
        let mut indexes: Vec<usize> = self.adjustments.iter().map(|(i, _)| *i).collect();
        indexes.sort_unstable();
        indexes.dedup();
        indexes.len()
    }

    /// Time spent, pauses excluded.
    pub fn active_ms(&self) -> Millis {
        self.ended_at
            .unwrap_or(self.started_at)
            .saturating_sub(self.started_at)
            .saturating_sub(self.paused_ms)
    }
}
