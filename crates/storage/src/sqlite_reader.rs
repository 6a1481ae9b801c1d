//! Many rows read straight from a SQLite file: the replay at start, `zhifa verify`, `zhifa
//! export` and element histories read the ledger (and verify the views) thousands of rows at a
//! time. Through sqlx's any-driver each value was copied into a row of its own and handed
//! across a channel from its worker thread, and that was nearly all of a start (5 s of the demo
//! province's 5.1 s); rusqlite reads the rows where they lie.

use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use rusqlite::types::Value;

use crate::rows::{ElementRow, FactRow, LinkRow};
use crate::{StoreError, StoreResult};

/// Reading connections to one database file and its views file, opened as needed and kept for
/// the next page (a replay reads page after page; an export and a web request may read at
/// once).
pub(crate) struct SqliteReaders {
    path: String,
    views: String,
    idle: Mutex<Vec<Connection>>,
}

/// Connections kept idle between reads.
const IDLE_MAX: usize = 4;

impl SqliteReaders {
    /// Readers of the database file at `path` and of its views file (attached as `views`, as
    /// for sqlx's readers, so the same SQL runs on both).
    pub(crate) fn new(path: &str, views: &str) -> Arc<SqliteReaders> {
        Arc::new(SqliteReaders {
            path: path.to_string(),
            views: views.to_string(),
            idle: Mutex::new(Vec::new()),
        })
    }

    /// The rows a query selects, each made by `row`; its `?` placeholders take `params` in
    /// order.
    pub(crate) async fn query<T: Send + 'static>(
        self: &Arc<SqliteReaders>,
        sql: String,
        params: Vec<Value>,
        row: fn(&rusqlite::Row) -> StoreResult<T>,
    ) -> StoreResult<Vec<T>> {
        let readers = self.clone();
        tokio::task::spawn_blocking(move || {
            let connection = readers.take()?;
            let rows = read(&connection, &sql, params, row);
            readers.keep(connection);
            rows
        })
        .await
        .map_err(|e| StoreError::Stopped(format!("sqlite reading thread: {e}")))?
    }

    fn take(&self) -> StoreResult<Connection> {
        if let Some(connection) = self.idle.lock().expect("never poisoned").pop() {
            return Ok(connection);
        }
        let connection = Connection::open(&self.path)?;
        // Reads only; a busy writer (a checkpoint) is waited for as sqlx's readers do.
        connection.execute_batch("PRAGMA query_only = ON; PRAGMA busy_timeout = 10000;")?;
        connection.execute("ATTACH DATABASE ?1 AS views", rusqlite::params![self.views])?;
        Ok(connection)
    }

    fn keep(&self, connection: Connection) {
        let mut idle = self.idle.lock().expect("never poisoned");
        if idle.len() < IDLE_MAX {
            idle.push(connection);
        }
    }
}

fn read<T>(
    connection: &Connection,
    sql: &str,
    params: Vec<Value>,
    make: fn(&rusqlite::Row) -> StoreResult<T>,
) -> StoreResult<Vec<T>> {
    let mut statement = connection.prepare_cached(sql)?;
    let mut rows = statement.query(rusqlite::params_from_iter(params))?;
    let mut made = Vec::new();
    while let Some(row) = rows.next()? {
        made.push(make(row)?);
    }
    Ok(made)
}

/// A row of `FACT_COLUMNS`.
pub(crate) fn fact_row(row: &rusqlite::Row) -> StoreResult<FactRow> {
    let hash = row
        .get_ref(11)?
        .as_blob()
        .map_err(|e| StoreError::Corrupt(format!("a fact hash: {e}")))?;
    Ok(FactRow {
        seq: row.get(0)?,
        chain: row.get(1)?,
        chain_seq: row.get(2)?,
        at_micros: row.get(3)?,
        recorded_at_micros: row.get(4)?,
        actor: row.get(5)?,
        unit: row.get(6)?,
        kind: row.get(7)?,
        element: row.get(8)?,
        subject: row.get(9)?,
        payload: row.get(10)?,
        hash: hash
            .try_into()
            .map_err(|_| StoreError::Corrupt(format!("a fact hash of {} bytes", hash.len())))?,
    })
}

/// A row of `ELEMENT_COLUMNS`.
pub(crate) fn element_row(row: &rusqlite::Row) -> StoreResult<ElementRow> {
    Ok(ElementRow {
        kind: row.get(0)?,
        id: row.get(1)?,
        unit: row.get(2)?,
        unit_path: row.get(3)?,
        county: row.get(4)?,
        status: row.get(5)?,
        tag: row.get(6)?,
        title: row.get(7)?,
        opened_at_micros: row.get(8)?,
        snapshot: row.get(9)?,
    })
}

/// A row of `kind, id, other_kind, other_id, role`.
pub(crate) fn link_row(row: &rusqlite::Row) -> StoreResult<LinkRow> {
    Ok(LinkRow {
        kind: row.get(0)?,
        id: row.get(1)?,
        other_kind: row.get(2)?,
        other_id: row.get(3)?,
        role: row.get(4)?,
    })
}
