//! Wall-clock dates for the history (the session engine itself only uses monotonic time).

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment in UTC: whole seconds since 1970, shown as RFC 3339.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct UtcTime(pub i64);

impl UtcTime {
    pub fn now() -> Self {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Self(seconds)
    }

    /// Days since 1970-01-01.
    pub fn day(self) -> i64 {
        self.0.div_euclid(86_400)
    }

    /// `2026-11-24T13:05:00Z`.
    pub fn rfc3339(self) -> String {
        let (year, month, day) = civil_from_days(self.day());
        let seconds = self.0.rem_euclid(86_400);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            seconds / 3600,
            seconds % 3600 / 60,
            seconds % 60
        )
    }
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::answers::days_from_civil;

    #[test]
    fn dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 11_017, 20_416, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(UtcTime(0).rfc3339(), "1970-01-01T00:00:00Z");
        // Checked with `date -u -d @1795518300`.
        assert_eq!(UtcTime(1_795_518_300).rfc3339(), "2026-11-24T11:05:00Z");
        assert_eq!(UtcTime(1_795_518_300).day(), days_from_civil(2026, 11, 24));
    }
}
