//! A countdown in large block digits, readable from a mat on the floor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Glyph rows, 5 high; `#` is a lit cell.
fn glyph(c: char) -> Option<&'static [&'static str; 5]> {
    Some(match c {
        '0' => &["#####", "#   #", "#   #", "#   #", "#####"],
        '1' => &["  #  ", " ##  ", "  #  ", "  #  ", " ### "],
        '2' => &["#####", "    #", "#####", "#    ", "#####"],
        '3' => &["#####", "    #", " ####", "    #", "#####"],
        '4' => &["#   #", "#   #", "#####", "    #", "    #"],
        '5' => &["#####", "#    ", "#####", "    #", "#####"],
        '6' => &["#####", "#    ", "#####", "#   #", "#####"],
        '7' => &["#####", "    #", "   # ", "  #  ", "  #  "],
        '8' => &["#####", "#   #", "#####", "#   #", "#####"],
        '9' => &["#####", "#   #", "#####", "    #", "#####"],
        ':' => &[" ", "#", " ", "#", " "],
        _ => return None,
    })
}

pub(super) const GLYPH_ROWS: u16 = 5;

/// Cells per font pixel, across and down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scale {
    pub x: u16,
    pub y: u16,
}

/// The size of `text` drawn at `scale`, or `None` if it has a character the font lacks.
pub(super) fn measure(text: &str, scale: Scale) -> Option<(u16, u16)> {
    let mut width: u16 = 0;
    for (i, c) in text.chars().enumerate() {
        let rows = glyph(c)?;
        let glyph_width = u16::try_from(rows[0].len()).ok()?;
        width += glyph_width * scale.x + if i > 0 { scale.x } else { 0 };
    }
    Some((width, GLYPH_ROWS * scale.y))
}

/// The largest scale at which `text` fits in `area`: from 1×1 up to 12 across and 8 down, about
/// square dots (a cell is twice as tall as wide), so on a big terminal the digits read across a room.
pub(super) fn best_scale(text: &str, area: Rect) -> Option<Scale> {
    [
        Scale { x: 12, y: 8 },
        Scale { x: 11, y: 7 },
        Scale { x: 9, y: 6 },
        Scale { x: 8, y: 5 },
        Scale { x: 6, y: 4 },
        Scale { x: 5, y: 3 },
        Scale { x: 3, y: 2 },
        Scale { x: 2, y: 2 },
        Scale { x: 2, y: 1 },
        Scale { x: 1, y: 1 },
    ]
    .into_iter()
    .find(|&scale| measure(text, scale).is_some_and(|(w, h)| w <= area.width && h <= area.height))
}

/// Draws `text` centred in `area` at `scale`.
pub(super) fn render(text: &str, scale: Scale, style: Style, area: Rect, buf: &mut Buffer) {
    let Some((width, height)) = measure(text, scale) else {
        return;
    };
    let left = area.x + area.width.saturating_sub(width) / 2;
    let top = area.y + area.height.saturating_sub(height) / 2;
    let mut x = left;
    for (i, c) in text.chars().enumerate() {
        let Some(rows) = glyph(c) else { continue };
        if i > 0 {
            x += scale.x;
        }
        for (row_index, row) in rows.iter().enumerate() {
            for (col_index, pixel) in row.chars().enumerate() {
                if pixel != '#' {
                    continue;
                }
                let (row16, col16) = (
                    u16::try_from(row_index).unwrap_or(0),
                    u16::try_from(col_index).unwrap_or(0),
                );
                for dy in 0..scale.y {
                    for dx in 0..scale.x {
                        let cell_x = x + col16 * scale.x + dx;
                        let cell_y = top + row16 * scale.y + dy;
                        if cell_x < area.right() && cell_y < area.bottom() {
                            if let Some(cell) = buf.cell_mut((cell_x, cell_y)) {
                                cell.set_symbol("█").set_style(style);
                            }
                        }
                    }
                }
            }
        }
        x += u16::try_from(rows[0].len()).unwrap_or(0) * scale.x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(measure("0:30", Scale { x: 1, y: 1 }), Some((19, 5)));
        assert_eq!(measure("10:00", Scale { x: 2, y: 1 }), Some((50, 5)));
        assert_eq!(measure("1a", Scale { x: 1, y: 1 }), None);
        let area = Rect::new(0, 0, 40, 5);
        assert_eq!(best_scale("0:30", area), Some(Scale { x: 2, y: 1 }));
        assert_eq!(best_scale("0:30", Rect::new(0, 0, 10, 5)), None);
        // Grown with the room, never wider than it.
        assert_eq!(
            best_scale("0:30", Rect::new(0, 0, 117, 26)),
            Some(Scale { x: 6, y: 4 })
        );
        assert_eq!(
            best_scale("10:00", Rect::new(0, 0, 196, 40)),
            Some(Scale { x: 6, y: 4 })
        );
    }

    #[test]
    fn draws_inside_the_area_only() {
        let area = Rect::new(0, 0, 19, 5);
        let mut buf = Buffer::empty(area);
        render(
            "0:30",
            Scale { x: 1, y: 1 },
            Style::default(),
            area,
            &mut buf,
        );
        let first_row: String = (0..19).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert_eq!(first_row, "█████   █████ █████");
        // A tiny area must not panic.
        let mut tiny = Buffer::empty(Rect::new(0, 0, 1, 1));
        render(
            "0:30",
            Scale { x: 3, y: 2 },
            Style::default(),
            Rect::new(0, 0, 1, 1),
            &mut tiny,
        );
    }
}
