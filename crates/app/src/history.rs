//! The supervision a province's history would have had, for the demo: the engine run over the
//! facts as if it had been live all along (each fact evaluated at its own time, each timer at
//! its own), and the legal officers and officers working the loop as a diligent bureau does
//! (核查 within the handling limits, 责令整改 with a five-day deadline, 整改 mostly in time,
//! 追责 for red findings, 办结). So the demo's warnings carry their real history, the bulletins
//! of past days, months and quarters have figures, and DB-01 finds the few rectifications left
//! overdue.
//!
//! Pure, like the rules: the facts and the end of the history in, the facts with the warnings
//! and the loop's steps merged in time order out. Who did each step is not recorded (an import
//! has one actor); each step's time is.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use domain::elements::{AccountabilityOutcome, LoopStage, WarningLevel};
use domain::fact::{
    FactBody, WarningAccountabilityDecided, WarningClosed, WarningRectificationOrdered,
    WarningRectified, WarningVerified,
};
use domain::ids::WarningId;
use domain::{At, DomainError, Fact, World};
use jiff::{SignedDuration, Timestamp};
use rules::Policy;

use crate::engine::{Change, Engine};

/// Platform habits of the simulated bureau (not law).
pub mod habits {
    /// Share of warnings found to be false positives (误报) when checked.
    pub const FALSE_POSITIVE: f64 = 0.04;
    /// Share of rectifications done after their deadline, and never done (the seeds report
    /// 99.8 % rectified in time).
    pub const RECTIFIED_LATE: f64 = 0.002;
    pub const NEVER_RECTIFIED: f64 = 0.003;
    /// Share of red warnings checked after the 24 h handling limit.
    pub const CHECKED_LATE: f64 = 0.005;
    /// Days given to rectify.
    pub const RECTIFICATION_DAYS: i64 = 5;
}

/// What the simulation added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// `warning.raised`, `warning.level_changed` and `warning.cleared` facts.
    pub engine: usize,
    /// Steps of the loop.
    pub steps: usize,
}

/// A step of the loop due at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Check,
    Order,
    Rectify,
    Decide,
    Close,
}

/// `facts` (in time order, none after `end`) with the engine's warnings and the loop's steps
/// merged in, in time order; `seed` makes the officers' timing and choices.
pub fn supervise(
    facts: Vec<Fact>,
    end: Timestamp,
    seed: u64,
) -> Result<(Vec<Fact>, Added), DomainError> {
    let mut run = Run {
        world: World::new(),
        engine: None,
        queue: BinaryHeap::new(),
        out: Vec::with_capacity(facts.len() * 5 / 4),
        added: Added::default(),
        seed,
        queued: 0,
    };
    for fact in facts {
        let at = fact.at.instant();
        run.advance(at)?;
        let applied = run.world.apply(&fact, None)?;
        let kind = fact.kind();
        run.out.push(fact);
        let engine = run
            .engine
            .get_or_insert_with(|| Engine::new(&run.world, Policy::of(&run.world), Vec::new(), 0));
        let (mut touched, mut narrow) = (Vec::new(), Vec::new());
        let subject = (applied.element, applied.subject);
        crate::supervision::note_fact(
            &mut touched,
            &mut narrow,
            Some(kind),
            subject,
            applied.touched,
        );
        let changes = engine.touched(&run.world, &touched, &narrow, at);
        run.record(changes, at)?;
    }
    run.advance(end)?;
    Ok((run.out, run.added))
}

struct Run {
    world: World,
    engine: Option<Engine>,
    /// Loop steps to come: (when, order queued, warning, step).
    queue: BinaryHeap<Reverse<(Timestamp, u64, String, Step)>>,
    out: Vec<Fact>,
    added: Added,
    seed: u64,
    queued: u64,
}

