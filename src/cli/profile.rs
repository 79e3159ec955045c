//! `limberup profile [--json]`, `profile set KEY VALUE`, `profile clear`: the runner's profile that
//! the pain check uses (pain check version 3). Showing it reads without creating anything; a
//! value that does not fit its key is command-line misuse (exit 2), checked before anything is
//! written.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use super::args::{ProfileAction, ProfileKey};
use super::{Failure, Outcome, io_failure, json_failure};
use crate::calendar::{Calendar, UtcTime};
use crate::config::Dirs;
use crate::diag::hint;
use crate::history::Store;
use crate::triage::Symptom;
use crate::triage::profile::{AgeGiven, Dated, Profile, Reply, reply_words};

/// The oldest year of birth `born` takes.
const FIRST_YEAR: i32 = 1900;
const MAX_AGE: u32 = 120;

pub(super) fn run(
    dirs: &Dirs,
    json: bool,
    action: Option<ProfileAction>,
    out: &mut impl Write,
) -> Outcome {
    let calendar = Calendar::system();
    let now = UtcTime::now();
    match action {
        None => {
            let profile = read(dirs, &calendar)?;
            if json {
                serde_json::to_writer(&mut *out, &as_json(&profile, now, &calendar))
                    .map_err(json_failure)?;
                writeln!(out).map_err(io_failure)
            } else {
                out.write_all(as_text(&profile, now, &calendar).as_bytes())
                    .map_err(io_failure)
            }
        }
        Some(ProfileAction::Set { key, value }) => {
            let change = parse_change(key, &value, now, &calendar)?;
            let mut store = writable(dirs, &calendar)?;
            let mut profile = store.profile()?;
            change.apply(&mut profile, now);
            store.save_profile(&profile)?;
            let said = match profile.age_at(now, &calendar) {
                Some(age) if matches!(key, ProfileKey::Age | ProfileKey::Born) => {
                    format!("saved: age {age}")
                }
                _ => format!("saved: {} {}", key_word(key), value),
            };
            writeln!(out, "{said}").map_err(io_failure)
        }
        Some(ProfileAction::Clear) => {
            let cleared = writable(dirs, &calendar)?.clear_profile()?;
            let said = if cleared {
                "cleared: the next full-screen pain check asks for your profile again"
            } else {
                "there was no profile to clear"
            };
            writeln!(out, "{said}").map_err(io_failure)
        }
    }
}

/// One answer to change.
enum Change {
    Fact(Symptom, Reply),
    Age(AgeGiven),
}

impl Change {
    fn apply(self, profile: &mut Profile, now: UtcTime) {
        match self {
            Self::Fact(fact, value) => {
                profile.facts.insert(
                    fact,
                    Dated {
                        value,
                        answered_at: now,
                    },
                );
            }
            Self::Age(value) => {
                profile.age = Some(Dated {
                    value,
                    answered_at: now,
                });
            }
        }
    }
}

fn key_word(key: ProfileKey) -> &'static str {
    match key {
        ProfileKey::CancerHistory => "cancer-history",
        ProfileKey::BoneRisk => "bone-risk",
        ProfileKey::InfectionRisk => "infection-risk",
        ProfileKey::BackHistory => "back-history",
        ProfileKey::Age => "age",
        ProfileKey::Born => "born",
    }
}

/// The value checked against its key; a misfit is misuse, with "did you mean" for a near word.
fn parse_change(
    key: ProfileKey,
    value: &str,
    now: UtcTime,
    calendar: &Calendar,
) -> Result<Change, Failure> {
    let shown = crate::text::printable(value);
    let misuse = |expected: String| {
        Failure::Misuse(format!(
            "`{shown}` is not a value for `{}`: {expected}",
            key_word(key)
        ))
    };
    match key {
        ProfileKey::Age => value
            .parse::<u32>()
            .ok()
            .filter(|age| *age <= MAX_AGE)
            .map(|age| Change::Age(AgeGiven::Age(age)))
            .ok_or_else(|| misuse(format!("give a whole number from 0 to {MAX_AGE}"))),
        ProfileKey::Born => {
            let this_year = i32::from(calendar.date(now).year());
            value
                .parse::<i32>()
                .ok()
                .filter(|year| (FIRST_YEAR..=this_year).contains(year))
                .map(|year| Change::Age(AgeGiven::Born(year)))
                .ok_or_else(|| misuse(format!("give a year from {FIRST_YEAR} to {this_year}")))
        }
        fact => {
            let fact = Symptom::parse(key_word(fact)).unwrap_or(Symptom::BackHistory);
            Reply::parse(value)
                .map(|reply| Change::Fact(fact, reply))
                .ok_or_else(|| {
                    let near = hint(value, Reply::ALL.iter().map(|(word, _)| *word));
                    misuse(format!("give yes, no or not-sure{near}"))
                })
        }
    }
}

