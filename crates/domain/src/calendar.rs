//! The legal calendar shipped as data: each year's public holidays and make-up workdays as the
//! State Council publishes them, one `calendar.day` fact per line in `data/calendar/cn-YYYY.jsonl`.
//! A deployment records them with `zhifa admin calendar` (the demo province carries them); the
//! rules read only `calendar.day` facts, so a year that is not recorded counts weekends alone.

use jiff::civil::Date;

use crate::elements::DayKind;
use crate::error::DomainError;
use crate::fact::{Fact, FactBody};

/// The shipped years, each with its file's text, oldest first.
pub const SHIPPED: &[(i16, &str)] = &[
    (2025, include_str!("../../../data/calendar/cn-2025.jsonl")),
    (2026, include_str!("../../../data/calendar/cn-2026.jsonl")),
];

/// The facts of a calendar file, refusing any line that is not a `calendar.day`: the error
/// names its line (from 1).
pub fn parse(text: &str) -> Result<Vec<Fact>, (usize, DomainError)> {
    let mut facts = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fact = Fact::from_line(line).map_err(|e| (n + 1, e))?;
        if !matches!(fact.body, FactBody::CalendarDay(_)) {
            return Err((
                n + 1,
                DomainError::invalid(
                    "fact",
                    "日历文件只能包含 calendar.day 事实 (a calendar file holds calendar.day facts only)",
                ),
            ));
        }
        facts.push(fact);
    }
    Ok(facts)
}

/// The shipped facts of one year, if it is shipped.
pub fn shipped(year: i16) -> Option<Vec<Fact>> {
    let (_, text) = SHIPPED.iter().find(|(y, _)| *y == year)?;
    Some(parse(text).expect("shipped calendars parse (tested)"))
}

/// Every shipped special day: (date, holiday or workday).
pub fn shipped_days() -> Vec<(Date, DayKind)> {
    SHIPPED
        .iter()
        .flat_map(|(year, _)| shipped(*year).unwrap_or_default())
        .filter_map(|fact| match fact.body {
            FactBody::CalendarDay(day) => Some((day.date, day.kind)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn shipped_years_parse_and_hold_only_their_year() {
        for (year, text) in SHIPPED {
            let facts = parse(text).unwrap();
            assert!(!facts.is_empty());
            for fact in facts {
                let FactBody::CalendarDay(day) = fact.body else {
                    unreachable!("parse refuses other kinds")
                };
                assert_eq!(day.date.year(), *year);
            }
        }
    }

    /// 国务院办公厅关于2026年部分节假日安排的通知: 33 days off, six make-up Saturdays/Sundays.
    #[test]
    fn the_2026_arrangement_as_published() {
        let days = shipped_days();
        let of_2026 = |kind| {
            days.iter()
                .filter(|(d, k)| d.year() == 2026 && *k == kind)
                .count()
        };
        assert_eq!(of_2026(DayKind::Holiday), 3 + 9 + 3 + 5 + 3 + 3 + 7);
        assert_eq!(of_2026(DayKind::Workday), 6);
        assert!(days.contains(&(date("2026-02-15"), DayKind::Holiday)));
        assert!(days.contains(&(date("2026-10-10"), DayKind::Workday)));
        // Every make-up workday falls on a weekend, every holiday is listed once.
        for (d, k) in &days {
            if *k == DayKind::Workday {
                assert!(d.weekday().to_monday_zero_offset() >= 5, "{d}");
            }
        }
        let mut dates: Vec<_> = days.iter().map(|(d, _)| *d).collect();
        dates.dedup();
        assert_eq!(dates.len(), days.len());
    }

    #[test]
    fn a_line_of_another_kind_is_refused_with_its_line() {
        let text = "{\"fact\":\"calendar.day\",\"at\":\"2025-11-04T17:00:00+08:00\",\"date\":\"2026-01-01\",\"kind\":\"holiday\"}\n{\"fact\":\"unit.defined\",\"at\":\"2026-01-01T00:00:00+08:00\",\"id\":\"U33\",\"name\":\"省厅\",\"level\":\"province\"}\n";
        let (line, error) = parse(text).unwrap_err();
        assert_eq!(line, 2);
        assert_eq!(error.field.as_deref(), Some("fact"));
    }
}
