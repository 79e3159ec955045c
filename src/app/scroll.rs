//! One vertical scroll for every scrolling view: an offset that never passes the end of the content.
//!
//! How tall the content is depends on the width it is wrapped to, which only the renderer knows; the
//! renderer reports it with [`Scroll::fit`] (through `Cell`s, as gitui's `VerticalScroll` does), and
//! the key handlers move within what was last drawn.

use std::cell::Cell;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scroll {
    offset: Cell<u16>,
    /// The furthest the offset may go, from the last draw; `None` before the first.
    max: Cell<Option<u16>>,
}

impl Scroll {
    /// The first line shown.
    pub fn offset(&self) -> u16 {
        self.offset.get()
    }

    /// Whether there is more than fits, so scrolling does something.
    pub fn can_move(&self) -> bool {
        self.max.get().is_none_or(|max| max > 0)
    }

    /// Whether lines are hidden below.
    pub fn more_below(&self) -> bool {
        self.max.get().is_some_and(|max| self.offset() < max)
    }

    /// Down a line; whether it moved.
    pub fn down(&mut self) -> bool {
        let limit = self.max.get().unwrap_or(u16::MAX);
        self.set(self.offset().saturating_add(1).min(limit))
    }

    /// Up a line; whether it moved.
    pub fn up(&mut self) -> bool {
        self.set(self.offset().saturating_sub(1))
    }

    /// Called by the renderer: `content` lines in a `viewport` of lines. Clamps the offset and
    /// returns it.
    pub fn fit(&self, content: u16, viewport: u16) -> u16 {
        let max = content.saturating_sub(viewport);
        self.max.set(Some(max));
        self.offset.set(self.offset().min(max));
        self.offset()
    }

    fn set(&mut self, offset: u16) -> bool {
        let moved = offset != self.offset();
        self.offset.set(offset);
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_stays_within_the_content() {
        let mut scroll = Scroll::default();
        assert_eq!(scroll.fit(30, 10), 0);
        for _ in 0..25 {
            scroll.down();
        }
        assert_eq!(scroll.offset(), 20, "no further than the last screenful");
        assert!(!scroll.down(), "at the end, down changes nothing");
        assert!(scroll.up(), "and one up moves at once");
        assert_eq!(scroll.offset(), 19);
        // A wider window wraps to fewer lines: the offset comes back within them.
        assert_eq!(scroll.fit(12, 10), 2);
        assert!(!scroll.more_below());
        assert_eq!(scroll.fit(5, 10), 0);
        assert!(!scroll.can_move());
    }
}
