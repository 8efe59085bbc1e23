-- State that several nodes on one database share (the same file for SQLite's single node).
-- auth_epoch: bumped in the transaction of every change that ends sessions (logout, token or API key
-- revocation, a user deactivated or given another position); each node compares it at most every
-- 500 ms and drops its cached sessions when it moved, so a logout on one node is refused by all.
CREATE TABLE auth_epoch (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    epoch INTEGER NOT NULL
) STRICT;
INSERT INTO auth_epoch (id, epoch) VALUES (1, 0);

-- Failed logins inside the throttling window, per account and per client address ("account:…",
-- "address:…"), counted by every node.
CREATE TABLE login_failures (
    key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 400),
    failed_date INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_key ON login_failures(key, failed_date);
CREATE INDEX login_failures_date ON login_failures(failed_date);
