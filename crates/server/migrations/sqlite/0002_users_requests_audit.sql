-- The customer as the API serves it (camelCase JSON), without the one-time credentials.
ALTER TABLE customers ADD COLUMN resource TEXT NOT NULL DEFAULT '{}';
-- The company name folded by the shared model (case, accents, Turkish i), so that
-- search behaves the same on every backend and in every locale.
ALTER TABLE customers ADD COLUMN search_name TEXT NOT NULL DEFAULT '';
CREATE INDEX customers_search_name ON customers (search_name);

-- Partner staff who sign in to the wizard.
CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    user_name     TEXT NOT NULL,
    password_hash TEXT NOT NULL, -- argon2id, PHC string
    role          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX users_user_name_unique ON users (lower(user_name));

-- Bearer tokens are stored as SHA-256 hashes: a leaked table opens no session.
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL -- unix seconds
);
CREATE INDEX tokens_user ON tokens (user_id);

-- MS-RequestId idempotency: the first response to (caller, request id) is
-- replayed for a retry with the same body; status 0 = still being processed.
CREATE TABLE idempotency_keys (
    caller       TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       BIGINT NOT NULL,
    body         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (caller, request_id)
);

-- Every write: who, what, when, and under which request and correlation ids.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             BIGINT NOT NULL,
    user_name      TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT NOT NULL,
    request_id     TEXT,
    correlation_id TEXT
);
