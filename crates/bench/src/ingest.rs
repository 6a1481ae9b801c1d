//! Durable ingest: facts recorded by many clients at once into Zhifa's hash-chained ledger (an
//! officer's `record`, acknowledged only once committed; the writer commits every job waiting
//! in one transaction: group commit), against rows inserted into PostgreSQL by as many
//! connections, each insert its own transaction with `synchronous_commit` on.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use app::{Actor, App, Command};
use domain::Fact;
use sha2::Digest;
use tokio::sync::Mutex;

use crate::probe::percentile;

/// Facts per second, and each acknowledgement's latency in seconds (sorted).
#[derive(Debug)]
pub struct Ingest {
    pub facts: usize,
    pub per_second: f64,
    pub latencies: Vec<f64>,
    /// Seconds from the last acknowledgement until the views showed every fact (Zhifa writes
    /// them behind the facts); zero for PostgreSQL's rows.
    pub views_lag: f64,
}

impl Ingest {
    pub fn p50(&self) -> f64 {
        percentile(&self.latencies, 0.5)
    }

    pub fn p99(&self) -> f64 {
        percentile(&self.latencies, 0.99)
    }

    fn of(latencies: Vec<Vec<f64>>, elapsed: f64) -> Ingest {
        let mut all: Vec<f64> = latencies.into_iter().flatten().collect();
        all.sort_by(f64::total_cmp);
        Ingest {
            facts: all.len(),
            per_second: all.len() as f64 / elapsed,
            latencies: all,
            views_lag: 0.0,
        }
    }
}

fn failed(what: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(what.to_string())
}

/// A fresh SQLite store in `dir` (the default deployment) holding a small generated province,
/// and an officer of it, signed in.
pub async fn small_app(dir: &Path) -> std::io::Result<(App, Actor)> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let province = dir.join("province.jsonl");
    let config = datagen::Config {
        scale: 0.05,
        ..Default::default()
    };
    let accounts = datagen::generate_jsonl(
        &config,
        &mut std::io::BufWriter::new(std::fs::File::create(&province)?),
    )?;
    let url = format!("sqlite://{}", dir.join("zhifa.db").display());
    let app = App::open(&url).await.map_err(|e| failed(e.message_zh()))?;
    app.import_files(&[&province], app::ImportOptions::default())
        .await
        .map_err(|e| failed(e.message_zh()))?;
    let officer = accounts
        .iter()
        .find(|a| a.role == "officer")
        .ok_or_else(|| failed("the province has an officer"))?;
    // An account, its initial password changed, as an officer's first sign-in does.
    let zh = |e: app::AppError| failed(e.message_zh());
    let (first, second) = ("Bench-Start-2026!", "Bench-Chosen-2026!");
    app.set_account(None, &officer.officer_id, "bench", first)
        .await
        .map_err(zh)?;
    let actor = app.actor(&officer.officer_id).await.map_err(zh)?;
    app.change_password(&actor, first, second)
        .await
        .map_err(zh)?;
    let actor = app.actor(&officer.officer_id).await.map_err(zh)?;
    Ok((app, actor))
}

/// `clients` sessions of one officer each record `each` facts one at a time (a person
/// registered, the smallest fact), each awaited until it is committed.
pub async fn zhifa(
    app: &App,
    actor: &Actor,
    clients: usize,
    each: usize,
) -> std::io::Result<Ingest> {
    let app = Arc::new(app.clone());
    let actor = Arc::new(actor.clone());
    let at = domain::At::china(jiff::Timestamp::now() - jiff::SignedDuration::from_mins(1));
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (app, actor) = (app.clone(), actor.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(each);
                for n in 0..each {
                    let command = person_registered(&format!("BENCH-P{c}-{n}"), at)?;
                    let sent = Instant::now();
                    app.record(&actor, vec![command])
                        .await
                        .map_err(|e| failed(e.message_zh()))?;
                    latencies.push(sent.elapsed().as_secs_f64());
                }
                Ok::<_, std::io::Error>(latencies)
            })
        })
        .collect();
    let mut all = Vec::new();
    for task in tasks {
        all.push(task.await.map_err(failed)??);
    }
    let acknowledged = started.elapsed();
    app.views_caught_up()
        .await
        .map_err(|e| failed(e.message_zh()))?;
    let mut ingest = Ingest::of(all, acknowledged.as_secs_f64());
    ingest.views_lag = (started.elapsed() - acknowledged).as_secs_f64();
    Ok(ingest)
}

