//! The output stream on the default device: rodio's mixer, pulled by a cpal stream of our own.
//!
//! rodio's own device sink does the same but drops what cpal tells each buffer: when it will be
//! heard. Cues need that to start on time on a stream whose delay changes (see [`super::playhead`]),
//! so this opens the stream as rodio does (the device's default configuration, then each one it
//! supports) and keeps the playhead up to date in the callback. Mixing, decoding and the sources
//! stay rodio's.

use std::sync::Arc;
use std::time::Instant;

use rodio::cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use rodio::cpal::{
    self, BufferSize, FromSample, OutputCallbackInfo, SampleFormat, SizedSample, StreamConfig,
    SupportedStreamConfig,
};
use rodio::mixer::{Mixer, MixerSource};
use rodio::{ChannelCount, SampleRate};

use super::playhead::Playhead;

/// An open output: drop it to close the stream.
pub(super) struct DeviceStream {
    /// Kept only to keep the stream playing.
    _stream: cpal::Stream,
    pub(super) mixer: Mixer,
    pub(super) playhead: Arc<Playhead>,
    /// What was opened, for the log.
    pub(super) config: StreamConfig,
    pub(super) format: SampleFormat,
}

/// Why no stream could be opened.
#[derive(Debug, thiserror::Error)]
pub(super) enum OpenError {
    #[error("no output device")]
    NoDevice,
    #[error("{0}")]
    Device(#[from] cpal::Error),
    #[error("the device wants samples as {0:?}, which this build does not make")]
    Format(SampleFormat),
}

impl DeviceStream {
    /// Opens the default output device with buffers of `frames`, on its default configuration or,
    /// failing that, the first other one it supports that opens. Errors go to `on_error`.
    pub(super) fn open_default<E>(frames: u32, on_error: E) -> Result<Self, OpenError>
    where
        E: FnMut(cpal::Error) + Clone + Send + 'static,
    {
        let device = cpal::default_host()
            .default_output_device()
            .ok_or(OpenError::NoDevice)?;
        let default = device.default_output_config()?;
        let first = Self::open(&device, &default, frames, on_error.clone());
        if first.is_ok() {
            return first;
        }
        let others = rodio::stream::supported_output_configs(&device)
            .into_iter()
            .flatten();
        for config in others {
            if let Ok(stream) = Self::open(&device, &config, frames, on_error.clone()) {
                return Ok(stream);
            }
        }
        first
    }

    fn open<E>(
        device: &cpal::Device,
        supported: &SupportedStreamConfig,
        frames: u32,
        on_error: E,
    ) -> Result<Self, OpenError>
    where
        E: FnMut(cpal::Error) + Send + 'static,
    {
        let config = StreamConfig {
            channels: supported.channels(),
            sample_rate: supported.sample_rate(),
            buffer_size: BufferSize::Fixed(frames),
        };
        let (Some(channels), Some(rate)) = (
            ChannelCount::new(config.channels),
            SampleRate::new(config.sample_rate),
        ) else {
            return Err(OpenError::Format(supported.sample_format()));
        };
        let (mixer, source) = rodio::mixer::mixer(channels, rate);
        let playhead = Arc::new(Playhead::new(config.sample_rate));
        let format = supported.sample_format();
        let stream = build(device, &config, format, source, &playhead, on_error)?;
        stream.play()?;
        Ok(Self {
            _stream: stream,
            mixer,
            playhead,
            config,
            format,
        })
    }
}

/// Builds the stream for the device's sample format.
fn build<E>(
    device: &cpal::Device,
    config: &StreamConfig,
    format: SampleFormat,
    source: MixerSource,
    playhead: &Arc<Playhead>,
    on_error: E,
) -> Result<cpal::Stream, OpenError>
where
    E: FnMut(cpal::Error) + Send + 'static,
{
    let channels = usize::from(config.channels);
    let playhead = Arc::clone(playhead);
    macro_rules! stream_of {
        ($sample:ty) => {
            device.build_output_stream::<$sample, _, _>(
                config.clone(),
                filler::<$sample>(source, playhead, channels),
                on_error,
                None,
            )?
        };
    }
    Ok(match format {
        SampleFormat::F32 => stream_of!(f32),
        SampleFormat::F64 => stream_of!(f64),
        SampleFormat::I16 => stream_of!(i16),
        SampleFormat::I32 => stream_of!(i32),
        SampleFormat::I8 => stream_of!(i8),
        SampleFormat::U8 => stream_of!(u8),
        SampleFormat::U16 => stream_of!(u16),
        SampleFormat::U32 => stream_of!(u32),
        other => return Err(OpenError::Format(other)),
    })
}

/// The callback: tells the playhead when this buffer will be heard, then fills it from the mixer a
/// frame at a time, moving the playhead on after each.
fn filler<T>(
    mut source: MixerSource,
    playhead: Arc<Playhead>,
    channels: usize,
) -> impl FnMut(&mut [T], &OutputCallbackInfo) + Send + 'static
where
    T: SizedSample + FromSample<f32>,
{
    move |data: &mut [T], info: &OutputCallbackInfo| {
        let stamp = info.timestamp();
        let delay = stamp.playback.checked_duration_since(stamp.callback);
        playhead.begin_buffer(Instant::now(), delay);
        for frame in data.chunks_mut(channels.max(1)) {
            for sample in frame {
                *sample = source.next().map_or(T::EQUILIBRIUM, T::from_sample);
            }
            playhead.frame_made();
        }
    }
}
