-- The views (elements, their links, person scopes, and the mark of how far they show the
-- ledger) move to a database file of their own beside this one (`views.sql`): SQLite has one
-- writer per file, and views written behind the facts then neither wait for nor delay a
-- commit of facts, and are not synced with them. They are derived: the first start after this
-- migration writes them again from the ledger into the new file.
DROP TABLE IF EXISTS main.elements;
DROP TABLE IF EXISTS main.element_links;
DROP TABLE IF EXISTS main.person_scopes;
DROP TABLE IF EXISTS main.views_state;
-- Which ledger this is, so that a views file is never taken for another ledger's (a database
-- file restored from a backup beside views written from another one).
CREATE TABLE ledger_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    ledger TEXT NOT NULL
);
INSERT INTO ledger_identity (id, ledger) VALUES (1, lower(hex(randomblob(16))));
