//! `zhifa bench`: Zhifa side by side with what a bureau would use instead (issue 4), in one run
//! on one machine.
//!
//! A tier of the seeded generator is written once as FORMAT.md JSON Lines (Zhifa's own import)
//! and, from the world those facts build, as CSV warehouse tables (`export`) that DuckDB, SQLite
//! and PostgreSQL load. The same twelve rules run as one SQL query in each peer (`sql/rules.sql`,
//! driven by `peers.py`) and in Zhifa; the findings must be the same set, rule, subject and
//! level, or the run fails.

pub mod dashboard;
pub mod export;
pub mod http;
pub mod ingest;
pub mod peers;
pub mod probe;
pub mod run;

use std::collections::BTreeSet;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use domain::{Fact, World};
use jiff::Timestamp;

/// The rules every peer runs, as `sql/rules.sql` writes them.
pub const RULES: [&str; 12] = [
    "JQ-04", "RQ-05", "RQ-07", "CW-01", "XS-01", "CW-06", // deadlines
    "JQ-05", "CS-05", "CW-02", // consistency
    "XZ-08", "XS-09", "XS-04", // joining elements
];

/// A data size, as a share of a province-year (10M incidents).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// 1/100: the smoke test CI runs.
    S,
    /// 1/10.
    M,
    /// One province-year.
    L,
    /// Three years of L.
    Xl,
}

impl Tier {
    pub fn parse(text: &str) -> Option<Tier> {
        match text.to_ascii_lowercase().as_str() {
            "s" => Some(Tier::S),
            "m" => Some(Tier::M),
            "l" => Some(Tier::L),
            "xl" => Some(Tier::Xl),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::S => "s",
            Tier::M => "m",
            Tier::L => "l",
            Tier::Xl => "xl",
        }
    }

    /// The generator's settings: a province-year is scale 250 over 365 days (10.1M incidents,
    /// 2.2M cases, 4.0M property items, 2.1M stays), with violations at the generator's named
    /// rates.
    pub fn config(self) -> datagen::Config {
        let (scale, days) = match self {
            Tier::S => (2.5, 365),
            Tier::M => (25.0, 365),
            Tier::L => (250.0, 365),
            Tier::Xl => (250.0, 3 * 365),
        };
        datagen::Config {
            seed: 42,
            scale,
            days,
            ..Default::default()
        }
    }
}

/// A finding, as every side reports it: rule, subject, level code.
pub type Finding = (String, String, String);

/// Where a tier's files live, and makes them if missing: the facts (JSON Lines) and the
/// warehouse tables (CSV), written once and reused by later runs.
pub struct TierData {
    pub dir: PathBuf,
    pub facts: PathBuf,
    pub tables: PathBuf,
}

impl TierData {
    pub fn at(root: &Path, tier: Tier) -> TierData {
        let dir = root.join(tier.name());
        TierData {
            facts: dir.join("facts.jsonl"),
            tables: dir.join("tables"),
            dir,
        }
    }

    /// Writes the facts if they are not there yet (a partial file never counts: it is written
    /// under another name and renamed when complete). Returns whether it wrote them.
    pub fn ensure_facts(&self, tier: Tier) -> io::Result<bool> {
        if self.facts.exists() {
            return Ok(false);
        }
        std::fs::create_dir_all(&self.dir)?;
        let partial = self.dir.join("facts.jsonl.partial");
        let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&partial)?);
        datagen::generate_jsonl(&tier.config(), &mut out)?;
        out.flush()?;
        drop(out);
        std::fs::rename(&partial, &self.facts)?;
        Ok(true)
    }
}

impl TierData {
    /// Writes the warehouse tables of `world` if they are not there yet (made in another
    /// directory and renamed when complete). Returns whether it wrote them.
    pub fn ensure_tables(&self, world: &World) -> io::Result<bool> {
        if self.tables.exists() {
            return Ok(false);
        }
        let partial = self.dir.join("tables.partial");
        if partial.exists() {
            std::fs::remove_dir_all(&partial)?;
        }
        export::export(world, &partial)?;
        std::fs::rename(&partial, &self.tables)?;
        Ok(true)
    }
}

/// The lines of a file.
fn count_lines(path: &Path) -> io::Result<usize> {
    let mut reader = BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut n = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(n);
        }
        n += buf.iter().filter(|b| **b == b'\n').count();
        let len = buf.len();
        reader.consume(len);
    }
}

