//! SQLite's writes go through their own connection (rusqlite); reads through sqlx's pool, but
//! for those of many rows (rusqlite again). These check what that split must keep: a transaction is all or nothing, unique values stay unique,
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
    let store = postgres_database("views").await;
    a_view_written_again_replaces_its_row_and_its_links(store.as_ref()).await;
}

/// A writer on a fresh PostgreSQL database of its own.
async fn postgres_database(name: &str) -> std::sync::Arc<dyn Store> {
    let base = std::env::var("ZHIFA_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
    let name = format!("zhifa_storage_{name}_{}", std::process::id());
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
    storage::open_writer(&format!("{prefix}/{name}"))
        .await
        .unwrap()
}

/// A database file as a release with only the first `migrations` made it, holding `rows`.
fn database_before(path: &std::path::Path, migrations: usize, rows: &str) -> rusqlite::Connection {
    let old = rusqlite::Connection::open(path).unwrap();
    old.execute_batch("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY);")
        .unwrap();
    for (name, sql) in &storage::SQLITE_MIGRATIONS[..migrations] {
        old.execute_batch(sql).unwrap();
        old.execute("INSERT INTO schema_migrations VALUES (?)", [name])
            .unwrap();
    }
    old.execute_batch(rows).unwrap();
    old
}

/// A ledger written before hashes were stored as bytes (migration 0004) keeps every fact and
/// hash; the predecessor's hash it repeated is dropped (the previous row holds it).
#[tokio::test]
async fn facts_stored_as_text_hashes_migrate_to_bytes() {
    let dir = temp_dir("migrate");
    let path = dir.join("zhifa.db");
    {
        let old = database_before(&path, 3, "");
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

fn incident_view(id: &str) -> storage::ElementRow {
    storage::ElementRow {
        kind: "incident".into(),
        id: id.into(),
        unit: "U1".into(),
        unit_path: "/U1/".into(),
        county: "U1".into(),
        status: "arrived".into(),
        tag: String::new(),
        title: "警情".into(),
        opened_at_micros: 1,
        snapshot: "{}".into(),
    }
}

/// Facts 1..=n committed, then the views of I1..In showing them all.
async fn ledger_with_views(store: &dyn Store, n: i64) {
    store
        .commit(Batch {
            facts: (1..=n).map(fact).collect(),
            ..Batch::default()
        })
        .await
        .unwrap();
    store
        .commit_views(Batch {
            elements: (1..=n).map(|i| incident_view(&format!("I{i}"))).collect(),
            views_seq: Some(n),
            ..Batch::default()
        })
        .await
        .unwrap();
}

/// Tables of a database file, by name.
fn tables(path: &std::path::Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut names: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    names.retain(|n| !n.starts_with("sqlite_"));
    names
}

/// On SQLite the views live in a file of their own beside the ledger's (`zhifa-views.db`), so
/// that writing them neither waits for nor delays a commit of facts; reads find them by their
/// plain names, and the ledger's file holds none of them.
#[tokio::test]
async fn views_live_in_a_file_of_their_own_beside_the_ledger() {
    let dir = temp_dir("views-file");
    let store = open(&dir).await;
    ledger_with_views(store.as_ref(), 3).await;
    assert_eq!(store.views_seq().await.unwrap(), 3);
    assert_eq!(
        store.element("incident", "I2").await.unwrap(),
        Some(incident_view("I2"))
    );
    let main = tables(&dir.join("zhifa.db"));
    let views = tables(&dir.join("zhifa-views.db"));
    for view in ["element_links", "elements", "person_scopes", "views_state"] {
        assert!(views.contains(&view.to_string()), "{view} in {views:?}");
        assert!(!main.contains(&view.to_string()), "{view} in {main:?}");
    }
    for ledger in ["facts", "calendar_days", "accounts", "ledger_identity"] {
        assert!(main.contains(&ledger.to_string()), "{ledger} in {main:?}");
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A views file is never taken for what it is not: beside a database file of another ledger (a
/// file restored from another deployment), or ahead of its own ledger (restored from an older
/// backup), its views are emptied at opening, and the next start writes them from the ledger.
#[tokio::test]
async fn views_of_another_ledger_or_ahead_of_it_are_emptied_at_opening() {
    let dir = temp_dir("views-identity");
    // Ahead: the ledger's last fact gone, as in a backup taken before it.
    let store = open(&dir).await;
    ledger_with_views(store.as_ref(), 3).await;
    drop(store);
    {
        let c = rusqlite::Connection::open(dir.join("zhifa.db")).unwrap();
        c.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
        c.execute("DELETE FROM facts WHERE seq = 3", []).unwrap();
    }
    let store = open(&dir).await;
    assert_eq!(store.ledger_extent().await.unwrap(), (2, 2));
    assert_eq!(store.views_seq().await.unwrap(), 0);
    assert_eq!(store.element("incident", "I1").await.unwrap(), None);
    // Views written again follow this ledger, and are kept at the next opening.
    store
        .commit_views(Batch {
            elements: vec![incident_view("I1")],
            views_seq: Some(2),
            ..Batch::default()
        })
        .await
        .unwrap();
    drop(store);
    let store = open(&dir).await;
    assert_eq!(store.views_seq().await.unwrap(), 2);
    assert!(store.element("incident", "I1").await.unwrap().is_some());
    drop(store);
    // Another ledger, longer than the views: their file put beside its database file.
    let other = temp_dir("views-identity-other");
    let store = open(&other).await;
    store
        .commit(Batch {
            facts: (1..=5).map(fact).collect(),
            ..Batch::default()
        })
        .await
        .unwrap();
    drop(store);
    for file in ["zhifa-views.db", "zhifa-views.db-wal", "zhifa-views.db-shm"] {
        let _ = std::fs::remove_file(other.join(file));
        if file != "zhifa-views.db-shm" && dir.join(file).exists() {
            std::fs::copy(dir.join(file), other.join(file)).unwrap();
        }
    }
    let store = open(&other).await;
    assert_eq!(store.ledger_extent().await.unwrap(), (5, 5));
    assert_eq!(store.views_seq().await.unwrap(), 0);
    assert_eq!(store.element("incident", "I1").await.unwrap(), None);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&other);
}

/// A database file from before the views had a file of their own (migration 0007) keeps its
/// ledger; its views tables go, and the new views file shows nothing yet (`views_seq` 0), so
/// the first start writes every view from the ledger.
#[tokio::test]
async fn views_of_a_single_file_database_move_to_their_own_file() {
    let dir = temp_dir("migrate-views");
    let path = dir.join("zhifa.db");
    database_before(
        &path,
        6,
        "INSERT INTO facts VALUES (1, 'U1', 1, 1, 1, 'import', 'U1', 'incident.arrived', 'incident', 'I1', '{}', zeroblob(32));
         INSERT INTO elements VALUES ('incident', 'I1', 'U1', '/U1/', 'U1', 'arrived', '', '警情', 1, '{}');
         UPDATE views_state SET seq = 1;",
    );
    let store = open(&dir).await;
    assert_eq!(store.ledger_extent().await.unwrap(), (1, 1));
    assert_eq!(store.views_seq().await.unwrap(), 0);
    assert_eq!(store.element("incident", "I1").await.unwrap(), None);
    assert!(!tables(&path).contains(&"elements".to_string()));
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Fact `seq` of chain `U{seq % 3}`, every field different from every other, so that a column
/// read into the wrong field shows.
fn distinct_fact(seq: i64, chain_seq: i64) -> FactRow {
    FactRow {
        seq,
        chain: format!("U{}", seq % 3),
        chain_seq,
        at_micros: 1_000 + seq,
        recorded_at_micros: 2_000 + seq,
        actor: format!("A{seq}"),
        unit: format!("U{}", seq % 3),
        kind: "incident.arrived".into(),
        element: "incident".into(),
        subject: format!("I{seq}"),
        payload: format!(r#"{{"fact":"incident.arrived","id":"I{seq}","n":"{seq}"}}"#),
        hash: std::array::from_fn(|i| (seq as u8).wrapping_mul(7).wrapping_add(i as u8)),
    }
}

/// Replays, `zhifa verify` and exports read many rows at a time (on SQLite through rusqlite,
/// `sqlite_reader`; on PostgreSQL through sqlx): every field comes back as written, pages
/// follow one another, and what an open transaction has written is not read.
async fn many_rows_read_back_as_written(store: &dyn Store) {
    let mut per_chain = std::collections::HashMap::new();
    let facts: Vec<FactRow> = (1..=50)
        .map(|seq| {
            let n = per_chain.entry(seq % 3).or_insert(0);
            *n += 1;
            distinct_fact(seq, *n)
        })
        .collect();
    let mut elements: Vec<_> = (1..=5)
        .map(|i| storage::ElementRow {
            unit: format!("U{i}"),
            status: format!("s{i}"),
            opened_at_micros: 10 + i,
            snapshot: format!(r#"{{"i":{i}}}"#),
            ..incident_view(&format!("I{i}"))
        })
        .collect();
    let mut links: Vec<_> = (1..=5)
        .map(|i| storage::LinkRow {
            kind: "incident".into(),
            id: format!("I{i}"),
            other_kind: "case".into(),
            other_id: format!("C{i}"),
            role: format!("r{i}"),
        })
        .collect();
    store
        .commit(Batch {
            facts: facts.clone(),
            elements: elements.clone(),
            links: links.clone(),
            ..Batch::default()
        })
        .await
        .unwrap();
    let mut bulk = store.begin().await.unwrap();
    bulk.write(Batch {
        facts: vec![distinct_fact(51, 17)],
        ..Batch::default()
    })
    .await
    .unwrap();

    let mut paged = Vec::new();
    loop {
        let page = store
            .facts_after(paged.last().map_or(0, |f: &FactRow| f.seq), 7)
            .await
            .unwrap();
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 7);
        paged.extend(page);
    }
    assert_eq!(paged, facts, "every fact, page after page, in order");
    let chain: Vec<_> = facts.iter().filter(|f| f.chain == "U1").cloned().collect();
    assert_eq!(store.chain_facts("U1", 0, 100).await.unwrap(), chain);
    assert_eq!(
        store.chain_facts("U1", 3, 2).await.unwrap(),
        chain[3..5].to_vec()
    );
    let mut read = store.all_elements("incident").await.unwrap();
    read.sort_by(|a, b| a.id.cmp(&b.id));
    elements.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(read, elements);
    assert!(store.all_elements("case").await.unwrap().is_empty());
    let mut read = store.all_links().await.unwrap();
    read.sort();
    links.sort();
    assert_eq!(read, links);
    drop(bulk);
}

#[tokio::test]
async fn many_rows_read_back_as_written_on_sqlite() {
    let dir = temp_dir("reads");
    many_rows_read_back_as_written(open(&dir).await.as_ref()).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn many_rows_read_back_as_written_on_postgres() {
    let store = postgres_database("reads").await;
    many_rows_read_back_as_written(store.as_ref()).await;
}
