//! A rule named by its id, as a check's fired rules are kept in the history and read back.

use super::{RULES, Rule};
use crate::words::Vocabulary;

/// One of the table's rules, by its id (`R10`): a word of the history like an area or a level, so an
/// id this limberup does not know (a newer one wrote it) is kept as written, not dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleId(&'static str);

impl RuleId {
    /// The id of `rule`.
    pub fn of(rule: &'static Rule) -> Self {
        Self(rule.id)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl Vocabulary for RuleId {
    fn word(self) -> &'static str {
        self.0
    }

    fn from_word(word: &str) -> Option<Self> {
        RULES.iter().find(|rule| rule.id == word).map(Self::of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Word;

    #[test]
    fn a_rule_of_the_table_reads_as_itself_and_another_id_is_kept_as_written() {
        let first = &RULES[0];
        assert_eq!(
            Word::<RuleId>::read(first.id),
            Word::Known(RuleId::of(first))
        );
        assert_eq!(Word::<RuleId>::read("Z99"), Word::Unknown("Z99".to_owned()));
    }
}
