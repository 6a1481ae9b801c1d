//! One benchmark run: probe the machine, make (or reuse) the tier's data, screen it in Zhifa
//! and in every peer, check that the findings are the same set, and report each metric as
//! `{"metric", "zhifa", "peer", "peer_value", "ratio", "unit"}`.

use std::io;
use std::path::PathBuf;
use std::time::Instant;

use serde::Serialize;

use crate::peers::{self, PeerRun};
use crate::probe::{self, Probe};
use crate::{Difference, Tier, TierData, seconds};

/// What to run.
#[derive(Clone, Debug)]
pub struct Options {
    pub tier: Tier,
    /// Where tiers' data is kept between runs.
    pub dir: PathBuf,
    /// Timed runs of each screening (the median is reported).
    pub runs: usize,
    pub peers: Vec<String>,
    /// libpq connection string of the PostgreSQL peer (for its Python driver).
    pub postgres: String,
    /// The same server as a URL (for Zhifa's own driver, in the ingest benchmark).
    pub postgres_url: String,
    /// Facts recorded one by one in the durable-ingest benchmark.
    pub ingest_facts: usize,
    /// Clients recording at once in the durable-ingest benchmark, each awaiting its commit
    /// before its next fact (the PostgreSQL peer gets as many connections).
    pub ingest_clients: usize,
    /// Seconds of each HTTP load (0: no HTTP benchmark).
    pub http_seconds: u32,
    /// Seconds a peer may take, loading and screening, before it is stopped.
    pub peer_timeout: u32,
    /// The last facts of the tier, applied one by one and timed (the incremental metrics).
    pub tail: usize,
    /// A program that probes the machine when run with `bench --probe-only --dir DIR` (this
    /// one, for `zhifa bench`); the probe runs in this process without one.
    pub probe_program: Option<PathBuf>,
}

/// One line of the report. `ratio` is the peer's over Zhifa's where lower is better (times,
/// memory: how many times better Zhifa does), Zhifa's over the peer's for rates and shares.
#[derive(Clone, Debug, Serialize)]
pub struct Metric {
    pub metric: String,
    pub zhifa: f64,
    pub peer: String,
    pub peer_value: f64,
    pub ratio: f64,
    pub unit: String,
}

impl Metric {
    /// A figure where lower is better (a time, memory): the ratio is the peer's over Zhifa's.
    fn lower(metric: &str, zhifa: f64, peer: &str, peer_value: f64, unit: &str) -> Metric {
        Metric {
            metric: metric.into(),
            zhifa,
            peer: peer.into(),
            peer_value,
            ratio: peer_value / zhifa,
            unit: unit.into(),
        }
    }

    /// A figure where higher is better (a rate), or a share of the peer's: the ratio is
    /// Zhifa's over the peer's.
    fn higher(metric: &str, zhifa: f64, peer: &str, peer_value: f64, unit: &str) -> Metric {
        Metric {
            ratio: zhifa / peer_value,
            ..Metric::lower(metric, zhifa, peer, peer_value, unit)
        }
    }

    /// A time.
    fn time(metric: &str, zhifa: f64, peer: &str, peer_value: f64) -> Metric {
        Metric::lower(metric, zhifa, peer, peer_value, "s")
    }
}

/// The median of some timings.
fn median(times: &[f64]) -> f64 {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    probe::percentile(&sorted, 0.5)
}

/// A memory figure of this process from `/proc/self/status` (Linux), in bytes.
fn memory(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb * 1024.0)
}

/// Peak resident memory of this process, in bytes.
pub fn peak_memory() -> f64 {
    memory("VmHWM:")
}

/// Resident memory of this process now, in bytes.
pub fn resident_memory() -> f64 {
    memory("VmRSS:")
}

