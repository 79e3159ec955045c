//! Colours and borders. Every distinction colour makes is also made by text, border shape or a
//! marker, so the screen reads the same in monochrome (`NO_COLOR`), in a snapshot, or to a
//! colour-blind runner.
//!
//! Each theme paints its own background and uses explicit RGB colours only, so every text and
//! background pair is known and at least 4.5:1 (WCAG AA), whatever the terminal's palette.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::BorderType;

use crate::app::App;
use crate::config::{Background, Look};
use crate::plan::SegmentKind;
use crate::triage::{Area, Level};

/// The colours of one theme, as RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: [u8; 3],
    pub text: [u8; 3],
    pub dim: [u8; 3],
    pub key: [u8; 3],
    pub caution: [u8; 3],
    pub work: [u8; 3],
    pub prepare: [u8; 3],
    pub switch: [u8; 3],
    pub rest: [u8; 3],
    /// Ok, self-care, review, urgent, emergency.
    pub levels: [[u8; 3]; 5],
    /// In the order of [`Area::ALL`].
    pub areas: [[u8; 3]; 8],
}

impl Palette {
    /// Every colour drawn on the background (for the contrast test).
    #[cfg(test)]
    pub(crate) fn foregrounds(&self) -> Vec<[u8; 3]> {
        let mut all = vec![
            self.text,
            self.dim,
            self.key,
            self.caution,
            self.work,
            self.prepare,
            self.switch,
            self.rest,
        ];
        all.extend(self.levels);
        all.extend(self.areas);
        all
    }
}

pub const DARK: Palette = Palette {
    background: [0x1c, 0x1c, 0x1c],
    text: [0xe4, 0xe4, 0xe4],
    dim: [0xa8, 0xa8, 0xa8],
    key: [0x5f, 0xd7, 0xff],
    caution: [0xff, 0xd7, 0x5f],
    work: [0x87, 0xd7, 0x87],
    prepare: [0x5f, 0xd7, 0xff],
    switch: [0xff, 0xd7, 0x5f],
    rest: [0x87, 0xaf, 0xff],
    levels: [
        [0x87, 0xd7, 0x87],
        [0x5f, 0xd7, 0xff],
        [0xff, 0xd7, 0x5f],
        [0xff, 0x87, 0x87],
        [0xff, 0x6b, 0x6b],
    ],
    areas: [
        [0xff, 0x87, 0xff],
        [0x5f, 0xd7, 0xff],
        [0xff, 0xd7, 0x5f],
        [0x87, 0xaf, 0xff],
        [0xff, 0x87, 0x87],
        [0x87, 0xd7, 0x87],
        [0xe4, 0xe4, 0xe4],
        [0xd7, 0xaf, 0xff],
    ],
};

pub const LIGHT: Palette = Palette {
    background: [0xff, 0xff, 0xff],
    text: [0x1c, 0x1c, 0x1c],
    dim: [0x5f, 0x5f, 0x5f],
    key: [0x00, 0x5f, 0x87],
    caution: [0x87, 0x5f, 0x00],
    work: [0x2e, 0x7d, 0x32],
    prepare: [0x00, 0x5f, 0x87],
    switch: [0x87, 0x5f, 0x00],
    rest: [0x1f, 0x4f, 0xbf],
    levels: [
        [0x2e, 0x7d, 0x32],
        [0x00, 0x69, 0x7a],
        [0x87, 0x5f, 0x00],
        [0xb3, 0x26, 0x1e],
        [0xa0, 0x00, 0x00],
    ],
    areas: [
        [0xa0, 0x00, 0x9f],
        [0x00, 0x69, 0x7a],
        [0x7a, 0x5a, 0x00],
        [0x1f, 0x4f, 0xbf],
        [0xb3, 0x26, 0x1e],
        [0x2e, 0x7d, 0x32],
        [0x1c, 0x1c, 0x1c],
        [0x6a, 0x3f, 0xb0],
    ],
};

/// The styles the renderers draw with, from the app's look: the palette of its theme, or none at
/// all without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    palette: Option<&'static Palette>,
}

/// The app's theme.
pub fn of(app: &App) -> Theme {
    Theme::new(app.look())
}

fn rgb(c: [u8; 3]) -> Color {
    Color::Rgb(c[0], c[1], c[2])
}

impl Theme {
    pub fn new(look: Look) -> Self {
        let palette = match look.background {
            Background::Dark => &DARK,
            Background::Light => &LIGHT,
        };
        Self {
            palette: look.color.then_some(palette),
        }
    }

    /// Whether colours are drawn (not with `NO_COLOR`).
    pub fn colored(self) -> bool {
        self.palette.is_some()
    }

    fn fg(self, pick: impl Fn(&Palette) -> [u8; 3]) -> Style {
        self.palette
            .map_or_else(Style::new, |palette| Style::new().fg(rgb(pick(palette))))
    }

    /// Text on the theme's background: what the whole screen is painted with first.
    pub fn base(self) -> Style {
        self.palette.map_or_else(Style::new, |palette| {
            Style::new()
                .fg(rgb(palette.text))
                .bg(rgb(palette.background))
        })
    }

    pub fn text(self) -> Style {
        self.fg(|p| p.text)
    }

