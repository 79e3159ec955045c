//! What a sound file's header says (channels, rate, length), read without a decoder for the formats
//! with a fixed header (WAV, FLAC), and the limits a sound must keep. Checking these first means a
//! crafted header (a rate of 0) is refused with a clear reason before any decoder sees it.

use super::DecodeProblem;

pub(crate) const MAX_CHANNELS: usize = 8;
pub(crate) const MIN_RATE: u32 = 8_000;
pub(crate) const MAX_RATE: u32 = 192_000;
/// The longest a sound may last, in milliseconds: 10 minutes.
pub(crate) const MAX_LENGTH_MS: u64 = 10 * 60 * 1000;

/// What a header says; `None` where it does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Facts {
    pub channels: Option<usize>,
    pub rate: Option<u32>,
    /// The length in frames (samples a channel).
    pub frames: Option<u64>,
    /// Bits per sample, where the header says (WAV).
    pub bits: Option<u16>,
}

/// The limits on channels, rate and length.
pub(crate) struct Limits;

impl Limits {
    pub(crate) fn check(facts: &Facts) -> Result<(), DecodeProblem> {
        // A sample of no bits holds no sound and makes some decoders fail: refused in every build,
        // with or without a decoder.
        if facts.bits == Some(0) {
            return Err(DecodeProblem::Undecodable(
                "the header says each sample has 0 bits".to_owned(),
            ));
        }
        if let Some(channels) = facts.channels {
            if channels == 0 || channels > MAX_CHANNELS {
                return Err(DecodeProblem::Channels(channels));
            }
        }
        if let Some(rate) = facts.rate {
            if !(MIN_RATE..=MAX_RATE).contains(&rate) {
                return Err(DecodeProblem::Rate(rate));
            }
            if let Some(frames) = facts.frames {
                let ms = frames.saturating_mul(1000) / u64::from(rate);
                if ms > MAX_LENGTH_MS {
                    return Err(DecodeProblem::TooLong { ms });
                }
            }
        }
        Ok(())
    }
}

/// The facts in a WAV's `fmt ` and `data` chunks or a FLAC's STREAMINFO; `None` for other formats
/// or headers too broken to read (the decoder then gives the reason).
pub(crate) fn header_facts(bytes: &[u8]) -> Option<Facts> {
    match bytes {
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
            rest @ ..,
        ] => wav_facts(rest),
        [b'f', b'L', b'a', b'C', _, _, _, _, info @ ..] if bytes[4].trailing_zeros() >= 7 => {
            flac_facts(info)
        }
        _ => None,
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Walks the RIFF chunks (at most 64 of them) for `fmt ` and `data`.
fn wav_facts(chunks: &[u8]) -> Option<Facts> {
    let mut facts = Facts::default();
    let mut block_align = None;
    let mut at = 0_usize;
    for _ in 0..64 {
        let id = chunks.get(at..at + 4)?;
        let len = usize::try_from(u32_at(chunks, at + 4)?).ok()?;
        let body = at + 8;
        if id == b"fmt " {
            facts.channels = Some(usize::from(u16_at(chunks, body + 2)?));
            facts.rate = Some(u32_at(chunks, body + 4)?);
            block_align = u16_at(chunks, body + 12).filter(|&a| a > 0);
            facts.bits = u16_at(chunks, body + 14);
        } else if id == b"data" {
            // The data chunk's declared length, as far as the file really holds it.
            let held = len.min(chunks.len().saturating_sub(body));
            facts.frames = block_align.map(|align| (held / usize::from(align)) as u64);
            return Some(facts);
        }
        at = body.checked_add(len)?.checked_add(len & 1)?;
    }
    (facts.channels.is_some()).then_some(facts)
}

/// STREAMINFO: rate in 20 bits, channels - 1 in 3, total samples in 36 (0: unknown).
fn flac_facts(info: &[u8]) -> Option<Facts> {
    let b = info.get(..18)?;
    let rate = (u32::from(b[10]) << 12) | (u32::from(b[11]) << 4) | (u32::from(b[12]) >> 4);
    let channels = usize::from((b[12] >> 1) & 0x07) + 1;
    let total = (u64::from(b[13] & 0x0F) << 32)
        | u64::from(u32::from_be_bytes([b[14], b[15], b[16], b[17]]));
    Some(Facts {
        channels: Some(channels),
        rate: Some(rate),
        frames: (total > 0).then_some(total),
        bits: None,
    })
}

#[cfg(test)]
mod tests {
    use super::{Facts, Limits, header_facts};
    use crate::soundfile::DecodeProblem;

    #[test]
    fn limits_on_channels_rate_and_length() {
        let ok = Facts {
            channels: Some(8),
            rate: Some(8_000),
            frames: Some(8_000 * 600),
            bits: Some(16),
        };
        assert_eq!(Limits::check(&ok), Ok(()));
        let check = |channels, rate, frames| {
            Limits::check(&Facts {
                channels: Some(channels),
                rate: Some(rate),
                frames: Some(frames),
                bits: None,
            })
        };
        assert_eq!(check(9, 44_100, 1), Err(DecodeProblem::Channels(9)));
        assert_eq!(check(0, 44_100, 1), Err(DecodeProblem::Channels(0)));
        assert_eq!(check(1, 0, 1), Err(DecodeProblem::Rate(0)));
        assert_eq!(check(1, 192_001, 1), Err(DecodeProblem::Rate(192_001)));
        assert_eq!(
            check(1, 8_000, 8_000 * 601),
            Err(DecodeProblem::TooLong { ms: 601_000 })
        );
        assert_eq!(Limits::check(&Facts::default()), Ok(()));
    }

    #[test]
    fn headers_too_short_or_of_other_formats_say_nothing() {
        assert_eq!(header_facts(b""), None);
        assert_eq!(header_facts(b"RIFF\0\0\0\0WAVEfmt "), None);
        assert_eq!(header_facts(b"fLaC\0\0\0\x22"), None);
        assert_eq!(header_facts(b"OggS"), None);
        let tick = include_bytes!("../../sounds/tick.wav");
        let facts = header_facts(tick).expect("a real WAV");
        assert!(facts.channels.is_some_and(|c| (1..=2).contains(&c)));
        assert!(facts.rate.is_some_and(|r| r >= 8_000) && facts.frames.is_some());
    }
}
