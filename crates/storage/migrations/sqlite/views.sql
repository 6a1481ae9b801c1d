-- The views file of a SQLite store (`zhifa-views.db` beside `zhifa.db`): what lists, counts and
-- links are read from, written behind the facts (ARCHITECTURE.md, "Views follow the ledger").
-- Not migrated: a views file whose `user_version` is not the one the code expects is emptied
-- and made again, and a start writes the views from the ledger.
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
) WITHOUT ROWID;
CREATE INDEX element_links_reverse ON element_links (other_kind, other_id);
CREATE TABLE person_scopes (
    unit_path TEXT NOT NULL,
    person TEXT NOT NULL,
    PRIMARY KEY (unit_path, person)
) WITHOUT ROWID;
-- The last fact the views show, and the ledger they show (`ledger_identity` of the database
-- file); a views file of another ledger, or ahead of this one, is emptied at opening.
CREATE TABLE views_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    ledger TEXT NOT NULL DEFAULT ''
);
