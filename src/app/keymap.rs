//! Keys as data: each screen has one table of bindings (which keys, how they are shown, what they do,
//! when they apply). The same table drives the screen's key handler, its footer and its help, so the
//! three cannot disagree (as gitui's `commands()` feeds both its command bar and its help).

use crossterm::event::{KeyCode, KeyEvent};

use super::App;

/// Which keys a binding answers to.
#[derive(Debug, Clone, Copy)]
pub enum Keys {
    Codes(&'static [KeyCode]),
    /// Any printable character (typing into a filter).
    AnyText,
}

/// Another word for a binding in the footer, while a condition holds.
pub(crate) type Instead = (fn(&App) -> bool, &'static str);

/// How long a key stays in a footer too narrow for all of them: the lowest go first, `?` never
/// (it leads to every other key). Ordered from the first to go to the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// Keys a newcomer tries anyway (arrows, enter, scrolling): the help still lists them.
    Low,
    Normal,
    /// The way out (`q`, `esc`): a footer never leaves someone without it while room remains.
    High,
    /// `?`: shown whatever the width.
    Always,
}

impl Priority {
    /// `?` always, the way out high, the rest normal, by how the keys are shown.
    const fn of(shown: &str) -> Self {
        match shown.as_bytes() {
            b"?" => Self::Always,
            b"q" | b"esc" => Self::High,
            _ => Self::Normal,
        }
    }
}

/// One binding of a screen.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A: 'static> {
    pub keys: Keys,
    /// How the keys are shown: `↑↓`, `enter`, `space`.
    pub shown: &'static str,
    /// What it does, in a word or two, for the footer.
    pub does: &'static str,
    /// What it does, in a sentence, for the help.
    pub help: &'static str,
    pub action: A,
    /// Whether it acts now (a key that does nothing now is neither handled nor shown in the footer).
    pub applies: fn(&App) -> bool,
    /// Shown in the footer (the help lists every binding).
    pub in_footer: bool,
    /// Another word for the footer while a condition holds ("resume" while paused).
    pub instead: Option<Instead>,
    /// Which keys a narrow footer drops first.
    pub priority: Priority,
}

/// For bindings that always apply.
pub(crate) fn always(_: &App) -> bool {
    true
}

impl<A: Copy> Binding<A> {
    pub const fn new(
        codes: &'static [KeyCode],
        shown: &'static str,
        does: &'static str,
        help: &'static str,
        action: A,
    ) -> Self {
        Self {
            keys: Keys::Codes(codes),
            shown,
            does,
            help,
            action,
            applies: always,
            in_footer: true,
            instead: None,
            priority: Priority::of(shown),
        }
    }

    /// Dropped from a narrow footer before the screen's other keys.
    #[must_use]
    pub const fn low(mut self) -> Self {
        self.priority = Priority::Low;
        self
    }

    /// The footer says `does` instead while `when` holds.
    #[must_use]
    pub const fn says_instead(mut self, when: fn(&App) -> bool, does: &'static str) -> Self {
        self.instead = Some((when, does));
        self
    }

    /// Only when `applies` says so.
    #[must_use]
    pub const fn when(mut self, applies: fn(&App) -> bool) -> Self {
        self.applies = applies;
        self
    }

    /// Listed in the help, not in the footer.
    #[must_use]
    pub const fn help_only(mut self) -> Self {
        self.in_footer = false;
        self
    }

    #[must_use]
    pub const fn any_text(mut self) -> Self {
        self.keys = Keys::AnyText;
        self
    }

    pub fn answers(&self, code: KeyCode) -> bool {
        match self.keys {
            Keys::Codes(codes) => codes.contains(&code),
            Keys::AnyText => matches!(code, KeyCode::Char(c) if !c.is_control()),
        }
    }
}

/// The action of the first binding in `table` that answers `key` and applies now.
pub(crate) fn action_for<A: Copy>(table: &[Binding<A>], app: &App, key: KeyEvent) -> Option<A> {
    table
        .iter()
        .find(|b| b.answers(key.code) && (b.applies)(app))
        .map(|b| b.action)
}

/// A key as the footer and the help show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub shown: &'static str,
    pub does: &'static str,
    pub help: &'static str,
    pub priority: Priority,
}

impl<A> From<&Binding<A>> for Hint {
    fn from(binding: &Binding<A>) -> Self {
        Self {
            shown: binding.shown,
            does: binding.does,
            help: binding.help,
            priority: binding.priority,
        }
    }
}

/// The footer's hints: bindings that apply now and belong in the footer, once each, in table order.
pub(crate) fn footer_hints<A>(table: &[Binding<A>], app: &App) -> Vec<Hint> {
    let mut hints: Vec<Hint> = Vec::new();
    for binding in table.iter().filter(|b| b.in_footer && (b.applies)(app)) {
        let mut hint = Hint::from(binding);
        if let Some((when, does)) = binding.instead {
            if when(app) {
                hint.does = does;
            }
        }
        if !hints.iter().any(|h| h.shown == hint.shown) {
            hints.push(hint);
        }
    }
    hints
}

/// The help's lines: every key of the table once, by how it is shown; where several bindings show
/// the same keys, the one that applies now speaks for them.
pub(crate) fn help_hints<A>(table: &[Binding<A>], app: &App) -> Vec<Hint> {
    let mut hints: Vec<Hint> = Vec::new();
    let applying = table.iter().filter(|b| (b.applies)(app));
    let others = table.iter().filter(|b| !(b.applies)(app));
    for hint in applying.chain(others).map(Hint::from) {
        if !hints.iter().any(|h| h.shown == hint.shown) {
            hints.push(hint);
        }
    }
    // In table order, as the footer.
    hints.sort_by_key(|h| table.iter().position(|b| b.shown == h.shown));
    hints
}

/// Keys that act on every screen, before its own table.
pub(crate) const GLOBAL_HELP: [Hint; 2] = [
    Hint {
        shown: "ctrl-c",
        does: "quit",
        help: "quit at once (a routine so far is saved)",
        priority: Priority::High,
    },
    Hint {
        shown: "ctrl-z",
        does: "suspend",
        help: "suspend (a routine pauses); fg comes back",
        priority: Priority::Normal,
    },
];
