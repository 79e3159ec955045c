//! FIT files through `fitparser`'s streaming API, one message at a time (its batch API keeps every
//! decoded record, about 70 times the file). Values are taken from the raw messages by field number,
//! so no time zone of this machine enters them; only developer-field descriptions are decoded, as
//! the parser needs them to size later messages.

use fitparser::Value;
use fitparser::de::{DecodeOption, FitObject, FitStreamProcessor};
use fitparser::profile::field_types::{Manufacturer, Sport, SubSport};

use super::{Activity, DistanceSource, Format, Quality, ReadError, sport};
use crate::calendar::UtcTime;

/// 1989-12-31T00:00:00Z, FIT's epoch, in Unix seconds.
const FIT_EPOCH: i64 = 631_065_600;
/// FIT times below this are seconds since the device powered on, not dates.
const FIRST_ABSOLUTE_TIME: u64 = 0x1000_0000;
/// The most an offset from UTC can be (Kiribati is +14 h).
const MAX_OFFSET_S: i64 = 14 * 3600;

mod message {
    pub(super) const FILE_ID: u16 = 0;
    pub(super) const SPORT: u16 = 12;
    pub(super) const SESSION: u16 = 18;
    pub(super) const RECORD: u16 = 20;
    pub(super) const ACTIVITY: u16 = 34;
    pub(super) const FIELD_DESCRIPTION: u16 = 206;
    pub(super) const DEVELOPER_DATA_ID: u16 = 207;
}
const TIMESTAMP: u8 = 253;

/// Whether the bytes start with a FIT header: its size, then `.FIT` at bytes 8 to 11.
pub(super) fn is_fit(bytes: &[u8]) -> bool {
    bytes.len() >= 12 && matches!(bytes[0], 12 | 14) && &bytes[8..12] == b".FIT"
}

/// What the messages said, gathered while streaming.
#[derive(Default)]
struct Gathered {
    manufacturer: Option<u64>,
    created: Option<i64>,
    session_start: Option<i64>,
    session_elapsed: Option<f64>,
    session_timer: Option<f64>,
    session_distance: Option<f64>,
    sport: Option<u64>,
    sub_sport: Option<u64>,
    first_record: Option<i64>,
    last_record: Option<i64>,
    last_record_distance: Option<f64>,
    activity_time: Option<i64>,
    activity_local_time: Option<i64>,
    /// The last full timestamp, for records with a compressed one.
    last_timestamp: Option<u64>,
}

pub(super) fn read(bytes: &[u8]) -> Result<Activity, ReadError> {
    let mut quality = checksum_quality(bytes);
    let mut processor = FitStreamProcessor::new();
    processor.add_option(DecodeOption::SkipHeaderCrcValidation);
    processor.add_option(DecodeOption::SkipDataCrcValidation);
    let mut gathered = Gathered::default();
    let mut rest = bytes;
    while !rest.is_empty() {
        // An error is a break in the file: what came before it is kept.
        let Ok((next, object)) = processor.deserialize_next(rest) else {
            quality = Quality::Partial;
            break;
        };
        if next.len() >= rest.len() {
            quality = Quality::Partial;
            break;
        }
        rest = next;
        match object {
            // Only the first of chained FIT files: one file, one activity.
            FitObject::Crc(_) => break,
            FitObject::DataMessage(message) => {
                let number = message.global_message_number();
                if matches!(
                    number,
                    message::FIELD_DESCRIPTION | message::DEVELOPER_DATA_ID
                ) {
                    // Developer fields are sized by these; a bad one only loses them.
                    let _ = processor.decode_message(message);
                } else {
                    gathered.take(&message);
                }
            }
            FitObject::Header(_) | FitObject::DefinitionMessage(_) => {}
        }
    }
    gathered.into_activity(quality)
}

/// `Crc` when the header's or the data's checksum is wrong, `Partial` when the file is shorter than
/// its header says. A header checksum of 0 means "not computed" (old Garmin devices).
fn checksum_quality(bytes: &[u8]) -> Quality {
    let header_size = usize::from(bytes[0]);
    let data_size = usize::try_from(u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]))
        .unwrap_or(usize::MAX);
    if header_size == 14 && bytes.len() >= 14 {
        let stated = u16::from_le_bytes([bytes[12], bytes[13]]);
        if stated != 0 && stated != crc16(&bytes[..12]) {
            return Quality::Crc;
        }
    }
    let end = header_size.saturating_add(data_size);
    match bytes.get(end..end.saturating_add(2)) {
        Some(stated) if u16::from_le_bytes([stated[0], stated[1]]) == crc16(&bytes[..end]) => {
            Quality::Ok
        }
        Some(_) => Quality::Crc,
        None => Quality::Partial,
    }
}

/// FIT's CRC-16, as the FIT SDK computes it.
fn crc16(bytes: &[u8]) -> u16 {
    const TABLE: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    bytes.iter().fold(0u16, |crc, &byte| {
        let low = (crc >> 4) ^ TABLE[usize::from(crc & 0xF)] ^ TABLE[usize::from(byte & 0xF)];
        (low >> 4) ^ TABLE[usize::from(low & 0xF)] ^ TABLE[usize::from(byte >> 4)]
    })
}

