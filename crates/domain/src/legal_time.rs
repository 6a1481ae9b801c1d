//! Legal time: when a limit falls due and how urgent a warning is, exactly as
//! `rules/README.md` ("Counting time", "Levels") and catalog T-01…T-07 say. Pure: the screening
//! time is an argument.
//!
//! - Hour and minute limits run from the anchor instant: a 12 h summons from 10:20 is due 22:20.
//! - Day limits do not count the start day and end at 24:00 of the N-th day after it (T-01,
//!   T-03): accepted 03-02 10:00 with 3 days is due 03-05 24:00.
//! - Month and year limits end on the same day of the N-th month, clamped to the month's last
//!   day (01-31 + 1 month → 02-28/29), at 24:00 (T-02).
//! - A day, month or year limit whose last day is a rest day moves to the end of the next
//!   working day, except a limit on a person's liberty, which never moves (T-01, T-03).
//! - A working-day limit (T-04: 处罚法 §85; T-05: 强制法 §69) counts only working days after
//!   the start day and ends at 24:00 of the N-th, which is a working day: nothing to move.
//! - "After N d" thresholds of platform policy are exact durations: no start-day rule, no move.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::{SignedDuration, Span, Timestamp, ToSpan};

use crate::at::CHINA;
use crate::elements::DayKind;

/// A limit as the law (or a platform threshold) states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Minutes(u32),
    Hours(u32),
    Days(u32),
    /// N working days (工作日): rest days and holidays between are not counted (T-04, T-05).
    WorkingDays(u32),
    Months(u32),
    Years(u32),
    /// A platform threshold "after N d": exactly N × 24 h from the anchor.
    ExactDays(u32),
}

/// Whether a limit moves past rest days at its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moves {
    /// Every limit but those on liberty.
    PastRestDays,
    /// Limits on a person's liberty (T-01 in custody, T-03 restricted liberty).
    Never,
}

/// The unit a limit is stated in, which sets its warning bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Hours,
    Days,
    Months,
}

impl Limit {
    /// The bands of the levels table this limit uses.
    pub fn scale(self) -> Scale {
        match self {
            Limit::Minutes(_) | Limit::Hours(_) => Scale::Hours,
            Limit::Days(_) | Limit::WorkingDays(_) | Limit::ExactDays(_) => Scale::Days,
            Limit::Months(_) | Limit::Years(_) => Scale::Months,
        }
    }

    /// The limit in Chinese (`3日`, `2个月`).
    pub fn label_zh(self) -> String {
        match self {
            Limit::Minutes(n) => format!("{n}分钟"),
            Limit::Hours(n) => format!("{n}小时"),
            Limit::Days(n) => format!("{n}日"),
            Limit::WorkingDays(n) => format!("{n}个工作日"),
            Limit::Months(n) => format!("{n}个月"),
            Limit::Years(n) => format!("{n}年"),
            Limit::ExactDays(n) => format!("{n}×24小时"),
        }
    }
}

/// Which days are rest days: weekends unless marked workday, and days marked holiday.
pub trait RestDays {
    fn is_rest_day(&self, date: Date) -> bool;

    /// Whether the year's arrangement of holidays and make-up workdays is known. A year that
    /// is not counts weekends alone, which can be wrong either way (a holiday missed, a
    /// make-up Saturday taken for a rest day), so a due time that relied on one says so.
    fn is_recorded(&self, year: i16) -> bool;
}

