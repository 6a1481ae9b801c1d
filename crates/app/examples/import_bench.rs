//! Measures durable, group-committed import: a generated province file of about N facts is
//! imported into a fresh store (SQLite file, or PostgreSQL with `--db`), and facts/s printed.
//!
//! `cargo run --release -p app --example import_bench -- SCALE [postgres://…]`

use std::time::Instant;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let scale: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let url = args.next();
    let dir = std::env::temp_dir().join(format!("zhifa-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("province.jsonl");
    let config = datagen::Config {
        scale,
        ..Default::default()
    };
    datagen::generate_jsonl(
        &config,
        &mut std::io::BufWriter::new(std::fs::File::create(&file).unwrap()),
    )
    .unwrap();
    let url = url.unwrap_or_else(|| format!("sqlite://{}", dir.join("zhifa.db").display()));
    let app = app::App::open(&url).await.unwrap();
    let started = Instant::now();
    let report = app
        .import_files(&[&file], Default::default())
        .await
        .unwrap_or_else(|e| panic!("{e}: {}", e.message_zh()));
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{{\"metric\":\"import\",\"facts\":{},\"seconds\":{seconds:.2},\"facts_per_second\":{:.0},\"db\":\"{}\"}}",
        report.imported,
        report.imported as f64 / seconds,
        if url.starts_with("sqlite") {
            "sqlite"
        } else {
            "postgres"
        }
    );
    let _ = std::fs::remove_dir_all(&dir);
}
