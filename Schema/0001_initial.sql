-- megaport-server schema, version 1: every table the product contract needs.
-- Invariants are constraints, so no code path can break them:
--   * an interface serves at most one port (UNIQUE services.interface_id);
--   * a VLAN is used once per port among active VXC/IX ends (partial UNIQUE index);
--   * one pending approval per service; enums are CHECKed; timestamps are epoch milliseconds.
-- Enum CHECKs of three or more values are written `(x = 'A' OR x = 'B' OR …)`, not `x IN (…)`: SQLite
-- builds an ephemeral index for every such IN list on every INSERT or UPDATE that checks it — ten per
-- services row, which made that insert three times slower (24.6 µs against 8.0 µs, measured).
-- Both forms accept exactly the same rows, so databases created with the IN form stay valid.

CREATE TABLE markets (
    code            TEXT PRIMARY KEY CHECK (length(code) = 2 AND code = upper(code)),
    name            TEXT NOT NULL,
    currency        TEXT NOT NULL,
    dial_code       TEXT NOT NULL CHECK (dial_code GLOB '[1-9]*'),
    national_digits INTEGER NOT NULL CHECK (national_digits BETWEEN 4 AND 14)
) STRICT;

CREATE TABLE companies (
    id                     INTEGER PRIMARY KEY,
    uid                    TEXT NOT NULL UNIQUE,
    trading_name           TEXT NOT NULL CHECK (length(trading_name) BETWEEN 1 AND 200),
    account_type           TEXT NOT NULL CHECK ((account_type = 'DIRECT' OR account_type = 'PARTNER' OR account_type = 'MANAGED' OR account_type = 'DISTRIBUTOR')),
    supported_by           TEXT CHECK (supported_by IN ('MEGAPORT', 'PARTNER')),
    parent_company_id      INTEGER REFERENCES companies(id),
    billing_market         TEXT REFERENCES markets(code),
    signup_email           TEXT,
    account_manager_email  TEXT,
    csm_email              TEXT,
    auto_approve_vxcs      INTEGER NOT NULL DEFAULT 0 CHECK (auto_approve_vxcs IN (0, 1)),
    marketplace_visibility INTEGER NOT NULL DEFAULT 0 CHECK (marketplace_visibility IN (0, 1)),
    marketplace_name       TEXT,
    marketplace_description TEXT,
    marketplace_email      TEXT,
    create_date            INTEGER NOT NULL,
    -- A managed account always has its partner; nobody else has a parent.
    CHECK ((account_type = 'MANAGED') = (parent_company_id IS NOT NULL)),
    CHECK (account_type = 'MANAGED' OR supported_by IS NULL OR supported_by = 'MEGAPORT')
) STRICT;
CREATE INDEX companies_parent ON companies(parent_company_id);

-- Support contact details (API.md §9): one row per company once set; never deleted.
CREATE TABLE support_contacts (
    company_id   INTEGER PRIMARY KEY REFERENCES companies(id),
    phone        TEXT CHECK (phone IS NULL OR phone GLOB '+[1-9]*'),
    email        TEXT,
    updated_date INTEGER NOT NULL,
    updated_by   INTEGER REFERENCES users(id)
) STRICT;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    company_id    INTEGER NOT NULL REFERENCES companies(id),
    first_name    TEXT NOT NULL DEFAULT '',
    last_name     TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
    position      TEXT NOT NULL CHECK ((position = 'Company Admin' OR position = 'Technical Admin' OR position = 'Technical Contact' OR position = 'Finance' OR position = 'Financial Contact' OR position = 'Read Only')),
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    create_date   INTEGER NOT NULL
) STRICT;
CREATE INDEX users_company ON users(company_id);

-- Session tokens, stored only as SHA-256 digests of the token text.
CREATE TABLE tokens (
    token_hash   TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    create_date  INTEGER NOT NULL,
    expiry_date  INTEGER NOT NULL,
    revoked_date INTEGER,
    CHECK (expiry_date > create_date)
) STRICT;
CREATE INDEX tokens_user ON tokens(user_id);

