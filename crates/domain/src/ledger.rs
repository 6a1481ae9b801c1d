//! The ledger's tamper evidence: each fact's hash covers its predecessor's hash in its chain and
//! every stored column, so a modified, deleted or reordered fact breaks the chain at that point.
//!
//! There is one chain per county-level unit (facts of a province or city unit form the chain
//! of that unit; facts without a unit, such as calendar days, the `root` chain). Chains keep
//! appends of different counties independent, so a province can be sharded by county.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first fact of every chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The chain of facts that have no unit.
pub const ROOT_CHAIN: &str = "root";

/// Everything a fact's hash covers. `payload` is the fact's JSON object exactly as stored.
#[derive(Clone, Copy, Debug)]
pub struct HashInput<'a> {
    pub prev_hash: &'a str,
    pub chain: &'a str,
    pub chain_seq: i64,
    pub recorded_at_micros: i64,
    pub actor: &'a str,
    pub unit: &'a str,
    pub payload: &'a str,
}

/// SHA-256 over the fields, each length-prefixed so no two inputs share an encoding.
pub fn fact_hash(input: &HashInput<'_>) -> String {
    let mut hasher = Sha256::new();
    for field in [
        input.prev_hash,
        input.chain,
        input.actor,
        input.unit,
        input.payload,
    ] {
        hasher.update((field.len() as u64).to_le_bytes());
        hasher.update(field.as_bytes());
    }
    hasher.update(input.chain_seq.to_le_bytes());
    hasher.update(input.recorded_at_micros.to_le_bytes());
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(payload: &str) -> HashInput<'_> {
        HashInput {
            prev_hash: GENESIS,
            chain: "U330503",
            chain_seq: 1,
            recorded_at_micros: 1,
            actor: "O1",
            unit: "U33050301",
            payload,
        }
    }

    #[test]
    fn every_field_changes_the_hash() {
        let base = fact_hash(&input("{}"));
        assert_eq!(base.len(), 64);
        assert_eq!(base, fact_hash(&input("{}")));
        let variants = [
            HashInput {
                prev_hash: "1",
                ..input("{}")
            },
            HashInput {
                chain: "U1",
                ..input("{}")
            },
            HashInput {
                chain_seq: 2,
                ..input("{}")
            },
            HashInput {
                recorded_at_micros: 2,
                ..input("{}")
            },
            HashInput {
                actor: "O2",
                ..input("{}")
            },
            HashInput {
                unit: "U1",
                ..input("{}")
            },
            input("{ }"),
        ];
        for variant in variants {
            assert_ne!(fact_hash(&variant), base, "{variant:?}");
        }
    }

    #[test]
    fn field_boundaries_are_unambiguous() {
        let a = HashInput {
            actor: "ab",
            unit: "c",
            ..input("{}")
        };
        let b = HashInput {
            actor: "a",
            unit: "bc",
            ..input("{}")
        };
        assert_ne!(fact_hash(&a), fact_hash(&b));
    }
}