/// Runs everything `options` names, telling progress to `say`. A peer whose findings differ
/// from Zhifa's stops the run with an error; a peer that fails or hangs is listed in the
/// report, and the others still run.
pub async fn run(options: &Options, say: &mut dyn FnMut(String)) -> io::Result<Report> {
    if !options.peers.is_empty() {
        peers::check()?;
    }
    let tier = options.tier;
    let data = TierData::at(&options.dir, tier);
    say(format!(
        "探测本机 probing the machine ({})",
        data.dir.display()
    ));
    // In a child process when one is named: the probe's buffers would count as Zhifa's memory.
    let machine = match &options.probe_program {
        Some(program) => probe::in_child(program, &data.dir)?,
        None => probe::probe(&data.dir)?,
    };
    say(format!(
        "  read bandwidth {:.1} GB/s on {} threads; fdatasync p50 {:.2} ms, p99 {:.2} ms",
        machine.read_bandwidth / 1e9,
        machine.threads,
        machine.fsync_p50 * 1e3,
        machine.fsync_p99 * 1e3
    ));
    let started = Instant::now();
    if data.ensure_facts(tier)? {
        say(format!(
            "生成数据 wrote tier {} facts in {:.1} s: {}",
            tier.name(),
            seconds(started),
            data.facts.display()
        ));
    }
    let started = Instant::now();
    let before = resident_memory();
    let (mut world, applied, tail) = crate::load(&data.facts, options.tail)?;
    // Zhifa's indexes: which case, person and room each element belongs to (the peers build
    // theirs when they load, too).
    let mut links = rules::Links::of(&world);
    let policy = rules::Policy::of(&world);
    let zhifa_load = seconds(started);
    // What a full re-screen reads: every element and its links, all of them in memory.
    let world_bytes = resident_memory() - before;
    say(format!(
        "载入 loaded {} facts into the world and its links in {zhifa_load:.1} s; {} more to apply one by one",
        applied,
        tail.len()
    ));
    let mut per_fact = crate::incremental(&mut world, &mut links, &policy, &tail)?;
    per_fact.sort_by(f64::total_cmp);
    let (p50, p99) = (
        probe::percentile(&per_fact, 0.5),
        probe::percentile(&per_fact, 0.99),
    );
    say(format!(
        "增量 incremental: {} facts, p50 {:.2} µs, p99 {:.2} µs per fact",
        per_fact.len(),
        p50 * 1e6,
        p99 * 1e6
    ));
    if data.ensure_tables(&world)? {
        say(format!(
            "导出 wrote the warehouse tables: {}",
            data.tables.display()
        ));
    }
    let now = crate::as_of(tier);

    // Zhifa's full re-screen: every implemented rule (64, not only the twelve) on every element,
    // on all cores, from nothing kept but the links.
    let mut times = Vec::new();
    let mut warnings = Vec::new();
    for _ in 0..options.runs.max(1) {
        let started = Instant::now();
        warnings = rules::screen_with(&world, &links, &policy, now);
        times.push(seconds(started));
    }
    let zhifa_screen = median(&times);
    let zhifa = crate::zhifa_findings(&warnings);
    crate::write_findings(
        &data
            .tables
            .join(format!("findings-zhifa-{}.csv", now.as_second())),
        &zhifa,
    )?;
    say(format!(
        "智法 Zhifa screened in {zhifa_screen:.3} s (median of {}): {} warnings, {} among the twelve rules",
        times.len(),
        warnings.len(),
        zhifa.len()
    ));
    // The dashboard's warnings: every warning of the screening (all rules), each with the path
    // of the unit that owns its subject, as the table a warehouse would count them in.
    let warnings_table = data
        .tables
        .join(format!("warnings-{}.csv", now.as_second()));
    let open = crate::dashboard::write_warnings(&world, &warnings, &warnings_table)?;
    let scopes = crate::dashboard::scopes(&world);
    let scopes_file = data.tables.join("dashboard-scopes.txt");
    crate::dashboard::write_scopes(&scopes, &scopes_file)?;
    drop(warnings);

    // The screening Zhifa keeps (as its live engine does), moved a day on: only what fell due.
    let mut kept = rules::Screening::with(&world, links, policy, now);
    let next_day = now + jiff::SignedDuration::from_hours(24);
    let started = Instant::now();
    kept.advance(&world, next_day);
    let zhifa_kept = seconds(started);
    let kept_findings = crate::zhifa_findings(&kept.screen_at(&world, next_day));
    crate::write_findings(
        &data
            .tables
            .join(format!("findings-zhifa-{}.csv", next_day.as_second())),
        &kept_findings,
    )?;
    say(format!(
        "智法 Zhifa's kept screening moved a day on in {zhifa_kept:.4} s: {} among the twelve rules",
        kept_findings.len()
    ));
    drop(kept);
    // The dashboard: each warning recorded as the live engine records it (the world counts it
    // by unit, rule and level as it applies), then each scope's counts read.
    let started = Instant::now();
    crate::dashboard::raise(&mut world, &warnings_table, now)?;
    let raised_s = seconds(started);
    let (zhifa_counts, mut zhifa_reads) = crate::dashboard::read(&world, &scopes);
    zhifa_reads.sort_by(f64::total_cmp);
    let (zhifa_read_p50, zhifa_read_p99) = (
        probe::percentile(&zhifa_reads, 0.5),
        probe::percentile(&zhifa_reads, 0.99),
    );
    say(format!(
        "看板 dashboard: {open} open warnings recorded as facts in {raised_s:.1} s; {} scopes read, p50 {:.2} µs, p99 {:.2} µs",
        scopes.len(),
        zhifa_read_p50 * 1e6,
        zhifa_read_p99 * 1e6
    ));
    // Zhifa's memory is read here, and given back before the peers load theirs: at tier L the
    // world and a peer's tables would not fit in the machine together.
    let peak = peak_memory();
    drop(world);

    let mut metrics = Vec::new();
    let mut failures = Vec::new();
    for peer in &options.peers {
        let run: PeerRun = match peers::run(
            peer,
            &data.tables,
            &[now.as_second(), next_day.as_second()],
            options.runs.max(1),
            &options.postgres,
            options.peer_timeout,
            Some((&warnings_table, &scopes_file)),
        ) {
            Ok(run) => run,
            // A peer that fails or hangs says nothing about the others: they still run, and the
            // run fails at the end.
            Err(error) => {
                say(format!("{peer}: {error}"));
                failures.push(format!("{peer}: {error}"));
                continue;
            }
        };
        let mut difference = Difference::of(&zhifa, &run.findings[0]);
        if difference.is_empty() {
            difference = Difference::of(&kept_findings, &run.findings[1]);
        }
        let peer_screen = median(&run.screen_s);
        say(format!(
            "{peer}: loaded in {:.1} s, screened in {peer_screen:.3} s (median of {}): {} findings; \
             only in Zhifa {}, only in {peer} {}",
            run.load_s,
            run.screen_s.len(),
            run.findings[0].len(),
            difference.only_zhifa.len(),
            difference.only_peer.len()
        ));
        if !difference.is_empty() {
            let sample = |list: &[crate::Finding]| {
                list.iter()
                    .take(10)
                    .map(|(r, s, l)| format!("{r} {s} {l}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            return Err(io::Error::other(format!(
                "{peer} 与智法的发现不一致（findings differ）: only in Zhifa [{}], only in {peer} [{}]",
                sample(&difference.only_zhifa),
                sample(&difference.only_peer)
            )));
        }
        metrics.push(Metric::time(
            "full_rescreen",
            zhifa_screen,
            peer,
            peer_screen,
        ));
        metrics.push(Metric::time(
            "rescreen_kept_next_day",
            zhifa_kept,
            peer,
            peer_screen,
        ));
        metrics.push(Metric::time("load", zhifa_load, peer, run.load_s));
        // The dashboard's counts must be Zhifa's, scope by scope.
        let theirs = run.dashboard.unwrap_or_default();
        if theirs != zhifa_counts {
            let only_zhifa: Vec<_> = zhifa_counts.difference(&theirs).take(5).collect();
            let only_peer: Vec<_> = theirs.difference(&zhifa_counts).take(5).collect();
            return Err(io::Error::other(format!(
                "{peer} 的看板计数与智法不一致（dashboard counts differ）: only in Zhifa {only_zhifa:?}, only in {peer} {only_peer:?}"
            )));
        }
        let mut reads = run.dashboard_s;
        reads.sort_by(f64::total_cmp);
        say(format!(
            "{peer}: dashboard, {} scopes, GROUP BY p50 {:.2} ms, p99 {:.2} ms; the same counts",
            reads.len(),
            probe::percentile(&reads, 0.5) * 1e3,
            probe::percentile(&reads, 0.99) * 1e3
        ));
        for (metric, p, zhifa) in [
            ("dashboard_read_p50", 0.5, zhifa_read_p50),
            ("dashboard_read_p99", 0.99, zhifa_read_p99),
        ] {
            metrics.push(Metric::time(
                metric,
                zhifa,
                peer,
                probe::percentile(&reads, p),
            ));
        }
    }
    // Durable ingest: Zhifa's ledger against PostgreSQL, as many clients at once.
    let clients = options.ingest_clients.max(1);
    let each = options.ingest_facts.div_ceil(clients);
    let (app, actor) = crate::ingest::small_app(&data.dir.join("app")).await?;
    let zhifa_ingest = crate::ingest::zhifa(&app, &actor, clients, each).await?;
    say(format!(
        "写入 durable ingest, Zhifa (SQLite, group commit): {} facts from {clients} clients, {:.0} facts/s, commit p50 {:.2} ms, p99 {:.2} ms; views written {:.1} ms after the last",
        zhifa_ingest.facts,
        zhifa_ingest.per_second,
        zhifa_ingest.p50() * 1e3,
        zhifa_ingest.p99() * 1e3,
        zhifa_ingest.views_lag * 1e3
    ));
    if options.peers.iter().any(|p| p == "postgres") {
        let pg = crate::ingest::postgres(&options.postgres_url, clients, each).await?;
        say(format!(
            "写入 durable ingest, PostgreSQL (synchronous_commit on, a transaction per row): {:.0} rows/s, p50 {:.2} ms, p99 {:.2} ms",
            pg.per_second,
            pg.p50() * 1e3,
            pg.p99() * 1e3
        ));
        metrics.push(Metric::higher(
            "durable_ingest",
            zhifa_ingest.per_second,
            "postgres",
            pg.per_second,
            "facts/s",
        ));
        metrics.push(Metric::time(
            "commit_p99",
            zhifa_ingest.p99(),
            "postgres",
            pg.p99(),
        ));
    }
    // HTTP, from a second process (wrk), against a hello-world on the same server stack.
    if options.http_seconds > 0 {
        crate::http::check()?;
        let hello_server = crate::http::serve(crate::http::hello_world()).await?;
        let loads = crate::http::zhifa(&app, &actor, &data.dir.join("http")).await?;
        let secs = options.http_seconds;
        let hello = crate::http::wrk(format!("http://{}/", hello_server.addr), None, secs).await?;
        let read = crate::http::wrk(loads.read_url, Some(&loads.read_script), secs).await?;
        let write = crate::http::wrk(loads.write_url, Some(&loads.write_script), secs).await?;
        // Stopped before the process ends, with whatever the last requests sent committed:
        // a runtime dropped under the writer cancels its commit (logged as an error).
        hello_server.stop().await?;
        loads.server.stop().await?;
        crate::ingest::settle(&app, &actor).await?;
        say(format!(
            "HTTP, 64 connections: hello-world {:.0} req/s (p99 {:.2} ms); case read {:.0} req/s (p99 {:.2} ms); fact recorded {:.0} req/s (p99 {:.2} ms)",
            hello.per_second,
            hello.p99 * 1e3,
            read.per_second,
            read.p99 * 1e3,
            write.per_second,
            write.p99 * 1e3
        ));
        for (metric, load) in [("http_read", read), ("http_write", write)] {
            metrics.push(Metric::higher(
                metric,
                load.per_second,
                "hello_world",
                hello.per_second,
                "req/s",
            ));
            metrics.push(Metric::time(
                &format!("{metric}_p99"),
                load.p99,
                "hello_world",
                hello.p99,
            ));
        }
    }
    drop(app);
    // Zhifa's commit p99 over the machine's fdatasync p99: how many syncs a commit costs.
    metrics.push(Metric::higher(
        "commit_p99_over_fdatasync_p99",
        zhifa_ingest.p99(),
        "probe",
        machine.fsync_p99,
        "s",
    ));
    // The bytes a full re-screen reads per second, as a share of the probed bandwidth.
    metrics.push(Metric::higher(
        "scan_efficiency",
        world_bytes / zhifa_screen,
        "probe",
        machine.read_bandwidth,
        "B/s",
    ));
    // How many facts' evaluations a full re-screen costs.
    metrics.push(Metric::time(
        "incremental_p50",
        p50,
        "full_rescreen",
        zhifa_screen,
    ));
    metrics.push(Metric::time(
        "incremental_p99",
        p99,
        "full_rescreen",
        zhifa_screen,
    ));
    metrics.push(Metric::lower(
        &format!("peak_memory_tier_{}", tier.name()),
        peak,
        "machine",
        24.0 * (1u64 << 30) as f64,
        "B",
    ));
    Ok(Report {
        machine,
        metrics,
        failures,
    })
}

