//! TCX: the start is the first lap's `StartTime` (an `Id` may be cut to the minute); timer and
//! distance are the laps' totals; elapsed time runs from the start to the last trackpoint.

use std::ops::ControlFlow;

use jiff::Timestamp;

use super::xml::{self, Ending, Step};
use super::{Activity, DistanceSource, Format, Quality, ReadError, sport};
use crate::calendar::UtcTime;

#[derive(Default)]
struct Laps {
    kind: Option<String>,
    id: Option<Timestamp>,
    start: Option<Timestamp>,
    timer_s: Option<f64>,
    distance_m: Option<f64>,
    last_point: Option<Timestamp>,
    device: Option<String>,
}

pub(super) fn read(bytes: &[u8]) -> Result<Activity, ReadError> {
    let mut laps = Laps::default();
    let ending = xml::walk(bytes, |path, step| {
        match step {
            Step::Open(element) => {
                if path.ends_with(&["Activities", "Activity"]) {
                    laps.kind = xml::attribute(element, "Sport");
                } else if path.ends_with(&["Activity", "Lap"]) && laps.start.is_none() {
                    laps.start =
                        xml::attribute(element, "StartTime").and_then(|t| xml::parse_time(&t));
                }
            }
            Step::Close(text) => {
                if path.ends_with(&["Activities", "Activity"]) {
                    // One file, one activity: the first.
                    return ControlFlow::Break(());
                } else if path.ends_with(&["Activity", "Id"]) {
                    laps.id = xml::parse_time(text);
                } else if path.ends_with(&["Lap", "TotalTimeSeconds"]) {
                    if let Some(seconds) = xml::number(text).filter(|s| *s >= 0.0) {
                        laps.timer_s = Some(laps.timer_s.unwrap_or(0.0) + seconds);
                    }
                } else if path.ends_with(&["Lap", "DistanceMeters"]) {
                    if let Some(metres) = xml::number(text).filter(|m| *m >= 0.0) {
                        laps.distance_m = Some(laps.distance_m.unwrap_or(0.0) + metres);
                    }
                } else if path.ends_with(&["Trackpoint", "Time"]) {
                    if let Some(time) = xml::parse_time(text) {
                        laps.last_point = Some(laps.last_point.map_or(time, |t| t.max(time)));
                    }
                } else if path.ends_with(&["Activity", "Creator", "Name"]) && !text.is_empty() {
                    laps.device = Some(text.to_owned());
                }
            }
        }
        ControlFlow::Continue(())
    });
    let start = laps.start.or(laps.id);
    let quality = match ending {
        Ending::Complete => Quality::Ok,
        Ending::Broken(_) if start.is_some() => Quality::Partial,
        Ending::Broken(message) => return Err(ReadError::Broken(message)),
    };
    let start = start.ok_or(ReadError::NoStart)?;
    let span = laps.last_point.map(|last| xml::span_s(start, last));
    // Laps' times are each finite, but their sum need not be.
    let timer_s = laps
        .timer_s
        .filter(|t| t.is_finite())
        .or(span)
        .unwrap_or(0.0);
    let elapsed_s = span.map_or(timer_s, |span| span.max(timer_s));
    let (sport_name, sub_sport) = sport::from_text(laps.kind.as_deref().unwrap_or(""));
    Ok(Activity {
        format: Format::Tcx,
        start: UtcTime::from(start),
        timer_s,
        elapsed_s,
        distance_m: laps.distance_m,
        distance_from: laps.distance_m.map(|_| DistanceSource::Device),
        indoor: sport::is_indoor(sub_sport.as_deref()),
        sport: sport_name,
        sub_sport,
        offset_s: None,
        device: laps.device,
        quality,
    })
}
