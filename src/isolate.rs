//! Running code that may panic on hostile input (the audio decoders) without a panic escaping, and
//! without the panic message or the terminal-restoring hook firing for a panic that was caught.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs isolated code, so the panic hook stays silent.
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Whether a panic now would be caught by [`isolated`]: other panic hooks (the terminal's) use this to
/// do nothing for it.
pub(crate) fn panic_is_caught() -> bool {
    ISOLATED.with(Cell::get)
}

/// Runs `f`; a panic inside it comes back as `Err` with its message, printed nowhere.
pub(crate) fn isolated<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !panic_is_caught() {
                previous(info);
            }
        }));
    });
    let was = ISOLATED.with(|flag| flag.replace(true));
    // The closure's state is dropped with the panic; nothing of it is used afterwards.
    let result = catch_unwind(AssertUnwindSafe(f));
    ISOLATED.with(|flag| flag.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown failure".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::isolated;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        assert_eq!(isolated(|| 7), Ok(7));
        let failed: Result<(), String> = isolated(|| panic!("TimeBase cannot have 0 numerator"));
        assert_eq!(failed, Err("TimeBase cannot have 0 numerator".to_owned()));
        let formatted: Result<(), String> = isolated(|| panic!("{} bits", 0));
        assert_eq!(formatted, Err("0 bits".to_owned()));
        assert!(!super::panic_is_caught(), "the flag is reset after a panic");
    }
}
