//! Running the live engine (engine.rs) beside the writer: it listens to commits, wakes at the
//! next due time, and records what changed as `warning.*` facts with actor `engine`.

use std::collections::HashMap;
use std::time::Duration;

use domain::elements::WarningLevel;
use domain::fact::{ElementKind, FactBody, WarningCleared, WarningLevelChanged, WarningRaised};
use domain::ids::{UnitId, WarningId};
use domain::{At, Fact, World};
use rules::{LevelCode, Policy};
use tokio::sync::broadcast::error::RecvError;

use crate::engine::{Change, Engine, Key, Recorded, warning_number};
use crate::writer::{Author, JobOptions};
use crate::{Actor, App, AppError};
use tokio::sync::mpsc;

/// The actor of the engine's facts.
pub const ENGINE_ACTOR: &str = "engine";

/// Commits are gathered for this long before the engine evaluates them, so an import or a burst
/// of commands costs one evaluation per element, not one per fact.
const GATHER: Duration = Duration::from_millis(20);

pub(crate) fn level(code: LevelCode) -> WarningLevel {
    match code {
        LevelCode::Blue => WarningLevel::Blue,
        LevelCode::Yellow => WarningLevel::Yellow,
        LevelCode::Red => WarningLevel::Red,
    }
}

pub(crate) fn level_code(level: WarningLevel) -> LevelCode {
    match level {
        WarningLevel::Blue => LevelCode::Blue,
        WarningLevel::Yellow => LevelCode::Yellow,
        WarningLevel::Red => LevelCode::Red,
    }
}

/// The open warnings as recorded, and the highest warning number ever used.
pub(crate) fn recorded(world: &World) -> (Vec<Recorded>, u64) {
    let last = world
        .warnings
        .keys()
        .filter_map(|id| warning_number(id.as_str()))
        .max()
        .unwrap_or(0);
    let open = world
        .warnings
        .values()
        .filter(|w| w.cleared_at.is_none())
        .map(|w| Recorded {
            id: w.id.to_string(),
            rule: w.rule.clone(),
            element: w.element,
            subject: w.subject.clone(),
            level: level_code(w.level),
        })
        .collect();
    (open, last)
}

/// Sorts a commit's touched elements: those whose fact names what it affects
/// (`rules::is_narrow`: its subject and what the fact's `rules::reach` names) are kept with the
/// fact's kind, the rest are evaluated with all they feed.
fn note(touched: &mut Vec<Key>, narrow: &mut Vec<(domain::FactKind, Key)>, c: crate::Committed) {
    let kind = domain::FactKind::from_code(c.kind);
    note_fact(touched, narrow, kind, (c.element, c.subject), c.touched);
}

/// As [`note`], for a fact of `kind` about `subject` that touched `elements`.
pub(crate) fn note_fact(
    touched: &mut Vec<Key>,
    narrow: &mut Vec<(domain::FactKind, Key)>,
    kind: Option<domain::FactKind>,
    subject: Key,
    elements: Vec<Key>,
) {
    match kind.filter(|k| rules::is_narrow(*k)) {
        Some(kind) => narrow.push((kind, subject)),
        None => touched.extend(elements),
    }
}

/// The facts that record some changes, at `at`.
pub(crate) fn facts(changes: Vec<Change>, at: At) -> Vec<Fact> {
    let id = |text: &str| WarningId::parse(text).expect("the engine makes valid ids");
    let due = |w: &rules::Warning| w.due.as_deref().and_then(|d| At::parse(d).ok());
    changes
        .into_iter()
        .map(|change| {
            let body = match change {
                Change::Raised { id: new, warning } => FactBody::WarningRaised(WarningRaised {
                    id: id(&new),
                    rule: warning.rule.to_string(),
                    element: ElementKind::from_code(warning.element)
                        .expect("rules name element kinds"),
                    subject: warning.subject.clone(),
                    level: level(warning.level),
                    due: due(&warning),
                    message: warning.message,
                }),
                Change::LevelChanged { id: old, warning } => {
                    FactBody::WarningLevelChanged(WarningLevelChanged {
                        id: id(&old),
                        level: level(warning.level),
                        due: due(&warning),
                        message: warning.message,
                    })
                }
                Change::Cleared { id: old } => {
                    FactBody::WarningCleared(WarningCleared { id: id(&old) })
                }
            };
            Fact::new(at, body)
        })
        .collect()
}

