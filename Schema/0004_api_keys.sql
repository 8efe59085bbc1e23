-- Machine authentication: API keys a Company Admin creates for scripts and the Terraform provider.
-- A key acts for its company with the position chosen as its role, on behalf of the admin who made
-- it; its secret is stored only as a SHA-256 digest. Tokens issued for a key carry the key and its
-- role, and die with the key.
CREATE TABLE api_keys (
    id               INTEGER PRIMARY KEY,
    key              TEXT NOT NULL UNIQUE CHECK (length(key) = 36),
    company_id       INTEGER NOT NULL REFERENCES companies(id),
    user_id          INTEGER NOT NULL REFERENCES users(id),
    name             TEXT NOT NULL,
    role             TEXT NOT NULL CHECK ((role = 'Company Admin' OR role = 'Technical Admin' OR role = 'Technical Contact' OR role = 'Finance' OR role = 'Financial Contact' OR role = 'Read Only')),
    secret_hash      TEXT NOT NULL CHECK (length(secret_hash) = 64),
    lifetime_minutes INTEGER NOT NULL CHECK (lifetime_minutes BETWEEN 5 AND 1440),
    create_date      INTEGER NOT NULL,
    revoked_date     INTEGER
) STRICT;
CREATE INDEX api_keys_company ON api_keys(company_id);

ALTER TABLE tokens ADD COLUMN api_key_id INTEGER REFERENCES api_keys(id);
ALTER TABLE tokens ADD COLUMN role TEXT CHECK (role IS NULL OR role = 'Company Admin' OR role = 'Technical Admin' OR role = 'Technical Contact' OR role = 'Finance' OR role = 'Financial Contact' OR role = 'Read Only');
CREATE INDEX tokens_api_key ON tokens(api_key_id) WHERE api_key_id IS NOT NULL;
