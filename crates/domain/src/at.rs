//! Business time: the instant something happened, with the UTC offset it was written in.

use std::fmt;

use jiff::{Timestamp, tz::Offset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An instant with the offset it was stated in (`2026-03-02T09:30:00+08:00`).
///
/// Ordering and equality look at the instant only: 09:30+08:00 equals 01:30Z.
#[derive(Clone, Copy, Debug)]
pub struct At {
    instant: Timestamp,
    offset: Offset,
}

/// Asia/Shanghai has had no daylight saving since 1991, so a fixed +08:00 is exact for the
/// dates the platform handles.
pub const CHINA: Offset = Offset::constant(8);

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
        Ok(At { instant, offset })
    }

    /// The instant shown in China time, as facts created inside Zhifa carry it.
    #[inline]
    pub fn china(instant: Timestamp) -> At {
        At {
            instant,
            offset: CHINA,
        }
    }

    /// Microseconds since the Unix epoch: the sort key stored beside every fact.
    #[inline]
    pub fn micros(&self) -> i64 {
        self.instant.as_microsecond()
    }

    /// The instant.
    #[inline]
    pub fn instant(&self) -> Timestamp {
        self.instant
    }

    /// The civil date in China, used for day-limit counting and document years.
    #[inline]
    pub fn china_date(&self) -> jiff::civil::Date {
        CHINA.to_datetime(self.instant).date()
    }

    /// Display in China time, minutes precision, for pages (`2026-03-02 09:30`).
    pub fn display_china(&self) -> String {
        CHINA
            .to_datetime(self.instant)
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
        let civil = self.offset.to_datetime(self.instant);
        write!(f, "{}", civil.strftime("%Y-%m-%dT%H:%M:%S"))?;
        let subsec = civil.subsec_nanosecond();
        if subsec != 0 {
            write!(f, ".{:09}", subsec)?;
        }
        let seconds = self.offset.seconds();
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
        self.instant == other.instant
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
        self.instant.cmp(&other.instant)
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
    }

    #[test]
    fn refuses_times_without_offset() {
        for text in [
            "2026-03-02T09:30:00",
            "2026-03-02",
            "yesterday",
            "2026-13-02T09:30:00+08:00",
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
