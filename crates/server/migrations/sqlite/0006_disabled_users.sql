-- A disabled user (1) keeps their account and audit trail but cannot sign
-- in, by password or through the identity provider; `user enable` undoes it.
ALTER TABLE users ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0;
