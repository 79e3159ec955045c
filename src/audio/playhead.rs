//! When the sample being made now will be heard.
//!
//! Samples are made a little before they are heard: the output's buffer, the sound server's own and the
//! device's lie in between, and together they are not constant. A stream just opened on a loaded
//! machine was seen to play a cue 88 ms after the moment at which its first sample was made, and the
//! next cue on the same stream, a second later, on time (issue 27). The output's callback is told, for
//! each buffer, when its first frame will be played (cpal's playback timestamp, which PulseAudio's
//! client works out from the server's own timing). The playhead keeps that and counts the frames
//! made since, so a cue that waits for its moment (see [`super::start_at`]) can start on the frame
//! that will be heard at that moment rather than on the frame made then.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A reported delay longer than this is not believed: no stream is that slow on purpose, and a bad
/// report must not start cues early by seconds.
pub(super) const LONGEST_BELIEVED: Duration = Duration::from_millis(500);

/// Not known yet: no buffer has been made.
const UNKNOWN: u64 = u64::MAX;

/// The output's playhead: when the next frame made will be heard.
///
/// Written by the output's callback and read by the sources it pulls, on that same thread, so the
/// two numbers are always read as they were last written; the atomics only make sharing it sound.
#[derive(Debug)]
pub(super) struct Playhead {
    origin: Instant,
    /// When the current buffer's first frame will be heard, in nanoseconds after `origin`.
    buffer_heard_ns: AtomicU64,
    /// Frames made into the current buffer so far.
    frames_made: AtomicU64,
    /// Frames a second of the output.
    rate: u32,
}

impl Playhead {
    #[must_use]
    pub(super) fn new(rate: u32) -> Self {
        Self {
            origin: Instant::now(),
            buffer_heard_ns: AtomicU64::new(UNKNOWN),
            frames_made: AtomicU64::new(0),
            rate: rate.max(1),
        }
    }

    /// A new buffer begins at `made`; its first frame will be heard `delay` later (as the output
    /// reports it, when it does).
    pub(super) fn begin_buffer(&self, made: Instant, delay: Option<Duration>) {
        let delay = delay.filter(|&d| d <= LONGEST_BELIEVED).unwrap_or_default();
        let heard = (made + delay).saturating_duration_since(self.origin);
        let nanos = u64::try_from(heard.as_nanos()).unwrap_or(UNKNOWN - 1);
        self.buffer_heard_ns.store(nanos, Ordering::Relaxed);
        self.frames_made.store(0, Ordering::Relaxed);
    }

    /// One more frame of the current buffer has been made.
    pub(super) fn frame_made(&self) {
        self.frames_made.fetch_add(1, Ordering::Relaxed);
    }

    /// When the next frame made will be heard; before the first buffer, now.
    #[must_use]
    pub(super) fn next_heard(&self) -> Instant {
        let heard_ns = self.buffer_heard_ns.load(Ordering::Relaxed);
        if heard_ns == UNKNOWN {
            return Instant::now();
        }
        let frames = self.frames_made.load(Ordering::Relaxed);
        let into_buffer = Duration::from_nanos(frames * 1_000_000_000 / u64::from(self.rate));
        self.origin + Duration::from_nanos(heard_ns) + into_buffer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_any_buffer_the_next_frame_is_heard_now() {
        let playhead = Playhead::new(48_000);
        let before = Instant::now();
        let heard = playhead.next_heard();
        assert!(heard >= before && heard <= Instant::now());
    }

    /// The delay the output reports is added, and each frame made moves the playhead by one frame's
    /// time: at 48 kHz, 480 frames are 10 ms.
    #[test]
    fn a_buffer_is_heard_after_its_delay_and_each_frame_a_frame_later() {
        let playhead = Playhead::new(48_000);
        let made = Instant::now();
        playhead.begin_buffer(made, Some(Duration::from_millis(90)));
        assert_eq!(playhead.next_heard(), made + Duration::from_millis(90));
        for _ in 0..480 {
            playhead.frame_made();
        }
        assert_eq!(playhead.next_heard(), made + Duration::from_millis(100));
        // The next buffer starts again from its own report.
        let later = made + Duration::from_millis(21);
        playhead.begin_buffer(later, Some(Duration::from_millis(40)));
        assert_eq!(playhead.next_heard(), later + Duration::from_millis(40));
    }

    /// A missing report counts as no delay; an unbelievable one too, so a cue is never started seconds
    /// early on a bad report.
    #[test]
    fn a_missing_or_unbelievable_delay_counts_as_none() {
        let playhead = Playhead::new(44_100);
        let made = Instant::now();
        playhead.begin_buffer(made, None);
        assert_eq!(playhead.next_heard(), made);
        playhead.begin_buffer(made, Some(LONGEST_BELIEVED + Duration::from_millis(1)));
        assert_eq!(playhead.next_heard(), made);
        playhead.begin_buffer(made, Some(LONGEST_BELIEVED));
        assert_eq!(playhead.next_heard(), made + LONGEST_BELIEVED);
    }
}
