//! "Did you mean" for misspelt keys, kinds and ids.

/// The closest candidate, if it is close enough to be a likely typo.
pub(super) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(&lower, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// ` (did you mean `x`?)`, or nothing.
pub fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates).map_or_else(String::new, |c| format!(" (did you mean `{c}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_words_are_suggested() {
        let keys = ["duration", "reps", "tempo", "sets", "set_rest"];
        assert_eq!(did_you_mean("durtion", keys), Some("duration"));
        assert_eq!(did_you_mean("rep", keys), Some("reps"));
        assert_eq!(did_you_mean("setrest", keys), Some("set_rest"));
        assert_eq!(did_you_mean("banana", keys), None);
        assert_eq!(hint("Tempo", keys), " (did you mean `tempo`?)");
    }
}