/// What a run measured, and the peers that failed (whose metrics are missing).
#[derive(Debug)]
pub struct Report {
    pub machine: Probe,
    pub metrics: Vec<Metric>,
    pub failures: Vec<String>,
}

/// A value for people: times in s, ms or µs, sizes in MB or GB, rates as given.
fn human(value: f64, unit: &str) -> String {
    match unit {
        "s" if value < 1e-3 => format!("{:.2} µs", value * 1e6),
        "s" if value < 1.0 => format!("{:.1} ms", value * 1e3),
        "s" => format!("{value:.2} s"),
        "B" if value >= 1e9 => format!("{:.2} GB", value / 1e9),
        "B" => format!("{:.0} MB", value / 1e6),
        "B/s" => format!("{:.2} GB/s", value / 1e9),
        _ => format!("{value:.0} {unit}"),
    }
}

/// The metrics as a table for people.
pub fn table(metrics: &[Metric]) -> String {
    let mut out = format!(
        "{:<26} {:>12}  {:<14} {:>12} {:>10}\n",
        "metric", "zhifa", "peer", "peer_value", "ratio"
    );
    for m in metrics {
        out.push_str(&format!(
            "{:<26} {:>12}  {:<14} {:>12} {:>9.2}×\n",
            m.metric,
            human(m.zhifa, &m.unit),
            m.peer,
            human(m.peer_value, &m.unit),
            m.ratio
        ));
    }
    out
}
