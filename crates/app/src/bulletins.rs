//! The inspection rhythm (issue 3 item 7): 日巡通报 the daily bulletin, 月督 the monthly
//! supervision summary and 季考评 the quarterly assessment, with the loop's timeliness (item 6):
//! 处置及时率 and 整改及时率. Pure computation over the world's warnings, scoped to a unit and
//! below; the time is an argument.
//!
//! Periods are civil days, calendar months or quarters in China time (+08:00), half-open: from
//! 00:00 of the first day to 00:00 of the day after the last. Everything is counted **as of the
//! cut** = the earlier of the period's end and `now`: a step recorded at or after the cut is not
//! seen. Once a period has ended its figures never change (a step can only be recorded later
//! than it happened by an import), so a bulletin printed in March reads the same in June.
//!
//! A warning belongs to the unit that owned its subject when it was raised (`WarningState::unit`)
//! and is counted in the row of the scope's child unit whose subtree holds that unit, or in the
//! row 本级 when it is the scope unit's own.
//!
//! ## What each figure counts (per row)
//!
//! - **新发 raised**: `raised_at` in the period. **By level**: of those, the highest level the
//!   warning reached before the cut (a blue warning that rose to red counts as red).
//! - **在办 open** (daily bulletin, at the cut): raised before the cut, not cleared by the engine
//!   and not closed (办结) before it, the board's "open". A warning the engine cleared whose
//!   loop goes on is not open; if its rectification is late it is still **overdue**.
//! - **逾期 overdue** (at the cut): open and red at the cut, **or** a rectification ordered
//!   before the cut whose deadline passed before the cut without `warning.rectified` before the
//!   cut (整改逾期, whether or not the engine cleared the finding). A warning is counted once.
//! - **解除 cleared**: `cleared_at` in the period; of those **自行解除** those cleared before
//!   anyone verified them (no verification, or one recorded after the clearing): the required
//!   fact arrived, which is what the warning asked for.
//! - **核查属实 confirmed / 误报 false positive**: `verified_at` in the period, by outcome.
//! - **责令整改 ordered**, **整改完成 rectified**, **追责 accountability**, **办结 closed**: the
//!   step's time in the period. **按期整改 rectified in time**: rectified in the period with
//!   `rectified_at ≤ deadline`.
//!
//! ## The two rates
//!
//! Each warning (each rectification) is judged **once**, in the period where it is *decided*:
//! the earlier of when it was done and when its limit ran out. So a warning handled late is
//! counted late in the period its limit ran out in, and is not counted again when it is
//! handled; one still pending at the cut with its limit not yet run out is not counted yet (it
//! will be in a later period). Both rates are `None` (shown "—") when nothing was decided.
//!
//! - **处置及时率** = 按时处置 / 应处置. A warning is *handled* at its first response: its
//!   verification (核查, confirmed or false positive), or the engine's clearing when that came
//!   first (the officer put the element right before anyone had to check: real-time
//!   navigation working as meant). Its *handling limit* is platform policy
//!   ([`handling_limit`]: red 24 h, yellow 3 d, blue 7 d) counted from when the warning took
//!   each level: the limit ends at the earliest `level_since + limit(level)` over the levels it
//!   had up to its handling (up to the cut if unhandled), so a blue warning that rises to red
//!   must be handled within 24 h of turning red, or within its blue week if that ends sooner.
//!   应处置 counts the warnings decided in the period (handled in it, or whose limit ended in it
//!   unhandled); 按时处置 those handled no later than the limit's end.
//! - **整改及时率** = 按期整改 / 应整改. A rectification ordered (责令整改) is decided at the
//!   earlier of its `rectified_at` and its `deadline`; 应整改 counts the orders decided in the
//!   period (rectified in it, or whose deadline passed in it without rectification), 按期整改
//!   those with `rectified_at ≤ deadline` — the column "rectified in time" exactly.
//!
//! ## The daily ranking
//!
//! The child units are ranked by open red warnings at the end of the day (fewer first), then
//! open warnings (fewer first), then the day's 处置及时率 (higher first; a unit with nothing
//! decided that day counts as 100 %), then by name. Equal keys share a rank.

