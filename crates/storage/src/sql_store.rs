//! The SQL implementation of [`Store`] for SQLite and PostgreSQL through sqlx's `Any` driver.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyArguments, AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{Any, AnyPool, Arguments, AssertSqlSafe, Executor, Row};

use crate::rows::*;
use crate::sql;
use crate::sqlite_reader::{self, SqliteReaders};
use crate::sqlite_writer::{self, SqliteWriter};
use crate::{Bulk, Store, StoreError, StoreResult};

/// The database behind a store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Rows per multi-row INSERT: well under SQLite's 32,766 bound variables with 13 columns, and
/// large enough that statement overhead vanishes in bulk imports.
const ROWS_PER_INSERT: usize = 400;

/// SQLite keeps one writer (the app's writer task); readers use their own pool.
const SQLITE_READERS_MAX: u32 = 8;
const POSTGRES_CONNECTIONS_MAX: u32 = 16;

/// Migrations, in order, per backend. Append only: never edit a shipped one.
/// (Public so that tests can make a database file as an earlier release left it.)
pub const SQLITE_MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_ledger_and_views",
        include_str!("../migrations/sqlite/0001_ledger_and_views.sql"),
    ),
    (
        "0002_timelines_in_memory",
        include_str!("../migrations/sqlite/0002_timelines_in_memory.sql"),
    ),
    (
        "0003_views_without_rowid",
        include_str!("../migrations/sqlite/0003_views_without_rowid.sql"),
    ),
    (
        "0004_narrower_facts",
        include_str!("../migrations/sqlite/0004_narrower_facts.sql"),
    ),
    (
        "0005_person_scopes_by_path",
        include_str!("../migrations/sqlite/0005_person_scopes_by_path.sql"),
    ),
    (
        "0006_views_follow_the_ledger",
        include_str!("../migrations/sqlite/0006_views_follow_the_ledger.sql"),
    ),
    (
        "0007_views_in_their_own_file",
        include_str!("../migrations/sqlite/0007_views_in_their_own_file.sql"),
    ),
];
const POSTGRES_MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_ledger_and_views",
        include_str!("../migrations/postgres/0001_ledger_and_views.sql"),
    ),
    (
        "0002_timelines_in_memory",
        include_str!("../migrations/postgres/0002_timelines_in_memory.sql"),
    ),
    (
        "0003_narrower_facts",
        include_str!("../migrations/postgres/0003_narrower_facts.sql"),
    ),
    (
        "0004_person_scopes_by_path",
        include_str!("../migrations/postgres/0004_person_scopes_by_path.sql"),
    ),
    (
        "0005_views_follow_the_ledger",
        include_str!("../migrations/postgres/0005_views_follow_the_ledger.sql"),
    ),
];

/// A store on SQLite or PostgreSQL.
pub struct SqlStore {
    backend: Backend,
    writer: AnyPool,
    reader: AnyPool,
    /// SQLite's writes (facts, views, sessions) go through rusqlite: see `sqlite_writer`.
    /// The sqlx `writer` pool then serves only migrations and maintenance.
    sqlite: Option<SqliteWriter>,
    /// SQLite's reads of many rows go through rusqlite too: see `sqlite_reader`.
    sqlite_readers: Option<Arc<SqliteReaders>>,
    /// Held while this process is the database's writer (see [`crate::open_writer`]).
    writer_lock: Option<WriterLock>,
}

