//! Measures durable, group-committed import: a generated province file of about N facts is
//! imported into a fresh store (SQLite file, or PostgreSQL with a URL), and facts/s printed.
//!
//! `cargo run --release -p app --example import_bench -- SCALE [postgres://…]`
//!
//! `ZHIFA_BENCH_RUNS=5` repeats a SQLite run, each in a fresh process and into fresh files as a
//! `zhifa import` would be, and prints the median too: on this shared 2-core machine one run can
//! be 20 % off the next.

use std::time::Instant;

/// The allocator of the `zhifa` binary, so the figure is the one users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ZHIFA_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let mut args = std::env::args().skip(1);
    let scale: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let url = args.next();
    let runs: usize = match &url {
        Some(_) => 1, // a PostgreSQL database is not made afresh for each run
        None => std::env::var("ZHIFA_BENCH_RUNS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1),
    };
    // The generated file is kept between runs: generating it is not what is measured.
    let file = std::env::temp_dir().join(format!("zhifa-bench-province-{scale}.jsonl"));
    if !file.exists() {
        let config = datagen::Config {
            scale,
            ..Default::default()
        };
        let partial = file.with_extension("partial");
        datagen::generate_jsonl(
            &config,
            &mut std::io::BufWriter::new(std::fs::File::create(&partial).unwrap()),
        )
        .unwrap();
        std::fs::rename(&partial, &file).unwrap();
    }
    if runs > 1 {
        let mut rates: Vec<f64> = (0..runs)
            .map(|_| {
                let out = std::process::Command::new(std::env::current_exe().unwrap())
                    .arg(scale.to_string())
                    .env_remove("ZHIFA_BENCH_RUNS")
                    .stderr(std::process::Stdio::inherit())
                    .output()
                    .unwrap();
                let line = String::from_utf8(out.stdout).unwrap();
                print!("{line}");
                let json: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
                json["facts_per_second"].as_f64().unwrap()
            })
            .collect();
        rates.sort_by(f64::total_cmp);
        println!(
            "{{\"metric\":\"import_summary\",\"runs\":{runs},\"median_facts_per_second\":{:.0},\"min\":{:.0},\"max\":{:.0}}}",
            rates[runs / 2],
            rates[0],
            rates[runs - 1]
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("zhifa-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = url.unwrap_or_else(|| format!("sqlite://{}", dir.join("zhifa.db").display()));
    let app = app::App::open(&url).await.unwrap();
    let started = Instant::now();
    let report = app
        .import_files(&[&file], Default::default())
        .await
        .unwrap_or_else(|e| panic!("{e}: {}", e.message_zh()));
    let seconds = started.elapsed().as_secs_f64();
    // Durable at commit; on SQLite the WAL is then copied into the database file in the
    // background. Timed too, so that nothing the import causes goes unmeasured.
    app.store().settle().await.unwrap();
    let settled = started.elapsed().as_secs_f64();
    println!(
        "{{\"metric\":\"import\",\"facts\":{},\"seconds\":{seconds:.2},\"facts_per_second\":{:.0},\"seconds_until_checkpointed\":{settled:.2},\"facts_per_second_until_checkpointed\":{:.0},\"db\":\"{}\"}}",
        report.imported,
        report.imported as f64 / seconds,
        report.imported as f64 / settled,
        if url.starts_with("sqlite") {
            "sqlite"
        } else {
            "postgres"
        }
    );
    if std::env::var_os("ZHIFA_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
