//! `limberup runs [list] [--since DATE] [--all] [--json | --csv]`: local date and time, distance,
//! time, pace, source and flags of each counted run, oldest first.

use std::fmt::Write as _;
use std::io::Write;

use super::json::{RunJson, write_json};
use crate::calendar::Calendar;
use crate::cli::args::RunsListArgs;
use crate::cli::{Failure, Outcome, io_failure};
use crate::config::Dirs;
use crate::history::run_view::RunView;
use crate::text::printable;

pub(super) fn run(
    dirs: &Dirs,
    calendar: &Calendar,
    args: &RunsListArgs,
    out: &mut impl Write,
) -> Outcome {
    let views: Vec<RunView> = super::read_views(dirs, calendar)?
        .into_iter()
        .filter(|view| args.all || view.counted())
        .filter(|view| args.since.is_none_or(|since| view.local.date() >= since))
        .collect();
    if args.json {
        let runs: Vec<RunJson> = views.iter().map(RunJson::of).collect();
        return write_json(out, &runs, false);
    }
    let text = if args.csv {
        as_csv(&views)?
    } else {
        as_text(&views)
    };
    out.write_all(text.as_bytes()).map_err(io_failure)
}

fn as_text(views: &[RunView]) -> String {
    if views.is_empty() {
        return "No runs yet: `limberup runs import PATH` reads the files from a watch or an app \
                export.\n"
            .to_owned();
    }
    let mut text =
        String::from("   #  date        start  distance     time       pace  source  flags\n");
    for view in views {
        let line = format!(
            "{:>4}  {}  {}  {:>8}  {:>7}  {:>9}  {:<6}  {}",
            format!("#{}", view.id()),
            view.local.date(),
            view.local.time().strftime("%H:%M"),
            view.distance(),
            view.time(),
            view.pace(),
            view.source(),
            view.flags().join(", ")
        );
        let _ = writeln!(text, "{}", line.trim_end());
    }
    text
}

fn as_csv(views: &[RunView]) -> Result<String, Failure> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "id",
        "local_date",
        "local_time",
        "start",
        "sport",
        "sub_sport",
        "distance_m",
        "timer_s",
        "elapsed_s",
        "pace_s_per_km",
        "format",
        "quality",
        "flags",
    ])?;
    for view in views {
        let activity = &view.row.activity;
        writer.write_record([
            view.id().to_string(),
            view.local.date().to_string(),
            view.local.time().strftime("%H:%M").to_string(),
            activity.start.rfc3339(),
            printable(&activity.sport).into_owned(),
            activity
                .sub_sport
                .as_deref()
                .map(|sub| printable(sub).into_owned())
                .unwrap_or_default(),
            activity
                .distance_m
                .map(|d| format!("{d:.1}"))
                .unwrap_or_default(),
            format!("{:.1}", activity.timer_s),
            format!("{:.1}", activity.elapsed_s),
            view.pace_s_per_km()
                .map(|pace| format!("{pace:.0}"))
                .unwrap_or_default(),
            view.source().to_owned(),
            activity.quality.name().to_owned(),
            view.flags().join(";"),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Failure::Output(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
