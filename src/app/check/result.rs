//! The result of a pain check: level, reasons, advice, routines that may help. Its keys are in
//! [`crate::app::bindings::RESULT`]; every other key only points at them.

use crate::app::bindings::ResultKey;
use crate::app::scroll::Scroll;
use crate::triage::CheckRecord;

#[derive(Debug, Clone)]
pub struct CheckResult {
    pub record: CheckRecord,
    /// Ids of the suggested routines.
    pub routines: Vec<String>,
    pub selected: usize,
    /// The advice, scrolled on small terminals.
    pub scroll: Scroll,
    /// A one-line hint after a key that does nothing here.
    pub notice: Option<&'static str>,
}

impl CheckResult {
    /// Acts on a result key (choosing, scrolling; any key clears the notice); a key only the app
    /// can act on (help, starting the chosen routine, closing) comes back as it was.
    pub fn act(&mut self, key: ResultKey) -> Option<ResultKey> {
        self.notice = None;
        match key {
            ResultKey::NextRoutine => {
                self.choose(1);
            }
            ResultKey::PreviousRoutine => {
                self.choose(-1);
            }
            ResultKey::ScrollDown => {
                self.scroll.down();
            }
            ResultKey::ScrollUp => {
                self.scroll.up();
            }
            ResultKey::Help | ResultKey::Start | ResultKey::Close => return Some(key),
        }
        None
    }

    pub fn new(record: CheckRecord, routines: Vec<String>) -> Self {
        Self {
            record,
            routines,
            selected: 0,
            scroll: Scroll::default(),
            notice: None,
        }
    }

    /// The next (or, with -1, previous) suggested routine, round the list.
    pub fn choose(&mut self, step: isize) -> bool {
        let count = self.routines.len();
        if count < 2 {
            return false;
        }
        self.selected = (self.selected + count).saturating_add_signed(step) % count;
        true
    }

    /// The chosen routine's id.
    pub fn chosen(&self) -> Option<&str> {
        self.routines.get(self.selected).map(String::as_str)
    }

    /// A key that acts on nothing here: say which keys do.
    pub fn point_at_the_keys(&mut self) {
        self.notice = Some(if self.routines.is_empty() {
            "This is your result. Press esc to close."
        } else {
            "This is your result. Press r to start the chosen routine, or esc to close."
        });
    }
}