use std::collections::BTreeMap;

use domain::World;
use domain::at::CHINA;
use domain::elements::{Role, WarningLevel, WarningState};
use domain::ids::UnitId;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use crate::{Actor, App, AppError};

/// Platform policy (not law): how long a warning may wait for its first response (核查) at each
/// level. Red is the seeds' "24 小时" reflex; yellow gives three days and blue a week, so a
/// supervisor's week covers every blue warning once.
pub const HANDLING_LIMIT_RED: SignedDuration = SignedDuration::from_hours(24);
/// See [`HANDLING_LIMIT_RED`].
pub const HANDLING_LIMIT_YELLOW: SignedDuration = SignedDuration::from_hours(3 * 24);
/// See [`HANDLING_LIMIT_RED`].
pub const HANDLING_LIMIT_BLUE: SignedDuration = SignedDuration::from_hours(7 * 24);

/// The handling limit of a level (platform policy).
pub fn handling_limit(level: WarningLevel) -> SignedDuration {
    match level {
        WarningLevel::Red => HANDLING_LIMIT_RED,
        WarningLevel::Yellow => HANDLING_LIMIT_YELLOW,
        WarningLevel::Blue => HANDLING_LIMIT_BLUE,
    }
}

/// A reporting period: whole days in China time, `[first, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub first: Date,
    /// The day after the last.
    pub end: Date,
}

impl Period {
    /// One day (日巡).
    pub fn day(date: Date) -> Period {
        Period {
            first: date,
            end: date.tomorrow().expect("a date before 9999"),
        }
    }

    /// A calendar month (月督).
    pub fn month(year: i16, month: i8) -> Option<Period> {
        let first = Date::new(year, month, 1).ok()?;
        let end = first.checked_add(jiff::Span::new().months(1)).ok()?;
        Some(Period { first, end })
    }

    /// A quarter, 1 to 4 (季考评).
    pub fn quarter(year: i16, quarter: i8) -> Option<Period> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let first = Date::new(year, (quarter - 1) * 3 + 1, 1).ok()?;
        let end = first.checked_add(jiff::Span::new().months(3)).ok()?;
        Some(Period { first, end })
    }

    fn instant(date: Date) -> Timestamp {
        date.to_datetime(jiff::civil::Time::midnight())
            .to_zoned(jiff::tz::TimeZone::fixed(CHINA))
            .expect("a fixed offset never fails")
            .timestamp()
    }

    /// 00:00 China time of the first day.
    pub fn start(&self) -> Timestamp {
        Period::instant(self.first)
    }

    /// 00:00 China time of the day after the last.
    pub fn end_instant(&self) -> Timestamp {
        Period::instant(self.end)
    }
}

/// Numerator and denominator of a rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Ratio {
    pub done: usize,
    pub due: usize,
}

impl Ratio {
    /// The share, when anything was due.
    pub fn value(&self) -> Option<f64> {
        (self.due > 0).then(|| self.done as f64 / self.due as f64)
    }

    /// `99.8%`, or `—` when nothing was due.
    pub fn percent(&self) -> String {
        match self.value() {
            Some(v) => format!("{:.1}%", v * 100.0),
            None => "—".into(),
        }
    }

    fn add(&mut self, other: Ratio) {
        self.done += other.done;
        self.due += other.due;
    }
}

/// When a warning was first responded to: verified, or cleared by the engine first.
fn handled_at(w: &WarningState) -> Option<Timestamp> {
    [w.verified_at, w.cleared_at]
        .into_iter()
        .flatten()
        .map(|a| a.instant())
        .min()
}

