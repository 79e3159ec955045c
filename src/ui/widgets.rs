//! Small widgets more than one view draws: the one-line progress gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{LineGauge, Widget};

use super::theme::Theme;
use crate::engine::Millis;

/// A one-line gauge; without colour, filled and unfilled are told apart by their characters.
pub(super) fn gauge(
    theme: Theme,
    ratio: f64,
    label: String,
    style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut gauge = LineGauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(label)
        .filled_style(style)
        .unfilled_style(theme.dim());
    if let Some((filled, unfilled)) = theme.gauge_symbols() {
        gauge = gauge.filled_symbol(filled).unfilled_symbol(unfilled);
    }
    gauge.render(area, buf);
}

#[allow(clippy::cast_precision_loss)] // times under 4 h are exact in f64
pub(super) fn ratio(part: Millis, whole: Millis) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
