//! The session engine: plays a [`Plan`] against time passed in by the caller and emits cue events.
//!
//! Pure and deterministic: no clock, no I/O, no threads. Every deadline is absolute (the segment's start
//! plus an offset), and a segment that ends at time `t` starts the next one at exactly `t`, however late
//! the caller looks, so nothing drifts over a long routine. Pauses shift the current segment's start.

pub(crate) mod clock;
pub(crate) mod record;
mod summary;

use crate::format::limits::MAX_DURATION;
use crate::plan::{Cue, Plan, Segment};
pub use clock::{AppClock, AppInstant, Millis, MonotonicClock, VirtualClock};
pub use record::{SegmentOutcome, SessionRecord};
pub use summary::Summary;

/// Something the session did at a moment in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A cue is due: play it and show it.
    Cue {
        cue: Cue,
        at: AppInstant,
        segment: usize,
        /// Time from the cue to the end of its segment, when the segment is timed: a tick with 3 s
        /// left can say "three".
        left: Option<Millis>,
        /// Time from the start of its segment to the cue: a tempo step's rep cue can say which rep.
        offset: Millis,
    },
    /// A segment began (after the previous one ended, or by a skip).
    SegmentStarted { segment: usize, at: AppInstant },
    /// The last segment ended; the `done` cue comes with it.
    Finished { at: AppInstant },
}

/// How far the runner can nudge a segment with `+`/`-`.
pub const ADJUST_STEP_MS: i64 = 10_000;

/// A routine being played.
#[derive(Debug, Clone)]
pub struct Session {
    plan: Plan,
    current: usize,
    /// When the current segment started, shifted forward by pauses.
    segment_start: AppInstant,
    /// Pause-free time spent in the segments before the current one (as played: shortened, skipped
    /// or replayed), the elapsed half of the routine's one account.
    played: Millis,
    /// The current segment's length with `+`/`-` applied; `None` while an open-ended step waits.
    length: Option<Millis>,
    cues: Vec<(Millis, Cue)>,
    fired: usize,
    halfway_fired: bool,
    paused_since: Option<AppInstant>,
    finished: bool,
    record: SessionRecord,
}

