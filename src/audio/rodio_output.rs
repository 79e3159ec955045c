//! The real output: rodio's mixer on the default device (cpal picks PulseAudio when a server runs,
//! else ALSA; `CoreAudio` and WASAPI elsewhere), through a [`DeviceStream`] that knows when each frame
//! will be heard. Device errors go to the log, never to the terminal.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rodio::buffer::SamplesBuffer;
use rodio::{Player, Source};

use super::device_stream::DeviceStream;
use super::player::{Opener, Output, OutputError, SETTLE};
use super::speech::Speaker;
use super::speech::worker::SpeechWorker;
use super::start_at::StartAt;
use super::{Clip, Sound, voice};

/// Frames per buffer: about 12 ms at 44.1 kHz, so a cue reaches the speaker within a buffer or two of
/// when it is due (rodio's default of 50 ms made cues land up to 50 ms apart from their plan). The
/// output is only open around cues, so the extra wake-ups of small buffers are brief.
const BUFFER_FRAMES: u32 = 1024;

/// Sounds decoded once, by name: decoding when a cue is due would make it late (the first decode
/// in a process is slow), so the built-in ones are decoded before any cue.
type Decoded = Arc<Mutex<HashMap<String, SamplesBuffer>>>;

/// The most memory said names may take once decoded (f32 samples): 32 MB holds some 180 names of two
/// seconds at 22 kHz; past it the least recently played are dropped (and made again from the cache
/// when next needed).
const SPOKEN_BUDGET: usize = 32 * 1024 * 1024;
/// The most samples one said name may decode to (about 20 s of 48 kHz stereo): a cached file that
/// claims more is not a name.
const MAX_NAME_SAMPLES: usize = 1 << 21;

/// Names the speech program said, decoded, within [`SPOKEN_BUDGET`].
#[derive(Default)]
struct SpokenNames {
    clips: HashMap<Arc<str>, (SamplesBuffer, usize, u64)>,
    bytes: usize,
    uses: u64,
}

impl SpokenNames {
    fn get(&mut self, text: &str) -> Option<SamplesBuffer> {
        self.uses += 1;
        let uses = self.uses;
        self.clips.get_mut(text).map(|(buffer, _, last)| {
            *last = uses;
            buffer.clone()
        })
    }

    fn insert(&mut self, text: &str, buffer: SamplesBuffer, bytes: usize) {
        self.uses += 1;
        if let Some((_, old, _)) = self
            .clips
            .insert(Arc::from(text), (buffer, bytes, self.uses))
        {
            self.bytes -= old;
        }
        self.bytes += bytes;
        while self.bytes > SPOKEN_BUDGET {
            let Some(oldest) = self
                .clips
                .iter()
                .min_by_key(|(_, (_, _, last))| *last)
                .map(|(text, _)| Arc::clone(text))
            else {
                break;
            };
            if let Some((_, freed, _)) = self.clips.remove(&oldest) {
                self.bytes -= freed;
            }
        }
    }
}

/// Opens the default output device.
pub(crate) struct DefaultDevice {
    decoded: Decoded,
    spoken: Arc<Mutex<SpokenNames>>,
    /// Says the names no built-in clip says, on a thread of its own.
    speech: SpeechWorker,
}

impl std::fmt::Debug for DefaultDevice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DefaultDevice").finish_non_exhaustive()
    }
}

impl DefaultDevice {
    pub(crate) fn new(speaker: Speaker) -> Self {
        let spoken = Arc::new(Mutex::new(SpokenNames::default()));
        let store = Arc::clone(&spoken);
        let speech = SpeechWorker::start(
            speaker,
            Box::new(move |text, wav| match decode_name(wav) {
                Ok((buffer, bytes)) => store
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(text, buffer, bytes),
                Err(reason) => {
                    tracing::warn!(%reason, "a said name does not decode; it is not said");
                }
            }),
        );
        Self {
            decoded: Decoded::default(),
            spoken,
            speech,
        }
    }
}

/// A said name's samples, and the memory they take.
fn decode_name(wav: Arc<[u8]>) -> Result<(SamplesBuffer, usize), String> {
    let decoded = crate::soundfile::decode::decode(wav, MAX_NAME_SAMPLES)
        .map_err(|problem| format!("{problem:?}"))?;
    let bytes = decoded.samples.len() * std::mem::size_of::<f32>();
    Ok((samples_buffer(decoded), bytes))
}

pub(crate) struct RodioOutput {
    stream: DeviceStream,
    /// When the stream opened: sounds played before it has settled wait in silence until it has.
    opened: Instant,
    /// Cues still playing or waiting to start, with when they start; finished ones are dropped on
    /// the next play.
    players: Vec<(Player, Instant)>,
    failed: Arc<AtomicBool>,
    decoded: Decoded,
    spoken: Arc<Mutex<SpokenNames>>,
}

