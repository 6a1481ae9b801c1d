//! The dashboard metric: open warnings by rule and level for a unit and everything under it.
//! Zhifa reads the counts its world keeps as warning facts apply (`World::open_warnings`); a
//! warehouse counts them when asked, with a GROUP BY over its warnings table
//! (`sql/dashboard.sql`). Both answer for the same scopes (the province, every city and
//! county, and a sample of stations) over the same warnings (every warning of Zhifa's screening
//! at the end of the history, all its rules), and their counts must be equal.

use std::collections::BTreeSet;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use domain::elements::{UnitLevel, WarningLevel};
use domain::fact::{ElementKind, FactBody, WarningRaised};
use domain::ids::WarningId;
use domain::{At, Fact, World};
use jiff::Timestamp;

/// One scope's count: (scope's unit path, rule, level, open warnings).
pub type Count = (String, String, String, u64);

/// Stations asked about, at most (there are thousands in a province): every n-th.
const STATIONS: usize = 200;

/// The warnings of a screening as the warehouse's table (CSV: rule, level, element, subject,
/// unit_path), each with the path of the unit that owns its subject; how many.
pub fn write_warnings(world: &World, warnings: &[rules::Warning], path: &Path) -> io::Result<u64> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "rule,level,element,subject,unit_path")?;
    let mut n = 0;
    for w in warnings {
        let kind = ElementKind::from_code(w.element).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidData, format!("kind {}", w.element))
        })?;
        let unit = world.owner_unit(kind, &w.subject);
        let unit_path = world.unit_path(unit.as_ref());
        let level = w.level.as_str();
        writeln!(
            out,
            "{},{level},{},{},{unit_path}",
            w.rule, w.element, w.subject
        )?;
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

/// The scopes asked about: the province, every city and county, and up to `STATIONS`
/// stations, by unit path.
pub fn scopes(world: &World) -> Vec<String> {
    let mut above: Vec<String> = Vec::new();
    let mut stations: Vec<String> = Vec::new();
    for unit in world.units.values() {
        match unit.level {
            UnitLevel::Station => stations.push(unit.path.clone()),
            _ => above.push(unit.path.clone()),
        }
    }
    let every = stations.len().div_ceil(STATIONS).max(1);
    above.extend(stations.into_iter().step_by(every));
    above.sort();
    above
}

/// Records each warning of the table as the live engine does (a `warning.raised` fact applied to
/// the world, which counts it); how many.
pub fn raise(world: &mut World, table: &Path, at: Timestamp) -> io::Result<u64> {
    let at = At::china(at);
    let file = BufReader::new(std::fs::File::open(table)?);
    let bad = |line: usize, what: String| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{}:{line}: {what}", table.display()),
        )
    };
    let mut n = 0u64;
    for (k, line) in file.lines().enumerate().skip(1) {
        let line = line?;
        let fields: Vec<&str> = line.split(',').collect();
        let [rule, level, element, subject, _] = fields[..] else {
            return Err(bad(
                k + 1,
                "not rule,level,element,subject,unit_path".into(),
            ));
        };
        n += 1;
        let body = FactBody::WarningRaised(WarningRaised {
            id: WarningId::parse(&format!("YJ{n:08}")).map_err(|e| bad(k + 1, e))?,
            rule: rule.to_string(),
            element: ElementKind::from_code(element)
                .ok_or_else(|| bad(k + 1, format!("element {element}")))?,
            subject: subject.to_string(),
            level: WarningLevel::from_code(level)
                .ok_or_else(|| bad(k + 1, format!("level {level}")))?,
            due: None,
            message: format!("{rule}预警"),
        });
        world
            .apply(&Fact::new(at, body), None)
            .map_err(|e| bad(k + 1, e.to_string()))?;
    }
    Ok(n)
}

/// Zhifa's answers for each scope, and the time of each read, in seconds.
pub fn read(world: &World, scopes: &[String]) -> (BTreeSet<Count>, Vec<f64>) {
    let mut counts = BTreeSet::new();
    let mut times = Vec::with_capacity(scopes.len());
    for scope in scopes {
        let started = Instant::now();
        let found = std::hint::black_box(world.open_warnings(scope));
        times.push(crate::seconds(started));
        for (rule, level, n) in found {
            counts.insert((
                scope.clone(),
                rule.to_string(),
                level.as_str().to_string(),
                n.into(),
            ));
        }
    }
    (counts, times)
}

/// Writes the scopes, one unit path a line.
pub fn write_scopes(scopes: &[String], path: &Path) -> io::Result<()> {
    std::fs::write(path, scopes.join("\n") + "\n")
}

/// A peer's answers (CSV with a header: scope,rule,level,count).
pub fn read_counts(path: &Path) -> io::Result<BTreeSet<Count>> {
    let text = std::fs::read_to_string(path)?;
    let mut counts = BTreeSet::new();
    for (k, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let parsed = match fields[..] {
            [scope, rule, level, n] => n.parse().ok().map(|n| (scope, rule, level, n)),
            _ => None,
        };
        let Some((scope, rule, level, n)) = parsed else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}:{}: not scope,rule,level,count", path.display(), k + 1),
            ));
        };
        counts.insert((scope.into(), rule.into(), level.into(), n));
    }
    Ok(counts)
}
