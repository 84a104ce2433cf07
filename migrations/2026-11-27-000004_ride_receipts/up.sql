-- The employee keeps a receipt for each ride; only its SHA-256 is stored,
-- so the database alone cannot produce a receipt or link one to a person.
ALTER TABLE rides ADD COLUMN receipt_hash bytea CHECK (octet_length(receipt_hash) = 32);
CREATE UNIQUE INDEX rides_by_receipt ON rides (tenant_id, receipt_hash);
