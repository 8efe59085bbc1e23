-- Link aggregation groups: every member port of a LAG names its primary (the first port bought), the
-- primary names itself. NULL for a port that is not in a LAG.
ALTER TABLE services ADD COLUMN aggregation_id INTEGER REFERENCES services(id);
CREATE INDEX services_aggregation ON services(aggregation_id) WHERE aggregation_id IS NOT NULL;
