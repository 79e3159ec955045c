//! What the history screen shows, computed from saved rows: sessions per week, streaks, and pain by
//! area over time. Days are the runner's local calendar days, as day numbers.

use super::{CheckRow, SessionRow};
use crate::calendar::{Calendar, DayNumber, week_start};
use crate::triage::Area;
use crate::words::Word;

/// Sessions started in each of the `weeks` weeks up to and including this one, oldest first, as
/// (Monday, count).
pub fn sessions_per_week(
    sessions: &[SessionRow],
    today: DayNumber,
    weeks: usize,
    calendar: &Calendar,
) -> Vec<(DayNumber, u64)> {
    let this_week = week_start(today);
    (0..weeks)
        .rev()
        .map(|back| {
            let monday = this_week - 7 * i64::try_from(back).unwrap_or(0);
            let count = sessions
                .iter()
                .filter(|s| week_start(calendar.day(s.started_at)) == monday)
                .count();
            (monday, u64::try_from(count).unwrap_or(u64::MAX))
        })
        .collect()
}

/// Days in a row with a finished routine: (current, longest). The current streak counts up to today,
/// or up to yesterday while today has nothing yet, so it does not drop to 0 in the morning.
pub fn streaks(sessions: &[SessionRow], today: DayNumber, calendar: &Calendar) -> (u32, u32) {
    let mut days: Vec<i64> = sessions
        .iter()
        .filter(|s| s.finished)
        .map(|s| calendar.day(s.started_at))
        .filter(|&d| d <= today)
        .collect();
    days.sort_unstable();
    days.dedup();
    let mut longest = 0;
    let mut run = 0;
    let mut previous = None;
    for &day in &days {
        run = if previous == Some(day - 1) {
            run + 1
        } else {
            1
        };
        longest = longest.max(run);
        previous = Some(day);
    }
    let current = match days.last() {
        Some(&last) if last >= today - 1 => run,
        _ => 0,
    };
    (current, longest)
}

/// For each area reported in the last `days` days: (area, points), a point being (days before today
/// as a negative number, pain). Areas in their usual order; points in time order.
pub fn pain_by_area(
    checks: &[CheckRow],
    today: DayNumber,
    days: i64,
    calendar: &Calendar,
) -> Vec<(Area, Vec<(f64, f64)>)> {
    Area::ALL
        .iter()
        .filter_map(|&(_, area)| {
            let mut points: Vec<(i64, u8)> = checks
                .iter()
                .map(|c| (calendar.day(c.taken_at), c))
                .filter(|(day, _)| *day > today - days && *day <= today)
                .filter(|(_, c)| c.areas.contains(&Word::Known(area)))
                .map(|(day, c)| (day - today, c.pain))
                .collect();
            points.sort_by_key(|&(day, _)| day);
            if points.is_empty() {
                return None;
            }
            #[allow(clippy::cast_precision_loss, reason = "day offsets are small")]
            let points = points
                .into_iter()
                .map(|(day, pain)| (day as f64, f64::from(pain)))
                .collect();
            Some((area, points))
        })
        .collect()
}

