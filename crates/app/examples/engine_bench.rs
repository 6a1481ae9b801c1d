//! The live engine on a real store (issue 3: "a warning reaches the browser ≤ 1 s after its
//! fact commits"): a generated province is imported into a fresh SQLite file, the engine starts
//! (one full evaluation, its warnings recorded), then an officer records facts one at a time,
//! each an interrogation by one officer (CS-05, red at once), and the time from the commit's
//! answer to the warning notice a legal officer receives is measured.
//!
//! `cargo run --release -p app --example engine_bench -- [SCALE] [FACTS]`
//!
//! What is timed per fact: the engine noticing the commit (it gathers commits for 20 ms so a
//! burst is evaluated once), evaluating the touched elements, recording the warning fact
//! (durably, in its own transaction) and the notice reaching the subscriber. The browser adds
//! the server-sent event's trip over the local connection (the Chromium test prints it).

use std::time::{Duration, Instant};

use app::{App, Command};
use domain::Fact;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let scale: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let dir = std::env::temp_dir().join(format!("zhifa-engine-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("province.jsonl");
    let config = datagen::Config {
        scale,
        ..Default::default()
    };
    let accounts = datagen::generate_jsonl(
        &config,
        &mut std::io::BufWriter::new(std::fs::File::create(&file).unwrap()),
    )
    .unwrap();
    let url = format!("sqlite://{}", dir.join("zhifa.db").display());
    let app = App::open(&url).await.unwrap();
    let report = app
        .import_files(&[&file], app::ImportOptions::default())
        .await
        .unwrap();
    let started = Instant::now();
    let open = app.start_engine().await.unwrap();
    println!(
        "province: scale {scale}, {} facts; engine start (full evaluation, warnings recorded): {:.2} s, {open} open warnings",
        report.imported,
        started.elapsed().as_secs_f64()
    );
    let role = |r: &str| accounts.iter().find(|a| a.role == r).unwrap();
    let officer = role("officer");
    let legal = app.actor(&role("legal_officer").officer_id).await.unwrap();
    // The officer's password never needs changing here: the actor is taken as signed in.
    let mut actor = app.actor(&officer.officer_id).await.unwrap();
    actor.must_change_password = false;
    let mut notices = app.warning_notices(legal);
    // A case of the officer's unit to record on, and a person on it.
    let (case, person) = {
        let world = app.world().await;
        let case = world
            .cases
            .values()
            .filter(|c| c.unit == actor.unit && c.filed_at.is_some())
            .map(|c| c.id.to_string())
            .min()
            .expect("the officer's unit has a filed case");
        let person = world
            .persons
            .values()
            .find(|p| p.links.iter().any(|l| l.case.as_str() == case))
            .map(|p| p.id.to_string())
            .expect("the case has a person");
        (case, person)
    };
    let mut latencies = Vec::with_capacity(count);
    for n in 0..count {
        let at = domain::At::china(jiff::Timestamp::now() - jiff::SignedDuration::from_mins(2));
        let end = domain::At::china(jiff::Timestamp::now() - jiff::SignedDuration::from_mins(1));
        let line = format!(
            r#"{{"fact":"interrogation.held","at":"{at}","id":"BENCH-I{n}","person":"{person}","case":"{case}","kind":"questioning","end":"{end}","officers":["{}"]}}"#,
            actor.officer
        );
        let command = Command {
            fact: Fact::from_line(&line).unwrap(),
            override_reason: Some("基准测试".into()),
        };
        app.record(&actor, vec![command]).await.unwrap();
        let committed = Instant::now();
        let subject = format!("BENCH-I{n}");
        loop {
            let notice = tokio::time::timeout(Duration::from_secs(10), notices.recv())
                .await
                .expect("a notice within 10 s")
                .unwrap();
            if notice.subject == subject && notice.rule == "CS-05" {
                break;
            }
        }
        latencies.push(committed.elapsed());
    }
    latencies.sort();
    println!(
        "commit → notice, {count} facts: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        latencies.last().unwrap().as_secs_f64() * 1000.0
    );
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}
