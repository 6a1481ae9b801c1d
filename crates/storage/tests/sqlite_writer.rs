//! SQLite's writes go through their own connection (rusqlite); reads through sqlx's pool. These
//! check what that split must keep: a transaction is all or nothing, unique values stay unique,
//! what is written is read back, and the WAL is folded into the database file.

use storage::{Batch, FactRow, SerialRow, SessionRow, Store, StoreError};

fn fact(seq: i64) -> FactRow {
    FactRow {
        seq,
        chain: "U1".into(),
        chain_seq: seq,
        at_micros: seq,
        recorded_at_micros: seq,
        actor: "import".into(),
        unit: "U1".into(),
        kind: "incident.arrived".into(),
        element: "incident".into(),
        subject: format!("I{seq}"),
        payload: format!(r#"{{"fact":"incident.arrived","id":"I{seq}"}}"#),
        hash: [seq as u8; 32],
    }
}

async fn open(dir: &std::path::Path) -> std::sync::Arc<dyn Store> {
    storage::open_writer(&format!("sqlite://{}", dir.join("zhifa.db").display()))
        .await
        .unwrap()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhifa-storage-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn a_dropped_bulk_keeps_nothing_and_the_next_commit_works() {
    let dir = temp_dir("bulk");
    let store = open(&dir).await;
    let mut bulk = store.begin().await.unwrap();
    bulk.write(Batch {
        facts: (1..=100).map(fact).collect(),
        ..Batch::default()
    })
    .await
    .unwrap();
    drop(bulk);
    assert_eq!(store.ledger_extent().await.unwrap(), (0, 0));
    store
        .commit(Batch {
            facts: vec![fact(1)],
            ..Batch::default()
        })
        .await
        .unwrap();
    assert_eq!(store.ledger_extent().await.unwrap(), (1, 1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_taken_serial_is_a_conflict_and_its_transaction_keeps_nothing() {
    let dir = temp_dir("serial");
    let store = open(&dir).await;
    let serial = SerialRow {
        unit: "U1".into(),
        kind: "detention".into(),
        year: 2026,
        serial: 1,
        document: "D1".into(),
    };
    store
        .commit(Batch {
            serials: vec![serial.clone()],
            ..Batch::default()
        })
        .await
        .unwrap();
    let again = store
        .commit(Batch {
            facts: vec![fact(1)],
            serials: vec![SerialRow {
                document: "D2".into(),
                ..serial
            }],
            ..Batch::default()
        })
        .await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    assert_eq!(store.ledger_extent().await.unwrap(), (0, 0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn sessions_written_are_read_and_deleted() {
    let dir = temp_dir("sessions");
    let store = open(&dir).await;
    let session = SessionRow {
        token_hash: "h1".into(),
        officer: "O1".into(),
        kind: "session".into(),
        label: "浏览器".into(),
        created_at_micros: 1,
        expires_at_micros: 100,
    };
    store.create_session(&session).await.unwrap();
    assert_eq!(store.session("h1", 50).await.unwrap(), Some(session));
    assert_eq!(store.session("h1", 100).await.unwrap(), None, "expired");
    store.delete_session("h1").await.unwrap();
    assert_eq!(store.session("h1", 50).await.unwrap(), None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn settle_folds_the_wal_into_the_database_file() {
    let dir = temp_dir("settle");
    let store = open(&dir).await;
    store
        .commit(Batch {
            facts: (1..=2000).map(fact).collect(),
            ..Batch::default()
        })
        .await
        .unwrap();
    store.settle().await.unwrap();
    let wal = std::fs::metadata(dir.join("zhifa.db-wal")).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "the WAL is emptied");
    assert_eq!(store.ledger_extent().await.unwrap(), (2000, 2000));
    let _ = std::fs::remove_dir_all(&dir);
}

/// An element written again replaces its row, and its links become exactly the batch's: those
/// kept stay, those dropped go (from both directions), new ones come.
async fn a_view_written_again_replaces_its_row_and_its_links(store: &dyn Store) {
    let element = |status: &str| storage::ElementRow {
        kind: "case".into(),
        id: "C1".into(),
        unit: "U1".into(),
        unit_path: "/U1/".into(),
        county: "U1".into(),
        status: status.into(),
        tag: "criminal".into(),
        title: "案件".into(),
        opened_at_micros: 1,
        snapshot: format!(r#"{{"status":"{status}"}}"#),
    };
    let link = |other: &str, role: &str| storage::LinkRow {
        kind: "case".into(),
        id: "C1".into(),
        other_kind: "person".into(),
        other_id: other.into(),
        role: role.into(),
    };
    let steps: [(&str, Vec<storage::LinkRow>); 5] = [
        ("accepted", vec![link("P1", "suspect")]),
        ("filed", vec![link("P1", "suspect"), link("P2", "victim")]),
        ("filed", vec![link("P2", "victim"), link("P1", "witness")]),
        ("closed", vec![link("P2", "victim")]),
        ("archived", vec![]),
    ];
    for (status, links) in steps {
        store
            .commit(Batch {
                elements: vec![element(status)],
                links: links.clone(),
                ..Batch::default()
            })
            .await
            .unwrap();
        assert_eq!(
            store.element("case", "C1").await.unwrap(),
            Some(element(status))
        );
        let mut read = store.links("case", "C1").await.unwrap();
        read.sort();
        let mut expected = links.clone();
        expected.sort();
        assert_eq!(read, expected, "after writing {status}");
        for person in ["P1", "P2"] {
            let from_person = store.links("person", person).await.unwrap();
            let mut expected: Vec<_> = links
                .iter()
                .filter(|l| l.other_id == person)
                .cloned()
                .collect();
            expected.sort();
            let mut from_person = from_person;
            from_person.sort();
            assert_eq!(from_person, expected, "{person} after writing {status}");
        }
    }
}

#[tokio::test]
async fn a_view_written_again_replaces_its_row_and_its_links_on_sqlite() {
    let dir = temp_dir("views");
    a_view_written_again_replaces_its_row_and_its_links(open(&dir).await.as_ref()).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_view_written_again_replaces_its_row_and_its_links_on_postgres() {
    let base = std::env::var("ZHIFA_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let name = format!("zhifa_storage_views_{}", std::process::id());
    let admin = storage::SqlStore::open(&base)
        .await
        .expect("PostgreSQL must be running (see README)");
    let _ = admin
        .execute_raw(&format!("DROP DATABASE IF EXISTS {name}"))
        .await;
    admin
        .execute_raw(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let (prefix, _) = base.rsplit_once('/').unwrap();
    let store = storage::open_writer(&format!("{prefix}/{name}"))
        .await
        .unwrap();
    a_view_written_again_replaces_its_row_and_its_links(store.as_ref()).await;
}

/// A ledger written before hashes were stored as bytes (migration 0004) keeps every fact and
/// hash; the predecessor's hash it repeated is dropped (the previous row holds it).
#[tokio::test]
async fn facts_stored_as_text_hashes_migrate_to_bytes() {
    let dir = temp_dir("migrate");
    let path = dir.join("zhifa.db");
    {
        let old = rusqlite::Connection::open(&path).unwrap();
        old.execute_batch(concat!(
            include_str!("../migrations/sqlite/0001_ledger_and_views.sql"),
            include_str!("../migrations/sqlite/0002_timelines_in_memory.sql"),
            include_str!("../migrations/sqlite/0003_views_without_rowid.sql"),
            "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY);
             INSERT INTO schema_migrations VALUES ('0001_ledger_and_views'), ('0002_timelines_in_memory'), ('0003_views_without_rowid');"
        ))
        .unwrap();
        for seq in 1..=3i64 {
            old.execute(
                "INSERT INTO facts VALUES (?1, 'U1', ?1, ?1, ?1, 'import', 'U1', 'incident.arrived', 'incident', 'I1', '{}', ?2, ?3)",
                rusqlite::params![seq, "0".repeat(64), format!("{:02x}", seq).repeat(32)],
            )
            .unwrap();
        }
    }
    let store = open(&dir).await;
    let facts = store.facts_after(0, 10).await.unwrap();
    let hashes: Vec<[u8; 32]> = facts.iter().map(|f| f.hash).collect();
    assert_eq!(hashes, [[1; 32], [2; 32], [3; 32]]);
    let heads = store.chain_heads().await.unwrap();
    assert_eq!((heads[0].chain_seq, heads[0].hash), (3, [3; 32]));
    let _ = std::fs::remove_dir_all(&dir);
}
