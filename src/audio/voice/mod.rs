//! The spoken words: the vocabulary of the cues, numbers and durations in words, and the built-in
//! clips that say them (made by `sounds/make-sounds.sh` from `sounds/voice.txt`). Pure: which text is
//! said, and which clip says it; nothing here plays or runs a speech program.

mod built_in {
    include!(concat!(env!("OUT_DIR"), "/voice_clips.rs"));
}

/// Every fixed word or phrase the cues say; each has a built-in clip (a test checks).
pub const VOCABULARY: &[&str] = &[
    "get ready",
    "go",
    "rest",
    "halfway",
    "switch sides",
    "well done",
    "next",
    "set",
    "of",
    "second",
    "seconds",
    "minute",
    "minutes",
    "rep",
    "reps",
    "left side",
    "right side",
    "left side first",
    "right side first",
    "hundred",
];

/// Numbers from one to nineteen, by value.
const ONES: [&str; 20] = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Whole tens from twenty, by value / 10.
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Every fixed word the cues can say: the [`VOCABULARY`] and the words numbers are made of. Each has a
/// built-in clip; the sound thread decodes them all before the first cue.
pub fn fixed_words() -> impl Iterator<Item = &'static str> {
    let numbers = ONES.into_iter().chain(TENS).filter(|word| !word.is_empty());
    VOCABULARY.iter().copied().chain(numbers)
}

/// The built-in clip (Ogg Vorbis) that says `text`, found by its [`slug`].
pub fn built_in(text: &str) -> Option<&'static [u8]> {
    let file = format!("{}.ogg", slug(text));
    let clips = built_in::VOICE_CLIPS;
    clips
        .binary_search_by(|(name, _)| (*name).cmp(file.as_str()))
        .ok()
        .map(|i| clips[i].1)
}

/// The file name a text's clip has (without `.ogg`): lower-case ASCII letters and digits, every run of
/// anything else one dash, none at the ends. `sounds/make-sounds.sh` names the clips the same way.
pub fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// An exercise's name as said aloud: without the words in brackets (the jargon after the plain
/// words: "Clamshell (side of the hip, glute med)" is "Clamshell"), and without a trailing colon or
/// comma left behind.
pub fn spoken_name(name: &str) -> String {
    let mut depth = 0_usize;
    let mut kept = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = kept.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches([',', ':', ';', '-', ' '])
        .to_owned()
}

/// A number in words, one clip each ("one hundred", "twenty", "five"); 1 to 999, as reps (at most
/// 200), sets and minutes need. Anything else is not said.
pub fn number_words(n: u32) -> Vec<&'static str> {
    let mut words = Vec::new();
    if !(1..=999).contains(&n) {
        return words;
    }
    let (hundreds, rest) = (n / 100, n % 100);
    if hundreds > 0 {
        words.extend([ONES[hundreds as usize], "hundred"]);
    }
    if rest >= 20 {
        words.push(TENS[(rest / 10) as usize]);
        if rest % 10 > 0 {
            words.push(ONES[(rest % 10) as usize]);
        }
    } else if rest > 0 {
        words.push(ONES[rest as usize]);
    }
    words
}

/// A count with its unit, singular for one: "twelve reps", "one minute".
pub fn counted(n: u32, one: &'static str, many: &'static str) -> Vec<&'static str> {
    let mut words = number_words(n);
    words.push(if n == 1 { one } else { many });
    words
}

/// A length in words, to the nearest second: "forty five seconds", "two minutes", "one minute thirty
/// seconds".
pub fn duration_words(millis: u64) -> Vec<&'static str> {
    let seconds = u32::try_from(millis.saturating_add(500) / 1000).unwrap_or(u32::MAX);
    let (minutes, seconds) = (seconds / 60, seconds % 60);
    let mut words = Vec::new();
    if minutes > 0 {
        words.extend(counted(minutes, "minute", "minutes"));
    }
    if seconds > 0 {
        words.extend(counted(seconds, "second", "seconds"));
    }
    words
}

#[cfg(test)]
mod tests;
