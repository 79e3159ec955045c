//! Colours and borders. Every distinction colour makes is also made by text or border shape, so the
//! screen reads the same in monochrome, in a snapshot, or to a colour-blind runner.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use crate::plan::SegmentKind;

pub fn segment_color(kind: SegmentKind) -> Color {
    match kind {
        SegmentKind::Exercise => Color::Green,
        SegmentKind::Prepare => Color::Cyan,
        SegmentKind::Switch => Color::Yellow,
        SegmentKind::SetRest | SegmentKind::Rest | SegmentKind::RoundRest => Color::Blue,
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

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn caution() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}
