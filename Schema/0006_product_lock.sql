-- A product its owner locked (`POST /v2/product/{uid}/lock`) cannot change or be cancelled until unlocked.
ALTER TABLE services ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked = 0 OR locked = 1);
