-- Twelve supervision rules as a bureau's nightly screen would run them over the warehouse
-- tables of schema.sql: one statement after another, the findings being the rows of each
-- SELECT; `:now` is the screening instant in Unix seconds. Each rule follows Zhifa's
-- (crates/rules) to the second, so that the findings can be compared exactly: rule, subject
-- and level. One statement a rule, not one query: DuckDB 1.4.2 hung at tier L on the twelve
-- as one UNION ALL (no CPU used, every thread parked). Six deadlines (JQ-04, RQ-05, RQ-07, CW-01, XS-01, CW-06), three
-- consistency checks (JQ-05, CS-05, CW-02) and three rules that join elements (XZ-08, XS-09,
-- XS-04). The same text runs in DuckDB, SQLite and PostgreSQL. Day limits: the start day is
-- not counted, due at the end (24:00 China time) of the last day: (day + N + 1) × 86400 − 8 h;
-- a last day that is a rest day moves to the calendar's next working day.

-- The deadlines are staged in a table, one INSERT a rule, then given their levels at once.
DROP TABLE IF EXISTS deadlines;
CREATE TEMP TABLE deadlines (rule TEXT NOT NULL, subject TEXT NOT NULL, scale TEXT NOT NULL,
  anchor_s BIGINT NOT NULL, due_s BIGINT NOT NULL);

INSERT INTO deadlines
-- JQ-04: a criminal or administrative incident with no case accepted for it (named by the
-- disposal or naming it), not set aside as transferred, duplicate or invalid: 24 h.
SELECT 'JQ-04' AS rule, i.id AS subject, 'hours' AS scale, i.received_s AS anchor_s,
       i.received_s + 86400 AS due_s
FROM incidents i
WHERE i.nature IN ('criminal', 'administrative') AND i.case_id IS NULL
  AND (i.result IS NULL OR i.result NOT IN ('transferred', 'duplicate', 'invalid'))
  AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.incident = i.id);

INSERT INTO deadlines
-- RQ-05: the family of the detained or arrested notified within 24 h.
SELECT 'RQ-05', id, 'hours', started_s, started_s + 86400
FROM measures
WHERE kind IN ('criminal_detention', 'arrest') AND ended_s IS NULL AND family_s IS NULL;

INSERT INTO deadlines
-- RQ-07: an arrest requested within 3 d of the detention (or the extended total), never
-- moved past rest days (a limit on liberty).
SELECT 'RQ-07', id, 'days', started_s,
       (started_day + COALESCE(extended_days, 3) + 1) * 86400 - 28800
FROM measures
WHERE kind = 'criminal_detention' AND ended_s IS NULL AND arrest_requested_s IS NULL;

INSERT INTO deadlines
-- CW-01: seized property stored within 24 h.
SELECT 'CW-01', id, 'hours', seized_s, seized_s + 86400
FROM properties WHERE stored_s IS NULL AND disposed_s IS NULL;

INSERT INTO deadlines
-- XS-01 (XS-02): a criminal case filed or not within 3 d of acceptance (7 d if economic, or
-- the extended total), a last day that is a rest day moved to the next working day.
SELECT 'XS-01', c.id, 'days', c.accepted_s, (k.next_workday + 1) * 86400 - 28800
FROM cases c
JOIN calendar k
  ON k.day = c.accepted_day
             + COALESCE(c.filing_extended_days, CASE WHEN c.economic = 1 THEN 7 ELSE 3 END)
WHERE c.kind = 'criminal' AND c.filed_s IS NULL AND c.not_filed_s IS NULL;

INSERT INTO deadlines
-- CW-06: property seized or sealed on an administrative case disposed of within 30 d (or the
-- extended total), moved past rest days.
SELECT 'CW-06', p.id, 'days', p.seized_s, (k.next_workday + 1) * 86400 - 28800
FROM properties p
JOIN cases c ON c.id = p.case_id
JOIN calendar k ON k.day = p.seized_day + COALESCE(p.seizure_extended_days, 30)
WHERE p.disposed_s IS NULL AND c.kind = 'administrative'
  AND p.measure IN ('seizure', 'sealing');