/// What keeps other processes from writing: dropping it releases the lock.
enum WriterLock {
    File(#[allow(dead_code)] std::fs::File),
    /// The session that holds the advisory lock (a Mutex only to make the store `Sync`).
    Postgres(#[allow(dead_code)] std::sync::Mutex<sqlx::AnyConnection>),
}

/// The advisory lock key of the PostgreSQL writer ("zhifa" in ASCII).
const POSTGRES_WRITER_LOCK: i64 = 0x7a_68_69_66_61;

impl SqlStore {
    /// Opens `sqlite://PATH` (created if missing) or `postgres://…` and migrates it.
    pub async fn open(url: &str) -> StoreResult<SqlStore> {
        sqlx::any::install_default_drivers();
        let store = if url.starts_with("sqlite:") {
            let options = AnyConnectOptions::from_str(&sqlite_url(url))?;
            // Every connection sees the views file as `views`: its tables (elements, …) are
            // found by their plain names, since the database file has none of them.
            let views: std::sync::Arc<str> = sqlite_writer::views_path(&sqlite_path(url)).into();
            let writer_views = views.clone();
            let writer = AnyPoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(60))
                .after_connect(move |conn, _meta| {
                    let views = writer_views.clone();
                    Box::pin(async move { sqlite_setup(conn, &views, true).await })
                })
                .connect_with(options.clone())
                .await?;
            let reader = AnyPoolOptions::new()
                .max_connections(SQLITE_READERS_MAX)
                .acquire_timeout(Duration::from_secs(60))
                .after_connect(move |conn, _meta| {
                    let views = views.clone();
                    Box::pin(async move { sqlite_setup(conn, &views, false).await })
                })
                .connect_with(options)
                .await?;
            SqlStore {
                backend: Backend::Sqlite,
                writer,
                reader,
                sqlite: None,
                sqlite_readers: None,
                writer_lock: None,
            }
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let pool = AnyPoolOptions::new()
                .max_connections(POSTGRES_CONNECTIONS_MAX)
                .acquire_timeout(Duration::from_secs(60))
                .connect(url)
                .await?;
            SqlStore {
                backend: Backend::Postgres,
                writer: pool.clone(),
                reader: pool,
                sqlite: None,
                sqlite_readers: None,
                writer_lock: None,
            }
        } else {
            return Err(StoreError::UnsupportedUrl(url.into()));
        };
        let mut store = store;
        store.migrate().await?;
        if store.backend == Backend::Sqlite {
            store.sqlite = Some(SqliteWriter::open(&sqlite_path(url)).await?);
            let path = sqlite_path(url);
            store.sqlite_readers =
                Some(SqliteReaders::new(&path, &sqlite_writer::views_path(&path)));
        }
        Ok(store)
    }

    /// Takes the writer's lock, or fails at once if another process holds it.
    pub async fn lock_writer(&mut self, url: &str) -> StoreResult<()> {
        let busy = || StoreError::WriterBusy(url.split('?').next().unwrap_or(url).to_string());
        self.writer_lock = Some(match self.backend {
            Backend::Sqlite => {
                let path = sqlite_path(url);
                if path.is_empty() || path.starts_with(":memory:") {
                    return Ok(());
                }
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(format!("{path}-writer.lock"))
                    .map_err(|e| StoreError::Corrupt(format!("lock file: {e}")))?;
                match file.try_lock() {
                    Ok(()) => WriterLock::File(file),
                    Err(std::fs::TryLockError::WouldBlock) => return Err(busy()),
                    Err(std::fs::TryLockError::Error(e)) => {
                        return Err(StoreError::Corrupt(format!("lock file: {e}")));
                    }
                }
            }
            Backend::Postgres => {
                let mut connection = self.writer.acquire().await?.detach();
                let row = sqlx::query("SELECT pg_try_advisory_lock($1)")
                    .bind(POSTGRES_WRITER_LOCK)
                    .fetch_one(&mut connection)
                    .await?;
                if !row.try_get::<bool, _>(0)? {
                    return Err(busy());
                }
                WriterLock::Postgres(std::sync::Mutex::new(connection))
            }
        });
        Ok(())
    }

    async fn migrate(&self) -> StoreResult<()> {
        let migrations = match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        };
        let mut tx = self.writer.begin().await?;
        if self.backend == Backend::Postgres {
            // Two processes starting at once must not both migrate.
            tx.execute("SELECT pg_advisory_xact_lock(7061736)").await?;
        }
        tx.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
            .await?;
        for (name, sql) in migrations {
            let done: Option<AnyRow> =
                sqlx::query(self.sql("SELECT name FROM schema_migrations WHERE name = ?"))
                    .bind(*name)
                    .fetch_optional(&mut *tx)
                    .await?;
            if done.is_none() {
                tx.execute(sqlx::raw_sql(AssertSqlSafe(*sql))).await?;
                sqlx::query(self.sql("INSERT INTO schema_migrations (name) VALUES (?)"))
                    .bind(*name)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Runs raw SQL. For tests that tamper with the ledger and for benchmarks, never for users.
    pub async fn execute_raw(&self, sql: &str) -> StoreResult<u64> {
        Ok(self
            .writer
            .execute(sqlx::raw_sql(AssertSqlSafe(sql.to_string())))
            .await?
            .rows_affected())
    }

    /// Deletes every row of every table (tests on a shared PostgreSQL database).
    pub async fn wipe(&self) -> StoreResult<()> {
        for table in [
            "facts",
            "elements",
            "element_links",
            "person_scopes",
            "calendar_days",
            "document_serials",
            "accounts",
            "sessions",
            "audit_log",
            "views_state",
        ] {
            self.writer
                .execute(AssertSqlSafe(format!("DELETE FROM {table}")))
                .await?;
        }
        Ok(())
    }

    /// The SQL text for this backend.
    fn sql(&self, text: &str) -> AssertSqlSafe<String> {
        dialect(self.backend, text)
    }
}

/// The SQL text for a backend: `?` placeholders become `$1, $2, …` on PostgreSQL.
fn dialect(backend: Backend, text: &str) -> AssertSqlSafe<String> {
    AssertSqlSafe(match backend {
        Backend::Sqlite => text.to_string(),
        Backend::Postgres => {
            let mut out = String::with_capacity(text.len() + 16);
            let mut n = 0;
            for c in text.chars() {
                if c == '?' {
                    n += 1;
                    out.push('$');
                    out.push_str(&n.to_string());
                } else {
                    out.push(c);
                }
            }
            out
        }
    })
}

pub(crate) async fn write_batch(
    backend: Backend,
    tx: &mut sqlx::Transaction<'_, Any>,
    batch: &Batch,
) -> StoreResult<()> {
    for chunk in batch.facts.chunks(ROWS_PER_INSERT) {
        let mut args = AnyArguments::default();
        for f in chunk {
            add(&mut args, f.seq);
            add(&mut args, f.chain.as_str());
            add(&mut args, f.chain_seq);
            add(&mut args, f.at_micros);
            add(&mut args, f.recorded_at_micros);
            add(&mut args, f.actor.as_str());
            add(&mut args, f.unit.as_str());
            add(&mut args, f.kind.as_str());
            add(&mut args, f.element.as_str());
            add(&mut args, f.subject.as_str());
            add(&mut args, f.payload.as_str());
            add(&mut args, f.hash.to_vec());
        }
        let sql = format!(
            "INSERT INTO facts ({FACT_COLUMNS}) VALUES {}",
            values(chunk.len(), 12)
        );
        sqlx::query_with(dialect(backend, &sql), args)
            .execute(&mut **tx)
            .await?;
    }
    write_views(backend, tx, batch).await?;
    for serial in &batch.serials {
        sqlx::query(dialect(backend, sql::INSERT_SERIAL))
            .bind(serial.unit.as_str())
            .bind(serial.kind.as_str())
            .bind(serial.year)
            .bind(serial.serial)
            .bind(serial.document.as_str())
            .execute(&mut **tx)
            .await
            .map_err(|e| conflict(e, "document serial"))?;
    }
    for account in &batch.accounts {
        sqlx::query(dialect(backend, sql::UPSERT_ACCOUNT))
            .bind(account.officer.as_str())
            .bind(account.username.as_str())
            .bind(account.password_hash.as_str())
            .bind(i64::from(account.must_change))
            .bind(i64::from(account.disabled))
            .execute(&mut **tx)
            .await
            .map_err(|e| conflict(e, "username"))?;
        // A reset password or a disabled account ends every session and API token of the
        // officer, in the same transaction.
        if account.must_change || account.disabled {
            sqlx::query(dialect(backend, sql::DELETE_SESSIONS_OF))
                .bind(account.officer.as_str())
                .execute(&mut **tx)
                .await?;
        }
    }
    for entry in &batch.audit {
        sqlx::query(dialect(backend, sql::INSERT_AUDIT))
            .bind(entry.at_micros)
            .bind(entry.actor.as_str())
            .bind(entry.action.as_str())
            .bind(entry.element.as_str())
            .bind(entry.subject.as_str())
            .bind(entry.reason.as_str())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Writes the view parts of a batch: elements with their links, person scopes, calendar.
async fn write_views(
    backend: Backend,
    tx: &mut sqlx::Transaction<'_, Any>,
    batch: &Batch,
) -> StoreResult<()> {
    write_elements(backend, tx, &batch.elements, &batch.links).await?;
    for chunk in batch.person_scopes.chunks(ROWS_PER_INSERT) {
        let mut args = AnyArguments::default();
        for (person, path) in chunk {
            add(&mut args, person.as_str());
            add(&mut args, path.as_str());
        }
        let sql = format!(
            "INSERT INTO person_scopes (person, unit_path) VALUES {} ON CONFLICT (unit_path, person) DO NOTHING",
            values(chunk.len(), 2)
        );
        sqlx::query_with(dialect(backend, &sql), args)
            .execute(&mut **tx)
            .await?;
    }
    for (date, kind) in &batch.calendar {
        sqlx::query(dialect(backend, sql::UPSERT_CALENDAR_DAY))
            .bind(date.as_str())
            .bind(kind.as_str())
            .execute(&mut **tx)
            .await?;
    }
    if let Some(seq) = batch.views_seq {
        sqlx::query(dialect(backend, sql::SET_VIEWS_SEQ))
            .bind(seq)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn write_elements(
    backend: Backend,
    tx: &mut sqlx::Transaction<'_, Any>,
    elements: &[ElementRow],
    links: &[LinkRow],
) -> StoreResult<()> {
    // Made at the first element already stored with links.
    let mut links_by = None;
    for chunk in elements.chunks(ROWS_PER_INSERT) {
        let mut args = AnyArguments::default();
        for e in chunk {
            for text in [
                &e.kind,
                &e.id,
                &e.unit,
                &e.unit_path,
                &e.county,
                &e.status,
                &e.tag,
                &e.title,
            ] {
                add(&mut args, text.as_str());
            }
            add(&mut args, e.opened_at_micros);
            add(&mut args, e.snapshot.as_str());
        }
        let sql = format!(
            "INSERT INTO elements (kind, id, unit, unit_path, county, status, tag, title, opened_at_micros, snapshot) VALUES {}
             ON CONFLICT (kind, id) DO UPDATE SET unit = excluded.unit, unit_path = excluded.unit_path, county = excluded.county,
             status = excluded.status, tag = excluded.tag, title = excluded.title, opened_at_micros = excluded.opened_at_micros,
             snapshot = excluded.snapshot",
            values(chunk.len(), 10)
        );
        sqlx::query_with(dialect(backend, &sql), args)
            .execute(&mut **tx)
            .await?;
        // The links a replaced element no longer has are deleted, and only those (see
        // `sqlite_writer::delete_dropped_links`); the batch's links are inserted below.
        let mut args = AnyArguments::default();
        for e in chunk {
            add(&mut args, e.kind.as_str());
            add(&mut args, e.id.as_str());
        }
        // A row-value IN list: both backends look each pair up by the primary key.
        let current = sqlx::query_with(
            dialect(
                backend,
                &format!(
                    "SELECT kind, id, other_kind, other_id, role FROM element_links WHERE (kind, id) IN (VALUES {})",
                    values(chunk.len(), 2)
                ),
            ),
            args,
        )
        .fetch_all(&mut **tx)
        .await?;
        if current.is_empty() {
            continue;
        }
        let kept = links_by.get_or_insert_with(|| sqlite_writer::links_by(links));
        let mut dropped = Vec::new();
        for row in &current {
            let link = link_row(row)?;
            let still = kept
                .get(&(link.kind.as_str(), link.id.as_str()))
                .is_some_and(|now| now.iter().any(|l| **l == link));
            if !still {
                dropped.push(link);
            }
        }
        for part in dropped.chunks(ROWS_PER_INSERT) {
            let mut args = AnyArguments::default();
            for l in part {
                for text in [&l.kind, &l.id, &l.other_kind, &l.other_id, &l.role] {
                    add(&mut args, text.as_str());
                }
            }
            let sql = format!(
                "DELETE FROM element_links WHERE (kind, id, other_kind, other_id, role) IN (VALUES {})",
                values(part.len(), 5)
            );
            sqlx::query_with(dialect(backend, &sql), args)
                .execute(&mut **tx)
                .await?;
        }
    }
    for chunk in links.chunks(ROWS_PER_INSERT) {
        let mut args = AnyArguments::default();
        for l in chunk {
            for text in [&l.kind, &l.id, &l.other_kind, &l.other_id, &l.role] {
                add(&mut args, text.as_str());
            }
        }
        let sql = format!(
            "INSERT INTO element_links (kind, id, other_kind, other_id, role) VALUES {} ON CONFLICT DO NOTHING",
            values(chunk.len(), 5)
        );
        sqlx::query_with(dialect(backend, &sql), args)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

impl SqlStore {
    async fn fetch_facts(
        &self,
        sql: AssertSqlSafe<String>,
        binds: &[Bind<'_>],
    ) -> StoreResult<Vec<FactRow>> {
        if let Some(readers) = &self.sqlite_readers {
            let params = binds
                .iter()
                .map(|bind| match bind {
                    Bind::Int(v) => rusqlite::types::Value::Integer(*v),
                    Bind::Text(v) => rusqlite::types::Value::Text(v.to_string()),
                })
                .collect();
            return readers.query(sql.0, params, sqlite_reader::fact_row).await;
        }
        let mut query = sqlx::query(sql);
        for bind in binds {
            query = match bind {
                Bind::Int(v) => query.bind(*v),
                Bind::Text(v) => query.bind(*v),
            };
        }
        let rows = query.fetch_all(&self.reader).await?;
        rows.iter().map(fact_row).collect()
    }
}

enum Bind<'a> {
    Int(i64),
    Text(&'a str),
}

fn add<'q, T>(args: &mut AnyArguments, value: T)
where
    T: sqlx::Encode<'q, Any> + sqlx::Type<Any>,
{
    args.add(value).expect("Any encodes text and integers");
}

/// `(?, ?, …), (?, ?, …)` for `rows` rows of `columns` columns.
fn values(rows: usize, columns: usize) -> String {
    let row = format!("({})", vec!["?"; columns].join(", "));
    vec![row; rows].join(", ")
}

fn conflict(error: sqlx::Error, what: &str) -> StoreError {
    match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(what.into()),
        _ => StoreError::Database(error),
    }
}

/// The file of a `sqlite://PATH?…` URL.
/// Sets up a connection of a sqlx pool on a SQLite store.
async fn sqlite_setup(
    conn: &mut sqlx::AnyConnection,
    views: &str,
    writer: bool,
) -> Result<(), sqlx::Error> {
    // WAL lets readers run beside the writer; FULL makes a commit survive power loss.
    conn.execute(sqlx::raw_sql(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
    ))
    .await?;
    if writer {
        // The writer holds a whole import in one transaction: a large cache keeps its pages
        // from spilling to the WAL and being written twice.
        conn.execute("PRAGMA cache_size = -524288").await?;
    }
    conn.execute(sqlx::raw_sql(AssertSqlSafe(format!(
        "ATTACH DATABASE '{}' AS views",
        views.replace('\'', "''")
    ))))
    .await?;
    Ok(())
}

fn sqlite_path(url: &str) -> String {
    url.trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string()
}

fn sqlite_url(url: &str) -> String {
    // Create the file if it is missing.
    if url.contains('?') {
        url.to_string()
    } else {
        format!("{url}?mode=rwc")
    }
}

pub(crate) const FACT_COLUMNS: &str = "seq, chain, chain_seq, at_micros, recorded_at_micros, actor, unit, kind, element, subject, payload, hash";
const ELEMENT_COLUMNS: &str =
    "kind, id, unit, unit_path, county, status, tag, title, opened_at_micros, snapshot";

fn fact_row(row: &AnyRow) -> StoreResult<FactRow> {
    Ok(FactRow {
        seq: row.try_get(0)?,
        chain: row.try_get(1)?,
        chain_seq: row.try_get(2)?,
        at_micros: row.try_get(3)?,
        recorded_at_micros: row.try_get(4)?,
        actor: row.try_get(5)?,
        unit: row.try_get(6)?,
        kind: row.try_get(7)?,
        element: row.try_get(8)?,
        subject: row.try_get(9)?,
        payload: row.try_get(10)?,
        hash: fact_hash(row.try_get(11)?)?,
    })
}

fn fact_hash(bytes: Vec<u8>) -> StoreResult<[u8; 32]> {
    bytes
        .try_into()
        .map_err(|b: Vec<u8>| StoreError::Corrupt(format!("a fact hash of {} bytes", b.len())))
}

fn element_row(row: &AnyRow) -> StoreResult<ElementRow> {
    Ok(ElementRow {
        kind: row.try_get(0)?,
        id: row.try_get(1)?,
        unit: row.try_get(2)?,
        unit_path: row.try_get(3)?,
        county: row.try_get(4)?,
        status: row.try_get(5)?,
        tag: row.try_get(6)?,
        title: row.try_get(7)?,
        opened_at_micros: row.try_get(8)?,
        snapshot: row.try_get(9)?,
    })
}

fn link_row(row: &AnyRow) -> StoreResult<LinkRow> {
    Ok(LinkRow {
        kind: row.try_get(0)?,
        id: row.try_get(1)?,
        other_kind: row.try_get(2)?,
        other_id: row.try_get(3)?,
        role: row.try_get(4)?,
    })
}

fn account_row(row: &AnyRow) -> StoreResult<AccountRow> {
    Ok(AccountRow {
        officer: row.try_get(0)?,
        username: row.try_get(1)?,
        password_hash: row.try_get(2)?,
        must_change: row.try_get::<i64, _>(3)? != 0,
        disabled: row.try_get::<i64, _>(4)? != 0,
    })
}

/// One transaction written in parts.
struct SqlBulk {
    backend: Backend,
    tx: sqlx::Transaction<'static, Any>,
}

#[async_trait::async_trait]
impl Bulk for SqlBulk {
    async fn write(&mut self, part: Batch) -> StoreResult<Batch> {
        write_batch(self.backend, &mut self.tx, &part).await?;
        Ok(part)
    }

    async fn commit(self: Box<Self>) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl Store for SqlStore {
    fn backend(&self) -> Backend {
        self.backend
    }

    async fn commit(&self, batch: Batch) -> StoreResult<()> {
        if batch.is_empty() {
            return Ok(());
        }
        if let Some(sqlite) = &self.sqlite {
            return sqlite.commit(batch).await;
        }
        let mut tx = self.writer.begin().await?;
        write_batch(self.backend, &mut tx, &batch).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn commit_views(&self, batch: Batch) -> StoreResult<()> {
        if let Some(sqlite) = &self.sqlite {
            return sqlite
                .views_transaction(move |c| sqlite_writer::write_views(c, &batch))
                .await;
        }
        let mut tx = self.writer.begin().await?;
        // Views are rebuilt from the ledger if lost: their commit need not wait for the disk.
        tx.execute("SET LOCAL synchronous_commit = off").await?;
        write_views(self.backend, &mut tx, &batch).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn views_seq(&self) -> StoreResult<i64> {
        let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) FROM views_state")
            .fetch_one(&self.reader)
            .await?;
        Ok(row.try_get(0)?)
    }

    async fn begin(&self) -> StoreResult<Box<dyn Bulk>> {
        if let Some(sqlite) = &self.sqlite {
            return sqlite.begin().await;
        }
        Ok(Box::new(SqlBulk {
            backend: self.backend,
            tx: self.writer.begin().await?,
        }))
    }

    async fn replace_views(&self, batch: Batch) -> StoreResult<()> {
        if let Some(sqlite) = &self.sqlite {
            return sqlite.replace_views(batch).await;
        }
        let mut tx = self.writer.begin().await?;
        for table in [
            "elements",
            "element_links",
            "person_scopes",
            "calendar_days",
        ] {
            tx.execute(AssertSqlSafe(format!("DELETE FROM {table}")))
                .await?;
        }
        write_views(self.backend, &mut tx, &batch).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn settle(&self) -> StoreResult<()> {
        match &self.sqlite {
            Some(sqlite) => sqlite.checkpoint_now().await,
            None => Ok(()),
        }
    }

    async fn facts_after(&self, after: i64, limit: i64) -> StoreResult<Vec<FactRow>> {
        let sql = self.sql(&format!(
            "SELECT {FACT_COLUMNS} FROM facts WHERE seq > ? ORDER BY seq LIMIT ?"
        ));
        self.fetch_facts(sql, &[Bind::Int(after), Bind::Int(limit)])
            .await
    }

    async fn chain_facts(&self, chain: &str, after: i64, limit: i64) -> StoreResult<Vec<FactRow>> {
        let sql = self.sql(&format!(
            "SELECT {FACT_COLUMNS} FROM facts WHERE chain = ? AND chain_seq > ? ORDER BY chain_seq LIMIT ?"
        ));
        self.fetch_facts(
            sql,
            &[Bind::Text(chain), Bind::Int(after), Bind::Int(limit)],
        )
        .await
    }

    async fn chain_heads(&self) -> StoreResult<Vec<ChainHead>> {
        let rows = sqlx::query(
            "SELECT f.chain, f.chain_seq, f.hash FROM facts f
             JOIN (SELECT chain, MAX(chain_seq) AS last FROM facts GROUP BY chain) h
             ON f.chain = h.chain AND f.chain_seq = h.last ORDER BY f.chain",
        )
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ChainHead {
                    chain: r.try_get(0)?,
                    chain_seq: r.try_get(1)?,
                    hash: fact_hash(r.try_get(2)?)?,
                })
            })
            .collect()
    }

    async fn ledger_extent(&self) -> StoreResult<(i64, i64)> {
        let row = sqlx::query("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM facts")
            .fetch_one(&self.reader)
            .await?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }

    async fn facts_at(&self, seqs: &[i64]) -> StoreResult<Vec<FactRow>> {
        let mut rows = Vec::with_capacity(seqs.len());
        for chunk in seqs.chunks(ROWS_PER_INSERT) {
            let sql = self.sql(&format!(
                "SELECT {FACT_COLUMNS} FROM facts WHERE seq IN ({}) ORDER BY seq",
                vec!["?"; chunk.len()].join(", ")
            ));
            let binds: Vec<Bind> = chunk.iter().map(|seq| Bind::Int(*seq)).collect();
            rows.extend(self.fetch_facts(sql, &binds).await?);
        }
        Ok(rows)
    }

    async fn element(&self, kind: &str, id: &str) -> StoreResult<Option<ElementRow>> {
        let row = sqlx::query(self.sql(&format!(
            "SELECT {ELEMENT_COLUMNS} FROM elements WHERE kind = ? AND id = ?"
        )))
        .bind(kind)
        .bind(id)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(element_row).transpose()
    }

    async fn list(&self, query: &ListQuery) -> StoreResult<Page> {
        let upper = path_upper_bound(&query.scope_path);
        let mut condition = String::from("kind = ?");
        let mut binds: Vec<Bind<'_>> = vec![Bind::Text(&query.kind)];
        if query.kind == "person" {
            // Persons are visible through any of their units.
            condition.push_str(" AND id IN (SELECT person FROM person_scopes WHERE unit_path >= ? AND unit_path < ?)");
        } else {
            condition.push_str(" AND unit_path >= ? AND unit_path < ?");
        }
        binds.push(Bind::Text(&query.scope_path));
        binds.push(Bind::Text(&upper));
        if let Some(status) = &query.status {
            condition.push_str(" AND status = ?");
            binds.push(Bind::Text(status));
        }
        if let Some(tag) = &query.tag {
            condition.push_str(" AND tag = ?");
            binds.push(Bind::Text(tag));
        }
        let pattern;
        if let Some(text) = &query.text {
            pattern = format!("%{}%", text.replace(['%', '_'], ""));
            condition.push_str(" AND (title LIKE ? OR id = ?)");
            binds.push(Bind::Text(&pattern));
            binds.push(Bind::Text(text));
        }
        if let Some(from) = query.opened_from_micros {
            condition.push_str(" AND opened_at_micros >= ?");
            binds.push(Bind::Int(from));
        }
        if let Some(until) = query.opened_until_micros {
            condition.push_str(" AND opened_at_micros < ?");
            binds.push(Bind::Int(until));
        }
        let order = if query.oldest_first { "ASC" } else { "DESC" };
        let select = self.sql(&format!(
            "SELECT {ELEMENT_COLUMNS} FROM elements WHERE {condition} ORDER BY opened_at_micros {order}, id {order} LIMIT ? OFFSET ?"
        ));
        let count = self.sql(&format!("SELECT COUNT(*) FROM elements WHERE {condition}"));
        let mut rows_query = sqlx::query(select);
        let mut count_query = sqlx::query(count);
        for bind in &binds {
            (rows_query, count_query) = match bind {
                Bind::Int(v) => (rows_query.bind(*v), count_query.bind(*v)),
                Bind::Text(v) => (rows_query.bind(*v), count_query.bind(*v)),
            };
        }
        let rows = rows_query
            .bind(query.limit)
            .bind(query.offset)
            .fetch_all(&self.reader)
            .await?;
        let total: i64 = count_query.fetch_one(&self.reader).await?.try_get(0)?;
        Ok(Page {
            rows: rows.iter().map(element_row).collect::<StoreResult<_>>()?,
            total,
        })
    }

    async fn count_by_status(
        &self,
        kind: &str,
        scope_path: &str,
    ) -> StoreResult<Vec<(String, i64)>> {
        let upper = path_upper_bound(scope_path);
        let rows = sqlx::query(self.sql(
            "SELECT status, COUNT(*) FROM elements WHERE kind = ? AND unit_path >= ? AND unit_path < ? GROUP BY status ORDER BY status",
        ))
        .bind(kind)
        .bind(scope_path)
        .bind(upper.as_str())
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn links(&self, kind: &str, id: &str) -> StoreResult<Vec<LinkRow>> {
        let rows = sqlx::query(self.sql(
            "SELECT kind, id, other_kind, other_id, role FROM element_links WHERE (kind = ? AND id = ?) OR (other_kind = ? AND other_id = ?)
             ORDER BY kind, id, other_kind, other_id",
        ))
        .bind(kind)
        .bind(id)
        .bind(kind)
        .bind(id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(link_row).collect()
    }

    async fn all_elements(&self, kind: &str) -> StoreResult<Vec<ElementRow>> {
        let sql = format!("SELECT {ELEMENT_COLUMNS} FROM elements WHERE kind = ?");
        if let Some(readers) = &self.sqlite_readers {
            let params = vec![rusqlite::types::Value::Text(kind.to_string())];
            return readers.query(sql, params, sqlite_reader::element_row).await;
        }
        let rows = sqlx::query(self.sql(&sql))
            .bind(kind)
            .fetch_all(&self.reader)
            .await?;
        rows.iter().map(element_row).collect()
    }

    async fn all_links(&self) -> StoreResult<Vec<LinkRow>> {
        const SQL: &str = "SELECT kind, id, other_kind, other_id, role FROM element_links";
        if let Some(readers) = &self.sqlite_readers {
            return readers
                .query(SQL.into(), Vec::new(), sqlite_reader::link_row)
                .await;
        }
        let rows = sqlx::query(SQL).fetch_all(&self.reader).await?;
        rows.iter().map(link_row).collect()
    }

    async fn calendar(&self) -> StoreResult<Vec<(String, String)>> {
        let rows = sqlx::query("SELECT date, kind FROM calendar_days ORDER BY date")
            .fetch_all(&self.reader)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    async fn account_by_username(&self, username: &str) -> StoreResult<Option<AccountRow>> {
        let row = sqlx::query(self.sql(
            "SELECT officer, username, password_hash, must_change, disabled FROM accounts WHERE username = ?",
        ))
        .bind(username)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(account_row).transpose()
    }

    async fn account_by_officer(&self, officer: &str) -> StoreResult<Option<AccountRow>> {
        let row = sqlx::query(self.sql(
            "SELECT officer, username, password_hash, must_change, disabled FROM accounts WHERE officer = ?",
        ))
        .bind(officer)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(account_row).transpose()
    }

    async fn accounts(&self) -> StoreResult<Vec<AccountRow>> {
        let rows = sqlx::query("SELECT officer, username, password_hash, must_change, disabled FROM accounts ORDER BY username")
            .fetch_all(&self.reader)
            .await?;
        rows.iter().map(account_row).collect()
    }

    async fn create_session(&self, session: &SessionRow) -> StoreResult<()> {
        if let Some(sqlite) = &self.sqlite {
            let s = session.clone();
            return sqlite
                .transaction(move |c| {
                    c.prepare_cached(sql::INSERT_SESSION)?
                        .execute(rusqlite::params![
                            s.token_hash,
                            s.officer,
                            s.kind,
                            s.label,
                            s.created_at_micros,
                            s.expires_at_micros
                        ])?;
                    Ok(())
                })
                .await;
        }
        sqlx::query(self.sql(sql::INSERT_SESSION))
            .bind(session.token_hash.as_str())
            .bind(session.officer.as_str())
            .bind(session.kind.as_str())
            .bind(session.label.as_str())
            .bind(session.created_at_micros)
            .bind(session.expires_at_micros)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now_micros: i64) -> StoreResult<Option<SessionRow>> {
        let row = sqlx::query(self.sql(
            "SELECT token_hash, officer, kind, label, created_at_micros, expires_at_micros FROM sessions WHERE token_hash = ? AND expires_at_micros > ?",
        ))
        .bind(token_hash)
        .bind(now_micros)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|r| {
            Ok(SessionRow {
                token_hash: r.try_get(0)?,
                officer: r.try_get(1)?,
                kind: r.try_get(2)?,
                label: r.try_get(3)?,
                created_at_micros: r.try_get(4)?,
                expires_at_micros: r.try_get(5)?,
            })
        })
        .transpose()
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        if let Some(sqlite) = &self.sqlite {
            let token_hash = token_hash.to_string();
            return sqlite
                .transaction(move |c| {
                    c.prepare_cached(sql::DELETE_SESSION)?
                        .execute([token_hash])?;
                    Ok(())
                })
                .await;
        }
        sqlx::query(self.sql(sql::DELETE_SESSION))
            .bind(token_hash)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    async fn audit_entries(
        &self,
        element: Option<(&str, &str)>,
        before: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<(i64, AuditRow)>> {
        let columns = "seq, at_micros, actor, action, element, subject, reason";
        let before = before.unwrap_or(i64::MAX);
        let rows = match element {
            Some((kind, id)) => {
                sqlx::query(self.sql(&format!(
                    "SELECT {columns} FROM audit_log WHERE element = ? AND subject = ? AND seq < ? ORDER BY seq DESC LIMIT ?"
                )))
                .bind(kind)
                .bind(id)
                .bind(before)
                .bind(limit)
                .fetch_all(&self.reader)
                .await?
            }
            None => {
                sqlx::query(self.sql(&format!(
                    "SELECT {columns} FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?"
                )))
                .bind(before)
                .bind(limit)
                .fetch_all(&self.reader)
                .await?
            }
        };
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get(0)?,
                    AuditRow {
                        at_micros: r.try_get(1)?,
                        actor: r.try_get(2)?,
                        action: r.try_get(3)?,
                        element: r.try_get(4)?,
                        subject: r.try_get(5)?,
                        reason: r.try_get(6)?,
                    },
                ))
            })
            .collect()
    }
}
