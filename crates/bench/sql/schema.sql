-- The warehouse tables a bureau's nightly SQL would screen: the state of every element at the
-- data's end, one table per element kind and one per list inside an element. Times are Unix
-- seconds (`_s`), China dates are day numbers since 1970-01-01 (`_day`), flags are 0/1. The
-- same statements run in DuckDB, SQLite and PostgreSQL.
CREATE TABLE units (id TEXT PRIMARY KEY, parent TEXT, level TEXT NOT NULL);
CREATE TABLE officers (id TEXT PRIMARY KEY, unit TEXT NOT NULL, auxiliary INTEGER NOT NULL);
CREATE TABLE incidents (id TEXT PRIMARY KEY, unit TEXT NOT NULL, received_nature TEXT NOT NULL,
  nature TEXT NOT NULL, received_s BIGINT NOT NULL, result TEXT, case_id TEXT);
CREATE TABLE incident_recategorizations (incident TEXT NOT NULL, at_s BIGINT NOT NULL,
  nature TEXT NOT NULL);
CREATE TABLE cases (id TEXT PRIMARY KEY, unit TEXT NOT NULL, kind TEXT NOT NULL, incident TEXT,
  economic INTEGER NOT NULL, accepted_s BIGINT NOT NULL, accepted_day INTEGER NOT NULL,
  filing_extended_days INTEGER, filed_s BIGINT, not_filed_s BIGINT, decided_s BIGINT,
  decision TEXT, decided_by_unit TEXT, dropped_s BIGINT, closed_s BIGINT);
CREATE TABLE case_reviews (case_id TEXT NOT NULL, at_s BIGINT NOT NULL, passed INTEGER NOT NULL);
CREATE TABLE penalties (case_id TEXT NOT NULL, person TEXT NOT NULL, kind TEXT NOT NULL,
  days INTEGER);
CREATE TABLE measures (id TEXT PRIMARY KEY, person TEXT NOT NULL, case_id TEXT NOT NULL,
  kind TEXT NOT NULL, started_s BIGINT NOT NULL, started_day INTEGER NOT NULL,
  arrived_s BIGINT NOT NULL, extended_hours INTEGER, extended_days INTEGER, family_s BIGINT,
  delivered_s BIGINT, facility TEXT, arrest_requested_s BIGINT, ended_s BIGINT);
CREATE TABLE interrogations (id TEXT PRIMARY KEY, person TEXT NOT NULL, case_id TEXT NOT NULL,
  kind TEXT NOT NULL, started_s BIGINT NOT NULL, ended_s BIGINT NOT NULL, stay TEXT);
CREATE TABLE interrogation_officers (interrogation TEXT NOT NULL, officer TEXT NOT NULL);
CREATE TABLE stays (id TEXT PRIMARY KEY, person TEXT NOT NULL, center TEXT NOT NULL,
  case_id TEXT, basis TEXT, entered_s BIGINT NOT NULL, exited_s BIGINT, destination TEXT);
CREATE TABLE properties (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, measure TEXT NOT NULL,
  seized_by TEXT NOT NULL, seized_s BIGINT NOT NULL, seized_day INTEGER NOT NULL,
  seizure_extended_days INTEGER, stored_s BIGINT, disposed_s BIGINT);
CREATE TABLE property_storages (property TEXT NOT NULL, at_s BIGINT NOT NULL,
  custodian TEXT NOT NULL);
CREATE TABLE calendar (day INTEGER PRIMARY KEY, rest INTEGER NOT NULL, next_workday INTEGER);
