CREATE TABLE customers (
    id                      TEXT PRIMARY KEY NOT NULL,
    domain                  TEXT NOT NULL,
    company_name            TEXT NOT NULL,
    relationship_to_partner TEXT NOT NULL DEFAULT 'reseller',
    created_at              TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);

-- A tenant's initial domain is unique whatever its letter case.
CREATE UNIQUE INDEX customers_domain_unique ON customers (lower(domain));
CREATE INDEX customers_company_name ON customers (lower(company_name));
