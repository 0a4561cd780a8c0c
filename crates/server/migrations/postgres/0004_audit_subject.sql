-- The identity provider's subject (`sub`) of a write made with its token,
-- beside the staff user it maps to; empty for the server's own password tokens.
ALTER TABLE audit_log ADD COLUMN subject TEXT;
