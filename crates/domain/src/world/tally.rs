//! Open warnings counted by unit, rule and level, kept as each warning fact is applied (and
//! undone with a rolled-back segment): the dashboard's maintained aggregate. Reading a unit's
//! counts costs one lookup, where counting them would scan every warning ever raised.

use std::collections::BTreeMap;

use crate::elements::{LoopStage, WarningLevel, WarningState};
use crate::world::HashMap;

/// Where an open warning is counted: its unit's path, its rule and its level.
pub(crate) type Counted = (String, String, WarningLevel);

/// The open warnings (neither cleared nor closed) by rule and level, for each unit with all the
/// units under it, keyed by the unit's path (`/U0/U01/`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    by_scope: HashMap<String, BTreeMap<(String, WarningLevel), u32>>,
}

/// Where a warning is counted while it is open; `path` is its unit's.
pub(crate) fn counted(w: &WarningState, path: &str) -> Option<Counted> {
    let open = !w.is_cleared() && w.stage != LoopStage::Closed;
    open.then(|| (path.to_string(), w.rule.clone(), w.level))
}

impl Tally {
    /// A warning counted as `before` (`None`: not counted) is now counted as `after`.
    pub fn change(&mut self, before: Option<Counted>, after: Option<Counted>) {
        if before == after {
            return;
        }
        if let Some((path, rule, level)) = before {
            self.add(&path, &rule, level, false);
        }
        if let Some((path, rule, level)) = after {
            self.add(&path, &rule, level, true);
        }
    }

    /// Counts one warning in (or out of) its unit and every unit above it.
    fn add(&mut self, path: &str, rule: &str, level: WarningLevel, more: bool) {
        let ends = path.match_indices('/').map(|(k, _)| k + 1).skip(1);
        for end in ends {
            let scope = &path[..end];
            if !self.by_scope.contains_key(scope) {
                self.by_scope.insert(scope.to_string(), BTreeMap::new());
            }
            let Some(counts) = self.by_scope.get_mut(scope) else {
                continue;
            };
            let key = (rule.to_string(), level);
            if more {
                *counts.entry(key).or_default() += 1;
            } else if let Some(n) = counts.get_mut(&key) {
                *n -= 1;
                if *n == 0 {
                    counts.remove(&key);
                }
            }
        }
    }

    /// The open warnings of a unit and the units under it (its path), by rule and level.
    pub fn of(&self, path: &str) -> impl Iterator<Item = (&str, WarningLevel, u32)> + '_ {
        self.by_scope
            .get(path)
            .into_iter()
            .flatten()
            .map(|((rule, level), n)| (rule.as_str(), *level, *n))
    }
}