impl App {
    /// Starts the live supervision engine: evaluates every element now, records what differs
    /// from the recorded warnings, then follows commits and the clock until the app stops.
    /// Returns how many warnings are open.
    pub async fn start_engine(&self) -> Result<usize, AppError> {
        let now = crate::now();
        let (mut engine, changes) = {
            let world = self.world().await;
            let (open, last) = recorded(&world);
            let mut engine = Engine::new(&world, Policy::of(&world), open, last);
            let changes = engine.full(&world, now.instant());
            (engine, changes)
        };
        self.record_changes(changes, now).await?;
        let open = engine.open_count();
        // A weak handle: the engine must not keep the app (and its writer) alive; when the app
        // is dropped the writer stops, the commit channel closes and so does the engine.
        let weak = self.downgrade();
        let mut events = self.subscribe();
        tokio::spawn(async move {
            loop {
                let wake = engine.next_wake();
                let sleep = async {
                    match wake {
                        Some(at) => {
                            let left = at.duration_since(jiff::Timestamp::now());
                            let left = Duration::try_from(left).unwrap_or(Duration::ZERO);
                            tokio::time::sleep(left).await
                        }
                        None => std::future::pending().await,
                    }
                };
                let (mut touched, mut alone): (Vec<Key>, Vec<(domain::FactKind, Key)>) =
                    Default::default();
                let mut lagged = false;
                tokio::select! {
                    event = events.recv() => match event {
                        Ok(c) => note(&mut touched, &mut alone, c),
                        Err(RecvError::Lagged(_)) => lagged = true,
                        Err(RecvError::Closed) => return,
                    },
                    () = sleep => {}
                }
                if !touched.is_empty() || lagged {
                    tokio::time::sleep(GATHER).await;
                    loop {
                        match events.try_recv() {
                            Ok(c) => note(&mut touched, &mut alone, c),
                            Err(tokio::sync::broadcast::error::TryRecvError::Lagged(_)) => {
                                lagged = true
                            }
                            Err(_) => break,
                        }
                    }
                }
                // Warnings are elements too: DB-01 reads a warning's rectification order.
                let Some(app) = App::upgrade(&weak) else {
                    return;
                };
                let now = crate::now();
                let changes = {
                    let world = app.world().await;
                    let mut changes = if lagged {
                        engine.full(&world, now.instant())
                    } else {
                        engine.touched(&world, &touched, &alone, now.instant())
                    };
                    changes.extend(engine.due(&world, now.instant()));
                    changes
                };
                if let Err(error) = app.record_changes(changes, now).await {
                    // Rebuild from what was recorded: nothing is lost, at worst re-raised.
                    tracing::error!(%error, "engine: recording warnings failed; rebuilding");
                    let world = app.world().await;
                    let (open, last) = recorded(&world);
                    engine = Engine::new(&world, Policy::of(&world), open, last);
                }
            }
        });
        Ok(open)
    }

    async fn record_changes(&self, changes: Vec<Change>, at: At) -> Result<(), AppError> {
        if changes.is_empty() {
            return Ok(());
        }
        let author = Author {
            actor: ENGINE_ACTOR.into(),
            registering_unit: None,
        };
        self.submit(author, facts(changes, at), JobOptions::default())
            .await
            .map(|_| ())
            .map_err(|failure| {
                failure
                    .refused
                    .into_iter()
                    .next()
                    .map(|(_, e)| e)
                    .unwrap_or(AppError::NotFound)
            })
    }
}

/// A warning change as pushed live to a browser (SSE).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct WarningNotice {
    /// The ledger sequence of the fact.
    pub seq: i64,
    pub id: String,
    /// `raised`, `level_changed` or `cleared`.
    pub change: &'static str,
    /// 发出 / 等级变更 / 解除.
    pub change_label: &'static str,
    pub rule: String,
    /// `blue` | `yellow` | `red`.
    pub level: &'static str,
    pub level_label: &'static str,
    pub element: &'static str,
    pub subject: String,
    pub unit_name: String,
    pub message: String,
}

