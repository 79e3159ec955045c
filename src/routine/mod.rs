//! Routines: the format coaches write, from file to validated model, and the library of them.

pub mod blocks;
pub mod catalog;
pub mod figure_check;
pub mod library;
pub mod load;
mod shared;
pub mod sound;

pub use crate::format::{Kind, Routine, Side, Sides, Step, When, Work, limits, model};
pub use library::Library;
