//! Routines: the format coaches write, from file to validated model.

pub mod catalog;
pub mod duration;
pub mod library;
pub mod limits;
pub mod load;
pub mod model;
pub mod sound;
pub mod source;

pub use library::{Library, LoadError};
pub use model::{Kind, Routine, Side, Sides, Step, When, Work};