/// When a warning's handling limit ends, counting the levels it had up to `until`.
fn handling_deadline(w: &WarningState, until: Timestamp) -> Timestamp {
    w.history
        .iter()
        .filter(|(since, _)| since.instant() <= until)
        .map(|(since, level)| since.instant() + handling_limit(*level))
        .min()
        .unwrap_or_else(|| w.raised_at.instant() + handling_limit(w.level))
}

/// How a warning's handling is judged in `[start, cut)`: `None` when not decided there.
fn handling_judged(w: &WarningState, start: Timestamp, cut: Timestamp) -> Option<bool> {
    let handled = handled_at(w).filter(|h| *h < cut);
    let limit = handling_deadline(w, handled.unwrap_or(cut));
    let decided = handled.map_or(limit, |h| h.min(limit));
    (decided >= start && decided < cut).then(|| handled.is_some_and(|h| h <= limit))
}

/// How a warning's rectification is judged in `[start, cut)`: `None` when none was ordered
/// before the cut, or it was not decided there.
fn rectification_judged(w: &WarningState, start: Timestamp, cut: Timestamp) -> Option<bool> {
    let ordered = w.ordered_at?.instant();
    let deadline = w.deadline?.instant();
    if ordered >= cut {
        return None;
    }
    let done = w.rectified_at.map(|a| a.instant()).filter(|r| *r < cut);
    let decided = done.map_or(deadline, |r| r.min(deadline));
    (decided >= start && decided < cut).then(|| done.is_some_and(|r| r <= deadline))
}

/// The level a warning had at `at` (its raise level before that).
fn level_at(w: &WarningState, at: Timestamp) -> WarningLevel {
    w.history
        .iter()
        .take_while(|(since, _)| since.instant() < at)
        .last()
        .map_or(w.level, |(_, level)| *level)
}

/// The highest level a warning reached before `at`.
fn highest_before(w: &WarningState, at: Timestamp) -> WarningLevel {
    w.history
        .iter()
        .filter(|(since, _)| since.instant() < at)
        .map(|(_, level)| *level)
        .max()
        .unwrap_or(w.level)
}

fn before(at: Option<domain::At>, cut: Timestamp) -> bool {
    at.is_some_and(|a| a.instant() < cut)
}

fn within(at: Option<domain::At>, start: Timestamp, cut: Timestamp) -> bool {
    at.is_some_and(|a| a.instant() >= start && a.instant() < cut)
}

/// Whether a warning is open at the cut (not cleared, not closed): the board's "open".
pub fn open_at(w: &WarningState, cut: Timestamp) -> bool {
    w.raised_at.instant() < cut && !before(w.cleared_at, cut) && !before(w.closed_at, cut)
}

/// Whether a rectification was ordered and its deadline passed before `cut` without
/// `warning.rectified` before it (整改逾期).
pub fn rectification_overdue(w: &WarningState, cut: Timestamp) -> bool {
    before(w.ordered_at, cut) && before(w.deadline, cut) && !before(w.rectified_at, cut)
}

/// Whether a warning is overdue at the cut: open and red, or its rectification overdue.
pub fn overdue_at(w: &WarningState, cut: Timestamp) -> bool {
    (open_at(w, cut) && level_at(w, cut) == WarningLevel::Red) || rectification_overdue(w, cut)
}

/// One row of the daily bulletin: a child unit (or the scope's own warnings), or the total.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct DailyRow {
    pub unit: String,
    pub unit_name: String,
    /// 1 is best; 0 for the total row.
    pub rank: usize,
    pub raised: usize,
    pub open: usize,
    pub open_red: usize,
    pub overdue: usize,
    /// Of which rectifications overdue.
    pub rectification_overdue: usize,
    pub handling: Ratio,
}

/// One rule's line of the daily bulletin.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RuleRow {
    pub rule: String,
    pub raised: usize,
    pub open: usize,
    pub overdue: usize,
}

