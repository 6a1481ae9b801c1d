//! Issue 3's speed targets for the rules: a batch screening of a generated province after it
//! is loaded, and the incremental evaluation of each fact (links noted, affected elements
//! re-evaluated), as the live engine does after a commit.
//!
//! ```sh
//! cargo run --release -p rules --example screen_bench -- [SCALE] [DAYS]
//! cargo run --release -p rules --example screen_bench -- --file PROVINCE.jsonl
//! ```
//! SCALE 1 is the demo province (about 111 incidents a day); a province-year of issue 3
//! (10M incidents) is SCALE 250, DAYS 365. The facts are generated and applied as they stream
//! out of the generator (no file); the last 200,000 facts are also evaluated incrementally, as
//! the live engine does: links noted, affected elements evaluated for their levels.

use std::io::Write;

/// The allocator of the `zhifa` binary, so the figures are the ones users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;

use domain::fact::ElementKind;
use domain::{Fact, World};
use jiff::SignedDuration;
use rules::{Affected, EVALUATED, Links, Policy};

/// Applies each generated line to the world as it arrives.
struct Loader {
    world: World,
    pending: Vec<u8>,
    facts: u64,
    /// Facts kept for the incremental measurement (the last ones).
    tail: std::collections::VecDeque<Fact>,
}

const TAIL: usize = 200_000;

impl Write for Loader {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut start = 0;
        while let Some(end) = memchr(b'\n', &self.pending[start..]) {
            let line = std::str::from_utf8(&self.pending[start..start + end]).unwrap();
            let fact = Fact::from_line(line).unwrap();
            self.world
                .apply(&fact, None)
                .unwrap_or_else(|e| panic!("{line}: {e:?}"));
            self.facts += 1;
            self.tail.push_back(fact);
            if self.tail.len() > TAIL {
                self.tail.pop_front();
            }
            start += end + 1;
        }
        self.pending.drain(..start);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn memchr(byte: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == byte)
}

/// Resident and peak memory of this process in MB, from /proc (Linux).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    format!(
        "resident {} MB, peak {} MB",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

