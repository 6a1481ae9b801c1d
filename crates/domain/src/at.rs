//! Business time: the instant something happened, with the UTC offset it was written in.

use std::fmt;

use jiff::{Timestamp, tz::Offset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant with the offset it was stated in (`2026-03-02T09:30:00+08:00`).
///
/// Ordering and equality look at the instant only: 09:30+08:00 equals 01:30Z.
///
/// Eight bytes: the microseconds since the Unix epoch in the high 56 bits, the offset in
/// quarter-hours (biased by 128) in the low 8. A province holds hundreds of millions of times,
/// most of them `Option<At>` fields of elements; as a `Timestamp` and an `Offset` each took 24
/// bytes (32 as an `Option`). The price is a range and a precision every real time meets:
/// years 830–3110, whole microseconds (the ledger already sorts facts by the microsecond), and
/// offsets in quarter-hours (every offset in use); `parse` refuses the rest with a reason.
#[derive(Clone, Copy, Debug)]
pub struct At {
    packed: i64,
}

/// Asia/Shanghai has had no daylight saving since 1991, so a fixed +08:00 is exact for the
/// dates the platform handles.
pub const CHINA: Offset = Offset::constant(8);

/// The offset field's bias and the quarter-hours China is ahead of UTC.
const OFFSET_BIAS: i64 = 128;
const CHINA_QUARTERS: i64 = 8 * 4;
/// The largest number of microseconds from the epoch an `At` holds (±2^55, about 1,141 years).
const MICROS_MAX: i64 = (1 << 55) - 1;

impl At {
    /// Parses RFC 3339 with a mandatory offset; a time without an offset is ambiguous and refused.
    pub fn parse(text: &str) -> Result<At, String> {
        let instant: Timestamp = text.parse().map_err(|error| {
            format!("不是带时区偏移的 RFC 3339 时间 (not an RFC 3339 time with offset): {error}")
        })?;
        let offset = if text.ends_with('Z') || text.ends_with('z') {
            Offset::UTC
        } else {
            let tail = text.get(text.len().saturating_sub(6)..).unwrap_or("");
            parse_offset(tail).ok_or_else(|| format!("缺少时区偏移 (missing offset): {text}"))?
        };
        if instant.subsec_nanosecond() % 1000 != 0 {
            return Err(format!(
                "时间精度不能细于微秒 (time more precise than a microsecond): {text}"
            ));
        }
        let micros = instant.as_microsecond();
        if !(-MICROS_MAX..=MICROS_MAX).contains(&micros) {
            return Err(format!(
                "时间超出830年至3110年的范围 (time outside the years 830 to 3110): {text}"
            ));
        }
        let seconds = i64::from(offset.seconds());
        if seconds % 900 != 0 {
            return Err(format!(
                "时区偏移须为15分钟的整数倍 (offset not in quarter-hours): {text}"
            ));
        }
        Ok(At::pack(micros, seconds / 900))
    }

    #[inline]
    fn pack(micros: i64, quarters: i64) -> At {
        At {
            packed: (micros << 8) | (quarters + OFFSET_BIAS),
        }
    }

    /// The instant shown in China time, as facts created inside Zhifa carry it (to the
    /// microsecond).
    #[inline]
    pub fn china(instant: Timestamp) -> At {
        At::pack(instant.as_microsecond(), CHINA_QUARTERS)
    }

    /// Microseconds since the Unix epoch: the sort key stored beside every fact.
    #[inline]
    pub fn micros(&self) -> i64 {
        self.packed >> 8
    }

    /// The instant.
    #[inline]
    pub fn instant(&self) -> Timestamp {
        Timestamp::from_microsecond(self.micros()).expect("within ±1,141 years by construction")
    }

    /// The offset the time was stated in.
    pub fn offset(&self) -> Offset {
        let quarters = (self.packed & 0xff) - OFFSET_BIAS;
        Offset::from_seconds((quarters * 900) as i32).expect("quarter-hours within ±26 h")
    }

    /// The civil date in China, used for day-limit counting and document years.
    #[inline]
    pub fn china_date(&self) -> jiff::civil::Date {
        CHINA.to_datetime(self.instant()).date()
    }

    /// Display in China time, minutes precision, for pages (`2026-03-02 09:30`).
    pub fn display_china(&self) -> String {
        CHINA
            .to_datetime(self.instant())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }
}

fn parse_offset(tail: &str) -> Option<Offset> {
    let bytes = tail.as_bytes();
    if bytes.len() != 6 || bytes[3] != b':' {
        return None;
    }
    let sign = match bytes[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = tail[1..3].parse().ok()?;
    let minutes: i32 = tail[4..6].parse().ok()?;
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let offset = self.offset();
        let civil = offset.to_datetime(self.instant());
        write!(f, "{}", civil.strftime("%Y-%m-%dT%H:%M:%S"))?;
        let subsec = civil.subsec_nanosecond();
        if subsec != 0 {
            write!(f, ".{:09}", subsec)?;
        }
        let seconds = offset.seconds();
        if seconds == 0 {
            return write!(f, "Z");
        }
        let sign = if seconds < 0 { '-' } else { '+' };
        let seconds = seconds.abs();
        write!(
            f,
            "{sign}{:02}:{:02}",
            seconds / 3600,
            (seconds % 3600) / 60
        )
    }
}

impl PartialEq for At {
    #[inline]
    fn eq(&self, other: &At) -> bool {
        self.micros() == other.micros()
    }
}
impl Eq for At {}
impl PartialOrd for At {
    #[inline]
    fn partial_cmp(&self, other: &At) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for At {
    #[inline]
    fn cmp(&self, other: &At) -> std::cmp::Ordering {
        self.micros().cmp(&other.micros())
    }
}

impl Serialize for At {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for At {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<At, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        At::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_offset_it_was_written_in() {
        for text in [
            "2026-03-02T09:30:00+08:00",
            "2026-03-02T01:30:00Z",
            "2026-03-01T20:30:00-05:00",
            "2026-03-02T09:30:00.250000000+08:00",
            "2026-03-02T09:30:00.000001000+05:45",
            "2026-03-01T20:30:00-09:30",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999000+14:00",
            "0900-01-01T00:00:00+08:00",
            "3100-12-31T23:59:59+08:00",
        ] {
            assert_eq!(At::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn compares_instants_not_text() {
        let china = At::parse("2026-03-02T09:30:00+08:00").unwrap();
        let utc = At::parse("2026-03-02T01:30:00Z").unwrap();
        assert_eq!(china, utc);
        assert_eq!(china.micros(), utc.micros());
        assert!(At::parse("2026-03-02T09:30:00.000001+08:00").unwrap() > china);
        assert!(
            At::parse("1969-12-31T23:59:59Z").unwrap() < At::parse("1970-01-01T00:00:00Z").unwrap()
        );
        assert_eq!(std::mem::size_of::<At>(), 8);
    }

    #[test]
    fn china_keeps_the_microsecond() {
        let now = Timestamp::from_microsecond(1_780_000_000_123_456).unwrap();
        let at = At::china(now);
        assert_eq!(at.instant(), now);
        assert_eq!(at.offset(), CHINA);
        assert_eq!(at.to_string(), "2026-05-29T04:26:40.123456000+08:00");
        assert_eq!(At::parse(&at.to_string()).unwrap().instant(), now);
    }

    #[test]
    fn refuses_times_without_offset() {
        for text in [
            "2026-03-02T09:30:00",
            "2026-03-02",
            "yesterday",
            "2026-13-02T09:30:00+08:00",
            "2026-03-02T09:30:00.000000001+08:00",
            "2026-03-02T09:30:00+08:20",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59+08:00",
        ] {
            assert!(At::parse(text).is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn china_date_crosses_midnight_correctly() {
        let late_utc = At::parse("2026-03-01T17:00:00Z").unwrap();
        assert_eq!(late_utc.china_date().to_string(), "2026-03-02");
    }
}
