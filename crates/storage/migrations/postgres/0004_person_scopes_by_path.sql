-- A person's scopes are keyed by the unit's path first: the only query of them is a range of
-- paths, which the key now serves alone; the index by path, which repeated it, is gone.
ALTER TABLE person_scopes DROP CONSTRAINT person_scopes_pkey;
ALTER TABLE person_scopes ADD PRIMARY KEY (unit_path, person);
DROP INDEX person_scopes_by_path;
