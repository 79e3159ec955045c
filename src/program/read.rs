//! From a program file's text to a validated [`Program`], every problem at its line and column.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::progress::beyond_limits;
use super::{
    Advance, DEFAULT_MAX_PER_DAY, DEFAULT_REST_ROUTINE, Program, Schedule, SessionPlan, WEEKDAYS,
};
use crate::diag::fields::{Checker, TextKind};
use crate::diag::toml::{parse_toml, sorted};
use crate::diag::{Diagnostic, SourceText, hint};
use crate::format::limits;
use crate::format::model::Routine;
use growth::{read_gate, read_max_weeks, read_progress};

pub const PROGRAM_KEYS: &[&str] = &[
    "name",
    "description",
    "tags",
    "weeks",
    "rest_routine",
    "sessions",
    "gate",
    "advance",
    "max_weeks",
    "max_level",
    "max_per_day",
];
pub const SESSION_KEYS: &[&str] = &["routine", "per_week", "days", "weeks", "progress"];
pub const PROGRESS_KEYS: &[&str] = &["reps", "duration", "sets"];
pub const GATE_KEYS: &[&str] = &["green", "amber"];
pub const WEEKS: std::ops::RangeInclusive<i64> = 1..=26;
pub const PER_WEEK: std::ops::RangeInclusive<i64> = 1..=7;
pub const PAIN: std::ops::RangeInclusive<i64> = 0..=10;
/// `max_weeks`: up to twice the longest program.
pub const MAX_WEEKS: std::ops::RangeInclusive<i64> = 1..=52;
pub const MAX_LEVEL: std::ops::RangeInclusive<i64> = 0..=25;
pub const MAX_PER_DAY: std::ops::RangeInclusive<i64> = 1..=7;
/// A percentage `reps` step: "15%".
pub const REPS_PERCENT: std::ops::RangeInclusive<i64> = 1..=100;

/// Reads one program; `routines` are those its sessions may name.
pub fn read_program(
    source: &SourceText,
    id: &str,
    built_in: bool,
    routines: &[Routine],
) -> Result<Program, Vec<Diagnostic>> {
    let root = parse_toml(source)?;
    let mut checker = Checker::new(source);
    let program = read_root(&mut checker, root.get_ref(), id, built_in, routines);
    match program {
        Some(program) if !checker.has_problems() => Ok(program),
        _ => Err(sorted(checker.problems)),
    }
}

struct Reader<'r> {
    routines: &'r [Routine],
    weeks: Option<u32>,
    max_level: Option<u32>,
}

fn read_root(
    checker: &mut Checker<'_>,
    root: &DeTable<'_>,
    id: &str,
    built_in: bool,
    routines: &[Routine],
) -> Option<Program> {
    checker.unknown_keys(root, PROGRAM_KEYS, None);
    let top = 0..0;
    let name = checker.required_text(root, top.clone(), "name", None, limits::NAME_CHARS);
    if let Some(blank) = name.as_ref().filter(|n| n.get_ref().trim().is_empty()) {
        checker.error(blank.span(), "`name` must not be empty");
    }
    let description = checker.text(
        root,
        "description",
        TextKind::Paragraph,
        limits::DESCRIPTION_CHARS,
    );
    let tags = checker.text_list(root, "tags", limits::LINE_CHARS);
    let weeks = if root.contains_key("weeks") {
        checker.integer(root, "weeks", WEEKS)
    } else {
        checker.missing(top, "weeks", None);
        None
    };
    let advance = checker
        .choice(root, "advance", &Advance::ALL)
        .map_or(Advance::Calendar, Spanned::into_inner);
    let max_level = checker
        .integer(root, "max_level", MAX_LEVEL)
        .map(|n| to_u32(*n.get_ref()));
    let max_per_day = checker
        .integer(root, "max_per_day", MAX_PER_DAY)
        .map_or(DEFAULT_MAX_PER_DAY, |n| to_u32(*n.get_ref()));
    let max_weeks = read_max_weeks(checker, root, weeks.as_ref().map(|w| to_u32(*w.get_ref())));
    let reader = Reader {
        routines,
        weeks: weeks.map(|w| to_u32(*w.get_ref())),
        max_level,
    };
    let rest_routine = match root.get("rest_routine") {
        None => Some(DEFAULT_REST_ROUTINE.to_owned()),
        Some(_) => checker
            .text(root, "rest_routine", TextKind::Line, limits::LINE_CHARS)
            .and_then(|text| reader.routine_id(checker, "rest_routine", &text)),
    };
    let sessions = read_sessions(checker, root, &reader);
    let gate = read_gate(checker, root);
    Some(Program {
        id: id.to_owned(),
        name: name?.into_inner(),
        description: description.map(Spanned::into_inner),
        tags: tags
            .unwrap_or_default()
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        weeks: reader.weeks?,
        rest_routine: rest_routine?,
        sessions: sessions?,
        gate: gate?,
        built_in,
        advance,
        max_weeks: max_weeks?,
        max_level,
        max_per_day,
    })
}

impl Reader<'_> {
    /// A routine id that must exist, with "did you mean" when it does not.
    fn routine_id(
        &self,
        checker: &mut Checker<'_>,
        key: &str,
        text: &Spanned<String>,
    ) -> Option<String> {
        let id = text.get_ref();
        if self.routines.iter().any(|r| &r.id == id) {
            return Some(id.clone());
        }
        let suggestion = hint(id, self.routines.iter().map(|r| r.id.as_str()));
        checker.error(
            text.span(),
            format!("`{key}`: no routine called `{id}`{suggestion}"),
        );
        None
    }
}

