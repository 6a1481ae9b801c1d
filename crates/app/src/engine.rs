//! The live supervision engine (issue 3, "one engine, two modes"): after each commit it
//! re-evaluates only the elements the facts touched (and those whose rules read them), and a
//! timer index wakes each element at its `next_due`, so a warning rises when its band begins.
//! What changed becomes facts: `warning.raised`, `warning.level_changed`, `warning.cleared`,
//! recorded through the writer like any other fact, with actor `engine`.
//!
//! **Architecture Invariant:** the engine's state is derived: on start it is rebuilt from the
//! world (the recorded warnings and a full evaluation), so a restart, a crash or a lagging
//! subscriber only costs a full evaluation, never a lost or doubled warning.

use std::collections::{BTreeSet, HashMap};

use domain::World;
use domain::fact::ElementKind;
use jiff::Timestamp;
use rules::{Affected, EVALUATED, LevelCode, Links, Policy, Warning};

/// An element: its kind and id.
pub(crate) type Key = (ElementKind, String);

/// A warning as recorded in the ledger and still open (not cleared).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Recorded {
    pub id: String,
    pub rule: String,
    pub element: ElementKind,
    pub subject: String,
    pub level: LevelCode,
}

/// What an evaluation changed, to be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    Raised { id: String, warning: Warning },
    LevelChanged { id: String, warning: Warning },
    Cleared { id: String },
}

/// The engine's state: the open warnings per element, and when to look at each element again.
pub(crate) struct Engine {
    links: Links,
    policy: Policy,
    /// Open warnings per element: rule → (recorded id, level).
    open: HashMap<Key, HashMap<String, (String, LevelCode)>>,
    timers: BTreeSet<(Timestamp, Key)>,
    next_of: HashMap<Key, Timestamp>,
    /// The number of the next warning id (`YJ00000001`).
    next_number: u64,
}

/// A warning id from its number.
pub(crate) fn warning_id(number: u64) -> String {
    format!("YJ{number:08}")
}

/// The number of a warning id, if it is one the engine made.
pub(crate) fn warning_number(id: &str) -> Option<u64> {
    id.strip_prefix("YJ")?.parse().ok()
}

impl Engine {
    /// An engine for a world whose open warnings are `recorded`; `full` must follow to bring
    /// them up to date.
    /// `last_number` is the highest warning number ever recorded.
    pub fn new(world: &World, policy: Policy, recorded: Vec<Recorded>, last_number: u64) -> Engine {
        let mut engine = Engine {
            links: Links::of(world),
            policy,
            open: HashMap::new(),
            timers: BTreeSet::new(),
            next_of: HashMap::new(),
            next_number: last_number + 1,
        };
        engine.policy.resolve(world);
        for r in recorded {
            engine
                .open
                .entry((r.element, r.subject))
                .or_default()
                .insert(r.rule, (r.id, r.level));
        }
        engine
    }

    /// Evaluates every element (on start, after a lag, when units, officers or the calendar
    /// change).
    pub fn full(&mut self, world: &World, now: Timestamp) -> Vec<Change> {
        self.links = Links::of(world);
        // Units (their thresholds among them), officers and the calendar lead here.
        self.policy = Policy::of(world);
        let mut keys: Vec<Key> = EVALUATED
            .iter()
            .flat_map(|k| world.ids(*k).into_iter().map(move |id| (*k, id)))
            .collect();
        // Elements with open warnings that no longer exist are cleared too.
        keys.extend(self.open.keys().cloned());
        self.evaluate_all(world, keys, now)
    }

    /// Re-evaluates what committed facts touched, and what the facts that name what they
    /// affect (`rules::is_narrow`: they change no links) affect.
    pub fn touched(
        &mut self,
        world: &World,
        touched: &[Key],
        narrow: &[(domain::FactKind, Key)],
        now: Timestamp,
    ) -> Vec<Change> {
        for (kind, id) in touched {
            self.links.note(world, *kind, id);
        }
        // The touched elements by id, even one not in the world (its warnings are cleared).
        let mut keys: Vec<Key> = touched.to_vec();
        keys.extend(narrow.iter().map(|(_, key)| key.clone()));
        let mut found = Vec::new();
        for (fact, (kind, id)) in narrow {
            match rules::affected_by_fact(world, &self.links, *fact, *kind, id) {
                Affected::All => return self.full(world, now),
                Affected::Elements(list) => found.extend(list),
            }
        }
        for (kind, id) in touched {
            match rules::affected(world, &self.links, *kind, id) {
                Affected::All => return self.full(world, now),
                Affected::Elements(list) => found.extend(list),
            }
        }
        found.sort_unstable();
        found.dedup();
        keys.extend(found.into_iter().filter_map(|(kind, n)| {
            let id = world.id_at(kind, n as usize)?;
            Some((kind, id.to_string()))
        }));
        self.evaluate_all(world, keys, now)
    }

    /// Evaluates each element once, in key order.
    fn evaluate_all(&mut self, world: &World, mut keys: Vec<Key>, now: Timestamp) -> Vec<Change> {
        keys.sort();
        keys.dedup();
        let mut changes = Vec::new();
        for key in keys {
            self.evaluate(world, key, now, &mut changes);
        }
        changes
    }

