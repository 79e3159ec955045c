//! The pain check: one question per screen, then the result. Plain words a tired runner reads in a
//! second; every choice is marked by brackets as well as by colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, StatefulWidget, Widget, Wrap};

use super::check_group;
use super::footer;
use super::theme::{self, Theme};
use super::widgets::ScrolledText;
use crate::app::check::{CHOICES, CheckForm, FOOTNOTE, Question};
use crate::app::{App, CheckResult};
use crate::triage::advice::DISCLAIMER;
use crate::triage::report::{Reason, report};
use crate::triage::{Area, Level};

pub(super) fn render_form(app: &App, form: &CheckForm, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let (number, of) = form.progress();
    let counter = format!("question {number} of {of}");
    let [title_area, counter_area] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(u16::try_from(counter.len()).unwrap_or(0)),
    ])
    .areas(header);
    Line::styled("Pain check", theme.title()).render(title_area, buf);
    Line::styled(counter, theme.dim())
        .right_aligned()
        .render(counter_area, buf);
    if let Question::Group(group) = form.question {
        check_group::render(form, group, theme, body, buf);
        // The hint replaces the keys for a moment: on a scrolled group it would be out of sight.
        match form.notice {
            Some(notice) => Line::styled(notice, theme.caution()).render(keys, buf),
            None => footer(app, None, keys, buf),
        }
        return;
    }
    let (section, mut lines) = question_lines(form, theme);
    if let Some(notice) = form.notice {
        lines.push(Line::raw(""));
        lines.push(Line::styled(notice, theme.caution()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(FOOTNOTE, theme.dim()));
    // Untrimmed, so the ticks of the area list stay in line.
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .padding(Padding::horizontal(1))
                .title(Span::styled(format!(" {section} "), theme.title())),
        )
        .wrap(Wrap { trim: false })
        .render(body, buf);
    footer(app, None, keys, buf);
}

/// The section title and the question with its answer.
fn question_lines(form: &CheckForm, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    match form.question {
        Question::Pain => pain_question(form.pain_typed(), theme),
        Question::Areas => areas_question(form, theme),
        Question::Group(group) => (group.title(), Vec::new()),
        Question::Symptom(symptom) => {
            let lines = vec![
                Line::raw(""),
                Line::styled(symptom.question(), theme.title()),
                Line::raw(""),
                choices(&CHOICES, form.cursor, theme),
            ];
            ("About the fall", lines)
        }
        Question::Age => {
            let lines = vec![
                Line::raw(""),
                Line::styled("How old are you?", theme.title()),
                Line::raw("Asked once and kept: a fall matters more from 65 on."),
                Line::raw(""),
                Line::raw(format!("{}_", form.typed)),
            ];
            ("About you (asked once, kept for later checks)", lines)
        }
        Question::Days => {
            let unit = if form.typed == "1" { "day" } else { "days" };
            let lines = vec![
                Line::raw(""),
                Line::styled(
                    "How many days have you had this pain? 0 if it started today.",
                    theme.title(),
                ),
                Line::raw(""),
                Line::raw(format!("{}_ {unit}", form.typed)),
            ];
            ("How long", lines)
        }
        Question::Trend => {
            let lines = vec![
                Line::raw(""),
                Line::styled("Since it started, is it getting…", theme.title()),
                Line::raw(""),
                choices(&["better", "the same", "worse"], form.cursor, theme),
            ];
            ("Trend", lines)
        }
        Question::Onset => {
            let lines = vec![
                Line::raw(""),
                Line::styled("When did this pain start?", theme.title()),
                Line::raw(""),
                choices(
                    &["before the run", "during the run", "after the run"],
                    form.cursor,
                    theme,
                ),
            ];
            ("When it started", lines)
        }
        Question::Reconfirm => {
            let mut lines = vec![
                Line::raw(""),
                Line::styled(
                    "Your profile was answered more than 180 days ago:",
                    theme.title(),
                ),
                Line::raw(""),
            ];
            lines.extend(
                form.profile_shown
                    .iter()
                    .map(|fact| Line::raw(format!("  • {fact}"))),
            );
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Is this still right? y keeps it, c changes it.",
                theme.title(),
            ));
            ("Is this still right?", lines)
        }
    }
}

