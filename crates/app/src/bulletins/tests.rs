//! The bulletins' figures over a hand-built world: three stations' worth of warnings worked
//! through the loop at known times, and every figure asserted exactly.

use super::*;
use domain::{At, Fact};

/// A county U1 with two stations UA and UB; cases C1 (UA), C2 (UB), C3 (U1 itself); and the
/// warnings:
/// - YJ1 UA XS-04: blue 03-01 10:00, red 03-02 08:00, never handled (handling limit ends at
///   03-03 08:00, 24 h after turning red, before its blue week).
/// - YJ2 UA XS-04: yellow 03-02 09:00, verified 10:00, rectification ordered 11:00 due 20:00,
///   rectified 03-04 09:00 (late).
/// - YJ3 UB RQ-04: red 03-02 12:00, cleared by the engine 13:00 before anyone verified it.
/// - YJ4 UB RQ-04: blue 02-20 09:00, never handled (limit ends 02-27 09:00).
/// - YJ5 U1 XZ-08: red 03-02 15:00, false positive 03-03 16:00 (25 h: late).
/// - YJ6 UA XS-04: red 03-05 08:00, verified 09:00, ordered 10:00 due 03-06 10:00, rectified
///   03-06 09:00 (in time), closed 12:00.
const FACTS: &str = r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U0","name":"省厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"UC","name":"市局","parent":"U0","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U1","name":"县局","parent":"UC","level":"county"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"UA","name":"甲派出所","parent":"U1","level":"station"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"UB","name":"乙派出所","parent":"U1","level":"station"}
{"fact":"case.accepted","at":"2026-02-01T08:00:00+08:00","id":"C1","unit":"UA","kind":"criminal","category":"050200"}
{"fact":"case.accepted","at":"2026-02-01T08:00:00+08:00","id":"C2","unit":"UB","kind":"criminal","category":"050200"}
{"fact":"case.accepted","at":"2026-02-01T08:00:00+08:00","id":"C3","unit":"U1","kind":"criminal","category":"050200"}
{"fact":"warning.raised","at":"2026-02-20T09:00:00+08:00","id":"YJ4","rule":"RQ-04","element":"case","subject":"C2","level":"blue","message":"m"}
{"fact":"warning.raised","at":"2026-03-01T10:00:00+08:00","id":"YJ1","rule":"XS-04","element":"case","subject":"C1","level":"blue","message":"m"}
{"fact":"warning.level_changed","at":"2026-03-02T08:00:00+08:00","id":"YJ1","level":"red","message":"m"}
{"fact":"warning.raised","at":"2026-03-02T09:00:00+08:00","id":"YJ2","rule":"XS-04","element":"case","subject":"C1","level":"yellow","message":"m"}
{"fact":"warning.verified","at":"2026-03-02T10:00:00+08:00","id":"YJ2","confirmed":true}
{"fact":"warning.rectification_ordered","at":"2026-03-02T11:00:00+08:00","id":"YJ2","deadline":"2026-03-02T20:00:00+08:00","instruction":"补办"}
{"fact":"warning.raised","at":"2026-03-02T12:00:00+08:00","id":"YJ3","rule":"RQ-04","element":"case","subject":"C2","level":"red","message":"m"}
{"fact":"warning.cleared","at":"2026-03-02T13:00:00+08:00","id":"YJ3"}
{"fact":"warning.raised","at":"2026-03-02T15:00:00+08:00","id":"YJ5","rule":"XZ-08","element":"case","subject":"C3","level":"red","message":"m"}
{"fact":"warning.verified","at":"2026-03-03T16:00:00+08:00","id":"YJ5","confirmed":false,"reason":"已审核"}
{"fact":"warning.rectified","at":"2026-03-04T09:00:00+08:00","id":"YJ2","evidence":"已补办"}
{"fact":"warning.raised","at":"2026-03-05T08:00:00+08:00","id":"YJ6","rule":"XS-04","element":"case","subject":"C1","level":"red","message":"m"}
{"fact":"warning.verified","at":"2026-03-05T09:00:00+08:00","id":"YJ6","confirmed":true}
{"fact":"warning.rectification_ordered","at":"2026-03-05T10:00:00+08:00","id":"YJ6","deadline":"2026-03-06T10:00:00+08:00","instruction":"补办"}
{"fact":"warning.rectified","at":"2026-03-06T09:00:00+08:00","id":"YJ6","evidence":"已补办"}
{"fact":"warning.closed","at":"2026-03-06T12:00:00+08:00","id":"YJ6"}"#;

