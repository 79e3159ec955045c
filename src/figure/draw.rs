//! Drawing a figure with ratatui's `Canvas`: bones as lines, the head as a circle, props dimmer.
//!
//! Deterministic: the same figure, moment and size always give the same cells, so snapshots are exact.
//! The drawing's frame is fixed over the whole movement, so the figure moves inside it instead of the
//! frame rescaling with every pose.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Circle, Context, Line, Points};

use super::scene::{Scene, Shape};
use super::{Crop, Figure};

/// Moments sampled to find the frame that holds the whole movement.
const FRAME_SAMPLES: u32 = 16;
/// The ghost's dots are this many braille dots apart.
const GHOST_DOT_EVERY: f64 = 3.0;
/// Room left around the figure, in body heights.
const MARGIN: f64 = 0.04;
/// A drawing this many times wider than tall is wide (a body lying down): beside words it would be a
/// thin strip, so screens give it the whole width instead.
pub const WIDE_RATIO: f64 = 2.0;

/// A figure at one moment of its movement, ready to draw (`&FigureView` is a read-only widget).
#[derive(Debug, Clone, PartialEq)]
pub struct FigureView {
    scene: Scene,
    /// Left, right, bottom, top, in body heights.
    frame: [f64; 4],
    marker: Marker,
    body_color: Color,
    far_color: Color,
    prop_color: Color,
    background: Color,
    /// Whether the start pose is drawn, dotted, behind the moving body (see [`Scene::ghost`]).
    ghost: bool,
}

impl FigureView {
    /// The figure at `phase` (0..1, from [`super::phase_at`]); `mirrored` for the other side.
    pub fn new(figure: &Figure, phase: f64, mirrored: bool) -> Self {
        Self {
            scene: figure.scene_at(phase, mirrored),
            frame: movement_frame(figure, mirrored),
            marker: Marker::Braille,
            body_color: Color::Reset,
            far_color: Color::Gray,
            prop_color: Color::DarkGray,
            background: Color::Reset,
            ghost: false,
        }
    }

    /// With the start pose drawn dotted, in the props' colour, behind the moving body: a movement
    /// reads in a still frame. Off by default, for the plain text of `exercises ID` and the
    /// snapshots of every figure, where a dotted body would be a second figure.
    #[must_use]
    pub fn with_ghost(mut self) -> Self {
        self.ghost = true;
        self
    }

    /// Braille (2×4 dots a cell) by default; `Marker::HalfBlock` where a font lacks braille.
    #[must_use]
    pub fn marker(mut self, marker: Marker) -> Self {
        self.marker = marker;
        self
    }

    /// The body's, the props' and the background's colours (`Color::Reset` for the terminal's own).
    /// The far limbs take the body's colour halfway to the props' (dimmer than the body, brighter
    /// than the props, and as readable as both against the background), where both are known.
    #[must_use]
    pub fn colors(mut self, body: Color, props: Color, background: Color) -> Self {
        self.body_color = body;
        self.far_color = halfway(body, props).unwrap_or(body);
        self.prop_color = props;
        self.background = background;
        self
    }

    /// Whether the movement's frame is more than [`WIDE_RATIO`] times as wide as it is tall.
    pub fn is_wide(&self) -> bool {
        let [left, right, bottom, top] = self.frame;
        right - left > WIDE_RATIO * (top - bottom)
    }

    /// The part of `area` the drawing takes (the whole width or the whole height, whichever its shape
    /// fills first), centred: for placing a figure in the middle of the room it has, rather than on
    /// the bottom of it.
    pub fn fitted(&self, area: Rect) -> Rect {
        let [left, right, bottom, top] = self.frame;
        let (columns, rows) = (f64::from(area.width), f64::from(area.height));
        if columns < 1.0 || rows < 1.0 {
            return area;
        }
        let per_column = ((right - left) / columns).max((top - bottom) / (2.0 * rows));
        if per_column <= 0.0 || !per_column.is_finite() {
            return area;
        }
        let needed = |extent: f64, per_cell: f64, room: u16| {
            // Whole cells, never more than the room.
            let cells = (extent / per_cell).ceil().clamp(1.0, f64::from(room));
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let cells = cells as u16;
            cells
        };
        let width = needed(right - left, per_column, area.width);
        let height = needed(top - bottom, per_column * 2.0, area.height);
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    }

    /// The canvas bounds that fit the movement's frame into `area` with square dots: a cell is about
    /// twice as tall as it is wide. The figure stands on the bottom of the area, centred across it.
    fn bounds(&self, area: Rect) -> ([f64; 2], [f64; 2]) {
        let [left, right, bottom, top] = self.frame;
        let columns = f64::from(area.width.max(1));
        let rows = f64::from(area.height.max(1));
        let per_column = ((right - left) / columns).max((top - bottom) / (2.0 * rows));
        let centre = f64::midpoint(left, right);
        let half_width = per_column * columns / 2.0;
        (
            [centre - half_width, centre + half_width],
            [bottom, bottom + per_column * 2.0 * rows],
        )
    }
}

