//! The legal calendar shipped as data: each year's public holidays and make-up workdays as the
//! State Council publishes them, one `calendar.day` fact per line in `data/calendar/cn-YYYY.jsonl`.
//! A deployment records them with `zhifa admin calendar` (the demo province carries them); the
//! rules read only `calendar.day` facts, so a year that is not recorded counts weekends alone.

use std::collections::BTreeMap;

use jiff::civil::{Date, Weekday};

use crate::At;
use crate::elements::DayKind;
use crate::error::DomainError;
use crate::fact::{CalendarDay, Fact, FactBody};

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

/// Of some facts, those that change `calendar`: a day already recorded alike is left out.
pub fn changes(facts: Vec<Fact>, calendar: &BTreeMap<Date, DayKind>) -> Vec<Fact> {
    facts
        .into_iter()
        .filter(|f| match &f.body {
            FactBody::CalendarDay(d) => calendar.get(&d.date) != Some(&d.kind),
            _ => true,
        })
        .collect()
}

/// One recorded year of a calendar: its holidays and make-up workdays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Year {
    pub year: i16,
    pub holidays: usize,
    pub workdays: usize,
}

/// The years a calendar has recorded, oldest first.
pub fn years(calendar: &BTreeMap<Date, DayKind>) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for (date, kind) in calendar {
        if years.last().is_none_or(|y| y.year != date.year()) {
            years.push(Year {
                year: date.year(),
                holidays: 0,
                workdays: 0,
            });
        }
        let year = years.last_mut().expect("pushed above");
        match kind {
            DayKind::Holiday => year.holidays += 1,
            DayKind::Workday => year.workdays += 1,
        }
    }
    years
}

/// A year's arrangement as an administrator copies it from the State Council's notice: the
/// days off and the make-up workdays, each a list of dates (`2027-01-01`) or ranges
/// (`2027-02-15至2027-02-23`, or with `~`), separated by spaces, commas, `、` or new lines.
/// The `calendar.day` facts, at `at`, holidays first; every date must lie in `year`, a make-up
/// workday on a Saturday or Sunday, and no date in both lists.
pub fn arrangement(
    year: i16,
    holidays: &str,
    workdays: &str,
    at: At,
) -> Result<Vec<Fact>, DomainError> {
    let off = dates_of(year, "holidays", holidays)?;
    if off.is_empty() {
        return Err(wrong(
            "holidays",
            format!("请填写{year}年的放假日期"),
            "no holiday given",
        ));
    }
    let on = dates_of(year, "workdays", workdays)?;
    for day in &on {
        if off.contains(day) {
            return Err(wrong(
                "workdays",
                format!("{day}已列为放假日期"),
                format!("{day} is listed as a holiday too"),
            ));
        }
        if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            return Err(wrong(
                "workdays",
                format!("{day}不是周六或周日，无须调休上班"),
                format!("{day} is not a weekend day"),
            ));
        }
    }
    let fact = |date: Date, kind: DayKind| {
        Fact::new(at, FactBody::CalendarDay(CalendarDay { date, kind }))
    };
    Ok(off
        .into_iter()
        .map(|d| fact(d, DayKind::Holiday))
        .chain(on.into_iter().map(|d| fact(d, DayKind::Workday)))
        .collect())
}

/// A wrong entry in a list of [`arrangement`], named by the list's label on the admin page.
fn wrong(field: &str, zh: impl std::fmt::Display, en: impl std::fmt::Display) -> DomainError {
    let label = match field {
        "holidays" => "放假日期",
        "workdays" => "调休上班日期",
        _ => field,
    };
    DomainError::new(
        crate::error::ErrorCode::Invalid,
        format!("{label}：{zh}"),
        format!("{field}: {en}"),
    )
    .at_field(field)
}

