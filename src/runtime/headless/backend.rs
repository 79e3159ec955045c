//! A test backend that behaves like a terminal where it matters for text: a wide character clears
//! the cells it covers, as a real terminal does (ratatui's `TestBackend` keeps stale cells there).

use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};

/// An in-memory terminal that treats wide characters as a terminal does: a wide character covers the
/// cells after it, and a character written over one erases all of it. ratatui's `TestBackend` copies
/// cells one by one, so its buffer kept whatever was behind a wide character before (`日本語` then
/// `a · 10s` read `at·e10s`): ratatui rightly sends no update for a cell that was already blank
/// under the wide character, because a real terminal blanks it itself.
pub struct ScreenBackend {
    inner: TestBackend,
    screen: Buffer,
}

impl ScreenBackend {
    pub fn new(width: u16, height: u16) -> Self {
        let inner = TestBackend::new(width, height);
        let screen = inner.buffer().clone();
        Self { inner, screen }
    }

    /// What the terminal shows.
    pub fn buffer(&self) -> &Buffer {
        &self.screen
    }

    /// Writes `cell` at `(x, y)` as a terminal would.
    fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        let right = self.screen.area.right();
        // Overwriting a wide character erases the cells it covered.
        let old_width = crate::text::width(self.screen[(x, y)].symbol());
        for covered in (x + 1..right).take(old_width.saturating_sub(1)) {
            self.screen[(covered, y)].reset();
        }
        self.screen[(x, y)] = cell.clone();
        // A wide character covers the cells after it.
        let new_width = crate::text::width(cell.symbol());
        for covered in (x + 1..right).take(new_width.saturating_sub(1)) {
            self.screen[(covered, y)].reset();
        }
    }
}

impl Backend for ScreenBackend {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let content: Vec<_> = content.collect();
        for &(x, y, cell) in &content {
            self.put(x, y, cell);
        }
        self.inner.draw(content.into_iter())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)?;
        self.screen = self.inner.buffer().clone();
        Ok(())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.screen.reset();
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        self.screen = self.inner.buffer().clone();
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}