/// The saved profile, read without creating or changing anything.
fn read(dirs: &Dirs, calendar: &Calendar) -> Result<Profile, Failure> {
    let Some(dir) = &dirs.data_dir else {
        return Ok(Profile::default());
    };
    Ok(Store::open_read_only(dir, calendar)?
        .map(|store| store.profile())
        .transpose()?
        .unwrap_or_default())
}

fn writable(dirs: &Dirs, calendar: &Calendar) -> Result<Store, Failure> {
    let dir = dirs.data_dir.as_deref().ok_or(Failure::NoDataFolder)?;
    Ok(Store::open(dir, calendar)?)
}

#[derive(Serialize)]
struct FactJson {
    answer: &'static str,
    answered_at: String,
}

#[derive(Serialize)]
struct ProfileJson {
    /// The age now, counted from what was given.
    age: Option<u32>,
    /// The year of birth, when it was given so.
    born: Option<i32>,
    age_answered_at: Option<String>,
    /// Every fact by id; null when never answered.
    facts: BTreeMap<&'static str, Option<FactJson>>,
    /// The full-screen check will ask "Is this still right?" (an answer older than 180 days).
    reconfirm_due: bool,
}

fn as_json(profile: &Profile, now: UtcTime, calendar: &Calendar) -> ProfileJson {
    ProfileJson {
        age: profile.age_at(now, calendar),
        born: profile.age.and_then(|age| match age.value {
            AgeGiven::Born(year) => Some(year),
            AgeGiven::Age(_) => None,
        }),
        age_answered_at: profile.age.map(|age| age.answered_at.rfc3339()),
        facts: Symptom::PROFILE
            .iter()
            .map(|fact| {
                let answer = profile.facts.get(fact).map(|dated| FactJson {
                    answer: dated.value.as_str(),
                    answered_at: dated.answered_at.rfc3339(),
                });
                (fact.as_str(), answer)
            })
            .collect(),
        reconfirm_due: profile.needs_reconfirming(now),
    }
}

fn as_text(profile: &Profile, now: UtcTime, calendar: &Calendar) -> String {
    if profile.is_empty() {
        return "No profile yet: the next full-screen pain check asks for it, or set it with \
                `limberup profile set KEY VALUE`.\n"
            .to_owned();
    }
    let mut text = String::from("Your profile, as the pain check uses it:\n");
    let answered = |at: UtcTime| format!("answered {}", calendar.date(at));
    let age = match (profile.age, profile.age_at(now, calendar)) {
        (Some(given), Some(years)) => format!("{years} ({})", answered(given.answered_at)),
        _ => "not answered".to_owned(),
    };
    let _ = writeln!(text, "  {:<16}{age}", "age");
    for fact in Symptom::PROFILE {
        let answer = profile.facts.get(&fact).map_or_else(
            || "not answered".to_owned(),
            |dated| {
                format!(
                    "{} ({})",
                    reply_words(dated.value),
                    answered(dated.answered_at)
                )
            },
        );
        let _ = writeln!(text, "  {:<16}{answer}", fact.as_str());
    }
    if profile.needs_reconfirming(now) {
        text.push_str("Some answers are more than 180 days old: the next check asks whether they are still right.\n");
    }
    text.push_str("Change one with `limberup profile set KEY yes|no|not-sure` (or `age N`, `born YYYY`); forget it with `limberup profile clear`.\n");
    text
}
