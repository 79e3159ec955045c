//! Durations as coaches write them: `45`, `"45s"`, `"2m"`, `"1m30s"`, `"1m 30s"`, `"1:30"`, `"1h"`.
//!
//! Everything is whole seconds; the rest of the crate works in milliseconds so that virtual time, pauses and
//! `+10 s` adjustments share one unit.

use std::fmt;

/// A non-negative span of whole seconds, as written in a routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Secs(pub u32);

impl Secs {
    pub const ZERO: Self = Self(0);

    pub fn millis(self) -> u64 {
        u64::from(self.0) * 1000
    }
}

impl fmt::Display for Secs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_clock(u64::from(self.0) * 1000))
    }
}

/// Why a duration string was refused; the text is shown to the coach after the field name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("a duration cannot be negative")]
    Negative,
    #[error("a bare number in quotes is ambiguous: write {0} (seconds, no quotes) or \"{0}s\"")]
    MissingUnit(String),
    #[error("{0} seconds is not valid after minutes: use at most 59 (or write \"{1}\")")]
    SecondsOverflow(u64, String),
    #[error("{0} minutes is not valid after hours: use at most 59")]
    MinutesOverflow(u64),
    #[error("each unit may appear once, largest first (h, m, s)")]
    UnitOrder,
    #[error("the duration is too large")]
    TooLarge,
    #[error("an empty duration")]
    Empty,
    #[error(
        "`{0}` is not a duration: use seconds like 45 or \"45s\", \"2m\", \"1m30s\" or \"1:30\""
    )]
    Malformed(String),
}

/// Parses the string form of a duration.
pub fn parse_duration(text: &str) -> Result<Secs, DurationError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DurationError::Empty);
    }
    if trimmed.starts_with('-') {
        return Err(DurationError::Negative);
    }
    if trimmed.chars().all(|c| c.is_ascii_digit()) {
        return Err(DurationError::MissingUnit(trimmed.to_owned()));
    }
    let total = if trimmed.contains(':') {
        parse_clock(trimmed)?
    } else {
        parse_units(trimmed)?
    };
    u32::try_from(total)
        .map(Secs)
        .map_err(|_| DurationError::TooLarge)
}

/// `m:ss` or `h:mm:ss`.
fn parse_clock(text: &str) -> Result<u64, DurationError> {
    let malformed = || DurationError::Malformed(text.to_owned());
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(malformed());
    }
    let numbers: Vec<u64> = parts
        .iter()
        .map(|p| p.parse::<u64>().map_err(|_| DurationError::TooLarge))
        .collect::<Result<_, _>>()?;
    let (hours, minutes, seconds) = match numbers.as_slice() {
        [m, s] => (0, *m, *s),
        [h, m, s] => {
            if *m > 59 {
                return Err(DurationError::MinutesOverflow(*m));
            }
            (*h, *m, *s)
        }
        _ => return Err(malformed()),
    };
    if parts.last().is_some_and(|s| s.len() != 2) {
        return Err(malformed());
    }
    if seconds > 59 {
        return Err(DurationError::SecondsOverflow(
            seconds,
            suggest(hours * 3600 + minutes * 60 + seconds),
        ));
    }
    checked_total(hours, minutes, seconds)
}