impl RestDays for BTreeMap<Date, DayKind> {
    /// A year is recorded when any of its days is: every published arrangement has holidays.
    fn is_recorded(&self, year: i16) -> bool {
        let (Ok(first), Ok(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else {
            return false;
        };
        self.range(first..=last).next().is_some()
    }

    fn is_rest_day(&self, date: Date) -> bool {
        match self.get(&date) {
            Some(DayKind::Holiday) => true,
            Some(DayKind::Workday) => false,
            None => matches!(
                date.weekday(),
                jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
            ),
        }
    }
}

/// When a limit falls due, and how that was worked out (for the warning's explanation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub anchor: Timestamp,
    pub limit: Limit,
    /// The due instant: a deadline is missed at this instant, not after it.
    pub at: Timestamp,
    /// For day, month and year limits: the last day as counted, before any move.
    pub last_day: Option<Date>,
    /// The rest days the end moved past, in order; for a working-day limit, the rest days the
    /// count skipped.
    pub moved_past: Vec<Date>,
    /// Periods the clock stood still (T-06: an appraisal's), `[from, to)` in days, each
    /// lengthening the limit by its days.
    pub excluded: Vec<(Date, Date)>,
    /// Days already served and offset against the limit (T-07), shortening it.
    pub offset_days: u32,
    /// The first year whose days the count looked at for rest days but whose arrangement is not
    /// recorded ([`RestDays::is_recorded`]): the due time is provisional until it is (recording
    /// a calendar re-screens every element).
    pub unrecorded_year: Option<i16>,
}

/// The first year from `from` to `to` (dates, inclusive) that the calendar has not recorded.
fn first_unrecorded(calendar: &impl RestDays, from: Date, to: Date) -> Option<i16> {
    (from.year()..=to.year()).find(|year| !calendar.is_recorded(*year))
}

/// The end (24:00) of a China civil date, as an instant: the start of the next day.
fn end_of_day(date: Date) -> Timestamp {
    let next = date.tomorrow().expect("dates stay within jiff's range");
    CHINA
        .to_timestamp(next.to_datetime(jiff::civil::Time::midnight()))
        .expect("China midnight is a valid instant")
}

/// T-02: when the start is the last day of its month, the last day of the month reached.
fn month_end_kept(start: Date, reached: Date) -> Date {
    if start.day() == start.days_in_month() {
        reached.last_of_month()
    } else {
        reached
    }
}

/// When `limit` from `anchor` falls due.
pub fn due(anchor: Timestamp, limit: Limit, moves: Moves, calendar: &impl RestDays) -> Due {
    let exact = |duration: SignedDuration| Due {
        anchor,
        limit,
        at: anchor
            .checked_add(duration)
            .expect("limits stay within jiff's range"),
        last_day: None,
        moved_past: Vec::new(),
        excluded: Vec::new(),
        offset_days: 0,
        unrecorded_year: None,
    };
    let start = CHINA.to_datetime(anchor).date();
    let counted = |span: Span| start.checked_add(span).expect("dates stay in range");
    let last_day = match limit {
        Limit::Minutes(n) => return exact(SignedDuration::from_mins(n.into())),
        Limit::Hours(n) => return exact(SignedDuration::from_hours(n.into())),
        Limit::ExactDays(n) => return exact(SignedDuration::from_hours(i64::from(n) * 24)),
        // The start day is not counted: the N-th day after it is the last.
        Limit::Days(n) => counted(i64::from(n).days()),
        // jiff clamps to the month's last day (01-31 + 1 month = 02-28, or 02-29); a start on
        // a month's last day ends on the last day of the month reached (T-02: 04-30 + 1 month
        // = 05-31).
        Limit::Months(n) => month_end_kept(start, counted(i64::from(n).months())),
        Limit::Years(n) => month_end_kept(start, counted(i64::from(n).years())),
        Limit::WorkingDays(n) => {
            let mut day = start;
            let mut skipped = Vec::new();
            let mut left = n;
            while left > 0 {
                day = day.tomorrow().expect("dates stay in range");
                if calendar.is_rest_day(day) {
                    skipped.push(day);
                } else {
                    left -= 1;
                }
            }
            let first = start.tomorrow().expect("dates stay in range");
            return Due {
                anchor,
                limit,
                at: end_of_day(day),
                last_day: Some(day),
                moved_past: skipped,
                excluded: Vec::new(),
                offset_days: 0,
                unrecorded_year: first_unrecorded(calendar, first, day),
            };
        }
    };
    let mut end = last_day;
    let mut moved_past = Vec::new();
    let mut unrecorded_year = None;
    if moves == Moves::PastRestDays {
        while calendar.is_rest_day(end) {
            moved_past.push(end);
            end = end.tomorrow().expect("dates stay in range");
        }
        // Only the last day and the days it moved past were looked at.
        unrecorded_year = first_unrecorded(calendar, last_day, end);
    }
    Due {
        anchor,
        limit,
        at: end_of_day(end),
        last_day: Some(last_day),
        moved_past,
        excluded: Vec::new(),
        offset_days: 0,
        unrecorded_year,
    }
}

/// The end of an administrative detention of `days` days from admission (T-07, 治安法12 §92):
/// counted in days, the day of admission to the next day being one day (so, as any day limit,
/// the N-th day after admission is the last), never moved (a limit on liberty), and shortened
/// one day for each day of earlier restriction of liberty for the same act (`offset_days`; a
/// detention wholly offset ends on the day of admission).
pub fn detention_due(admission: Timestamp, days: u32, offset_days: u32) -> Due {
    let offset_days = offset_days.min(days);
    let mut due = due(
        admission,
        Limit::Days(days - offset_days),
        Moves::Never,
        &BTreeMap::new(),
    );
    due.limit = Limit::Days(days);
    due.offset_days = offset_days;
    due
}

/// Days of a restriction of liberty from `from` to `to`, as detention counts them: the day it
/// began to the next is one day; a restriction begun and ended on one day is one day.
pub fn restricted_days(from: Timestamp, to: Timestamp) -> u32 {
    let (from, to) = (CHINA.to_datetime(from).date(), CHINA.to_datetime(to).date());
    days_between(from, to).max(1) as u32
}

/// Whole days from one date to a later one (0 if not later).
fn days_between(from: Date, to: Date) -> i32 {
    from.until(to).map_or(0, |span| span.get_days()).max(0)
}

/// As [`due`] for a day limit whose clock stands still during `excluded` periods (T-06:
/// "鉴定期间不计入办案期限", 行规 §165): each period `[from, to)` lengthens the limit by its
/// days, counted from the start day on (a period ending before it changes nothing; overlaps
/// count once). The lengthened limit then ends, and moves past rest days, as any day limit.
pub fn due_excluding(
    anchor: Timestamp,
    days: u32,
    moves: Moves,
    calendar: &impl RestDays,
    excluded: &[(Date, Date)],
) -> Due {
    let start = CHINA.to_datetime(anchor).date();
    let mut periods: Vec<(Date, Date)> = excluded
        .iter()
        .map(|(from, to)| ((*from).max(start), *to))
        .filter(|(from, to)| from < to)
        .collect();
    periods.sort();
    let mut merged: Vec<(Date, Date)> = Vec::new();
    for (from, to) in periods {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    let extra: i64 = merged
        .iter()
        .map(|(from, to)| i64::from(days_between(*from, *to)))
        .sum();
    let mut due = due(
        anchor,
        Limit::Days(days.saturating_add(extra as u32)),
        moves,
        calendar,
    );
    due.limit = Limit::Days(days);
    due.excluded = merged;
    due
}

impl Due {
    /// How the due time was computed, in Chinese: anchor, limit, last day, moves, and whether
    /// it waits on a year's holiday arrangement.
    pub fn explain_zh(&self) -> String {
        let mut text = self.count_zh();
        if let Some(year) = self.unrecorded_year {
            text.push_str(&format!(
                "（{year}年节假日安排尚未录入，暂按周六、周日为休息日计算，录入后自动重算）"
            ));
        }
        text
    }

    /// The count alone: anchor, limit, last day, moves.
    fn count_zh(&self) -> String {
        let show = |t: Timestamp| CHINA.to_datetime(t).strftime("%Y-%m-%d %H:%M").to_string();
        let mut text = format!("自{}起{}", show(self.anchor), self.limit.label_zh());
        if self.offset_days > 0 {
            text.push_str(&format!("，折抵先行限制人身自由{}日", self.offset_days));
        }
        if let (Limit::WorkingDays(_), Some(last)) = (self.limit, self.last_day) {
            text.push_str("，起算日不计入");
            if !self.moved_past.is_empty() {
                text.push_str(&format!(
                    "，其间节假日/休息日{}天不计",
                    self.moved_past.len()
                ));
            }
            text.push_str(&format!("，期限末日为{last}，于{last} 24:00届满"));
            return text;
        }
        if let Some(last) = self.last_day {
            text.push_str("，起算日不计入");
            for (from, to) in &self.excluded {
                let through = to.yesterday().expect("dates stay in range");
                let days = days_between(*from, *to);
                text.push_str(&format!("，{from}至{through}鉴定期间{days}日不计入"));
            }
            text.push_str(&format!("，期限末日为{last}"));
            if let (Some(first), Some(end)) = (self.moved_past.first(), self.moved_past.last()) {
                let to = end.tomorrow().expect("dates stay in range");
                text.push_str(&format!("，{first}至{end}为节假日/休息日，顺延至{to}"));
            }
            let shown_day = last_or_moved(self);
            text.push_str(&format!("，于{shown_day} 24:00届满"));
        } else {
            text.push_str(&format!("，于{}届满", show(self.at)));
        }
        text
    }
}

fn last_or_moved(due: &Due) -> Date {
    CHINA
        .to_datetime(due.at)
        .date()
        .yesterday()
        .expect("dates stay in range")
}

/// Warning levels (蓝黄红).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Blue,
    Yellow,
    Red,
}

impl Level {
    /// 蓝 / 黄 / 红.
    pub fn label_zh(self) -> &'static str {
        match self {
            Level::Blue => "蓝",
            Level::Yellow => "黄",
            Level::Red => "红",
        }
    }
}