/// Whether a warning change is pushed to an actor: officers of the unit that handles the
/// element, legal officers of that unit and the units above it, and — for red — supervisors
/// and leaders above it (issue 3: "to the officer handling the element, the unit's legal
/// officers, and for red the supervision unit above"). Never outside the actor's scope.
pub(crate) fn pushed_to(
    actor: &Actor,
    unit: &UnitId,
    unit_path: &str,
    level: WarningLevel,
) -> bool {
    use domain::elements::Role;
    if !unit_path.starts_with(actor.unit_path.as_str()) {
        return false;
    }
    (actor.has(Role::Officer) && actor.unit == *unit)
        || actor.has(Role::LegalOfficer)
        || (level == WarningLevel::Red && (actor.has(Role::Supervisor) || actor.has(Role::Leader)))
}

impl App {
    /// The warning changes pushed to an actor from now on, as they commit. The channel closes
    /// when the app stops; dropping the receiver ends the forwarding task.
    pub fn warning_notices(&self, actor: Actor) -> mpsc::Receiver<WarningNotice> {
        let (sender, receiver) = mpsc::channel(256);
        let mut events = self.subscribe();
        let weak = self.downgrade();
        tokio::spawn(async move {
            loop {
                let event = match events.recv().await {
                    Ok(event) => event,
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return,
                };
                if event.element != ElementKind::Warning {
                    continue;
                }
                let (change, change_label) = match event.kind {
                    "warning.raised" => ("raised", "发出"),
                    "warning.level_changed" => ("level_changed", "等级变更"),
                    "warning.cleared" => ("cleared", "解除"),
                    _ => continue,
                };
                let Some(app) = App::upgrade(&weak) else {
                    return;
                };
                let notice = {
                    let world = app.world().await;
                    let Some(w) = world.warnings.get(event.subject.as_str()) else {
                        continue;
                    };
                    let path = world.unit_path(Some(&w.unit));
                    if !pushed_to(&actor, &w.unit, path, w.level) {
                        continue;
                    }
                    WarningNotice {
                        seq: event.seq,
                        id: w.id.to_string(),
                        change,
                        change_label,
                        rule: w.rule.clone(),
                        level: w.level.as_str(),
                        level_label: w.level.label(),
                        element: w.element.as_str(),
                        subject: w.subject.clone(),
                        unit_name: world
                            .units
                            .get(&w.unit)
                            .map(|u| u.name.clone())
                            .unwrap_or_default(),
                        message: w.message.clone(),
                    }
                };
                if sender.send(notice).await.is_err() {
                    return;
                }
            }
        });
        receiver
    }
}

/// What the warning board shows (all filters optional).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// `blue` | `yellow` | `red`.
    pub level: Option<String>,
    /// A rule id (`RQ-04`).
    pub rule: Option<String>,
    /// A unit id: that unit and below.
    pub unit: Option<String>,
    /// An element kind code (`measure`).
    pub element: Option<String>,
    /// `open` (not cleared and not closed; the default), `cleared`, `closed`, `all`,
    /// `overdue` (逾期: open and red, or a rectification past its deadline, `bulletins::overdue_at`),
    /// or a loop stage code (`found`, `rectification_ordered`, …).
    pub state: Option<String>,
}

/// One warning on the board.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BoardRow {
    pub id: String,
    pub rule: String,
    pub level: &'static str,
    pub level_label: &'static str,
    pub element: &'static str,
    pub element_label: &'static str,
    pub subject: String,
    pub unit_name: String,
    pub message: String,
    pub raised_at: String,
    pub due: String,
    pub stage: &'static str,
    pub stage_label: &'static str,
    pub cleared: bool,
    /// 整改逾期: a rectification ordered whose deadline passed without `warning.rectified`.
    pub rectification_overdue: bool,
    /// The rectification's deadline, when one was ordered.
    pub deadline: String,
}

/// The board: matching warnings, most urgent first, with counts by level and by rule.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Board {
    pub rows: Vec<BoardRow>,
    pub total: usize,
    pub by_level: Vec<(&'static str, &'static str, usize)>,
    pub by_rule: Vec<(String, usize)>,
}

