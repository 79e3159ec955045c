//! The real output: rodio on the default device (cpal picks PulseAudio when a server runs, else ALSA;
//! `CoreAudio` and WASAPI elsewhere). Device errors go to the log, never to the terminal.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rodio::buffer::SamplesBuffer;
use rodio::{DeviceSinkBuilder, MixerDeviceSink, Player, Source};

use super::player::{Opener, Output, OutputError, SETTLE};
use super::speech::Speaker;
use super::{Clip, Sound, voice};

/// Frames per buffer: about 12 ms at 44.1 kHz, so a cue reaches the speaker within a buffer or two of
/// when it is due (rodio's default of 50 ms made cues land up to 50 ms apart from their plan). The
/// output is only open around cues, so the extra wake-ups of small buffers are brief.
const BUFFER_FRAMES: u32 = 1024;

/// Sounds decoded once, by name: decoding when a cue is due would make it late (the first decode
/// in a process is slow), so the built-in ones are decoded before any cue.
type Decoded = Arc<Mutex<HashMap<String, SamplesBuffer>>>;

/// Opens the default output device.
#[derive(Debug)]
pub struct DefaultDevice {
    decoded: Decoded,
    /// Says the names no built-in clip says.
    speaker: Speaker,
}

impl DefaultDevice {
    pub fn new(speaker: Speaker) -> Self {
        Self {
            decoded: Decoded::default(),
            speaker,
        }
    }
}

pub struct RodioOutput {
    sink: MixerDeviceSink,
    /// When the stream opened: sounds played before it has settled wait in silence until it has.
    opened: Instant,
    /// Cues still playing; finished ones are dropped on the next play.
    players: Vec<Player>,
    failed: Arc<AtomicBool>,
    decoded: Decoded,
}

impl Opener for DefaultDevice {
    type Output = RodioOutput;

    fn prepare(&mut self) {
        let tones = Clip::ALL.into_iter().map(Sound::Clip);
        let words = voice::fixed_words().map(Sound::say);
        for sound in tones.chain(words) {
            if let Err(reason) = decoded(&self.decoded, &sound) {
                tracing::error!(%reason, "a built-in sound does not decode");
            }
        }
    }

    /// Decodes a starting routine's sounds, and has the speech program say the names no built-in
    /// clip says (this may take a while the first time; it is the sound thread that waits).
    fn prepare_sounds(&mut self, sounds: &[Sound]) {
        for sound in sounds {
            let spoken = match sound {
                Sound::Say(text) if voice::built_in(text).is_none() => {
                    let Some(wav) = self.speaker.wav(text) else {
                        continue;
                    };
                    decode_into(&self.decoded, key(sound), wav, text).map(Some)
                }
                _ => decoded(&self.decoded, sound),
            };
            if let Err(reason) = spoken {
                tracing::warn!(%reason, "a routine's sound does not decode; its cue will be silent");
            }
        }
    }

    fn open(&mut self) -> Result<RodioOutput, OutputError> {
        let failed = Arc::new(AtomicBool::new(false));
        let errors = Arc::new(AtomicU32::new(0));
        let flag = Arc::clone(&failed);
        let callback = move |error: rodio::cpal::Error| {
            flag.store(true, Ordering::Relaxed);
            // A broken stream can report on every buffer; the log gets the first few.
            if errors.fetch_add(1, Ordering::Relaxed) < 3 {
                tracing::warn!(%error, "sound stream error");
            }
        };
        let mut sink = DeviceSinkBuilder::from_default_device()
            .map_err(|e| OutputError::NoDevice(e.to_string()))?
            .with_buffer_size(rodio::cpal::BufferSize::Fixed(BUFFER_FRAMES))
            .with_error_callback(callback)
            .open_sink_or_fallback()
            .map_err(|e| OutputError::NoDevice(e.to_string()))?;
        // Otherwise rodio prints a line to stderr when the output closes.
        sink.log_on_drop(false);
        tracing::debug!(config = ?sink.config(), "sound output opened");
        Ok(RodioOutput {
            sink,
            opened: Instant::now(),
            players: Vec::new(),
            failed,
            decoded: Arc::clone(&self.decoded),
        })
    }
}

/// How a sound is known in the cache. Two routine folders may each have their own `beep.wav`: a file
/// is known by its bytes' address.
fn key(sound: &Sound) -> String {
    match sound {
        Sound::Clip(clip) => clip.name().to_owned(),
        Sound::File { name, bytes } => format!("{name}@{:p}", Arc::as_ptr(bytes)),
        Sound::Say(text) => format!("say:{text}"),
    }
}

/// The sound's samples, decoded now if they were not yet; `None` for words that nothing says (no
/// built-in clip, and the speech program did not make one).
fn decoded(cache: &Decoded, sound: &Sound) -> Result<Option<SamplesBuffer>, OutputError> {
    let key = key(sound);
    if let Some(buffer) = cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&key)
    {
        return Ok(Some(buffer.clone()));
    }
    let Some(bytes) = sound.bytes() else {
        return Ok(None);
    };
    decode_into(cache, key, bytes, sound.name()).map(Some)
}

/// Decodes `bytes` and keeps the samples under `key`.
fn decode_into(
    cache: &Decoded,
    key: String,
    bytes: Arc<[u8]>,
    name: &str,
) -> Result<SamplesBuffer, OutputError> {
    let decoded =
        crate::soundfile::decode::decode(bytes, crate::soundfile::decode::MAX_DECODED_SAMPLES)
            .map_err(|problem| OutputError::Undecodable {
                name: name.to_owned(),
                reason: format!("{problem:?}"),
            })?;
    // The decoder's limits keep both within rodio's non-zero types; the fallbacks are never used.
    let channels =
        rodio::ChannelCount::new(decoded.channels).unwrap_or(std::num::NonZero::<u16>::MIN);
    let rate = rodio::SampleRate::new(decoded.rate).unwrap_or(std::num::NonZero::<u32>::MIN);
    let buffer = SamplesBuffer::new(channels, rate, decoded.samples);
    cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, buffer.clone());
    Ok(buffer)
}

impl Output for RodioOutput {
    fn play(&mut self, sounds: &[Sound], volume: f32) -> Result<Option<Duration>, OutputError> {
        self.players.retain(|p| !p.empty());
        let player = Player::connect_new(self.sink.mixer());
        player.set_volume(volume);
        let mut settle = (self.opened + SETTLE).saturating_duration_since(Instant::now());
        if !settle.is_zero() {
            // Only a routine's first sound should ever wait: later cues find the stream opened a
            // lead ahead. A cue that waits here is late by `settle`.
            tracing::debug!(?settle, "held back until the new stream settles");
        }
        let mut total = settle;
        for sound in sounds {
            if let Some(buffer) = decoded(&self.decoded, sound)? {
                total += buffer.total_duration().unwrap_or_default();
                player.append(buffer.delay(std::mem::take(&mut settle)));
            }
        }
        self.players.push(player);
        Ok(Some(total))
    }

    fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}