fn read_sessions(
    checker: &mut Checker<'_>,
    root: &DeTable<'_>,
    reader: &Reader<'_>,
) -> Option<Vec<SessionPlan>> {
    let Some(value) = root.get("sessions") else {
        checker.error(
            0..0,
            "a program needs at least one session: add a [[sessions]] table",
        );
        return None;
    };
    let Some(items) = value.get_ref().as_array().filter(|a| !a.is_empty()) else {
        checker.error(
            value.span(),
            "`sessions` must be a non-empty array of tables: write each session as [[sessions]]",
        );
        return None;
    };
    checker.each_table(items, "session", |checker, table, span, label| {
        read_session(checker, table, span, label, reader)
    })
}

fn read_session(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    label: &str,
    reader: &Reader<'_>,
) -> Option<SessionPlan> {
    let before = checker.problems.len();
    checker.unknown_keys(table, SESSION_KEYS, Some(label));
    let routine_text = checker.required_text(
        table,
        span.clone(),
        "routine",
        Some(label),
        limits::LINE_CHARS,
    );
    let routine = routine_text
        .as_ref()
        .and_then(|text| reader.routine_id(checker, "routine", text));
    let schedule = read_schedule(checker, table, span, label);
    let (first_week, last_week) = read_week_range(checker, table, reader.weeks);
    let progress = read_progress(checker, table, label);
    if checker.problems.len() > before {
        return None;
    }
    let (progress, progress_span) = progress?;
    let session = SessionPlan {
        routine: routine?,
        schedule: schedule?,
        first_week,
        last_week,
        progress,
    };
    // The highest level a program can reach is one per week judged green before its last week,
    // and no higher than `max_level`.
    if let (Some(weeks), Some(found)) = (
        reader.weeks,
        reader.routines.iter().find(|r| r.id == session.routine),
    ) {
        let by_weeks = weeks.saturating_sub(1);
        let top_level = reader.max_level.map_or(by_weeks, |cap| cap.min(by_weeks));
        if let Some(problem) = beyond_limits(found, progress, top_level) {
            checker.error(progress_span, problem);
            return None;
        }
    }
    Some(session)
}

fn read_schedule(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    label: &str,
) -> Option<Schedule> {
    match (table.get("per_week"), table.get("days")) {
        (Some(_), Some(days)) => {
            checker.error(
                days.span(),
                format!("{label} has both `per_week` and `days`; give exactly one"),
            );
            None
        }
        (None, None) => {
            checker.error(
                span,
                format!("{label} needs `per_week` (sessions a week) or `days` (fixed weekdays)"),
            );
            None
        }
        (Some(_), None) => checker
            .integer(table, "per_week", PER_WEEK)
            .map(|n| Schedule::PerWeek(to_u32(*n.get_ref()))),
        (None, Some(_)) => read_days(checker, table).map(Schedule::Days),
    }
}

fn read_days(checker: &mut Checker<'_>, table: &DeTable<'_>) -> Option<Vec<jiff::civil::Weekday>> {
    let list = checker.text_list(table, "days", 3 * limits::LINE_CHARS)?;
    let value = table.get("days")?;
    if list.is_empty() {
        checker.error(value.span(), "`days` must name at least one weekday");
        return None;
    }
    let words: Vec<&str> = WEEKDAYS.iter().map(|(w, _)| *w).collect();
    let mut days = Vec::new();
    for item in &list {
        let text = item.get_ref();
        let Some((_, day)) = WEEKDAYS.iter().find(|(w, _)| w == text) else {
            let suggestion = hint(text, words.iter().copied());
            checker.error(
                item.span(),
                format!(
                    "`days` must hold weekdays ({}), found \"{text}\"{suggestion}",
                    words.join(", ")
                ),
            );
            return None;
        };
        if days.contains(day) {
            checker.error(item.span(), format!("`days` names \"{text}\" twice"));
            return None;
        }
        days.push(*day);
    }
    Some(days)
}

/// `weeks = [first, last]` within the program's weeks; all of them when absent.
fn read_week_range(
    checker: &mut Checker<'_>,
    table: &DeTable<'_>,
    weeks: Option<u32>,
) -> (u32, u32) {
    let all = (1, weeks.unwrap_or(1));
    let Some(value) = table.get("weeks") else {
        return all;
    };
    let pair = value.get_ref().as_array().and_then(|items| {
        let numbers: Vec<i64> = items.iter().filter_map(|i| integer(i.get_ref())).collect();
        match numbers[..] {
            [first, last] if items.len() == 2 => Some((first, last)),
            _ => None,
        }
    });
    let Some((first, last)) = pair else {
        checker.error(
            value.span(),
            "`weeks` must be the first and last week it applies, such as [1, 4]",
        );
        return all;
    };
    let Some(weeks) = weeks else {
        return all;
    };
    if first < 1 || last > i64::from(weeks) || first > last {
        checker.error(
            value.span(),
            format!("`weeks` must be a range within 1..={weeks}, found [{first}, {last}]"),
        );
        return all;
    }
    (to_u32(first), to_u32(last))
}

fn integer(value: &DeValue<'_>) -> Option<i64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    }
}

fn to_u32(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

fn to_u8(n: i64) -> u8 {
    u8::try_from(n).unwrap_or(0)
}

mod growth;
