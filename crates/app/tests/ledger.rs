//! Import atomicity and tamper evidence.

mod common;

use app::{AppError, ImportOptions};
use common::*;

/// A file of `n` incidents where line `bad` refers to an undefined unit.
fn incidents(n: usize, bad: usize) -> String {
    let mut text = String::new();
    for line in 1..=n {
        let unit = if line == bad { "U404" } else { "U33050301" };
        text.push_str(&format!(
            r#"{{"fact":"incident.received","at":"2026-04-01T09:00:00+08:00","id":"J{line}","unit":"{unit}","source":"phone_110","nature":"dispute","category":"dispute.neighbour","summary":"第{line}起"}}"#
        ));
        text.push('\n');
    }
    text
}

/// A bad last line of an `n`-line file leaves the store unchanged; with `skip_invalid` the
/// other lines go in.
async fn a_bad_last_line_leaves_the_store_unchanged(url: &str, dir: &TempDir, n: usize) {
    let app = county_app(url, dir).await;
    let before = app.store().ledger_extent().await.unwrap();
    let file = dir.file("incidents.jsonl", &incidents(n, n));
    match app.import_files(&[&file], ImportOptions::default()).await {
        Err(AppError::Import(errors, total)) => {
            assert_eq!(total, 1);
            assert_eq!(errors[0].line, n);
            assert_eq!(errors[0].code, "unknown_reference");
            assert!(
                errors[0].message_zh.contains("U404"),
                "{}",
                errors[0].message_zh
            );
        }
        other => panic!("expected a refused import, got {other:?}"),
    }
    assert_eq!(app.store().ledger_extent().await.unwrap(), before);
    assert!(
        app.store()
            .element("incident", "J1")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        !app.world()
            .await
            .exists(domain::fact::ElementKind::Incident, "J1")
    );

    // With skip_invalid the good lines go in and the bad one is reported.
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let recorder = seen.clone();
    let report = app
        .import_files(
            &[&file],
            ImportOptions {
                skip_invalid: true,
                progress: Some(std::sync::Arc::new(move |done, total| {
                    recorder.lock().unwrap().push((done, total))
                })),
            },
        )
        .await
        .unwrap();
    assert_eq!(report.imported, n - 1);
    // The progress bar moves while facts apply, not only at the start and the end.
    let seen = seen.lock().unwrap().clone();
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
    assert_eq!(seen.last(), Some(&(n as u64, n as u64)));
    assert!(seen.len() >= 2 + (n - 1) / 8192, "{seen:?}");
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].line, n);
    assert!(app.verify().await.unwrap().ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_line_5000_leaves_the_store_unchanged() {
    let dir = TempDir::new("atomic");
    a_bad_last_line_leaves_the_store_unchanged(&dir.sqlite_url(), &dir, 5000).await;
}

/// Above the writer's bulk threshold an import is streamed to the store in parts: a refusal at
/// the end must still roll back every part already written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_line_after_streamed_parts_leaves_the_store_unchanged_on_sqlite() {
    let dir = TempDir::new("atomic-bulk");
    a_bad_last_line_leaves_the_store_unchanged(&dir.sqlite_url(), &dir, 30_000).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_line_after_streamed_parts_leaves_the_store_unchanged_on_postgres() {
    let dir = TempDir::new("atomic-bulk-pg");
    a_bad_last_line_leaves_the_store_unchanged(&fresh_postgres().await, &dir, 30_000).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_lines_are_reported_with_line_numbers() {
    let dir = TempDir::new("malformed");
    let app = county_app(&dir.sqlite_url(), &dir).await;
    let text = [
        r#"{"fact":"incident.received","at":"2026-04-01T09:00:00","id":"J1","unit":"U33050301","source":"phone_110","nature":"dispute","category":"x"}"#,
        "# a comment",
        r#"{"fact":"person.registered","at":"2026-04-01T09:00:00+08:00","id":"P9","name":"孙二","id_number":"110105194912310021"}"#,
        r#"{"fact":"incident.teleported","at":"2026-04-01T09:00:00+08:00","id":"J2"}"#,
        "not json",
    ]
    .join("\n");
    let file = dir.file("bad.jsonl", &text);
    let Err(AppError::Import(errors, total)) =
        app.import_files(&[file], ImportOptions::default()).await
    else {
        panic!("expected errors");
    };
    assert_eq!(total, 4);
    let found: Vec<(usize, &str, Option<&str>)> = errors
        .iter()
        .map(|e| (e.line, e.code, e.field.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (1, "invalid", Some("at")),
            (3, "invalid", Some("id_number")),
            (4, "unknown_kind", Some("fact")),
            (5, "invalid", None)
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_that_is_not_utf8_is_refused_at_its_line() {
    let dir = TempDir::new("not-utf8");
    let app = county_app(&dir.sqlite_url(), &dir).await;
    let path = dir.file("latin1.jsonl", "");
    let mut bytes = incidents(2, 0).into_bytes();
    bytes.extend_from_slice(b"{\"fact\":\"incident.arrived\",\"id\":\"J\xe9\"}\n");
    std::fs::write(&path, bytes).unwrap();
    let Err(AppError::Import(errors, _)) =
        app.import_files(&[path], ImportOptions::default()).await
    else {
        panic!("expected an error");
    };
    let lines = incidents(2, 0).lines().count();
    assert_eq!((errors[0].line, errors[0].code), (lines + 1, "invalid"));
    assert!(errors[0].message_zh.contains("UTF-8"), "{:?}", errors[0]);
}

/// A sound ledger (the county and 30 incidents) in a fresh SQLite file; its URL.
async fn sound_ledger(dir: &TempDir) -> String {
    let url = dir.sqlite_url();
    let app = county_app(&url, dir).await;
    app.import_files(
        &[dir.file("more.jsonl", &incidents(30, 0))],
        ImportOptions::default(),
    )
    .await
    .unwrap();
    assert!(app.verify().await.unwrap().ok());
    url
}

async fn tampered(sql: &str) -> app::VerifyReport {
    let dir = TempDir::new("tamper");
    let url = sound_ledger(&dir).await;
    let raw = storage::SqlStore::open(&url).await.unwrap();
    raw.execute_raw(sql).await.unwrap();
    // Verification reads the ledger as it is now, without replaying it into an app first.
    app::verify(&raw).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verification_names_a_modified_fact() {
    let report =
        tampered("UPDATE facts SET payload = REPLACE(payload, '第20起', '第21起') WHERE seq = 35")
            .await;
    assert!(!report.ok());
    let first = &report.problems[0];
    assert_eq!(first.seq, Some(35), "{first:?}");
    assert!(first.message_en.contains("modified"), "{first:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verification_names_a_deleted_fact() {
    let report = tampered("DELETE FROM facts WHERE seq = 30").await;
    assert!(!report.ok());
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.message_en.contains("#30 is missing")),
        "{:?}",
        report.problems
    );
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.seq == Some(31) && p.message_en.contains("missing entry")),
        "{:?}",
        report.problems
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verification_names_reordered_facts() {
    // Swap the contents (not the positions) of two facts of the same chain.
    let report = tampered(
        "UPDATE facts SET payload = CASE seq WHEN 30 THEN (SELECT payload FROM facts WHERE seq = 31) ELSE (SELECT payload FROM facts WHERE seq = 30) END,
                          hash = CASE seq WHEN 30 THEN (SELECT hash FROM facts WHERE seq = 31) ELSE (SELECT hash FROM facts WHERE seq = 30) END
         WHERE seq IN (30, 31)",
    )
    .await;
    assert!(!report.ok());
    assert_eq!(report.problems[0].seq, Some(30), "{:?}", report.problems);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verification_finds_a_view_that_differs_from_the_ledger() {
    let report =
        tampered("UPDATE elements SET status = 'disposed' WHERE kind = 'incident' AND id = 'J3'")
            .await;
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.message_en.contains("incident J3")),
        "{:?}",
        report.problems
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_generated_province_imports_and_verifies() {
    let dir = TempDir::new("province");
    let config = datagen::Config {
        scale: 0.05,
        ..Default::default()
    };
    let province = datagen::generate(&config);
    let mut text = Vec::new();
    datagen::write_jsonl(&province.facts, &mut text).unwrap();
    let file = dir.file("province.jsonl", std::str::from_utf8(&text).unwrap());
    let app = app::App::open(&dir.sqlite_url()).await.unwrap();
    let report = app
        .import_files(&[file], ImportOptions::default())
        .await
        .unwrap_or_else(|e| match e {
            AppError::Import(errors, total) => panic!("{total} errors, first: {}", errors[0]),
            other => panic!("{other}"),
        });
    assert_eq!(report.imported, province.facts.len());
    assert!(app.verify().await.unwrap().ok());
}

/// Facts cut off the end of the ledger leave no gap and no broken link: only a checkpoint
/// kept outside the database shows them. A checkpoint of a sound ledger finds nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_checkpoint_names_facts_cut_off_the_end() {
    let dir = TempDir::new("checkpoint");
    let url = sound_ledger(&dir).await;
    let raw = storage::SqlStore::open(&url).await.unwrap();
    let file = dir.file("checkpoint.jsonl", "");
    app::write_checkpoint(&file, &app::checkpoint(&raw).await.unwrap()).unwrap();
    let heads = app::read_checkpoint(&file).unwrap();
    assert!(!heads.is_empty());
    assert!(
        app::verify_checkpoint(&raw, &heads)
            .await
            .unwrap()
            .is_empty()
    );

    let (last, _) = storage::Store::ledger_extent(&raw).await.unwrap();
    raw.execute_raw(&format!("DELETE FROM facts WHERE seq = {last}"))
        .await
        .unwrap();
    let report = app::verify(&raw).await.unwrap();
    assert!(
        !report
            .problems
            .iter()
            .any(|p| p.message_en.contains("missing")),
        "the chain alone cannot see a cut end: {:?}",
        report.problems
    );
    let problems = app::verify_checkpoint(&raw, &heads).await.unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message_en.contains("cut off"), "{problems:?}");
    assert!(problems[0].message_zh.contains("被删除"), "{problems:?}");

    // A malformed checkpoint file is refused with its line.
    let bad = dir.file("bad.jsonl", "{\"chain\":\"U1\"}\n");
    let error = app::read_checkpoint(&bad).unwrap_err();
    assert!(
        error.message_zh().contains("第1行"),
        "{}",
        error.message_zh()
    );
}

/// One process writes to a database: the chains are extended from heads held in memory, so a
/// second writer (an import while the server runs) is refused at once, and admitted once the
/// first has gone.
async fn a_second_writer_is_refused(url: &str) {
    let first = app::App::open(url).await.unwrap();
    match app::App::open(url).await {
        Err(error @ AppError::Store(storage::StoreError::WriterBusy(_))) => {
            assert!(
                error.message_zh().contains("正在写入"),
                "{}",
                error.message_zh()
            );
        }
        Err(other) => panic!("expected the writer to be busy, got {other}"),
        Ok(_) => panic!("a second writer was admitted"),
    }
    drop(first);
    // The writer task lets go of the store when the app's last handle is gone.
    let mut reopened = None;
    for _ in 0..50 {
        match app::App::open(url).await {
            Ok(app) => {
                reopened = Some(app);
                break;
            }
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
        }
    }
    assert!(reopened.is_some(), "the lock outlived its writer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_writer_is_refused_on_sqlite() {
    let dir = TempDir::new("writer-lock");
    a_second_writer_is_refused(&dir.sqlite_url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_writer_is_refused_on_postgres() {
    a_second_writer_is_refused(&fresh_postgres().await).await;
}
