DROP INDEX rides_by_receipt;
ALTER TABLE rides DROP COLUMN receipt_hash;