impl Opener for DefaultDevice {
    type Output = RodioOutput;

    /// Decodes the built-in sounds on a thread of their own, tones first: a debug build on a loaded
    /// machine took a second over them, and the routine's first cue waited that long behind them when
    /// the sound thread did it. A cue whose sound is not decoded yet decodes it when played.
    fn prepare(&mut self) {
        let tones = Clip::ALL.into_iter().map(Sound::Clip);
        let words = voice::fixed_words().map(Sound::say);
        decode_aside(&self.decoded, tones.chain(words).collect());
    }

    /// Has a starting routine's own sounds decoded aside, and asks the speech worker for the names no
    /// built-in clip says: the sound thread never waits for either.
    fn prepare_sounds(&mut self, sounds: &[Sound]) {
        let mut files = Vec::new();
        for sound in sounds {
            match sound {
                Sound::Say(text) if voice::built_in(text).is_none() => self.speech.ask(text),
                _ => files.push(sound.clone()),
            }
        }
        decode_aside(&self.decoded, files);
    }

    fn open(&mut self) -> Result<RodioOutput, OutputError> {
        let failed = Arc::new(AtomicBool::new(false));
        let errors = Arc::new(AtomicU32::new(0));
        let flag = Arc::clone(&failed);
        let on_error = move |error: rodio::cpal::Error| {
            flag.store(true, Ordering::Relaxed);
            // A broken stream can report on every buffer; the log gets the first few.
            if errors.fetch_add(1, Ordering::Relaxed) < 3 {
                tracing::warn!(%error, "sound stream error");
            }
        };
        let stream = DeviceStream::open_default(BUFFER_FRAMES, on_error)
            .map_err(|e| OutputError::NoDevice(e.to_string()))?;
        tracing::debug!(config = ?stream.config, format = ?stream.format, "sound output opened");
        Ok(RodioOutput {
            stream,
            opened: Instant::now(),
            players: Vec::new(),
            failed,
            decoded: Arc::clone(&self.decoded),
            spoken: Arc::clone(&self.spoken),
        })
    }
}

/// Decodes `sounds` into `cache` on a thread of its own.
fn decode_aside(cache: &Decoded, sounds: Vec<Sound>) {
    if sounds.is_empty() {
        return;
    }
    let cache = Arc::clone(cache);
    let spawned = std::thread::Builder::new()
        .name("sound-decode".into())
        .spawn(move || {
            for sound in &sounds {
                if let Err(reason) = decoded(&cache, sound) {
                    tracing::warn!(%reason, "a sound does not decode; its cue will be silent");
                }
            }
        });
    if let Err(error) = spawned {
        tracing::warn!(%error, "cannot decode sounds aside; they are decoded when played");
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
    let buffer = samples_buffer(decoded);
    cache
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, buffer.clone());
    Ok(buffer)
}

fn samples_buffer(decoded: crate::soundfile::decode::Decoded) -> SamplesBuffer {
    // The decoder's limits keep both within rodio's non-zero types; the fallbacks are never used.
    let channels =
        rodio::ChannelCount::new(decoded.channels).unwrap_or(std::num::NonZero::<u16>::MIN);
    let rate = rodio::SampleRate::new(decoded.rate).unwrap_or(std::num::NonZero::<u32>::MIN);
    SamplesBuffer::new(channels, rate, decoded.samples)
}

impl Output for RodioOutput {
    fn play(
        &mut self,
        sounds: &[Sound],
        volume: f32,
        start_in: Duration,
    ) -> Result<Option<Duration>, OutputError> {
        self.players.retain(|(player, _)| !player.empty());
        let player = Player::connect_new(&self.stream.mixer);
        player.set_volume(volume);
        let now = Instant::now();
        let settle = (self.opened + SETTLE).saturating_duration_since(now);
        if settle > start_in {
            // Only a routine's first sound should ever wait: later cues find the stream opened a
            // lead ahead. A cue that waits here is late by `settle`.
            tracing::debug!(?settle, "held back until the new stream settles");
        }
        // The wait is silence that ends at the moment itself, checked in the output's callback: the
        // cue starts then, whenever this thread or the app's runs, and whatever the stream did
        // in between.
        let starts = now + start_in.max(settle);
        // What the stream last said of its delay: read from another thread, so only near, and
        // only for the log.
        let delay = self
            .stream
            .playhead
            .next_heard()
            .saturating_duration_since(now);
        tracing::debug!(?delay, "the stream's delay as a cue is handed over");
        let mut due = Some(starts);
        let mut length = Duration::ZERO;
        for sound in sounds {
            let buffer = match sound {
                // A name the speech worker has not made (yet) is not said.
                Sound::Say(text) if voice::built_in(text).is_none() => self
                    .spoken
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get(text),
                _ => decoded(&self.decoded, sound)?,
            };
            if let Some(buffer) = buffer {
                length += buffer.total_duration().unwrap_or_default();
                if let Some(at) = due.take() {
                    let playhead = Arc::clone(&self.stream.playhead);
                    player.append(StartAt::new(buffer, at, playhead));
                } else {
                    player.append(buffer);
                }
            }
        }
        self.players.push((player, starts));
        Ok(Some(length + settle.saturating_sub(start_in)))
    }