    pub fn title(self) -> Style {
        self.text().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        self.fg(|p| p.dim)
    }

    pub fn key(self) -> Style {
        self.fg(|p| p.key).add_modifier(Modifier::BOLD)
    }

    pub fn caution(self) -> Style {
        self.fg(|p| p.caution).add_modifier(Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The colour of a segment's border, title and clock.
    pub fn segment(self, kind: SegmentKind) -> Style {
        self.fg(|p| match kind {
            SegmentKind::Exercise => p.work,
            SegmentKind::Prepare => p.prepare,
            SegmentKind::Switch => p.switch,
            SegmentKind::SetRest | SegmentKind::Rest | SegmentKind::RoundRest => p.rest,
        })
    }

    pub fn level(self, level: Level) -> Style {
        let index = match level {
            Level::Ok => 0,
            Level::SelfCare => 1,
            Level::Review => 2,
            Level::Urgent => 3,
            Level::Emergency => 4,
        };
        self.fg(|p| p.levels[index])
    }

    /// A body area's line in the pain chart.
    pub fn area(self, area: Area) -> Style {
        self.fg(|p| p.areas[area_index(area)])
    }

    /// A body area's marker in the pain chart: fine braille lines told apart by colour, or without
    /// colour a character of its own (also shown in the legend).
    pub fn area_marker(self, area: Area) -> (Marker, Option<char>) {
        if self.colored() {
            (Marker::Braille, None)
        } else {
            let mark = AREA_MARKS[area_index(area)];
            (Marker::Custom(mark), Some(mark))
        }
    }

    /// Sessions-per-week bars.
    pub fn bars(self) -> Style {
        self.fg(|p| p.work)
    }

    /// A gauge's filled and unfilled characters: thin lines told apart by colour, or without colour
    /// full and light blocks.
    pub fn gauge_symbols(self) -> Option<(&'static str, &'static str)> {
        if self.colored() {
            None
        } else {
            Some(("█", "░"))
        }
    }

    /// A figure's body, props and background.
    pub fn figure_colors(self) -> (Color, Color, Color) {
        self.palette
            .map_or((Color::Reset, Color::Reset, Color::Reset), |palette| {
                (rgb(palette.text), rgb(palette.dim), rgb(palette.background))
            })
    }
}

/// Distinct characters for the body areas, in the order `Area` lists them.
const AREA_MARKS: [char; 8] = ['*', '+', 'o', 'x', '#', '@', '%', '='];

fn area_index(area: Area) -> usize {
    match area {
        Area::Neck => 0,
        Area::Shoulders => 1,
        Area::UpperBack => 2,
        Area::MidBack => 3,
        Area::LowerBack => 4,
        Area::Hips => 5,
        Area::Legs => 6,
        Area::Arms => 7,
    }
}

/// Work is thick, rest is rounded, switching is double, getting ready is plain.
pub fn segment_border(kind: SegmentKind) -> BorderType {
    match kind {
        SegmentKind::Exercise => BorderType::Thick,
        SegmentKind::Prepare => BorderType::Plain,
        SegmentKind::Switch => BorderType::Double,
        SegmentKind::SetRest | SegmentKind::Rest | SegmentKind::RoundRest => BorderType::Rounded,
    }
}

pub fn segment_label(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::Exercise => "WORK",
        SegmentKind::Prepare => "GET READY",
        SegmentKind::Switch => "SWITCH SIDES",
        SegmentKind::SetRest => "REST BETWEEN SETS",
        SegmentKind::Rest => "REST",
        SegmentKind::RoundRest => "REST BETWEEN ROUNDS",
    }
}

/// The background a terminal reported: light when dark text stands out more on it than light
/// text (relative luminance above about 0.18, where the two contrasts are equal).
pub fn background_of(rgb: [u8; 3]) -> Background {
    let luminance = relative_luminance(rgb);
    if (1.05 / (luminance + 0.05)) < ((luminance + 0.05) / 0.05) {
        Background::Light
    } else {
        Background::Dark
    }
}

/// WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white).
pub fn relative_luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// WCAG 2 contrast ratio of two colours, 1 to 21.
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (a, b) = (relative_luminance(a), relative_luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::{Background, DARK, LIGHT, background_of, contrast_ratio};

    #[test]
    fn reported_backgrounds_are_light_or_dark_by_which_text_stands_out_more() {
        assert_eq!(background_of([255, 255, 255]), Background::Light);
        assert_eq!(background_of([0xfd, 0xf6, 0xe3]), Background::Light); // solarized light
        assert_eq!(background_of([0, 0x2b, 0x36]), Background::Dark); // solarized dark
        assert_eq!(background_of([0x30, 0x30, 0x30]), Background::Dark);
    }

    #[test]
    fn every_colour_is_at_least_4_5_to_1_on_its_background() {
        for (name, palette) in [("dark", DARK), ("light", LIGHT)] {
            for color in palette.foregrounds() {
                let ratio = contrast_ratio(color, palette.background);
                assert!(
                    ratio >= 4.5,
                    "{name}: {color:02x?} on {:02x?} is {ratio:.2}:1",
                    palette.background
                );
            }
        }
    }
}
