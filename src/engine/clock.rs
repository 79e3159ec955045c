//! Time sources for the session: the real monotonic clock, or a virtual one for tests and `snapshot`.
//!
//! The engine itself never reads a clock; the event loop asks one for "now" and passes it in, so the same
//! engine runs in real time and in virtual time.

use std::cell::Cell;
use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};
use std::time::{Duration, Instant};

/// A span of the app's time, in milliseconds: a step's length, a countdown's remainder, how far
/// ahead the sound is handed over. Added to an [`AppInstant`] it gives another instant.
pub type Millis = u64;

/// An instant of the app's time: milliseconds since it started (on the monotonic clock, or on the
/// virtual one of the tests and `snapshot`). A type of its own so that an instant cannot be added
/// to an instant, nor passed where a span is meant: two instants give a span only by subtracting.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[must_use]
pub struct AppInstant(u64);

impl AppInstant {
    /// The moment the app started.
    pub const START: Self = Self(0);

    /// The instant `since_start` milliseconds after the app started.
    pub const fn from_millis(since_start: Millis) -> Self {
        Self(since_start)
    }

    /// Milliseconds since the app started (for labels, logs and the headless harness's script).
    pub const fn as_millis(self) -> Millis {
        self.0
    }

    /// Whole seconds since the app started, to date it on the wall clock (which counts seconds).
    pub const fn whole_seconds(self) -> u64 {
        self.0 / 1000
    }

    /// The first instant after this one that is a whole number of `period`s since the app
    /// started: when something done every `period` (from the start) is next due. A zero period
    /// is due at once.
    pub const fn next_multiple_of(self, period: Millis) -> Self {
        match self.0.checked_div(period) {
            Some(whole) => Self(whole.saturating_add(1).saturating_mul(period)),
            None => self,
        }
    }

    /// The span from `earlier` to this instant, `None` when `earlier` is later.
    pub const fn checked_sub(self, earlier: Self) -> Option<Millis> {
        self.0.checked_sub(earlier.0)
    }

    /// The span from `earlier` to this instant, zero when `earlier` is later.
    pub const fn saturating_sub(self, earlier: Self) -> Millis {
        self.0.saturating_sub(earlier.0)
    }

    /// The instant `span` later, the last one the type holds if that is past it.
    pub const fn saturating_add(self, span: Millis) -> Self {
        Self(self.0.saturating_add(span))
    }

    /// The instant `span` earlier, the app's start if that is before it.
    pub const fn earlier_by(self, span: Millis) -> Self {
        Self(self.0.saturating_sub(span))
    }
}

/// An instant and a span: saturating, as every deadline the app works out is (never a panic at
/// the end of time).
impl Add<Millis> for AppInstant {
    type Output = Self;

    fn add(self, span: Millis) -> Self {
        self.saturating_add(span)
    }
}

/// An instant less a span: saturating at the app's start.
impl Sub<Millis> for AppInstant {
    type Output = Self;

    fn sub(self, span: Millis) -> Self {
        self.earlier_by(span)
    }
}

impl AddAssign<Millis> for AppInstant {
    fn add_assign(&mut self, span: Millis) {
        *self = *self + span;
    }
}

impl SubAssign<Millis> for AppInstant {
    fn sub_assign(&mut self, span: Millis) {
        *self = *self - span;
    }
}

impl fmt::Debug for AppInstant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "@{}ms", self.0)
    }
}

/// The app's time: milliseconds since it started, read by the event loop and passed in to the app
/// and the engine, which never read a clock themselves. (The sound player's thread has a clock of
/// its own, `PlayerClock`, which also waits for its messages.)
pub trait AppClock {
    fn now(&self) -> AppInstant;
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
    pub fn instant_at(&self, at: AppInstant) -> Option<Instant> {
        self.origin
            .checked_add(Duration::from_millis(at.as_millis()))
    }
}

impl Default for MonotonicClock {
    fn default() -> Self {
        Self::start()
    }
}

impl AppClock for MonotonicClock {
    fn now(&self) -> AppInstant {
        AppInstant::from_millis(
            u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX),
        )
    }
}

/// Time that moves only when told to.
#[derive(Debug, Default)]
pub struct VirtualClock {
    now: Cell<AppInstant>,
}

impl VirtualClock {
    pub fn new() -> Self {
        Self::default()
    }

    /// Moves time forward (never back) to `at`.
    pub fn advance_to(&self, at: AppInstant) {
        self.now.set(self.now.get().max(at));
    }
}

impl AppClock for VirtualClock {
    fn now(&self) -> AppInstant {
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
        let soon = clock
            .instant_at(AppInstant::from_millis(1_000))
            .expect("in range");
        if let Some(last) = clock.instant_at(AppInstant::from_millis(Millis::MAX)) {
            assert!(last > soon);
        }
    }

    /// Two instants give a span; an instant and a span give an instant, saturating both ways.
    #[test]
    fn instants_and_spans() {
        let start = AppInstant::from_millis(1_000);
        let later = start + 2_500;
        assert_eq!(later.saturating_sub(start), 2_500);
        assert_eq!(later.checked_sub(start), Some(2_500));
        assert_eq!(start.checked_sub(later), None);
        assert_eq!(start.saturating_sub(later), 0);
        assert_eq!(start - 5_000, AppInstant::START);
        assert_eq!(
            AppInstant::from_millis(Millis::MAX) + 1,
            AppInstant::from_millis(Millis::MAX)
        );
        assert_eq!(format!("{later:?}"), "@3500ms");
        assert_eq!(
            AppInstant::from_millis(3_999).next_multiple_of(2_000),
            AppInstant::from_millis(4_000)
        );
        assert_eq!(
            AppInstant::from_millis(4_000).next_multiple_of(2_000),
            AppInstant::from_millis(6_000)
        );
    }
}