/// The level of a deadline still open at `now` (README "Levels"); `custody` is RQ-09's early red
/// (seven days before a custody period ends, when the extension must be requested).
pub fn level(due: &Due, now: Timestamp, custody: bool) -> Option<Level> {
    let left = due.at.duration_since(now);
    let period = due.at.duration_since(due.anchor);
    let hour = SignedDuration::from_hours(1);
    let day = SignedDuration::from_hours(24);
    if left <= SignedDuration::ZERO {
        return Some(Level::Red);
    }
    match due.limit.scale() {
        Scale::Hours => {
            let elapsed = now.duration_since(due.anchor);
            // Compared in seconds times 4, so that 50 % and 75 % include their boundary exactly.
            let (elapsed, period) = (elapsed.as_secs(), period.as_secs());
            if elapsed * 4 >= period * 3 || left <= hour {
                Some(Level::Yellow)
            } else if elapsed * 2 >= period {
                Some(Level::Blue)
            } else {
                None
            }
        }
        Scale::Days => {
            let third = SignedDuration::from_secs(period.as_secs() / 3);
            if left <= day {
                Some(Level::Yellow)
            } else if left <= (day * 2).max(third) {
                Some(Level::Blue)
            } else {
                None
            }
        }
        Scale::Months => {
            if custody && left <= day * 7 {
                Some(Level::Red)
            } else if left <= day * 15 {
                Some(Level::Yellow)
            } else if left <= day * 30 {
                Some(Level::Blue)
            } else {
                None
            }
        }
    }
}