/// The dates of one list of [`arrangement`], in order, each once.
fn dates_of(year: i16, field: &str, text: &str) -> Result<Vec<Date>, DomainError> {
    let parse = |token: &str, whole: &str| -> Result<Date, DomainError> {
        let date: Date = token.trim().parse().map_err(|_| {
            wrong(
                field,
                format!("“{whole}”不是日期，应为 YYYY-MM-DD 或 YYYY-MM-DD至YYYY-MM-DD"),
                format!("`{whole}` is not a date or a range of dates"),
            )
        })?;
        if date.year() != year {
            return Err(wrong(
                field,
                format!("{date}不在{year}年"),
                format!("{date} is not in {year}"),
            ));
        }
        Ok(date)
    };
    let mut dates = Vec::new();
    let separators = |c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；');
    for token in text.split(separators).filter(|t| !t.is_empty()) {
        match token.split_once(['至', '~', '～']) {
            Some((from, to)) => {
                let (from, to) = (parse(from, token)?, parse(to, token)?);
                if from > to {
                    return Err(wrong(
                        field,
                        format!("“{token}”起止颠倒"),
                        format!("`{token}` ends before it starts"),
                    ));
                }
                let mut day = from;
                while day <= to {
                    dates.push(day);
                    day = day.tomorrow().expect("within the year");
                }
            }
            None => dates.push(parse(token, token)?),
        }
    }
    dates.sort();
    dates.dedup();
    Ok(dates)
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

    /// 国务院办公厅关于2026年部分节假日安排的通知, as an administrator would type it: the
    /// same days as the shipped file.
    #[test]
    fn an_arrangement_typed_in_gives_the_published_days() {
        let holidays = "2026-01-01至2026-01-03, 2026-02-15~2026-02-23、2026-04-04至2026-04-06\n\
                        2026-05-01至2026-05-05 2026-06-19至2026-06-21；2026-09-25至2026-09-27 \
                        2026-10-01至2026-10-07";
        let workdays = "2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10";
        let at = At::parse("2025-11-04T17:00:00+08:00").unwrap();
        let facts = arrangement(2026, holidays, workdays, at).unwrap();
        let typed: BTreeMap<Date, DayKind> = facts
            .iter()
            .map(|f| match &f.body {
                FactBody::CalendarDay(d) => (d.date, d.kind),
                other => panic!("{other:?}"),
            })
            .collect();
        let published: BTreeMap<Date, DayKind> = shipped_days()
            .into_iter()
            .filter(|(d, _)| d.year() == 2026)
            .collect();
        assert_eq!(typed, published);
        assert_eq!(
            years(&typed),
            vec![Year {
                year: 2026,
                holidays: 33,
                workdays: 6
            }]
        );
    }

    #[test]
    fn a_wrong_arrangement_names_its_field_and_day() {
        let at = At::parse("2026-11-04T17:00:00+08:00").unwrap();
        // (what, holidays, workdays, field at fault, words the message holds)
        let cases = [
            ("no holiday", "", "", "holidays", "放假日期"),
            ("not a date", "2027-01-01 元旦", "", "holidays", "“元旦”"),
            (
                "another year",
                "2026-12-31至2027-01-01",
                "",
                "holidays",
                "不在2027年",
            ),
            (
                "reversed",
                "2027-01-03至2027-01-01",
                "",
                "holidays",
                "起止颠倒",
            ),
            (
                "a weekday to work",
                "2027-01-01",
                "2027-01-04",
                "workdays",
                "不是周六或周日",
            ),
            (
                "both",
                "2027-01-02",
                "2027-01-02",
                "workdays",
                "已列为放假日期",
            ),
        ];
        for (what, holidays, workdays, field, words) in cases {
            let error = arrangement(2027, holidays, workdays, at).unwrap_err();
            assert_eq!(error.field.as_deref(), Some(field), "{what}");
            assert!(
                error.message_zh.contains(words),
                "{what}: {}",
                error.message_zh
            );
        }
    }

    #[test]
    fn a_line_of_another_kind_is_refused_with_its_line() {
        let text = "{\"fact\":\"calendar.day\",\"at\":\"2025-11-04T17:00:00+08:00\",\"date\":\"2026-01-01\",\"kind\":\"holiday\"}\n{\"fact\":\"unit.defined\",\"at\":\"2026-01-01T00:00:00+08:00\",\"id\":\"U33\",\"name\":\"省厅\",\"level\":\"province\"}\n";
        let (line, error) = parse(text).unwrap_err();
        assert_eq!(line, 2);
        assert_eq!(error.field.as_deref(), Some("fact"));
    }
}
