//! The numeric limits of the routine format, in one place so the loader, the schema and the docs agree.

use std::ops::RangeInclusive;

use crate::duration::Secs;

pub use crate::diag::source::MAX_FILE_BYTES;
pub const MAX_SOUND_BYTES: u64 = 5 * 1024 * 1024;
pub const MAX_STEPS: usize = 200;
pub const NAME_CHARS: usize = 80;
pub const DESCRIPTION_CHARS: usize = 1000;
/// Instructions and cautions: a few sentences.
pub const PROSE_CHARS: usize = 1000;
/// Cues, tags, equipment, author.
pub const LINE_CHARS: usize = 200;
pub const MAX_DURATION: Secs = Secs(3600);
pub const MAX_ROUTINE: Secs = Secs(4 * 3600);
pub const REPS: RangeInclusive<i64> = 1..=200;
pub const SETS: RangeInclusive<i64> = 1..=20;
pub const ROUNDS: RangeInclusive<i64> = 1..=20;
pub const COUNTDOWN: RangeInclusive<i64> = 0..=10;
/// How long `plan` assumes an open-ended rep takes.
pub const ESTIMATED_REP: Secs = Secs(3);
