//! Where each element's facts are in the ledger, kept in memory beside the world. Timelines are
//! read by sequence number (the primary key), so the ledger needs no index by subject: that
//! index was inserted at random and cost about 40 % of every fact row (docs/BENCHMARKS.md).

use std::collections::HashMap;

/// Ledger sequence numbers of every element's facts, oldest first.
#[derive(Default)]
pub(crate) struct Timelines {
    /// element kind code → subject → sequence numbers.
    by_element: HashMap<String, HashMap<String, Vec<i64>>>,
}

impl Timelines {
    /// Notes a committed fact. Facts are noted in ledger order, so each list stays sorted.
    pub fn note(&mut self, element: &str, subject: &str, seq: i64) {
        let subjects = match self.by_element.get_mut(element) {
            Some(subjects) => subjects,
            None => self.by_element.entry(element.to_string()).or_default(),
        };
        match subjects.get_mut(subject) {
            Some(seqs) => seqs.push(seq),
            None => {
                subjects.insert(subject.to_string(), vec![seq]);
            }
        }
    }

    /// The sequence numbers of one element's facts, oldest first.
    pub fn of(&self, element: &str, subject: &str) -> Vec<i64> {
        self.by_element
            .get(element)
            .and_then(|subjects| subjects.get(subject))
            .cloned()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_found_per_element_in_ledger_order() {
        let mut timelines = Timelines::default();
        timelines.note("case", "C1", 1);
        timelines.note("person", "C1", 2);
        timelines.note("case", "C1", 5);
        assert_eq!(timelines.of("case", "C1"), [1, 5]);
        assert_eq!(timelines.of("person", "C1"), [2]);
        assert!(timelines.of("case", "C2").is_empty());
    }
}
