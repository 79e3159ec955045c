//! Opening the history file by its path, whatever characters the folder's name holds.
//!
//! SQLite as bundled reads any file name that starts with `file:` as a URI, and a read-only view needs
//! one (`immutable=1`). So every connection is opened through a URI built here from the path's bytes,
//! each byte that could mean something in a URI (`%`, `#`, `?`, a space, anything not plain ASCII)
//! written as `%XX`: a folder named `%41x`, `a#b` or `file:c` opens its own history and no other.

use std::fmt::Write as _;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

/// Opens the database at `path` with `flags`; `immutable` reads it as a file nobody is changing,
/// which makes no `-wal` or `-shm` files beside it.
pub(super) fn connect(
    path: &Path,
    flags: OpenFlags,
    immutable: bool,
) -> rusqlite::Result<Connection> {
    let query = if immutable { "?immutable=1" } else { "" };
    Connection::open_with_flags(
        format!("{}{query}", uri(path)),
        flags | OpenFlags::SQLITE_OPEN_URI,
    )
}

/// `file:` and the path, escaped: an absolute path after an empty authority (`file:///…`, so a path
/// starting `//` is not read as a host), a relative one as it is.
pub(super) fn uri(path: &Path) -> String {
    let bytes = path_bytes(path);
    let mut uri = String::with_capacity(bytes.len() + 8);
    uri.push_str("file:");
    if bytes.first() == Some(&b'/') {
        uri.push_str("//");
    }
    for &byte in bytes.iter() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02X}");
        }
    }
    uri
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(path.to_string_lossy().replace('\\', "/").into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_that_means_something_in_a_uri_is_escaped() {
        let cases = [
            (
                "/tmp/%41x/history.sqlite3",
                "file:///tmp/%2541x/history.sqlite3",
            ),
            ("a#b/h", "file:a%23b/h"),
            ("c?d/h", "file:c%3Fd/h"),
            ("file:e/h", "file:file%3Ae/h"),
            ("//host/h", "file:////host/h"),
            ("/é é", "file:///%C3%A9%20%C3%A9"),
        ];
        for (path, expected) in cases {
            assert_eq!(uri(Path::new(path)), expected, "{path}");
        }
    }
}
