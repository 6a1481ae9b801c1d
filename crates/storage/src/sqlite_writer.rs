//! SQLite's writes, through rusqlite: one connection to the database file (the ledger) and one
//! to the views file beside it (`views.sql`), so that views written behind the facts neither
//! wait for nor delay a commit of facts (SQLite has one writer per file).
//!
//! sqlx's SQLite driver runs every statement on a worker thread and copies every bound value
//! twice on the way (the `Any` value, then SQLite's own); for a million-fact import that was
//! most of the store's time. rusqlite binds borrowed values to cached prepared statements on the
//! calling thread. It links the same `libsqlite3-sys` as sqlx, so there is still one SQLite in
//! the binary. Reads stay on sqlx's pool.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::rows::*;
use crate::sql;
use crate::{Bulk, StoreError, StoreResult};

/// The writing connections of a SQLite store. Commits take each in turn; a bulk transaction
/// holds them from `begin` to `commit`.
#[derive(Clone)]
pub(crate) struct SqliteWriter {
    connection: Arc<Mutex<Connection>>,
    /// The views file's: never synced (views are written again from the ledger after a crash).
    views: Arc<Mutex<Connection>>,
    checkpoints: Arc<Checkpoints>,
}

/// The views file's schema (`PRAGMA user_version`): a file with another is emptied and made
/// again, and the next start writes the views from the ledger.
const VIEWS_SCHEMA: i64 = 1;
const VIEWS_SCHEMA_SQL: &str = include_str!("../migrations/sqlite/views.sql");

/// The views file of the database file at `path`: `zhifa-views.db` beside `zhifa.db`.
pub(crate) fn views_path(path: &str) -> String {
    match path.strip_suffix(".db") {
        Some(stem) => format!("{stem}-views.db"),
        None => format!("{path}-views"),
    }
}

/// The WAL is copied back into the database file by a thread of its own, not by the commit
/// that happens to cross the threshold: a commit is durable once its WAL frames are synced, and
/// copying a large import's WAL (as much again as the data) took 2 of its 12 seconds.
struct Checkpoints {
    wal: std::path::PathBuf,
    nudge: std::sync::mpsc::SyncSender<()>,
}

/// How the ledger's connection commits: FULL makes a commit survive power loss.
const SYNCED: &str = "PRAGMA synchronous = FULL";

/// WAL size above which a checkpoint is started after a commit (SQLite's own default is 1000
/// pages, about 4 MB).
const CHECKPOINT_WAL_BYTES: u64 = 4 << 20;

impl Checkpoints {
    fn start(path: &str) -> StoreResult<Checkpoints> {
        let connection = Connection::open(path)?;
        connection.busy_timeout(std::time::Duration::from_secs(10))?;
        let (nudge, nudges) = std::sync::mpsc::sync_channel::<()>(1);
        std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || {
                // Ends when the store is dropped (the sender with it).
                while nudges.recv().is_ok() {
                    // PASSIVE waits for nobody: frames still read by a reader stay for the next one.
                    if let Err(error) = checkpoint(&connection, "PASSIVE") {
                        tracing::warn!(%error, "sqlite: WAL checkpoint failed");
                    }
                }
            })
            .map_err(|e| StoreError::Corrupt(format!("checkpoint thread: {e}")))?;
        Ok(Checkpoints {
            wal: format!("{path}-wal").into(),
            nudge,
        })
    }

    /// After a commit: starts a checkpoint if the WAL has grown (one at a time; a nudge while
    /// one runs is kept for afterwards).
    fn after_commit(&self) {
        if std::fs::metadata(&self.wal).is_ok_and(|m| m.len() > CHECKPOINT_WAL_BYTES) {
            let _ = self.nudge.try_send(());
        }
    }
}

/// Runs a checkpoint; whether it was blocked (by another checkpoint, or readers).
fn checkpoint(connection: &Connection, mode: &str) -> rusqlite::Result<bool> {
    connection.query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |row| {
        Ok(row.get::<_, i64>(0)? != 0)
    })
}

