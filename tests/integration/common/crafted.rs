//! Hostile sound files, built byte by byte so no large or crafted file is committed: WAV headers a
//! decoder cannot take, and a FLAC "bomb" (tiny on disk, billions of samples once decoded).

#![allow(dead_code, reason = "each test file uses part of this")]

/// A RIFF/WAVE file with the given `fmt ` chunk body and `data` bytes.
pub fn wav(fmt: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = b"RIFF".to_vec();
    let riff_len = u32::try_from(4 + 8 + fmt.len() + 8 + data.len()).expect("small");
    out.extend(riff_len.to_le_bytes());
    out.extend(b"WAVEfmt ");
    out.extend(u32::try_from(fmt.len()).expect("small").to_le_bytes());
    out.extend(fmt);
    out.extend(b"data");
    out.extend(u32::try_from(data.len()).expect("small").to_le_bytes());
    out.extend(data);
    out
}

/// A PCM `fmt ` body.
pub fn pcm_fmt(channels: u16, rate: u32, bits: u16) -> Vec<u8> {
    let block = channels * bits.div_ceil(8);
    let mut fmt = Vec::new();
    fmt.extend(1_u16.to_le_bytes());
    fmt.extend(channels.to_le_bytes());
    fmt.extend(rate.to_le_bytes());
    fmt.extend((rate * u32::from(block)).to_le_bytes());
    fmt.extend(block.to_le_bytes());
    fmt.extend(bits.to_le_bytes());
    fmt
}

/// A mono 16-bit PCM WAV with a sample rate of 0 (the decoder's time base divides by it).
pub fn wav_rate_zero() -> Vec<u8> {
    wav(&pcm_fmt(1, 0, 16), &[0x10; 200])
}

/// A `WAVE_FORMAT_EXTENSIBLE` header that says 0 bits a sample.
pub fn wav_extensible_zero_bits() -> Vec<u8> {
    let mut fmt = Vec::new();
    fmt.extend(0xFFFE_u16.to_le_bytes());
    fmt.extend(1_u16.to_le_bytes()); // channels
    fmt.extend(44_100_u32.to_le_bytes());
    fmt.extend(88_200_u32.to_le_bytes());
    fmt.extend(2_u16.to_le_bytes()); // block align
    fmt.extend(0_u16.to_le_bytes()); // bits per sample
    fmt.extend(22_u16.to_le_bytes()); // extension size
    fmt.extend(0_u16.to_le_bytes()); // valid bits
    fmt.extend(4_u32.to_le_bytes()); // channel mask
    // KSDATAFORMAT_SUBTYPE_PCM
    fmt.extend([
        0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B,
        0x71,
    ]);
    wav(&fmt, &[0x10; 200])
}

/// A valid short WAV: `rate` Hz, `channels`, 16-bit, `frames` frames of a square wave.
pub fn wav_tone(channels: u16, rate: u32, frames: usize) -> Vec<u8> {
    let mut data = Vec::new();
    for i in 0..frames {
        let sample: i16 = if (i / 20) % 2 == 0 { 8000 } else { -8000 };
        for _ in 0..channels {
            data.extend(sample.to_le_bytes());
        }
    }
    wav(&pcm_fmt(channels, rate, 16), &data)
}

/// Bits written most significant first, as FLAC wants.
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn new() -> Self {
        Self {
            bytes: Vec::new(),
            used: 0,
        }
    }

    fn put(&mut self, value: u64, count: u32) {
        for bit in (0..count).rev() {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> bit) & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.used % 8);
            }
            self.used += 1;
        }
    }
}

fn crc8(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0_u8, |mut crc, &byte| {
        crc ^= byte;
        for _ in 0..8 {
            crc = if crc & 0x80 == 0 {
                crc << 1
            } else {
                (crc << 1) ^ 0x07
            };
        }
        crc
    })
}

fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0_u16, |mut crc, &byte| {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 == 0 {
                crc << 1
            } else {
                (crc << 1) ^ 0x8005
            };
        }
        crc
    })
}

/// FLAC's UTF-8-like frame number (up to 2^21 frames, the most these files need).
fn coded_number(n: u32) -> Vec<u8> {
    let byte = |v: u32| u8::try_from(v & 0xFF).expect("masked");
    match n {
        0..0x80 => vec![byte(n)],
        0x80..0x800 => vec![0xC0 | byte(n >> 6), 0x80 | byte(n & 0x3F)],
        0x800..0x1_0000 => vec![
            0xE0 | byte(n >> 12),
            0x80 | byte((n >> 6) & 0x3F),
            0x80 | byte(n & 0x3F),
        ],
        _ => vec![
            0xF0 | byte(n >> 18),
            0x80 | byte((n >> 12) & 0x3F),
            0x80 | byte((n >> 6) & 0x3F),
            0x80 | byte(n & 0x3F),
        ],
    }
}

/// A FLAC file of about `size` bytes: 8 channels at 48 kHz, every frame 65,535 samples of one constant
/// value a channel (3 bytes a channel on disk). `declared_samples` goes in STREAMINFO (0: unknown).
pub fn flac_bomb(size: usize, declared_samples: u64) -> Vec<u8> {
    const BLOCK: u64 = 65_535;
    let mut out = b"fLaC".to_vec();
    let mut info = Bits::new();
    info.put(1, 1); // last metadata block
    info.put(0, 7); // STREAMINFO
    info.put(34, 24);
    info.put(BLOCK, 16);
    info.put(BLOCK, 16);
    info.put(0, 24);
    info.put(0, 24);
    info.put(48_000, 20);
    info.put(7, 3); // 8 channels
    info.put(15, 5); // 16 bits
    info.put(declared_samples, 36);
    info.put(0, 64);
    info.put(0, 64); // MD5 unknown
    out.extend(info.bytes);
    let mut number = 0_u32;
    while out.len() < size {
        let mut header = Bits::new();
        header.put(0b11_1111_1111_1110, 14);
        header.put(0, 1);
        header.put(0, 1); // fixed block size
        header.put(0b0111, 4); // block size - 1 in 16 bits after the number
        header.put(0b1010, 4); // 48 kHz
        header.put(0b0111, 4); // 8 independent channels
        header.put(0b100, 3); // 16 bits
        header.put(0, 1);
        let mut frame = header.bytes;
        frame.extend(coded_number(number));
        frame.extend(u16::try_from(BLOCK - 1).expect("small").to_be_bytes());
        frame.push(crc8(&frame));
        for channel in 0..8_u16 {
            frame.push(0); // constant subframe, no wasted bits
            frame.extend((1000 + channel).to_be_bytes());
        }
        let crc = crc16(&frame);
        frame.extend(crc.to_be_bytes());
        out.extend(frame);
        number += 1;
    }
    out
}
