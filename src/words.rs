//! Enums that are words in files and outputs (`kind = "foam-rolling"`, `"level": "self-care"`): one
//! table per enum gives the words, and everything else — parsing, printing, JSON — uses it.

/// Declares an enum whose variants are written as the given words: `ALL` (word, value) for checkers
/// and schemas, `as_str`, `parse`, and `Serialize` as the word.
macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $(#[$meta])*
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [(&'static str, Self)] = &[$(($word, Self::$variant)),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word),+ }
            }

            /// The value a word names, if any.
            pub fn parse(word: &str) -> Option<Self> {
                Self::ALL.iter().find(|(w, _)| *w == word).map(|(_, value)| *value)
            }
        }

        impl $crate::words::Vocabulary for $name {
            fn word(self) -> &'static str {
                self.as_str()
            }

            fn from_word(word: &str) -> Option<Self> {
                Self::parse(word)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use words;

/// The enums [`words!`] declares, for code that works over any of them.
pub trait Vocabulary: Copy + Sized {
    fn word(self) -> &'static str;
    fn from_word(word: &str) -> Option<Self>;
}

/// A word read back from a file: one this limberup knows, or one it does not (written by a newer
/// limberup, or edited by hand), kept as written so it stays visible and can be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word<T> {
    Known(T),
    Unknown(String),
}

impl<T: Vocabulary> Word<T> {
    /// Reads `word`, once: known words become their value, others are kept as written.
    pub fn read(word: &str) -> Self {
        T::from_word(word).map_or_else(|| Self::Unknown(word.to_owned()), Self::Known)
    }

    /// The value, for a word this limberup knows.
    pub fn known(&self) -> Option<T> {
        match self {
            Self::Known(value) => Some(*value),
            Self::Unknown(_) => None,
        }
    }

    /// The word as written.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Known(value) => value.word(),
            Self::Unknown(word) => word,
        }
    }
}

impl<T: Vocabulary> From<T> for Word<T> {
    fn from(value: T) -> Self {
        Self::Known(value)
    }
}

#[cfg(test)]
#[allow(
    unreachable_pub,
    reason = "the enum `words!` declares is pub, here in a private module"
)]
mod tests {
    use super::*;

    words! {
        Colour {
            Red = "red",
            Blue = "blue",
        }
    }

    #[test]
    fn a_known_word_reads_as_its_value_and_an_unknown_one_is_kept_as_written() {
        assert_eq!(Word::<Colour>::read("red"), Word::Known(Colour::Red));
        let unknown = Word::<Colour>::read("teal");
        assert_eq!(unknown, Word::Unknown("teal".to_owned()));
        assert_eq!(unknown.known(), None);
        assert_eq!(unknown.as_str(), "teal");
        assert_eq!(Word::from(Colour::Blue).as_str(), "blue");
    }
}