fn world() -> World {
    let mut world = World::new();
    for line in FACTS.lines() {
        world
            .apply(&Fact::from_line(line).unwrap(), None)
            .unwrap_or_else(|e| panic!("{line}: {e}"));
    }
    world
}

fn at(text: &str) -> Timestamp {
    At::parse(text).unwrap().instant()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn u(id: &str) -> UnitId {
    UnitId::parse(id).unwrap()
}

const LATER: &str = "2026-03-10T12:00:00+08:00";

trait Named {
    fn name(&self) -> &str;
}

impl Named for DailyRow {
    fn name(&self) -> &str {
        &self.unit_name
    }
}

impl Named for SummaryRow {
    fn name(&self) -> &str {
        &self.unit_name
    }
}

fn row<'a, T: Named>(rows: &'a [T], want: &str) -> &'a T {
    rows.iter().find(|r| r.name() == want).expect(want)
}

/// (raised, open, open red, overdue, rectification overdue, handled in time, handling due).
fn daily_figures(r: &DailyRow) -> [usize; 7] {
    [
        r.raised,
        r.open,
        r.open_red,
        r.overdue,
        r.rectification_overdue,
        r.handling.done,
        r.handling.due,
    ]
}

#[test]
fn the_handling_limits_are_platform_policy() {
    assert_eq!(
        handling_limit(WarningLevel::Red),
        SignedDuration::from_hours(24)
    );
    assert_eq!(
        handling_limit(WarningLevel::Yellow),
        SignedDuration::from_hours(72)
    );
    assert_eq!(
        handling_limit(WarningLevel::Blue),
        SignedDuration::from_hours(168)
    );
}

#[test]
fn periods_are_china_days_months_and_quarters() {
    let d = Period::day(date("2026-03-02"));
    assert_eq!(d.start(), at("2026-03-02T00:00:00+08:00"));
    assert_eq!(d.end_instant(), at("2026-03-03T00:00:00+08:00"));
    let m = Period::month(2026, 12).unwrap();
    assert_eq!((m.first, m.end), (date("2026-12-01"), date("2027-01-01")));
    let q = Period::quarter(2026, 1).unwrap();
    assert_eq!((q.first, q.end), (date("2026-01-01"), date("2026-04-01")));
    assert_eq!(Period::quarter(2026, 5), None);
    assert_eq!(Period::month(2026, 13), None);
}

/// The day of 2026-03-02 read on 03-10: new, open and overdue at 24:00, the ranking.
#[test]
fn the_daily_bulletin_counts_the_day_and_ranks_the_stations() {
    let b = daily(&world(), &u("U1"), date("2026-03-02"), at(LATER)).unwrap();
    assert!(!b.partial);
    let names: Vec<(&str, usize)> = b
        .units
        .iter()
        .map(|r| (r.unit_name.as_str(), r.rank))
        .collect();
    // UB has no open red warning: first; the county's own row is not ranked and comes last.
    assert_eq!(
        names,
        [("乙派出所", 1), ("甲派出所", 2), ("县局（本级）", 0)]
    );
    // UA: YJ2 new; YJ1 (red) and YJ2 open; YJ1 red, YJ2's rectification due 20:00 undone:
    // both overdue; YJ2 verified within its 3 days; YJ1's limit ends 03-03 08:00, not today.
    assert_eq!(
        daily_figures(row(&b.units, "甲派出所")),
        [1, 2, 1, 2, 1, 1, 1]
    );
    // UB: YJ3 new and cleared by the engine within the hour (handled in time), YJ4 open blue.
    assert_eq!(
        daily_figures(row(&b.units, "乙派出所")),
        [1, 1, 0, 0, 0, 1, 1]
    );
    // The county's own YJ5: new, open, red, overdue; its limit ends tomorrow.
    assert_eq!(
        daily_figures(row(&b.units, "县局（本级）")),
        [1, 1, 1, 1, 0, 0, 0]
    );
    assert_eq!(daily_figures(&b.total), [3, 4, 2, 3, 1, 2, 2]);
    assert_eq!(b.total.handling.percent(), "100.0%");
    let rules: Vec<(&str, usize, usize, usize)> = b
        .rules
        .iter()
        .map(|r| (r.rule.as_str(), r.raised, r.open, r.overdue))
        .collect();
    assert_eq!(
        rules,
        [("XS-04", 1, 2, 2), ("XZ-08", 1, 1, 1), ("RQ-04", 1, 1, 0)]
    );
}