impl SqliteWriter {
    /// Opens the writing connections to a database file that migrations have already made and
    /// to its views file, made here if missing.
    pub async fn open(path: &str) -> StoreResult<SqliteWriter> {
        let checkpoints = Arc::new(Checkpoints::start(path)?);
        let path = path.to_string();
        let (connection, views) = run(move || {
            let connection = Connection::open(&path)?;
            // Commits are synced (`SYNCED`). The cache (256 MB) holds the B-tree pages
            // an import keeps changing; pages it has finished with (full ledger pages) spill to
            // the WAL during the import, so the commit has less left to write: 1 GB, which kept
            // everything until the commit, was no faster. Checkpoints are the checkpoint
            // thread's; after one, the WAL file is cut back to 64 MB.
            connection.execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000;
                 PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 0;
                 PRAGMA journal_size_limit = 67108864;",
            )?;
            connection.execute_batch(SYNCED)?;
            connection.set_prepared_statement_cache_capacity(64);
            let views = open_views(&views_path(&path), &connection)?;
            Ok((connection, views))
        })
        .await?;
        Ok(SqliteWriter {
            connection: Arc::new(Mutex::new(connection)),
            views: Arc::new(Mutex::new(views)),
            checkpoints,
        })
    }

    /// Copies the whole WAL into the database file and empties it, waiting for readers and
    /// the writer as needed (benchmarks, to time an import until nothing is left to do).
    pub async fn checkpoint_now(&self) -> StoreResult<()> {
        let guard = self.connection.clone().lock_owned().await;
        run(move || {
            // Another checkpoint running makes this one return at once, blocked: wait it out,
            // but not for ever (a reader holding an old snapshot keeps it blocked; the
            // checkpoint thread finishes the job later).
            for _ in 0..3000 {
                if !checkpoint(&guard, "TRUNCATE")? {
                    return Ok(());
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            tracing::warn!(
                "sqlite: the WAL could not be emptied within 30 s; left to the checkpoint thread"
            );
            Ok(())
        })
        .await
    }

    /// Runs `work` in one transaction on the ledger's connection.
    pub async fn transaction(
        &self,
        work: impl FnOnce(&Connection) -> StoreResult<()> + Send + 'static,
    ) -> StoreResult<()> {
        transaction_on(&self.connection, work).await?;
        self.checkpoints.after_commit();
        Ok(())
    }

    /// Runs `work` in one transaction on the views file's connection.
    pub async fn views_transaction(
        &self,
        work: impl FnOnce(&Connection) -> StoreResult<()> + Send + 'static,
    ) -> StoreResult<()> {
        transaction_on(&self.views, work).await
    }

    /// Commits a batch: its ledger part (facts, calendar, serials, accounts, audit), then its
    /// views (elements, links, person scopes, `views_seq`), each in its own file's transaction.
    /// Views follow the ledger: a crash between the two leaves them behind, never ahead.
    pub async fn commit(&self, batch: Batch) -> StoreResult<()> {
        let (ledger, views) = split(batch);
        if !ledger.is_empty() {
            self.transaction(move |c| write_ledger(c, &ledger)).await?;
        }
        if !views.is_empty() {
            self.views_transaction(move |c| write_views(c, &views))
                .await?;
        }
        Ok(())
    }

    /// Starts a transaction written in parts; it holds the ledger's connection until committed
    /// or dropped, and the views file's from the first part with views.
    pub async fn begin(&self) -> StoreResult<Box<dyn Bulk>> {
        let guard = self.connection.clone().lock_owned().await;
        let guard = run(move || {
            begin(&guard)?;
            Ok(guard)
        })
        .await?;
        Ok(Box::new(SqliteBulk {
            connection: Some(guard),
            views: None,
            views_mutex: self.views.clone(),
            busy: Default::default(),
            checkpoints: self.checkpoints.clone(),
        }))
    }
}

/// Runs `work` in one transaction on a connection.
async fn transaction_on(
    connection: &Arc<Mutex<Connection>>,
    work: impl FnOnce(&Connection) -> StoreResult<()> + Send + 'static,
) -> StoreResult<()> {
    let guard = connection.clone().lock_owned().await;
    run(move || {
        begin(&guard)?;
        match work(&guard) {
            Ok(()) => guard.execute_batch("COMMIT").map_err(StoreError::from),
            Err(error) => {
                let _ = guard.execute_batch("ROLLBACK");
                Err(error)
            }
        }
    })
    .await
}

/// Opens the views file at `path` beside the ledger's `main` connection, making its schema if
/// it has none or another version, and empties views that show another ledger or more of
/// this one than there is (a database file restored from a backup beside newer views).
fn open_views(path: &str, main: &Connection) -> StoreResult<Connection> {
    let views = Connection::open(path)?;
    // Never synced: views are derived, and a start writes again those a crash lost.
    views.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA busy_timeout = 10000;
         PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA journal_size_limit = 67108864;",
    )?;
    views.set_prepared_statement_cache_capacity(64);
    let version: i64 = views.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version != VIEWS_SCHEMA {
        let tables = views
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut sql = String::from("BEGIN IMMEDIATE;");
        for table in tables {
            sql.push_str(&format!("DROP TABLE \"{}\";", table.replace('"', "\"\"")));
        }
        sql.push_str(VIEWS_SCHEMA_SQL);
        sql.push_str(&format!("PRAGMA user_version = {VIEWS_SCHEMA}; COMMIT;"));
        views.execute_batch(&sql)?;
    }
    let ledger: String = main.query_row(
        "SELECT ledger FROM ledger_identity WHERE id = 1",
        [],
        |row| row.get(0),
    )?;
    let last: i64 = main.query_row("SELECT COALESCE(MAX(seq), 0) FROM facts", [], |row| {
        row.get(0)
    })?;
    let shown: Option<(i64, String)> = views
        .query_row(
            "SELECT seq, ledger FROM views_state WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let follows = shown
        .as_ref()
        .is_some_and(|(seq, of)| *of == ledger && *seq <= last);
    if !follows {
        if let Some((seq, of)) = &shown
            && (*seq > 0 || !of.is_empty())
        {
            tracing::warn!(
                views = %path, seq, last,
                "sqlite: the views file shows another ledger, or more of it than there is; emptied, to be written again"
            );
        }
        views.execute_batch(&format!(
            "BEGIN IMMEDIATE; DELETE FROM elements; DELETE FROM element_links; DELETE FROM person_scopes;
             DELETE FROM views_state; INSERT INTO views_state (id, seq, ledger) VALUES (1, 0, '{}'); COMMIT;",
            ledger.replace('\'', "''")
        ))?;
    }
    Ok(views)
}

/// A batch's ledger part and its views part (elements, links, person scopes, `views_seq`).
fn split(mut batch: Batch) -> (Batch, Batch) {
    let views = Batch {
        elements: std::mem::take(&mut batch.elements),
        links: std::mem::take(&mut batch.links),
        person_scopes: std::mem::take(&mut batch.person_scopes),
        views_seq: batch.views_seq.take(),
        ..Batch::default()
    };
    (batch, views)
}

/// A batch whole again from its two parts (`split`), its lists' capacity kept for reuse.
fn join(mut ledger: Batch, views: Batch) -> Batch {
    ledger.elements = views.elements;
    ledger.links = views.links;
    ledger.person_scopes = views.person_scopes;
    ledger.views_seq = views.views_seq;
    ledger
}

/// Begins a write transaction, first rolling back any left open by a bulk that was dropped
/// before it could finish.
fn begin(connection: &Connection) -> StoreResult<()> {
    if !connection.is_autocommit() {
        connection.execute_batch("ROLLBACK")?;
    }
    connection.execute_batch("BEGIN IMMEDIATE")?;
    Ok(())
}

/// Runs blocking database work off the async threads.
async fn run<T: Send + 'static>(
    work: impl FnOnce() -> StoreResult<T> + Send + 'static,
) -> StoreResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| StoreError::Stopped(format!("sqlite writer thread: {e}")))?
}