/// A series of `(day offset, value)` points, oldest first, cut where a day has no point: each run
/// covers consecutive days (several points on one day stay together).
pub fn runs(points: &[(f64, f64)]) -> Vec<&[(f64, f64)]> {
    points.chunk_by(|a, b| b.0 - a.0 <= 1.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{Calendar, UtcTime};

    #[test]
    fn runs_break_at_days_without_a_point() {
        let points = [
            (-9.0, 2.0),
            (-8.0, 3.0),
            (-5.0, 4.0),
            (-5.0, 5.0),
            (-4.0, 1.0),
            (0.0, 2.0),
        ];
        let runs = runs(&points);
        assert_eq!(
            runs,
            vec![&points[0..2], &points[2..5], &points[5..6]],
            "a gap of a day or more ends a run"
        );
        assert!(super::runs(&[]).is_empty());
    }

    fn session(day: i64, finished: bool) -> SessionRow {
        SessionRow {
            routine_id: "r".into(),
            routine_hash: "h".into(),
            started_at: UtcTime(day * 86_400 + 3600),
            ended_at: UtcTime(day * 86_400 + 4000),
            finished,
            completed: 1,
            skipped: 0,
            extended: 0,
            pauses: 0,
            paused_ms: 0,
            active_ms: 400_000,
            program: None,
            pain: None,
            morning: None,
        }
    }

    fn check(day: i64, pain: u8, areas: &[&str]) -> CheckRow {
        CheckRow {
            taken_at: UtcTime(day * 86_400 + 3600),
            pain,
            areas: areas.iter().map(|a| Word::read(a)).collect(),
            level: Word::read("ok"),
            rules: vec![],
        }
    }

    // 2025-11-24 was a Monday: day 20416.
    const MONDAY: i64 = 20_416;

    #[test]
    fn sessions_are_counted_in_their_week() {
        let sessions = [
            session(MONDAY, true),
            session(MONDAY + 2, false),
            session(MONDAY - 1, true),
            session(MONDAY - 30, true),
        ];
        let weeks = sessions_per_week(&sessions, MONDAY + 3, 3, &Calendar::utc());
        assert_eq!(weeks, vec![(MONDAY - 14, 0), (MONDAY - 7, 1), (MONDAY, 2)]);
    }

    #[test]
    fn streak_table() {
        // (days relative to today, finished) -> (current, longest)
        type Case = (&'static [(i64, bool)], (u32, u32));
        let table: &[Case] = &[
            (&[], (0, 0)),
            (&[(0, true)], (1, 1)),
            (&[(-1, true)], (1, 1)),
            (&[(-2, true)], (0, 1)),
            (&[(0, true), (-1, true), (-2, true), (-4, true)], (3, 3)),
            (&[(0, true), (0, true), (-1, true)], (2, 2)),
            (&[(0, false), (-1, true)], (1, 1)),
            (&[(-10, true), (-9, true), (-8, true), (-1, true)], (1, 3)),
            (&[(1, true)], (0, 0)),
        ];
        for (days, expected) in table {
            let sessions: Vec<SessionRow> = days
                .iter()
                .map(|&(d, finished)| session(MONDAY + d, finished))
                .collect();
            assert_eq!(
                streaks(&sessions, MONDAY, &Calendar::utc()),
                *expected,
                "{days:?}"
            );
        }
    }

    #[test]
    fn pain_by_area_keeps_recent_checks_per_area() {
        let checks = [
            check(MONDAY - 40, 9, &["neck"]),
            check(MONDAY - 3, 5, &["lower-back", "hips"]),
            check(MONDAY, 2, &["lower-back"]),
            check(MONDAY - 1, 0, &[]),
        ];
        let series = pain_by_area(&checks, MONDAY, 30, &Calendar::utc());
        assert_eq!(
            series,
            vec![
                (Area::LowerBack, vec![(-3.0, 5.0), (0.0, 2.0)]),
                (Area::Hips, vec![(-3.0, 5.0)]),
            ]
        );
    }

    /// Streaks count local days: two sessions an hour apart either side of local midnight are two
    /// days in Auckland, though both fall on one UTC day.
    #[test]
    fn streaks_follow_local_midnight() {
        // 2025-11-24 10:30Z and 11:30Z: 23:30 on the 24th and 00:30 on the 25th in Auckland (UTC+13).
        let at = |seconds: i64| SessionRow {
            started_at: UtcTime(MONDAY * 86_400 + seconds),
            ..session(MONDAY, true)
        };
        let sessions = [at(10 * 3600 + 1800), at(11 * 3600 + 1800)];
        let auckland = Calendar::named("Pacific/Auckland").expect("zone");
        let today_there = auckland.day(UtcTime(MONDAY * 86_400 + 12 * 3600));
        assert_eq!(streaks(&sessions, today_there, &auckland), (2, 2));
        assert_eq!(streaks(&sessions, MONDAY, &Calendar::utc()), (1, 1));
    }
}
