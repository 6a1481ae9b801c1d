//! Views follow the ledger (`app/src/views.rs`): a commit writes its facts alone, and the views
//! (lists, counts, links) are written behind them. A read through the app still sees every fact
//! acknowledged before it, and views a crash lost are written again at the next start.

mod common;

use std::sync::Arc;
use std::time::Duration;

use app::{App, Command, ListRequest};
use common::*;
use domain::Fact;

fn registered(id: &str) -> Command {
    let line = format!(
        r#"{{"fact":"person.registered","at":"2026-03-03T09:00:00+08:00","id":"{id}","name":"测试","gender":"male"}}"#
    );
    Command {
        fact: Fact::from_line(&line).unwrap(),
        override_reason: None,
    }
}

fn person_named(id: &str) -> ListRequest {
    ListRequest {
        kind: "person".into(),
        text: Some(id.into()),
        limit: 10,
        ..ListRequest::default()
    }
}

async fn a_read_sees_every_fact_acknowledged_before_it(url: &str, dir: &TempDir) {
    let app = Arc::new(county_app(url, dir).await);
    let officer = Arc::new(signed_in(&app, "O2").await);
    // Clients at once, each listing what it recorded as soon as it is acknowledged: commits keep
    // coming, so views are written behind several of them at a time.
    let clients: Vec<_> = (0..32)
        .map(|client| {
            let (app, officer) = (app.clone(), officer.clone());
            tokio::spawn(async move {
                for n in 0..8 {
                    let id = format!("P-{client}-{n}");
                    app.record(&officer, vec![registered(&id)]).await.unwrap();
                    let listed = app.list(&officer, &person_named(&id)).await.unwrap();
                    assert_eq!(
                        listed
                            .rows
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect::<Vec<_>>(),
                        [id.as_str()],
                        "listed straight after it was acknowledged"
                    );
                }
            })
        })
        .collect();
    for client in clients {
        client.await.unwrap();
    }
    // The station's count tiles include every person it registered (and P1, of its case).
    let counts = app.counts(&officer, "person").await.unwrap();
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<i64>(), 32 * 8 + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_sees_every_fact_acknowledged_before_it_on_sqlite() {
    let dir = TempDir::new("views-read-sqlite");
    a_read_sees_every_fact_acknowledged_before_it(&dir.sqlite_url(), &dir).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_sees_every_fact_acknowledged_before_it_on_postgres() {
    let dir = TempDir::new("views-read-postgres");
    a_read_sees_every_fact_acknowledged_before_it(&fresh_postgres().await, &dir).await;
}

/// Opens the store again once the previous app's writer has let it go.
async fn reopen(url: &str) -> App {
    for _ in 0..50 {
        match App::open(url).await {
            Ok(app) => return app,
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    panic!("the store opens again after the app is dropped")
}

async fn views_a_crash_lost_are_written_at_the_next_start(url: &str, dir: &TempDir) {
    let app = county_app(url, dir).await;
    let officer = signed_in(&app, "O2").await;
    app.views_caught_up().await.unwrap();
    let store = storage::SqlStore::open(url).await.unwrap();
    use storage::Store;
    let shown = store.views_seq().await.unwrap();
    let (last, _) = store.ledger_extent().await.unwrap();
    assert_eq!(shown, last, "caught up, the views show the whole ledger");
    for n in 0..3 {
        app.record(&officer, vec![registered(&format!("P-LOST-{n}"))])
            .await
            .unwrap();
    }
    app.views_caught_up().await.unwrap();
    drop(app);
    // As if the process had died after those facts committed and before their views did: their
    // rows are not there, and the store's mark is where it was.
    for sql in [
        "DELETE FROM elements WHERE id LIKE 'P-LOST-%'",
        "DELETE FROM person_scopes WHERE person LIKE 'P-LOST-%'",
        &format!("UPDATE views_state SET seq = {shown}"),
    ] {
        store.execute_raw(sql).await.unwrap();
    }
    // Verification compares the views with the ledger up to their mark, and says how far
    // behind they are.
    let report = app::verify(&store).await.unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!((report.views_seq, report.facts), (shown, shown + 3));

    let app = reopen(url).await;
    let officer = app.actor("O2").await.unwrap();
    for n in 0..3 {
        let id = format!("P-LOST-{n}");
        let listed = app.list(&officer, &person_named(&id)).await.unwrap();
        assert_eq!(listed.total, 1, "{id} is listed again after the start");
    }
    let report = app.verify().await.unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(report.views_seq, report.facts);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_a_crash_lost_are_written_at_the_next_start_on_sqlite() {
    let dir = TempDir::new("views-crash-sqlite");
    views_a_crash_lost_are_written_at_the_next_start(&dir.sqlite_url(), &dir).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_a_crash_lost_are_written_at_the_next_start_on_postgres() {
    let dir = TempDir::new("views-crash-postgres");
    views_a_crash_lost_are_written_at_the_next_start(&fresh_postgres().await, &dir).await;
}

/// On SQLite the views have a file of their own (`zhifa-views.db`), derived from the ledger: a
/// database file kept without it (a backup of `zhifa.db` alone, restored) starts with every
/// view written again from the ledger, and verifies whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_views_file_is_written_again_from_the_ledger_at_start() {
    let dir = TempDir::new("views-file-lost");
    let url = dir.sqlite_url();
    let app = county_app(&url, &dir).await;
    let officer = signed_in(&app, "O2").await;
    for n in 0..3 {
        app.record(&officer, vec![registered(&format!("P-KEPT-{n}"))])
            .await
            .unwrap();
    }
    app.views_caught_up().await.unwrap();
    let before = app.list(&officer, &person_named("P-KEPT-1")).await.unwrap();
    assert_eq!(before.total, 1);
    drop(app);
    let views = dir.0.join("zhifa-views.db");
    assert!(views.exists(), "the views have a file of their own");
    for file in ["zhifa-views.db", "zhifa-views.db-wal", "zhifa-views.db-shm"] {
        let _ = std::fs::remove_file(dir.0.join(file));
    }
    let app = reopen(&url).await;
    let officer = app.actor("O2").await.unwrap();
    for n in 0..3 {
        let id = format!("P-KEPT-{n}");
        let listed = app.list(&officer, &person_named(&id)).await.unwrap();
        assert_eq!(listed.total, 1, "{id} is listed again after the start");
    }
    let report = app.verify().await.unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(report.views_seq, report.facts);
}
