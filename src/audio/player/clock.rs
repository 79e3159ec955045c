//! The player's time: the monotonic clock in the product; in the player's tests a virtual one, so
//! they never sleep.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

/// What waiting for a message ended with.
#[derive(Debug, PartialEq, Eq)]
pub enum Received<T> {
    Message(T),
    /// The deadline came first.
    Due,
    /// Every sender is gone: no message will come.
    Closed,
}

/// Where the player's thread and its handle read the time, and how they wait for a message (the
/// app's own time is the engine's `AppClock`).
pub trait PlayerClock: Clone + Send + 'static {
    fn now(&self) -> Instant;
    /// The next message on `from`, waiting until `deadline` at the latest (for ever when `None`).
    fn recv<T>(&self, from: &Receiver<T>, deadline: Option<Instant>) -> Received<T>;
}

/// The real monotonic clock: [`Instant::now`], and the channel's own blocking waits.
#[derive(Debug, Clone, Copy, Default)]
pub struct Monotonic;

impl PlayerClock for Monotonic {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn recv<T>(&self, from: &Receiver<T>, deadline: Option<Instant>) -> Received<T> {
        match deadline {
            Some(at) => match from.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(message) => Received::Message(message),
                Err(RecvTimeoutError::Timeout) => Received::Due,
                Err(RecvTimeoutError::Disconnected) => Received::Closed,
            },
            None => from.recv().map_or(Received::Closed, Received::Message),
        }
    }
}
