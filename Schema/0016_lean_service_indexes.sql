-- Index entries only for the services a query can ask for. Every port order wrote an entry for its
-- missing A-end and B-end (NULL: asked for by no query) and every service one in `services_status`,
-- kept for good once it is LIVE, though only the transient states are ever counted by status alone
-- (`/metrics`; by company, `services_company_status` answers). A query that names an end (`= ?`)
-- or one of the two states still finds them here, so plans do not change; a port order writes two
-- index entries fewer and a service going LIVE one fewer. Schema/postgres/0009 on PostgreSQL.
DROP INDEX services_a_end;
DROP INDEX services_b_end;
DROP INDEX services_status;
CREATE INDEX services_a_end ON services(a_end_service_id) WHERE a_end_service_id IS NOT NULL;
CREATE INDEX services_b_end ON services(b_end_service_id) WHERE b_end_service_id IS NOT NULL;
CREATE INDEX services_status ON services(provisioning_status)
    WHERE provisioning_status = 'PROVISIONING' OR provisioning_status = 'CONFIGURED';
