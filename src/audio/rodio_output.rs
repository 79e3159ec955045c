//! The real output: rodio on the default device (cpal picks PulseAudio when a server runs, else ALSA;
//! `CoreAudio` and WASAPI elsewhere). Device errors go to the log, never to the terminal.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rodio::buffer::SamplesBuffer;
use rodio::{DeviceSinkBuilder, MixerDeviceSink, Player, Source};

use super::player::{Opener, Output, OutputError};
use super::{Clip, Sound};

/// Frames per buffer: about 12 ms at 44.1 kHz, so a cue reaches the speaker within a buffer or two of
/// when it is due (rodio's default of 50 ms made cues land up to 50 ms apart from their plan). The
/// output is only open around cues, so the extra wake-ups of small buffers are brief.
const BUFFER_FRAMES: u32 = 1024;

/// Sounds decoded once, by name: decoding when a cue is due would make it late (the first decode
/// in a process is slow), so the built-in ones are decoded before any cue.
type Decoded = Arc<Mutex<HashMap<String, SamplesBuffer>>>;

/// Opens the default output device.
#[derive(Debug, Default)]
pub struct DefaultDevice {
    decoded: Decoded,
}

pub struct RodioOutput {
    sink: MixerDeviceSink,
    /// Cues still playing; finished ones are dropped on the next play.
    players: Vec<Player>,
    failed: Arc<AtomicBool>,
    decoded: Decoded,
}

impl Opener for DefaultDevice {
    type Output = RodioOutput;

    fn prepare(&mut self) {
        for clip in Clip::ALL {
            if let Err(reason) = decoded(&self.decoded, &Sound::Clip(clip)) {
                tracing::error!(%reason, "a built-in sound does not decode");
            }
        }
    }

    fn prepare_sounds(&mut self, sounds: &[Sound]) {
        for sound in sounds {
            if let Err(reason) = decoded(&self.decoded, sound) {
                tracing::warn!(%reason, "a step's sound does not decode; its cue will be silent");
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
            players: Vec::new(),
            failed,
            decoded: Arc::clone(&self.decoded),
        })
    }
}

/// The sound's samples, decoded now if they were not yet.
fn decoded(cache: &Decoded, sound: &Sound) -> Result<SamplesBuffer, OutputError> {
    // Two routine folders may each have their own `beep.wav`: a file is known by its bytes' address.
    let key = match sound {
        Sound::Clip(clip) => clip.name().to_owned(),
        Sound::File { name, bytes } => format!("{name}@{:p}", Arc::as_ptr(bytes)),
    };
    let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(buffer) = cache.get(&key) {
        return Ok(buffer.clone());
    }
    let decoded = crate::soundfile::decode::decode(
        sound.bytes(),
        crate::soundfile::decode::MAX_DECODED_SAMPLES,
    )
    .map_err(|problem| OutputError::Undecodable {
        name: sound.name().to_owned(),
        reason: format!("{problem:?}"),
    })?;
    // The decoder's limits keep both within rodio's non-zero types; the fallbacks are never used.
    let channels =
        rodio::ChannelCount::new(decoded.channels).unwrap_or(std::num::NonZero::<u16>::MIN);
    let rate = rodio::SampleRate::new(decoded.rate).unwrap_or(std::num::NonZero::<u32>::MIN);
    let buffer = SamplesBuffer::new(channels, rate, decoded.samples);
    cache.insert(key, buffer.clone());
    Ok(buffer)
}

impl Output for RodioOutput {
    fn play(&mut self, sounds: &[Sound], volume: f32) -> Result<Option<Duration>, OutputError> {
        self.players.retain(|p| !p.empty());
        let player = Player::connect_new(self.sink.mixer());
        player.set_volume(volume);
        let mut total = Duration::ZERO;
        for sound in sounds {
            let buffer = decoded(&self.decoded, sound)?;
            total += buffer.total_duration().unwrap_or_default();
            player.append(buffer);
        }
        self.players.push(player);
        Ok(Some(total))
    }

    fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}
