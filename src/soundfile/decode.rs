//! Sound files from shared routine folders are untrusted: a few bytes can claim a sample rate of 0,
//! and 100 KB of FLAC can decode to billions of samples. Loading reads the header and the first
//! frame only; playing decodes a bounded number of samples. Every call into the decoders runs under
//! [`crate::isolate::isolated`], so a decoder's panic is an error for that file alone.

use std::io::Cursor;
use std::sync::Arc;

use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{CODEC_TYPE_NULL, Decoder, DecoderOptions};
use symphonia::core::errors::Error;
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::{MediaSourceStream, MediaSourceStreamOptions};
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use super::DecodeProblem;
use super::header::{Limits, header_facts};

/// Packets that fail to decode before the rest of the file is given up on: each failed FLAC frame
/// may cost as much work as a good one, so failures are bounded too.
const MAX_BAD_PACKETS: usize = 8;
/// Packets read at load looking for the first sample; a file whose first packets are all empty is
/// given the benefit of the doubt.
const LOAD_PACKETS: usize = 64;
/// The most samples decoded for playing: 2^25, about 6 minutes of 44.1 kHz stereo, 128 MiB as f32.
/// A start sound is seconds long; anything past this is cut rather than filling memory.
pub const MAX_DECODED_SAMPLES: usize = 1 << 25;

/// A sound decoded for playing: interleaved samples.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub channels: u16,
    pub rate: u32,
    pub samples: Vec<f32>,
}

/// Checks a file as loading does: the header within [`Limits`], and one decodable, non-empty frame.
pub fn check(bytes: Arc<[u8]>) -> Result<(), DecodeProblem> {
    crate::isolate::isolated(move || {
        let mut opened = Opened::new(bytes)?;
        let mut samples = Vec::new();
        for _ in 0..LOAD_PACKETS {
            if !opened.next_packet(&mut samples)? {
                break;
            }
            if !samples.is_empty() {
                return Ok(());
            }
        }
        if opened.packets_read >= LOAD_PACKETS {
            Ok(())
        } else {
            Err(DecodeProblem::Silent)
        }
    })
    .unwrap_or_else(|panic| Err(DecodeProblem::Crashed(panic)))
}

/// Decodes a file for playing, at most `max_samples` samples (see [`MAX_DECODED_SAMPLES`]). A file
/// that breaks after its start plays up to the break.
pub fn decode(bytes: Arc<[u8]>, max_samples: usize) -> Result<Decoded, DecodeProblem> {
    crate::isolate::isolated(move || {
        let mut opened = Opened::new(bytes)?;
        let mut samples = Vec::new();
        while samples.len() < max_samples {
            match opened.next_packet(&mut samples) {
                Ok(true) => {}
                Ok(false) => break,
                Err(problem) if samples.is_empty() => return Err(problem),
                Err(problem) => {
                    tracing::warn!(?problem, "a sound file breaks off; playing what decoded");
                    break;
                }
            }
        }
        let (channels, rate) = opened.spec.ok_or(DecodeProblem::Silent)?;
        let whole_frames = max_samples - max_samples % usize::from(channels);
        samples.truncate(whole_frames);
        if samples.is_empty() {
            return Err(DecodeProblem::Silent);
        }
        Ok(Decoded {
            channels,
            rate,
            samples,
        })
    })
    .unwrap_or_else(|panic| Err(DecodeProblem::Crashed(panic)))
}

struct Opened {
    format: Box<dyn FormatReader>,
    decoder: Box<dyn Decoder>,
    track: u32,
    /// Channels and rate of the first decoded packet; later packets must match.
    spec: Option<(u16, u32)>,
    packets_read: usize,
    bad_packets: usize,
}

impl Opened {
    /// Reads the container and stream headers and refuses what is out of [`Limits`] before any
    /// audio is decoded.
    fn new(bytes: Arc<[u8]>) -> Result<Self, DecodeProblem> {
        if let Some(facts) = header_facts(&bytes) {
            Limits::check(&facts)?;
        }
        let stream = MediaSourceStream::new(
            Box::new(Cursor::new(bytes)),
            MediaSourceStreamOptions::default(),
        );
        let probed = symphonia::default::get_probe()
            .format(
                &Hint::new(),
                stream,
                &FormatOptions::default(),
                &MetadataOptions::default(),
            )
            .map_err(|e| undecodable(&e))?;
        let format = probed.format;
        let track = format
            .tracks()
            .iter()
            .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
            .ok_or_else(|| DecodeProblem::Undecodable("it holds no audio track".to_owned()))?;
        let params = &track.codec_params;
        Limits::check(&super::header::Facts {
            channels: params.channels.map(symphonia::core::audio::Channels::count),
            rate: params.sample_rate,
            frames: params.n_frames,
            bits: params.bits_per_sample.and_then(|b| u16::try_from(b).ok()),
        })?;
        let decoder = symphonia::default::get_codecs()
            .make(params, &DecoderOptions::default())
            .map_err(|e| undecodable(&e))?;
        let track = track.id;
        Ok(Self {
            format,
            decoder,
            track,
            spec: None,
            packets_read: 0,
            bad_packets: 0,
        })
    }

    /// Decodes the next packet of the track onto `into`; `false` at the end of the stream.
    fn next_packet(&mut self, into: &mut Vec<f32>) -> Result<bool, DecodeProblem> {
        loop {
            let packet = match self.format.next_packet() {
                Ok(packet) => packet,
                // The end of the stream (or a file cut short, which plays up to the cut).
                Err(Error::IoError(_) | Error::ResetRequired) => return Ok(false),
                Err(error) => return Err(undecodable(&error)),
            };
            self.packets_read += 1;
            if packet.track_id() != self.track {
                continue;
            }
            match self.decoder.decode(&packet) {
                Ok(buffer) => {
                    let spec = *buffer.spec();
                    let channels = spec.channels.count();
                    Limits::check(&super::header::Facts {
                        channels: Some(channels),
                        rate: Some(spec.rate),
                        frames: None,
                        bits: None,
                    })?;
                    let this = (u16::try_from(channels).unwrap_or(u16::MAX), spec.rate);
                    match self.spec {
                        None => self.spec = Some(this),
                        // A stream that changes shape midway is played up to the change.
                        Some(first) if first != this => return Ok(false),
                        Some(_) => {}
                    }
                    let mut samples = SampleBuffer::<f32>::new(buffer.capacity() as u64, spec);
                    samples.copy_interleaved_ref(buffer);
                    into.extend_from_slice(samples.samples());
                    return Ok(true);
                }
                Err(Error::DecodeError(reason)) => {
                    self.bad_packets += 1;
                    if self.bad_packets >= MAX_BAD_PACKETS {
                        return Err(DecodeProblem::Undecodable(reason.to_owned()));
                    }
                }
                Err(error) => return Err(undecodable(&error)),
            }
        }
    }
}

/// The decoder's message, continuing our sentence.
fn undecodable(error: &Error) -> DecodeProblem {
    if let Error::IoError(io) = error {
        if io.kind() == std::io::ErrorKind::UnexpectedEof {
            return DecodeProblem::Undecodable("the file ends before its header does".to_owned());
        }
    }
    let reason = error.to_string();
    let reason = reason.trim_end_matches('.');
    let mut chars = reason.chars();
    DecodeProblem::Undecodable(chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect::<String>()
    }))
}

#[cfg(test)]
mod tests;