/// The next day: YJ1's and YJ5's handling limits run out unhandled (YJ5 is verified at 16:00,
/// an hour late), so both are judged late today, once.
#[test]
fn a_late_handling_is_judged_the_day_its_limit_ends() {
    let b = daily(&world(), &u("U1"), date("2026-03-03"), at(LATER)).unwrap();
    let ua = row(&b.units, "甲派出所");
    assert_eq!((ua.handling.done, ua.handling.due), (0, 1));
    assert_eq!(ua.handling.percent(), "0.0%");
    let own = row(&b.units, "县局（本级）");
    assert_eq!((own.handling.done, own.handling.due), (0, 1));
    // A false positive not yet closed (办结) and not cleared by the engine stays open and red.
    assert_eq!((own.open, own.overdue), (1, 1));
    let ub = row(&b.units, "乙派出所");
    assert_eq!(ub.handling.percent(), "—");
}

/// Read during the day, the bulletin sees only what happened before now.
#[test]
fn a_bulletin_of_today_is_as_of_now() {
    let b = daily(
        &world(),
        &u("U1"),
        date("2026-03-02"),
        at("2026-03-02T14:00:00+08:00"),
    )
    .unwrap();
    assert!(b.partial);
    // YJ2's rectification is not yet due; YJ5 not yet raised.
    assert_eq!(
        daily_figures(row(&b.units, "甲派出所")),
        [1, 2, 1, 1, 0, 1, 1]
    );
    assert_eq!(
        daily_figures(row(&b.units, "县局（本级）")),
        [0, 0, 0, 0, 0, 0, 0]
    );
}

/// A station's bulletin holds its own warnings only: never a sibling's.
#[test]
fn a_station_sees_only_its_own() {
    let b = daily(&world(), &u("UA"), date("2026-03-02"), at(LATER)).unwrap();
    assert_eq!(b.units.len(), 1);
    assert_eq!(b.units[0].unit_name, "甲派出所（本级）");
    assert_eq!(daily_figures(&b.total), [1, 2, 1, 2, 1, 1, 1]);
    assert!(b.rules.iter().all(|r| r.rule == "XS-04"));
    let s = summary(
        &world(),
        &u("UB"),
        Period::month(2026, 3).unwrap(),
        at(LATER),
    )
    .unwrap();
    assert_eq!((s.total.raised, s.total.confirmed), (1, 0));
    assert!(daily(&world(), &u("UX"), date("2026-03-02"), at(LATER)).is_none());
}

fn summary_figures(r: &SummaryRow) -> [usize; 17] {
    [
        r.raised,
        r.red,
        r.yellow,
        r.blue,
        r.cleared,
        r.cleared_unverified,
        r.confirmed,
        r.false_positive,
        r.ordered,
        r.rectified,
        r.rectified_in_time,
        r.accountability,
        r.closed,
        r.handling.done,
        r.handling.due,
        r.rectification.done,
        r.rectification.due,
    ]
}

