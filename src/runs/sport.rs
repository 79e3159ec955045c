//! Sport names from the three formats, brought to FIT's lower-case names.

/// Whether a sport counts as running (trail, treadmill and track running are running).
pub fn is_running_sport(sport: &str) -> bool {
    sport == "running"
}

/// A sport and sub-sport from a GPX `<type>` or a TCX `Sport` attribute (free text, many spellings:
/// `running`, `Running`, `Run`, `TrailRun`, `trail_running`, `9` from older Strava exports).
pub(super) fn from_text(text: &str) -> (String, Option<String>) {
    let key: String = text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let (sport, sub_sport) = match key.as_str() {
        "running" | "run" | "9" => ("running", None),
        "trailrun" | "trailrunning" => ("running", Some("trail")),
        "treadmill" | "treadmillrunning" | "virtualrun" | "indoorrunning" => {
            ("running", Some("treadmill"))
        }
        "trackrunning" => ("running", Some("track")),
        "walking" | "walk" | "10" => ("walking", None),
        "hiking" | "hike" => ("hiking", None),
        "biking" | "cycling" | "ride" | "1" => ("cycling", None),
        "swimming" | "swim" => ("swimming", None),
        "" | "other" => ("other", None),
        _ => return (key, None),
    };
    (sport.to_owned(), sub_sport.map(str::to_owned))
}

/// Whether a sub-sport is indoors.
pub(super) fn is_indoor(sub_sport: Option<&str>) -> bool {
    matches!(
        sub_sport,
        Some("treadmill" | "indoor_running" | "virtual_activity" | "indoor_walking")
    )
}

#[cfg(test)]
mod tests {
    use super::from_text;

    #[test]
    fn spellings_from_real_exports_become_fit_names() {
        assert_eq!(from_text("Running"), ("running".to_owned(), None));
        assert_eq!(
            from_text("TrailRun"),
            ("running".to_owned(), Some("trail".to_owned()))
        );
        assert_eq!(from_text("Biking"), ("cycling".to_owned(), None));
        assert_eq!(from_text("walk"), ("walking".to_owned(), None));
        assert_eq!(from_text("Kayaking"), ("kayaking".to_owned(), None));
    }
}
