-- rebuilds tables: an email's subject and body are kept once, in `emails`, and the outbox keeps one
-- small row per recipient (its address, its greeting line, its delivery state). The outbox held a full
-- copy of the body for every recipient: ~4 KB of the ~5 KB a VXC request to another company wrote,
-- with three index entries per copy (two now: its due date and its email). The message id stays on
-- each row (stable across retries) but loses its unique index: it is a time-ordered random UUID that
-- nothing looks up.
-- Rows written before this migration keep their whole body (greeting included) in their own email,
-- with an empty greeting.
CREATE TABLE emails (
    id                 INTEGER PRIMARY KEY,
    company_id         INTEGER NOT NULL REFERENCES companies(id),
    event              TEXT NOT NULL,
    notification_group TEXT NOT NULL,
    subject            TEXT NOT NULL,
    body               TEXT NOT NULL,
    create_date        INTEGER NOT NULL
) STRICT;
CREATE INDEX emails_company ON emails(company_id);

INSERT INTO emails (id, company_id, event, notification_group, subject, body, create_date)
SELECT id, company_id, event, notification_group, subject, body, create_date FROM outbox;

CREATE TABLE outbox_new (
    id                INTEGER PRIMARY KEY,
    email_id          INTEGER NOT NULL REFERENCES emails(id),
    message_id        TEXT NOT NULL,           -- stable Message-ID across retries
    user_id           INTEGER REFERENCES users(id),
    recipient         TEXT NOT NULL,
    greeting          TEXT NOT NULL DEFAULT '', -- the body's first line for this recipient ('' for none)
    state             TEXT NOT NULL DEFAULT 'PENDING' CHECK ((state = 'PENDING' OR state = 'SENT' OR state = 'FAILED')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_date INTEGER NOT NULL,
    last_error        TEXT,
    create_date       INTEGER NOT NULL,
    sent_date         INTEGER,
    CHECK ((state = 'SENT') = (sent_date IS NOT NULL))
) STRICT;

INSERT INTO outbox_new (id, email_id, message_id, user_id, recipient, greeting, state, attempts, next_attempt_date, last_error,
    create_date, sent_date)
SELECT id, id, message_id, user_id, recipient, '', state, attempts, next_attempt_date, last_error, create_date, sent_date FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(next_attempt_date) WHERE state = 'PENDING';
CREATE INDEX outbox_email ON outbox(email_id);  -- a company's mail: its emails, then their recipients