impl Widget for &FigureView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let (x_bounds, y_bounds) = self.bounds(area);
        // A dot of the ghost every few braille dots across: dotted, it reads as a trace of the
        // body rather than a second one, with or without colour.
        let dot_spacing =
            GHOST_DOT_EVERY * (x_bounds[1] - x_bounds[0]) / (2.0 * f64::from(area.width));
        let ghost_dots = if self.ghost {
            dotted(&self.scene.ghost, dot_spacing)
        } else {
            Vec::new()
        };
        let paint = |ctx: &mut Context<'_>| {
            if !ghost_dots.is_empty() {
                ctx.draw(&Points {
                    coords: &ghost_dots,
                    color: self.prop_color,
                });
            }
            for shape in &self.scene.props {
                draw(ctx, shape, x_bounds, self.prop_color);
            }
            // Drawn before the body, so where a near limb crosses a far one the near one shows.
            for shape in &self.scene.far {
                draw(ctx, shape, x_bounds, self.far_color);
            }
            for shape in &self.scene.body {
                draw(ctx, shape, x_bounds, self.body_color);
            }
        };
        Canvas::default()
            .background_color(self.background)
            .marker(self.marker)
            .x_bounds(x_bounds)
            .y_bounds(y_bounds)
            .paint(paint)
            .render(area, buf);
    }
}

/// Points along the shapes, `spacing` apart (body heights).
fn dotted(shapes: &[Shape], spacing: f64) -> Vec<(f64, f64)> {
    if spacing <= 0.0 || !spacing.is_finite() {
        return Vec::new();
    }
    let mut dots = Vec::new();
    let mut along = |length: f64, at: &dyn Fn(f64) -> (f64, f64)| {
        // Bounded: a line of a few body heights at a few dots a cell.
        let steps = (length / spacing).ceil().clamp(1.0, 1000.0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let count = steps as u32;
        dots.extend((0..=count).map(|k| at(f64::from(k) / f64::from(count))));
    };
    for shape in shapes {
        match *shape {
            Shape::Line(a, b) => along((b.x - a.x).hypot(b.y - a.y), &|t| {
                (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
            }),
            Shape::Circle(c, r) => along(std::f64::consts::TAU * r, &|t| {
                let turn = std::f64::consts::TAU * t;
                (c.x + r * turn.cos(), c.y + r * turn.sin())
            }),
            Shape::Floor(_) => {}
        }
    }
    dots
}

/// The colour halfway between two RGB colours; `None` unless both are RGB.
fn halfway(from: Color, to: Color) -> Option<Color> {
    let (Color::Rgb(r1, g1, b1), Color::Rgb(r2, g2, b2)) = (from, to) else {
        return None;
    };
    let mid = u8::midpoint;
    Some(Color::Rgb(mid(r1, r2), mid(g1, g2), mid(b1, b2)))
}

fn draw(ctx: &mut Context<'_>, shape: &Shape, x_bounds: [f64; 2], color: Color) {
    match *shape {
        Shape::Line(a, b) => ctx.draw(&Line::new(a.x, a.y, b.x, b.y, color)),
        Shape::Circle(c, radius) => ctx.draw(&Circle::new(c.x, c.y, radius, color)),
        Shape::Floor(y) => ctx.draw(&Line::new(x_bounds[0], y, x_bounds[1], y, color)),
    }
}

/// Left, right, bottom and top of everything drawn over the whole movement, with a margin.
fn movement_frame(figure: &Figure, mirrored: bool) -> [f64; 4] {
    let mut frame = [
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    // Cropped to the head and shoulders, nothing below the lowest the middle of the back goes is
    // framed (the canvas leaves out what falls outside its frame).
    let cut = match figure.crop {
        Crop::Whole => f64::NEG_INFINITY,
        Crop::HeadAndShoulders => (0..=FRAME_SAMPLES)
            .map(|sample| {
                figure
                    .body_at(f64::from(sample) / f64::from(FRAME_SAMPLES))
                    .mid_back
                    .y
            })
            .fold(f64::INFINITY, f64::min),
    };
    for sample in 0..=FRAME_SAMPLES {
        let scene = figure.outline_at(f64::from(sample) / f64::from(FRAME_SAMPLES), mirrored);
        let kept = scene
            .shapes()
            .flat_map(Shape::extent)
            .filter(|point| point.y >= cut);
        for point in kept {
            frame[0] = frame[0].min(point.x);
            frame[1] = frame[1].max(point.x);
            frame[2] = frame[2].min(point.y);
            frame[3] = frame[3].max(point.y);
        }
    }
    [
        frame[0] - MARGIN,
        frame[1] + MARGIN,
        frame[2] - MARGIN / 2.0,
        frame[3] + MARGIN,
    ]
}

/// The figure drawn as text, `columns` × `rows` cells, trailing spaces trimmed: for `limberup exercises
/// ID` and for snapshots.
pub fn render_text(figure: &Figure, phase: f64, mirrored: bool, columns: u16, rows: u16) -> String {
    let area = Rect::new(0, 0, columns, rows);
    let mut buffer = Buffer::empty(area);
    (&FigureView::new(figure, phase, mirrored)).render(area, &mut buffer);
    let mut text = String::new();
    for y in 0..rows {
        let line: String = (0..columns)
            .map(|x| buffer[(x, y)].symbol().to_owned())
            .collect();
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