/// An integer field's value, `None` when absent or FIT's "invalid" (all bits set, or 0 for the
/// `z` types).
fn integer(fields: &std::collections::HashMap<u8, Value>, number: u8) -> Option<u64> {
    let value = match fields.get(&number)? {
        Value::Byte(v) | Value::Enum(v) | Value::UInt8(v) if *v != u8::MAX => u64::from(*v),
        Value::UInt16(v) if *v != u16::MAX => u64::from(*v),
        Value::UInt32(v) if *v != u32::MAX => u64::from(*v),
        Value::UInt64(v) if *v != u64::MAX => *v,
        Value::UInt8z(v) if *v != 0 => u64::from(*v),
        Value::UInt16z(v) if *v != 0 => u64::from(*v),
        Value::UInt32z(v) if *v != 0 => u64::from(*v),
        _ => return None,
    };
    Some(value)
}

/// A FIT date as Unix seconds, when it is a date (not time since power-on).
fn date(raw: Option<u64>) -> Option<i64> {
    raw.filter(|&seconds| seconds >= FIRST_ABSOLUTE_TIME)
        .and_then(|seconds| i64::try_from(seconds).ok())
        .map(|seconds| FIT_EPOCH + seconds)
}

/// A scaled field (FIT stores 1.234 s as 1234 with scale 1000).
#[allow(clippy::cast_precision_loss)] // FIT integers are at most 32 bits here
fn scaled(raw: Option<u64>, scale: f64) -> Option<f64> {
    raw.map(|value| value as f64 / scale)
}

impl Gathered {
    fn take(&mut self, message: &fitparser::de::FitDataMessage) {
        let fields = message.fields();
        let timestamp = match integer(fields, TIMESTAMP) {
            Some(full) => {
                self.last_timestamp = Some(full);
                Some(full)
            }
            // A compressed timestamp: the low 5 bits of the seconds, after the last full one.
            None => match (message.time_offset(), self.last_timestamp) {
                (Some(offset), Some(last)) => {
                    Some(last + ((u64::from(offset).wrapping_sub(last)) & 0x1F))
                }
                _ => None,
            },
        };
        match message.global_message_number() {
            message::FILE_ID => {
                self.manufacturer = integer(fields, 1);
                self.created = date(integer(fields, 4));
            }
            message::SESSION if self.session_start.is_none() => {
                self.session_start = date(integer(fields, 2));
                self.sport = integer(fields, 5).or(self.sport);
                self.sub_sport = integer(fields, 6).or(self.sub_sport);
                self.session_elapsed = scaled(integer(fields, 7), 1000.0);
                self.session_timer = scaled(integer(fields, 8), 1000.0);
                self.session_distance = scaled(integer(fields, 9), 100.0);
            }
            message::SPORT => {
                self.sport = self.sport.or(integer(fields, 0));
                self.sub_sport = self.sub_sport.or(integer(fields, 1));
            }
            message::RECORD => {
                if let Some(time) = date(timestamp) {
                    // The earliest and the latest, not the first and the last read: records
                    // out of order (a damaged file) must not make a negative span.
                    self.first_record = Some(self.first_record.map_or(time, |t| t.min(time)));
                    self.last_record = Some(self.last_record.map_or(time, |t| t.max(time)));
                }
                if let Some(distance) = scaled(integer(fields, 5), 100.0) {
                    self.last_record_distance = Some(distance);
                }
            }
            message::ACTIVITY => {
                self.activity_time = date(timestamp);
                self.activity_local_time = date(integer(fields, 5));
            }
            _ => {}
        }
    }

    fn into_activity(self, quality: Quality) -> Result<Activity, ReadError> {
        let quality = if self.session_start.is_none() && quality == Quality::Ok {
            // No session: the totals are recomputed from the records, so say so.
            Quality::Partial
        } else {
            quality
        };
        let start = self
            .session_start
            .or(self.first_record)
            .or(self.created)
            .ok_or(ReadError::NoStart)?;
        #[allow(clippy::cast_precision_loss)] // seconds between two FIT dates fit in f64
        let recorded = self
            .first_record
            .zip(self.last_record)
            .map(|(first, last)| (last - first) as f64);
        let elapsed_s = self.session_elapsed.or(recorded).unwrap_or(0.0);
        let timer_s = self.session_timer.unwrap_or(elapsed_s);
        let distance_m = self.session_distance.or(self.last_record_distance);
        let sport_name = self
            .sport
            .and_then(|raw| u8::try_from(raw).ok())
            .map_or_else(|| "other".to_owned(), |raw| Sport::from(raw).to_string());
        let sub_sport = self
            .sub_sport
            .and_then(|raw| u8::try_from(raw).ok())
            .map(|raw| SubSport::from(raw).to_string())
            .filter(|name| name != "generic");
        let offset_s = self
            .activity_local_time
            .zip(self.activity_time)
            .map(|(local, utc)| local - utc)
            .filter(|offset| offset.abs() <= MAX_OFFSET_S && offset % 900 == 0)
            .and_then(|offset| i32::try_from(offset).ok());
        let device = self
            .manufacturer
            .and_then(|raw| u16::try_from(raw).ok())
            .map(|raw| Manufacturer::from(raw).to_string());
        Ok(Activity {
            format: Format::Fit,
            start: UtcTime(start),
            timer_s,
            elapsed_s,
            distance_m,
            distance_from: distance_m.map(|_| DistanceSource::Device),
            indoor: sport::is_indoor(sub_sport.as_deref()),
            sport: sport_name,
            sub_sport,
            offset_s,
            device,
            quality,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::crc16;

    #[test]
    fn the_crc_of_nothing_is_zero_and_of_a_byte_is_the_sdks() {
        assert_eq!(crc16(&[]), 0);
        // The FIT SDK's CRC is CRC-16/ARC: "123456789" gives 0xBB3D.
        assert_eq!(crc16(b"123456789"), 0xBB3D);
    }
}
