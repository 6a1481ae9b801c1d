//! What the machine can do, measured before the benchmarks so that their figures can be read
//! against it: read bandwidth from memory on every core, and the latency of `fdatasync`.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

/// The machine's measured limits.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Probe {
    /// Bytes per second read from memory by `threads` threads summing one buffer each.
    pub read_bandwidth: f64,
    pub threads: usize,
    /// `fdatasync` of a 4 KiB append, in seconds: median and 99th percentile.
    pub fsync_p50: f64,
    pub fsync_p99: f64,
}

/// Reads 512 MiB per thread (past any cache) three times and keeps the best pass; appends and
/// syncs 4 KiB 200 times in `dir`.
pub fn probe(dir: &Path) -> io::Result<Probe> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let words = 64 << 20; // 512 MiB of u64 per thread
    let buffers: Vec<Vec<u64>> = (0..threads)
        .map(|t| (0..words as u64).map(|n| n ^ t as u64).collect())
        .collect();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        let sums: Vec<u64> = std::thread::scope(|scope| {
            let handles: Vec<_> = buffers
                .iter()
                .map(|b| scope.spawn(move || b.iter().fold(0u64, |a, x| a.wrapping_add(*x))))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("no panic"))
                .collect()
        });
        std::hint::black_box(sums);
        best = best.min(started.elapsed().as_secs_f64());
    }
    let bytes = (threads * words * 8) as f64;
    drop(buffers);

    std::fs::create_dir_all(dir)?;
    let path = dir.join("fdatasync-probe");
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&path)?;
    let block = [0x5au8; 4096];
    let mut times = Vec::with_capacity(200);
    for _ in 0..200 {
        file.write_all(&block)?;
        let started = Instant::now();
        file.sync_data()?;
        times.push(started.elapsed().as_secs_f64());
    }
    drop(file);
    std::fs::remove_file(&path)?;
    times.sort_by(f64::total_cmp);
    Ok(Probe {
        read_bandwidth: bytes / best,
        threads,
        fsync_p50: percentile(&times, 0.50),
        fsync_p99: percentile(&times, 0.99),
    })
}

/// Runs the probe in `program bench --probe-only --dir DIR`, which prints it as JSON.
pub fn in_child(program: &Path, dir: &Path) -> io::Result<Probe> {
    let out = std::process::Command::new(program)
        .args(["bench", "--probe-only", "--dir"])
        .arg(dir)
        .output()?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "探测失败（the probe failed）: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    serde_json::from_slice(&out.stdout)
        .map_err(|e| io::Error::other(format!("the probe printed no JSON: {e}")))
}

/// The value at fraction `p` of sorted values (nearest rank).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}