struct SqliteBulk {
    /// `None` only while a part is being written on a blocking thread.
    connection: Option<OwnedMutexGuard<Connection>>,
    /// The views file's, in its own transaction from the first part with views.
    views: Option<OwnedMutexGuard<Connection>>,
    views_mutex: Arc<Mutex<Connection>>,
    /// Time spent writing parts (the debug log compares it with the app's side).
    busy: std::time::Duration,
    checkpoints: Arc<Checkpoints>,
}

impl SqliteBulk {
    /// Runs `work` with the ledger's connection and the views file's (if taken) on a blocking
    /// thread.
    async fn with_connections<T: Send + 'static>(
        &mut self,
        work: impl FnOnce(&Connection, Option<&Connection>) -> StoreResult<T> + Send + 'static,
    ) -> StoreResult<T> {
        let guard = self
            .connection
            .take()
            .ok_or_else(|| StoreError::Corrupt("bulk transaction lost after a failure".into()))?;
        let views = self.views.take();
        let (guard, views, result, busy) = tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let result = work(&guard, views.as_deref());
            (guard, views, result, started.elapsed())
        })
        .await
        .map_err(|e| StoreError::Stopped(format!("sqlite writer thread: {e}")))?;
        self.connection = Some(guard);
        self.views = views;
        self.busy += busy;
        result
    }
}