impl Run {
    /// Fires the engine's timers and the loop's steps due up to `until`, earliest first.
    fn advance(&mut self, until: Timestamp) -> Result<(), DomainError> {
        loop {
            let timer = self
                .engine
                .as_ref()
                .and_then(Engine::next_wake)
                .filter(|at| *at <= until);
            let step = self
                .queue
                .peek()
                .map(|Reverse((at, ..))| *at)
                .filter(|at| *at <= until);
            match (timer, step) {
                (Some(timer), step) if step.is_none_or(|s| timer <= s) => {
                    let engine = self.engine.as_mut().expect("a timer is the engine's");
                    let changes = engine.due(&self.world, timer);
                    self.record(changes, timer)?;
                }
                (_, Some(_)) => {
                    let Reverse((at, _, id, step)) = self.queue.pop().expect("peeked");
                    self.step(at, &id, step)?;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Applies what the engine changed, at `at`, and has each new warning checked in time.
    fn record(&mut self, changes: Vec<Change>, at: Timestamp) -> Result<(), DomainError> {
        for change in &changes {
            // A warning is checked within the handling limit of the level it has; one that
            // rises is checked again within the new, shorter one (the first check to come
            // does it).
            if let Change::Raised { id, warning } | Change::LevelChanged { id, warning } = change {
                let level = crate::supervision::level(warning.level);
                let check = at + self.check_delay(id, level);
                self.queue(check, id, Step::Check);
            }
        }
        for fact in crate::supervision::facts(changes, At::china(at)) {
            self.world.apply(&fact, None)?;
            self.out.push(fact);
            self.added.engine += 1;
        }
        Ok(())
    }

    fn queue(&mut self, at: Timestamp, id: &str, step: Step) {
        self.queued += 1;
        self.queue
            .push(Reverse((at, self.queued, id.to_string(), step)));
    }

    /// How long after its raise a warning is checked: within its handling limit (red 24 h,
    /// yellow 3 d, blue 7 d: `bulletins::handling_limit`), but for a few red ones.
    fn check_delay(&self, id: &str, level: WarningLevel) -> SignedDuration {
        let hours = |from: f64, to: f64| {
            let h = from + (to - from) * self.draw(id, "check");
            SignedDuration::from_secs((h * 3600.0) as i64)
        };
        match level {
            WarningLevel::Red if self.draw(id, "late") < habits::CHECKED_LATE => hours(25.0, 40.0),
            WarningLevel::Red => hours(1.0, 20.0),
            WarningLevel::Yellow => hours(4.0, 60.0),
            WarningLevel::Blue => hours(20.0, 150.0),
        }
    }

    /// A number in [0, 1) fixed by the seed, the warning and what it decides.
    fn draw(&self, id: &str, what: &str) -> f64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ self.seed;
        for byte in id.bytes().chain([0]).chain(what.bytes()) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        // SplitMix64's finaliser spreads the FNV hash over all bits.
        hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        hash ^= hash >> 31;
        (hash >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One step of a warning's loop, at `at`, and the next one queued.
    fn step(&mut self, at: Timestamp, id: &str, step: Step) -> Result<(), DomainError> {
        let Some(warning) = WarningId::parse(id)
            .ok()
            .and_then(|w| self.world.warnings.get(&w))
        else {
            return Ok(());
        };
        let warning_id = warning.id.clone();
        let red = warning.history.iter().any(|(_, l)| *l == WarningLevel::Red);
        // Put right before anyone had to look: nothing to check (自行解除).
        let to_check = warning.cleared_at.is_none() && warning.stage == LoopStage::Found;
        let hours = |draw: f64, from: f64, to: f64| {
            SignedDuration::from_secs(((from + (to - from) * draw) * 3600.0) as i64)
        };
        let body = match step {
            Step::Check => {
                if !to_check {
                    return Ok(());
                }
                let confirmed = self.draw(id, "false") >= habits::FALSE_POSITIVE;
                let next = if confirmed { Step::Order } else { Step::Close };
                self.queue(at + hours(self.draw(id, "order"), 0.2, 2.0), id, next);
                FactBody::WarningVerified(WarningVerified {
                    id: warning_id,
                    confirmed,
                    reason: if confirmed {
                        "经核查，预警情况属实".into()
                    } else {
                        "经核查，相关手续已按时办理，系纸质材料未及时录入系统".into()
                    },
                })
            }
            Step::Order => {
                let deadline = at + SignedDuration::from_hours(24 * habits::RECTIFICATION_DAYS);
                let draw = self.draw(id, "rectify");
                let rectified = if draw < habits::NEVER_RECTIFIED {
                    None
                } else if draw < habits::NEVER_RECTIFIED + habits::RECTIFIED_LATE {
                    Some(deadline + hours(self.draw(id, "when"), 2.0, 72.0))
                } else {
                    Some(at + hours(self.draw(id, "when"), 2.0, 108.0))
                };
                if let Some(rectified) = rectified {
                    self.queue(rectified, id, Step::Rectify);
                }
                FactBody::WarningRectificationOrdered(WarningRectificationOrdered {
                    id: warning_id,
                    deadline: At::china(deadline),
                    instruction: "限期纠正，补办或补录相关手续，并书面说明原因".into(),
                })
            }
            Step::Rectify => {
                let next = if red { Step::Decide } else { Step::Close };
                self.queue(at + hours(self.draw(id, "decide"), 4.0, 72.0), id, next);
                FactBody::WarningRectified(WarningRectified {
                    id: warning_id,
                    evidence: "已纠正，相关手续和说明材料已补录附卷".into(),
                })
            }
            Step::Decide => {
                self.queue(
                    at + hours(self.draw(id, "close"), 1.0, 24.0),
                    id,
                    Step::Close,
                );
                let draw = self.draw(id, "outcome");
                let outcome = if draw < 0.6 {
                    AccountabilityOutcome::None
                } else if draw < 0.9 {
                    AccountabilityOutcome::Education
                } else if draw < 0.98 {
                    AccountabilityOutcome::WrittenReview
                } else {
                    AccountabilityOutcome::CirculatedCriticism
                };
                FactBody::WarningAccountabilityDecided(WarningAccountabilityDecided {
                    id: warning_id,
                    outcome,
                    note: String::new(),
                })
            }
            Step::Close => FactBody::WarningClosed(WarningClosed {
                id: warning_id,
                note: String::new(),
            }),
        };
        let fact = Fact::new(At::china(at), body);
        let applied = self.world.apply(&fact, None)?;
        self.out.push(fact);
        self.added.steps += 1;
        // DB-01 reads the loop: an order sets its timer, a rectification clears it.
        if let Some(engine) = self.engine.as_mut() {
            let changes = engine.touched(&self.world, &applied.touched, &[], at);
            self.record(changes, at)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulletins;

    fn province(scale: f64, days: u32) -> (Vec<Fact>, Timestamp) {
        let config = datagen::Config {
            scale,
            days,
            ..Default::default()
        };
        let facts = datagen::generate(&config)
            .facts
            .into_iter()
            .map(|v| Fact::from_value(v).unwrap())
            .collect();
        (facts, config.end)
    }

    /// The engine over a generated history, then the loop as the bureau works it: every
    /// warning either put right before anyone looked or checked; the monthly figures near the
    /// seeds' (处置及时率 100 %, 整改及时率 99.8 %) but not perfect; DB-01 finds the
    /// rectifications never done; and the same seed gives the same history.
    #[test]
    fn a_history_supervised_as_if_live() {
        let (facts, end) = province(0.5, 180);
        let generated = facts.len();
        let (all, added) = supervise(facts.clone(), end, 7).unwrap();
        assert_eq!(all.len(), generated + added.engine + added.steps);
        assert!(all.windows(2).all(|w| w[0].at <= w[1].at), "in time order");
        assert!(
            all.iter().all(|f| f.at.instant() <= end),
            "none after the end"
        );
        assert!(
            all.iter().all(|f| f.at.instant().subsec_nanosecond() == 0),
            "whole seconds, as people record them"
        );
        let mut world = World::new();
        for fact in &all {
            world.apply(fact, None).unwrap();
        }

        // What the live engine holds at the end is what the simulated one left open.
        let (open, last) = crate::supervision::recorded(&world);
        let mut live = Engine::new(&world, Policy::of(&world), open, last);
        assert_eq!(
            live.full(&world, end),
            Vec::new(),
            "nothing left to raise or clear"
        );

        let count = |f: &dyn Fn(&domain::elements::WarningState) -> bool| {
            world.warnings.values().filter(|w| f(w)).count()
        };
        let checked = count(&|w| w.verified_at.is_some());
        let self_cleared = count(&|w| {
            w.cleared_at
                .is_some_and(|c| w.verified_at.is_none_or(|v| c < v))
        });
        let closed = count(&|w| w.stage == LoopStage::Closed);
        let db01 = count(&|w| w.rule == "DB-01");
        assert!(
            checked > 100 && self_cleared > 100,
            "{checked} checked, {self_cleared} put right"
        );
        assert!(closed > checked / 2, "{closed} closed of {checked}");
        assert!(db01 > 0, "an overdue rectification is warned");

        // Every month whole in the history: rates high, not all perfect.
        let root = world
            .units
            .values()
            .find(|u| u.parent.is_none())
            .unwrap()
            .id
            .clone();
        let mut rates = Vec::new();
        let last = At::china(end).china_date();
        let mut month = At::china(end - SignedDuration::from_hours(24 * 100)).china_date();
        while month.first_of_month() < last.first_of_month() {
            let period = bulletins::Period::month(month.year(), month.month()).unwrap();
            let summary = bulletins::summary(&world, &root, period, end).unwrap();
            rates.push((summary.total.handling, summary.total.rectification));
            month = month.last_of_month().tomorrow().unwrap();
        }
        assert!(rates.len() >= 2, "{rates:?}");
        for (handling, rectification) in &rates {
            assert!(handling.value().unwrap() >= 0.98, "{rates:?}");
            assert!(rectification.value().unwrap() >= 0.97, "{rates:?}");
        }
        assert!(
            rates
                .iter()
                .any(|(h, r)| h.value() < Some(1.0) || r.value() < Some(1.0)),
            "not a perfect record: {rates:?}"
        );

        let (again, _) = supervise(facts, end, 7).unwrap();
        assert_eq!(again, all, "the same seed, the same history");
    }
}
