-- The indexes a warehouse keeps on its join keys (made after loading, not timed as screening).
CREATE INDEX measures_person ON measures (person);
CREATE INDEX measures_case ON measures (case_id);
CREATE INDEX interrogations_person ON interrogations (person);
CREATE INDEX interrogation_officers_interrogation ON interrogation_officers (interrogation);
CREATE INDEX penalties_case ON penalties (case_id);
CREATE INDEX case_reviews_case ON case_reviews (case_id);
CREATE INDEX incident_recategorizations_incident ON incident_recategorizations (incident);
CREATE INDEX cases_incident ON cases (incident);
CREATE INDEX property_storages_property ON property_storages (property);