fn pain_question(pain: Option<u8>, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    let chosen = match pain {
        Some(pain) => format!("{pain}/10: {}. Press enter to confirm.", pain_words(pain)),
        None => "Type a number from 0 to 10 (1 then 0 for 10).".to_owned(),
    };
    let lines = vec![
        Line::raw(""),
        Line::styled(
            "How bad is the pain right now, at its worst?",
            theme.title(),
        ),
        Line::raw("0 is no pain at all, 10 the worst you can imagine."),
        Line::raw(""),
        pain_scale(pain, theme),
        Line::raw(""),
        Line::raw(chosen),
    ];
    ("Pain", lines)
}

fn areas_question(form: &CheckForm, theme: Theme) -> (&'static str, Vec<Line<'static>>) {
    let mut lines = vec![
        Line::raw(""),
        Line::styled("Where does it hurt? Choose all that apply.", theme.title()),
        Line::raw(""),
    ];
    for (index, (_, area)) in Area::ALL.iter().enumerate() {
        let ticked = form.answers.areas.contains(area);
        let mark = if ticked { "[x]" } else { "[ ]" };
        let here = form.cursor == Some(index);
        let pointer = if here { "›" } else { " " };
        let text = format!("{pointer} {mark} {} {}", index + 1, area.label());
        let style = if here { theme.selected() } else { Style::new() };
        lines.push(Line::styled(text, style));
    }
    ("Where", lines)
}

/// ` 0   1   2  [ 3 ]  4 …`: the chosen number, if any, bracketed and highlighted.
fn pain_scale(pain: Option<u8>, theme: Theme) -> Line<'static> {
    let spans = (0..=10_u8)
        .map(|n| {
            if Some(n) == pain {
                Span::styled(format!("[{n:>2}]"), theme.selected())
            } else {
                Span::raw(format!(" {n:>2} "))
            }
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

fn pain_words(pain: u8) -> &'static str {
    match pain {
        0 => "no pain",
        1..=3 => "mild",
        4..=7 => "moderate",
        _ => "severe",
    }
}

/// `[ yes ]   no    not sure `: the highlighted choice, if any, bracketed.
fn choices(labels: &[&str], cursor: Option<usize>, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        if cursor == Some(index) {
            spans.push(Span::styled(format!("[ {label} ]"), theme.selected()));
        } else {
            spans.push(Span::raw(format!("  {label}  ")));
        }
        spans.push(Span::raw("  "));
    }
    Line::from(spans)
}

/// Heavier borders for more serious levels, so the shape carries the level as well as the colour.
fn level_border(level: Level) -> BorderType {
    match level {
        Level::Ok | Level::SelfCare => BorderType::Rounded,
        Level::Review => BorderType::Plain,
        Level::Urgent => BorderType::Thick,
        Level::Emergency => BorderType::Double,
    }
}

