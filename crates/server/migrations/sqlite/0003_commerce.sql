-- Initial domains that exist outside this partner's customers (other
-- partners' tenants): HEAD /v1/domains reports them taken. Lower case.
CREATE TABLE taken_domains (
    domain TEXT PRIMARY KEY NOT NULL
);

-- The indirect resellers of an indirect provider.
CREATE TABLE resellers (
    id       TEXT PRIMARY KEY NOT NULL, -- the reseller's tenant id
    name     TEXT NOT NULL,
    mpn_id   TEXT NOT NULL,
    location TEXT NOT NULL,
    state    TEXT NOT NULL DEFAULT 'Active'
);

ALTER TABLE customers ADD COLUMN associated_partner_id TEXT REFERENCES resellers (id);

-- Microsoft Customer Agreement acceptances recorded by the partner.
CREATE TABLE agreements (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    date_agreed TEXT NOT NULL, -- YYYY-MM-DD
    contact_key TEXT NOT NULL, -- the acceptor's details: the same ones twice is a duplicate
    resource    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX agreements_contact_unique ON agreements (customer_id, contact_key);

-- No acceptance in the future (a day of slack for the time zones ahead of UTC).
CREATE TRIGGER agreements_date_not_future_insert BEFORE INSERT ON agreements
WHEN NEW.date_agreed > date('now', '+1 day')
BEGIN
    SELECT RAISE(ABORT, 'agreement date is in the future');
END;
CREATE TRIGGER agreements_date_not_future_update BEFORE UPDATE ON agreements
WHEN NEW.date_agreed > date('now', '+1 day')
BEGIN
    SELECT RAISE(ABORT, 'agreement date is in the future');
END;

CREATE TABLE carts (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    status      TEXT NOT NULL, -- Active | Ordered
    resource    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX carts_customer ON carts (customer_id);

CREATE TABLE orders (
    id          TEXT PRIMARY KEY NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    cart_id     TEXT REFERENCES carts (id),
    resource    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, created_at);

CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