impl Session {
    /// Starts playing at `now`; the first segment's opening cues are returned at once.
    pub fn start(plan: Plan, now: AppInstant) -> (Self, Vec<Event>) {
        let mut session = Self {
            plan,
            current: 0,
            segment_start: now,
            played: 0,
            length: None,
            cues: Vec::new(),
            fired: 0,
            halfway_fired: false,
            paused_since: None,
            finished: false,
            record: SessionRecord {
                started_at: now,
                ..SessionRecord::default()
            },
        };
        let mut events = Vec::new();
        session.enter(0, now, &mut events);
        session.run_until(now, &mut events);
        (session, events)
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn record(&self) -> &SessionRecord {
        &self.record
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    #[cfg(test)]
    pub(crate) fn current_index(&self) -> usize {
        self.current
    }

    /// The segment being played, or `None` once finished.
    pub fn current(&self) -> Option<&Segment> {
        if self.finished {
            None
        } else {
            self.plan.segments.get(self.current)
        }
    }

    /// The segment after the current one.
    pub fn upcoming(&self) -> Option<&Segment> {
        self.current()
            .and_then(|_| self.plan.segments.get(self.current + 1))
    }

    /// The current segment's length with adjustments, `None` for an open-ended step.
    pub fn length(&self) -> Option<Millis> {
        self.length
    }

    /// Time spent in the current segment (frozen while paused).
    pub fn elapsed_in_segment(&self, now: AppInstant) -> Millis {
        self.paused_since
            .unwrap_or(now)
            .saturating_sub(self.segment_start)
    }

    /// Time left in the current segment, `None` for an open-ended step.
    pub fn remaining_in_segment(&self, now: AppInstant) -> Option<Millis> {
        self.length
            .map(|length| length.saturating_sub(self.elapsed_in_segment(now)))
    }

    /// Where the session stands on the routine: (elapsed, total), both pause-free and in step with the
    /// segment countdown. One account: elapsed is the time played so far and moves only with time;
    /// the total is that plus what is left (the current segment as adjusted, then the plan), so it
    /// moves only when the runner changes the plan (`+`/`-`, skip, back).
    pub fn routine_progress(&self, now: AppInstant) -> (Millis, Millis) {
        if self.finished {
            return (self.played, self.played);
        }
        let Some(segment) = self.current() else {
            return (0, 0);
        };
        let elapsed = self.elapsed_in_segment(now);
        let this = self
            .length
            .unwrap_or_else(|| segment.estimated_ms().max(elapsed));
        let later: Millis = self.plan.segments[self.current + 1..]
            .iter()
            .map(Segment::estimated_ms)
            .sum();
        let position = self.played.saturating_add(elapsed);
        (
            position,
            self.played.saturating_add(this).saturating_add(later),
        )
    }

    /// The next moment something is due (a cue or a segment end); `None` while paused, waiting for
    /// "done", or finished.
    pub fn next_deadline(&self) -> Option<AppInstant> {
        if self.finished || self.paused_since.is_some() {
            return None;
        }
        let cue = self
            .cues
            .get(self.fired)
            .map(|(offset, _)| self.segment_start.saturating_add(*offset));
        let end = self
            .length
            .map(|length| self.segment_start.saturating_add(length));
        match (cue, end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The next moment the on-screen clock changes (whole seconds of the countdown, or of the
    /// count-up of an open-ended step); `None` while paused or finished.
    pub fn next_display_change(&self, now: AppInstant) -> Option<AppInstant> {
        if self.finished || self.paused_since.is_some() {
            return None;
        }
        let elapsed = self.elapsed_in_segment(now);
        let next_elapsed = match self.length {
            // Remaining shows as whole seconds rounded up; it changes when elapsed crosses
            // `length - k * 1000`.
            Some(length) => {
                let remaining = length.saturating_sub(elapsed);
                let shown = remaining.div_ceil(1000);
                length.saturating_sub(shown.saturating_sub(1) * 1000)
            }
            None => (elapsed / 1000).saturating_add(1).saturating_mul(1000),
        };
        Some(self.segment_start.saturating_add(next_elapsed))
    }

    /// Plays everything due up to `now`.
    pub fn advance(&mut self, now: AppInstant) -> Vec<Event> {
        let mut events = Vec::new();
        self.run_until(now, &mut events);
        events
    }

    pub fn toggle_pause(&mut self, now: AppInstant) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished {
            return events;
        }
        if let Some(since) = self.paused_since.take() {
            let paused = now.saturating_sub(since);
            self.segment_start = self.segment_start.saturating_add(paused);
            self.record.paused_ms = self.record.paused_ms.saturating_add(paused);
            self.run_until(now, &mut events);
        } else {
            self.paused_since = Some(now);
            self.record.pauses += 1;
        }
        events
    }

    /// Pauses or resumes as [`Session::toggle_pause`] does, but a pause made this way is not the
    /// runner's own (a box opened over the player) and is not counted as one.
    pub fn toggle_hold(&mut self, now: AppInstant) -> Vec<Event> {
        let pauses = self.record.pauses;
        let events = self.toggle_pause(now);
        self.record.pauses = pauses;
        events
    }

    /// Leaves the current segment unfinished and starts the next one now.
    pub fn skip(&mut self, now: AppInstant) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished {
            return events;
        }
        self.record
            .segments
            .push((self.current, SegmentOutcome::Skipped));
        self.enter(self.current + 1, now, &mut events);
        self.run_until(now, &mut events);
        events
    }

    /// Goes back to the start of the previous segment (the first one restarts itself).
    pub fn back(&mut self, now: AppInstant) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished {
            return events;
        }
        self.enter(self.current.saturating_sub(1), now, &mut events);
        self.run_until(now, &mut events);
        events
    }

    /// "Done" for an open-ended rep step; ignored for timed segments.
    pub fn done(&mut self, now: AppInstant) -> Vec<Event> {
        let mut events = self.advance(now);
        if self.finished || self.length.is_some() || self.paused_since.is_some() {
            return events;
        }
        self.record
            .segments
            .push((self.current, SegmentOutcome::Completed));
        self.enter(self.current + 1, now, &mut events);
        self.run_until(now, &mut events);
        events
    }

    /// Adds (or takes) time from the current timed segment; at least one second always stays, and `+`
    /// stops at the format's longest duration (a segment planned longer than that keeps its length).
    pub fn adjust(&mut self, now: AppInstant, delta_ms: i64) -> Vec<Event> {
        let mut events = self.advance(now);
        let (Some(length), false) = (self.length, self.finished) else {
            return events;
        };
        let elapsed = self.elapsed_in_segment(now);
        let longest = MAX_DURATION.millis().max(length);
        let wanted = length.saturating_add_signed(delta_ms).min(longest);
        let new_length = wanted.max(elapsed.saturating_add(1000));
        if new_length == length {
            return events;
        }
        let applied =
            i64::try_from(new_length).unwrap_or(i64::MAX) - i64::try_from(length).unwrap_or(0);
        self.record.adjustments.push((self.current, applied / 1000));
        self.length = Some(new_length);
        let segment = &self.plan.segments[self.current];
        self.cues = segment.cues_when(Some(new_length));
        // Cues already behind us stay played; the halfway cue sounds at most once per segment.
        if self.halfway_fired {
            self.cues.retain(|(_, cue)| *cue != Cue::Halfway);
        }
        self.fired = self.cues.partition_point(|(offset, _)| *offset <= elapsed);
        self.run_until(now, &mut events);
        events
    }

    /// Ends the session early (the runner quit).
    pub fn quit(&mut self, now: AppInstant) {
        if !self.finished && self.record.ended_at.is_none() {
            if let Some(since) = self.paused_since.take() {
                self.record.paused_ms += now.saturating_sub(since);
            }
            self.record.ended_at = Some(now);
        }
    }

    fn enter(&mut self, index: usize, at: AppInstant, events: &mut Vec<Event>) {
        // The segment being left counts as long as it was played (nothing before the first).
        self.played = self.played.saturating_add(self.elapsed_in_segment(at));
        if index >= self.plan.segments.len() {
            self.finished = true;
            self.record.finished = true;
            self.record.ended_at = Some(at);
            if let Some(since) = self.paused_since.take() {
                self.record.paused_ms += at.saturating_sub(since);
            }
            self.cues.clear();
            events.push(Event::Cue {
                cue: Cue::Done,
                at,
                segment: self.plan.segments.len(),
                left: None,
                offset: 0,
            });
            events.push(Event::Finished { at });
            return;
        }
        let segment = &self.plan.segments[index];
        self.current = index;
        self.segment_start = at;
        self.length = segment.length_ms;
        self.cues = segment.cues();
        self.fired = 0;
        self.halfway_fired = false;
        if self.paused_since.is_some() {
            self.paused_since = Some(at);
        }
        events.push(Event::SegmentStarted { segment: index, at });
    }

    fn run_until(&mut self, now: AppInstant, events: &mut Vec<Event>) {
        while !self.finished && self.paused_since.is_none() {
            while let Some(&(offset, cue)) = self.cues.get(self.fired) {
                let at = self.segment_start.saturating_add(offset);
                if at > now {
                    break;
                }
                self.fired += 1;
                self.halfway_fired |= cue == Cue::Halfway;
                events.push(Event::Cue {
                    cue,
                    at,
                    segment: self.current,
                    left: self.length.map(|length| length.saturating_sub(offset)),
                    offset,
                });
            }
            match self.length {
                Some(length) if self.segment_start.saturating_add(length) <= now => {
                    let end = self.segment_start.saturating_add(length);
                    self.record
                        .segments
                        .push((self.current, SegmentOutcome::Completed));
                    self.enter(self.current + 1, end, events);
                }
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests;
