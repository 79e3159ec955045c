//! The preview of a routine before it starts: its steps, scrolled by the screen itself.

use super::bindings::PreviewKey;
use super::{LibraryScreen, Scroll};
use crate::routine::Routine;

/// A routine's step list and total time, before starting it.
#[derive(Debug)]
pub struct PreviewScreen {
    pub routine: Routine,
    pub scroll: Scroll,
    /// The library the preview was opened from, to go back to with its filter and selection.
    library: LibraryScreen,
}

impl PreviewScreen {
    /// The preview of `routine`, opened from `library` as it stands.
    pub fn new(routine: Routine, library: LibraryScreen) -> Self {
        Self {
            routine,
            scroll: Scroll::default(),
            library,
        }
    }

    /// Acts on a preview key (scrolling); a key only the app can act on (starting the routine,
    /// help, going back) comes back as it was.
    pub fn act(&mut self, key: PreviewKey) -> Option<PreviewKey> {
        match key {
            PreviewKey::ScrollDown => {
                self.scroll.down();
                None
            }
            PreviewKey::ScrollUp => {
                self.scroll.up();
                None
            }
            PreviewKey::Start | PreviewKey::Help | PreviewKey::Back => Some(key),
        }
    }

    /// The library it was opened from, with its filter and selection, to go back to.
    pub fn into_library(self) -> LibraryScreen {
        self.library
    }
}
