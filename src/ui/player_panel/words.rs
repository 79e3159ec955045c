//! The player panel's words: the heading line, and the instructions, cues and caution below it.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};

use super::CUE_ROTATION_MS;
use crate::app::PlayerScreen;
use crate::engine::Millis;
use crate::plan::{Segment, SegmentKind};
use crate::routine::Step;
use crate::ui::theme::Theme;

/// "THORACIC ROTATION · LEFT SIDE · set 1/3 · 12 reps", or for rests what comes next.
pub(super) fn heading_line<'a>(
    player: &PlayerScreen,
    segment: &'a Segment,
    featured: Option<&'a Step>,
    theme: Theme,
    elapsed: Millis,
) -> Line<'a> {
    let mut parts: Vec<Span<'a>> = Vec::new();
    match segment.kind {
        SegmentKind::Exercise => {
            parts.push(Span::styled(segment.name.to_uppercase(), theme.title()));
            if let Some(side) = segment.side {
                parts.push(Span::styled(
                    format!("{} SIDE", side.label()),
                    theme.caution(),
                ));
            }
            if segment.sets > 1 {
                if let Some(set) = segment.set {
                    parts.push(Span::raw(format!("set {set}/{}", segment.sets)));
                }
            }
            // A tempo step counts its reps; an open-ended one says how many to do.
            if let Some((rep, reps)) = segment.rep_at(elapsed) {
                parts.push(Span::styled(format!("rep {rep} of {reps}"), theme.title()));
            } else if let Some(reps) = segment.reps {
                parts.push(Span::raw(format!("{reps} reps")));
            }
        }
        SegmentKind::Switch => {
            let next_side = player
                .session
                .plan()
                .segments
                .get(segment.index + 1)
                .and_then(|s| s.side)
                .map_or("the other side".to_owned(), |s| {
                    format!("{} SIDE", s.label())
                });
            parts.push(Span::styled(
                format!("Change to the {next_side}"),
                theme.title(),
            ));
        }
        _ => {
            let what = featured.map_or_else(|| "the end".to_owned(), |s| s.name.clone());
            parts.push(Span::styled(
                format!("Breathe. Next: {what}"),
                theme.title(),
            ));
        }
    }
    let mut spans = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(part);
    }
    Line::from(spans)
}

/// Instructions, the coaching cue of the moment, and the caution.
pub(super) fn detail_text<'a>(
    segment: &Segment,
    featured: Option<&'a Step>,
    elapsed: Millis,
    theme: Theme,
) -> Text<'a> {
    let mut lines: Vec<Line<'a>> = Vec::new();
    if segment.kind == SegmentKind::Exercise && segment.length_ms.is_none() {
        let reps = segment.reps.unwrap_or(0);
        lines.push(Line::styled(
            format!("Do {reps} reps at your own pace, then press Enter."),
            theme.caution(),
        ));
    }
    let Some(step) = featured else {
        return Text::from(lines);
    };
    if let Some(caution) = &step.caution {
        lines.push(Line::from(vec![
            Span::styled("! ", theme.caution()),
            Span::styled(caution.as_str(), theme.caution()),
        ]));
    }
    if let Some(instructions) = &step.instructions {
        lines.push(Line::raw(instructions.as_str()));
    }
    if !step.cues.is_empty() && segment.kind == SegmentKind::Exercise {
        let index = usize::try_from(elapsed / CUE_ROTATION_MS).unwrap_or(0) % step.cues.len();
        lines.push(Line::from(vec![
            Span::styled("» ", theme.key()),
            Span::styled(
                step.cues[index].as_str(),
                Style::new().add_modifier(Modifier::ITALIC),
            ),
        ]));
    }
    Text::from(lines)
}
