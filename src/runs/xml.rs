//! GPX and TCX through a small tolerant streaming reader on `quick-xml`: real exports have
//! whitespace before `<?xml`, undeclared namespace prefixes, empty `<author><name/>` and empty
//! `<Track/>`, which stricter readers refuse. Elements are known by their local name only.

use std::ops::ControlFlow;

use jiff::Timestamp;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Activity, ReadError, gpx, tcx};

/// Nesting deeper than this is not from any exporter; names past it are not tracked.
const MAX_DEPTH: usize = 64;
/// Text longer than this in one element is cut (no value read here is anywhere near it).
const MAX_TEXT: usize = 4096;

/// Whether the first thing after a byte-order mark and whitespace is `<`.
pub(super) fn looks_like_xml(bytes: &[u8]) -> bool {
    skip_preamble(bytes).first() == Some(&b'<')
}

fn skip_preamble(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// What the walker reports: an element opening (with its attributes), or closing with its text.
pub(super) enum Step<'e, 'b> {
    Open(&'e BytesStart<'b>),
    Close(&'e str),
}

/// Names of the open elements, outermost first.
pub(super) struct Path {
    names: Vec<String>,
    /// Levels past [`MAX_DEPTH`], not named.
    beyond: usize,
}

impl Path {
    /// Whether the innermost elements are `names` (innermost last).
    pub(super) fn ends_with(&self, names: &[&str]) -> bool {
        self.beyond == 0
            && self.names.len() >= names.len()
            && self.names[self.names.len() - names.len()..]
                .iter()
                .zip(names)
                .all(|(have, want)| have == want)
    }
}

/// How a file's reading ended.
pub(super) enum Ending {
    /// The whole file, or the handler had what it needed.
    Complete,
    /// The XML broke off; the message says where.
    Broken(String),
}

/// The activity in a GPX or TCX file, by its root element.
pub(super) fn read(bytes: &[u8]) -> Result<Activity, ReadError> {
    let bytes = skip_preamble(bytes);
    let mut reader = Reader::from_reader(bytes);
    configure(&mut reader);
    let mut root = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(element)) => {
                root = Some(element.local_name().as_ref().to_vec());
                break;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    match root.as_deref() {
        Some(b"gpx") => gpx::read(bytes),
        Some(b"TrainingCenterDatabase") => tcx::read(bytes),
        _ => Err(ReadError::NotActivity),
    }
}

fn configure(reader: &mut Reader<&[u8]>) {
    let config = reader.config_mut();
    config.trim_text(true);
    config.expand_empty_elements = true;
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
}

/// Walks the whole document, calling `on` at each element's opening and closing.
pub(super) fn walk(
    bytes: &[u8],
    mut on: impl FnMut(&Path, Step<'_, '_>) -> ControlFlow<()>,
) -> Ending {
    let mut reader = Reader::from_reader(bytes);
    configure(&mut reader);
    let mut path = Path {
        names: Vec::new(),
        beyond: 0,
    };
    let mut text = String::new();
    loop {
        let flow = match reader.read_event() {
            Ok(Event::Start(element)) => {
                if path.names.len() < MAX_DEPTH && path.beyond == 0 {
                    let name = String::from_utf8_lossy(element.local_name().as_ref()).into_owned();
                    path.names.push(name);
                } else {
                    path.beyond += 1;
                }
                text.clear();
                on(&path, Step::Open(&element))
            }
            Ok(Event::Text(content)) => {
                push_text(&mut text, &String::from_utf8_lossy(&content));
                ControlFlow::Continue(())
            }
            Ok(Event::CData(content)) => {
                push_text(&mut text, &String::from_utf8_lossy(&content));
                ControlFlow::Continue(())
            }
            Ok(Event::GeneralRef(reference)) => {
                let name: &[u8] = &reference;
                let entity = match name {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    _ => "",
                };
                push_text(&mut text, entity);
                ControlFlow::Continue(())
            }
            Ok(Event::End(_)) => {
                let flow = on(&path, Step::Close(&text));
                text.clear();
                if path.beyond > 0 {
                    path.beyond -= 1;
                } else {
                    path.names.pop();
                }
                flow
            }
            Ok(Event::Eof) => return Ending::Complete,
            Err(error) => {
                return Ending::Broken(format!(
                    "its XML breaks off at byte {} ({error})",
                    reader.error_position()
                ));
            }
            Ok(_) => ControlFlow::Continue(()),
        };
        if flow.is_break() {
            return Ending::Complete;
        }
    }
}

fn push_text(text: &mut String, more: &str) {
    for c in more.chars() {
        if text.len() + c.len_utf8() > MAX_TEXT {
            return;
        }
        text.push(c);
    }
}

/// An attribute's value by local name.
pub(super) fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .find(|attribute| attribute.key.local_name().as_ref() == name.as_bytes())
        .map(|attribute| String::from_utf8_lossy(&attribute.value).trim().to_owned())
}

/// An XML date and time; one without an offset is taken as UTC (GPX and TCX times are UTC).
pub(super) fn parse_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    text.parse::<Timestamp>().ok().or_else(|| {
        text.parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|civil| jiff::tz::TimeZone::UTC.to_timestamp(civil).ok())
    })
}

/// A number from text, when finite.
pub(super) fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Seconds between two instants, with their fractions.
pub(super) fn span_s(first: Timestamp, last: Timestamp) -> f64 {
    let span = last.duration_since(first);
    span.as_secs_f64().max(0.0)
}
