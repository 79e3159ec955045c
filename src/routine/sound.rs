//! A step's own start sound: a small audio file next to the routine, checked when the routine loads.

use std::path::{Component, Path};

use crate::duration::format_clock;
use crate::format::limits::MAX_SOUND_BYTES;
use crate::format::model::StepSound;
use crate::soundfile::DecodeProblem;
use crate::text::io_reason;

/// Why a step's `sound` cannot be used; each reads as the rest of "`sound`: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SoundRefError {
    #[error("the path is empty")]
    Empty,
    #[error("`{0}` is an absolute path; give a path relative to the routine's folder")]
    Absolute(String),
    #[error(
        "`{0}` leaves the routine's folder; keep sounds in the folder or one below it (no `..`)"
    )]
    LeavesFolder(String),
    #[error("cannot read `{relative}`: {reason}")]
    Unreadable { relative: String, reason: String },
    #[error("cannot read the routine's folder: {0}")]
    FolderUnreadable(String),
    #[error("`{0}` links outside the routine's folder")]
    LinksOutside(String),
    #[error("`{0}` is not a regular file")]
    NotRegular(String),
    #[error("`{0}` is larger than 5 MiB, the most a sound file may be")]
    TooLarge(String),
    #[error("`{0}` is not a WAV, OGG/Vorbis, FLAC or MP3 file")]
    UnknownFormat(String),
    /// It is a sound file, but not one that can be played within the limits.
    #[error("`{relative}` {problem}")]
    Unplayable { relative: String, problem: String },
}

/// Checks that `relative` names a regular audio file of at most 5 MiB inside `folder` (or below it).
pub(crate) fn check_sound(folder: &Path, relative: &str) -> Result<StepSound, SoundRefError> {
    let path = Path::new(relative);
    let owned = || relative.to_owned();
    let unreadable = |e: &std::io::Error| SoundRefError::Unreadable {
        relative: relative.to_owned(),
        reason: io_reason(e),
    };
    if relative.is_empty() {
        return Err(SoundRefError::Empty);
    }
    if path.is_absolute() || relative.starts_with('/') || relative.starts_with('\\') {
        return Err(SoundRefError::Absolute(owned()));
    }
    if path.components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::Prefix(_) | Component::RootDir
        )
    }) {
        return Err(SoundRefError::LeavesFolder(owned()));
    }
    let full = folder.join(path);
    // A link inside the folder could still point outside it, so compare the resolved paths.
    let resolved = full.canonicalize().map_err(|e| unreadable(&e))?;
    let root = folder
        .canonicalize()
        .map_err(|e| SoundRefError::FolderUnreadable(io_reason(&e)))?;
    if !resolved.starts_with(&root) {
        return Err(SoundRefError::LinksOutside(owned()));
    }
    let metadata = std::fs::metadata(&resolved).map_err(|e| unreadable(&e))?;
    if !metadata.is_file() {
        return Err(SoundRefError::NotRegular(owned()));
    }
    if metadata.len() > MAX_SOUND_BYTES {
        return Err(SoundRefError::TooLarge(owned()));
    }
    // Read once (the size is known to be small): the first bytes tell the format, the header and
    // first frame are checked, and the bytes are kept to decode when a routine using them starts.
    let bytes: std::sync::Arc<[u8]> = std::fs::read(&resolved).map_err(|e| unreadable(&e))?.into();
    let Some(format) = audio_format(&bytes) else {
        return Err(SoundRefError::UnknownFormat(owned()));
    };
    crate::soundfile::check_decodes(bytes.clone()).map_err(|problem| {
        SoundRefError::Unplayable {
            relative: owned(),
            problem: sound_problem(format, problem),
        }
    })?;
    Ok(StepSound {
        relative: owned(),
        path: resolved,
        bytes,
    })
}