/// Builds the world from a JSON Lines file, one fact after another as an import does, except
/// the last `tail` facts, which are parsed and handed back (to be applied one by one, timed);
/// and how many facts it applied. The lines are read and parsed on one thread while the facts
/// before them are applied on this one, in batches: the two take about as long as each other.
pub fn load(path: &Path, tail: usize) -> io::Result<(World, usize, Vec<Fact>)> {
    const BATCH: usize = 4096;
    let lines = count_lines(path)?;
    let keep_from = lines.saturating_sub(tail);
    let file = std::fs::File::open(path)?;
    let bad = |n: usize, why: String| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}:{}: {why}", path.display(), n + 1),
        )
    };
    std::thread::scope(|scope| {
        let (batches, parsed) = std::sync::mpsc::sync_channel::<io::Result<Vec<Fact>>>(8);
        scope.spawn(move || {
            let reader = BufReader::with_capacity(1 << 20, file);
            let mut batch = Vec::with_capacity(BATCH);
            for (n, line) in reader.lines().enumerate() {
                let fact = line
                    .and_then(|line| Fact::from_line(&line).map_err(|e| bad(n, format!("{e:?}"))));
                match fact {
                    Ok(fact) => batch.push(fact),
                    Err(e) => {
                        let _ = batches.send(Err(e));
                        return;
                    }
                }
                if batch.len() == BATCH
                    && batches
                        .send(Ok(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))))
                        .is_err()
                {
                    return;
                }
            }
            let _ = batches.send(Ok(batch));
        });
        let mut world = World::new();
        let mut kept = Vec::with_capacity(lines - keep_from);
        let mut n = 0;
        for batch in parsed {
            for fact in batch? {
                if n >= keep_from {
                    kept.push(fact);
                } else {
                    world
                        .apply(&fact, None)
                        .map_err(|e| bad(n, format!("{e:?}")))?;
                }
                n += 1;
            }
        }
        Ok((world, keep_from, kept))
    })
}

/// Applies `facts` one by one as the live engine does (links noted, the elements each fact
/// affects evaluated for their levels at the fact's time) and returns the evaluation time of
/// each, in seconds (applying the fact to the world is not counted: it is the store's work).
pub fn incremental(
    world: &mut World,
    links: &mut rules::Links,
    policy: &rules::Policy,
    facts: &[Fact],
) -> io::Result<Vec<f64>> {
    let mut times = Vec::with_capacity(facts.len());
    for fact in facts {
        let applied = world
            .apply(fact, None)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{e:?}")))?;
        let started = Instant::now();
        for (kind, id) in &applied.touched {
            links.note(world, *kind, id);
        }
        let mut again = Vec::new();
        for (kind, id) in &applied.touched {
            match rules::affected_by_fact(world, links, fact.kind(), *kind, id) {
                // A unit, an officer or a calendar day: every element again, as a screening.
                rules::Affected::All => {
                    again.clear();
                    rules::screen_with(world, links, policy, fact.at.instant());
                    break;
                }
                rules::Affected::Elements(list) => again.extend(list),
            }
        }
        for (kind, n) in again {
            std::hint::black_box(rules::evaluate_levels_at(
                world,
                links,
                policy,
                kind,
                n,
                fact.at.instant(),
            ));
        }
        times.push(seconds(started));
    }
    Ok(times)
}

/// Zhifa's findings among [`RULES`]: every implemented rule is evaluated (the screen a
/// deployment runs), then the others are set aside.
pub fn zhifa_findings(warnings: &[rules::Warning]) -> BTreeSet<Finding> {
    warnings
        .iter()
        .filter(|w| RULES.contains(&w.rule))
        .map(|w| {
            (
                w.rule.to_string(),
                w.subject.clone(),
                w.level.as_str().to_string(),
            )
        })
        .collect()
}

/// Writes findings as a peer does (CSV with a header: rule,subject,level), so that a run's
/// sides can be compared afterwards too.
pub fn write_findings(path: &Path, findings: &BTreeSet<Finding>) -> io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "rule,subject,level")?;
    for (rule, subject, level) in findings {
        writeln!(out, "{rule},{subject},{level}")?;
    }
    out.flush()
}

/// Reads a peer's findings file (CSV with a header: rule,subject,level).
pub fn read_findings(path: &Path) -> io::Result<BTreeSet<Finding>> {
    let text = std::fs::read_to_string(path)?;
    let mut found = BTreeSet::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let mut fields = line.split(',');
        match (fields.next(), fields.next(), fields.next(), fields.next()) {
            (Some(rule), Some(subject), Some(level), None) => {
                found.insert((rule.to_string(), subject.to_string(), level.to_string()));
            }
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}:{}: not rule,subject,level", path.display(), n + 1),
                ));
            }
        }
    }
    Ok(found)
}

/// The two set differences between Zhifa's findings and a peer's.
#[derive(Debug, Default)]
pub struct Difference {
    pub only_zhifa: Vec<Finding>,
    pub only_peer: Vec<Finding>,
}

impl Difference {
    pub fn of(zhifa: &BTreeSet<Finding>, peer: &BTreeSet<Finding>) -> Difference {
        Difference {
            only_zhifa: zhifa.difference(peer).cloned().collect(),
            only_peer: peer.difference(zhifa).cloned().collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.only_zhifa.is_empty() && self.only_peer.is_empty()
    }
}

/// Seconds since `started`.
pub fn seconds(started: Instant) -> f64 {
    started.elapsed().as_secs_f64()
}

/// The screening instant of a tier: the end of its generated history.
pub fn as_of(tier: Tier) -> Timestamp {
    tier.config().end
}

#[cfg(test)]
mod tests;
