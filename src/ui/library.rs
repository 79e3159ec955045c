//! The routine library: grouped by kind, with when, total time and equipment.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use super::{footer, theme};
use crate::app::{App, LibraryScreen};
use crate::routine::Routine;
use crate::text::{fit, pad};

pub fn render(app: &App, screen: &LibraryScreen, area: Rect, buf: &mut Buffer) {
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);

    let filter = if screen.filtering {
        Span::raw(format!("filter: {}_", screen.filter))
    } else if screen.filter.is_empty() {
        Span::styled("/ to filter", theme::dim())
    } else {
        Span::raw(format!("filter: {}", screen.filter))
    };
    let [title_area, filter_area] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(u16::try_from(filter.width()).unwrap_or(0)),
    ])
    .areas(header);
    Line::styled("limberup · routines", theme::title()).render(title_area, buf);
    Line::from(filter).right_aligned().render(filter_area, buf);

    let visible = screen.visible(&app.library);
    let block = Block::bordered().title(format!(" {} routines ", visible.len()));
    if visible.is_empty() {
        Paragraph::new("No routine matches. Backspace edits the filter, esc clears it.")
            .block(block)
            .render(body, buf);
    } else {
        let inner_width = body.width.saturating_sub(2);
        let (items, selected_row) = rows(&visible, screen.selected, inner_width);
        let list = List::new(items)
            .block(block)
            .highlight_style(theme::selected())
            .highlight_symbol("› ");
        let mut state = ListState::default().with_selected(Some(selected_row));
        StatefulWidget::render(list, body, buf, &mut state);
    }

    let problem = (!app.library.problems.is_empty())
        .then_some("some of your routines have errors: run limberup validate");
    footer(problem, &app.footer_hints(), keys, buf);
}

/// List rows with a heading before each kind; returns the row of the selected routine.
fn rows<'a>(visible: &[&'a Routine], selected: usize, width: u16) -> (Vec<ListItem<'a>>, usize) {
    // One equipment column for all rows, so `when` and the total line up.
    let equipment_width = visible
        .iter()
        .map(|r| crate::text::width(&r.equipment.join(", ")))
        .max()
        .unwrap_or(0)
        .min(MAX_EQUIPMENT_WIDTH);
    let mut items = Vec::new();
    let mut selected_row = 0;
    let mut last_kind = None;
    for (index, routine) in visible.iter().enumerate() {
        if last_kind != Some(routine.kind) {
            items.push(ListItem::new(Line::styled(
                routine.kind.heading(),
                theme::dim(),
            )));
            last_kind = Some(routine.kind);
        }
        if index == selected {
            selected_row = items.len();
        }
        items.push(ListItem::new(routine_row(routine, width, equipment_width)));
    }
    (items, selected_row)
}

const MAX_EQUIPMENT_WIDTH: usize = 24;

/// `Post-run upper-back stretch      after   ~5:50  foam roller`
fn routine_row(routine: &Routine, width: u16, equipment_width: usize) -> Line<'_> {
    // Two columns for the highlight symbol; the name gets what the fixed columns leave.
    let room = usize::from(width).saturating_sub(2);
    let fixed = format!("{:<6} {:>6}", routine.when.as_str(), routine.total.label());
    let equipment_width = if room >= 40 + equipment_width {
        equipment_width
    } else {
        0
    };
    let details = if equipment_width > 0 {
        format!(
            "{fixed}  {}",
            pad(
                &fit(&routine.equipment.join(", "), equipment_width),
                equipment_width
            )
        )
    } else {
        fixed
    };
    let name_width = room.saturating_sub(crate::text::width(&details) + 1);
    Line::from(vec![
        Span::raw(format!(
            "{} ",
            pad(&fit(&routine.name, name_width), name_width)
        )),
        Span::styled(details, theme::dim()),
    ])
}
