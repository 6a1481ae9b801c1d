//! Zhifa's storage: the ledger of facts and the views, behind one [`Store`] trait, on SQLite (the
//! embedded default) or PostgreSQL (for a province).
//!
//! Storage knows rows, not the domain: the app turns facts and element snapshots into rows.
//! **Architecture Invariant:** one SQL text serves both backends (written with `?`; PostgreSQL
//! gets `$n`); the schemas differ only in types, in `migrations/sqlite` and `migrations/postgres`.

mod rows;
mod sql;
mod sql_store;
mod sqlite_reader;
mod sqlite_writer;

pub use rows::*;
pub use sql_store::{Backend, SQLITE_MIGRATIONS, SqlStore};

/// Storage failures. Database detail is for logs; callers show users a generic message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("unsupported database URL `{0}`: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("a unique value is taken: {0}")]
    Conflict(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// Database work that did not finish: its thread was cancelled (the process is stopping)
    /// or failed. Nothing of it was committed; the data is not damaged.
    #[error("database work stopped before it finished: {0}")]
    Stopped(String),
    #[error("another process is writing to this database ({0})")]
    WriterBusy(String),
}

/// Result of storage calls.
pub type StoreResult<T> = Result<T, StoreError>;

/// The one storage interface the app uses. Each method is one statement or one transaction.
#[async_trait::async_trait]
pub trait Store: Send + Sync {
    /// Which backend this is.
    fn backend(&self) -> Backend;

    /// Commits a batch in one transaction: facts appended, views replaced, and the rest.
    async fn commit(&self, batch: Batch) -> StoreResult<()>;

    /// Commits a batch's views (elements, links, person scopes, calendar, `views_seq`) in one
    /// transaction that does not wait for the disk: views are derived, and a start rewrites
    /// those a crash lost from the ledger (after `views_seq`).
    async fn commit_views(&self, batch: Batch) -> StoreResult<()>;

    /// The last fact the views show (`Batch::views_seq` as last committed).
    async fn views_seq(&self) -> StoreResult<i64>;

    /// Starts one transaction written in parts (a large import), so that writing a part
    /// overlaps with preparing the next. Nothing is visible before `commit`; dropping the
    /// returned value rolls everything back.
    async fn begin(&self) -> StoreResult<Box<dyn Bulk>>;

    /// Replaces every view (elements, links, person scopes, calendar) with the batch's, in one
    /// transaction (rebuild); the batch's other parts are ignored and the facts kept.
    async fn replace_views(&self, batch: Batch) -> StoreResult<()>;

    /// Waits until everything committed is in the database proper: on SQLite, the WAL is
    /// copied into the database file (otherwise done in the background). Nothing on PostgreSQL.
    async fn settle(&self) -> StoreResult<()>;

    /// Facts with `seq > after`, in ledger order, at most `limit`.
    async fn facts_after(&self, after: i64, limit: i64) -> StoreResult<Vec<FactRow>>;

    /// Facts of one chain with `chain_seq > after`, in chain order, at most `limit`.
    async fn chain_facts(&self, chain: &str, after: i64, limit: i64) -> StoreResult<Vec<FactRow>>;

    /// The latest fact of every chain.
    async fn chain_heads(&self) -> StoreResult<Vec<ChainHead>>;

    /// The highest `seq` (0 when the ledger is empty) and the number of facts.
    async fn ledger_extent(&self) -> StoreResult<(i64, i64)>;

    /// The facts with these sequence numbers, in ledger order (an element's timeline: the app
    /// keeps which facts are whose in memory).
    async fn facts_at(&self, seqs: &[i64]) -> StoreResult<Vec<FactRow>>;

    /// One element's view row.
    async fn element(&self, kind: &str, id: &str) -> StoreResult<Option<ElementRow>>;

    /// A page of element rows.
    async fn list(&self, query: &ListQuery) -> StoreResult<Page>;

    /// Counts of elements by status for a kind within a scope.
    async fn count_by_status(
        &self,
        kind: &str,
        scope_path: &str,
    ) -> StoreResult<Vec<(String, i64)>>;

    /// Links from and to an element.
    async fn links(&self, kind: &str, id: &str) -> StoreResult<Vec<LinkRow>>;

    /// Every element row of a kind (verification).
    async fn all_elements(&self, kind: &str) -> StoreResult<Vec<ElementRow>>;

    /// Every link row (verification).
    async fn all_links(&self) -> StoreResult<Vec<LinkRow>>;

    /// The holiday calendar.
    async fn calendar(&self) -> StoreResult<Vec<(String, String)>>;

    /// Accounts.
    async fn account_by_username(&self, username: &str) -> StoreResult<Option<AccountRow>>;
    async fn account_by_officer(&self, officer: &str) -> StoreResult<Option<AccountRow>>;
    async fn accounts(&self) -> StoreResult<Vec<AccountRow>>;

    /// Sessions and API tokens, by the hash of the secret.
    async fn create_session(&self, session: &SessionRow) -> StoreResult<()>;
    async fn session(&self, token_hash: &str, now_micros: i64) -> StoreResult<Option<SessionRow>>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;

    /// The audit trail of reads, newest first, each with its sequence number; only entries
    /// older than `before` (a sequence number) when given, so that a caller can page back.
    async fn audit_entries(
        &self,
        element: Option<(&str, &str)>,
        before: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<(i64, AuditRow)>>;
}

/// A transaction written in parts: see [`Store::begin`].
#[async_trait::async_trait]
pub trait Bulk: Send {
    /// Writes a part: facts appended, views replaced, and the rest, as [`Store::commit`] does.
    /// The part is handed back, written, so that the caller frees (or reuses) its memory on its
    /// own thread rather than on the database's.
    async fn write(&mut self, part: Batch) -> StoreResult<Batch>;

    /// Commits every part written.
    async fn commit(self: Box<Self>) -> StoreResult<()>;
}

/// Opens the store named by a URL and runs its migrations.
pub async fn open(url: &str) -> StoreResult<std::sync::Arc<dyn Store>> {
    Ok(std::sync::Arc::new(SqlStore::open(url).await?))
}

/// Opens the store for the one process that writes to it: the hash chains are extended from
/// heads held in memory, so a second writer (an `import` while `serve` runs) would collide.
/// The lock is held until the store is dropped: a file lock beside a SQLite database, a
/// session-level advisory lock on PostgreSQL.
pub async fn open_writer(url: &str) -> StoreResult<std::sync::Arc<dyn Store>> {
    let mut store = SqlStore::open(url).await?;
    store.lock_writer(url).await?;
    Ok(std::sync::Arc::new(store))
}