/// 日巡通报.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DailyBulletin {
    pub date: Date,
    pub scope: String,
    pub scope_name: String,
    /// Ranked (best first); the scope's own warnings (本级) are not ranked and come last.
    pub units: Vec<DailyRow>,
    pub rules: Vec<RuleRow>,
    pub total: DailyRow,
    /// Whether the day has not ended yet (figures as of now).
    pub partial: bool,
}

/// One row of a monthly or quarterly summary.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct SummaryRow {
    pub unit: String,
    pub unit_name: String,
    pub raised: usize,
    pub red: usize,
    pub yellow: usize,
    pub blue: usize,
    pub cleared: usize,
    /// Cleared before anyone verified them.
    pub cleared_unverified: usize,
    pub confirmed: usize,
    pub false_positive: usize,
    pub ordered: usize,
    pub rectified: usize,
    pub rectified_in_time: usize,
    pub accountability: usize,
    pub closed: usize,
    pub handling: Ratio,
    pub rectification: Ratio,
}

/// 月督 or 季考评.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    pub first: Date,
    /// The last day.
    pub last: Date,
    pub scope: String,
    pub scope_name: String,
    pub units: Vec<SummaryRow>,
    pub total: SummaryRow,
    pub partial: bool,
}

/// The rows of a scope: each child unit (by path) and the scope itself (本级), each with the
/// path prefix its warnings match (the scope's own row matches its id exactly).
struct Rows<'w> {
    scope: &'w domain::elements::Unit,
    children: Vec<&'w domain::elements::Unit>,
}

impl<'w> Rows<'w> {
    fn new(world: &'w World, scope: &UnitId) -> Option<Rows<'w>> {
        let scope = world.units.get(scope)?;
        let mut children: Vec<_> = world
            .units
            .values()
            .filter(|u| u.parent.as_ref() == Some(&scope.id))
            .collect();
        children.sort_by(|a, b| a.path.cmp(&b.path));
        Some(Rows { scope, children })
    }

    /// The row index of a warning: a child's, `children.len()` for 本级, `None` outside.
    fn row_of(&self, world: &World, w: &WarningState) -> Option<usize> {
        if w.unit == self.scope.id {
            return Some(self.children.len());
        }
        let path = world.unit_path(Some(&w.unit));
        if !path.starts_with(self.scope.path.as_str()) {
            return None;
        }
        self.children
            .iter()
            .position(|c| path.starts_with(c.path.as_str()))
    }

    fn names(&self) -> Vec<(String, String)> {
        self.children
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone()))
            .chain([(
                self.scope.id.to_string(),
                format!("{}（本级）", self.scope.name),
            )])
            .collect()
    }
}