/// `1h`, `2m`, `45s`, `1m30s`, `1m 30s`, `1h 5m`.
fn parse_units(text: &str) -> Result<u64, DurationError> {
    let malformed = || DurationError::Malformed(text.to_owned());
    let mut values: [Option<u64>; 3] = [None; 3];
    let mut last_rank: Option<usize> = None;
    let mut rest = text;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return Err(malformed());
        }
        let number: u64 = rest[..digits]
            .parse()
            .map_err(|_| DurationError::TooLarge)?;
        rest = rest[digits..].trim_start();
        let unit_len = rest.chars().take_while(char::is_ascii_alphabetic).count();
        let rank = match &rest[..unit_len] {
            "h" | "hr" | "hrs" | "hour" | "hours" => 0,
            "m" | "min" | "mins" | "minute" | "minutes" => 1,
            "s" | "sec" | "secs" | "second" | "seconds" => 2,
            _ => return Err(malformed()),
        };
        if last_rank.is_some_and(|previous| previous >= rank) {
            return Err(DurationError::UnitOrder);
        }
        last_rank = Some(rank);
        values[rank] = Some(number);
        rest = &rest[unit_len..];
    }
    let [hours, minutes, seconds] = values.map(|v| v.unwrap_or(0));
    let has_larger = values[0].is_some() || values[1].is_some();
    if values[1].is_some() && values[0].is_some() && minutes > 59 {
        return Err(DurationError::MinutesOverflow(minutes));
    }
    if has_larger && seconds > 59 {
        return Err(DurationError::SecondsOverflow(
            seconds,
            suggest(hours * 3600 + minutes * 60 + seconds),
        ));
    }
    checked_total(hours, minutes, seconds)
}

fn checked_total(hours: u64, minutes: u64, seconds: u64) -> Result<u64, DurationError> {
    hours
        .checked_mul(3600)
        .and_then(|h| minutes.checked_mul(60).and_then(|m| h.checked_add(m)))
        .and_then(|hm| hm.checked_add(seconds))
        .ok_or(DurationError::TooLarge)
}

/// The canonical spelling of a number of seconds, used in "did you mean" hints.
fn suggest(total: u64) -> String {
    let (h, m, s) = (total / 3600, total % 3600 / 60, total % 60);
    let mut parts = Vec::with_capacity(3);
    if h > 0 {
        parts.push(format!("{h}h"));
    }
    if m > 0 {
        parts.push(format!("{m}m"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(format!("{s}s"));
    }
    parts.concat()
}

/// `m:ss`, or `h:mm:ss` from an hour on; used on screen and in `plan`.
pub fn format_clock(millis: u64) -> String {
    let total = millis / 1000;
    let (h, m, s) = (total / 3600, total % 3600 / 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Seconds as a person reads a length: `45s`, `2m`, `1m30s`, `1h5m`.
pub fn format_human(millis: u64) -> String {
    suggest(millis.div_ceil(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms() {
        let cases = [
            ("45s", 45),
            ("2m", 120),
            ("1m30s", 90),
            ("1m 30s", 90),
            ("1:30", 90),
            ("0:05", 5),
            ("1:00:00", 3600),
            ("1h", 3600),
            ("1h 5m", 3900),
            ("90s", 90),
            ("0s", 0),
            (" 10 s ", 10),
            ("2 min", 120),
        ];
        for (text, seconds) in cases {
            assert_eq!(parse_duration(text), Ok(Secs(seconds)), "{text}");
        }
    }

    #[test]
    fn refused_forms() {
        use DurationError as E;
        let cases = [
            ("90", E::MissingUnit("90".into())),
            ("1m70s", E::SecondsOverflow(70, "2m10s".into())),
            ("-5s", E::Negative),
            ("", E::Empty),
            ("5x", E::Malformed("5x".into())),
            ("s", E::Malformed("s".into())),
            ("30s1m", E::UnitOrder),
            ("1m1m", E::UnitOrder),
            ("1:5", E::Malformed("1:5".into())),
            ("1:75", E::SecondsOverflow(75, "2m15s".into())),
            ("1:60:00", E::MinutesOverflow(60)),
            ("1h70m", E::MinutesOverflow(70)),
            ("99999999999999999999s", E::TooLarge),
        ];
        for (text, error) in cases {
            assert_eq!(parse_duration(text), Err(error), "{text}");
        }
    }

    #[test]
    fn clock_format() {
        assert_eq!(format_clock(0), "0:00");
        assert_eq!(format_clock(65_000), "1:05");
        assert_eq!(format_clock(3_725_000), "1:02:05");
        assert_eq!(format_human(90_000), "1m30s");
        assert_eq!(format_human(500), "1s");
    }
}
