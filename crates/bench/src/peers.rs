//! The peers: DuckDB, SQLite and PostgreSQL, each driven by `peers.py` in its own process
//! (DuckDB's Rust crate would compile DuckDB from C++ source, about 20 minutes on 2 cores; its
//! Python wheel is prebuilt).

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Finding;

/// The peers, in the order they run.
pub const PEERS: [&str; 3] = ["duckdb", "sqlite", "postgres"];

/// What one peer did: loading its tables, then each timed run of the screening query.
#[derive(Debug)]
pub struct PeerRun {
    pub peer: String,
    pub load_s: f64,
    pub screen_s: Vec<f64>,
    /// The findings at each instant asked for, in order.
    pub findings: Vec<BTreeSet<Finding>>,
    /// The time of each dashboard question, and the counts answered (when asked).
    pub dashboard_s: Vec<f64>,
    pub dashboard: Option<BTreeSet<crate::dashboard::Count>>,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("peers.py")
}

fn failed(what: String) -> io::Error {
    io::Error::other(what)
}

/// Checks that Python can drive every peer, before anything long starts.
pub fn check() -> io::Result<()> {
    let out = Command::new("python3")
        .args(["-c", "import duckdb, psycopg"])
        .output()
        .map_err(|e| failed(format!("未找到 python3（python3 not found）: {e}")))?;
    if !out.status.success() {
        return Err(failed(format!(
            "缺少对比所需的 Python 包，请运行 pip install -r crates/bench/requirements.txt \
             (the peers' Python packages are missing): {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(())
}

/// Runs the twelve rules in `peer` over the tables in `tables` at each instant of `now` (Unix
/// seconds), timing the first `runs` times; then, given `dashboard` (the warnings table and the
/// scopes file), the dashboard's questions.
pub fn run(
    peer: &str,
    tables: &Path,
    now: &[i64],
    runs: usize,
    postgres: &str,
    timeout_seconds: u32,
    dashboard: Option<(&Path, &Path)>,
) -> io::Result<PeerRun> {
    let instants: Vec<String> = now.iter().map(i64::to_string).collect();
    // coreutils' timeout: a peer that hangs (DuckDB 1.4.2 did once at tier L) is stopped.
    let mut command = Command::new("timeout");
    command
        .arg(timeout_seconds.to_string())
        .arg("python3")
        .arg(script())
        .args(["--peer", peer, "--now", &instants.join(",")])
        .args(["--runs", &runs.to_string()])
        .arg("--data")
        .arg(tables)
        .arg("--out")
        .arg(tables)
        .args(["--postgres", postgres]);
    if let Some((warnings, scopes)) = dashboard {
        command.arg("--warnings").arg(warnings);
        command.arg("--scopes").arg(scopes);
    }
    let out = command.output()?;
    if out.status.code() == Some(124) {
        return Err(failed(format!(
            "{peer} 超过 {timeout_seconds} 秒未完成，已停止（{peer} timed out）"
        )));
    }
    if !out.status.success() {
        return Err(failed(format!(
            "{peer} 运行失败（{peer} failed）: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    let report: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| failed(format!("{peer}: unreadable report {line:?}: {e}")))?;
    let times = |key: &str| -> Vec<f64> {
        report[key]
            .as_array()
            .map(|runs| runs.iter().filter_map(|r| r.as_f64()).collect())
            .unwrap_or_default()
    };
    let screen_s = times("screen_s");
    let dashboard_s = times("dashboard_s");
    let counts = dashboard
        .map(|_| crate::dashboard::read_counts(&tables.join(format!("dashboard-{peer}.csv"))))
        .transpose()?;
    Ok(PeerRun {
        peer: peer.to_string(),
        load_s: report["load_s"].as_f64().unwrap_or(f64::NAN),
        screen_s,
        findings: instants
            .iter()
            .map(|now| crate::read_findings(&tables.join(format!("findings-{peer}-{now}.csv"))))
            .collect::<io::Result<_>>()?,
        dashboard_s,
        dashboard: counts,
    })
}