/// A sound's problem, as the rest of a sentence starting with the file's name.
fn sound_problem(format: &str, problem: DecodeProblem) -> String {
    use crate::soundfile::header::{MAX_CHANNELS, MAX_LENGTH_MS, MAX_RATE, MIN_RATE};
    let format = format.to_uppercase();
    match problem {
        DecodeProblem::Silent => "holds no sound".to_owned(),
        DecodeProblem::Undecodable(reason) => {
            format!("looks like {format} but cannot be decoded: {reason}")
        }
        DecodeProblem::Crashed(reason) => format!(
            "looks like {format} but cannot be decoded: the decoder failed on it ({reason})"
        ),
        DecodeProblem::Channels(channels) => {
            format!("has {channels} channels; a sound may have at most {MAX_CHANNELS}")
        }
        DecodeProblem::Rate(rate) => format!(
            "has a sample rate of {rate} Hz; a sound's rate must be {MIN_RATE} to {MAX_RATE} Hz"
        ),
        DecodeProblem::TooLong { ms } => format!(
            "lasts {}; a sound may last at most {}",
            format_clock(ms),
            format_clock(MAX_LENGTH_MS)
        ),
    }
}

/// Recognises the supported audio formats by their first bytes.
pub(crate) fn audio_format(head: &[u8]) -> Option<&'static str> {
    match head {
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'A',
            b'V',
            b'E',
            ..,
        ] => Some("wav"),
        [b'O', b'g', b'g', b'S', ..] => Some("ogg"),
        [b'f', b'L', b'a', b'C', ..] => Some("flac"),
        [b'I', b'D', b'3', ..] => Some("mp3"),
        [0xFF, second, ..] if second & 0xE0 == 0xE0 => Some("mp3"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{audio_format, check_sound};

    const WAV_HEAD: &[u8] = b"RIFF\0\0\0\0WAVEfmt ";
    /// A real (short) WAV file.
    const WAV: &[u8] = include_bytes!("../../sounds/tick.wav");

    #[test]
    #[cfg(unix)] // symlinks
    fn size_kind_and_place_of_sound_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("routine");
        std::fs::create_dir_all(folder.join("sounds/dir.wav")).expect("mkdir");
        std::fs::write(folder.join("sounds/ok.wav"), WAV).expect("write");
        // Sparse: 5 MiB and one byte, without writing 5 MiB.
        let big = std::fs::File::create(folder.join("big.wav")).expect("create");
        big.set_len(5 * 1024 * 1024 + 1).expect("grow");
        std::fs::write(dir.path().join("outside.wav"), WAV_HEAD).expect("write");
        std::os::unix::fs::symlink(dir.path().join("outside.wav"), folder.join("link.wav"))
            .expect("link");

        let ok = check_sound(&folder, "sounds/ok.wav").expect("a small WAV inside the folder");
        assert_eq!(ok.relative, "sounds/ok.wav");
        assert_eq!(
            check_sound(&folder, "big.wav").map_err(|e| e.to_string()),
            Err("`big.wav` is larger than 5 MiB, the most a sound file may be".to_owned())
        );
        assert_eq!(
            check_sound(&folder, "sounds/dir.wav").map_err(|e| e.to_string()),
            Err("`sounds/dir.wav` is not a regular file".to_owned())
        );
        assert_eq!(
            check_sound(&folder, "link.wav").map_err(|e| e.to_string()),
            Err("`link.wav` links outside the routine's folder".to_owned())
        );
        assert_eq!(
            check_sound(&folder, "").map_err(|e| e.to_string()),
            Err("the path is empty".to_owned())
        );
    }

    #[test]
    #[cfg(feature = "audio")]
    fn a_file_that_only_looks_like_audio_is_refused_at_load() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("fake.wav"), WAV_HEAD).expect("write");
        let mut cut = WAV.to_vec();
        cut.truncate(44);
        std::fs::write(dir.path().join("empty.wav"), cut).expect("write");
        let fake = check_sound(dir.path(), "fake.wav")
            .expect_err("not decodable")
            .to_string();
        assert!(
            fake.starts_with("`fake.wav` looks like WAV but cannot be decoded: "),
            "{fake}"
        );
        assert_eq!(
            check_sound(dir.path(), "empty.wav").map_err(|e| e.to_string()),
            Err("`empty.wav` holds no sound".to_owned())
        );
    }

    #[test]
    fn formats_by_magic() {
        assert_eq!(audio_format(b"RIFF\0\0\0\0WAVEfmt "), Some("wav"));
        assert_eq!(audio_format(b"OggS\0"), Some("ogg"));
        assert_eq!(audio_format(b"fLaC"), Some("flac"));
        assert_eq!(audio_format(b"ID3\x04"), Some("mp3"));
        assert_eq!(audio_format(&[0xFF, 0xFB, 0x90]), Some("mp3"));
        assert_eq!(audio_format(b"hello world!"), None);
        assert_eq!(audio_format(b""), None);
    }
}
