//! Routines: the format coaches write, from file to validated model, and the library of them.

pub(crate) mod blocks;
pub mod catalog;
pub(crate) mod figure_check;
pub(crate) mod library;
pub mod load;
mod shared;
pub(crate) mod sound;

pub use crate::format::{Kind, Routine, Side, Sides, Step, When, Work, limits, model};
pub use library::Library;
