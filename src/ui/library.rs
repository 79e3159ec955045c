//! The routine library: grouped by kind, with when, total time and equipment.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use super::footer;
use super::theme::{self, Theme};
use crate::app::{App, LibraryScreen};
use crate::routine::Routine;
use crate::routine::library::FileProblems;
use crate::text::{fit, pad, printable};

pub(super) fn render(app: &App, screen: &LibraryScreen, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let broken = app.library().files_with_problems();
    let broken_height = problems_height(broken.len(), area.height);
    let [header, body, problems, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(broken_height),
        Constraint::Length(1),
    ])
    .areas(area);

    let filter = if screen.filtering {
        Span::raw(format!("filter: {}_", screen.filter))
    } else if screen.filter.is_empty() {
        Span::styled("/ to filter", theme.dim())
    } else {
        Span::raw(format!("filter: {}", screen.filter))
    };
    let [title_area, filter_area] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(u16::try_from(filter.width()).unwrap_or(0)),
    ])
    .areas(header);
    Line::styled("limberup · routines", theme.title()).render(title_area, buf);
    Line::from(filter).right_aligned().render(filter_area, buf);

    let visible = screen.visible(app.library());
    let block = Block::bordered().title(format!(
        " {} ",
        crate::text::count(visible.len(), "routine", "routines")
    ));
    if visible.is_empty() {
        Paragraph::new("No routine matches. Backspace edits the filter, esc clears it.")
            .block(block)
            .render(body, buf);
    } else {
        let inner_width = body.width.saturating_sub(2);
        let (items, selected_row) = rows(&visible, screen.selected, inner_width, theme);
        let list = List::new(items)
            .block(block)
            .highlight_style(theme.selected())
            .highlight_symbol("› ");
        let mut state = ListState::default().with_selected(Some(selected_row));
        StatefulWidget::render(list, body, buf, &mut state);
    }

    render_problems(&broken, theme, problems, buf);
    footer(app, None, keys, buf);
}

/// At most this many files are listed; more are counted.
const MAX_PROBLEM_ROWS: usize = 3;

/// A title line and a row per file (at most [`MAX_PROBLEM_ROWS`]), leaving the list its 3 rows and
/// the header and footer theirs; at least the title whenever there is a problem.
fn problems_height(files: usize, height: u16) -> u16 {
    if files == 0 {
        return 0;
    }
    let rows = files.min(MAX_PROBLEM_ROWS);
    let room = usize::from(height.saturating_sub(1 + 3 + 1 + 1));
    u16::try_from(1 + rows.min(room)).unwrap_or(1)
}

/// `! 2 files with errors, left out: limberup validate shows every one`, then each file's first error.
fn render_problems(files: &[FileProblems<'_>], theme: Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let title = format!(
        "! {} with errors, left out: limberup validate shows them all",
        crate::text::count(files.len(), "file", "files")
    );
    let mut lines = vec![Line::styled(
        fit(&title, width).into_owned(),
        theme.caution(),
    )];
    let rows = usize::from(area.height - 1);
    for (index, file) in files.iter().take(rows).enumerate() {
        if index + 1 == rows && files.len() > rows {
            let more = format!("  … and {} more", files.len() - index);
            lines.push(Line::styled(fit(&more, width).into_owned(), theme.dim()));
            break;
        }
        let name = std::path::Path::new(&file.first.path)
            .file_name()
            .map_or_else(
                || file.first.path.clone(),
                |n| n.to_string_lossy().into_owned(),
            );
        let count = match file.count {
            1 => String::new(),
            n => format!(", {n} errors"),
        };
        let place = file
            .first
            .position
            .map_or_else(String::new, |p| format!("{}:{} ", p.line, p.column));
        let text = format!(
            "  {}{count}: {place}{}",
            printable(&name),
            printable(&file.first.message)
        );
        lines.push(Line::raw(fit(&text, width).into_owned()));
    }
    Paragraph::new(lines).render(area, buf);
}

/// List rows with a heading before each kind; returns the row of the selected routine.
fn rows<'a>(
    visible: &[&'a Routine],
    selected: usize,
    width: u16,
    theme: Theme,
) -> (Vec<ListItem<'a>>, usize) {
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
                theme.dim(),
            )));
            last_kind = Some(routine.kind);
        }
        if index == selected {
            selected_row = items.len();
        }
        items.push(ListItem::new(routine_row(
            routine,
            width,
            equipment_width,
            theme,
        )));
    }
    (items, selected_row)
}

const MAX_EQUIPMENT_WIDTH: usize = 24;

/// `Post-run upper-back stretch      after   ~5:50  foam roller`
fn routine_row(routine: &Routine, width: u16, equipment_width: usize, theme: Theme) -> Line<'_> {
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
    // The runner's own routines are marked, with their author when there is room (the built-in ones
    // are all limberup's: the preview says so).
    let name = match (routine.is_own(), routine.byline()) {
        (true, Some(by)) => format!("✎ {} · {by}", routine.name),
        (true, None) => format!("✎ {}", routine.name),
        (false, _) => routine.name.clone(),
    };
    Line::from(vec![
        Span::raw(format!("{} ", pad(&fit(&name, name_width), name_width))),
        Span::styled(details, theme.dim()),
    ])
}