pub(super) fn render_result(app: &App, result: &CheckResult, area: Rect, buf: &mut Buffer) {
    let theme = theme::of(app);
    let level = result.record.triage.level;
    let disclaimer = Paragraph::new(DISCLAIMER)
        .style(theme.dim())
        .wrap(Wrap { trim: true });
    let disclaimer_height = u16::try_from(disclaimer.line_count(area.width)).unwrap_or(u16::MAX);
    // The routines get a panel of their own when there is room, so they show without scrolling.
    let routine_lines = routine_lines(app, result);
    let panel_height = if routine_lines.is_empty() || area.height < 20 {
        0
    } else {
        u16::try_from(routine_lines.len()).unwrap_or(0) + 2
    };
    let [body, routines_area, disclaimer_area, keys] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(panel_height),
        Constraint::Length(disclaimer_height),
        Constraint::Length(1),
    ])
    .areas(area);

    let color = theme.level(level);
    let title = Span::styled(
        format!(" {} ", level.title()),
        color.add_modifier(Modifier::BOLD),
    );
    let padding = u16::from(body.width >= 60);
    let block = Block::bordered()
        .padding(Padding::horizontal(padding))
        .border_type(level_border(level))
        .border_style(color)
        .title(title);
    let inner = block.inner(body);
    let mut lines = result_lines(app, result, usize::from(inner.width));
    if panel_height == 0 && !routine_lines.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Routines that may help", theme.dim()));
        lines.extend(routine_lines.iter().cloned());
    }
    ScrolledText::new(lines, block)
        .key("j")
        .render(body, buf, &mut &result.scroll);
    if panel_height > 0 {
        Paragraph::new(routine_lines)
            .block(Block::bordered().title(" Routines that may help "))
            .render(routines_area, buf);
    }
    disclaimer.render(disclaimer_area, buf);
    match result.notice {
        Some(notice) => Line::styled(notice, theme.caution()).render(keys, buf),
        None => footer(app, None, keys, buf),
    }
}

/// The result's text: the next step, the reasons for the level, lower-level reasons as "also
/// noted", the level's advice, and what went wrong with the history.
fn result_lines(app: &App, result: &CheckResult, width: usize) -> Vec<Line<'static>> {
    let theme = theme::of(app);
    let report = crate::history::spike_noted::with_recent_spike(
        report(&result.record.triage, &result.record.answers),
        app.history().runs(),
        result.record.day,
    );
    let mut lines = vec![Line::styled(report.headline, theme.title()), Line::raw("")];
    let section = |lines: &mut Vec<Line<'static>>, title: &'static str, reasons: &[Reason]| {
        if reasons.is_empty() {
            return;
        }
        lines.push(Line::styled(title, theme.dim()));
        for reason in reasons {
            lines.extend(bullet(&reason.text, Some(reason.id), width, theme));
        }
        lines.push(Line::raw(""));
    };
    section(&mut lines, "Why", &report.why);
    section(&mut lines, "Also noted", &report.also_noted);
    if !report.from_profile.is_empty() {
        lines.push(Line::styled(
            "From your profile (limberup profile changes it)",
            theme.dim(),
        ));
        lines.extend(bullet(&report.from_profile.join("; "), None, width, theme));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("What to do", theme.dim()));
    for line in &report.advice {
        lines.extend(bullet(line, None, width, theme));
    }
    if let Some(unreadable) = app.history().unreadable() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("Earlier checks could not be compared: {unreadable}"),
            theme.caution(),
        ));
    }
    if let Some(problem) = app.history().unsaved() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("This result could not be saved: {problem}"),
            theme.caution(),
        ));
    }
    lines
}

/// The suggested routines, the chosen one marked.
fn routine_lines(app: &App, result: &CheckResult) -> Vec<Line<'static>> {
    let theme = theme::of(app);
    result
        .routines
        .iter()
        .enumerate()
        .map(|(index, id)| {
            let name = app
                .library()
                .find(id)
                .map_or(id.as_str(), |r| r.name.as_str());
            if index == result.selected {
                Line::styled(format!("› {name}"), theme.selected())
            } else {
                Line::raw(format!("  {name}"))
            }
        })
        .collect()
}

/// `• text (id)` word-wrapped to `width`, continuation lines indented under the text; the rule id,
/// for the runner's clinician, dimmed.
fn bullet(text: &str, id: Option<&str>, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let room = width.saturating_sub(2).max(8);
    let tagged = id.map(|id| format!("({id})"));
    crate::text::wrap_words(text.split_whitespace().chain(tagged.as_deref()), room)
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let lead = if index == 0 { "• " } else { "  " };
            match tagged.as_deref().and_then(|tag| line.strip_suffix(tag)) {
                Some(text) => Line::from(vec![
                    Span::raw(format!("{lead}{text}")),
                    Span::styled(tagged.clone().unwrap_or_default(), theme.dim()),
                ]),
                None => Line::raw(format!("{lead}{line}")),
            }
        })
        .collect()
}
