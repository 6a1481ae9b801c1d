-- A person's scopes are keyed by the unit's path first: the only query of them is a range of
-- paths (the persons a unit and those under it may see), which the key now serves alone. The
-- index by path, which repeated the table in another order, is gone: every person registered or
-- linked wrote a page at random in each of the two (a third of a recorded fact's pages).
DROP INDEX person_scopes_by_path;
CREATE TABLE person_scopes_path_first (
    unit_path TEXT NOT NULL,
    person TEXT NOT NULL,
    PRIMARY KEY (unit_path, person)
) WITHOUT ROWID;
INSERT INTO person_scopes_path_first SELECT unit_path, person FROM person_scopes;
DROP TABLE person_scopes;
ALTER TABLE person_scopes_path_first RENAME TO person_scopes;