SELECT rule, subject, level FROM (
-- The levels of rules/README.md: hours — blue at half the period, yellow at three quarters
-- or an hour left, red when due; days — blue with max(2 d, a third of the period) left,
-- yellow with a day left, red when due. Every boundary belongs to the higher level.
SELECT rule, subject,
  CASE
    WHEN due_s <= :now THEN 'red'
    WHEN scale = 'hours' AND ((:now - anchor_s) * 4 >= (due_s - anchor_s) * 3
                              OR due_s - :now <= 3600) THEN 'yellow'
    WHEN scale = 'hours' AND (:now - anchor_s) * 2 >= due_s - anchor_s THEN 'blue'
    WHEN scale = 'days' AND due_s - :now <= 86400 THEN 'yellow'
    WHEN scale = 'days' AND (due_s - :now <= 172800
                             OR 3 * (due_s - :now) <= due_s - anchor_s) THEN 'blue'
  END AS level
FROM deadlines
) banded WHERE level IS NOT NULL;

-- JQ-05: received as a criminal or administrative incident, then closed as a non-case or
-- recategorized to a non-case nature.
SELECT 'JQ-05', i.id, 'yellow'
FROM incidents i
WHERE i.received_nature IN ('criminal', 'administrative')
  AND (i.result IN ('mediated', 'civil_dispute', 'mistaken_transfer', 'assistance_given',
                    'not_police_matter')
       OR EXISTS (SELECT 1 FROM incident_recategorizations r
                  WHERE r.incident = i.id AND r.nature NOT IN ('criminal', 'administrative')));

-- CS-05: fewer than two sworn (not auxiliary) officers at an interrogation.
SELECT 'CS-05', i.id, 'red'
FROM interrogations i
LEFT JOIN (SELECT o.interrogation, COUNT(*) AS sworn
           FROM interrogation_officers o JOIN officers f ON f.id = o.officer
           WHERE f.auxiliary = 0
           GROUP BY o.interrogation) s ON s.interrogation = i.id
WHERE COALESCE(s.sworn, 0) < 2;

-- CW-02: property kept by the officer who seized it.
SELECT 'CW-02', p.id, 'red'
FROM properties p
WHERE EXISTS (SELECT 1 FROM property_storages s
              WHERE s.property = p.id AND s.custodian = p.seized_by);

-- XZ-08: administrative detention decided without a passed review before it, or by a station.
SELECT 'XZ-08', c.id, 'red'
FROM cases c
WHERE c.decided_s IS NOT NULL
  AND EXISTS (SELECT 1 FROM penalties p WHERE p.case_id = c.id AND p.kind = 'detention')
  AND (NOT EXISTS (SELECT 1 FROM case_reviews r
                   WHERE r.case_id = c.id AND r.passed = 1 AND r.at_s < c.decided_s)
       OR EXISTS (SELECT 1 FROM units u WHERE u.id = c.decided_by_unit AND u.level = 'station'));

-- XS-09: a case dropped while a criminal detention or arrest on it was in force.
SELECT 'XS-09', c.id, 'red'
FROM cases c
WHERE c.dropped_s IS NOT NULL
  AND EXISTS (SELECT 1 FROM measures m
              WHERE m.case_id = c.id AND m.kind IN ('criminal_detention', 'arrest')
                AND m.started_s <= c.dropped_s
                AND (m.ended_s IS NULL OR m.ended_s > c.dropped_s));

-- XS-04: a coercive measure on a criminal case before the case was filed.
SELECT 'XS-04', m.id, 'red'
FROM measures m JOIN cases c ON c.id = m.case_id
WHERE m.kind IN ('compelled_appearance', 'criminal_detention', 'arrest', 'bail',
                 'residential_surveillance')
  AND c.kind = 'criminal' AND (c.filed_s IS NULL OR c.filed_s > m.started_s);