    fn call_off_waiting(&mut self) {
        let now = Instant::now();
        self.players.retain(|(player, starts)| {
            let waiting = *starts > now;
            if waiting {
                player.stop();
            }
            !waiting
        });
    }

    fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};

    use super::*;

    /// A device whose speech program is the shell `script`, its cache in a temporary folder.
    fn device_saying_with(script: &str) -> (DefaultDevice, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let tone = dir.path().join("tone.wav");
        std::fs::write(&tone, Clip::Tick.bytes()).expect("writes");
        let exe = dir.path().join("espeak-ng");
        let body = format!("#!/bin/sh\nfor a; do out=$a; done\n{script}\n")
            .replace("TONE", &tone.display().to_string())
            .replace("DIR", &dir.path().display().to_string());
        std::fs::write(&exe, body).expect("writes");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let speaker =
            Speaker::with_program(dir.path().join("speech"), exe, Duration::from_secs(10));
        (DefaultDevice::new(speaker), dir)
    }

    fn names(count: usize) -> Vec<Sound> {
        (0..count)
            .map(|n| Sound::say(&format!("Own exercise {n}")))
            .collect()
    }

    fn spoken(device: &DefaultDevice, text: &str) -> bool {
        device
            .spoken
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(text)
            .is_some()
    }

    /// A speech program that hangs costs the sound thread nothing: 200 names are handed over at once,
    /// and quitting ends the program (its whole group) instead of leaving it behind.
    #[test]
    fn a_hanging_speech_program_never_holds_up_the_sound_thread_or_outlives_it() {
        let (mut device, dir) = device_saying_with("echo $$ > DIR/pid; sleep 30");
        let started = Instant::now();
        device.prepare_sounds(&names(200));
        // Speaking even the first name here would take the program's 10 s time-out; the bound is
        // far below that and far above what a loaded machine needs to hand 200 names over.
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert!(
            !spoken(&device, "Own exercise 0"),
            "not said while not ready"
        );
        let pid_file = dir.path().join("pid");
        let deadline = Instant::now() + Duration::from_secs(5);
        while !pid_file.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let pid = std::fs::read_to_string(&pid_file).expect("the program ran");
        drop(device);
        let proc = format!("/proc/{}/stat", pid.trim());
        // Ended long before its 30 s, however loaded the machine (2 s was not always enough with
        // sixteen test threads on two cores).
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::fs::read_to_string(&proc).is_ok_and(|s| !s.contains(") Z"))
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            std::fs::read_to_string(&proc).map_or(true, |s| s.contains(") Z")),
            "the speech program outlived the device"
        );
    }

    /// A name the program can say is made in the background and said once ready.
    #[test]
    fn a_name_is_made_in_the_background_and_ready_for_its_cue() {
        let (mut device, _dir) = device_saying_with("cp TONE \"$out\"");
        device.prepare_sounds(&names(1));
        let deadline = Instant::now() + Duration::from_secs(5);
        while !spoken(&device, "Own exercise 0") {
            assert!(Instant::now() < deadline, "the name was never made");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Said names stay within their memory budget: the least recently played go first.
    #[test]
    fn said_names_stay_within_the_memory_budget() {
        let mut names = SpokenNames::default();
        let rate = rodio::SampleRate::new(22_050).expect("a rate");
        let channels = rodio::ChannelCount::new(1).expect("channels");
        let samples = SPOKEN_BUDGET / 4 / 3;
        for n in 0..5 {
            let buffer = SamplesBuffer::new(channels, rate, vec![0.0; samples]);
            names.insert(&format!("name {n}"), buffer, samples * 4);
            // The first is played again each time, so it is the most recently used.
            let _ = names.get("name 0");
        }
        assert!(names.bytes <= SPOKEN_BUDGET, "{}", names.bytes);
        assert!(names.get("name 0").is_some(), "the one in use is kept");
        assert!(
            names.get("name 1").is_none(),
            "the oldest unused is dropped"
        );
        assert!(names.get("name 4").is_some(), "the newest is kept");
    }
}
