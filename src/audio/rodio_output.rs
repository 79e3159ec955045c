//! The real output: rodio on the default device (cpal picks PulseAudio when a server runs, else ALSA;
//! `CoreAudio` and WASAPI elsewhere). Device errors go to the log, never to the terminal.

use std::io::Cursor;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use rodio::{Decoder, DeviceSinkBuilder, MixerDeviceSink, Player, Source};

use super::Sound;
use super::player::{Opener, Output};

/// Opens the default output device.
#[derive(Debug, Default)]
pub struct DefaultDevice;

pub struct RodioOutput {
    sink: MixerDeviceSink,
    /// Cues still playing; finished ones are dropped on the next play.
    players: Vec<Player>,
    failed: Arc<AtomicBool>,
}

impl Opener for DefaultDevice {
    type Output = RodioOutput;

    fn open(&mut self) -> Result<RodioOutput, String> {
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
            .map_err(|e| e.to_string())?
            .with_error_callback(callback)
            .open_sink_or_fallback()
            .map_err(|e| e.to_string())?;
        // Otherwise rodio prints a line to stderr when the output closes.
        sink.log_on_drop(false);
        tracing::debug!(config = ?sink.config(), "sound output opened");
        Ok(RodioOutput {
            sink,
            players: Vec::new(),
            failed,
        })
    }
}

impl Output for RodioOutput {
    fn play(&mut self, sounds: &[Sound], volume: f32) -> Result<Option<Duration>, String> {
        self.players.retain(|p| !p.empty());
        let player = Player::connect_new(self.sink.mixer());
        player.set_volume(volume);
        let mut total = Some(Duration::ZERO);
        for sound in sounds {
            let decoder = Decoder::new(Cursor::new(sound.bytes()))
                .map_err(|e| format!("cannot decode {}: {e}", sound.name()))?;
            total = total.zip(decoder.total_duration()).map(|(a, b)| a + b);
            player.append(decoder);
        }
        self.players.push(player);
        Ok(total)
    }

    fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}