    /// Re-evaluates the elements whose time has come.
    pub fn due(&mut self, world: &World, now: Timestamp) -> Vec<Change> {
        let mut changes = Vec::new();
        while let Some((at, key)) = self.timers.first().cloned() {
            if at > now {
                break;
            }
            self.timers.pop_first();
            self.next_of.remove(&key);
            self.evaluate(world, key, now, &mut changes);
        }
        changes
    }

    /// When the engine must wake next.
    pub fn next_wake(&self) -> Option<Timestamp> {
        self.timers.first().map(|(at, _)| *at)
    }

    /// How many warnings are open.
    pub fn open_count(&self) -> usize {
        self.open.values().map(HashMap::len).sum()
    }

    fn evaluate(&mut self, world: &World, key: Key, now: Timestamp, changes: &mut Vec<Change>) {
        // Levels first (cheap); the explanations only for an element whose warnings changed.
        let evaluation =
            rules::evaluate_levels(world, &self.links, &self.policy, key.0, &key.1, now);
        if let Some(old) = self.next_of.remove(&key) {
            self.timers.remove(&(old, key.clone()));
        }
        if let Some(next) = evaluation.next_due {
            self.timers.insert((next, key.clone()));
            self.next_of.insert(key.clone(), next);
        }
        let open = self.open.entry(key.clone()).or_default();
        let found: HashMap<&str, LevelCode> = evaluation
            .warnings
            .iter()
            .map(|w| (w.rule, w.level))
            .collect();
        let mut cleared: Vec<String> = open
            .keys()
            .filter(|rule| !found.contains_key(rule.as_str()))
            .cloned()
            .collect();
        cleared.sort();
        for rule in cleared {
            if let Some((id, _)) = open.remove(&rule) {
                changes.push(Change::Cleared { id });
            }
        }
        let changed = evaluation
            .warnings
            .iter()
            .any(|w| open.get(w.rule).is_none_or(|(_, level)| *level != w.level));
        if changed {
            let explained = rules::evaluate(world, &self.links, &self.policy, key.0, &key.1, now);
            for warning in explained.warnings {
                match open.get_mut(warning.rule) {
                    None => {
                        let id = warning_id(self.next_number);
                        self.next_number += 1;
                        open.insert(warning.rule.to_string(), (id.clone(), warning.level));
                        changes.push(Change::Raised { id, warning });
                    }
                    Some((id, level)) if *level != warning.level => {
                        *level = warning.level;
                        changes.push(Change::LevelChanged {
                            id: id.clone(),
                            warning,
                        });
                    }
                    Some(_) => {}
                }
            }
        }
        if open.is_empty() {
            self.open.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{At, Fact};

    const FACTS: &str = r#"{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U0","name":"省厅","level":"province"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U01","name":"市局","parent":"U0","level":"city"}
{"fact":"unit.defined","at":"2026-01-01T00:00:00+08:00","id":"U1","name":"县局","parent":"U01","level":"county"}
{"fact":"officer.defined","at":"2026-01-01T00:00:00+08:00","id":"O1","name":"李明","unit":"U1","gender":"male","roles":["officer"]}
{"fact":"person.registered","at":"2026-03-01T08:00:00+08:00","id":"P1","name":"钱一","gender":"male","birth_date":"1980-01-01"}
{"fact":"case.accepted","at":"2026-03-02T08:00:00+08:00","id":"C1","unit":"U1","kind":"criminal","category":"050200"}
{"fact":"case.filed","at":"2026-03-02T09:00:00+08:00","id":"C1"}
{"fact":"person.linked","at":"2026-03-02T09:00:00+08:00","id":"P1","case":"C1","role":"suspect"}"#;

    fn at(text: &str) -> Timestamp {
        At::parse(text).unwrap().instant()
    }

    fn apply(world: &mut World, line: &str) -> Vec<Key> {
        world
            .apply(&Fact::from_line(line).unwrap(), None)
            .unwrap()
            .touched
    }

    fn summary(changes: &[Change]) -> Vec<String> {
        changes
            .iter()
            .map(|c| match c {
                Change::Raised { warning, .. } => {
                    format!("raised {} {:?}", warning.rule, warning.level)
                }
                Change::LevelChanged { warning, .. } => {
                    format!("changed {} {:?}", warning.rule, warning.level)
                }
                Change::Cleared { id } => format!("cleared {id}"),
            })
            .collect()
    }

    /// RQ-04/05/06 (CPL §85–86): a detention raises nothing at first, wakes at half of 24 h
    /// (blue), rises to yellow at 18 h, and each warning clears when its fact arrives.
    #[test]
    fn a_detention_rises_with_the_clock_and_clears_with_its_facts() {
        let mut world = World::new();
        for line in FACTS.lines() {
            apply(&mut world, line);
        }
        let mut engine = Engine::new(&world, Policy::default(), Vec::new(), 0);
        assert!(
            engine
                .full(&world, at("2026-03-05T10:00:00+08:00"))
                .is_empty()
        );
        let touched = apply(
            &mut world,
            r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
        );
        let start = at("2026-03-05T10:00:00+08:00");
        assert!(engine.touched(&world, &touched, &[], start).is_empty());
        assert_eq!(engine.next_wake(), Some(at("2026-03-05T22:00:00+08:00")));
        // Nothing is due before the wake.
        assert!(
            engine
                .due(&world, at("2026-03-05T21:59:59+08:00"))
                .is_empty()
        );
        let blue = engine.due(&world, at("2026-03-05T22:00:00+08:00"));
        assert_eq!(
            summary(&blue),
            [
                "raised RQ-04 Blue",
                "raised RQ-05 Blue",
                "raised RQ-06 Blue"
            ]
        );
        assert_eq!(engine.open_count(), 3);
        let touched = apply(
            &mut world,
            r#"{"fact":"measure.family_notified","at":"2026-03-05T23:00:00+08:00","id":"M1"}"#,
        );
        let cleared = engine.touched(&world, &touched, &[], at("2026-03-05T23:00:00+08:00"));
        let Change::Raised { id: rq05, .. } = &blue[1] else {
            panic!("raised")
        };
        assert_eq!(summary(&cleared), [format!("cleared {rq05}")]);
        let yellow = engine.due(&world, at("2026-03-06T04:00:00+08:00"));
        assert_eq!(
            summary(&yellow),
            ["changed RQ-04 Yellow", "changed RQ-06 Yellow"]
        );
        assert_eq!(engine.open_count(), 2);
    }

    /// A restart rebuilds from what was recorded: an open warning found again changes nothing,
    /// one no longer found is cleared, and new ids continue after the highest recorded.
    #[test]
    fn a_restart_reconciles_with_the_recorded_warnings() {
        let mut world = World::new();
        for line in FACTS.lines() {
            apply(&mut world, line);
        }
        apply(
            &mut world,
            r#"{"fact":"measure.started","at":"2026-03-05T10:00:00+08:00","id":"M1","person":"P1","case":"C1","kind":"criminal_detention"}"#,
        );
        let recorded = vec![
            Recorded {
                id: warning_id(7),
                rule: "RQ-04".into(),
                element: ElementKind::Measure,
                subject: "M1".into(),
                level: LevelCode::Blue,
            },
            Recorded {
                id: warning_id(8),
                rule: "XS-01".into(),
                element: ElementKind::Case,
                subject: "C1".into(),
                level: LevelCode::Red,
            },
        ];
        let mut engine = Engine::new(&world, Policy::default(), recorded, 9);
        let changes = engine.full(&world, at("2026-03-05T22:30:00+08:00"));
        assert_eq!(
            summary(&changes),
            [
                "cleared YJ00000008",
                "raised RQ-05 Blue",
                "raised RQ-06 Blue"
            ]
        );
        let Change::Raised { id, .. } = &changes[1] else {
            panic!("raised")
        };
        assert_eq!(id, "YJ00000010");
        assert_eq!(warning_number(id), Some(10));
    }

    /// DB-01: a rectification ordered on a warning wakes the engine at its deadline, which
    /// raises a red warning about the warning; recording the rectification clears it.
    #[test]
    fn an_overdue_rectification_is_warned_at_its_deadline() {
        let mut world = World::new();
        for line in FACTS.lines() {
            apply(&mut world, line);
        }
        let mut engine = Engine::new(&world, Policy::default(), Vec::new(), 0);
        engine.full(&world, at("2026-03-06T00:00:00+08:00"));
        for line in [
            r#"{"fact":"warning.raised","at":"2026-03-06T00:00:00+08:00","id":"YJ00000001","rule":"XS-01","element":"case","subject":"C1","level":"red","message":"受案后三日未作出立案决定"}"#,
            r#"{"fact":"warning.verified","at":"2026-03-06T09:00:00+08:00","id":"YJ00000001","confirmed":true}"#,
            r#"{"fact":"warning.rectification_ordered","at":"2026-03-06T10:00:00+08:00","id":"YJ00000001","deadline":"2026-03-10T18:00:00+08:00","instruction":"补录立案审批"}"#,
        ] {
            let touched = apply(&mut world, line);
            assert!(
                engine
                    .touched(&world, &touched, &[], at("2026-03-06T10:00:00+08:00"))
                    .iter()
                    .all(
                        |c| !matches!(c, Change::Raised { warning, .. } if warning.rule == "DB-01")
                    )
            );
        }
        assert_eq!(engine.next_wake(), Some(at("2026-03-10T18:00:00+08:00")));
        let overdue = engine.due(&world, at("2026-03-10T18:00:00+08:00"));
        assert_eq!(summary(&overdue), ["raised DB-01 Red"]);
        let touched = apply(
            &mut world,
            r#"{"fact":"warning.rectified","at":"2026-03-11T09:00:00+08:00","id":"YJ00000001","evidence":"已补录"}"#,
        );
        let cleared = engine.touched(&world, &touched, &[], at("2026-03-11T09:00:00+08:00"));
        assert!(
            matches!(cleared.as_slice(), [Change::Cleared { .. }]),
            "{cleared:?}"
        );
    }
}
