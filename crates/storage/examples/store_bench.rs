//! Measures raw fact-row writes through the Store: `cargo run --release -p storage --example store_bench -- N [URL]`.
use std::time::Instant;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let n: i64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(200_000);
    let dir = std::env::temp_dir().join(format!("zhifa-store-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = args
        .next()
        .unwrap_or_else(|| format!("sqlite://{}", dir.join("s.db").display()));
    let sql = storage::SqlStore::open(&url).await.unwrap();
    if let Ok(ddl) = std::env::var("DDL") {
        sql.execute_raw(&ddl).await.unwrap();
    }
    let store: std::sync::Arc<dyn storage::Store> = std::sync::Arc::new(sql);
    let payload = r#"{"fact":"case.act","at":"2026-01-01T08:00:00+08:00","id":"C0012345","act":"interrogation","summary":"某某某某某某某某"}"#;
    let mut bulk = store.begin().await.unwrap();
    let started = Instant::now();
    let mut seq = 0;
    while seq < n {
        let mut batch = storage::Batch::default();
        for _ in 0..8192 {
            seq += 1;
            batch.facts.push(storage::FactRow {
                seq,
                chain: format!("U{}", seq % 6),
                chain_seq: seq / 6 + 1,
                at_micros: seq,
                recorded_at_micros: seq,
                actor: "import".into(),
                unit: "U1".into(),
                kind: "case.act".into(),
                element: "case".into(),
                subject: format!("C{:07}", (seq * 7919) % 300_000),
                payload: payload.into(),
                hash: [7; 32],
            });
        }
        bulk.write(batch).await.unwrap();
    }
    let written = started.elapsed().as_secs_f64();
    bulk.commit().await.unwrap();
    let total = started.elapsed().as_secs_f64();
    println!(
        "rows {n} write {written:.2}s commit {:.2}s rows/s {:.0}",
        total - written,
        n as f64 / total
    );
    let _ = std::fs::remove_dir_all(&dir);
}
