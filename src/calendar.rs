//! Instants and the runner's local calendar days, on jiff.
//!
//! Everything is stored as a UTC instant; a *day* is always the runner's local calendar day, worked
//! out from the instant with the machine's time zone (`TZ`, else the system's). The rules of the pain
//! check and the history screen compare day numbers (days since 1970-01-01 of the local date), so they
//! stay pure arithmetic on integers while jiff does the calendar.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// A moment: whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UtcTime(pub i64);

/// A local calendar day, as days since 1970-01-01 (so rules can subtract days).
pub type DayNumber = i64;

/// 1970-01-01, the day numbers' origin.
const EPOCH: Date = jiff::civil::date(1970, 1, 1);

impl UtcTime {
    pub fn now() -> Self {
        Self(Timestamp::now().as_second())
    }

    /// `2026-11-24T13:05:00Z`: the one format the history stores.
    pub fn rfc3339(self) -> String {
        self.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// Reads back an instant written with an offset or `Z` (`2026-11-24T13:05:00Z`,
    /// `2026-11-24T08:05:00-05:00`).
    pub fn parse_instant(text: &str) -> Option<Self> {
        text.parse::<Timestamp>().ok().map(Self::from)
    }

    fn timestamp(self) -> Timestamp {
        Timestamp::from_second(self.0).unwrap_or(Timestamp::UNIX_EPOCH)
    }
}

impl From<Timestamp> for UtcTime {
    fn from(timestamp: Timestamp) -> Self {
        Self(timestamp.as_second())
    }
}

/// The runner's time zone, which turns instants into local days and back.
#[derive(Debug, Clone)]
pub struct Calendar {
    zone: TimeZone,
}

impl Calendar {
    /// The machine's zone: `TZ` if set, else the system's; UTC when neither can be read.
    pub fn system() -> Self {
        Self {
            zone: TimeZone::try_system().unwrap_or(TimeZone::UTC),
        }
    }

    pub fn utc() -> Self {
        Self {
            zone: TimeZone::UTC,
        }
    }

    /// A zone by its IANA name (`Pacific/Kiritimati`).
    pub fn named(name: &str) -> Option<Self> {
        TimeZone::get(name).ok().map(|zone| Self { zone })
    }

    /// The local calendar date of an instant.
    pub fn date(&self, time: UtcTime) -> Date {
        time.timestamp().to_zoned_datetime(self.zone.clone()).date()
    }

    /// The local date and time of an instant.
    pub fn datetime(&self, time: UtcTime) -> DateTime {
        time.timestamp()
            .to_zoned_datetime(self.zone.clone())
            .datetime()
    }

    /// `2026-11-24 08:05 EST`: an instant as the runner's clock showed it, with the zone.
    pub fn local_text(&self, time: UtcTime) -> String {
        time.timestamp()
            .to_zoned_datetime(self.zone.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string()
    }

    /// The local day of an instant, as a day number.
    pub fn day(&self, time: UtcTime) -> DayNumber {
        day_number(self.date(time))
    }

    /// The instant of a local date and time; in a daylight-saving gap or overlap, the earlier
    /// reading (jiff's "compatible" choice).
    pub fn instant(&self, local: DateTime) -> Option<UtcTime> {
        local
            .to_zoned_datetime(self.zone.clone())
            .ok()
            .map(|zoned| UtcTime::from(zoned.timestamp()))
    }

    /// Local midnight at the start of `date`.
    pub fn midnight(&self, date: Date) -> Option<UtcTime> {
        self.instant(date.to_datetime(jiff::civil::time(0, 0, 0, 0)))
    }

    /// Reads a stored or written time in any of the forms earlier versions stored as written: an
    /// instant (`Z` or an offset), a local date and time, or a local date (its midnight).
    pub fn parse_any(&self, text: &str) -> Option<UtcTime> {
        let text = text.trim();
        if let Some(instant) = UtcTime::parse_instant(text) {
            return Some(instant);
        }
        if let Ok(local) = text.parse::<DateTime>() {
            return self.instant(local);
        }
        text.parse::<Date>()
            .ok()
            .and_then(|date| self.midnight(date))
    }
}

/// The day number of a calendar date.
pub fn day_number(date: Date) -> DayNumber {
    date.since((jiff::Unit::Day, EPOCH))
        .map_or(0, |span| i64::from(span.get_days()))
}

/// The calendar date of a day number.
pub fn date_of(day: DayNumber) -> Date {
    EPOCH.checked_add(day.days()).unwrap_or(EPOCH)
}

/// The Monday on or before `day`: weeks start on Monday.
pub fn week_start(day: DayNumber) -> DayNumber {
    day - i64::from(date_of(day).weekday().to_monday_zero_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_through_dates() {
        for (day, text) in [
            (0, "1970-01-01"),
            (11_017, "2000-03-01"),
            (20_416, "2025-11-24"),
            (-1, "1969-12-31"),
        ] {
            let date: Date = text.parse().expect("a date");
            assert_eq!(day_number(date), day, "{text}");
            assert_eq!(date_of(day), date, "{day}");
        }
    }

    #[test]
    fn instants_print_in_one_utc_format() {
        assert_eq!(UtcTime(0).rfc3339(), "1970-01-01T00:00:00Z");
        // Checked with `date -u -d @1795518300`.
        assert_eq!(UtcTime(1_795_518_300).rfc3339(), "2026-11-24T11:05:00Z");
        assert_eq!(
            UtcTime::parse_instant("2026-11-24T06:05:00-05:00"),
            Some(UtcTime(1_795_518_300))
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        const MONDAY: DayNumber = 20_416; // 2025-11-24
        for (day, monday) in [
            (MONDAY, MONDAY),
            (MONDAY + 6, MONDAY),
            (MONDAY + 7, MONDAY + 7),
            (MONDAY - 1, MONDAY - 7),
            (0, -3),
        ] {
            assert_eq!(week_start(day), monday, "day {day}");
        }
    }

    /// The same instants fall on different local days in different zones.
    #[test]
    fn local_days_follow_the_zone() {
        // 2026-11-20T23:30:00Z is already the 21st at UTC+14 and still the 20th at UTC-10.
        let late = UtcTime::parse_instant("2026-11-20T23:30:00Z").expect("instant");
        let table = [
            ("UTC", "2026-11-20"),
            ("Pacific/Kiritimati", "2026-11-21"),
            ("Pacific/Honolulu", "2026-11-20"),
            ("Europe/Paris", "2026-11-21"),
        ];
        for (zone, date) in table {
            let calendar = Calendar::named(zone).expect("zone in the tz database");
            assert_eq!(calendar.date(late).to_string(), date, "{zone}");
        }
    }

    #[test]
    fn stored_times_of_every_earlier_form_are_read() {
        let paris = Calendar::named("Europe/Paris").expect("zone");
        let table = [
            ("2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z"),
            ("2026-11-20T08:00:00+02:00", "2026-11-20T06:00:00Z"),
            ("2026-11-20T08:00:00-14:00", "2026-11-20T22:00:00Z"),
            ("2026-11-20T08:00:00", "2026-11-20T07:00:00Z"),
            ("2026-11-20", "2026-11-19T23:00:00Z"),
        ];
        for (stored, utc) in table {
            let read = paris.parse_any(stored).map(UtcTime::rfc3339);
            assert_eq!(read.as_deref(), Some(utc), "{stored}");
        }
        assert_eq!(paris.parse_any("yesterday"), None);
    }
}
