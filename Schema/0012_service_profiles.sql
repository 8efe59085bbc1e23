-- Service profiles: what a provider sells on its ports ("selling" to others). A profile names the
-- provider's ports it is offered on, the speeds offered, whether requests are approved automatically or
-- by the provider's people, who picks the B-end VLAN, who may see it, and the fields a buyer must fill in
-- (definitions as JSON: key, label, help, type, required, validation rule). A deleted profile is kept
-- (deleted_date) for the VXCs bought through it. A VXC bought through a profile records it and the
-- buyer's values (write-only values included, never shown).
CREATE TABLE service_profiles (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    company_id    INTEGER NOT NULL REFERENCES companies(id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description   TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    speeds        TEXT NOT NULL CHECK (json_valid(speeds)),
    approval_mode TEXT NOT NULL CHECK (approval_mode IN ('AUTO', 'MANUAL')),
    vlan_policy   TEXT NOT NULL CHECK (vlan_policy IN ('BUYER', 'PROVIDER')),
    visibility    TEXT NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    buyer_fields  TEXT NOT NULL CHECK (json_valid(buyer_fields)),
    created_by    INTEGER REFERENCES users(id),
    create_date   INTEGER NOT NULL,
    update_date   INTEGER NOT NULL,
    deleted_date  INTEGER
) STRICT;
CREATE INDEX service_profiles_company ON service_profiles(company_id);

CREATE TABLE service_profile_ports (
    profile_id INTEGER NOT NULL REFERENCES service_profiles(id),
    port_id    INTEGER NOT NULL REFERENCES services(id),
    PRIMARY KEY (profile_id, port_id)
) STRICT;
CREATE INDEX service_profile_ports_port ON service_profile_ports(port_id);

CREATE TABLE service_profile_viewers (
    profile_id INTEGER NOT NULL REFERENCES service_profiles(id),
    company_id INTEGER NOT NULL REFERENCES companies(id),
    PRIMARY KEY (profile_id, company_id)
) STRICT;

ALTER TABLE services ADD COLUMN service_profile_id INTEGER REFERENCES service_profiles(id);
ALTER TABLE services ADD COLUMN buyer_fields TEXT CHECK (buyer_fields IS NULL OR json_valid(buyer_fields));