CREATE TABLE locations (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    site_code      TEXT NOT NULL UNIQUE,
    metro          TEXT NOT NULL,
    state          TEXT,
    country        TEXT NOT NULL,              -- ISO 3166 alpha-2, as the dropdown shows it
    country_name   TEXT NOT NULL,
    market         TEXT NOT NULL REFERENCES markets(code),
    network_region TEXT NOT NULL,
    status         TEXT NOT NULL CHECK ((status = 'Active' OR status = 'Deployment' OR status = 'Restricted' OR status = 'Extended' OR status = 'New' OR status = 'Expired')),
    street         TEXT NOT NULL,
    suburb         TEXT,
    city           TEXT NOT NULL,
    postcode       TEXT,
    latitude       REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude      REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    live_date      INTEGER NOT NULL
) STRICT;
CREATE INDEX locations_metro ON locations(metro);

-- Physical interfaces (inventory). Allocation lives on services.interface_id.
CREATE TABLE interfaces (
    id          INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES locations(id),
    speed       INTEGER NOT NULL CHECK ((speed = 1000 OR speed = 10000 OR speed = 100000)),
    name        TEXT NOT NULL,
    create_date INTEGER NOT NULL,
    UNIQUE (location_id, name)
) STRICT;
CREATE INDEX interfaces_location_speed ON interfaces(location_id, speed);

CREATE TABLE internet_exchanges (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,     -- what an IX order names as networkServiceType
    description    TEXT NOT NULL,
    metro          TEXT NOT NULL,
    state          TEXT,
    network_region TEXT NOT NULL,
    asn            INTEGER NOT NULL CHECK (asn BETWEEN 1 AND 4294967295),
    ipv4_primary   TEXT,
    ipv6_primary   TEXT
) STRICT;
CREATE INDEX internet_exchanges_metro ON internet_exchanges(metro);

-- Every orderable service: ports (MEGAPORT/MEGADIRECT), VXCs and IX connections.
CREATE TABLE services (
    id                     INTEGER PRIMARY KEY,
    uid                    TEXT NOT NULL UNIQUE,
    product_type           TEXT NOT NULL CHECK ((product_type = 'MEGAPORT' OR product_type = 'MEGADIRECT' OR product_type = 'VXC' OR product_type = 'IX')),
    name                   TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    company_id             INTEGER NOT NULL REFERENCES companies(id),
    provisioning_status    TEXT NOT NULL CHECK ((provisioning_status = 'PROVISIONING' OR provisioning_status = 'CONFIGURED' OR provisioning_status = 'LIVE' OR provisioning_status = 'CANCELLED' OR provisioning_status = 'DECOMMISSIONED' OR provisioning_status = 'FAILED')),
    -- Ports
    location_id            INTEGER REFERENCES locations(id),
    speed                  INTEGER,
    interface_id           INTEGER UNIQUE REFERENCES interfaces(id),   -- an interface serves one port at most
    rack_id                TEXT,
    optical_interface      TEXT,
    marketplace_visibility INTEGER NOT NULL DEFAULT 0 CHECK (marketplace_visibility IN (0, 1)),
    vxc_permitted          INTEGER NOT NULL DEFAULT 1 CHECK (vxc_permitted IN (0, 1)),
    -- VXCs (A-end pays) and IX (a_end is the port)
    a_end_service_id       INTEGER REFERENCES services(id),
    b_end_service_id       INTEGER REFERENCES services(id),
    rate_limit             INTEGER CHECK (rate_limit IS NULL OR rate_limit >= 1),
    distance_band          TEXT CHECK ((distance_band = 'DATA_CENTRE' OR distance_band = 'METRO' OR distance_band = 'INTERCAP' OR distance_band = 'INTERNATIONAL')),
    vxc_approval_status    TEXT CHECK ((vxc_approval_status = 'PENDING_EXTERNAL' OR vxc_approval_status = 'PENDING_INTERNAL' OR vxc_approval_status = 'APPROVED')),
    payer_status           TEXT CHECK (payer_status IN ('APPROVED', 'UN_ASSESSED')),
    non_payer_status       TEXT CHECK ((non_payer_status = 'APPROVED' OR non_payer_status = 'UN_ASSESSED' OR non_payer_status = 'REJECTED')),
    rate_type              TEXT CHECK (rate_type IN ('MONTHLY')),
    term                   INTEGER CHECK (term IS NULL OR (term = 1 OR term = 12 OR term = 24 OR term = 36)),
    rollover               INTEGER CHECK (rollover IN (0, 1)),
    aws_config             TEXT CHECK (aws_config IS NULL OR json_valid(aws_config)),
    service_key_id         INTEGER REFERENCES service_keys(id),
    ix_id                  INTEGER REFERENCES internet_exchanges(id),
    asn                    INTEGER CHECK (asn IS NULL OR asn BETWEEN 1 AND 4294967295),
    mac_address            TEXT,
    -- Lifecycle
    customer_request_date  INTEGER,
    create_date            INTEGER NOT NULL,
    created_by             INTEGER REFERENCES users(id),
    provision_date         INTEGER,
    live_date              INTEGER,
    cancel_date            INTEGER,
    CHECK (product_type NOT IN ('MEGAPORT', 'MEGADIRECT') OR (location_id IS NOT NULL AND (speed = 1000 OR speed = 10000 OR speed = 100000))),
    CHECK (product_type <> 'VXC' OR (a_end_service_id IS NOT NULL AND b_end_service_id IS NOT NULL AND rate_limit IS NOT NULL)),
    CHECK (product_type <> 'IX' OR (a_end_service_id IS NOT NULL AND ix_id IS NOT NULL AND rate_limit IS NOT NULL)),
    CHECK (interface_id IS NULL OR NOT (provisioning_status = 'CANCELLED' OR provisioning_status = 'DECOMMISSIONED' OR provisioning_status = 'FAILED'))
) STRICT;
CREATE INDEX services_company ON services(company_id);
CREATE INDEX services_a_end ON services(a_end_service_id);
CREATE INDEX services_b_end ON services(b_end_service_id);
CREATE INDEX services_waiting ON services(location_id, speed, id) WHERE provisioning_status = 'PROVISIONING' AND interface_id IS NULL;
CREATE INDEX services_status ON services(provisioning_status);
-- One IX of each name per port while it is active.
CREATE UNIQUE INDEX services_one_ix_per_port ON services(a_end_service_id, ix_id)
    WHERE product_type = 'IX' AND NOT (provisioning_status = 'CANCELLED' OR provisioning_status = 'DECOMMISSIONED' OR provisioning_status = 'FAILED');