/// The daily bulletin of `date` for `scope` and below, as of `now`. `None` if the unit is
/// unknown.
pub fn daily(world: &World, scope: &UnitId, date: Date, now: Timestamp) -> Option<DailyBulletin> {
    let rows = Rows::new(world, scope)?;
    let period = Period::day(date);
    let start = period.start();
    let cut = period.end_instant().min(now);
    let mut units: Vec<DailyRow> = rows
        .names()
        .into_iter()
        .map(|(unit, unit_name)| DailyRow {
            unit,
            unit_name,
            ..DailyRow::default()
        })
        .collect();
    let mut by_rule: BTreeMap<String, RuleRow> = BTreeMap::new();
    for w in world.warnings.values() {
        let Some(i) = rows.row_of(world, w) else {
            continue;
        };
        let raised = within(Some(w.raised_at), start, cut);
        let open = open_at(w, cut);
        let overdue = overdue_at(w, cut);
        let row = &mut units[i];
        row.raised += usize::from(raised);
        row.open += usize::from(open);
        row.open_red += usize::from(open && level_at(w, cut) == WarningLevel::Red);
        row.overdue += usize::from(overdue);
        row.rectification_overdue += usize::from(rectification_overdue(w, cut));
        if let Some(in_time) = handling_judged(w, start, cut) {
            row.handling.add(Ratio {
                done: usize::from(in_time),
                due: 1,
            });
        }
        if raised || open || overdue {
            let r = by_rule.entry(w.rule.clone()).or_insert_with(|| RuleRow {
                rule: w.rule.clone(),
                ..RuleRow::default()
            });
            r.raised += usize::from(raised);
            r.open += usize::from(open);
            r.overdue += usize::from(overdue);
        }
    }
    let own = units.pop().expect("the scope's own row");
    let key = |r: &DailyRow| {
        (
            r.open_red,
            r.open,
            std::cmp::Reverse(ordered_share(r.handling)),
        )
    };
    units.sort_by(|a, b| key(a).cmp(&key(b)).then(a.unit_name.cmp(&b.unit_name)));
    let mut rank = 0;
    for i in 0..units.len() {
        if i == 0 || key(&units[i]) != key(&units[i - 1]) {
            rank = i + 1;
        }
        units[i].rank = rank;
    }
    let mut total = DailyRow {
        unit: rows.scope.id.to_string(),
        unit_name: "合计".into(),
        ..DailyRow::default()
    };
    for r in units.iter().chain([&own]) {
        total.raised += r.raised;
        total.open += r.open;
        total.open_red += r.open_red;
        total.overdue += r.overdue;
        total.rectification_overdue += r.rectification_overdue;
        total.handling.add(r.handling);
    }
    units.push(own);
    let mut rules: Vec<RuleRow> = by_rule.into_values().collect();
    rules.sort_by(|a, b| {
        (b.overdue, b.open, b.raised, &a.rule).cmp(&(a.overdue, a.open, a.raised, &b.rule))
    });
    Some(DailyBulletin {
        date,
        scope: rows.scope.id.to_string(),
        scope_name: rows.scope.name.clone(),
        units,
        rules,
        total,
        partial: now < period.end_instant(),
    })
}

/// A share as an exactly comparable key: done/due in millionths, 100 % when nothing was due.
fn ordered_share(r: Ratio) -> u64 {
    if r.due == 0 {
        1_000_000
    } else {
        (r.done as u64 * 1_000_000) / r.due as u64
    }
}

/// The monthly or quarterly summary of `period` for `scope` and below, as of `now`. `None` if
/// the unit is unknown.
pub fn summary(world: &World, scope: &UnitId, period: Period, now: Timestamp) -> Option<Summary> {
    let rows = Rows::new(world, scope)?;
    let start = period.start();
    let cut = period.end_instant().min(now);
    let mut units: Vec<SummaryRow> = rows
        .names()
        .into_iter()
        .map(|(unit, unit_name)| SummaryRow {
            unit,
            unit_name,
            ..SummaryRow::default()
        })
        .collect();
    let n = |b: bool| usize::from(b);
    for w in world.warnings.values() {
        let Some(i) = rows.row_of(world, w) else {
            continue;
        };
        let r = &mut units[i];
        let raised = within(Some(w.raised_at), start, cut);
        r.raised += n(raised);
        if raised {
            match highest_before(w, cut) {
                WarningLevel::Red => r.red += 1,
                WarningLevel::Yellow => r.yellow += 1,
                WarningLevel::Blue => r.blue += 1,
            }
        }
        let cleared = within(w.cleared_at, start, cut);
        r.cleared += n(cleared);
        r.cleared_unverified += n(cleared && w.verified_at.is_none_or(|v| Some(v) > w.cleared_at));
        if within(w.verified_at, start, cut) {
            r.confirmed += n(w.confirmed == Some(true));
            r.false_positive += n(w.confirmed == Some(false));
        }
        r.ordered += n(within(w.ordered_at, start, cut));
        let rectified = within(w.rectified_at, start, cut);
        r.rectified += n(rectified);
        r.rectified_in_time += n(rectified && w.rectified_at <= w.deadline);
        r.accountability += n(within(w.accountability_at, start, cut));
        r.closed += n(within(w.closed_at, start, cut));
        if let Some(in_time) = handling_judged(w, start, cut) {
            r.handling.add(Ratio {
                done: n(in_time),
                due: 1,
            });
        }
        if let Some(in_time) = rectification_judged(w, start, cut) {
            r.rectification.add(Ratio {
                done: n(in_time),
                due: 1,
            });
        }
    }
    let mut total = SummaryRow {
        unit: rows.scope.id.to_string(),
        unit_name: "合计".into(),
        ..SummaryRow::default()
    };
    for r in &units {
        total.raised += r.raised;
        total.red += r.red;
        total.yellow += r.yellow;
        total.blue += r.blue;
        total.cleared += r.cleared;
        total.cleared_unverified += r.cleared_unverified;
        total.confirmed += r.confirmed;
        total.false_positive += r.false_positive;
        total.ordered += r.ordered;
        total.rectified += r.rectified;
        total.rectified_in_time += r.rectified_in_time;
        total.accountability += r.accountability;
        total.closed += r.closed;
        total.handling.add(r.handling);
        total.rectification.add(r.rectification);
    }
    Some(Summary {
        first: period.first,
        last: period.end.yesterday().expect("after the first day"),
        scope: rows.scope.id.to_string(),
        scope_name: rows.scope.name.clone(),
        units,
        total,
        partial: now < period.end_instant(),
    })
}

