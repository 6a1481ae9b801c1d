-- The ledger: append-only, hash-chained per county-level unit.
CREATE TABLE facts (
    seq BIGINT PRIMARY KEY,
    chain TEXT NOT NULL,
    chain_seq BIGINT NOT NULL,
    at_micros BIGINT NOT NULL,
    recorded_at_micros BIGINT NOT NULL,
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

-- Views: one row per element, rebuildable from the ledger. Paths compare bytewise ("C") so a
-- unit's subtree is a range.
CREATE TABLE elements (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_path TEXT COLLATE "C" NOT NULL,
    county TEXT NOT NULL,
    status TEXT NOT NULL,
    tag TEXT NOT NULL,
    title TEXT NOT NULL,
    opened_at_micros BIGINT NOT NULL,
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

CREATE TABLE person_scopes (
    person TEXT NOT NULL,
    unit_path TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (person, unit_path)
);
CREATE INDEX person_scopes_by_path ON person_scopes (unit_path);

CREATE TABLE calendar_days (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL
);

CREATE TABLE document_serials (
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    year BIGINT NOT NULL,
    serial BIGINT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (unit, kind, year, serial)
);

CREATE TABLE accounts (
    officer TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    must_change BIGINT NOT NULL,
    disabled BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    officer TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at_micros BIGINT NOT NULL,
    expires_at_micros BIGINT NOT NULL
);

CREATE TABLE audit_log (
    seq BIGSERIAL PRIMARY KEY,
    at_micros BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    element TEXT NOT NULL,
    subject TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX audit_log_by_subject ON audit_log (element, subject);