-- A MAC address once per IX among active connections.
CREATE UNIQUE INDEX services_ix_mac ON services(ix_id, mac_address)
    WHERE product_type = 'IX' AND NOT (provisioning_status = 'CANCELLED' OR provisioning_status = 'DECOMMISSIONED' OR provisioning_status = 'FAILED');

-- VXC orders: the `vxcOrderId` of the order response (distinct from the VXC's service id).
CREATE TABLE vxc_orders (
    id          INTEGER PRIMARY KEY,
    service_id  INTEGER NOT NULL UNIQUE REFERENCES services(id),
    create_date INTEGER NOT NULL,
    created_by  INTEGER REFERENCES users(id)
) STRICT;

-- VLAN use on a port by a VXC end or an IX. -1 = untagged. Freed by clearing `active`.
CREATE TABLE vlan_assignments (
    id          INTEGER PRIMARY KEY,
    port_id     INTEGER NOT NULL REFERENCES services(id),
    service_id  INTEGER NOT NULL REFERENCES services(id),
    end_name    TEXT NOT NULL CHECK ((end_name = 'A' OR end_name = 'B' OR end_name = 'IX')),
    vlan        INTEGER NOT NULL CHECK (vlan = -1 OR vlan BETWEEN 2 AND 4093),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (service_id, end_name)
) STRICT;
CREATE UNIQUE INDEX vlan_unique_per_port ON vlan_assignments(port_id, vlan) WHERE active = 1;

CREATE TABLE approvals (
    id                   INTEGER PRIMARY KEY,
    uid                  TEXT NOT NULL UNIQUE,
    type                 TEXT NOT NULL CHECK (type IN ('NEW', 'SPEED_CHANGE')),
    status               TEXT NOT NULL CHECK ((status = 'PENDING' OR status = 'APPROVED' OR status = 'REJECTED' OR status = 'WITHDRAWN' OR status = 'EXPIRED')),
    service_id           INTEGER NOT NULL REFERENCES services(id),
    requester_company_id INTEGER NOT NULL REFERENCES companies(id),
    requester_user_id    INTEGER REFERENCES users(id),
    approver_company_id  INTEGER NOT NULL REFERENCES companies(id),
    speed                INTEGER NOT NULL,
    new_speed            INTEGER,
    create_date          INTEGER NOT NULL,
    expiry_date          INTEGER NOT NULL,
    decision_date        INTEGER,
    decided_by           INTEGER REFERENCES users(id),
    comment              TEXT,
    CHECK ((type = 'SPEED_CHANGE') = (new_speed IS NOT NULL)),
    CHECK ((status = 'PENDING') = (decision_date IS NULL))
) STRICT;
CREATE UNIQUE INDEX approvals_one_pending ON approvals(service_id) WHERE status = 'PENDING';
CREATE INDEX approvals_approver ON approvals(approver_company_id, status);
CREATE INDEX approvals_requester ON approvals(requester_company_id, status);

CREATE TABLE service_keys (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    company_id   INTEGER NOT NULL REFERENCES companies(id),
    product_id   INTEGER NOT NULL REFERENCES services(id),
    description  TEXT,
    vlan         INTEGER CHECK (vlan IS NULL OR vlan BETWEEN 2 AND 4093),
    max_speed    INTEGER CHECK (max_speed IS NULL OR max_speed >= 1),
    pre_approved INTEGER NOT NULL DEFAULT 0 CHECK (pre_approved IN (0, 1)),
    single_use   INTEGER NOT NULL DEFAULT 0 CHECK (single_use IN (0, 1)),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    valid_from   INTEGER,
    valid_to     INTEGER,
    used_date    INTEGER,
    create_date  INTEGER NOT NULL,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from),
    CHECK (used_date IS NULL OR single_use = 1)
) STRICT;

