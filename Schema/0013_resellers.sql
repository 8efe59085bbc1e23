-- Resellers and sub-accounts (seed 002's two ways aggregators work).
-- Authorization keys: a customer's Company Admin issues one (label, expiry, the actions it permits) and
-- hands it to a reseller, whose admins then act for the customer with it. Only its SHA-256 digest is kept.
CREATE TABLE authorization_keys (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    company_id   INTEGER NOT NULL REFERENCES companies(id),
    label        TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    key_digest   TEXT NOT NULL UNIQUE,
    may_order    INTEGER NOT NULL CHECK (may_order IN (0, 1)),
    may_view     INTEGER NOT NULL CHECK (may_view IN (0, 1)),
    may_cancel   INTEGER NOT NULL CHECK (may_cancel IN (0, 1)),
    expiry_date  INTEGER,
    created_by   INTEGER REFERENCES users(id),
    create_date  INTEGER NOT NULL,
    revoked_date INTEGER
) STRICT;
CREATE INDEX authorization_keys_company ON authorization_keys(company_id);

-- Sub-accounts: a partner makes a managed company self-service and says what its users may do; the
-- partner's ports it assigns to the sub-account are the ones the sub-account's users see and order on.
CREATE TABLE sub_accounts (
    company_id       INTEGER PRIMARY KEY REFERENCES companies(id),
    may_order_vxcs   INTEGER NOT NULL CHECK (may_order_vxcs IN (0, 1)),
    may_view_billing INTEGER NOT NULL CHECK (may_view_billing IN (0, 1)),
    may_manage_users INTEGER NOT NULL CHECK (may_manage_users IN (0, 1)),
    update_date      INTEGER NOT NULL
) STRICT;

CREATE TABLE port_assignments (
    port_id       INTEGER PRIMARY KEY REFERENCES services(id),
    company_id    INTEGER NOT NULL REFERENCES sub_accounts(company_id),
    assigned_date INTEGER NOT NULL
) STRICT;
CREATE INDEX port_assignments_company ON port_assignments(company_id);
