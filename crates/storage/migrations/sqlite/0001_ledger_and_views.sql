-- The ledger: append-only, hash-chained per county-level unit.
CREATE TABLE facts (
    seq INTEGER PRIMARY KEY,
    chain TEXT NOT NULL,
    chain_seq INTEGER NOT NULL,
    at_micros INTEGER NOT NULL,
    recorded_at_micros INTEGER NOT NULL,
    actor TEXT NOT NULL,
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    element TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (chain, chain_seq)
);
CREATE INDEX facts_by_subject ON facts (element, subject, seq);

-- Views: one row per element, rebuildable from the ledger.
CREATE TABLE elements (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    county TEXT NOT NULL,
    status TEXT NOT NULL,
    tag TEXT NOT NULL,
    title TEXT NOT NULL,
    opened_at_micros INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX elements_by_scope ON elements (kind, unit_path, opened_at_micros);
CREATE INDEX elements_by_status ON elements (kind, status, opened_at_micros);

CREATE TABLE element_links (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    other_kind TEXT NOT NULL,
    other_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (kind, id, other_kind, other_id, role)
);
CREATE INDEX element_links_reverse ON element_links (other_kind, other_id);

-- A person is visible from the registering unit and from the unit of every linked case.
CREATE TABLE person_scopes (
    person TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    PRIMARY KEY (person, unit_path)
);
CREATE INDEX person_scopes_by_path ON person_scopes (unit_path);

CREATE TABLE calendar_days (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL
);

-- Official numbering: one serial per unit, document kind and year, unique, gap-free.
CREATE TABLE document_serials (
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (unit, kind, year, serial)
);

-- Credentials are not facts (a hash must never be exported); their changes are.
CREATE TABLE accounts (
    officer TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    must_change INTEGER NOT NULL,
    disabled INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    officer TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at_micros INTEGER NOT NULL,
    expires_at_micros INTEGER NOT NULL
);

-- Reads of personal data and reveals of ID numbers: who, when, what, why.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at_micros INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    element TEXT NOT NULL,
    subject TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX audit_log_by_subject ON audit_log (element, subject);