/// A person registered with `id` at `at`: the smallest fact, what the ingest records.
fn person_registered(id: &str, at: domain::At) -> std::io::Result<Command> {
    let line = format!(
        r#"{{"fact":"person.registered","at":"{at}","id":"{id}","name":"基准","gender":"male"}}"#
    );
    Ok(Command {
        fact: Fact::from_line(&line).map_err(|e| failed(format!("{e:?}")))?,
        override_reason: None,
    })
}

/// Waits until everything submitted to `app`'s writer so far is committed and its views are
/// written: one more fact recorded and awaited (the writer commits in the order submitted),
/// then the views.
pub async fn settle(app: &App, actor: &Actor) -> std::io::Result<()> {
    let at = domain::At::china(jiff::Timestamp::now() - jiff::SignedDuration::from_mins(1));
    app.record(actor, vec![person_registered("BENCH-SETTLED", at)?])
        .await
        .map_err(|e| failed(e.message_zh()))?;
    app.views_caught_up()
        .await
        .map_err(|e| failed(e.message_zh()))
}

/// `clients` connections each insert `each` rows, one transaction per row, into a ledger table
/// shaped like Zhifa's (sequence, chain, hash, fact as JSON), in a schema of its own.
pub async fn postgres(url: &str, clients: usize, each: usize) -> std::io::Result<Ingest> {
    use sqlx::Executor;
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(clients as u32)
        .connect(url)
        .await
        .map_err(failed)?;
    for statement in [
        "DROP SCHEMA IF EXISTS zhifa_bench_ingest CASCADE",
        "CREATE SCHEMA zhifa_bench_ingest",
        "CREATE TABLE zhifa_bench_ingest.ledger (seq BIGSERIAL PRIMARY KEY, chain TEXT NOT NULL, \
         hash BYTEA NOT NULL, fact JSONB NOT NULL)",
    ] {
        pool.execute(statement).await.map_err(failed)?;
    }
    let at = domain::At::china(jiff::Timestamp::now());
    let started = Instant::now();
    let errors = Arc::new(Mutex::new(None));
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let pool = pool.clone();
            let errors = errors.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(each);
                for n in 0..each {
                    let fact = format!(
                        r#"{{"fact":"person.registered","at":"{at}","id":"BENCH-P{c}-{n}","name":"基准","gender":"male"}}"#
                    );
                    let hash: [u8; 32] = sha2::Sha256::digest(fact.as_bytes()).into();
                    let sent = Instant::now();
                    let done = sqlx::query(
                        "INSERT INTO zhifa_bench_ingest.ledger (chain, hash, fact) \
                         VALUES ($1, $2, $3::jsonb)",
                    )
                    .bind(format!("person/BENCH-P{c}-{n}"))
                    .bind(hash.to_vec())
                    .bind(fact)
                    .execute(&pool)
                    .await;
                    if let Err(e) = done {
                        *errors.lock().await = Some(e.to_string());
                        break;
                    }
                    latencies.push(sent.elapsed().as_secs_f64());
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::new();
    for task in tasks {
        all.push(task.await.map_err(failed)?);
    }
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(error) = errors.lock().await.take() {
        return Err(failed(error));
    }
    pool.execute("DROP SCHEMA zhifa_bench_ingest CASCADE")
        .await
        .map_err(failed)?;
    Ok(Ingest::of(all, elapsed))
}
