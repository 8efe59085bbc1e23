-- As SQLite's Schema/0011: the session epoch every node watches, and failed logins counted by all nodes.
CREATE TABLE auth_epoch (
    id    BIGINT PRIMARY KEY CHECK (id = 1),
    epoch BIGINT NOT NULL
);
INSERT INTO auth_epoch (id, epoch) VALUES (1, 0);

CREATE TABLE login_failures (
    key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 400),
    failed_date BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, failed_date);
CREATE INDEX login_failures_date ON login_failures(failed_date);
