//! A finished pain check: the answers, when they were given, and the result. Taking one is the
//! same for the app and `check --answers`; the history saves and reads it (this module is pure).

use super::profile::{Profile, apply};
use super::{Answers, Facts, PastCheck, Triage, evaluate};
use crate::calendar::{Calendar, DayNumber, UtcTime};

/// A finished pain check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRecord {
    pub answers: Answers,
    /// When it was taken, and the runner's local day then.
    pub taken_at: UtcTime,
    pub day: DayNumber,
    pub triage: Triage,
}

impl CheckRecord {
    /// Takes a check: what the answers leave open is filled in from `profile` (when one is used),
    /// then the answers are checked against every rule and the earlier checks. It is taken `now`,
    /// unless the answers give their own date (a check logged later).
    pub fn take(
        mut answers: Answers,
        profile: Option<&Profile>,
        now: UtcTime,
        calendar: &Calendar,
        history: &[PastCheck],
    ) -> Self {
        let taken_at = answers.date.unwrap_or(now);
        if let Some(profile) = profile {
            apply(&mut answers, profile, taken_at, calendar);
        }
        let day = calendar.day(taken_at);
        let triage = evaluate(&Facts {
            answers: &answers,
            at: taken_at,
            day,
            history,
        });
        Self {
            answers,
            taken_at,
            day,
            triage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::Level;
    use crate::triage::profile::{AgeGiven, Dated, Used};

    const NOW: UtcTime = UtcTime(1_795_000_000);

    fn aged(years: u32) -> Profile {
        Profile {
            age: Some(Dated {
                value: AgeGiven::Age(years),
                answered_at: NOW,
            }),
            ..Profile::default()
        }
    }

    #[test]
    fn a_check_logged_later_is_dated_by_its_answers() {
        let earlier = UtcTime(NOW.0 - 3 * 86_400);
        let answers = Answers {
            date: Some(earlier),
            ..Answers::default()
        };
        let record = CheckRecord::take(answers, None, NOW, &Calendar::utc(), &[]);
        assert_eq!(record.taken_at, earlier);
        assert_eq!(record.day, Calendar::utc().day(earlier));
        assert_eq!(record.triage.level, Level::Ok);
    }

    #[test]
    fn the_saved_profile_fills_in_the_age_only_when_one_is_used() {
        let profile = aged(67);
        let with = CheckRecord::take(
            Answers::default(),
            Some(&profile),
            NOW,
            &Calendar::utc(),
            &[],
        );
        assert_eq!(with.answers.age, Some(67));
        assert_eq!(with.answers.from_profile, vec![Used::Age(67)]);
        let without = CheckRecord::take(Answers::default(), None, NOW, &Calendar::utc(), &[]);
        assert_eq!(without.answers.age, None);
    }
}
