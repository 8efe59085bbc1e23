-- rebuilds tables: SQLite cannot change a CHECK in place, so `services` and `price_book` are rebuilt
-- (SQLite's twelve-step procedure; the migrator runs this with foreign keys off and checks them before
-- committing). New: product type MCR2, a virtual cloud router — a location, a router speed and an ASN,
-- no interface — on which VXCs may start or end; and MCR2 rows in the price book.
CREATE TABLE services_new (
    id                     INTEGER PRIMARY KEY,
    uid                    TEXT NOT NULL UNIQUE,
    product_type           TEXT NOT NULL CHECK ((product_type = 'MEGAPORT' OR product_type = 'MEGADIRECT' OR product_type = 'VXC' OR product_type = 'IX' OR product_type = 'MCR2')),
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
    locked                 INTEGER NOT NULL DEFAULT 0 CHECK (locked = 0 OR locked = 1),
    cost_centre            TEXT NOT NULL DEFAULT '',
    aggregation_id         INTEGER REFERENCES services(id),
    CHECK (product_type NOT IN ('MEGAPORT', 'MEGADIRECT') OR (location_id IS NOT NULL AND (speed = 1000 OR speed = 10000 OR speed = 100000))),
    CHECK (product_type <> 'VXC' OR (a_end_service_id IS NOT NULL AND b_end_service_id IS NOT NULL AND rate_limit IS NOT NULL)),
    -- A cloud router has a location, a router speed and an ASN, and never a physical interface.
    CHECK (product_type <> 'MCR2' OR (location_id IS NOT NULL AND asn IS NOT NULL AND interface_id IS NULL
        AND (speed = 1000 OR speed = 2500 OR speed = 5000 OR speed = 10000 OR speed = 25000 OR speed = 50000 OR speed = 100000 OR speed = 400000))),
    CHECK (product_type <> 'IX' OR (a_end_service_id IS NOT NULL AND ix_id IS NOT NULL AND rate_limit IS NOT NULL)),
    CHECK (interface_id IS NULL OR NOT (provisioning_status = 'CANCELLED' OR provisioning_status = 'DECOMMISSIONED' OR provisioning_status = 'FAILED'))
) STRICT;

INSERT INTO services_new (id, uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id, rack_id, optical_interface, marketplace_visibility, vxc_permitted, a_end_service_id, b_end_service_id, rate_limit, distance_band, vxc_approval_status, payer_status, non_payer_status, rate_type, term, rollover, aws_config, service_key_id, ix_id, asn, mac_address, customer_request_date, create_date, created_by, provision_date, live_date, cancel_date, locked, cost_centre, aggregation_id)
SELECT id, uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id, rack_id, optical_interface, marketplace_visibility, vxc_permitted, a_end_service_id, b_end_service_id, rate_limit, distance_band, vxc_approval_status, payer_status, non_payer_status, rate_type, term, rollover, aws_config, service_key_id, ix_id, asn, mac_address, customer_request_date, create_date, created_by, provision_date, live_date, cancel_date, locked, cost_centre, aggregation_id FROM services;
DROP TABLE services;
ALTER TABLE services_new RENAME TO services;

CREATE INDEX services_a_end ON services(a_end_service_id);
CREATE INDEX services_b_end ON services(b_end_service_id);
CREATE INDEX services_waiting ON services(location_id, speed, id) WHERE provisioning_status = 'PROVISIONING' AND interface_id IS NULL;
CREATE INDEX services_status ON services(provisioning_status);
CREATE UNIQUE INDEX services_one_ix_per_port ON services(a_end_service_id, ix_id)
    WHERE product_type = 'IX' AND NOT (provisioning_status = 'CANCELLED' OR provisioning_status = 'DECOMMISSIONED' OR provisioning_status = 'FAILED');
CREATE UNIQUE INDEX services_ix_mac ON services(ix_id, mac_address)
    WHERE product_type = 'IX' AND NOT (provisioning_status = 'CANCELLED' OR provisioning_status = 'DECOMMISSIONED' OR provisioning_status = 'FAILED');
CREATE INDEX services_company_status ON services(company_id, provisioning_status);
CREATE INDEX services_due_live ON services(provision_date) WHERE provisioning_status = 'CONFIGURED';
CREATE INDEX services_due_decommission ON services(cancel_date) WHERE provisioning_status = 'CANCELLED';
CREATE INDEX services_due_auto_approval ON services(create_date)
    WHERE vxc_approval_status = 'PENDING_INTERNAL' AND provisioning_status = 'PROVISIONING';
CREATE INDEX services_aggregation ON services(aggregation_id) WHERE aggregation_id IS NOT NULL;

CREATE TABLE price_book_new (
    market       TEXT NOT NULL REFERENCES markets(code),
    product_type TEXT NOT NULL CHECK ((product_type = 'MEGAPORT' OR product_type = 'MCR2' OR product_type = 'VXC' OR product_type = 'IX')),
    speed        INTEGER NOT NULL CHECK (speed > 0),
    term         INTEGER NOT NULL CHECK (term IN (1, 12, 24, 36, 48, 60)),
    monthly_rate REAL NOT NULL CHECK (monthly_rate >= 0),
    PRIMARY KEY (market, product_type, speed, term)
) STRICT;
INSERT INTO price_book_new SELECT market, product_type, speed, term, monthly_rate FROM price_book;
DROP TABLE price_book;
ALTER TABLE price_book_new RENAME TO price_book;

-- A cloud router costs less than a port of its speed: no cross connect, no optics.
WITH base(speed, rate) AS (VALUES (1000, 250.0), (2500, 400.0), (5000, 600.0), (10000, 800.0), (25000, 1400.0),
        (50000, 2200.0), (100000, 3800.0), (400000, 11000.0)),
    terms(term, factor) AS (VALUES (1, 1.0), (12, 0.9), (24, 0.85), (36, 0.8), (48, 0.78), (60, 0.75)),
    rates(market, factor) AS (VALUES ('AU', 1.5), ('NZ', 1.6), ('SG', 1.35), ('HK', 7.8), ('JP', 150.0), ('US', 1.0),
        ('CA', 1.35), ('GB', 0.8), ('IE', 0.92), ('DE', 0.92), ('NL', 0.92), ('FR', 0.92))
INSERT INTO price_book (market, product_type, speed, term, monthly_rate)
SELECT rates.market, 'MCR2', base.speed, terms.term, round(base.rate * terms.factor * rates.factor, 2)
FROM base, terms, rates WHERE rates.market IN (SELECT code FROM markets);