/// The instants at which `level(due, ·, custody)` may change: the start of each band, the
/// same arithmetic as [`level`]. The engine wakes an element at the first one after now
/// (`next_due`), so a warning rises when its band begins, not at the next screening.
pub fn level_changes(due: &Due, custody: bool) -> Vec<Timestamp> {
    let period = due.at.duration_since(due.anchor);
    let hour = SignedDuration::from_hours(1);
    let day = SignedDuration::from_hours(24);
    let before = |d: SignedDuration| due.at.checked_sub(d).unwrap_or(due.at);
    let after_anchor = |secs: i64| {
        due.anchor
            .checked_add(SignedDuration::from_secs(secs))
            .unwrap_or(due.at)
    };
    let mut changes = match due.limit.scale() {
        Scale::Hours => {
            // The first whole second at which elapsed × 2 ≥ period (× 4 ≥ period × 3).
            let secs = period.as_secs();
            vec![
                after_anchor((secs + 1) / 2),
                after_anchor((secs * 3 + 3) / 4),
                before(hour),
            ]
        }
        Scale::Days => {
            let third = SignedDuration::from_secs(period.as_secs() / 3);
            vec![before((day * 2).max(third)), before(day)]
        }
        Scale::Months => {
            let mut months = vec![before(day * 30), before(day * 15)];
            if custody {
                months.push(before(day * 7));
            }
            months
        }
    };
    changes.push(due.at);
    changes.sort();
    changes.dedup();
    changes
}