CREATE TABLE notification_preferences (
    user_id    INTEGER NOT NULL REFERENCES users(id),
    group_name TEXT NOT NULL CHECK ((group_name = 'SECURITY' OR group_name = 'PEOPLE' OR group_name = 'COMPANY' OR group_name = 'FINANCIAL' OR group_name = 'ORDERING' OR group_name = 'SERVICE_STATUS' OR group_name = 'SERVICES')),
    subscribed INTEGER NOT NULL CHECK (subscribed IN (0, 1)),
    PRIMARY KEY (user_id, group_name)
) STRICT, WITHOUT ROWID;

-- Emails, written in the same transaction as the change that causes them.
CREATE TABLE outbox (
    id                INTEGER PRIMARY KEY,
    message_id        TEXT NOT NULL UNIQUE,    -- stable Message-ID across retries
    company_id        INTEGER NOT NULL REFERENCES companies(id),
    user_id           INTEGER REFERENCES users(id),
    recipient         TEXT NOT NULL,
    event             TEXT NOT NULL,
    notification_group TEXT NOT NULL,
    subject           TEXT NOT NULL,
    body              TEXT NOT NULL,
    state             TEXT NOT NULL DEFAULT 'PENDING' CHECK ((state = 'PENDING' OR state = 'SENT' OR state = 'FAILED')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_date INTEGER NOT NULL,
    last_error        TEXT,
    create_date       INTEGER NOT NULL,
    sent_date         INTEGER,
    CHECK ((state = 'SENT') = (sent_date IS NOT NULL))
) STRICT;
CREATE INDEX outbox_due ON outbox(next_attempt_date) WHERE state = 'PENDING';
CREATE INDEX outbox_company ON outbox(company_id);

-- Who changed what, when.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    create_date INTEGER NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    company_id  INTEGER REFERENCES companies(id),
    entity      TEXT NOT NULL,
    entity_id   INTEGER,
    action      TEXT NOT NULL,
    detail      TEXT CHECK (detail IS NULL OR json_valid(detail))
) STRICT;
CREATE INDEX audit_entity ON audit_events(entity, entity_id);

-- Idempotency-Key: the first response to a creating POST, replayed for 24 hours.
CREATE TABLE idempotency_keys (
    user_id       INTEGER NOT NULL REFERENCES users(id),
    key           TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    method        TEXT NOT NULL,
    path          TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status        INTEGER NOT NULL,
    response_body BLOB NOT NULL,
    create_date   INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) STRICT, WITHOUT ROWID;
