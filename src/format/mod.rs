//! The routine format as types: what a routine, a step and a sound are, and the format's limits.
//! No reading or checking here (that is [`crate::routine`]); the timeline ([`crate::plan`]) and the
//! loader both build on these.

pub mod limits;
pub mod model;

pub use model::{Kind, Routine, Side, Sides, Step, When, Work};