/// March: every step in the month, each warning's handling judged once, each rectification
/// once.
#[test]
fn the_monthly_summary_counts_every_step_of_the_month() {
    let s = summary(
        &world(),
        &u("U1"),
        Period::month(2026, 3).unwrap(),
        at(LATER),
    )
    .unwrap();
    assert!(s.partial);
    assert_eq!((s.first, s.last), (date("2026-03-01"), date("2026-03-31")));
    // UA: YJ1 (reached red), YJ2 (yellow), YJ6 (red); YJ2 and YJ6 confirmed, ordered and
    // rectified, YJ6 in time and closed. Handling: YJ2, YJ6 in time, YJ1 late. Rectification:
    // YJ2 late (decided at its deadline 03-02 20:00), YJ6 in time.
    let ua = row(&s.units, "甲派出所");
    assert_eq!(
        summary_figures(ua),
        [3, 2, 1, 0, 0, 0, 2, 0, 2, 2, 1, 0, 1, 2, 3, 1, 2]
    );
    assert_eq!(ua.handling.percent(), "66.7%");
    assert_eq!(ua.rectification.percent(), "50.0%");
    // UB: YJ3 cleared by the engine before anyone verified it (handled in time); YJ4 was raised
    // and judged in February.
    let ub = row(&s.units, "乙派出所");
    assert_eq!(
        summary_figures(ub),
        [1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]
    );
    assert_eq!(ub.rectification.percent(), "—");
    // The county's own YJ5: a false positive found an hour after its 24 h.
    let own = row(&s.units, "县局（本级）");
    assert_eq!(
        summary_figures(own),
        [1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    );
    assert_eq!(
        summary_figures(&s.total),
        [5, 4, 1, 0, 1, 1, 2, 1, 2, 2, 1, 0, 1, 3, 5, 1, 2]
    );
    assert_eq!(s.total.handling.percent(), "60.0%");
    let feb = summary(
        &world(),
        &u("U1"),
        Period::month(2026, 2).unwrap(),
        at(LATER),
    )
    .unwrap();
    assert!(!feb.partial);
    assert_eq!(
        summary_figures(&feb.total),
        [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    );
}

/// The quarter is the sum of its months; read before the rectification came due, it is not
/// judged yet.
#[test]
fn the_quarter_sums_its_months_and_waits_for_what_is_not_due() {
    let q = summary(
        &world(),
        &u("U1"),
        Period::quarter(2026, 1).unwrap(),
        at(LATER),
    )
    .unwrap();
    assert_eq!(
        summary_figures(&q.total),
        [6, 4, 1, 1, 1, 1, 2, 1, 2, 2, 1, 0, 1, 3, 6, 1, 2]
    );
    assert_eq!(q.total.handling.percent(), "50.0%");
    // At 03-05 12:00 YJ6's rectification is ordered but neither done nor due.
    let early = summary(
        &world(),
        &u("U1"),
        Period::quarter(2026, 1).unwrap(),
        at("2026-03-05T12:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(
        (
            early.total.rectification.done,
            early.total.rectification.due
        ),
        (0, 1)
    );
    assert_eq!((early.total.ordered, early.total.rectified), (2, 1));
}

#[test]
fn overdue_is_red_and_open_or_a_rectification_past_its_deadline() {
    let world = world();
    let w = |id: &str| world.warnings.get(id).unwrap();
    let end_of_2nd = at("2026-03-03T00:00:00+08:00");
    assert!(overdue_at(w("YJ1"), end_of_2nd));
    assert!(
        !overdue_at(w("YJ1"), at("2026-03-02T07:59:00+08:00")),
        "blue then"
    );
    assert!(rectification_overdue(w("YJ2"), end_of_2nd));
    assert!(!rectification_overdue(
        w("YJ2"),
        at("2026-03-04T09:00:01+08:00")
    ));
    assert!(!overdue_at(w("YJ3"), end_of_2nd), "cleared");
    assert!(!overdue_at(w("YJ6"), at(LATER)), "closed");
}