#[async_trait::async_trait]
impl Bulk for SqliteBulk {
    async fn write(&mut self, part: Batch) -> StoreResult<Batch> {
        let (ledger, views) = split(part);
        if !views.is_empty() && self.views.is_none() {
            let guard = self.views_mutex.clone().lock_owned().await;
            self.views = Some(
                run(move || {
                    begin(&guard)?;
                    Ok(guard)
                })
                .await?,
            );
        }
        self.with_connections(move |c, v| {
            write_ledger(c, &ledger)?;
            if let Some(v) = v {
                write_views(v, &views)?;
            }
            Ok(join(ledger, views))
        })
        .await
    }

    async fn commit(mut self: Box<Self>) -> StoreResult<()> {
        let written = self.busy;
        // The ledger first: views follow it.
        self.with_connections(|c, v| {
            c.execute_batch("COMMIT")?;
            if let Some(v) = v {
                v.execute_batch("COMMIT")?;
            }
            Ok(())
        })
        .await?;
        self.checkpoints.after_commit();
        tracing::debug!(
            write_seconds = written.as_secs_f64(),
            commit_seconds = (self.busy - written).as_secs_f64(),
            "sqlite: bulk transaction"
        );
        Ok(())
    }
}

impl Drop for SqliteBulk {
    fn drop(&mut self) {
        // Not committed: nothing of it may stay. (The next `begin` also checks.)
        for connection in self.connection.iter().chain(&self.views) {
            if !connection.is_autocommit() {
                let _ = connection.execute_batch("ROLLBACK");
            }
        }
    }
}

