-- The accounts demo mode creates (1), which authenticate only while the
-- server runs in demo mode, whatever database it is given; 0 for real staff.
ALTER TABLE users ADD COLUMN demo BIGINT NOT NULL DEFAULT 0;
