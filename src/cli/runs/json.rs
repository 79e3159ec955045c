//! The JSON of `runs list`, `runs show` and `runs import`, and a writer that keeps what came from a
//! file or a file name from reaching a terminal as a control character.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::cli::{Failure, io_failure, json_failure};
use crate::history::run_view::RunView;
use crate::runs::DistanceSource;
use crate::runs::warning::LongRun;
use crate::text::is_unprintable;

/// One run, as `runs list --json` prints it.
#[derive(Serialize)]
pub(crate) struct RunJson<'a> {
    id: i64,
    start: String,
    local_date: String,
    sport: &'a str,
    sub_sport: Option<&'a str>,
    distance_m: Option<f64>,
    distance_from: Option<&'static str>,
    timer_s: f64,
    elapsed_s: f64,
    format: &'static str,
    quality: &'static str,
    offset_s: Option<i32>,
    device: Option<&'a str>,
    duplicate_of: Option<i64>,
    hidden: bool,
    warning: Option<WarningJson>,
}

#[derive(Serialize)]
#[serde(tag = "kind")]
enum WarningJson {
    #[serde(rename = "spike")]
    Spike { percent: i64, longest_before_m: f64 },
    #[serde(rename = "more-than-twice")]
    MoreThanTwice { percent: i64, longest_before_m: f64 },
    #[serde(rename = "first-in-30-days")]
    FirstInThirtyDays,
}

impl<'a> RunJson<'a> {
    pub(crate) fn of(view: &'a RunView) -> Self {
        let activity = &view.row.activity;
        Self {
            id: view.row.id,
            start: activity.start.rfc3339(),
            local_date: view.local.date().to_string(),
            sport: &activity.sport,
            sub_sport: activity.sub_sport.as_deref(),
            distance_m: activity.distance_m,
            distance_from: activity.distance_from.map(DistanceSource::name),
            timer_s: activity.timer_s,
            elapsed_s: activity.elapsed_s,
            format: activity.format.name(),
            quality: activity.quality.name(),
            offset_s: activity.offset_s,
            device: activity.device.as_deref(),
            duplicate_of: view.row.duplicate_of,
            hidden: view.row.hidden,
            warning: view.warning.as_ref().map(|warning| match *warning {
                LongRun::Spike {
                    percent,
                    longest_before_m,
                } => WarningJson::Spike {
                    percent,
                    longest_before_m,
                },
                LongRun::MoreThanTwice {
                    percent,
                    longest_before_m,
                } => WarningJson::MoreThanTwice {
                    percent,
                    longest_before_m,
                },
                LongRun::FirstInThirtyDays => WarningJson::FirstInThirtyDays,
            }),
        }
    }
}

/// `value` as JSON on `out` followed by a newline (`pretty` for a person reading a whole
/// document). `serde_json` escapes C0 controls; the other characters a terminal acts on (DEL, C1
/// controls, bidi overrides) are escaped here as `\uXXXX`, which is the same JSON string.
pub(in crate::cli) fn write_json(
    out: &mut impl Write,
    value: &impl Serialize,
    pretty: bool,
) -> Result<(), Failure> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(json_failure)?;
    writeln!(out, "{}", escape_unprintable(&text)).map_err(io_failure)
}

fn escape_unprintable(json: &str) -> std::borrow::Cow<'_, str> {
    // A raw line feed is only ever the pretty printer's own (one in a string is written `\n`).
    let is_unprintable = |c: char| c != '\n' && is_unprintable(c);
    if !json.chars().any(is_unprintable) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unprintable(c) {
            // Every such character is in the Basic Multilingual Plane: one \u escape each.
            let mut units = [0_u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(escaped, "\\u{unit:04x}");
            }
        } else {
            escaped.push(c);
        }
    }
    std::borrow::Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_escaped_and_the_json_reads_back_the_same() {
        let name = "run\u{1b}]0;x\u{7}\u{9b}2J\u{202e}.gpx";
        let mut out = Vec::new();
        super::write_json(&mut out, &serde_json::json!({ "path": name }), false).expect("writes");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(
            text,
            "{\"path\":\"run\\u001b]0;x\\u0007\\u009b2J\\u202e.gpx\"}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(back["path"], name);
    }
}
