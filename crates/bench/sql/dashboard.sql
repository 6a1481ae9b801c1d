-- The dashboard's question asked of a warehouse: the open warnings of a unit and every unit
-- under it, by rule and level, counted when asked (a cold GROUP BY; no aggregate is kept).
-- The warnings table is what a nightly screen would leave behind: one row per open warning,
-- with the path of the unit that owns its subject (`/U0/U01/U0101/`), indexed so that a scope
-- is a range of it. `:from` is the scope's path and `:to` the same path with its last `/`
-- raised to `0`, the next character: every path under the scope sorts between them.
CREATE TABLE warnings (rule TEXT NOT NULL, level TEXT NOT NULL, element TEXT NOT NULL,
  subject TEXT NOT NULL, unit_path TEXT NOT NULL);
CREATE INDEX warnings_unit_path ON warnings (unit_path);
SELECT rule, level, count(*) FROM warnings WHERE unit_path >= ':from' AND unit_path < ':to'
  GROUP BY rule, level;