/// Who may read bulletins: legal officers, supervisors and leaders.
fn may_read(actor: &Actor) -> Result<(), AppError> {
    if [Role::LegalOfficer, Role::Supervisor, Role::Leader]
        .iter()
        .any(|r| actor.has(*r))
    {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "查看通报考评（限法制员、执法监督、领导）",
        ))
    }
}

/// The scope a request names: the actor's unit, or a unit in it (outside: not found).
fn scope_of(world: &World, actor: &Actor, unit: Option<&str>) -> Result<UnitId, AppError> {
    match unit {
        None => Ok(actor.unit.clone()),
        Some(id) => world
            .units
            .get(id)
            .filter(|u| u.path.starts_with(actor.unit_path.as_str()))
            .map(|u| u.id.clone())
            .ok_or(AppError::NotFound),
    }
}

impl App {
    /// 日巡通报 of `date` for the actor's unit (or `unit` within it), as of now.
    pub async fn daily_bulletin(
        &self,
        actor: &Actor,
        unit: Option<&str>,
        date: Date,
    ) -> Result<DailyBulletin, AppError> {
        may_read(actor)?;
        let world = self.world().await;
        let scope = scope_of(&world, actor, unit)?;
        daily(&world, &scope, date, crate::now().instant()).ok_or(AppError::NotFound)
    }

    /// 月督 or 季考评 of `period` for the actor's unit (or `unit` within it), as of now.
    pub async fn period_summary(
        &self,
        actor: &Actor,
        unit: Option<&str>,
        period: Period,
    ) -> Result<Summary, AppError> {
        may_read(actor)?;
        let world = self.world().await;
        let scope = scope_of(&world, actor, unit)?;
        summary(&world, &scope, period, crate::now().instant()).ok_or(AppError::NotFound)
    }

    /// The units an actor may choose as a bulletin's or the warning board's scope, by path:
    /// (id, name).
    pub async fn scope_units(&self, actor: &Actor) -> Vec<(String, String)> {
        let world = self.world().await;
        let mut units: Vec<(&str, String, String)> = world
            .units
            .values()
            .filter(|u| u.path.starts_with(actor.unit_path.as_str()))
            .map(|u| (u.path.as_str(), u.id.to_string(), u.name.clone()))
            .collect();
        units.sort();
        units.into_iter().map(|(_, id, name)| (id, name)).collect()
    }
}

#[cfg(test)]
mod tests;
