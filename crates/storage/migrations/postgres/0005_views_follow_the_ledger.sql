-- The views (elements, their links, person scopes) are written behind the facts, in
-- transactions of their own; this one row says up to which fact (`seq`) they show the ledger.
-- Until now they were written with their facts, so they show all of it.
CREATE TABLE views_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL
);
INSERT INTO views_state (id, seq) SELECT 1, COALESCE(MAX(seq), 0) FROM facts;