/// How many rows the board lists (the counts cover every match).
const BOARD_ROWS: usize = 500;

/// The `rows` most urgent warnings, most urgent first: by level, then the latest raised, then in
/// the order given among equals. Only those are sorted: a province has warnings by the million.
fn most_urgent<'w>(
    warnings: &[&'w domain::elements::WarningState],
    rows: usize,
) -> Vec<&'w domain::elements::WarningState> {
    let mut ranked: Vec<(usize, &domain::elements::WarningState)> =
        warnings.iter().copied().enumerate().collect();
    let urgency = |(n, w): &(usize, &domain::elements::WarningState)| {
        (std::cmp::Reverse((w.level, w.raised_at)), *n)
    };
    if ranked.len() > rows {
        ranked.select_nth_unstable_by_key(rows, urgency);
        ranked.truncate(rows);
    }
    ranked.sort_unstable_by_key(urgency);
    ranked.into_iter().map(|(_, w)| w).collect()
}

/// The open warnings of a unit and the units under it (the dashboard), from the counts the
/// world keeps as warnings change: no warning is read to answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct WarningSummary {
    pub unit: String,
    pub unit_name: String,
    pub total: u32,
    /// (level code, Chinese label, count), red first; every level, counted or not.
    pub by_level: Vec<(&'static str, &'static str, u32)>,
    /// (rule, level code, count), by rule then level, red first.
    pub by_rule: Vec<(String, &'static str, u32)>,
}

