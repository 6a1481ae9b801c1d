//! SQL statements that both write paths run (sqlx for PostgreSQL, rusqlite for SQLite): one
//! text each, written with `?` (PostgreSQL gets `$n`).

pub(crate) const INSERT_SERIAL: &str =
    "INSERT INTO document_serials (unit, kind, year, serial, document) VALUES (?, ?, ?, ?, ?)";
pub(crate) const UPSERT_ACCOUNT: &str = "INSERT INTO accounts (officer, username, password_hash, must_change, disabled) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (officer) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash,
             must_change = excluded.must_change, disabled = excluded.disabled";
pub(crate) const DELETE_SESSIONS_OF: &str = "DELETE FROM sessions WHERE officer = ?";
pub(crate) const INSERT_AUDIT: &str = "INSERT INTO audit_log (at_micros, actor, action, element, subject, reason) VALUES (?, ?, ?, ?, ?, ?)";
pub(crate) const UPSERT_CALENDAR_DAY: &str = "INSERT INTO calendar_days (date, kind) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET kind = excluded.kind";
pub(crate) const INSERT_SESSION: &str = "INSERT INTO sessions (token_hash, officer, kind, label, created_at_micros, expires_at_micros) VALUES (?, ?, ?, ?, ?, ?)";
pub(crate) const DELETE_SESSION: &str = "DELETE FROM sessions WHERE token_hash = ?";
pub(crate) const SET_VIEWS_SEQ: &str = "INSERT INTO views_state (id, seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq";
