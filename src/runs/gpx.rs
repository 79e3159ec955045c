//! GPX: distance is the sum of great-circle distances between the points of each segment, time is
//! the span of the points' times (GPX has no timer).

use std::ops::ControlFlow;

use jiff::Timestamp;

use super::xml::{self, Ending, Step};
use super::{Activity, DistanceSource, Format, Quality, ReadError, geo, sport};
use crate::calendar::UtcTime;

#[derive(Default)]
struct Track {
    creator: Option<String>,
    kind: Option<String>,
    first: Option<Timestamp>,
    last: Option<Timestamp>,
    distance_m: f64,
    points: usize,
    previous: Option<(f64, f64)>,
    point: Option<(f64, f64)>,
}

pub(super) fn read(bytes: &[u8]) -> Result<Activity, ReadError> {
    let mut track = Track::default();
    let ending = xml::walk(bytes, |path, step| {
        match step {
            Step::Open(element) => {
                if path.ends_with(&["gpx"]) {
                    track.creator = xml::attribute(element, "creator").filter(|c| !c.is_empty());
                } else if path.ends_with(&["trkseg"]) {
                    track.previous = None;
                } else if path.ends_with(&["trkseg", "trkpt"]) {
                    let coordinate =
                        |name| xml::attribute(element, name).and_then(|t| xml::number(&t));
                    track.point = coordinate("lat")
                        .zip(coordinate("lon"))
                        .filter(|(lat, lon)| lat.abs() <= 90.0 && lon.abs() <= 180.0);
                }
            }
            Step::Close(text) => {
                if path.ends_with(&["trk", "type"]) && track.kind.is_none() {
                    track.kind = Some(text.to_owned());
                } else if path.ends_with(&["trkpt", "time"]) {
                    if let Some(time) = xml::parse_time(text) {
                        track.first = Some(track.first.map_or(time, |t| t.min(time)));
                        track.last = Some(track.last.map_or(time, |t| t.max(time)));
                    }
                } else if path.ends_with(&["trkseg", "trkpt"]) {
                    if let Some(point) = track.point.take() {
                        if let Some(previous) = track.previous {
                            track.distance_m += geo::great_circle_m(previous, point);
                        }
                        track.previous = Some(point);
                        track.points += 1;
                    }
                }
            }
        }
        ControlFlow::Continue(())
    });
    let quality = match ending {
        Ending::Complete => Quality::Ok,
        Ending::Broken(_) if track.first.is_some() => Quality::Partial,
        Ending::Broken(message) => return Err(ReadError::Broken(message)),
    };
    let (first, last) = track.first.zip(track.last).ok_or(ReadError::NoStart)?;
    let span = xml::span_s(first, last);
    // A GPX without a type is most often a run exported by a running app; it is taken as one.
    let (sport_name, sub_sport) = track
        .kind
        .as_deref()
        .map_or_else(|| ("running".to_owned(), None), sport::from_text);
    let distance_m = (track.points >= 2).then_some(track.distance_m);
    Ok(Activity {
        format: Format::Gpx,
        start: UtcTime::from(first),
        timer_s: span,
        elapsed_s: span,
        distance_m,
        distance_from: distance_m.map(|_| DistanceSource::Gps),
        indoor: sport::is_indoor(sub_sport.as_deref()),
        sport: sport_name,
        sub_sport,
        offset_s: None,
        device: track.creator,
        quality,
    })
}
