//! Seeded, deterministic generator of a synthetic province for Zhifa, written as interchange
//! facts (`../shared/FORMAT.md`, version 1).
//!
//! At scale 1.0 the province has 39 units, about 400 officers and, over 180 days, about 20,000
//! incidents, 4,000 cases, 6,000 persons, 4,000 stays in the case-handling centers and 8,000
//! seized items. Most of it is handled lawfully and on time, with the facts a lawful process
//! leaves (videos, seizure lists, center entries, meals, recordings, rights notices, receipts,
//! copies served); a few percent of each kind of step is late, missing or irregular, each at a
//! named rate (`LATE_FILING`, `MISSING_VIDEO`, …), so that every implemented supervision rule
//! has something to find and none is flooded; the elements started near `end` are still in
//! progress.
//!
//! Ids: units `U44`, `U4401`, `U440101`, `U44010101` (stations `…01`–`…04`, the criminal
//! investigation division `…05`); officers `O0001`; and per element `J` incidents, `C` cases,
//! `P` persons, `M` measures, `S` stays, `I` interrogations, `W` property, `D` documents,
//! each followed by seven digits. Extensions beyond FORMAT.md: the officer role `admin` (one
//! system administrator at the province) and document kinds such as `acceptance_receipt`,
//! `detention_warrant`, `bail_decision`, `prosecution_opinion`, `mediation_agreement`, and the
//! kinds the rules read (docs/format-extensions.md): `rights_notice`, `arrest_execution_receipt`,
//! `appraisal_opinion_notice`, `appraisal_opinion`, `no_penalty_decision`.
//! Document numbers (`青公（刑）拘通字〔2026〕0031号`) run without gaps per county bureau,
//! kind, department (刑/治) and year.
//!
//! Invariants of the output (tested): facts are in `at` order; every referenced id is defined
//! at an earlier or equal `at` and earlier in the file; no fact lies after `Config::end`; each
//! element's facts follow its lifecycle; the same `Config` gives byte-identical output.

mod cases;
mod clock;
mod criminal;
mod emit;
mod generator;
mod incidents;
mod measures;
mod names;
mod org;
mod property;

#[cfg(test)]
mod check;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Seed of the random generator: the same config always gives the same facts.
    pub seed: u64,
    /// 1.0 is the demo province; element counts scale linearly (units and officers do not).
    pub scale: f64,
    /// Length of the history before `end`, in days.
    pub days: u32,
    /// The moment the history stops: no fact is later; elements started shortly before are
    /// still open.
    pub end: jiff::Timestamp,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 42,
            scale: 1.0,
            days: 180,
            end: "2026-11-22T12:00:00+08:00"
                .parse()
                .expect("valid default end"),
        }
    }
}

/// A generated province: the facts in time order and the accounts to demonstrate it with.
#[derive(Clone, Debug)]
pub struct Province {
    pub facts: Vec<serde_json::Value>,
    pub accounts: Vec<DemoAccount>,
}

/// An officer to log in as, one per role (officer, legal_officer, center_staff, custodian,
/// supervisor, leader, admin). The first four work in the same county.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DemoAccount {
    pub officer_id: String,
    pub name: String,
    pub unit_id: String,
    pub unit_name: String,
    pub role: String,
}

/// Generates the province described by `config`.
///
/// Every fact becomes a `serde_json::Value` (about 1.5 KB each, some 200,000 at scale 1.0);
/// for large scales use [`generate_jsonl`], which streams the same bytes.
pub fn generate(config: &Config) -> Province {
    let mut facts = Vec::new();
    let accounts = generator::Gen::new(config)
        .run(&mut |line| {
            facts.push(serde_json::from_str(line).expect("the generator writes valid JSON"));
            Ok(())
        })
        .expect("collecting facts does not fail");
    Province { facts, accounts }
}

/// Generates the province and streams it as JSON Lines without building a `Value` per fact
/// (for large scales); the bytes equal `write_jsonl(&generate(config).facts, out)`.
///
/// Lines are written as soon as no earlier fact can come, so memory holds only the facts
/// still ahead of the generation (the rest of the open cases' lifecycles), not the
/// province. Stops at the first write error.
pub fn generate_jsonl(config: &Config, out: &mut impl Write) -> io::Result<Vec<DemoAccount>> {
    generator::Gen::new(config).run(&mut |line| {
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")
    })
}

/// Writes facts as JSON Lines (one compact object per line), in time order.
///
/// Facts already in order are written as given; otherwise they are stably sorted by `at`
/// (facts without a readable `at` keep their place relative to each other, first).
pub fn write_jsonl(facts: &[serde_json::Value], out: &mut impl Write) -> io::Result<()> {
    let keys: Vec<Option<jiff::Timestamp>> = facts
        .iter()
        .map(|f| {
            f.get("at")
                .and_then(|a| a.as_str())
                .and_then(|a| a.parse().ok())
        })
        .collect();
    let mut order: Vec<usize> = (0..facts.len()).collect();
    if !keys.windows(2).all(|w| w[0] <= w[1]) {
        order.sort_by_key(|&i| keys[i]);
    }
    let mut buf = Vec::with_capacity(256);
    for i in order {
        buf.clear();
        serde_json::to_writer(&mut buf, &facts[i])?;
        buf.push(b'\n');
        out.write_all(&buf)?;
    }
    Ok(())
}

/// Weights of the first 17 digits in the GB 11643 check (2^(17-i) mod 11).
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The GB 11643 (ISO 7064 MOD 11-2) check character of the first 17 digits of an ID number;
/// `None` unless given exactly 17 ASCII digits.
pub fn id_check_digit(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(ID_WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(ID_CHECK[(sum % 11) as usize])
}

/// A GB 11643 citizen ID number: 6-digit region, birth date, 3-digit sequence (odd for men,
/// even for women) and the check character.
///
/// `seq` is taken modulo 1000 and nudged by one to get the parity `female` asks for.
///
/// # Panics
/// If `region` is not 6 ASCII digits or the birth year is outside 0–9999.
pub fn id_number(region: &str, birth: jiff::civil::Date, seq: u16, female: bool) -> String {
    assert!(
        region.len() == 6 && region.bytes().all(|b| b.is_ascii_digit()),
        "region must be 6 digits, got {region:?}"
    );
    assert!(
        (0..=9999).contains(&birth.year()),
        "birth year out of range"
    );
    let mut seq = seq % 1000;
    let odd = seq % 2 == 1;
    if female && odd {
        seq = if seq == 999 { 998 } else { seq + 1 };
    } else if !female && !odd {
        seq += 1;
    }
    let first17 = format!(
        "{region}{:04}{:02}{:02}{seq:03}",
        birth.year(),
        birth.month(),
        birth.day()
    );
    let check = id_check_digit(&first17).expect("17 digits by construction");
    format!("{first17}{check}")
}
