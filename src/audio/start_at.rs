//! A sound that waits in silence until a moment on the monotonic clock, checked from inside the
//! output's own callback against when the frame it makes will be heard.
//!
//! A cue is handed to the output a quarter of a second ahead (see [`super::HAND_AHEAD`]). Counting
//! that wait in samples would make the cue late by any stall of the output in between: on a loaded
//! machine the stream underran, its samples fell behind the clock, and a tick counted out in samples
//! was heard 125 ms late (issue 27). Checked against the clock instead, the cue starts on the first
//! frame that will be heard at its moment, however the stream fared before and however long its
//! delay is now (the [`Playhead`]).

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::playhead::Playhead;

use rodio::{ChannelCount, SampleRate, Source};

/// How often, in frames, the clock is read while waiting: about 1.5 ms at 44.1 kHz, far finer
/// than the output's buffers, and cheap (a read of the clock is tens of nanoseconds).
const CHECK_EVERY_FRAMES: usize = 64;

/// Silence until the frame heard at `due`, then `input`.
pub(super) struct StartAt<I> {
    input: I,
    due: Instant,
    playhead: Arc<Playhead>,
    waiting: bool,
    /// Silent samples given so far, to read the clock only on frame boundaries.
    given: usize,
}

impl<I: Source> StartAt<I> {
    pub(super) fn new(input: I, due: Instant, playhead: Arc<Playhead>) -> Self {
        Self {
            input,
            due,
            playhead,
            waiting: true,
            given: 0,
        }
    }
}

impl<I: Source> Iterator for StartAt<I> {
    type Item = rodio::Sample;

    fn next(&mut self) -> Option<Self::Item> {
        if self.waiting {
            let frame = usize::from(self.input.channels().get());
            if self.given.is_multiple_of(CHECK_EVERY_FRAMES * frame)
                && self.playhead.next_heard() >= self.due
            {
                self.waiting = false;
            } else {
                self.given += 1;
                return Some(0.0);
            }
        }
        self.input.next()
    }
}

impl<I: Source> Source for StartAt<I> {
    /// Unknown while waiting (the silence lasts until a moment, not a count); the input's channels
    /// and rate do not change, so one span to the end is true.
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> ChannelCount {
        self.input.channels()
    }

    fn sample_rate(&self) -> SampleRate {
        self.input.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}

#[cfg(test)]
mod tests {
    use rodio::buffer::SamplesBuffer;

    use super::*;

    fn tone() -> SamplesBuffer {
        let channels = ChannelCount::new(2).expect("two");
        let rate = SampleRate::new(44_100).expect("a rate");
        SamplesBuffer::new(channels, rate, vec![0.5; 8])
    }

    /// A playhead no buffer has moved yet: the next frame is heard now.
    fn wall_clock() -> Arc<Playhead> {
        Arc::new(Playhead::new(44_100))
    }

    #[test]
    fn a_moment_already_past_starts_the_sound_at_once() {
        let samples: Vec<f32> = StartAt::new(tone(), Instant::now(), wall_clock()).collect();
        assert_eq!(samples, vec![0.5; 8]);
    }

    /// Until its moment it gives silence, in whole frames, however many samples are asked for;
    /// then the sound, whole and in order, within one check of its moment. (The source reads the
    /// clock itself, so the test judges each sample by the clock read just after it.)
    #[test]
    fn it_is_silent_in_whole_frames_until_its_moment_then_plays_the_sound() {
        let due = Instant::now() + Duration::from_millis(30);
        let mut source = StartAt::new(tone(), due, wall_clock());
        let (mut silent, mut silent_after_due) = (0, 0);
        let first = loop {
            let before = Instant::now();
            let sample = source.next().expect("the sound comes");
            if sample > 0.0 {
                assert!(Instant::now() >= due, "started before its moment");
                break sample;
            }
            silent += 1;
            if before >= due {
                silent_after_due += 1;
            }
            assert!(before < due + Duration::from_secs(10), "never started");
        };
        assert_eq!(silent % 2, 0, "whole frames of silence");
        assert!(
            silent_after_due <= CHECK_EVERY_FRAMES * 2,
            "{silent_after_due} silent samples after the moment"
        );
        let rest: Vec<f32> = std::iter::once(first).chain(source).collect();
        assert_eq!(rest, vec![0.5; 8]);
    }

    /// Frames of silence before the sound, on an output of 1,000 frames a second (a frame a
    /// millisecond) whose buffer, made at `made`, reports `delay` until heard.
    fn silent_frames(made: Instant, delay: Option<Duration>, due: Instant) -> usize {
        let playhead = Arc::new(Playhead::new(1_000));
        playhead.begin_buffer(made, delay);
        let mut source = StartAt::new(tone(), due, Arc::clone(&playhead));
        let mut silent = 0;
        loop {
            let (left, right) = (source.next(), source.next());
            playhead.frame_made();
            if left.is_some_and(|s| s > 0.0) {
                assert_eq!(right, Some(0.5), "whole frames");
                return silent;
            }
            silent += 1;
            assert!(silent < 10_000, "never started");
        }
    }

    /// The cue starts on the frame that will be heard at its moment: on a stream that reports 90 ms
    /// between making a frame and playing it, 90 frames (90 ms) sooner than on one that reports
    /// none. The checks fall every 64 frames, so the moments are chosen on them.
    #[test]
    fn a_reported_delay_starts_the_sound_that_much_sooner() {
        let made = Instant::now();
        let due = made + Duration::from_millis(90 + 128);
        assert_eq!(
            silent_frames(made, Some(Duration::from_millis(90)), due),
            128
        );
        assert_eq!(
            silent_frames(made, None, made + Duration::from_millis(128)),
            128
        );
        // Without the report the same moment waits for its own frame: 218, checked at 256.
        assert_eq!(silent_frames(made, None, due), 256);
    }
}
