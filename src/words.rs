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

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

pub(crate) use words;
