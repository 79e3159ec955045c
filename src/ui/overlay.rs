//! Boxes drawn over a screen: help, and "quit this routine?".

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::theme;
use crate::app::Screen;

fn popup(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

pub fn help(screen: &Screen, area: Rect, buf: &mut Buffer) {
    let keys: &[(&str, &str)] = match screen {
        Screen::Library(_) => &[
            ("↑ ↓ tab", "choose a routine"),
            ("enter", "preview it, enter again to start"),
            ("c", "pain check"),
            ("h", "history"),
            ("/", "filter by name, kind, tag or equipment"),
            ("esc", "clear the filter, or quit"),
            ("q", "quit"),
            ("ctrl-c", "quit at once"),
        ],
        Screen::Preview { .. } => &[
            ("enter", "start the routine"),
            ("↑ ↓", "scroll"),
            ("esc", "back to the library"),
            ("ctrl-c", "quit at once"),
        ],
        Screen::Player(_) => &[
            ("space", "pause / resume"),
            ("n  →", "next segment"),
            ("p  ←", "previous segment"),
            ("+  -", "10 seconds more / less"),
            ("enter", "done (steps without a timer)"),
            ("m", "mute / unmute"),
            ("q  esc", "quit (asks first)"),
            ("ctrl-c", "quit at once"),
            ("ctrl-z", "suspend; fg to come back"),
        ],
        Screen::Done(_) => &[
            ("enter", "continue (to the pain check, if asked)"),
            ("c", "pain check"),
            ("esc", "back"),
            ("ctrl-c", "quit at once"),
        ],
        Screen::Check(_) => &[
            ("enter", "answer"),
            ("esc", "back a question"),
            ("ctrl-c", "quit; nothing is saved"),
        ],
        Screen::CheckResult(_) => &[
            ("↑ ↓", "choose a routine"),
            ("enter", "start it"),
            ("j k", "scroll"),
            ("esc", "back"),
        ],
        Screen::History => &[
            ("c", "pain check"),
            ("esc", "back"),
            ("ctrl-c", "quit at once"),
        ],
    };
    let mut lines: Vec<Line<'_>> = keys
        .iter()
        .map(|(key, action)| {
            Line::from(vec![
                Span::styled(format!("{key:>10}  "), theme::key()),
                Span::raw(*action),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Any key closes this help.", theme::dim()));
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = popup(area, 52, height);
    Clear.render(area, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(Span::styled(" Keys ", theme::title())))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

pub fn confirm_quit(area: Rect, buf: &mut Buffer) {
    let area = popup(area, 44, 5);
    Clear.render(area, buf);
    Paragraph::new(vec![
        Line::raw("Stop this routine? What you did is kept."),
        Line::from(vec![
            Span::styled("y", theme::key()),
            Span::raw(" stop   "),
            Span::styled("n", theme::key()),
            Span::raw(" keep going"),
        ]),
    ])
    .wrap(Wrap { trim: true })
    .block(Block::bordered().title(Span::styled(" Quit? ", theme::caution())))
    .render(area, buf);
}
