//! Time sources for the session: the real monotonic clock, or a virtual one for tests and `snapshot`.
//!
//! The engine itself never reads a clock; the event loop asks one for "now" and passes it in, so the same
//! engine runs in real time and in virtual time.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// Milliseconds since the app started.
pub type Millis = u64;

/// The app's time: milliseconds since it started, read by the event loop and passed in to the app
/// and the engine, which never read a clock themselves. (The sound player's thread has a clock of
/// its own, `PlayerClock`, which also waits for its messages.)
pub trait AppClock {
    fn now(&self) -> Millis;
}

/// Monotonic time from [`Instant`], immune to wall-clock changes.
#[derive(Debug, Clone, Copy)]
pub struct MonotonicClock {
    origin: Instant,
}

impl MonotonicClock {
    pub fn start() -> Self {
        Self {
            origin: Instant::now(),
        }
    }

    /// The instant at which the clock will read `at`, for blocking until a deadline; `None` when
    /// that is past what the system's clock can hold (never, in effect).
    pub fn instant_at(&self, at: Millis) -> Option<Instant> {
        self.origin.checked_add(Duration::from_millis(at))
    }
}

impl Default for MonotonicClock {
    fn default() -> Self {
        Self::start()
    }
}

impl AppClock for MonotonicClock {
    fn now(&self) -> Millis {
        u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// Time that moves only when told to.
#[derive(Debug, Default)]
pub struct VirtualClock {
    now: Cell<Millis>,
}

impl VirtualClock {
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves time forward (never back) to `at`.
    pub fn advance_to(&self, at: Millis) {
        self.now.set(self.now.get().max(at));
    }
}

impl AppClock for VirtualClock {
    fn now(&self) -> Millis {
        self.now.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The last millisecond is a deadline like any other, or none where the system's clock ends
    /// sooner; never a panic.
    #[test]
    fn the_last_millisecond_is_a_deadline_or_none() {
        let clock = MonotonicClock::start();
        let soon = clock.instant_at(1_000).expect("in range");
        if let Some(last) = clock.instant_at(Millis::MAX) {
            assert!(last > soon);
        }
    }
}