impl App {
    /// The open warnings of the actor's unit, or of a unit under it (`NotFound` for any other,
    /// a sibling's among them: scope is never told apart from absence).
    pub async fn warning_summary(
        &self,
        actor: &Actor,
        unit: Option<&str>,
    ) -> Result<WarningSummary, AppError> {
        let world = self.world().await;
        let unit = match unit {
            Some(id) => world
                .units
                .get(id)
                .filter(|u| u.path.starts_with(actor.unit_path.as_str()))
                .ok_or(AppError::NotFound)?,
            None => world.units.get(&actor.unit).ok_or(AppError::NotFound)?,
        };
        let mut by_rule: Vec<(String, &'static str, u32)> = Vec::new();
        let mut by_level = [WarningLevel::Red, WarningLevel::Yellow, WarningLevel::Blue]
            .map(|l| (l.as_str(), l.label(), 0u32));
        let mut counts = world.open_warnings(&unit.path);
        counts.sort_by_key(|(rule, level, _)| (*rule, std::cmp::Reverse(*level)));
        for (rule, level, n) in counts {
            by_rule.push((rule.to_string(), level.as_str(), n));
            if let Some(entry) = by_level
                .iter_mut()
                .find(|(code, _, _)| *code == level.as_str())
            {
                entry.2 += n;
            }
        }
        Ok(WarningSummary {
            unit: unit.id.to_string(),
            unit_name: unit.name.clone(),
            total: by_level.iter().map(|(_, _, n)| n).sum(),
            by_level: by_level.to_vec(),
            by_rule,
        })
    }

    /// The warnings an actor sees (their unit and below), filtered.
    pub async fn warning_board(&self, actor: &Actor, filter: &BoardFilter) -> Board {
        use domain::elements::LoopStage;
        let world = self.world().await;
        let scope = filter
            .unit
            .as_deref()
            .and_then(|u| world.units.get(u))
            .map(|u| u.path.as_str())
            .filter(|p| p.starts_with(actor.unit_path.as_str()))
            .unwrap_or(actor.unit_path.as_str());
        let state = filter.state.as_deref().unwrap_or("open");
        // Overdue rectification is marked here (as of now) and counted by the bulletins; the
        // engine also raises it as a warning about the warning (DB-01, `rules::supervision`).
        let now = crate::now().instant();
        let matched: Vec<&domain::elements::WarningState> = world
            .warnings
            .values()
            .filter(|w| world.unit_path(Some(&w.unit)).starts_with(scope))
            .filter(|w| {
                filter
                    .level
                    .as_deref()
                    .is_none_or(|l| w.level.as_str() == l)
            })
            .filter(|w| filter.rule.as_deref().is_none_or(|r| w.rule == r))
            .filter(|w| {
                filter
                    .element
                    .as_deref()
                    .is_none_or(|e| w.element.as_str() == e)
            })
            .filter(|w| match state {
                "all" => true,
                "open" => !w.is_cleared() && w.stage != LoopStage::Closed,
                "cleared" => w.is_cleared(),
                "closed" => w.stage == LoopStage::Closed,
                "overdue" => crate::bulletins::overdue_at(w, now),
                stage => w.stage.as_str() == stage,
            })
            .collect();
        let ranked = most_urgent(&matched, BOARD_ROWS);
        let mut by_level = Vec::new();
        for level in [WarningLevel::Red, WarningLevel::Yellow, WarningLevel::Blue] {
            let n = matched.iter().filter(|w| w.level == level).count();
            by_level.push((level.as_str(), level.label(), n));
        }
        let mut by_rule: HashMap<&str, usize> = HashMap::new();
        for w in &matched {
            *by_rule.entry(w.rule.as_str()).or_default() += 1;
        }
        let mut by_rule: Vec<(String, usize)> = by_rule
            .into_iter()
            .map(|(r, n)| (r.to_string(), n))
            .collect();
        by_rule.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let rows = ranked
            .iter()
            .map(|w| BoardRow {
                id: w.id.to_string(),
                rule: w.rule.clone(),
                level: w.level.as_str(),
                level_label: w.level.label(),
                element: w.element.as_str(),
                element_label: w.element.label(),
                subject: w.subject.clone(),
                unit_name: world
                    .units
                    .get(&w.unit)
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                message: w.message.clone(),
                raised_at: w.raised_at.display_china(),
                due: w.due.map(|d| d.display_china()).unwrap_or_default(),
                stage: if w.is_cleared() && w.stage == LoopStage::Found {
                    "cleared"
                } else {
                    w.stage.as_str()
                },
                stage_label: if w.is_cleared() && w.stage == LoopStage::Found {
                    "已解除"
                } else {
                    w.stage.label()
                },
                cleared: w.is_cleared(),
                rectification_overdue: crate::bulletins::rectification_overdue(w, now),
                deadline: w.deadline.map(|d| d.display_china()).unwrap_or_default(),
            })
            .collect();
        Board {
            rows,
            total: matched.len(),
            by_level,
            by_rule,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::elements::WarningState;

    /// A warning raised at minute `minute` at a level, as the world keeps it.
    fn warning(n: usize, level: &str, minute: usize) -> WarningState {
        let raised = format!("2026-03-02T10:{:02}:00+08:00", minute % 60);
        serde_json::from_value(serde_json::json!({
            "id": format!("YJ{n:08}"), "rule": "XS-04", "element": "case", "subject": "C1",
            "unit": "U1", "level": level, "due": null, "message": "", "raised_at": raised,
            "history": [], "cleared_at": null, "stage": "found", "verified_at": null,
            "confirmed": null, "verification_reason": "", "ordered_at": null, "deadline": null,
            "instruction": "", "rectified_at": null, "evidence": "", "accountability_at": null,
            "outcome": null, "accountability_note": "", "closed_at": null, "closing_note": ""
        }))
        .unwrap()
    }

    /// The board's rows are the first ones of a full sort (stable: the order given among
    /// equals), whether there are fewer warnings than rows or many more, with many ties.
    #[test]
    fn the_most_urgent_are_the_first_of_a_full_sort() {
        let levels = ["blue", "yellow", "red"];
        let all: Vec<WarningState> = (0..2000)
            .map(|n| warning(n, levels[(n * 7) % 3], (n * 13) % 17))
            .collect();
        let refs: Vec<&WarningState> = all.iter().collect();
        let mut sorted = refs.clone();
        sorted.sort_by_key(|w| std::cmp::Reverse((w.level, w.raised_at)));
        for rows in [0, 1, 10, 500, 1999, 2000, 5000] {
            let ids = |list: &[&WarningState]| -> Vec<String> {
                list.iter().map(|w| w.id.to_string()).collect()
            };
            let shown = most_urgent(&refs, rows);
            assert_eq!(
                ids(&shown),
                ids(&sorted[..rows.min(sorted.len())]),
                "{rows} rows"
            );
        }
    }
}
