//! Time arithmetic in whole seconds at the fixed +08:00 offset, and the legal calendar.
//!
//! The generator works on `i64` Unix seconds: it produces millions of timestamps, and a fixed
//! offset needs no time-zone database. Formatting is checked against `jiff` in the tests.

use std::collections::BTreeMap;
use std::fmt::Write as _;

pub(crate) const MINUTE: i64 = 60;
pub(crate) const HOUR: i64 = 60 * MINUTE;
pub(crate) const DAY: i64 = 24 * HOUR;
/// China Standard Time, the offset every `at` is written with.
const OFFSET: i64 = 8 * HOUR;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = ((153 * mp + 2) / 5 + day - 1) as i32;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number from [`days_from_civil`].
pub(crate) fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// The local (+08:00) day number of an instant.
pub(crate) fn local_day(ts: i64) -> i32 {
    (ts + OFFSET).div_euclid(DAY) as i32
}

/// Seconds since local midnight.
pub(crate) fn second_of_day(ts: i64) -> i64 {
    (ts + OFFSET).rem_euclid(DAY)
}

/// The instant of local midnight starting `day`.
pub(crate) fn local_midnight(day: i32) -> i64 {
    i64::from(day) * DAY - OFFSET
}

/// 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(day: i32) -> u32 {
    (day + 3).rem_euclid(7) as u32
}

/// Appends `ts` as RFC 3339 with the +08:00 offset, seconds precision.
pub(crate) fn write_at(out: &mut String, ts: i64) {
    let (y, m, d) = civil_from_days(local_day(ts));
    let s = second_of_day(ts);
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}+08:00",
        s / HOUR,
        s % HOUR / MINUTE,
        s % MINUTE
    );
}

/// Appends a day number as `YYYY-MM-DD`.
pub(crate) fn write_date(out: &mut String, day: i32) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

/// Whole years between a birth day and a later day (the legal age on that day).
pub(crate) fn age_years(birth: i32, on: i32) -> i32 {
    let (by, bm, bd) = civil_from_days(birth);
    let (y, m, d) = civil_from_days(on);
    y - by - i32::from((m, d) < (bm, bd))
}

/// The shipped calendar files.
const SHIPPED: &[&str] = &[
    include_str!("../../../data/calendar/cn-2025.jsonl"),
    include_str!("../../../data/calendar/cn-2026.jsonl"),
];

/// Rest days and make-up workdays of the shipped calendar years.
#[derive(Clone)]
pub(crate) struct Calendar {
    /// day number → true for a holiday, false for a make-up workday.
    special: BTreeMap<i32, bool>,
}

/// One `calendar.day` fact to emit.
pub(crate) struct CalendarDay {
    pub year: i32,
    pub day: i32,
    pub holiday: bool,
}

impl Calendar {
    pub(crate) fn new() -> Self {
        let special = Self::days().map(|d| (d.day, d.holiday)).collect();
        Calendar { special }
    }

    /// Every special day of the shipped calendar (`data/calendar`, the files a deployment
    /// records), in date order. Read here with serde alone: the generator does not depend on
    /// the domain it is checked against.
    pub(crate) fn days() -> impl Iterator<Item = CalendarDay> {
        #[derive(serde::Deserialize)]
        struct Line {
            date: String,
            kind: String,
        }
        let mut days: Vec<CalendarDay> = SHIPPED
            .iter()
            .flat_map(|text| text.lines())
            .map(|line| {
                let line: Line = serde_json::from_str(line).expect("shipped calendar lines parse");
                let part = |range: std::ops::Range<usize>| -> i32 {
                    line.date[range].parse().expect("YYYY-MM-DD")
                };
                let (year, month, day) = (part(0..4), part(5..7), part(8..10));
                CalendarDay {
                    year,
                    day: days_from_civil(year, month as u32, day as u32),
                    holiday: line.kind == "holiday",
                }
            })
            .collect();
        days.sort_by_key(|d| d.day);
        days.into_iter()
    }

    /// A weekend day not marked workday, or a holiday.
    pub(crate) fn is_rest_day(&self, day: i32) -> bool {
        match self.special.get(&day) {
            Some(&holiday) => holiday,
            None => weekday(day) >= 5,
        }
    }

    /// The first working day on or after `day`.
    pub(crate) fn next_working_day(&self, mut day: i32) -> i32 {
        // The longest run of rest days in a year is under two weeks.
        for _ in 0..30 {
            if !self.is_rest_day(day) {
                return day;
            }
            day += 1;
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trips_and_matches_jiff() {
        for days in (-200_000..200_000).step_by(97) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            let date = jiff::civil::Date::new(y as i16, m as i8, d as i8).unwrap();
            let jiff_days = date
                .since(jiff::civil::date(1970, 1, 1))
                .unwrap()
                .get_days();
            assert_eq!(jiff_days, days, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn at_formatting_matches_jiff() {
        let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
        for ts in (1_700_000_000_i64..1_900_000_000).step_by(7_777_777) {
            let mut s = String::new();
            write_at(&mut s, ts);
            let expected = jiff::Timestamp::from_second(ts)
                .unwrap()
                .to_zoned(tz.clone())
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string();
            assert_eq!(s, expected);
        }
    }

    #[test]
    fn weekdays_and_rest_days() {
        let cal = Calendar::new();
        // 2026-03-02 is a Monday.
        assert_eq!(weekday(days_from_civil(2026, 3, 2)), 0);
        assert!(cal.is_rest_day(days_from_civil(2026, 10, 1)));
        assert!(cal.is_rest_day(days_from_civil(2026, 3, 7)));
        // 2026-10-10 is a Saturday worked in exchange for the National Day holiday.
        assert!(!cal.is_rest_day(days_from_civil(2026, 10, 10)));
        assert_eq!(
            cal.next_working_day(days_from_civil(2026, 10, 1)),
            days_from_civil(2026, 10, 8)
        );
        assert_eq!(
            Calendar::days()
                .filter(|d| d.year == 2026 && d.holiday)
                .count(),
            3 + 9 + 3 + 5 + 3 + 3 + 7
        );
    }

    #[test]
    fn ages() {
        let birth = days_from_civil(2008, 5, 1);
        assert_eq!(age_years(birth, days_from_civil(2026, 4, 30)), 17);
        assert_eq!(age_years(birth, days_from_civil(2026, 5, 1)), 18);
    }
}
