//! The terminal's background colour, asked once at start (OSC 11), for `theme = "auto"`.
//!
//! The question is followed by a request for the terminal's attributes (DA1), which every terminal
//! answers: a terminal that does not know OSC 11 answers only that, so the wait ends at once rather
//! than at the timeout.

use std::time::Duration;

use crate::config::Background;

/// Asks the terminal (in raw mode, before the event loop reads it) for its background colour; `None`
/// when it does not answer within `timeout` or is not a terminal.
#[cfg(unix)]
pub(crate) fn query(timeout: Duration) -> Option<Background> {
    use std::io::{IsTerminal, Write};
    use std::os::fd::AsFd;
    use std::time::Instant;

    use rustix::event::{PollFd, PollFlags, Timespec, poll};

    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return None;
    }
    let mut out = std::io::stdout();
    out.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    out.flush().ok()?;
    let deadline = Instant::now() + timeout;
    let fd = stdin.as_fd();
    let mut reply = Vec::new();
    while !answered_attributes(&reply) {
        let left = deadline.checked_duration_since(Instant::now())?;
        let wait = Timespec {
            tv_sec: i64::try_from(left.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: left.subsec_nanos().into(),
        };
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        if poll(&mut fds, Some(&wait)).ok()? == 0 {
            break;
        }
        let mut chunk = [0_u8; 256];
        let read = rustix::io::read(fd, &mut chunk).ok()?;
        if read == 0 {
            break;
        }
        reply.extend_from_slice(&chunk[..read]);
    }
    tracing::debug!(reply = %String::from_utf8_lossy(&reply).escape_debug(), "background query");
    parse_reply(&reply).map(crate::ui::theme::background_of)
}

#[cfg(not(unix))]
pub fn query(_timeout: Duration) -> Option<Background> {
    None
}

/// Whether the reply holds the answer to DA1 (`ESC [ ? … c`), the last thing the terminal says.
fn answered_attributes(reply: &[u8]) -> bool {
    reply
        .windows(3)
        .position(|w| w == b"\x1b[?")
        .is_some_and(|at| reply[at..].contains(&b'c'))
}

/// The colour in `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` (ended by BEL or ST; 1 to 4 hex digits a channel).
fn parse_reply(reply: &[u8]) -> Option<[u8; 3]> {
    let text = String::from_utf8_lossy(reply);
    let start = text.find("]11;")? + 4;
    let rest = &text[start..];
    let end = rest.find(['\x07', '\x1b']).unwrap_or(rest.len());
    let spec = &rest[..end];
    let channels = spec
        .strip_prefix("rgb:")
        .or_else(|| spec.strip_prefix("rgba:"))?;
    let mut rgb = [0_u8; 3];
    let mut parts = channels.split('/');
    for channel in &mut rgb {
        let hex = parts.next()?;
        if hex.is_empty() || hex.len() > 4 {
            return None;
        }
        let value = u32::from_str_radix(hex, 16).ok()?;
        let max = (1_u32 << (4 * hex.len())) - 1;
        *channel = u8::try_from((value * 255 + max / 2) / max).ok()?;
    }
    Some(rgb)
}

#[cfg(test)]
mod tests {
    use super::{answered_attributes, parse_reply};

    #[test]
    fn replies_are_read_in_every_form() {
        assert_eq!(
            parse_reply(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c"),
            Some([255, 255, 255])
        );
        assert_eq!(
            parse_reply(b"\x1b]11;rgb:1c1c/1c1c/1c1c\x07"),
            Some([0x1c, 0x1c, 0x1c])
        );
        assert_eq!(parse_reply(b"\x1b]11;rgb:f/0/8\x07"), Some([255, 0, 136]));
        assert_eq!(
            parse_reply(b"\x1b]11;rgba:fdfd/f6f6/e3e3/ffff\x1b\\"),
            Some([0xfd, 0xf6, 0xe3])
        );
        assert_eq!(parse_reply(b"\x1b[?1;2c"), None);
        assert_eq!(parse_reply(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert!(answered_attributes(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"));
        assert!(!answered_attributes(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;2"));
    }
}