/// Writes a batch's ledger part (facts, calendar, serials, accounts, audit) inside the caller's
/// transaction on the ledger's connection.
pub(crate) fn write_ledger(c: &Connection, batch: &Batch) -> StoreResult<()> {
    if !batch.facts.is_empty() {
        let mut insert = c.prepare_cached(
            "INSERT INTO facts (seq, chain, chain_seq, at_micros, recorded_at_micros, actor, unit, kind, element, subject, payload, hash)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )?;
        for f in &batch.facts {
            insert.execute(params![
                f.seq,
                f.chain,
                f.chain_seq,
                f.at_micros,
                f.recorded_at_micros,
                f.actor,
                f.unit,
                f.kind,
                f.element,
                f.subject,
                f.payload,
                &f.hash[..]
            ])?;
        }
    }
    for (date, kind) in &batch.calendar {
        c.prepare_cached(sql::UPSERT_CALENDAR_DAY)?
            .execute([date, kind])?;
    }
    for s in &batch.serials {
        c.prepare_cached(sql::INSERT_SERIAL)?
            .execute(params![s.unit, s.kind, s.year, s.serial, s.document])
            .map_err(|e| conflict(e, "document serial"))?;
    }
    for a in &batch.accounts {
        c.prepare_cached(sql::UPSERT_ACCOUNT)?
            .execute(params![
                a.officer,
                a.username,
                a.password_hash,
                a.must_change,
                a.disabled
            ])
            .map_err(|e| conflict(e, "username"))?;
        // A reset password or a disabled account ends every session and API token of the
        // officer, in the same transaction.
        if a.must_change || a.disabled {
            c.prepare_cached(sql::DELETE_SESSIONS_OF)?
                .execute([&a.officer])?;
        }
    }
    for e in &batch.audit {
        c.prepare_cached(sql::INSERT_AUDIT)?.execute(params![
            e.at_micros,
            e.actor,
            e.action,
            e.element,
            e.subject,
            e.reason
        ])?;
    }
    Ok(())
}

/// The batch's links by the element they go out from.
pub(crate) fn links_by(links: &[LinkRow]) -> HashMap<(&str, &str), Vec<&LinkRow>> {
    let mut by: HashMap<(&str, &str), Vec<&LinkRow>> = HashMap::new();
    for link in links {
        by.entry((link.kind.as_str(), link.id.as_str()))
            .or_default()
            .push(link);
    }
    by
}

/// Deletes the links an element rewritten by the batch no longer has (`kept`: its links now).
/// Only those: an element rewritten for one fact keeps nearly all its links, and deleting them
/// all to insert them again wrote every page they sit on (a case's links, in both directions).
/// The batch's links are inserted afterwards, those already there left as they are.
fn delete_dropped_links(
    c: &Connection,
    element: &ElementRow,
    kept: &[&LinkRow],
) -> StoreResult<()> {
    let mut current = c.prepare_cached(
        "SELECT other_kind, other_id, role FROM element_links WHERE kind = ? AND id = ?",
    )?;
    let dropped = current
        .query_map([&element.kind, &element.id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?
        .filter(|row| {
            row.as_ref().map_or(true, |(kind, id, role)| {
                !kept
                    .iter()
                    .any(|l| &l.other_kind == kind && &l.other_id == id && &l.role == role)
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut delete = c.prepare_cached(
        "DELETE FROM element_links WHERE kind = ? AND id = ? AND other_kind = ? AND other_id = ? AND role = ?",
    )?;
    for (other_kind, other_id, role) in &dropped {
        delete.execute([&element.kind, &element.id, other_kind, other_id, role])?;
    }
    Ok(())
}

/// Writes the view parts of a batch (elements with their links, person scopes, `views_seq`)
/// inside the caller's transaction on the views file's connection.
pub(crate) fn write_views(c: &Connection, batch: &Batch) -> StoreResult<()> {
    if !batch.elements.is_empty() {
        // Made at the first element already stored (none, in an import of new elements).
        let mut links_by_element = None;
        let mut insert = c.prepare_cached(
            "INSERT INTO elements (kind, id, unit, unit_path, county, status, tag, title, opened_at_micros, snapshot)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, id) DO NOTHING",
        )?;
        for e in &batch.elements {
            let row = params![
                e.kind,
                e.id,
                e.unit,
                e.unit_path,
                e.county,
                e.status,
                e.tag,
                e.title,
                e.opened_at_micros,
                e.snapshot
            ];
            // A new element has no links to replace: an import (all new) skips a lookup each.
            if insert.execute(row)? == 0 {
                c.prepare_cached(
                    "UPDATE elements SET unit = ?3, unit_path = ?4, county = ?5, status = ?6, tag = ?7,
                     title = ?8, opened_at_micros = ?9, snapshot = ?10 WHERE kind = ?1 AND id = ?2",
                )?
                .execute(row)?;
                let links = links_by_element.get_or_insert_with(|| links_by(&batch.links));
                let kept = links
                    .get(&(e.kind.as_str(), e.id.as_str()))
                    .map_or(&[][..], Vec::as_slice);
                delete_dropped_links(c, e, kept)?;
            }
        }
    }
    if !batch.links.is_empty() {
        let mut insert = c.prepare_cached(
            "INSERT INTO element_links (kind, id, other_kind, other_id, role) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )?;
        for l in &batch.links {
            insert.execute([&l.kind, &l.id, &l.other_kind, &l.other_id, &l.role])?;
        }
    }
    if !batch.person_scopes.is_empty() {
        let mut insert = c.prepare_cached(
            "INSERT INTO person_scopes (person, unit_path) VALUES (?, ?) ON CONFLICT (unit_path, person) DO NOTHING",
        )?;
        for (person, path) in &batch.person_scopes {
            insert.execute([person, path])?;
        }
    }
    if let Some(seq) = batch.views_seq {
        c.prepare_cached(sql::SET_VIEWS_SEQ)?.execute([seq])?;
    }
    Ok(())
}

impl SqliteWriter {
    /// Replaces every view with the batch's (rebuild): the calendar in the ledger's file, the
    /// rest in the views file.
    pub async fn replace_views(&self, batch: Batch) -> StoreResult<()> {
        let (ledger, views) = split(batch);
        self.transaction(move |c| {
            c.execute_batch("DELETE FROM calendar_days;")?;
            write_ledger(c, &ledger)
        })
        .await?;
        self.views_transaction(move |c| {
            c.execute_batch(
                "DELETE FROM elements; DELETE FROM element_links; DELETE FROM person_scopes;",
            )?;
            write_views(c, &views)
        })
        .await
    }
}

fn conflict(error: rusqlite::Error, what: &str) -> StoreError {
    match &error {
        rusqlite::Error::SqliteFailure(e, _)
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
        {
            StoreError::Conflict(what.into())
        }
        _ => StoreError::Sqlite(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Work whose thread fails (here: a panic; at shutdown: a cancellation) is reported as
    /// stopped, not as corrupt data: nothing of it was committed.
    #[tokio::test]
    async fn work_that_did_not_finish_is_stopped_not_corrupt() {
        let failed = run(|| -> StoreResult<()> { panic!("the work fails") }).await;
        match failed {
            Err(StoreError::Stopped(why)) => assert!(why.contains("sqlite writer thread"), "{why}"),
            other => panic!("expected Stopped, got {other:?}"),
        }
        assert_eq!(run(|| Ok(7)).await.unwrap(), 7);
    }
}