/// The first instant after `now` at which the level of `due` may change.
pub fn next_change(due: &Due, now: Timestamp, custody: bool) -> Option<Timestamp> {
    level_changes(due, custody).into_iter().find(|t| *t > now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(text: &str) -> Timestamp {
        crate::At::parse(text).unwrap().instant()
    }

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn no_holidays() -> BTreeMap<Date, DayKind> {
        BTreeMap::new()
    }

    /// National Day 2026 (the scenario `02-holiday-filing-review`).
    fn national_day() -> BTreeMap<Date, DayKind> {
        (1..=7)
            .map(|d| (date(&format!("2026-10-{d:02}")), DayKind::Holiday))
            .collect()
    }

    /// (what it shows, anchor, limit, moves, calendar, due).
    type DueCase = (
        &'static str,
        &'static str,
        Limit,
        Moves,
        BTreeMap<Date, DayKind>,
        &'static str,
    );

    /// (what it shows, limit, anchor, now, custody, level).
    type LevelCase = (
        &'static str,
        Limit,
        &'static str,
        &'static str,
        bool,
        Option<Level>,
    );

    #[test]
    fn due_times_as_the_rules_count_them() {
        let cases: &[DueCase] = &[
            (
                "README: a 12 h summons from 10:20 is due 22:20 (CPL §119)",
                "2026-03-02T10:20:00+08:00",
                Limit::Hours(12),
                Moves::Never,
                no_holidays(),
                "2026-03-02T22:20:00+08:00",
            ),
            (
                "README / T-01: the start day is not counted; 3 days from 03-02 10:00 end 03-05 24:00 (a Thursday)",
                "2026-03-02T10:00:00+08:00",
                Limit::Days(3),
                Moves::PastRestDays,
                no_holidays(),
                "2026-03-06T00:00:00+08:00",
            ),
            (
                "T-01: a last day on National Day moves to 10-08, the next working day",
                "2026-09-28T10:00:00+08:00",
                Limit::Days(3),
                Moves::PastRestDays,
                national_day(),
                "2026-10-09T00:00:00+08:00",
            ),
            (
                "T-01: in custody no extension: 3 days of detention end on the holiday (CPL §91)",
                "2026-09-28T10:00:00+08:00",
                Limit::Days(3),
                Moves::Never,
                national_day(),
                "2026-10-02T00:00:00+08:00",
            ),
            (
                "T-01: a weekend last day moves to Monday (2026-03-07 is a Saturday)",
                "2026-03-04T09:00:00+08:00",
                Limit::Days(3),
                Moves::PastRestDays,
                no_holidays(),
                "2026-03-10T00:00:00+08:00",
            ),
            (
                "calendar.day workday: a Saturday made a working day does not move",
                "2026-03-04T09:00:00+08:00",
                Limit::Days(3),
                Moves::PastRestDays,
                [(date("2026-03-07"), DayKind::Workday)]
                    .into_iter()
                    .collect(),
                "2026-03-08T00:00:00+08:00",
            ),
            (
                "T-02: 12-31 + 2 months clamps to 02-28; custody (RQ-09) does not move off the Sunday",
                "2026-12-31T10:00:00+08:00",
                Limit::Months(2),
                Moves::Never,
                no_holidays(),
                "2027-03-01T00:00:00+08:00",
            ),
            (
                "T-02 (高法解释 §202): a start on a month's last day ends on the next month's last day",
                "2026-04-30T10:00:00+08:00",
                Limit::Months(1),
                Moves::Never,
                no_holidays(),
                "2026-06-01T00:00:00+08:00",
            ),
            (
                "T-02: 02-28 is February's last day in 2026: + 2 months (RQ-09) ends 04-30",
                "2026-02-28T10:00:00+08:00",
                Limit::Months(2),
                Moves::Never,
                no_holidays(),
                "2026-05-01T00:00:00+08:00",
            ),
            (
                "T-02: a leap year clamps to 02-29",
                "2028-01-31T10:00:00+08:00",
                Limit::Months(1),
                Moves::Never,
                no_holidays(),
                "2028-03-01T00:00:00+08:00",
            ),
            (
                "T-02: 01-31 + 12 months (bail, RQ-13) ends 2027-01-31, a Sunday: moves to Monday",
                "2026-01-31T10:00:00+08:00",
                Limit::Months(12),
                Moves::PastRestDays,
                no_holidays(),
                "2027-02-02T00:00:00+08:00",
            ),
            (
                "T-04 (处罚法 §85): 2 working days from Friday 03-06 skip the weekend: Tuesday 03-10",
                "2026-03-06T15:00:00+08:00",
                Limit::WorkingDays(2),
                Moves::PastRestDays,
                no_holidays(),
                "2026-03-11T00:00:00+08:00",
            ),
            (
                "T-04 (处罚法 §56, §85): 7 working days from Monday 09-28 skip National Day and a weekend: 09-29, 09-30, 10-08, 10-09, 10-12, 10-13, 10-14",
                "2026-09-28T10:00:00+08:00",
                Limit::WorkingDays(7),
                Moves::PastRestDays,
                national_day(),
                "2026-10-15T00:00:00+08:00",
            ),
            (
                "T-05 (强制法 §69): a Saturday made a working day counts",
                "2026-03-05T09:00:00+08:00",
                Limit::WorkingDays(2),
                Moves::PastRestDays,
                [(date("2026-03-07"), DayKind::Workday)]
                    .into_iter()
                    .collect(),
                "2026-03-08T00:00:00+08:00",
            ),
            (
                "README: a threshold \"after 7 d\" is exactly 7 × 24 h, no start-day rule",
                "2026-03-02T10:00:00+08:00",
                Limit::ExactDays(7),
                Moves::PastRestDays,
                no_holidays(),
                "2026-03-09T10:00:00+08:00",
            ),
        ];
        for (what, anchor, limit, moves, calendar, expected) in cases {
            let due = due(at(anchor), *limit, *moves, calendar);
            assert_eq!(due.at, at(expected), "{what}: {}", due.explain_zh());
        }
    }

    #[test]
    fn the_explanation_names_the_last_day_and_the_move() {
        let due = due(
            at("2026-09-28T10:00:00+08:00"),
            Limit::Days(3),
            Moves::PastRestDays,
            &national_day(),
        );
        assert_eq!(
            due.explain_zh(),
            "自2026-09-28 10:00起3日，起算日不计入，期限末日为2026-10-01，\
             2026-10-01至2026-10-07为节假日/休息日，顺延至2026-10-08，于2026-10-08 24:00届满"
        );
    }

    /// A due time that looked at a year's days for rest days while that year's arrangement is
    /// not recorded says so (rules/README.md "Counting time": rest days come from the calendar);
    /// one that looked only at recorded years, or never moves, does not.
    #[test]
    fn a_count_into_an_unrecorded_year_says_so() {
        let recorded_2026 = national_day();
        let with_2027: BTreeMap<Date, DayKind> = national_day()
            .into_iter()
            .chain([(date("2027-01-01"), DayKind::Holiday)])
            .collect();
        // (what it shows, anchor, limit, moves, calendar, the year it waits on)
        type Case<'a> = (
            &'a str,
            &'a str,
            Limit,
            Moves,
            &'a BTreeMap<Date, DayKind>,
            Option<i16>,
        );
        let cases: &[Case] = &[
            (
                "T-01: 3 days from 2026-12-29 end on 2027-01-01, a year not recorded",
                "2026-12-29T10:00:00+08:00",
                Limit::Days(3),
                Moves::PastRestDays,
                &recorded_2026,
                Some(2027),
            ),
            (
                "T-01: the same with 2027 recorded",
                "2026-12-29T10:00:00+08:00",
                Limit::Days(3),
                Moves::PastRestDays,
                &with_2027,
                None,
            ),
            (
                "T-01: within 2026, recorded",
                "2026-03-02T10:00:00+08:00",
                Limit::Days(3),
                Moves::PastRestDays,
                &recorded_2026,
                None,
            ),
            (
                "T-01 (CPL §91): in custody the end never moves, so no calendar is read",
                "2026-12-29T10:00:00+08:00",
                Limit::Days(3),
                Moves::Never,
                &recorded_2026,
                None,
            ),
            (
                "T-04 (处罚法 §85): 5 working days from 2026-12-28 count days of 2027",
                "2026-12-28T10:00:00+08:00",
                Limit::WorkingDays(5),
                Moves::PastRestDays,
                &recorded_2026,
                Some(2027),
            ),
            (
                "T-02: 12 months of bail (RQ-13) from 2026-01-31 end in 2027",
                "2026-01-31T10:00:00+08:00",
                Limit::Months(12),
                Moves::PastRestDays,
                &recorded_2026,
                Some(2027),
            ),
            (
                "README: an exact threshold reads no calendar",
                "2026-12-29T10:00:00+08:00",
                Limit::ExactDays(7),
                Moves::PastRestDays,
                &recorded_2026,
                None,
            ),
        ];
        for (what, anchor, limit, moves, calendar, expected) in cases {
            let due = due(at(anchor), *limit, *moves, *calendar);
            assert_eq!(due.unrecorded_year, *expected, "{what}");
            let note = "年节假日安排尚未录入";
            assert_eq!(
                due.explain_zh().contains(note),
                expected.is_some(),
                "{what}: {}",
                due.explain_zh()
            );
            if let Some(year) = expected {
                assert!(
                    due.explain_zh().contains(&format!("（{year}{note}")),
                    "{what}"
                );
            }
        }
    }

    /// T-06 (行规 §165: "为了查明案情进行鉴定的期间，不计入办理治安案件的期限").
    #[test]
    fn an_appraisal_period_lengthens_a_day_limit() {
        let accepted = at("2026-03-02T10:00:00+08:00");
        // 30 d end 04-01 (a Wednesday); an appraisal 03-05 → 03-15 adds its 10 days: 04-11, a
        // Saturday, moved to Monday 04-13.
        // 2026 recorded (National Day only matters in October), so the count is not provisional.
        let due = due_excluding(
            accepted,
            30,
            Moves::PastRestDays,
            &national_day(),
            &[(date("2026-03-05"), date("2026-03-15"))],
        );
        assert_eq!(due.at, at("2026-04-14T00:00:00+08:00"));
        assert_eq!(
            due.explain_zh(),
            "自2026-03-02 10:00起30日，起算日不计入，2026-03-05至2026-03-14鉴定期间10日不计入，\
             期限末日为2026-04-11，2026-04-11至2026-04-12为节假日/休息日，顺延至2026-04-13，\
             于2026-04-13 24:00届满"
        );
        // Overlapping appraisals count once; one ending before acceptance counts nothing.
        let overlapping = due_excluding(
            accepted,
            30,
            Moves::PastRestDays,
            &no_holidays(),
            &[
                (date("2026-03-05"), date("2026-03-15")),
                (date("2026-03-10"), date("2026-03-12")),
                (date("2026-02-01"), date("2026-02-10")),
            ],
        );
        assert_eq!(overlapping.at, due.at);
        let none = due_excluding(accepted, 30, Moves::PastRestDays, &no_holidays(), &[]);
        assert_eq!(
            none,
            super::due(
                accepted,
                Limit::Days(30),
                Moves::PastRestDays,
                &no_holidays()
            )
        );
    }

    /// T-07 (治安法12 §92: 限制人身自由一日，折抵行政拘留一日; the day of admission to the next
    /// is one day).
    #[test]
    fn a_detention_counts_days_from_admission_and_is_offset() {
        let admitted = at("2026-03-06T15:00:00+08:00");
        // 10 days from Friday 03-06: the 10th day after is 03-16, released by its end, even
        // though 03-07/08 and 03-14/15 are weekends (liberty limits never move).
        let due = detention_due(admitted, 10, 0);
        assert_eq!(due.at, at("2026-03-17T00:00:00+08:00"));
        // Held in criminal detention 03-01 10:00 → 03-03 09:00: two days offset.
        let offset = restricted_days(
            at("2026-03-01T10:00:00+08:00"),
            at("2026-03-03T09:00:00+08:00"),
        );
        assert_eq!(offset, 2);
        let due = detention_due(admitted, 10, offset);
        assert_eq!(due.at, at("2026-03-15T00:00:00+08:00"));
        assert_eq!(
            due.explain_zh(),
            "自2026-03-06 15:00起10日，折抵先行限制人身自由2日，起算日不计入，期限末日为2026-03-14，于2026-03-14 24:00届满"
        );
        // A restriction begun and ended on one day is one day; a detention wholly offset ends
        // on the day of admission.
        assert_eq!(
            restricted_days(
                at("2026-03-01T10:00:00+08:00"),
                at("2026-03-01T20:00:00+08:00")
            ),
            1
        );
        assert_eq!(
            detention_due(admitted, 3, 5).at,
            at("2026-03-07T00:00:00+08:00")
        );
    }

    #[test]
    fn a_working_day_explanation_says_what_it_skipped() {
        let due = due(
            at("2026-09-28T10:00:00+08:00"),
            Limit::WorkingDays(7),
            Moves::PastRestDays,
            &national_day(),
        );
        assert_eq!(
            due.explain_zh(),
            "自2026-09-28 10:00起7个工作日，起算日不计入，其间节假日/休息日9天不计，\
             期限末日为2026-10-14，于2026-10-14 24:00届满"
        );
    }

    #[test]
    fn levels_by_the_bands_of_the_limit() {
        let cases: &[LevelCase] = &[
            (
                "hours: blue at exactly 50 %",
                Limit::Hours(12),
                "2026-03-02T10:00:00+08:00",
                "2026-03-02T16:00:00+08:00",
                false,
                Some(Level::Blue),
            ),
            (
                "hours: nothing a second before 50 %",
                Limit::Hours(12),
                "2026-03-02T10:00:00+08:00",
                "2026-03-02T15:59:59+08:00",
                false,
                None,
            ),
            (
                "hours: yellow at 75 %",
                Limit::Hours(12),
                "2026-03-02T10:00:00+08:00",
                "2026-03-02T19:00:00+08:00",
                false,
                Some(Level::Yellow),
            ),
            (
                "hours: yellow with 1 h left even before 75 % (a 2 h limit)",
                Limit::Hours(2),
                "2026-03-02T10:00:00+08:00",
                "2026-03-02T11:00:00+08:00",
                false,
                Some(Level::Yellow),
            ),
            (
                "hours: red at the due instant",
                Limit::Hours(12),
                "2026-03-02T10:00:00+08:00",
                "2026-03-02T22:00:00+08:00",
                false,
                Some(Level::Red),
            ),
            (
                "days: blue with max(2 d, P/3) left",
                Limit::Days(3),
                "2026-03-02T10:00:00+08:00",
                "2026-03-04T00:00:00+08:00",
                false,
                Some(Level::Blue),
            ),
            (
                "days: nothing with more left",
                Limit::Days(3),
                "2026-03-02T10:00:00+08:00",
                "2026-03-03T23:59:59+08:00",
                false,
                None,
            ),
            (
                "days: yellow with 24 h left",
                Limit::Days(3),
                "2026-03-02T10:00:00+08:00",
                "2026-03-05T00:00:00+08:00",
                false,
                Some(Level::Yellow),
            ),
            (
                "days: red when passed",
                Limit::Days(3),
                "2026-03-02T10:00:00+08:00",
                "2026-03-06T00:00:00+08:00",
                false,
                Some(Level::Red),
            ),
            (
                "days: a 30-day limit (due 04-01 24:00) turns blue with P/3 left, not 2 d",
                Limit::Days(30),
                "2026-03-02T10:00:00+08:00",
                "2026-03-23T00:00:00+08:00",
                false,
                Some(Level::Blue),
            ),
            (
                "days: the same limit is not yet blue with 10 d 15 h left",
                Limit::Days(30),
                "2026-03-02T10:00:00+08:00",
                "2026-03-22T09:00:00+08:00",
                false,
                None,
            ),
            (
                "months: scenario 07, RQ-09 blue on 02-10",
                Limit::Months(2),
                "2026-12-31T10:00:00+08:00",
                "2027-02-10T09:00:00+08:00",
                true,
                Some(Level::Blue),
            ),
            (
                "months: scenario 07, RQ-09 yellow on 02-15",
                Limit::Months(2),
                "2026-12-31T10:00:00+08:00",
                "2027-02-15T09:00:00+08:00",
                true,
                Some(Level::Yellow),
            ),
            (
                "months: scenario 07, RQ-09 red 7 d before, custody",
                Limit::Months(2),
                "2026-12-31T10:00:00+08:00",
                "2027-02-22T09:00:00+08:00",
                true,
                Some(Level::Red),
            ),
            (
                "months: the same day is only yellow without custody",
                Limit::Months(2),
                "2026-12-31T10:00:00+08:00",
                "2027-02-22T09:00:00+08:00",
                false,
                Some(Level::Yellow),
            ),
        ];
        for (what, limit, anchor, now, custody, expected) in cases {
            let due = due(at(anchor), *limit, Moves::Never, &no_holidays());
            assert_eq!(level(&due, at(now), *custody), *expected, "{what}");
        }
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2000i16..2100, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
            Date::new(y, m, d).unwrap_or_else(|_| Date::new(y, m, 28).unwrap())
        })
    }

    fn any_calendar() -> impl Strategy<Value = BTreeMap<Date, DayKind>> {
        proptest::collection::btree_map(
            any_date(),
            prop_oneof![Just(DayKind::Holiday), Just(DayKind::Workday)],
            0..40,
        )
    }

    fn anchor_on(date: Date, minute: i32) -> Timestamp {
        let time = jiff::civil::Time::midnight()
            .checked_add(SignedDuration::from_mins(minute.into()))
            .unwrap();
        CHINA.to_timestamp(date.to_datetime(time)).unwrap()
    }

    proptest! {
        /// Day limits: due at a China midnight; the last day is the N-th after the start day;
        /// a moving limit ends on a working day, a liberty limit exactly there.
        #[test]
        fn day_limits_end_at_midnight_on_a_working_day(
            start in any_date(), minute in 0i32..1440, n in 1u32..60,
            calendar in any_calendar(), liberty in any::<bool>(),
        ) {
            let moves = if liberty { Moves::Never } else { Moves::PastRestDays };
            let due = due(anchor_on(start, minute), Limit::Days(n), moves, &calendar);
            let last = CHINA.to_datetime(due.at).date().yesterday().unwrap();
            prop_assert_eq!(CHINA.to_datetime(due.at).time(), jiff::civil::Time::midnight());
            prop_assert_eq!(due.last_day, Some(start.checked_add(i64::from(n).days()).unwrap()));
            if liberty {
                prop_assert_eq!(Some(last), due.last_day);
            } else {
                prop_assert!(!calendar.is_rest_day(last));
                prop_assert!(last >= due.last_day.unwrap());
                for moved in &due.moved_past {
                    prop_assert!(calendar.is_rest_day(*moved));
                }
            }
        }

        /// Working-day limits (T-04, T-05): the last day is a working day with exactly N working
        /// days after the start day up to it, and never before the natural-day limit moved past
        /// rest days — which is why natural days are the safe default (catalog §14 item 6).
        #[test]
        fn working_days_count_n_working_days_and_end_no_earlier(
            start in any_date(), minute in 0i32..1440, n in 1u32..30, calendar in any_calendar(),
        ) {
            let anchor = anchor_on(start, minute);
            let working = due(anchor, Limit::WorkingDays(n), Moves::PastRestDays, &calendar);
            let last = working.last_day.unwrap();
            prop_assert!(!calendar.is_rest_day(last));
            prop_assert_eq!(working.at, end_of_day(last));
            let mut counted = 0;
            let mut day = start.tomorrow().unwrap();
            while day <= last {
                if !calendar.is_rest_day(day) {
                    counted += 1;
                } else {
                    prop_assert!(working.moved_past.contains(&day));
                }
                day = day.tomorrow().unwrap();
            }
            prop_assert_eq!(counted, n);
            let natural = due(anchor, Limit::Days(n), Moves::PastRestDays, &calendar);
            prop_assert!(natural.at <= working.at);
        }

        /// Month limits: the same day N months on, or that month's last day when it is shorter.
        #[test]
        fn months_keep_the_day_or_clamp_to_the_month_end(start in any_date(), n in 1u32..36) {
            let due = due(anchor_on(start, 600), Limit::Months(n), Moves::Never, &BTreeMap::new());
            let last = due.last_day.unwrap();
            let months = i32::from(start.year()) * 12 + i32::from(start.month()) - 1 + n as i32;
            prop_assert_eq!(i32::from(last.year()) * 12 + i32::from(last.month()) - 1, months);
            if start.day() == start.days_in_month() {
                prop_assert_eq!(last.day(), last.days_in_month(), "T-02: month end to month end");
            } else {
                prop_assert_eq!(last.day(), start.day().min(last.days_in_month()));
            }
        }

        /// A level never goes down as time passes.
        #[test]
        fn levels_only_rise(
            start in any_date(), minute in 0i32..1440, limit in prop_oneof![
                (1u32..72).prop_map(Limit::Hours), (1u32..60).prop_map(Limit::Days),
                (1u32..20).prop_map(Limit::WorkingDays), (1u32..24).prop_map(Limit::Months)],
            a in 0i64..200 * 86_400, b in 0i64..200 * 86_400, custody in any::<bool>(),
        ) {
            let due = due(anchor_on(start, minute), limit, Moves::Never, &BTreeMap::new());
            let (early, late) = (a.min(b), a.max(b));
            let when = |s: i64| due.anchor.checked_add(SignedDuration::from_secs(s)).unwrap();
            prop_assert!(level(&due, when(early), custody) <= level(&due, when(late), custody));
        }

        /// The level holds from now until the next change, and no change is missed: between
        /// consecutive change instants the level is constant.
        #[test]
        fn levels_change_only_at_the_listed_instants(
            start in any_date(), minute in 0i32..1440, limit in prop_oneof![
                (1u32..600).prop_map(Limit::Minutes), (1u32..72).prop_map(Limit::Hours),
                (1u32..60).prop_map(Limit::Days), (1u32..60).prop_map(Limit::ExactDays),
                (1u32..20).prop_map(Limit::WorkingDays), (1u32..24).prop_map(Limit::Months)],
            offset in -86_400i64..200 * 86_400, custody in any::<bool>(),
        ) {
            let due = due(anchor_on(start, minute), limit, Moves::Never, &BTreeMap::new());
            let now = due.anchor.checked_add(SignedDuration::from_secs(offset)).unwrap();
            let second = SignedDuration::from_secs(1);
            match next_change(&due, now, custody) {
                Some(next) => {
                    prop_assert_eq!(level(&due, now, custody), level(&due, next - second, custody));
                    prop_assert!(next <= due.at);
                }
                None => prop_assert_eq!(level(&due, now, custody), Some(Level::Red)),
            }
            // From the anchor to the first change after it, the level does not move.
            if let Some(first) = next_change(&due, due.anchor, custody) {
                prop_assert_eq!(level(&due, due.anchor, custody), level(&due, first - second, custody));
            }
            // Sampled seconds: a change between two listed instants would be a miss.
            let changes = level_changes(&due, custody);
            for pair in changes.windows(2) {
                let mid = pair[0] + SignedDuration::from_secs(pair[1].duration_since(pair[0]).as_secs() / 2);
                prop_assert_eq!(level(&due, pair[0], custody), level(&due, mid, custody));
                prop_assert_eq!(level(&due, mid, custody), level(&due, pair[1] - second, custody));
            }
        }
    }
}
