//! `limberup runs show ID [--json]`: every stored field of one run, its duplicates, and what a
//! spike was compared with.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::json::{RunJson, write_json};
use crate::calendar::Calendar;
use crate::cli::{Failure, Outcome, io_failure};
use crate::config::Dirs;
use crate::history::RunMorning;
use crate::history::run_view::{RunView, clock};
use crate::runs::DistanceSource;
use crate::text::printable;

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    run: RunJson<'a>,
    local_time: String,
    indoor: bool,
    sha256: &'a str,
    counted: bool,
    /// The other copies of the same run.
    duplicates: Vec<i64>,
    /// The run a spike was compared with.
    compared_with: Option<ComparedJson>,
    /// The next-morning answer after a spike run: better, same, worse, skipped, or null.
    morning: Option<&'static str>,
}

#[derive(Serialize)]
struct ComparedJson {
    id: i64,
    start: String,
    local_date: String,
    distance_m: Option<f64>,
}

pub(super) fn run(
    dirs: &Dirs,
    calendar: &Calendar,
    id: i64,
    json: bool,
    out: &mut impl Write,
) -> Outcome {
    let views = super::read_views(dirs, calendar)?;
    let view = views
        .iter()
        .find(|view| view.id() == id)
        .ok_or(Failure::NoSuchRun(id))?;
    let copies: Vec<&RunView> = views
        .iter()
        .filter(|other| {
            other.id() != id
                && (other.row.duplicate_of == Some(id)
                    || view.row.duplicate_of.is_some_and(|kept| {
                        other.id() == kept || other.row.duplicate_of == Some(kept)
                    }))
        })
        .collect();
    let compared = view
        .compared_with
        .and_then(|other| views.iter().find(|v| v.id() == other));
    if json {
        let shown = ShowJson {
            run: RunJson::of(view),
            local_time: view.local.time().strftime("%H:%M:%S").to_string(),
            indoor: view.row.activity.indoor,
            sha256: &view.row.sha256,
            counted: view.counted(),
            duplicates: copies.iter().map(|copy| copy.id()).collect(),
            compared_with: compared.map(|other| ComparedJson {
                id: other.id(),
                start: other.row.activity.start.rfc3339(),
                local_date: other.local.date().to_string(),
                distance_m: other.row.activity.distance_m,
            }),
            morning: view.row.morning.map(RunMorning::as_str),
        };
        return write_json(out, &shown, true);
    }
    out.write_all(as_text(view, &copies, compared).as_bytes())
        .map_err(io_failure)
}

fn as_text(view: &RunView, copies: &[&RunView], compared: Option<&RunView>) -> String {
    let activity = &view.row.activity;
    let mut fields: Vec<(&str, String)> = vec![
        (
            "start",
            format!(
                "{} {} (local), {}",
                view.local.date(),
                view.local.time().strftime("%H:%M:%S"),
                activity.start.rfc3339()
            ),
        ),
        (
            "sport",
            match &activity.sub_sport {
                Some(sub) => format!("{} ({})", printable(&activity.sport), printable(sub)),
                None => printable(&activity.sport).into_owned(),
            },
        ),
        ("indoor", yes_no(activity.indoor).to_owned()),
        (
            "distance",
            match activity.distance_from {
                Some(from) => format!("{} ({})", view.distance(), source_words(from)),
                None => view.distance(),
            },
        ),
        ("timer", view.time()),
        ("elapsed", clock(activity.elapsed_s)),
        ("pace", view.pace()),
        ("format", activity.format.name().to_owned()),
        (
            "device",
            activity
                .device
                .as_deref()
                .map_or_else(|| "-".to_owned(), |d| printable(d).into_owned()),
        ),
        ("quality", activity.quality.name().to_owned()),
        (
            "file offset",
            activity
                .offset_s
                .map_or_else(|| "-".to_owned(), offset_words),
        ),
        ("sha256", view.row.sha256.clone()),
        ("counted", counted_words(view)),
    ];
    if !copies.is_empty() {
        let listed: Vec<String> = copies
            .iter()
            .map(|copy| format!("#{} ({})", copy.id(), copy.source()))
            .collect();
        fields.push(("copies", listed.join(", ")));
    }
    if let Some(other) = compared {
        fields.push((
            "compared with",
            format!(
                "#{} on {}, {}: the longest run in the 30 days before it",
                other.id(),
                other.local.date(),
                other.distance()
            ),
        ));
    }
    if let Some(morning) = view.row.morning {
        fields.push(("next morning", morning_words(morning).to_owned()));
    }
    let mut text = format!("Run #{}\n", view.id());
    for (name, value) in fields {
        let _ = writeln!(text, "  {name:<14}{value}");
    }
    if let Some(warning) = view.warning_words() {
        let _ = writeln!(text, "\n{warning}");
    }
    if view.warning.is_some() && compared.is_some() {
        let _ = writeln!(text, "Source: {}", crate::runs::warning::LONG_RUN.source);
    }
    text
}

/// The next-morning answer after the run, as the runner gave it.
fn morning_words(morning: RunMorning) -> &'static str {
    use crate::program::Morning;
    match morning {
        RunMorning::Answered(Morning::Better) => "the back better than before the run",
        RunMorning::Answered(Morning::Same) => "the back the same as before the run",
        RunMorning::Answered(Morning::Worse) => "the back worse than before the run",
        RunMorning::Skipped => "asked, not answered (skipped)",
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

fn source_words(from: DistanceSource) -> &'static str {
    match from {
        DistanceSource::Device => "the device's own total",
        DistanceSource::Gps => "summed from GPS points",
    }
}

/// `UTC-07:00`: the file's own offset, shown as it was.
fn offset_words(offset_s: i32) -> String {
    let sign = if offset_s < 0 { '-' } else { '+' };
    let minutes = offset_s.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

fn counted_words(view: &RunView) -> String {
    if view.counted() {
        return "yes".to_owned();
    }
    let mut why = Vec::new();
    if !crate::runs::is_running_sport(&view.row.activity.sport) {
        why.push("not a run".to_owned());
    }
    if view.row.hidden {
        why.push("forgotten (`runs forget`)".to_owned());
    }
    if let Some(kept) = view.row.duplicate_of {
        why.push(format!("the same run as #{kept}, the copy counted"));
    }
    format!("no: {}", why.join("; "))
}
