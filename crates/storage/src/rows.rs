//! The rows storage reads and writes.

/// One fact as stored in the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactRow {
    pub seq: i64,
    pub chain: String,
    pub chain_seq: i64,
    pub at_micros: i64,
    pub recorded_at_micros: i64,
    pub actor: String,
    pub unit: String,
    pub kind: String,
    pub element: String,
    pub subject: String,
    /// The fact's JSON object, exactly as hashed and exported.
    pub payload: String,
    /// SHA-256 over the row and its predecessor's hash in the chain (`domain::ledger`).
    pub hash: [u8; 32],
}

/// The latest fact of a chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainHead {
    pub chain: String,
    pub chain_seq: i64,
    pub hash: [u8; 32],
}

/// One element's view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementRow {
    pub kind: String,
    pub id: String,
    pub unit: String,
    pub unit_path: String,
    pub county: String,
    pub status: String,
    pub tag: String,
    pub title: String,
    pub opened_at_micros: i64,
    pub snapshot: String,
}

/// A relation between two elements.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LinkRow {
    pub kind: String,
    pub id: String,
    pub other_kind: String,
    pub other_id: String,
    pub role: String,
}

/// A login account (credentials are never facts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRow {
    pub officer: String,
    pub username: String,
    pub password_hash: String,
    pub must_change: bool,
    pub disabled: bool,
}

/// A browser session or an API token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    pub token_hash: String,
    pub officer: String,
    /// `session` or `api`.
    pub kind: String,
    pub label: String,
    pub created_at_micros: i64,
    pub expires_at_micros: i64,
}

/// One audited read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub at_micros: i64,
    pub actor: String,
    /// `read` or `reveal`.
    pub action: String,
    pub element: String,
    pub subject: String,
    pub reason: String,
}

/// A document's official serial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SerialRow {
    pub unit: String,
    pub kind: String,
    pub year: i64,
    pub serial: i64,
    pub document: String,
}

/// Everything one transaction writes.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub facts: Vec<FactRow>,
    /// Views replaced whole (upsert).
    pub elements: Vec<ElementRow>,
    /// For every element in `elements`, its links are replaced by those here.
    pub links: Vec<LinkRow>,
    /// (person, unit_path) pairs to add.
    pub person_scopes: Vec<(String, String)>,
    /// (date, kind) to set.
    pub calendar: Vec<(String, String)>,
    pub serials: Vec<SerialRow>,
    pub accounts: Vec<AccountRow>,
    pub audit: Vec<AuditRow>,
    /// The last fact the views written here (with those already written) show: the store
    /// records it with them (`Store::views_seq`). `None` when the batch writes no views, or
    /// only part of a transaction's.
    pub views_seq: Option<i64>,
}

impl Batch {
    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
            && self.elements.is_empty()
            && self.links.is_empty()
            && self.person_scopes.is_empty()
            && self.calendar.is_empty()
            && self.accounts.is_empty()
            && self.audit.is_empty()
            && self.serials.is_empty()
            && self.views_seq.is_none()
    }
}

/// A list request.
#[derive(Clone, Debug, Default)]
pub struct ListQuery {
    pub kind: String,
    /// The viewer's unit path: only elements at or below it.
    pub scope_path: String,
    pub status: Option<String>,
    pub tag: Option<String>,
    /// Matches the title (substring) or the id (exact).
    pub text: Option<String>,
    pub opened_from_micros: Option<i64>,
    pub opened_until_micros: Option<i64>,
    /// Newest first unless set.
    pub oldest_first: bool,
    pub limit: i64,
    pub offset: i64,
}

/// A page of rows and the total matching count.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub rows: Vec<ElementRow>,
    pub total: i64,
}

/// The exclusive upper bound of the paths below `path`: `/U1/` → `/U10` ('0' follows '/').
pub fn path_upper_bound(path: &str) -> String {
    let mut upper = path.trim_end_matches('/').to_string();
    upper.push('0');
    upper
}
