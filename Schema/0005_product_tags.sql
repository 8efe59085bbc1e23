-- Resource tags on products (`/v2/product/{uid}/tags`): key/value pairs a customer sets, replaced whole.
CREATE TABLE service_tags (
    service_id INTEGER NOT NULL REFERENCES services(id),
    key        TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    value      TEXT NOT NULL CHECK (length(value) <= 256),
    PRIMARY KEY (service_id, key)
) STRICT, WITHOUT ROWID;