fn percentile(sorted: &[u64], p: f64) -> u64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// One fact's incremental work, as the live engine does it after a commit: links noted, the
/// affected elements evaluated for their levels. Returns the evaluations and warnings seen.
fn incremental(world: &World, links: &mut Links, policy: &Policy, fact: &Fact) -> u64 {
    let kind = fact.kind().element();
    let subject = fact.subject();
    links.note(world, kind, &subject);
    let mut evaluated = 0;
    if let Affected::Elements(list) =
        rules::affected_by_fact(world, links, fact.kind(), kind, &subject)
    {
        for (k, n) in list {
            let e = rules::evaluate_levels_at(world, links, policy, k, n, fact.at.instant());
            evaluated += e.warnings.len() as u64 + 1;
        }
    }
    evaluated
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let started = Instant::now();
    let mut loader = Loader {
        world: World::new(),
        pending: Vec::new(),
        facts: 0,
        tail: Default::default(),
    };
    // `--file PATH`: a province written before (`datagen` example), so that generating it is
    // neither timed nor in memory; otherwise SCALE DAYS generated here.
    let province = if args.get(1).map(String::as_str) == Some("--file") {
        let path = &args[2];
        let mut file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        std::io::copy(&mut file, &mut loader).unwrap();
        path.clone()
    } else {
        let scale: f64 = args.get(1).map_or(1.0, |s| s.parse().unwrap());
        let days: u32 = args.get(2).map_or(180, |s| s.parse().unwrap());
        let config = datagen::Config {
            scale,
            days,
            ..Default::default()
        };
        datagen::generate_jsonl(&config, &mut loader).unwrap();
        format!("scale {scale}, {days} days")
    };
    let loaded = started.elapsed();
    let world = &loader.world;
    let elements: usize = EVALUATED.iter().map(|k| world.ids(*k).len()).sum();
    println!(
        "province: {province}: {} facts, {} incidents, {} cases, {} measures, {} stays, {} interrogations, {} property items, {} persons ({elements} elements evaluated); loaded in {:.1} s; {}",
        loader.facts,
        world.incidents.len(),
        world.cases.len(),
        world.measures.len(),
        world.stays.len(),
        world.interrogations.len(),
        world.properties.len(),
        world.persons.len(),
        loaded.as_secs_f64(),
        memory()
    );
    if std::env::var("ZHIFA_BENCH_MEMORY").is_ok() {
        // The element maps' own memory (entries, index table), without what their entries own
        // on the heap.
        fn table<K, V, S>(name: &str, map: &indexmap::IndexMap<K, V, S>) {
            let entry = std::mem::size_of::<(u64, K, V)>();
            println!(
                "  {name}: {} entries × {entry} B = {} MB, index {} slots = {} MB",
                map.len(),
                map.len() * entry / 1_000_000,
                map.capacity(),
                map.capacity() * 9 / 1_000_000
            );
        }
        table("units", &world.units);
        table("officers", &world.officers);
        table("incidents", &world.incidents);
        table("cases", &world.cases);
        table("persons", &world.persons);
        table("measures", &world.measures);
        table("stays", &world.stays);
        table("interrogations", &world.interrogations);
        table("properties", &world.properties);
        table("documents", &world.documents);
    }
    if std::env::var("ZHIFA_BENCH_MEMORY").is_ok() {
        // What the elements own on the heap: text and lists, by capacity (allocator rounding
        // not counted).
        let text = |s: &String| s.capacity();
        let list = |n: usize, each: usize| n * each;
        let mut heap: Vec<(&str, usize)> = Vec::new();
        heap.push((
            "incidents",
            world
                .incidents
                .values()
                .map(|i| {
                    text(&i.category)
                        + text(&i.summary)
                        + list(i.officers.capacity(), 24)
                        + list(i.recategorizations.capacity(), 56)
                        + i.recategorizations
                            .iter()
                            .map(|r| text(&r.category))
                            .sum::<usize>()
                        + list(i.videos.capacity(), 24)
                        + i.videos.iter().map(text).sum::<usize>()
                })
                .sum(),
        ));
        heap.push((
            "cases",
            world
                .cases
                .values()
                .map(|c| {
                    text(&c.category)
                        + list(c.acts.capacity(), 32)
                        + list(c.injuries.capacity(), 56)
                        + list(c.prior_notices.capacity(), 48)
                        + list(c.reviews.capacity(), 56)
                        + c.decision
                            .as_ref()
                            .map_or(0, |d| list(d.penalties.capacity(), 64))
                })
                .sum(),
        ));
        heap.push((
            "persons",
            world
                .persons
                .values()
                .map(|p| {
                    text(&p.name)
                        + p.id_number.as_ref().map_or(0, |_| 18)
                        + list(p.flags.capacity(), 1)
                        + list(p.links.capacity(), 56)
                        + list(p.legal_aid.capacity(), 48)
                })
                .sum(),
        ));
        heap.push((
            "measures",
            world
                .measures
                .values()
                .map(|m| {
                    m.family
                        .as_ref()
                        .and_then(|f| f.reason.as_ref())
                        .map_or(0, text)
                })
                .sum(),
        ));
        heap.push((
            "stays",
            world
                .stays
                .values()
                .map(|s| {
                    list(s.meals.capacity(), 24)
                        + list(s.placements.capacity(), 56)
                        + s.placements.iter().map(|p| text(&p.room)).sum::<usize>()
                })
                .sum(),
        ));
        heap.push((
            "interrogations",
            world
                .interrogations
                .values()
                .map(|i| list(i.officers.capacity(), 24))
                .sum(),
        ));
        heap.push((
            "properties",
            world
                .properties
                .values()
                .map(|p| {
                    text(&p.category)
                        + text(&p.description)
                        + list(p.storages.capacity(), 72)
                        + p.storages.iter().map(|s| text(&s.location)).sum::<usize>()
                        + list(p.check_outs.capacity(), 120)
                        + p.check_outs.iter().map(|c| text(&c.purpose)).sum::<usize>()
                })
                .sum(),
        ));
        heap.push((
            "documents",
            world
                .documents
                .values()
                .map(|d| {
                    text(&d.kind)
                        + text(&d.number)
                        + d.subject.as_ref().map_or(0, text)
                        + list(d.served.capacity(), 48)
                })
                .sum(),
        ));
        for (name, bytes) in heap {
            println!("  {name} own on the heap: {} MB", bytes / 1_000_000);
        }
    }
    if let Ok(kind) = std::env::var("ZHIFA_BENCH_KIND_ONLY") {
        let links = Links::of(world);
        let policy = Policy::default();
        let now = datagen::Config::default().end + SignedDuration::from_hours(1);
        let kind = EVALUATED
            .into_iter()
            .find(|k| format!("{k:?}") == kind)
            .unwrap();
        let ids = world.ids(kind);
        for _ in 0..30 {
            for id in &ids {
                std::hint::black_box(rules::evaluate(world, &links, &policy, kind, id, now));
            }
        }
        return;
    }
    if let Ok(n) = std::env::var("ZHIFA_BENCH_LINKS_ONLY") {
        // For profiling the links alone.
        for _ in 0..n.parse::<usize>().unwrap_or(10) {
            std::hint::black_box(Links::of(world));
        }
        return;
    }
    if let Ok(n) = std::env::var("ZHIFA_BENCH_RULES_ONLY") {
        // For profiling the rules alone: links built once, the batch screen run N times.
        let links = Links::of(world);
        let policy = Policy::default();
        let now = datagen::Config::default().end + SignedDuration::from_hours(1);
        let t = Instant::now();
        let runs = n.parse::<usize>().unwrap_or(10);
        for _ in 0..runs {
            std::hint::black_box(rules::screen_with(world, &links, &policy, now));
        }
        println!(
            "rules only: {:.3} s a run",
            t.elapsed().as_secs_f64() / runs as f64
        );
        return;
    }
    if let Ok(n) = std::env::var("ZHIFA_BENCH_INCREMENTAL_ONLY") {
        // For profiling the incremental path alone: the tail evaluated N times.
        let mut links = Links::of(world);
        let policy = Policy::default();
        let t = Instant::now();
        for _ in 0..n.parse::<usize>().unwrap_or(10) {
            for fact in &loader.tail {
                incremental(world, &mut links, &policy, fact);
            }
        }
        println!("incremental only: {:.3} s", t.elapsed().as_secs_f64());
        return;
    }
    let now = datagen::Config::default().end + SignedDuration::from_hours(1);
    let policy = Policy::default();
    let runs: usize = std::env::var("ZHIFA_BENCH_RUNS").map_or(5, |n| n.parse().unwrap());
    for run in 1..=runs {
        let t = Instant::now();
        let links = Links::of(world);
        let linked = t.elapsed();
        let found = rules::screen_with(world, &links, &policy, now);
        let total = t.elapsed();
        println!(
            "batch screen run {run}: {:.3} s ({:.3} s links, {:.3} s rules; {} warnings; {:.0} ns per element)",
            total.as_secs_f64(),
            linked.as_secs_f64(),
            (total - linked).as_secs_f64(),
            found.len(),
            total.as_nanos() as f64 / elements as f64
        );
        if run == 1 {
            println!("  after the first screening: {}", memory());
        }
    }
    // A screening kept from the load: built once (a full screening), then moved forward.
    {
        let t = Instant::now();
        let mut kept = rules::Screening::new(world, now);
        println!(
            "kept screening built at load: {:.3} s; {}",
            t.elapsed().as_secs_f64(),
            memory()
        );
        for (label, hours) in [("1 h", 1i64), ("1 d", 24), ("30 d", 24 * 30)] {
            let t = Instant::now();
            let due = kept.advance(world, now + SignedDuration::from_hours(hours));
            let found: Vec<&rules::Warning> = kept.warnings().collect();
            println!(
                "screen {label} after the load, from the kept screening: {:.3} s ({due} elements due; {} warnings, by reference)",
                t.elapsed().as_secs_f64(),
                found.len()
            );
        }
        let t = Instant::now();
        let found = kept.screen_at(world, now + SignedDuration::from_hours(24 * 30));
        println!(
            "  the same warnings cloned and sorted (screen_at): {:.3} s ({} warnings)",
            t.elapsed().as_secs_f64(),
            found.len()
        );
    }
    {
        let links = Links::of(world);
        let found = rules::screen_with(world, &links, &policy, now);
        let mut per_rule = std::collections::BTreeMap::new();
        for w in &found {
            *per_rule.entry(w.rule).or_insert(0usize) += 1;
        }
        let counts: Vec<String> = rules::IMPLEMENTED
            .iter()
            .map(|r| format!("{} {}", r.id, per_rule.get(r.id).copied().unwrap_or(0)))
            .collect();
        println!("warnings per rule: {}", counts.join(", "));
        for kind in EVALUATED {
            let ids = world.ids(kind);
            let t = Instant::now();
            let mut n = 0;
            for id in &ids {
                n += rules::evaluate(world, &links, &policy, kind, id, now)
                    .warnings
                    .len();
            }
            let spent = t.elapsed();
            println!(
                "  {kind:?}: {} elements, {:.3} s, {:.0} ns each, {n} warnings",
                ids.len(),
                spent.as_secs_f64(),
                spent.as_nanos() as f64 / ids.len().max(1) as f64
            );
        }
    }
    // Incremental: the world before the tail is not kept, so the tail's facts are evaluated
    // against the final world — the same work per fact (note, affected, evaluate) as live.
    let mut links = Links::of(world);
    let mut times = Vec::with_capacity(loader.tail.len());
    let mut by_kind: std::collections::BTreeMap<&str, Vec<u64>> = Default::default();
    let mut evaluated = 0u64;
    for fact in &loader.tail {
        let t = Instant::now();
        evaluated += incremental(world, &mut links, &policy, fact);
        let spent = t.elapsed().as_nanos() as u64;
        times.push(spent);
        by_kind.entry(fact.kind().as_str()).or_default().push(spent);
    }
    if std::env::var("ZHIFA_BENCH_BY_KIND").is_ok() {
        // Which kinds make the slowest 1 % (what the p99 is made of).
        let mut sorted = times.clone();
        sorted.sort_unstable();
        let p99 = percentile(&sorted, 0.99);
        for (kind, spent) in &by_kind {
            let slow = spent.iter().filter(|t| **t > p99).count();
            if slow > 0 {
                println!("  slowest 1 %: {kind} {slow}");
            }
        }
        for (kind, mut spent) in by_kind {
            spent.sort_unstable();
            println!(
                "  {kind}: {} facts, p50 {:.2} µs, p99 {:.2} µs",
                spent.len(),
                percentile(&spent, 0.5) as f64 / 1000.0,
                percentile(&spent, 0.99) as f64 / 1000.0
            );
        }
    }
    times.sort_unstable();
    println!(
        "incremental, {} facts: p50 {:.2} µs, p99 {:.2} µs, max {:.1} µs per fact ({} evaluations)",
        times.len(),
        percentile(&times, 0.50) as f64 / 1000.0,
        percentile(&times, 0.99) as f64 / 1000.0,
        *times.last().unwrap() as f64 / 1000.0,
        evaluated
    );
    let _ = ElementKind::Case;
}
